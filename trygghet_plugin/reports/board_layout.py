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
    QgsLayoutItemManualTable,
    QgsLayoutItemPage,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QPointF, QUuid
from qgis.PyQt.QtXml import QDomDocument

from . import charts
from . import layout as lay
from .disclosure import small_counts
from .formatting import date_range, number
from .model import BoardData
from .privacy import (
    SECONDARY_MARK,
    cell_text,
    change_text,
    count_text,
    marked_count_text,
    rate_text,
)

PUBLIC_MARK = "Publik version – aggregerade uppgifter"


def public_mark(n: int) -> str:
    """Every page's line on what kind of document this is (``n``: the small-count threshold)."""
    return PUBLIC_MARK + (f", små antal visas som <{n + 1}" if n > 0 else "")

PAGE_W, PAGE_H = 210.0, 297.0
#: pages of the template, in order; the area page is cloned once per area
PAGES = ("summary", "trends", "area", "survey", "police", "method")
AREA_PAGE = PAGES.index("area")
AREA_IDS = ("area_title", "area_map", "area_figures", "area_facts")
#: Rows of the survey table that fit its frame; the area pages show every area anyway.
SURVEY_ROWS = 32


def area_suffixes(count: int) -> list[str]:
    """Item id suffixes of the area pages: the prototype keeps its ids, clones get _1, _2 …"""
    return [""] + [f"_{i}" for i in range(1, count)] if count else []


def area_map_ids(count: int) -> list[str]:
    """The id of each area page's map, in the order of the areas."""
    return [f"area_map{suffix}" for suffix in area_suffixes(count)]


def build_template(project: QgsProject) -> QgsPrintLayout:
    layout = lay.new_layout(project, "Nämndanalys", "A4", QgsLayoutItemPage.Orientation.Portrait,
                          pages=len(PAGES))
    white = lay.QColor("white")
    for page, name in enumerate(PAGES):
        lay.add_band(layout, f"band_{name}", page, (0, 0, PAGE_W, 20), "#1f4e79")
        lay.add_label(layout, f"header_{name}", "Trygghetsanalys", page, (10, 4, 190, 8),
                    size=13, bold=True, color=white)
        lay.add_label(layout, f"public_{name}", public_mark(2), page,
                    (10, 12, 190, 6), size=7.5, color=white)
        lay.add_label(layout, f"footer_{name}", "", page, (10, 288, 190, 5), size=6.5,
                    align=lay.Qt.AlignRight)
    # summary
    lay.add_label(layout, "title", "Trygghetsanalys", 0, (10, 25, 190, 12), size=18, bold=True)
    lay.add_label(layout, "subtitle", "", 0, (10, 37, 190, 7), size=10)
    lay.add_label(layout, "findings_title", "Det viktigaste", 0, (10, 47, 190, 6), size=11,
                bold=True)
    lay.add_label(layout, "findings", "", 0, (10, 54, 190, 44), size=9)
    lay.add_table(layout, "summary_figures", 0, (10, 100, 190, 70),
                ["Kategori", "Antal", "Väntat", "Föreg. tertial", "Ett år sedan", "Förändr."],
                widths=(62, 20, 25, 25, 25, 25), font_size=8)
    lay.add_label(layout, "summary_note", "", 0, (10, 171, 190, 9), size=6.5)
    lay.add_label(layout, "stale_note", "", 0, (10, 43, 190, 4), size=8, bold=True,
                  color=lay.RED)
    summary_map = lay.add_map(layout, "summary_map", 0, (10, 181, 120, 104))
    lay.add_legend(layout, "summary_legend", 0, (134, 181, 66, 80), summary_map)
    # trends
    lay.add_label(layout, "trends_title", "Utveckling per kategori, tre år", 1,
                (10, 25, 190, 8), size=13, bold=True)
    lay.add_picture(layout, "trend_chart", 1, (10, 35, 190, 110))
    lay.add_label(layout, "trends_text", "", 1, (10, 150, 190, 130), size=9)
    # area prototype
    lay.add_label(layout, "area_title", "Område", AREA_PAGE, (10, 25, 190, 9), size=14, bold=True)
    lay.add_map(layout, "area_map", AREA_PAGE, (10, 36, 190, 125))
    lay.add_label(layout, "area_facts", "", AREA_PAGE, (10, 165, 190, 20), size=9)
    lay.add_table(layout, "area_figures", AREA_PAGE, (10, 187, 190, 96),
                ["Kategori", "Antal", "Väntat", "Föreg. tertial", "Ett år sedan", "Förändr."],
                widths=(62, 20, 25, 25, 25, 25), font_size=8)
    # survey
    page = PAGES.index("survey")
    lay.add_label(layout, "survey_title", "Trygghetsmätning", page, (10, 25, 190, 8), size=13,
                bold=True)
    survey_map = lay.add_map(layout, "survey_map", page, (10, 35, 120, 80))
    legend = lay.add_legend(layout, "survey_legend", page, (134, 35, 66, 60), survey_map)
    legend.setTitle("Problemindex (0–6)")
    lay.add_label(layout, "survey_text", "", page, (134, 96, 66, 19), size=7)
    lay.add_table(layout, "survey_table", page, (10, 119, 190, 166),
                ["Område", "Fråga", "Index (0–6)", "Svarande"], widths=(70, 70, 25, 25),
                font_size=7, margin=0.6)
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

    Items go through XML, as copy and paste in the Layout Designer does. A table is copied
    as a new table with a frame of its own (see :func:`_clone_table`)."""
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
    frames: list[QgsLayoutFrame] = []
    for item in _items_on_page(layout, source):
        if isinstance(item, QgsLayoutFrame):
            frames.append(item)
        else:
            item.writeXml(root, doc, context)
    origin = collection.pagePositionToLayoutPosition(index, lay.QgsLayoutPoint(0, 0, lay.MM))
    added = layout.addItemsFromXml(root, doc, context, QPointF(origin.x(), origin.y()), True)
    for item in added:
        if item.id():
            item.setId(f"{item.id()}{suffix}")
    for frame in frames:
        _clone_table(layout, frame, index, suffix)
    return index


def _clone_table(layout: QgsPrintLayout, frame: QgsLayoutFrame, page: int,
                 suffix: str) -> QgsLayoutFrame:
    """A copy of the table behind ``frame`` with one frame at the same place on ``page``.

    Pasting a table through XML keeps the links of the original (its uuids and its frame
    list): the copy prints, but in a saved project every copied frame claims the original's
    table and the copies' contents are lost. A new table with fresh uuids, filled from the
    original's XML without its frames, and a frame made for it, stay whole."""
    context = QgsReadWriteContext()
    doc = QDomDocument()
    root = doc.createElement("table")
    doc.appendChild(root)
    frame.multiFrame().writeXml(root, doc, context, False)
    frame.writeXml(root, doc, context)
    table_xml, frame_xml = root.firstChildElement(), root.lastChildElement()
    table_uuid, frame_uuid = QUuid.createUuid().toString(), QUuid.createUuid().toString()
    for name in ("uuid", "templateUuid"):
        table_xml.setAttribute(name, table_uuid)
        frame_xml.setAttribute(name, frame_uuid)
    for name in ("multiFrame", "multiFrameTemplateUuid"):
        frame_xml.setAttribute(name, table_uuid)
    table = QgsLayoutItemManualTable.create(layout)
    table.readXml(table_xml, doc, context, False)
    layout.addMultiFrame(table)
    copy = QgsLayoutFrame(layout, table)
    copy.readXml(frame_xml, doc, context)
    copy.setId(f"{frame.id()}{suffix}" if frame.id() else "")
    table.addFrame(copy)
    copy.attemptMove(frame.pagePositionWithUnits(), True, False, page)
    copy.attemptResize(frame.sizeWithUnits())
    return copy


