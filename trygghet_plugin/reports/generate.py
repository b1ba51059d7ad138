"""Make the lägesbild and the board analysis: data, layers, layout from template, PDF.

Two steps, so the Lägesbild dock can keep the map responsive:

1. ``lagesbild_inputs`` / ``board_inputs`` read the store and compute everything (numpy and
   the analysis core, no layers, no layout): safe in a QgsTask's worker thread, given a store
   opened in that thread.
2. ``build_lagesbild`` / ``build_board_analysis`` make the layers and fill the layout, and
   ``export_report`` writes the PDF: on the main thread, since QGIS layouts and map layers
   belong to it.

``make_lagesbild`` / ``make_board_analysis`` do both in one call (the Processing algorithms);
``report_inputs`` and ``add_to_project`` are the two steps by kind for the Lägesbild dock, which
puts the report into the open project.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..analysis.gistar import GI_CLASS_LABELS
from ..analysis.hotspots import HotspotResult
from ..analysis.periods import Period
from ..analysis.select import incident_mask, load_frame
from ..analysis.unusual import UnusualResult, period_unusual, unusual_periods
from ..constants import DEFAULT_CELL_SIZE_M, SWEREF99TM
from ..domain.taxonomy import Taxonomy
from ..i18n import language, translator
from ..layers.hotspots import HOTSPOTS_QML, apply_style, hotspot_fields
from ..layers.lagesbild_group import HOTSPOTS_NAME
from ..layers.surveys import index_renderer
from ..layers.unusual import UNUSUAL_NAME, style_unusual, unusual_features, unusual_fields
from ..paths import resource, taxonomy_file
from ..store.base import Store
from . import board_layout, lagesbild_layout
from . import layout as lay
from .data import (
    LagesbildMeasures,
    StoreContext,
    board_data,
    lagesbild_data,
    lagesbild_measures,
    lagesbild_periods,
)
from .formatting import weeks
from .model import BoardData, LagesbildReport

tr = translator("Reports")

LAGESBILD, BOARD = "lagesbild", "board"
TEMPLATES = {"lagesbild": {"A3": "lagesbild_a3.qpt", "A4": "lagesbild_a4.qpt"},
             "board": {"A4": "board_a4.qpt"}}
#: A template must hold at least one of these, or it is not a template for that report.
KEY_ITEMS = {"lagesbild": ("map_main", "key_figures"),
             "board": ("summary_figures", "area_map", "findings")}
#: Custom property that ties a map layer to the report layout it was made for.
REPORT_PROPERTY = "trygghet/report"


@dataclass
class ReportResult:
    pdf: Path
    pages: int
    title: str
    layout: QgsPrintLayout | None = None
    disclosure: object | None = None  # the board analysis's DisclosureSummary


@dataclass
class MapPoints:
    """The period's precisely placed incidents, for the internal map only."""

    x: np.ndarray
    y: np.ndarray
    category: np.ndarray


@dataclass
class LagesbildInputs:
    """Everything the lägesbild prints, computed from the store (any thread)."""

    kind: ClassVar[str] = LAGESBILD
    period: Period
    data: LagesbildReport
    hot: HotspotResult
    ctx: StoreContext
    points: MapPoints
    cell_size: float
    unusual: UnusualResult | None = None
    measures: LagesbildMeasures | None = None

    @property
    def title(self) -> str:
        return f"Lägesbild {self.period.name}"

    @property
    def empty(self) -> bool:
        return self.data.total.count == 0


@dataclass
class BoardInputs:
    """Everything the board analysis prints, computed from the store (any thread)."""

    kind: ClassVar[str] = BOARD
    period: Period
    data: BoardData
    hot: HotspotResult
    ctx: StoreContext

    @property
    def title(self) -> str:
        return f"Nämndanalys {self.data.tertial}"

    @property
    def empty(self) -> bool:
        return self.data.total.count == 0


@dataclass
class BuiltReport:
    """A filled layout and the layers its maps show, and their project (held here: a
    layout whose project is gone crashes QGIS when drawn)."""

    layout: QgsPrintLayout
    layers: list[QgsMapLayer]
    title: str
    project: QgsProject


def template_path(kind: str, size: str, custom: str | None = None) -> Path | None:
    """The municipality's own template when set (and present), else the shipped one."""
    if custom and Path(custom).is_file():
        return Path(custom)
    shipped = resource("layouts", TEMPLATES[kind].get(size, next(iter(TEMPLATES[kind].values()))))
    return shipped if shipped.is_file() else None


