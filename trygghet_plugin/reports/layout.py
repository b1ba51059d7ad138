"""Small helpers over QGIS print layouts: add items with ids, find them again, fill, export.

The generators build a layout from a template (.qpt) and fill items by id; an item the
template does not have is skipped, so a municipality may remove or move anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..errors import TrygghetError
from ..i18n import translator

tr = translator("Reports")

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
FONT = "DejaVu Sans"
DARK = QColor("#1b2b3a")
RED = QColor("#b00020")
CELL_MARGIN = 1.2  # mm around the text of a table cell
GRID_STROKE = 0.15  # mm


class LayoutError(TrygghetError):
    """A layout that cannot be made or printed; the message says why."""


def new_layout(project: QgsProject, name: str, size: str = "A3",
               orientation=QgsLayoutItemPage.Orientation.Landscape,
               pages: int = 1) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    collection = layout.pageCollection()
    collection.page(0).setPageSize(size, orientation)
    for _ in range(pages - 1):
        add_page(layout, size, orientation)
    return layout


def add_page(layout: QgsLayout, size: str, orientation) -> QgsLayoutItemPage:
    page = QgsLayoutItemPage(layout)
    page.setPageSize(size, orientation)
    layout.pageCollection().addPage(page)
    return page


def text_format(size: float, *, bold: bool = False, color: QColor = DARK) -> QgsTextFormat:
    font = QFont(FONT)
    font.setBold(bold)
    fmt = QgsTextFormat()
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    fmt.setColor(color)
    return fmt


def _place(item: QgsLayoutItem, page: int, x: float, y: float, w: float, h: float) -> None:
    item.attemptResize(QgsLayoutSize(w, h, MM))
    item.attemptMove(QgsLayoutPoint(x, y, MM), page=page)


def add_label(layout: QgsLayout, item_id: str, text: str, page: int,
              rect: tuple[float, float, float, float], *, size: float = 10,
              bold: bool = False, color: QColor = DARK,
              align=Qt.AlignmentFlag.AlignLeft) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    set_label_format(label, text_format(size, bold=bold, color=color))
    label.setHAlign(align)
    label.setVAlign(Qt.AlignmentFlag.AlignTop)
    layout.addLayoutItem(label)
    _place(label, page, *rect)
    return label


def set_label_format(label: QgsLayoutItemLabel, fmt: QgsTextFormat) -> None:
    if hasattr(label, "setTextFormat"):  # QGIS 3.24+
        label.setTextFormat(fmt)
    else:
        font = fmt.font()
        font.setPointSizeF(fmt.size())
        label.setFont(font)
        label.setFontColor(fmt.color())


def add_band(layout: QgsLayout, item_id: str, page: int, rect, color: str) -> QgsLayoutItemShape:
    shape = QgsLayoutItemShape(layout)
    shape.setId(item_id)
    shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    symbol = shape.symbol().clone()
    symbol.setColor(QColor(color))
    symbol.symbolLayer(0).setStrokeStyle(Qt.PenStyle.NoPen)
    shape.setSymbol(symbol)
    layout.addLayoutItem(shape)
    _place(shape, page, *rect)
    return shape


def show_extent(item: QgsLayoutItemMap, extent: QgsRectangle) -> None:
    """Show ``extent`` whole, keeping the item's size: the extent is widened to the item's
    aspect first (setExtent alone would resize the item; zoomToExtent fails on a new map)."""
    size = item.sizeWithUnits()
    aspect = size.width() / size.height() if size.height() else 1.0
    cx, cy = extent.center().x(), extent.center().y()
    w, h = max(extent.width(), 1.0), max(extent.height(), 1.0)
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    item.setExtent(QgsRectangle(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))


def add_map(layout: QgsLayout, item_id: str, page: int, rect) -> QgsLayoutItemMap:
    item = QgsLayoutItemMap(layout)
    item.setId(item_id)
    item.setFrameEnabled(True)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, MM))
    layout.addLayoutItem(item)
    _place(item, page, *rect)
    # A map item needs an extent of its own aspect, or a template saves it with no height.
    x, y = 470000.0, 6390000.0  # somewhere in Småland, replaced when the layout is filled
    item.setExtent(QgsRectangle(x, y, x + rect[2] * 100, y + rect[3] * 100))
    return item


def add_picture(layout: QgsLayout, item_id: str, page: int, rect,
                svg: str | None = None) -> QgsLayoutItemPicture:
    item = QgsLayoutItemPicture(layout)
    item.setId(item_id)
    item.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    if svg:
        item.setPicturePath(svg, QgsLayoutItemPicture.Format.FormatSVG)
    layout.addLayoutItem(item)
    _place(item, page, *rect)
    return item


def north_arrow_svg() -> str:
    for folder in QgsApplication.svgPaths():
        candidate = Path(folder) / "arrows" / "NorthArrow_02.svg"
        if candidate.is_file():
            return str(candidate)
    return ""


def add_legend(layout: QgsLayout, item_id: str, page: int, rect,
               linked: QgsLayoutItemMap, *, scale: float = 1.0) -> QgsLayoutItemLegend:
    """A legend linked to a map; ``scale`` shrinks its text and symbols (smaller pages)."""
    legend = QgsLayoutItemLegend(layout)
    legend.setId(item_id)
    legend.setTitle("Teckenförklaring")
    legend.setLinkedMap(linked)
    legend.setResizeToContents(False)
    for style, size, bold in ((QgsLegendStyle.Style.Title, 10, True),
                              (QgsLegendStyle.Style.Group, 8.5, True),
                              (QgsLegendStyle.Style.Subgroup, 8, True),
                              (QgsLegendStyle.Style.SymbolLabel, 8, False)):
        font = QFont(FONT)
        font.setPointSizeF(size * scale)
        font.setBold(bold)
        legend.rstyle(style).setFont(font)
    legend.setSymbolHeight(3.5 * scale)
    legend.setSymbolWidth(7.0 * scale)
    if scale != 1.0:  # the gaps between entries shrink with the text
        for style in (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.Group,
                      QgsLegendStyle.Style.Subgroup, QgsLegendStyle.Style.Symbol,
                      QgsLegendStyle.Style.SymbolLabel):
            for side in (QgsLegendStyle.Side.Top, QgsLegendStyle.Side.Bottom,
                         QgsLegendStyle.Side.Left, QgsLegendStyle.Side.Right):
                legend.rstyle(style).setMargin(side, legend.rstyle(style).margin(side) * scale)
    layout.addLayoutItem(legend)
    _place(legend, page, *rect)
    return legend


def add_scalebar(layout: QgsLayout, item_id: str, page: int, pos: tuple[float, float],
                 linked: QgsLayoutItemMap) -> QgsLayoutItemScaleBar:
    bar = QgsLayoutItemScaleBar(layout)
    bar.setId(item_id)
    bar.setStyle("Single Box")
    bar.setLinkedMap(linked)
    bar.applyDefaultSize(QgsUnitTypes.DistanceUnit.DistanceKilometers)
    bar.setUnitLabel("km")
    bar.setNumberOfSegmentsLeft(0)
    bar.setNumberOfSegments(3)
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(pos[0], pos[1], MM), page=page)
    return bar


def add_table(layout: QgsLayout, item_id: str, page: int, rect,
              headers: Sequence[str], *, font_size: float = 8.5,
              widths: Sequence[float] | None = None,
              margin: float = CELL_MARGIN) -> QgsLayoutItemManualTable:
    """A manual table in one frame; the frame carries the id (multiframes have none).

    ``widths`` in mm per column (0 = automatic); long text wraps within its column."""
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    table.setHeaders([QgsLayoutTableColumn(h) for h in headers])
    if widths:
        table.setColumnWidths(fit_widths(widths, rect[2], margin=margin))
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setIncludeTableHeader(True)
    if hasattr(table, "setHeaderTextFormat"):
        table.setHeaderTextFormat(text_format(font_size, bold=True))
        table.setContentTextFormat(text_format(font_size))
    else:
        header_font, content_font = QFont(FONT), QFont(FONT)
        header_font.setPointSizeF(font_size)
        content_font.setPointSizeF(font_size)
        header_font.setBold(True)
        table.setHeaderFont(header_font)
        table.setContentFont(content_font)
    table.setCellMargin(margin)
    table.setGridStrokeWidth(GRID_STROKE)
    table.setGridColor(QColor("#bbbbbb"))
    table.setEmptyTableBehavior(QgsLayoutItemManualTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage("Inga uppgifter för perioden")
    frame = QgsLayoutFrame(layout, table)
    frame.setId(item_id)
    _place(frame, page, *rect)
    table.addFrame(frame)
    return table


def fit_widths(widths: Sequence[float], frame_width: float, *, margin: float = CELL_MARGIN,
               stroke: float = GRID_STROKE) -> list[float]:
    """Column widths (mm, 0 = automatic) scaled down so the table with its cell margins and
    grid lines fits in its frame (else the last column prints past the frame's edge)."""
    widths = [float(w) for w in widths]
    fixed = sum(w for w in widths if w > 0)
    room = frame_width - len(widths) * 2 * margin - (len(widths) + 1) * stroke \
        - sum(12.0 for w in widths if w <= 0)
    if fixed <= 0 or fixed <= room:
        return widths
    scale = max(room, 1.0) / fixed
    return [w * scale if w > 0 else w for w in widths]


# -- finding and filling -------------------------------------------------------------------
def load_template(project: QgsProject, template: Path, name: str) -> QgsPrintLayout:
    doc = QDomDocument()
    try:
        text = Path(template).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LayoutError(tr("The template {template} could not be read ({error}).").format(
            template=template, error=exc)) from exc
    parsed = doc.setContent(text)
    # PyQt returns (ok, message, line, column): a non-empty tuple is always true.
    ok, *where = parsed if isinstance(parsed, tuple) else (parsed,)
    if not ok:
        if len(where) >= 2:
            raise LayoutError(tr("The template {template} could not be read (broken XML: "
                                 "{error}, line {line}).").format(
                template=template, error=where[0], line=where[1]))
        raise LayoutError(tr("The template {template} could not be read (broken XML).").format(
            template=template))
    layout = QgsPrintLayout(project)
    _, ok = layout.loadFromTemplate(doc, QgsReadWriteContext())
    if not ok:
        raise LayoutError(tr("The template {template} could not be loaded.").format(
            template=template))
    layout.setName(name)
    return layout


def save_template(layout: QgsLayout, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
        raise LayoutError(tr("Could not save the template {path}.").format(path=path))
    return path


def item(layout: QgsLayout, item_id: str):
    return layout.itemById(item_id)


def table_by_frame_id(layout: QgsLayout, item_id: str) -> QgsLayoutItemManualTable | None:
    frame = layout.itemById(item_id)
    if isinstance(frame, QgsLayoutFrame):
        return frame.multiFrame()
    return None


def set_text(layout: QgsLayout, item_id: str, text: str) -> bool:
    label = layout.itemById(item_id)
    if isinstance(label, QgsLayoutItemLabel):
        label.setText(text)
        return True
    return False


def set_picture(layout: QgsLayout, item_id: str, svg: Path) -> bool:
    picture = layout.itemById(item_id)
    if isinstance(picture, QgsLayoutItemPicture):
        picture.setPicturePath(str(svg), QgsLayoutItemPicture.Format.FormatSVG)
        return True
    return False


def set_map(layout: QgsLayout, item_id: str, layers, extent) -> bool:
    """Show ``layers`` (top first) on a map item, fixed, over ``extent``."""
    item = layout.itemById(item_id)
    if not isinstance(item, QgsLayoutItemMap) or not layers or extent is None:
        return False
    item.setLayers(layers)
    item.setKeepLayerSet(True)
    item.setCrs(layers[0].crs())
    show_extent(item, extent)
    return True


def set_legend(layout: QgsLayout, item_id: str, layers) -> bool:
    """A legend listing exactly ``layers``. The print layers hold only what is on the map,
    so no filtering render is needed (it would draw the whole map once more)."""
    legend = layout.itemById(item_id)
    if not isinstance(legend, QgsLayoutItemLegend):
        return False
    legend.setAutoUpdateModel(False)
    legend.setLegendFilterByMapEnabled(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        node = root.addLayer(layer)
        title = wrap_title(layer.name())
        if node is not None and title != layer.name():
            # The legend's own title for the layer (what the Layout Designer's legend editor
            # sets; saved with the layout), the layer keeps its name.
            node.setCustomProperty("legend/title-label", title)
    legend.refresh()
    fit_legend(legend)
    return True


#: The styles whose fonts and gaps shrink when a legend does not fit its frame.
_LEGEND_STYLES = (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.Group,
                  QgsLegendStyle.Style.Subgroup, QgsLegendStyle.Style.Symbol,
                  QgsLegendStyle.Style.SymbolLabel)


def fit_legend(legend: QgsLayoutItemLegend, steps: Sequence[float] = (0.92, 0.85, 0.78, 0.72)
               ) -> float:
    """Shrink the legend's text, symbols and gaps until its content fits its frame (a busy
    period's legend would otherwise be cut at the frame's bottom); the frame keeps its place
    and size. Returns the scale used (1.0: it fitted as it was)."""
    size = legend.sizeWithUnits()
    fonts = {s: QFont(legend.rstyle(s).font()) for s in _LEGEND_STYLES}
    margins = {(s, side): legend.rstyle(s).margin(side) for s in _LEGEND_STYLES
               for side in (QgsLegendStyle.Side.Top, QgsLegendStyle.Side.Bottom)}
    symbol = (legend.symbolWidth(), legend.symbolHeight())

    def needed_height() -> float:
        # What the legend's content needs (mm), measured as resize-to-contents would (that
        # itself works only once the legend has been painted).
        context = QgsLayoutUtils.createRenderContextForMap(legend.linkedMap(), None)
        renderer = QgsLegendRenderer(legend.model(), legend.legendSettings())
        return renderer.minimumSize(context).height()

    used = 1.0
    for scale in (1.0, *steps):
        if scale != 1.0:
            for style, font in fonts.items():
                smaller = QFont(font)
                smaller.setPointSizeF(font.pointSizeF() * scale)
                legend.rstyle(style).setFont(smaller)
            for (style, side), margin in margins.items():
                legend.rstyle(style).setMargin(side, margin * scale)
            legend.setSymbolWidth(symbol[0] * scale)
            legend.setSymbolHeight(symbol[1] * scale)
            legend.refresh()
            used = scale
        if needed_height() <= size.height():
            break
    return used


def wrap_title(text: str, width: int = 26) -> str:
    """A long layer title on lines of at most ``width`` characters (at spaces), so a narrow
    legend column does not cut it ("Var händelserna koncentreras (Gi*)")."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def set_rows(layout: QgsLayout, item_id: str, rows: Sequence[Sequence[str]],
             *, colors: Sequence[Sequence[str | None]] | None = None) -> bool:
    """Fill a manual table: rows of text, optional background colours per cell."""
    table = table_by_frame_id(layout, item_id)
    if table is None:
        return False
    contents = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            cell = QgsTableCell(str(value))
            color = colors[r][c] if colors and r < len(colors) and c < len(colors[r]) else None
            if color:
                cell.setBackgroundColor(tint(color))
            cells.append(cell)
        contents.append(cells)
    table.setTableContents(contents)
    return True


def set_headers(layout: QgsLayout, item_id: str, headers: Sequence[str],
                widths: Sequence[float] | None = None) -> bool:
    """Replace a manual table's columns (for tables whose columns come from the data).

    A table frame is as wide as its columns, so the room is the page width less the frame's
    left margin on both sides."""
    table = table_by_frame_id(layout, item_id)
    if table is None:
        return False
    table.setHeaders([QgsLayoutTableColumn(h) for h in headers])
    if widths:
        frame = layout.itemById(item_id)
        page = layout.pageCollection().page(max(frame.page(), 0))
        room = page.sizeWithUnits().width() - 2 * frame.pagePositionWithUnits().x()
        table.setColumnWidths(fit_widths(widths, room, margin=table.cellMargin()))
    return True


def tint(color: str, alpha: int = 70) -> QColor:
    """A light version of a category colour, for table backgrounds."""
    q = QColor(color)
    q.setAlpha(alpha)
    return q


def export_pdf(layout: QgsLayout, path: Path, *, dpi: int = 200) -> Path:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LayoutError(tr("The folder {folder} cannot be made ({error}). Choose another "
                             "folder for the PDF.").format(folder=path.parent,
                                                          error=exc.strerror)) from exc
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.appendGeoreference = True
    settings.exportMetadata = True
    settings.simplifyGeometries = True
    # Real text, not outlines: the PDF is searchable, accessible and checkable.
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    if isinstance(layout, QgsPrintLayout) and layout.atlas().enabled():
        # An atlas (the board analysis's area pages): every feature's pages in one PDF.
        result, _error = QgsLayoutExporter.exportToPdf(layout.atlas(), str(path), settings)
    else:
        result = QgsLayoutExporter(layout).exportToPdf(str(path), settings)
    if result == QgsLayoutExporter.ExportResult.FileError:
        raise LayoutError(tr("The PDF {path} could not be written. Is it open in another "
                             "program, or may the folder not be written to?").format(path=path))
    if result != QgsLayoutExporter.ExportResult.Success:
        raise LayoutError(tr("The PDF export failed ({result}): {path}").format(
            result=result, path=path))
    return path