def fill(layout: QgsPrintLayout, data: BoardData, *, work_dir: Path,
         summary_layers: list[QgsMapLayer], extent: QgsRectangle,
         area_layers: list[QgsMapLayer], area_extents: dict[str, QgsRectangle],
         survey_layers: list[QgsMapLayer]) -> None:
    n = data.small_count_threshold
    period = date_range(data.first_day, data.last_day)
    header = f"Trygghetsanalys {data.kommun_name} kommun · {data.tertial}"

    # One page per area: the prototype takes the first area, clones take the rest.
    suffixes = area_suffixes(len(data.areas))
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
            item.setText(public_mark(n))

    lay.set_text(layout, "title", f"Trygghetsanalys {data.kommun_name} kommun")
    lay.set_text(layout, "subtitle", f"Tertial {data.tertial}: {period}. Underlag till "
                                   "kommunstyrelsen.")
    lay.set_text(layout, "findings", "\n".join(f"• {f}" for f in data.findings))
    lay.set_rows(layout, "summary_figures", _figure_rows(data.figures, data.total, n),
               colors=[[f.color] + [None] * 5 for f in data.figures])
    lay.set_text(layout, "summary_note",
               f"{data.figures_note} Antal {small_counts(n)} visas som <{n + 1}; "
               f"{SECONDARY_MARK} = dolt för att skydda ett litet antal (se Metod)."
               if n > 0 else data.figures_note)
    lay.set_text(layout, "stale_note", data.stale_note)
    lay.set_map(layout, "summary_map", summary_layers, extent)
    lay.set_legend(layout, "summary_legend", summary_layers)

    size = lay.item(layout, "trend_chart")
    inches = charts.mm(size.sizeWithUnits().width(), size.sizeWithUnits().height()) \
        if size else charts.mm(190, 110)
    charts.trend(data.trend_labels, data.trend_series, data.category_colors,
                 data.category_names, Path(work_dir) / "board_trend.svg",
                 title="Händelser per tertial och kategori", size=inches)
    lay.set_picture(layout, "trend_chart", Path(work_dir) / "board_trend.svg")
    trends = ["Samma tertial de senaste åren, per kategori:", *[
        f"• {note}" for note in data.trend_notes]] if data.trend_notes else []
    if data.coverage_note:
        trends += ["", data.coverage_note]
    lay.set_text(layout, "trends_text", "\n".join(trends))

    for area, suffix in zip(data.areas, suffixes):
        title = area.code if area.name in (None, "", area.code) else f"{area.name} ({area.code})"
        lay.set_text(layout, f"area_title{suffix}", title)
        lay.set_map(layout, f"area_map{suffix}", area_layers, area_extents.get(area.code, extent))
        lay.set_rows(layout, f"area_figures{suffix}", _figure_rows(area.figures, area.total, n))
        rate = rate_text(area.total.count, area.population, n,
                         hidden="count" in area.total.hidden)
        facts = [f"Invånare: {number(area.population) if area.population else 'okänt'}.",
                 f"Händelser per 1 000 invånare i tertialen: {rate}."]
        if area.survey_index is not None:
            facts.append(f"{area.survey_name}: problemindex {number(area.survey_index, 1)} "
                         "(0–6, högre = större problem).")
        if area.hotspot_cells:
            facts.append(f"Statistiskt säkerställda hotspot-celler i området: "
                         f"{area.hotspot_cells}.")
        lay.set_text(layout, f"area_facts{suffix}", "\n".join(facts))

    _fill_survey(layout, data, survey_layers, extent)
    police_hidden = data.police_hidden or [{}] * len(data.police_rows)
    lay.set_rows(layout, "police_table", [
        [t, *[count_text(v, n, hidden.get(j)) for j, v in enumerate(values)]]
        for (t, *values), hidden in zip(data.police_rows, police_hidden)])
    lay.set_text(layout, "police_text",
               "Polisens publicerade händelser som rör kommunen, räknade per typ. Platsen "
               "anges av polisen bara på kommunnivå; händelserna visas därför inte på kartan.")
    lay.set_text(layout, "method", "\n\n".join(data.method))
    lay.set_text(layout, "sources", "Källor:\n" + "\n".join(f"• {s}" for s in data.sources))
    if not data.areas:
        _remove_page_items(layout, AREA_PAGE)