# -- step 1: data (any thread) --------------------------------------------------------------
def lagesbild_inputs(store: Store, period: Period, *, taxonomy: Taxonomy | None = None,
                     kommun_name: str | None = None, cell_size: float = DEFAULT_CELL_SIZE_M
                     ) -> LagesbildInputs:
    taxonomy = taxonomy or Taxonomy.load(taxonomy_file())
    frame = load_frame(store, [*lagesbild_periods(period), *unusual_periods(period)])
    data, hot, ctx = lagesbild_data(store, period, taxonomy, kommun_name=kommun_name,
                                    cell_size=cell_size, frame=frame)
    rows = np.flatnonzero(incident_mask(frame, period, precise_only=True))
    points = MapPoints(frame.x[rows], frame.y[rows], frame["category"][rows])
    unusual = None
    if len(points.x):
        unusual = period_unusual(frame, period, ctx.boundary_wkt, cell_size)
    measures = lagesbild_measures(store, period, hot, unusual, ctx)
    data.measures, data.uncovered = measures.rows, measures.flagged
    data.measures_note = measures.note
    return LagesbildInputs(period, data, hot, ctx, points, cell_size, unusual, measures)


def board_inputs(store: Store, period: Period, *, taxonomy: Taxonomy | None = None,
                 kommun_name: str | None = None, cell_size: float = DEFAULT_CELL_SIZE_M,
                 small_count_threshold: int = 2) -> BoardInputs:
    taxonomy = taxonomy or Taxonomy.load(taxonomy_file())
    data, hot, ctx = board_data(store, period, taxonomy, kommun_name=kommun_name,
                                cell_size=cell_size,
                                small_count_threshold=small_count_threshold)
    return BoardInputs(period, data, hot, ctx)


def report_inputs(kind: str, store: Store, period: Period, *,
                  cell_size: float = DEFAULT_CELL_SIZE_M, small_count_threshold: int = 2
                  ) -> LagesbildInputs | BoardInputs:
    """Step 1 of the report ``kind`` (LAGESBILD or BOARD)."""
    if kind == LAGESBILD:
        return lagesbild_inputs(store, period, cell_size=cell_size)
    return board_inputs(store, period, cell_size=cell_size,
                        small_count_threshold=small_count_threshold)


def pdf_name(inputs: LagesbildInputs | BoardInputs) -> str:
    """``lagesbild_2026-v45-46.pdf``, ``namndanalys_2026-T3.pdf``."""
    stem = "lagesbild" if inputs.kind == LAGESBILD else "namndanalys"
    return f"{stem}_{inputs.period.name}.pdf"


# -- step 2: layers, layout, PDF (main thread) ----------------------------------------------
def _polygon_layer(name: str, fields: str = "") -> QgsVectorLayer:
    return QgsVectorLayer(f"MultiPolygon?crs=EPSG:3006{fields}", name, "memory")


def _boundary_layer(ctx: StoreContext) -> QgsVectorLayer | None:
    if not ctx.boundary_wkt:
        return None
    layer = _polygon_layer("Kommungräns")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(ctx.boundary_wkt))
    layer.dataProvider().addFeatures([feature])
    layer.renderer().setSymbol(QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "40,40,40", "outline_width": "0.5"}))
    return layer


def _area_geometry(area) -> QgsGeometry:
    geometry = QgsGeometry()
    geometry.fromWkb(area.wkb)
    return geometry


def _areas_layer(ctx: StoreContext, name: str = "Områden",
                 atlas: dict[str, list] | None = None) -> QgsVectorLayer | None:
    """The areas' outlines; with ``atlas`` (code -> the board layout's coverage values) also
    the atlas coverage of the area pages, one feature per area that has a page."""
    if not ctx.areas:
        return None
    if atlas is None:
        layer = _polygon_layer(name, "&field=code:string&field=name:string")
    else:
        types = {"page": "integer"}
        layer = _polygon_layer(name, "".join(
            f"&field={f}:{types.get(f, 'string')}" for f in board_layout.COVERAGE_FIELDS))
    features = []
    for area in ctx.areas:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(_area_geometry(area))
        if atlas is None:
            feature.setAttributes([area.code, area.label])
        elif area.code in atlas:
            feature.setAttributes(atlas[area.code])
        else:
            continue
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.renderer().setSymbol(QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "120,120,120", "outline_width": "0.2",
        "outline_style": "dash"}))
    return layer


