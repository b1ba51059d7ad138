"""The public board analysis (per tertial): template and filling.

A4 portrait. Page 1 summary with findings written from the data and a hotspot map; page 2
trends per category over three years; then the area page, one page design that a QGIS atlas
over the areas prints once per area (title, map, facts and figures come from the atlas
feature: restyle it once in the Layout Designer and every area follows); survey results;
police data; measures and their effects; method and sources. The pages before the area page
print with the first area only and those after it with the last (a data-defined "exclude
page from exports" on each page), so the atlas export is one document in reading order.
Safe to publish: aggregated to areas or grid cells only, no exact points, no free text, no
reporter names, small counts shown as "<3" (threshold configurable).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutObject,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsRectangle,
    QgsVectorLayer,
)

from . import board_measures, charts
from . import layout as lay
from .disclosure import small_counts
from .formatting import date_range, number
from .model import AreaPage, BoardData
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
#: pages of the template, in order; the area page is printed once per area (atlas)
PAGES = ("summary", "trends", "area", "survey", "police", "measures", "method")
AREA_PAGE = PAGES.index("area")
AREA_IDS = ("area_title", "area_map", "area_figures", "area_facts")
#: Rows of the survey table that fit its frame; the area pages show every area anyway.
SURVEY_ROWS = 32
#: Fields of the atlas coverage (one feature per area) that the area page prints.
COVERAGE_FIELDS = ("code", "name", "title", "facts", "page")
#: The area page's figures table: (field of the figures layer, heading, width in mm).
FIGURE_COLUMNS = (("kategori", "Kategori", 62), ("antal", "Antal", 20),
                  ("vantat", "Väntat", 25), ("foreg", "Föreg. tertial", 25),
                  ("ett_ar", "Ett år sedan", 25), ("forandr", "Förändr.", 25))
MEASURE_HEADERS, MEASURE_WIDTHS = board_measures.HEADERS, board_measures.WIDTHS
#: A page before the area page prints with the first area, one after it with the last.
HEAD_PAGE_EXCLUDED = "@atlas_featurenumber > 1"
TAIL_PAGE_EXCLUDED = "@atlas_featurenumber < @atlas_totalfeatures"
#: Filter of the figures table: the rows of the atlas feature's area.
FIGURES_FILTER = "\"code\" = attribute(@atlas_feature, 'code')"
#: The focus layer draws the atlas feature's area only.
FOCUS_RULE = "\"code\" = attribute(@atlas_feature, 'code')"
#: The area map shows its area's extent grown by this share (QGIS's atlas margin: 0.3 =
#: 130 % of the area's width and height).
AREA_MAP_MARGIN = 0.3
#: ... and at least this many metres across either way: a small town-centre area is shown
#: with its streets around it (a data-defined scale over the atlas's).
AREA_MAP_MIN_M = 800
AREA_MAP_SCALE = (f"@map_scale * max(1, {AREA_MAP_MIN_M} / "
                  "min(@map_extent_width, @map_extent_height))")


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
    # the area page: one design, filled per area by the atlas
    page = AREA_PAGE
    lay.add_label(layout, "area_title", '[% "title" %]', page, (10, 25, 190, 9), size=14,
                  bold=True)
    _follow_atlas(lay.add_map(layout, "area_map", page, (10, 36, 190, 125)))
    lay.add_label(layout, "area_facts", '[% "facts" %]', page, (10, 165, 190, 20), size=9)
    add_figures_table(layout, "area_figures", page, (10, 187, 190, 96))
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
    # measures and their effects
    page = PAGES.index("measures")
    lay.add_label(layout, "measures_title", "Åtgärder och effekter", page, (10, 25, 190, 8),
                  size=13, bold=True)
    lay.add_label(layout, "measures_text", "", page, (10, 35, 190, 30), size=9)
    # room for every type of the shipped taxonomy and the total line
    lay.add_table(layout, "measures_table", page, (10, 68, 190, 66),
                  list(MEASURE_HEADERS), widths=MEASURE_WIDTHS, font_size=8)
    lay.add_label(layout, "measures_note", "", page, (10, 138, 190, 120), size=8.5)
    # method
    page = PAGES.index("method")
    lay.add_label(layout, "method_title", "Metod och källor", page, (10, 25, 190, 8), size=13,
                bold=True)
    lay.add_label(layout, "method", "", page, (10, 35, 190, 170), size=9)
    lay.add_label(layout, "sources", "", page, (10, 210, 190, 70), size=8)
    set_page_exclusions(layout, AREA_PAGE)
    atlas_settings(layout)  # the coverage, the areas, is set when the layout is filled
    return layout


# -- the area page's atlas -----------------------------------------------------------------
def add_figures_table(layout: QgsPrintLayout, item_id: str, page: int,
                      rect: tuple[float, float, float, float], *, font_size: float = 8
                      ) -> QgsLayoutItemAttributeTable:
    """The area page's figures: an attribute table over the figures layer, filtered to the
    atlas feature's area (its layer is set when the layout is filled)."""
    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    widths = lay.fit_widths([w for _, _, w in FIGURE_COLUMNS], rect[2])
    columns = []
    for (field, heading, _), width in zip(FIGURE_COLUMNS, widths):
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(field)
        column.setWidth(width)
        columns.append(column)
    table.setColumns(columns)
    table.setMaximumNumberOfFeatures(200)
    table.setFilterFeatures(True)
    table.setFeatureFilter(FIGURES_FILTER)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setHeaderTextFormat(lay.text_format(font_size, bold=True))
    table.setContentTextFormat(lay.text_format(font_size))
    table.setCellMargin(lay.CELL_MARGIN)
    table.setGridStrokeWidth(lay.GRID_STROKE)
    table.setGridColor(lay.QColor("#bbbbbb"))
    table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage("Inga uppgifter för perioden")
    frame = QgsLayoutFrame(layout, table)
    frame.setId(item_id)
    lay._place(frame, page, *rect)
    table.addFrame(frame)
    return table