def _fill_survey(layout: QgsPrintLayout, data: BoardData, layers: list[QgsMapLayer],
                 extent: QgsRectangle) -> None:
    """The latest survey: a map of the mean problem index per area, and one table row per
    area with one column per question (areas × questions would run over several pages)."""
    n = data.small_count_threshold
    if data.survey_name:
        lay.set_text(layout, "survey_title", data.survey_name if data.survey_name.lower()
                     .startswith("trygghetsmätning") else f"Trygghetsmätning: {data.survey_name}")
    lay.set_map(layout, "survey_map", layers, extent)
    lay.set_legend(layout, "survey_legend", layers[:1] if data.survey_name else [])
    lay.set_text(layout, "survey_text",
                 "Kartan visar medelvärdet av områdets frågor. Index 0–6: högre värde = "
                 "större upplevda problem. Områden utan färg ingick inte i mätningen."
                 if data.survey_name else "Ingen trygghetsmätning finns i databasen.")
    questions: list[str] = []
    table: dict[str, dict[str, float | None]] = {}
    respondents: dict[str, list[int]] = {}
    for area, question, index, count in data.survey_rows:
        if question not in questions:
            questions.append(question)
        table.setdefault(area, {})[question] = index
        if count is not None:
            respondents.setdefault(area, []).append(count)
    if not questions:
        lay.set_rows(layout, "survey_table", [])
        return
    lay.set_headers(layout, "survey_table", ["Område", *questions, "Svarande (minst)"],
                    [50, *[114 / len(questions)] * len(questions), 16])
    rows = []
    for area, values in list(table.items())[:SURVEY_ROWS]:
        cells = [number(values[q], 1) if values.get(q) is not None else "–" for q in questions]
        fewest = min(respondents[area]) if respondents.get(area) else None
        rows.append([area, *cells, count_text(fewest, n)])
    if len(table) > SURVEY_ROWS:
        rows.append([f"… och {len(table) - SURVEY_ROWS} områden till (se områdessidorna)",
                     *[""] * len(questions), ""])
    lay.set_rows(layout, "survey_table", rows)


def _figure_rows(figures, total, n) -> list[list[str]]:
    return [[f.label, marked_count_text(f, n), f.expected_text, cell_text(f, "previous", n),
             cell_text(f, "year_ago", n), change_text(f, "year", n)]
            for f in [*figures, total]]


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
    tables = {i.multiFrame() for i in _items_on_page(layout, page)
              if isinstance(i, QgsLayoutFrame) and i.multiFrame() is not None}
    for item in _items_on_page(layout, page):
        layout.removeLayoutItem(item)
    for table in tables:  # a table without frames would linger in the saved project
        if not table.frames():
            layout.removeMultiFrame(table)
    layout.pageCollection().deletePage(page)
    for item, old_page, position in later:
        item.attemptMove(position, True, False, old_page - 1)