def _focus_layer(ctx: StoreContext) -> QgsVectorLayer | None:
    """The areas, drawn only where the area is the atlas page's own (a rule on
    ``@atlas_feature``): one layer highlights the right area on every page of the atlas,
    also after the layout is saved with the project."""
    if not ctx.areas:
        return None
    layer = _polygon_layer("Området", "&field=code:string")
    features = []
    for area in ctx.areas:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(_area_geometry(area))
        feature.setAttributes([area.code])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple({"color": "255,196,0,70", "outline_color": "214,96,0",
                                    "outline_width": "0.8"}),
        0, 0, board_layout.FOCUS_RULE, "Området"))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def _figures_layer(data: BoardData) -> QgsVectorLayer:
    """The area pages' figures tables as rows without geometry (area code, row number,
    the cells' printed text): the atlas's table shows the rows of its page's area."""
    fields = "&".join(["field=code:string", "field=row:integer",
                       *(f"field={f}:string" for f, _, _ in board_layout.FIGURE_COLUMNS)])
    layer = QgsVectorLayer(f"None?{fields}", "Siffror per område", "memory")
    features = []
    for values in board_layout.figure_rows(data):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(values)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _survey_layer(ctx: StoreContext, data: BoardData) -> QgsVectorLayer | None:
    """The latest survey's mean problem index per area, in the police's index classes."""
    values = {a.code: a.survey_index for a in data.areas if a.survey_index is not None}
    if not values:
        return None
    name = data.survey_name or "Problemindex"
    layer = _polygon_layer(name, "&field=code:string&field=index_value:double")
    features = []
    for area in ctx.areas:
        if area.code in values:
            feature = QgsFeature(layer.fields())
            feature.setGeometry(_area_geometry(area))
            feature.setAttributes([area.code, round(float(values[area.code]), 2)])
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.setRenderer(index_renderer())
    return layer


def _hotspot_layer(result: HotspotResult, *, significant_only: bool = False
                   ) -> QgsVectorLayer:
    """The hexagons as polygons with the Gi* fields; only the classed cells when asked (a
    kommun has tens of thousands of cells and the print shows only the classed ones)."""
    layer = QgsVectorLayer(f"Polygon?crs={SWEREF99TM}", HOTSPOTS_NAME, "memory")
    layer.dataProvider().addAttributes(hotspot_fields().toList())
    layer.updateFields()
    gi = result.gi
    rows = np.flatnonzero(gi.gi_class != 0) if significant_only else np.arange(len(result.n))
    rings = result.grid.vertices(rows)
    period = result.period.name if result.period else ""
    ids = result.grid.cell_ids
    features = []
    for k, i in enumerate(rows.tolist()):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPolygonXY(
            [[QgsPointXY(x, y) for x, y in rings[k].tolist()]]))
        feature.setAttributes([ids[i], int(result.n[i]), _int(gi.nb_n[i]),
                               _real(gi.nb_expected[i]), float(gi.z[i]), float(gi.p[i]),
                               float(gi.q[i]), _real(gi.exact_p[i]), _real(gi.exact_q[i]),
                               int(gi.gi_class[i]), GI_CLASS_LABELS[int(gi.gi_class[i])], period])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    apply_style(layer, HOTSPOTS_QML)
    # Only the classes on the map, so a legend lists them without a filtering render.
    present = {int(c) for c in gi.gi_class[rows].tolist()}
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index in reversed(range(len(renderer.categories()))):
            if _int(renderer.categories()[index].value()) not in present:
                renderer.deleteCategory(index)
    return layer


