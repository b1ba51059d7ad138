"""The public board analysis (per tertial): template and filling.

A4 portrait. Page 1 summary with findings written from the data and a hotspot map; page 2
trends per category over three years; one atlas page per area (the template's page 3 is the
prototype, cloned once per area); survey results; police data; method and sources.
Safe to publish: aggregated to areas or grid cells only, no exact points, no free text, no
reporter names, small counts shown as "<3" (threshold configurable).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutMultiFrame,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QPointF
from qgis.PyQt.QtXml import QDomDocument

from . import charts
from . import layout as lay
from .formatting import date_range, number
from .model import BoardData
from .privacy import change_text, count_text, rate_text

PUBLIC_MARK = "Publik version – aggregerade uppgifter, små antal visas som <{n}"
PAGE_W, PAGE_H = 210.0, 297.0
#: pages of the template, in order; the area page is cloned once per area
PAGES = ("summary", "trends", "area", "survey", "police", "method")
AREA_PAGE = PAGES.index("area")
AREA_IDS = ("area_title", "area_map", "area_figures", "area_facts")


def build_template(project: QgsProject) -> QgsPrintLayout:
    layout = lay.new_layout(project, "Nämndanalys", "A4", QgsLayoutItemPage.Portrait,
                          pages=len(PAGES))
    white = lay.QColor("white")
    for page, name in enumerate(PAGES):
        lay.add_band(layout, f"band_{name}", page, (0, 0, PAGE_W, 20), "#1f4e79")
        lay.add_label(layout, f"header_{name}", "Trygghetsanalys", page, (10, 4, 190, 8),
                    size=13, bold=True, color=white)
        lay.add_label(layout, f"public_{name}", PUBLIC_MARK.format(n=3), page,
                    (10, 12, 190, 6), size=7.5, color=white)
        lay.add_label(layout, f"footer_{name}", "", page, (10, 288, 190, 5), size=6.5,
                    align=lay.Qt.AlignRight)
    # summary
    lay.add_label(layout, "title", "Trygghetsanalys", 0, (10, 25, 190, 12), size=18, bold=True)
    lay.add_label(layout, "subtitle", "", 0, (10, 37, 190, 7), size=10)
    lay.add_label(layout, "findings_title", "Det viktigaste", 0, (10, 47, 190, 6), size=11,
                bold=True)
    lay.add_label(layout, "findings", "", 0, (10, 54, 190, 52), size=9)
    lay.add_table(layout, "summary_figures", 0, (10, 108, 190, 60),
                ["Kategori", "Antal", "Föreg. tertial", "Förändr.", "Ett år sedan", "Förändr."],
                widths=(62, 20, 25, 25, 25, 25), font_size=8)
    lay.add_label(layout, "summary_note", "", 0, (10, 170, 190, 8), size=6.5)
    summary_map = lay.add_map(layout, "summary_map", 0, (10, 180, 120, 105))
    lay.add_legend(layout, "summary_legend", 0, (134, 180, 66, 80), summary_map)
    # trends
    lay.add_label(layout, "trends_title", "Utveckling per kategori, tre år", 1,
                (10, 25, 190, 8), size=13, bold=True)
    lay.add_picture(layout, "trend_chart", 1, (10, 35, 190, 110))
    lay.add_label(layout, "trends_text", "", 1, (10, 150, 190, 40), size=9)
    # area prototype
    lay.add_label(layout, "area_title", "Område", AREA_PAGE, (10, 25, 190, 9), size=14, bold=True)
    area_map = lay.add_map(layout, "area_map", AREA_PAGE, (10, 36, 190, 130))
    area_map.setId("area_map")
    lay.add_table(layout, "area_figures", AREA_PAGE, (10, 170, 190, 70),
                ["Kategori", "Antal", "Föreg. tertial", "Förändr.", "Ett år sedan", "Förändr."],
                widths=(62, 20, 25, 25, 25, 25), font_size=8)
    lay.add_label(layout, "area_facts", "", AREA_PAGE, (10, 245, 190, 40), size=9)
    # survey
    page = PAGES.index("survey")
    lay.add_label(layout, "survey_title", "Trygghetsmätning", page, (10, 25, 190, 8), size=13,
                bold=True)
    lay.add_map(layout, "survey_map", page, (10, 35, 120, 120))
    lay.add_table(layout, "survey_table", page, (10, 160, 190, 120),
                ["Område", "Fråga", "Index (0–6)", "Svarande"], widths=(70, 70, 25, 25),
                font_size=8)
    # police
    page = PAGES.index("police")
    lay.add_label(layout, "police_title", "Polisens uppgifter", page, (10, 25, 190, 8), size=13,
                bold=True)
    lay.add_label(layout, "police_text", "", page, (10, 35, 190, 20), size=9)
    lay.add_table(layout, "police_table", page, (10, 58, 190, 150),
                ["Händelsetyp", "Tertialen", "Föreg. tertial", "Ett år sedan"],
                widths=(100, 30, 30, 30), font_size=8)
    # method
    page = PAGES.index("method")
    lay.add_label(layout, "method_title", "Metod och källor", page, (10, 25, 190, 8), size=13,
                bold=True)
    lay.add_label(layout, "method", "", page, (10, 35, 190, 170), size=9)
    lay.add_label(layout, "sources", "", page, (10, 210, 190, 70), size=8)
    return layout


# -- cloning the area page ----------------------------------------------------------------
def _items_on_page(layout: QgsPrintLayout, page: int) -> list[QgsLayoutItem]:
    return [i for i in layout.items() if isinstance(i, QgsLayoutItem)
            and not isinstance(i, QgsLayoutItemPage) and i.page() == page]


def clone_page(layout: QgsPrintLayout, source: int, suffix: str) -> int:
    """Append a copy of page ``source`` with every item id suffixed; returns the new index.

    Items (and the tables behind their frames) go through XML, as copy and paste in the
    Layout Designer does."""
    collection = layout.pageCollection()
    original = collection.page(source)
    new_page = QgsLayoutItemPage(layout)
    new_page.setPageSize(original.pageSize())
    collection.addPage(new_page)
    index = collection.pageCount() - 1
    doc = QDomDocument()
    root = doc.createElement("items")
    doc.appendChild(root)
    context = QgsReadWriteContext()
    multiframes: list[QgsLayoutMultiFrame] = []
    for item in _items_on_page(layout, source):
        item.writeXml(root, doc, context)
        if isinstance(item, QgsLayoutFrame) and item.multiFrame() not in multiframes:
            multiframes.append(item.multiFrame())
    for multiframe in multiframes:
        multiframe.writeXml(root, doc, context)
    origin = collection.pagePositionToLayoutPosition(index, lay.QgsLayoutPoint(0, 0, lay.MM))
    added = layout.addItemsFromXml(root, doc, context, QPointF(origin.x(), origin.y()), True)
    for item in added:
        if item.id():
            item.setId(f"{item.id()}{suffix}")
    return index


def fill(layout: QgsPrintLayout, data: BoardData, *, work_dir: Path,
         summary_layers: list[QgsMapLayer], extent: QgsRectangle,
         area_layers: list[QgsMapLayer], area_extents: dict[str, QgsRectangle],
         survey_layers: list[QgsMapLayer]) -> None:
    n = data.small_count_threshold
    period = date_range(data.first_day, data.last_day)
    header = f"Trygghetsanalys {data.kommun_name} kommun · {data.tertial}"

    # One page per area: the prototype takes the first area, clones take the rest.
    suffixes = [""] + [f"_{i}" for i in range(1, len(data.areas))]
    for suffix in suffixes[1:]:
        clone_page(layout, AREA_PAGE, suffix)
    _move_area_pages_together(layout, len(data.areas))

    pages = layout.pageCollection().pageCount()
    for item in layout.items():
        if isinstance(item, QgsLayoutItem) and item.id().startswith("footer_"):
            item.setText(f"{header} · sida {item.page() + 1} av {pages}")
        elif isinstance(item, QgsLayoutItem) and item.id().startswith("header_"):
            item.setText(header)
        elif isinstance(item, QgsLayoutItem) and item.id().startswith("public_"):
            item.setText(PUBLIC_MARK.format(n=n + 1))

    lay.set_text(layout, "title", f"Trygghetsanalys {data.kommun_name} kommun")
    lay.set_text(layout, "subtitle", f"Tertial {data.tertial}: {period}. Underlag till "
                                   "kommunstyrelsen.")
    lay.set_text(layout, "findings", "\n".join(f"• {f}" for f in data.findings))
    lay.set_rows(layout, "summary_figures", _figure_rows(data.figures, data.total, n),
               colors=[[f.color] + [None] * 5 for f in data.figures])
    lay.set_text(layout, "summary_note",
               "* = statistiskt säkerställd förändring (exakt test, falsk upptäcktsrisk ≤ 5 % "
               f"över alla jämförelser). Antal 1–{n} visas som <{n + 1}.")
    _set_map(layout, "summary_map", summary_layers, extent)
    legend = lay.item(layout, "summary_legend")
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for layer in summary_layers:
            root.addLayer(layer)

    size = lay.item(layout, "trend_chart")
    inches = charts.mm(size.sizeWithUnits().width(), size.sizeWithUnits().height()) \
        if size else charts.mm(190, 110)
    charts.trend(data.trend_labels, data.trend_series, data.category_colors,
                 data.category_names, Path(work_dir) / "board_trend.svg",
                 title="Händelser per tertial och kategori", size=inches)
    lay.set_picture(layout, "trend_chart", Path(work_dir) / "board_trend.svg")

    for area, suffix in zip(data.areas, suffixes):
        title = area.code if area.name in (None, "", area.code) else f"{area.name} ({area.code})"
        lay.set_text(layout, f"area_title{suffix}", title)
        _set_map(layout, f"area_map{suffix}", area_layers, area_extents.get(area.code, extent))
        lay.set_rows(layout, f"area_figures{suffix}", _figure_rows(area.figures, area.total, n))
        facts = [f"Invånare: {number(area.population) if area.population else 'okänt'}.",
                 f"Händelser per 1 000 invånare i tertialen: "
                 f"{rate_text(area.total.count, area.population, n)}."]
        if area.survey_index is not None:
            facts.append(f"{area.survey_name}: problemindex {number(area.survey_index, 1)} "
                         "(0–6, högre = större problem).")
        if area.hotspot_cells:
            facts.append(f"Statistiskt säkerställda hotspot-celler i området: "
                         f"{area.hotspot_cells}.")
        lay.set_text(layout, f"area_facts{suffix}", "\n".join(facts))

    _set_map(layout, "survey_map", survey_layers, extent)
    lay.set_rows(layout, "survey_table", [[a, q, number(i, 1) if i is not None else "–",
                                         count_text(r, n)] for a, q, i, r in data.survey_rows])
    lay.set_rows(layout, "police_table", [[t, count_text(c, n), count_text(p, n),
                                         count_text(y, n)] for t, c, p, y in data.police_rows])
    lay.set_text(layout, "police_text",
               "Polisens publicerade händelser som rör kommunen, räknade per typ. Platsen "
               "anges av polisen bara på kommunnivå; händelserna visas därför inte på kartan.")
    lay.set_text(layout, "method", "\n\n".join(data.method))
    lay.set_text(layout, "sources", "Källor:\n" + "\n".join(f"• {s}" for s in data.sources))
    if not data.areas:
        _remove_page_items(layout, AREA_PAGE)


def _figure_rows(figures, total, n) -> list[list[str]]:
    return [[f.label, count_text(f.count, n), count_text(f.previous, n),
             change_text(f, "previous", n), count_text(f.year_ago, n), change_text(f, "year", n)]
            for f in [*figures, total]]


def _set_map(layout, item_id: str, layers, extent) -> None:
    item = lay.item(layout, item_id)
    if isinstance(item, QgsLayoutItemMap) and layers:
        item.setLayers(layers)
        item.setKeepLayerSet(True)
        item.setCrs(layers[0].crs())
        lay.show_extent(item, extent)


def _move_area_pages_together(layout: QgsPrintLayout, areas: int) -> None:
    """Clones are appended at the end: copy the pages that follow the area page behind them
    (same ids) and delete the originals, so the area pages stand together in order."""
    if areas <= 1:
        return
    tail = range(AREA_PAGE + 1, len(PAGES))
    for page in tail:
        clone_page(layout, page, "")
    for page in reversed(tail):
        _remove_page_items(layout, page)


def _remove_page_items(layout: QgsPrintLayout, page: int) -> None:
    """Delete a page and its items; items on later pages move up with their pages (the page
    collection alone would leave them at their old layout positions)."""
    later = [(i, i.page(), i.pagePositionWithUnits()) for i in layout.items()
             if isinstance(i, QgsLayoutItem) and not isinstance(i, QgsLayoutItemPage)
             and i.page() > page]
    for item in _items_on_page(layout, page):
        layout.removeLayoutItem(item)
    layout.pageCollection().deletePage(page)
    for item, old_page, position in later:
        item.attemptMove(position, True, False, old_page - 1)