def _follow_atlas(area_map: QgsLayoutItemMap) -> None:
    """The area map shows the atlas's area with room around it, at least
    :data:`AREA_MAP_MIN_M` across."""
    area_map.setAtlasDriven(True)
    area_map.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    area_map.setAtlasMargin(AREA_MAP_MARGIN)
    area_map.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.MapScale,
                                                 QgsProperty.fromExpression(AREA_MAP_SCALE))


def atlas_settings(layout: QgsPrintLayout) -> None:
    """The atlas's order (the areas' order in the store), page names and file names."""
    atlas = layout.atlas()
    atlas.setHideCoverage(False)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"page"')
    atlas.setSortAscending(True)
    atlas.setPageNameExpression('"title"')
    atlas.setFilenameExpression("'namndanalys_' || \"code\"")


def set_page_exclusions(layout: QgsPrintLayout, area_page: int) -> None:
    """Pages before the area page print with the first area only, pages after it with the
    last only: the atlas export is then one document in reading order."""
    collection = layout.pageCollection()
    for index in range(collection.pageCount()):
        if index == area_page:
            continue
        expression = HEAD_PAGE_EXCLUDED if index < area_page else TAIL_PAGE_EXCLUDED
        collection.page(index).dataDefinedProperties().setProperty(
            QgsLayoutObject.DataDefinedProperty.ExcludeFromExports,
            QgsProperty.fromExpression(expression))


def area_page_index(layout: QgsPrintLayout) -> int:
    """The page that holds the area map (a municipality may have moved it)."""
    item = lay.item(layout, "area_map")
    return item.page() if isinstance(item, QgsLayoutItem) else AREA_PAGE


def area_title(area: AreaPage) -> str:
    """"Centrala Nässjö (0682C1010)": the attacker reads the code, a reader the name."""
    return area.code if area.name in (None, "", area.code) else f"{area.name} ({area.code})"