def _unusual_layer(result: UnusualResult) -> QgsVectorLayer:
    """The period's unusual clusters (the lägesbild group's layer, in memory)."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={SWEREF99TM}", UNUSUAL_NAME, "memory")
    fields = unusual_fields()
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    layer.dataProvider().addFeatures(list(unusual_features(result, layer.fields())))
    style_unusual(layer)
    # The print legend is narrow: the layer's name is the title, the meaning on two lines.
    rule = layer.renderer().rootRule().children()[0]
    rule.setLabel("fler händelser än platsens egen historia gör väntat,\n"
                  "efter korrektion för många jämförelser")
    return layer


def _measures_layer(measures: LagesbildMeasures) -> QgsVectorLayer | None:
    """Where the period's measures act, by type (as the lägesbild group's layer)."""
    if not measures.active:
        return None
    from osgeo import ogr

    from ..analysis.measures import POINT_RADIUS_M
    from ..layers.lagesbild_group import MEASURES_NAME
    from ..layers.measure_style import measure_type_renderer

    layer = _polygon_layer(MEASURES_NAME, "&field=title:string&field=type:string")
    features = []
    for m in measures.active:
        geom = ogr.CreateGeometryFromWkb(bytes(m.wkb))
        if geom is None or geom.IsEmpty():
            continue
        if geom.GetDimension() < 2 or geom.GetArea() <= 0:
            geom = geom.Buffer(POINT_RADIUS_M)  # a point or a line acts on its surroundings
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(geom.ExportToWkt()))
        feature.setAttributes([m.title, m.type])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    renderer = measure_type_renderer()
    present = {m.type for m in measures.active}
    for index in reversed(range(len(renderer.categories()))):  # the legend: types on the map
        if renderer.categories()[index].value() not in present:
            renderer.deleteCategory(index)
    layer.setRenderer(renderer)
    return layer


def _uncovered_layer(measures: LagesbildMeasures) -> QgsVectorLayer | None:
    """The flagged places' outlines."""
    if not measures.places:
        return None
    from ..layers.lagesbild_group import UNCOVERED_NAME
    from ..layers.measure_style import uncovered_renderer

    layer = _polygon_layer(UNCOVERED_NAME, "&field=what:string")
    features = []
    for place, flagged in zip(measures.places, measures.flagged):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(place.wkt))
        feature.setAttributes([flagged.what])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.setRenderer(uncovered_renderer())
    return layer


def _int(value):
    return None if value != value else int(round(float(value)))


def _real(value):
    return None if value != value else float(value)


def print_renderer(taxonomy: Taxonomy, present: set[str]) -> QgsCategorizedSymbolRenderer:
    """Plain circles in the category colours, only the categories on the map: at kommun
    scale an icon in a 2.4 mm marker cannot be read, and thousands of SVG markers make the
    PDF slow and heavy."""
    categories = []
    for code, cat in taxonomy.categories.items():
        if code in present:
            symbol = QgsMarkerSymbol.createSimple({
                "name": "circle", "color": cat.color, "size": "2.2",
                "outline_color": "255,255,255,220", "outline_width": "0.25"})
            categories.append(QgsRendererCategory(code, symbol, cat.sv))
    return QgsCategorizedSymbolRenderer("category", categories)


