"""The 14-day lägesbild layout (internal): its template and how it is filled.

Three pages, A3 landscape by default (A4 as an option). Page 1: the municipality map with
categorized incidents and hotspots, an inset for the central town, legend, scale bar, north
arrow and the key figures. Page 2: weekday × hour, trend over the last 12 periods, top places,
reporters' activity and police events. Page 3: the measures active in the period and the
unusual or hot places with no measure nearby. "INTERNT – innehåller exakta platser" on every page.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
)

from . import charts
from . import layout as lay
from .formatting import DASH, date_range, number, percent, weeks
from .model import FigureRow, LagesbildReport, MeasureRow

INTERNAL_MARK = "INTERNT – innehåller exakta platser"
PAGE_SIZES = {"A3": (420.0, 297.0), "A4": (297.0, 210.0)}

#: Item ids the generator fills; a template may drop any of them.
ITEM_IDS = (
    "title", "period", "internal_mark", "internal_mark_p2", "map_main", "map_inset", "legend",
    "scalebar", "north_arrow", "key_figures", "key_figures_note", "chart_weekday_hour",
    "chart_trend", "top_places", "chart_reporters", "police_events", "sources", "title_p2",
    "title_p3", "internal_mark_p3", "measures", "uncovered", "measures_note",
)
PAGES = 3
#: Rows the page-3 tables hold (A3 and A4 alike); the rest is summed up in a last row.
MAX_MEASURES, MAX_UNCOVERED = 14, 12
MEASURE_HEADERS = ["Åtgärd", "Typ", "Status", "Period", "Ansvarig", "Senaste bedömning"]


def build_template(project: QgsProject, size: str = "A3") -> QgsPrintLayout:
    """The layout the shipped template is saved from (and the fallback when none is set)."""
    w, h = PAGE_SIZES[size]
    s = w / 420.0  # scale every position from the A3 design
    layout = lay.new_layout(project, "Lägesbild", size, QgsLayoutItemPage.Landscape,
                            pages=PAGES)

    def r(x, y, rw, rh):
        return (x * s, y * s, rw * s, rh * s)

    fs = max(s, 0.8)
    for page in range(PAGES):
        lay.add_band(layout, f"band_p{page + 1}", page, r(0, 0, 420, 24), "#1f4e79")
        lay.add_band(layout, f"internal_band_p{page + 1}", page, r(282, 5, 130, 14), "#b00020")
        lay.add_label(layout, "internal_mark" if page == 0 else f"internal_mark_p{page + 1}",
                      INTERNAL_MARK, page, r(284, 8, 126, 10), size=13 * fs, bold=True,
                      color=lay.QColor("white"), align=lay.Qt.AlignHCenter)
        lay.add_label(layout, f"footer_p{page + 1}", f"Sida {page + 1} av {PAGES} · Trygghet",
                      page,
                    r(330, 288, 80, 6), size=7 * fs, align=lay.Qt.AlignRight)
    white = lay.QColor("white")
    lay.add_label(layout, "title", "Lägesbild", 0, r(10, 3, 250, 11), size=20 * fs, bold=True,
                color=white)
    lay.add_label(layout, "period", "period", 0, r(10, 14, 250, 8), size=11 * fs, color=white)
    lay.add_label(layout, "title_p2", "Lägesbild", 1, r(10, 6, 250, 12), size=14 * fs, bold=True,
                color=white)

    main = lay.add_map(layout, "map_main", 0, r(10, 30, 262, 252))
    lay.add_map(layout, "map_inset", 0, r(280, 30, 130, 88))
    lay.add_label(layout, "inset_title", "Centralorten", 0, r(281, 31, 60, 5), size=7 * fs,
                bold=True)
    legend = lay.add_legend(layout, "legend", 0, r(280, 122, 130, 54), main,
                            scale=min(1.0, s))
    legend.setColumnCount(2)
    legend.setSplitLayer(True)  # a busy period's nine categories share both columns
    lay.add_scalebar(layout, "scalebar", 0, (14 * s, 268 * s), main)
    lay.add_picture(layout, "north_arrow", 0, r(258, 34, 10, 14), lay.north_arrow_svg())
    # Tall enough for every category and the total, also when long names wrap on A4.
    lay.add_table(layout, "key_figures", 0, r(280, 180, 130, 93),
                ["Kategori", "Antal", "Väntat", "Föreg. period", "Ett år sedan", "Förändr."],
                font_size=8 * fs, widths=[w * s for w in (38, 12, 14, 17, 14, 17)],
                margin=lay.CELL_MARGIN * fs)
    lay.add_label(layout, "key_figures_note", "", 0, r(280, 273, 130, 10), size=5.5 * fs)
    lay.add_label(layout, "stale_note", "", 0, r(10, 24, 250, 6), size=9 * fs, bold=True,
                  color=lay.RED)
    lay.add_label(layout, "sources", "", 0, r(10, 284, 300, 10), size=6.5 * fs)

    lay.add_picture(layout, "chart_weekday_hour", 1, r(10, 30, 198, 88))
    lay.add_picture(layout, "chart_trend", 1, r(214, 30, 198, 88))
    lay.add_label(layout, "top_places_title", "Platser med flest händelser", 1,
                r(10, 124, 198, 6), size=9 * fs, bold=True)
    lay.add_table(layout, "top_places", 1, r(10, 131, 198, 70), ["Plats", "Antal", "Kommentar"],
                widths=[w * s for w in (90, 20, 80)])
    lay.add_picture(layout, "chart_reporters", 1, r(214, 124, 198, 78))
    lay.add_label(layout, "police_title", "Polisens händelser i perioden", 1,
                r(10, 207, 300, 6), size=9 * fs, bold=True)
    lay.add_table(layout, "police_events", 1, r(10, 214, 262, 66),
                ["Tid", "Händelse", "Plats", "Lägesnoggrannhet"],
                widths=[w * s for w in (30, 130, 45, 45)])
    lay.add_label(layout, "method_title", "Så läses siffrorna", 1, r(280, 207, 132, 6),
                  size=9 * fs, bold=True)
    lay.add_label(layout, "method", "", 1, r(280, 214, 132, 70), size=7 * fs)

    # Page 3: what is being done, and where nothing is although the picture asks for it.
    lay.add_label(layout, "title_p3", "Lägesbild", 2, r(10, 6, 250, 12), size=14 * fs, bold=True,
                  color=white)
    lay.add_label(layout, "measures_title", "Åtgärder i perioden", 2, r(10, 30, 300, 6),
                  size=9 * fs, bold=True)
    lay.add_table(layout, "measures", 2, r(10, 37, 400, 118), MEASURE_HEADERS,
                  widths=[w * s for w in (110, 58, 28, 52, 72, 80)])
    lay.add_label(layout, "uncovered_title", "Ovanligt/het plats utan åtgärd", 2,
                  r(10, 162, 300, 6), size=9 * fs, bold=True)
    lay.add_table(layout, "uncovered", 2, r(10, 169, 262, 110), ["Vad", "Var"],
                  widths=[w * s for w in (150, 110)])
    lay.add_label(layout, "measures_note_title", "Så läses sidan", 2, r(280, 162, 132, 6),
                  size=9 * fs, bold=True)
    lay.add_label(layout, "measures_note", "", 2, r(280, 169, 132, 110), size=7 * fs)
    return layout


def _item_inches(layout: QgsPrintLayout, item_id: str) -> tuple[float, float]:
    """The chart size that fits an item 1:1, so chart text prints at its point size."""
    item = lay.item(layout, item_id)
    if item is None:
        return charts.mm(198, 88)
    size = item.sizeWithUnits()
    return charts.mm(size.width(), size.height())


def _change_cell(row: FigureRow) -> str:
    """The change against a year earlier, as context (it is not tested)."""
    return percent(row.change_year, sign=True) if row.change_year is not None else DASH


def _measure_cells(row: MeasureRow) -> list[str]:
    return [row.title, row.type, row.status, row.dates, row.organisation, row.verdict]


def fill_measures(layout: QgsPrintLayout, data: LagesbildReport) -> None:
    """Page 3: the period's measures (type colour on the type's cell) and the flag list."""
    shown = data.measures[:MAX_MEASURES]
    rows = [_measure_cells(m) for m in shown]
    colors = [[None, m.color] + [None] * 4 for m in shown]
    if len(data.measures) > len(shown):
        rows.append([f"… och {len(data.measures) - len(shown)} till", "", "", "", "", ""])
    lay.set_rows(layout, "measures", rows or [["Inga åtgärder pågick i perioden", "", "", "",
                                               "", ""]], colors=colors)
    places = [[p.what, p.where] for p in data.uncovered[:MAX_UNCOVERED]]
    if len(data.uncovered) > len(places):
        places.append([f"… och {len(data.uncovered) - len(places)} till (se kartan)", ""])
    lay.set_rows(layout, "uncovered", places or [["Alla ovanliga och heta platser har en "
                                                  "åtgärd i närheten", ""]])
    lay.set_text(layout, "measures_note", data.measures_note)


def fill(layout: QgsPrintLayout, data: LagesbildReport, *, work_dir: Path,
         map_layers: list[QgsMapLayer], extent: QgsRectangle,
         inset_extent: QgsRectangle | None, legend_layers: list[QgsMapLayer],
         inset_layers: list[QgsMapLayer] | None = None) -> None:
    """Put the data into the layout's items (by id). ``inset_layers`` (default: the main
    map's) lets the zoomed-in inset draw the points above the hot cells."""
    work_dir = Path(work_dir)
    period = f"{date_range(data.first_day, data.last_day)} ({weeks(data.first_day, data.last_day)})"
    lay.set_text(layout, "title", f"Lägesbild {data.kommun_name} kommun")
    lay.set_text(layout, "title_p2", f"Lägesbild {data.kommun_name} kommun · {period}")
    lay.set_text(layout, "period", period)
    lay.set_text(layout, "title_p3", f"Lägesbild {data.kommun_name} kommun · {period} · "
                 "Åtgärder")
    for mark in ("internal_mark", "internal_mark_p2", "internal_mark_p3"):
        lay.set_text(layout, mark, INTERNAL_MARK)

    for item_id, rect, layers in (("map_main", extent, map_layers),
                                  ("map_inset", inset_extent, inset_layers or map_layers)):
        lay.set_map(layout, item_id, layers, rect)
    bar = lay.item(layout, "scalebar")
    if isinstance(bar, QgsLayoutItemScaleBar):
        bar.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
        bar.setUnitLabel("km")
    lay.set_legend(layout, "legend", legend_layers)

    rows = [[f.label, number(f.count) + f.mark, f.expected_text, number(f.previous),
             number(f.year_ago), _change_cell(f)] for f in [*data.figures, data.total]]
    lay.set_rows(layout, "key_figures", rows,
               colors=[[f.color] + [None] * 5 for f in data.figures])
    lay.set_text(layout, "key_figures_note", data.figures_note)
    lay.set_text(layout, "stale_note", data.stale_note)
    lay.set_text(layout, "method", "\n\n".join(data.method))
    fill_measures(layout, data)

    charts.weekday_hour(data.weekday_hour, work_dir / "weekday_hour.svg",
                        title="Händelser per veckodag och timme (perioden)",
                        size=_item_inches(layout, "chart_weekday_hour"))
    lay.set_picture(layout, "chart_weekday_hour", work_dir / "weekday_hour.svg")
    charts.trend(data.trend_labels, data.trend_series, data.category_colors,
                 data.category_names, work_dir / "trend.svg",
                 title="Utveckling de senaste 12 perioderna",
                 size=_item_inches(layout, "chart_trend"))
    lay.set_picture(layout, "chart_trend", work_dir / "trend.svg")
    if data.reporters:
        orgs = data.reporters[:10]
        active = [a for _, _, a in orgs]
        charts.horizontal_bars([o for o, _, _ in orgs], [n for _, n, _ in orgs],
                               work_dir / "reporters.svg",
                               title="Rapportörernas aktivitet per organisation",
                               # without reporter ids the store cannot tell who was active
                               secondary=active if any(active) else None,
                               primary_label="Rapporter",
                               secondary_label="Aktiva rapportörer",
                               size=_item_inches(layout, "chart_reporters"))
        lay.set_picture(layout, "chart_reporters", work_dir / "reporters.svg")
    lay.set_rows(layout, "top_places", [[p.name, number(p.count), p.note]
                                      for p in data.top_places])
    police = [[e.when.strftime("%Y-%m-%d %H:%M"), e.kind, e.place, e.precision]
              for e in data.police_events[:12]]
    lay.set_rows(layout, "police_events",
                 police or [["", "Inga polishändelser i perioden", "", ""]])
    # Each source line carries its own last sync (local time); say so when there is none.
    sync = "" if data.last_sync else " Ingen synk registrerad i databasen."
    lay.set_text(layout, "sources", "Källor: " + "; ".join(data.sources) + f".{sync} "
                 + " ".join(data.notes))