def area_facts(area: AreaPage, n: int) -> str:
    rate = rate_text(area.total.count, area.population, n, hidden="count" in area.total.hidden)
    facts = [f"Invånare: {number(area.population) if area.population else 'okänt'}.",
             f"Händelser per 1 000 invånare i tertialen: {rate}."]
    if area.survey_index is not None:
        facts.append(f"{area.survey_name}: problemindex {number(area.survey_index, 1)} "
                     "(0–6, högre = större problem).")
    if area.hotspot_cells:
        facts.append(f"Statistiskt säkerställda hotspot-celler i området: "
                     f"{area.hotspot_cells}.")
    return "\n".join(facts)


def coverage_values(data: BoardData) -> dict[str, list]:
    """The atlas coverage's attributes per area code, in :data:`COVERAGE_FIELDS` order."""
    n = data.small_count_threshold
    return {area.code: [area.code, area.name, area_title(area), area_facts(area, n), page]
            for page, area in enumerate(data.areas, start=1)}


def figure_rows(data: BoardData) -> list[list]:
    """The figures layer's rows: area code, row number, then the table's cells as text."""
    n = data.small_count_threshold
    return [[area.code, i, *cells] for area in data.areas
            for i, cells in enumerate(_figure_rows(area.figures, area.total, n))]


def _figures_table(layout: QgsPrintLayout, item_id: str) -> QgsLayoutItemAttributeTable | None:
    """The area page's attribute table; a manual table (a template made before the atlas)
    is replaced by one at the same place."""
    frame = lay.item(layout, item_id)
    if not isinstance(frame, QgsLayoutFrame):
        return None
    table = frame.multiFrame()
    if isinstance(table, QgsLayoutItemAttributeTable):
        return table
    position, size = frame.pagePositionWithUnits(), frame.sizeWithUnits()
    page = frame.page()
    for old in list(table.frames()):
        layout.removeLayoutItem(old)
    layout.removeMultiFrame(table)
    # A manual table's frame may have shrunk to its contents: then the page's width.
    page_width = layout.pageCollection().page(max(page, 0)).pageSize().width()
    width = size.width() if size.width() >= 50 else page_width - 2 * position.x()
    return add_figures_table(layout, item_id, page, (position.x(), position.y(), width,
                                                     size.height()))


def set_atlas(layout: QgsPrintLayout, coverage: QgsVectorLayer | None,
              figures: QgsVectorLayer | None, area_layers: list[QgsMapLayer]) -> None:
    """The atlas over the areas: one page per feature of ``coverage``, its map on the area,
    its figures table on ``figures`` (the template's columns kept: setting a layer resets
    them)."""
    atlas = layout.atlas()
    if coverage is None or not coverage.featureCount():
        atlas.setEnabled(False)
        return
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas_settings(layout)
    area_map = lay.item(layout, "area_map")
    if isinstance(area_map, QgsLayoutItemMap) and area_layers:
        area_map.setLayers(area_layers)
        area_map.setKeepLayerSet(True)
        area_map.setCrs(area_layers[0].crs())
        if not area_map.atlasDriven():  # a template made before the atlas
            _follow_atlas(area_map)
    for item_id, field in (("area_title", "title"), ("area_facts", "facts")):
        label = lay.item(layout, item_id)
        # A template made before the atlas has plain text here; an expression a user wrote
        # is kept.
        if label is not None and "[%" not in label.text():
            lay.set_text(layout, item_id, f'[% "{field}" %]')
    table = _figures_table(layout, "area_figures")
    if table is not None and figures is not None:
        columns = table.columns()
        table.setVectorLayer(figures)
        table.setColumns(columns)
        sort = QgsLayoutTableColumn()
        sort.setAttribute("row")
        table.setSortColumns([sort])
        table.setFilterFeatures(True)
        table.setFeatureFilter(FIGURES_FILTER)


def page_count(layout: QgsPrintLayout) -> int:
    """Pages of the exported document: the area page once per atlas feature."""
    pages = layout.pageCollection().pageCount()
    atlas = layout.atlas()
    if atlas.enabled() and atlas.coverageLayer() is not None:
        return pages - 1 + atlas.coverageLayer().featureCount()
    return pages