def _points_layer(points: MapPoints, taxonomy: Taxonomy, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:3006&field=category:string", name, "memory")
    fields = layer.fields()
    features = []
    for x, y, category in zip(points.x.tolist(), points.y.tolist(), points.category.tolist()):
        feature = QgsFeature(fields)
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes([category])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.setRenderer(print_renderer(taxonomy, set(points.category.tolist())))
    return layer


def _extent(ctx: StoreContext, layers) -> QgsRectangle:
    if ctx.boundary_wkt:
        rect = QgsGeometry.fromWkt(ctx.boundary_wkt).boundingBox()
    else:
        rect = QgsRectangle()
        for layer in layers:
            rect.combineExtentWith(layer.extent())
    rect.scale(1.04)
    return rect


def _central_extent(ctx: StoreContext, hot: HotspotResult, points: MapPoints
                    ) -> QgsRectangle | None:
    """The central town where the period's incidents are: the incidents inside the DeSO
    areas of type C (centralort), their central 96 % (a few strays would widen the inset to
    the town's outskirts), at least 2 km across; else 4 km around the busiest cell."""
    central = [a for a in ctx.areas if len(a.code) >= 5 and a.code[4] == "C"]
    if central:
        rect = QgsRectangle()
        for area in central:
            rect.combineExtentWith(_area_geometry(area).boundingBox())
        inside = ((points.x >= rect.xMinimum()) & (points.x <= rect.xMaximum())
                  & (points.y >= rect.yMinimum()) & (points.y <= rect.yMaximum()))
        if inside.sum() >= 20:
            x, y = points.x[inside], points.y[inside]
            x0, x1 = np.percentile(x, [2, 98])
            y0, y1 = np.percentile(y, [2, 98])
            rect = QgsRectangle(float(x0), float(y0), float(x1), float(y1))
            rect.scale(1.15)
        rect = _at_least(rect, 2000.0)
        return rect
    if len(hot.n) and hot.n.max() > 0:
        cx, cy = hot.grid.centres
        i = int(hot.n.argmax())
        return QgsRectangle(cx[i] - 2000, cy[i] - 2000, cx[i] + 2000, cy[i] + 2000)
    return None


def _at_least(rect: QgsRectangle, size: float) -> QgsRectangle:
    c = rect.center()
    w, h = max(rect.width(), size), max(rect.height(), size)
    return QgsRectangle(c.x() - w / 2, c.y() - h / 2, c.x() + w / 2, c.y() + h / 2)


def _add_layers(project: QgsProject, layers: list[QgsMapLayer], title: str) -> None:
    for layer in layers:
        layer.setCustomProperty(REPORT_PROPERTY, title)
        project.addMapLayer(layer, False)  # for the layout only, not in the layer tree


def _load_layout(project: QgsProject, kind: str, size: str, template: str | None,
                 title: str) -> QgsPrintLayout:
    if template and not Path(template).is_file():
        raise lay.LayoutError(tr("The template {template} does not exist. Choose another "
                                 "template or go back to the shipped one.").format(
            template=template))
    chosen = template_path(kind, size, template)
    if chosen is None:
        builder = lagesbild_layout.build_template if kind == "lagesbild" else \
            (lambda p, _size: board_layout.build_template(p))
        layout = builder(project, size)
        layout.setName(title)
        return layout
    layout = lay.load_template(project, chosen, title)
    if not any(layout.itemById(i) for i in KEY_ITEMS[kind]):
        if kind == "lagesbild":
            text = tr("The template {template} lacks the situation picture's maps and tables "
                      "(item ids {items}). Is it the right template? Start from the shipped "
                      "template and keep the items' ids.")
        else:
            text = tr("The template {template} lacks the board analysis's maps and tables "
                      "(item ids {items}). Is it the right template? Start from the shipped "
                      "template and keep the items' ids.")
        raise lay.LayoutError(text.format(template=chosen.name,
                                          items=", ".join(KEY_ITEMS[kind])))
    return layout


def build_lagesbild(inputs: LagesbildInputs, project: QgsProject, *, size: str = "A3",
                    template: str | None = None, taxonomy: Taxonomy | None = None,
                    work_dir: Path, title: str | None = None) -> BuiltReport:
    """Layers and filled layout of the lägesbild; ``work_dir`` keeps the chart SVGs, which
    the layout reads again whenever it is drawn."""
    taxonomy = taxonomy or Taxonomy.load(taxonomy_file())
    data = inputs.data
    title = title or inputs.title
    layout = _load_layout(project, "lagesbild", size, template, title)
    incidents = _points_layer(inputs.points, taxonomy,
                              f"Händelser {weeks(data.first_day, data.last_day)}")
    hotspots = _hotspot_layer(inputs.hot, significant_only=True)
    # Hot cells over the points, see-through: at kommun scale the points would hide them.
    hotspots.setOpacity(0.75)
    boundary = _boundary_layer(inputs.ctx)
    # "Ovanligt just nu" leads the map, as in the lägesbild group: on top of everything.
    unusual = [_unusual_layer(inputs.unusual)] if inputs.unusual is not None else []
    # Flags on top (an outline), the measures under the unusual places; in the legend
    # "Ovanligt just nu" still leads, as in the lägesbild group.
    flags: list[QgsMapLayer] = []
    acting: list[QgsMapLayer] = []
    if inputs.measures is not None:
        flags = [x for x in (_uncovered_layer(inputs.measures),) if x]
        acting = [x for x in (_measures_layer(inputs.measures),) if x]
    on_top = flags + unusual + acting
    layers = on_top + [hotspots, incidents] + ([boundary] if boundary else [])
    _add_layers(project, layers, title)
    lagesbild_layout.fill(layout, data, work_dir=Path(work_dir), map_layers=layers,
                          extent=_extent(inputs.ctx, [incidents]),
                          inset_extent=_central_extent(inputs.ctx, inputs.hot, inputs.points),
                          legend_layers=unusual + flags + acting + [incidents, hotspots],
                          inset_layers=on_top + [incidents, hotspots]
                          + ([boundary] if boundary else []))
    return BuiltReport(layout, layers, title, project)


def build_board_analysis(inputs: BoardInputs, project: QgsProject, *,
                         template: str | None = None, work_dir: Path,
                         title: str | None = None) -> BuiltReport:
    data, ctx = inputs.data, inputs.ctx
    title = title or inputs.title
    layout = _load_layout(project, "board", "A4", template, title)
    # Public: hexagon classes and area outlines only; never the incidents' points.
    hotspots = _hotspot_layer(inputs.hot, significant_only=True)
    # The areas' outlines are also the atlas coverage of the area pages.
    areas = _areas_layer(ctx, atlas=board_layout.coverage_values(data))
    boundary = _boundary_layer(ctx)
    focus = _focus_layer(ctx)
    figures = _figures_layer(data) if data.areas else None
    survey = _survey_layer(ctx, data)
    outlines = [x for x in (areas, boundary) if x]
    summary_layers = [hotspots] + outlines
    area_layers = ([focus] if focus else []) + summary_layers
    survey_layers = ([survey] if survey else []) + outlines
    layers = [hotspots, *outlines] + [x for x in (focus, survey, figures) if x]
    _add_layers(project, layers, title)
    board_layout.fill(layout, data, work_dir=Path(work_dir), summary_layers=summary_layers,
                      extent=_extent(ctx, summary_layers), coverage=areas, figures=figures,
                      area_layers=area_layers, survey_layers=survey_layers)
    return BuiltReport(layout, layers, title, project)


def build_report(inputs: LagesbildInputs | BoardInputs, project: QgsProject, *,
                 size: str = "A3", template: str | None = None, work_dir: Path,
                 title: str | None = None) -> BuiltReport:
    """Step 2 for either report (the board analysis is always A4)."""
    if inputs.kind == LAGESBILD:
        return build_lagesbild(inputs, project, size=size, template=template,
                               work_dir=work_dir, title=title)
    return build_board_analysis(inputs, project, template=template, work_dir=work_dir,
                                title=title)


def unused_names(project: QgsProject, title: str, pdf: Path) -> tuple[str, Path]:
    """A layout title and a PDF path that are both free: ``title`` and ``pdf`` themselves, else
    ``title (2)`` and ``stem_2.pdf``, … — an earlier report (perhaps edited in the Layout
    Designer, perhaps sent round) is never overwritten."""
    manager = project.layoutManager()
    pdf = Path(pdf)
    n = 1
    while True:
        name = title if n == 1 else f"{title} ({n})"
        path = pdf if n == 1 else pdf.with_name(f"{pdf.stem}_{n}{pdf.suffix}")
        if manager.layoutByName(name) is None and not path.exists():
            return name, path
        n += 1


def add_to_project(inputs: LagesbildInputs | BoardInputs, project: QgsProject, out_pdf: Path,
                   *, size: str = "A3", template: str | None = None,
                   work_dir: Path, title: str | None = None) -> ReportResult:
    """The report in an open project as the layout ``title`` (default: the report's own
    title): an older layout of that title and its layers are replaced, the map layers are
    kept in ``work_dir`` (so a saved project still shows them), the PDF is written and the
    layout added to the project's layout manager. Nothing is left behind when it fails."""
    title = title or inputs.title
    manager = project.layoutManager()
    old = manager.layoutByName(title)
    if old is not None:
        manager.removeLayout(old)
    remove_report_layers(project, title)
    try:
        built = build_report(inputs, project, size=size, template=template, work_dir=work_dir,
                             title=title)
        keep_layers(built, work_dir)
        result = export_report(built, out_pdf)
    except Exception:
        remove_report_layers(project, title)
        raise
    manager.addLayout(built.layout)
    if inputs.kind == BOARD:
        result.disclosure = inputs.data.disclosure
    return result


def disclosure_message(summary) -> str:
    """What the disclosure control of a board analysis hid, for the user who made it (the
    dock's status line, the Processing log); the PDF's method section says it in Swedish."""
    loss = f"{summary.loss * 100:.1f}"
    if language() == "sv":
        loss = loss.replace(".", ",")
    return tr("Disclosure control: {hidden} of {published} counts hidden ({loss} %): "
              "{small} small, {protecting} to protect them.").format(
        hidden=summary.hidden, published=summary.published, loss=loss,
        small=summary.primary, protecting=summary.secondary)


def export_report(built: BuiltReport, out_pdf: Path) -> ReportResult:
    """The PDF of a filled layout; the board analysis's atlas as one document."""
    lay.export_pdf(built.layout, out_pdf)
    return ReportResult(Path(out_pdf), board_layout.page_count(built.layout), built.title,
                        built.layout)


def keep_layers(built: BuiltReport, folder: Path) -> Path:
    """Write the report's in-memory layers to a GeoPackage in ``folder`` and read them from
    there, so the layout still shows its maps after the project is saved and opened again
    (QGIS does not save the features of memory layers). Styles stay as they are. A new file
    each time: an older one may still be open; older files are removed when possible."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"lager_{stamp}.gpkg"
    context = built.project.transformContext()
    for i, layer in enumerate(built.layers):
        if layer.providerType() != "memory":
            continue
        table = f"lager_{i}_" + re.sub(r"[^a-z0-9]+", "_", layer.name().lower()
                                        .translate(str.maketrans("åäöé", "aaoe"))).strip("_")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        on_existing = QgsVectorFileWriter.ActionOnExistingFile
        options.actionOnExistingFile = (on_existing.CreateOrOverwriteLayer if path.exists()
                                        else on_existing.CreateOrOverwriteFile)
        error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(path), context, options)
        if error != QgsVectorFileWriter.WriterError.NoError:
            raise lay.LayoutError(tr("The map layers could not be saved in {path}: {error}")
                                  .format(path=path, error=message))
        layer.setDataSource(f"{path}|layername={table}", layer.name(), "ogr", False)
    for older in folder.glob("lager_*.gpkg"):
        if older != path:
            try:
                older.unlink()
            except OSError:
                pass  # still open in this session (Windows); removed next time
    return path


def remove_report_layers(project: QgsProject, title: str) -> int:
    """Remove the layers made for the report layout ``title`` (before it is made again)."""
    ids = [layer.id() for layer in project.mapLayers().values()
           if layer.customProperty(REPORT_PROPERTY) == title]
    project.removeMapLayers(ids)
    return len(ids)


# -- both steps in one call (Processing, headless) ------------------------------------------
def make_lagesbild(store: Store, period: Period, out_pdf: Path, *, size: str = "A3",
                   template: str | None = None, project: QgsProject | None = None,
                   taxonomy: Taxonomy | None = None, kommun_name: str | None = None,
                   cell_size: float = DEFAULT_CELL_SIZE_M,
                   work_dir: Path | None = None) -> ReportResult:
    taxonomy = taxonomy or Taxonomy.load(taxonomy_file())
    project = project or QgsProject()
    inputs = lagesbild_inputs(store, period, taxonomy=taxonomy, kommun_name=kommun_name,
                              cell_size=cell_size)
    with _work_dir(work_dir) as work:
        built = build_lagesbild(inputs, project, size=size, template=template,
                                taxonomy=taxonomy, work_dir=work)
        return export_report(built, out_pdf)


def make_board_analysis(store: Store, period: Period, out_pdf: Path, *,
                        template: str | None = None, project: QgsProject | None = None,
                        taxonomy: Taxonomy | None = None, kommun_name: str | None = None,
                        cell_size: float = DEFAULT_CELL_SIZE_M, small_count_threshold: int = 2,
                        work_dir: Path | None = None) -> ReportResult:
    project = project or QgsProject()
    inputs = board_inputs(store, period, taxonomy=taxonomy, kommun_name=kommun_name,
                          cell_size=cell_size, small_count_threshold=small_count_threshold)
    with _work_dir(work_dir) as work:
        built = build_board_analysis(inputs, project, template=template, work_dir=work)
        result = export_report(built, out_pdf)
    result.disclosure = inputs.data.disclosure
    return result


class _work_dir:  # noqa: N801 - used as a context manager like tempfile's
    """Chart SVGs live until the PDF is written; a given folder is kept (for the dock)."""

    def __init__(self, given: Path | None):
        self.given = given
        self._tmp = None

    def __enter__(self) -> Path:
        if self.given:
            Path(self.given).mkdir(parents=True, exist_ok=True)
            return Path(self.given)
        self._tmp = tempfile.TemporaryDirectory(prefix="trygghet_")
        return Path(self._tmp.name)

    def __exit__(self, *exc) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