def _page_numbers(layout: QgsPrintLayout, header: str, areas: int) -> None:
    """Footers "sida x av y" of the document as exported: the area page counts once per
    area, so its footer takes its number from the atlas."""
    area_page = area_page_index(layout)
    total = page_count(layout)
    for item in layout.items():
        if not (isinstance(item, QgsLayoutItem) and item.id().startswith("footer_")):
            continue
        page = item.page()
        if areas and page == area_page:
            number_text = f"[% @atlas_featurenumber + {area_page} %]"
        else:
            number_text = str(page + 1 + (areas - 1 if areas and page > area_page else 0))
        item.setText(f"{header} · sida {number_text} av {total}")


def fill(layout: QgsPrintLayout, data: BoardData, *, work_dir: Path,
         summary_layers: list[QgsMapLayer], extent: QgsRectangle,
         coverage: QgsVectorLayer | None, figures: QgsVectorLayer | None,
         area_layers: list[QgsMapLayer], survey_layers: list[QgsMapLayer]) -> None:
    """Fill the template: the fixed pages by item id, the area page through the atlas over
    ``coverage`` (one feature per area, :data:`COVERAGE_FIELDS`) and ``figures`` (the area
    tables' rows, :func:`figure_rows`)."""
    n = data.small_count_threshold
    period = date_range(data.first_day, data.last_day)
    header = f"Trygghetsanalys {data.kommun_name} kommun · {data.tertial}"

    if data.areas:
        set_page_exclusions(layout, area_page_index(layout))
        set_atlas(layout, coverage, figures, area_layers)
    else:
        layout.atlas().setEnabled(False)
        _remove_page_items(layout, area_page_index(layout))
    _page_numbers(layout, header, len(data.areas) if layout.atlas().enabled() else 0)
    for item in layout.items():
        if isinstance(item, QgsLayoutItem) and item.id().startswith("header_"):
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

    _fill_survey(layout, data, survey_layers, extent)
    police_hidden = data.police_hidden or [{}] * len(data.police_rows)
    lay.set_rows(layout, "police_table", [
        [t, *[count_text(v, n, hidden.get(j)) for j, v in enumerate(values)]]
        for (t, *values), hidden in zip(data.police_rows, police_hidden)])
    police_text = ("Polisens publicerade händelser som rör kommunen, räknade per typ. Platsen "
                   "anges av polisen bara på kommunnivå; händelserna visas därför inte på "
                   "kartan.")
    if not data.police_rows:
        # An empty table prints its message in a frame as narrow as its (no) contents.
        police_text += "\nDatabasen har inga händelser från polisen för perioden."
        _remove_table(layout, "police_table")
    lay.set_text(layout, "police_text", police_text)
    lay.set_text(layout, "method", "\n\n".join(data.method))
    lay.set_text(layout, "sources", "Källor:\n" + "\n".join(f"• {s}" for s in data.sources))
    fill_measures(layout, data)


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


def fill_measures(layout: QgsPrintLayout, data: BoardData) -> None:
    """"Åtgärder och effekter": counts per type and verdict, or one line saying there is
    nothing to show (then no table and no explanation)."""
    n = data.small_count_threshold
    section = data.measures
    if section is None:
        return
    lay.set_text(layout, "measures_text", board_measures.intro_text(section, n))
    if section.rows:
        lay.set_rows(layout, "measures_table", board_measures.table_rows(section, n))
        lay.set_text(layout, "measures_note", board_measures.explanation_text(n))
    else:
        _remove_table(layout, "measures_table")
        note = lay.item(layout, "measures_note")
        if note is not None:
            layout.removeLayoutItem(note)


def _remove_table(layout: QgsPrintLayout, item_id: str) -> None:
    """Remove a table's frame and, with its last frame, the table (a table without frames
    would linger in the saved project)."""
    item = lay.item(layout, item_id)
    if not isinstance(item, QgsLayoutFrame):
        return
    table = item.multiFrame()
    layout.removeLayoutItem(item)
    if table is not None and not table.frames():
        layout.removeMultiFrame(table)


def _items_on_page(layout: QgsPrintLayout, page: int) -> list[QgsLayoutItem]:
    return [i for i in layout.items() if isinstance(i, QgsLayoutItem)
            and not isinstance(i, QgsLayoutItemPage) and i.page() == page]


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
