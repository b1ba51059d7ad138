"""Make the lägesbild and the board analysis: layers, layout from template, PDF.

The same functions serve the Processing algorithms (headless) and the Lägesbild dock (which
passes the current project so the layout opens in the Layout Designer).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from ..analysis.periods import Period
from ..domain.taxonomy import Taxonomy
from ..layers.hotspots import HOTSPOTS_QML, apply_style, hotspot_features, hotspot_fields
from ..layers.incidents import incidents_layer
from ..paths import resource, taxonomy_file
from ..store.base import Store
from . import board_layout, lagesbild_layout
from . import layout as lay
from .data import StoreContext, board_data, lagesbild_data

TEMPLATES = {"lagesbild": {"A3": "lagesbild_a3.qpt", "A4": "lagesbild_a4.qpt"},
             "board": {"A4": "board_a4.qpt"}}


@dataclass
class ReportResult:
    pdf: Path
    pages: int
    title: str
    layout: QgsPrintLayout | None = None


def template_path(kind: str, size: str, custom: str | None = None) -> Path | None:
    """The municipality's own template when set (and present), else the shipped one."""
    if custom and Path(custom).is_file():
        return Path(custom)
    shipped = resource("layouts", TEMPLATES[kind].get(size, next(iter(TEMPLATES[kind].values()))))
    return shipped if shipped.is_file() else None


def _boundary_layer(ctx: StoreContext) -> QgsVectorLayer | None:
    if not ctx.boundary_wkt:
        return None
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:3006", "Kommungräns", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(ctx.boundary_wkt))
    layer.dataProvider().addFeatures([feature])
    layer.setRenderer(layer.renderer().clone())
    layer.renderer().setSymbol(QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "40,40,40", "outline_width": "0.5"}))
    return layer


def _areas_layer(ctx: StoreContext, name: str = "Områden") -> QgsVectorLayer | None:
    if not ctx.areas:
        return None
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:3006&field=code:string&field=name:string",
                           name, "memory")
    features = []
    for area in ctx.areas:
        feature = QgsFeature(layer.fields())
        geometry = QgsGeometry()
        geometry.fromWkb(area.wkb)
        feature.setGeometry(geometry)
        feature.setAttributes([area.code, area.label])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.renderer().setSymbol(QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "120,120,120", "outline_width": "0.2",
        "outline_style": "dash"}))
    return layer


def _hotspot_layer(result, *, significant_only: bool = False) -> QgsVectorLayer:
    fields = hotspot_fields()
    layer = QgsVectorLayer("Polygon?crs=EPSG:3006", "Hotspots (Gi*)", "memory")
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    features = [f for f in hotspot_features(result, layer.fields())
                if not significant_only or f["gi_class"] != 0]
    layer.dataProvider().addFeatures(features)
    apply_style(layer, HOTSPOTS_QML)
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


def _central_extent(ctx: StoreContext, hot) -> QgsRectangle | None:
    """The central town: DeSO areas of type C (centralort) when present, else 4 km around the
    busiest cell."""
    central = [a for a in ctx.areas if len(a.code) >= 5 and a.code[4] == "C"]
    if central:
        rect = QgsRectangle()
        for area in central:
            geometry = QgsGeometry()
            geometry.fromWkb(area.wkb)
            rect.combineExtentWith(geometry.boundingBox())
        rect.scale(1.05)
        return rect
    if len(hot.n) and hot.n.max() > 0:
        cx, cy = hot.grid.centres
        i = int(hot.n.argmax())
        return QgsRectangle(cx[i] - 2000, cy[i] - 2000, cx[i] + 2000, cy[i] + 2000)
    return None


def make_lagesbild(store: Store, period: Period, out_pdf: Path, *, size: str = "A3",
                   template: str | None = None, project: QgsProject | None = None,
                   taxonomy: Taxonomy | None = None, kommun_name: str | None = None,
                   cell_size: float = 250.0, work_dir: Path | None = None) -> ReportResult:
    taxonomy = taxonomy or Taxonomy.load(taxonomy_file())
    project = project or QgsProject()
    data, hot, ctx = lagesbild_data(store, period, taxonomy, kommun_name=kommun_name,
                                    cell_size=cell_size)
    start, end = period.start_utc, period.end_utc
    incidents = incidents_layer(store, taxonomy, name=f"Händelser {period.name}", subset=(
        f"occurred_at >= '{start:%Y-%m-%dT%H:%M:%S}' AND occurred_at < '{end:%Y-%m-%dT%H:%M:%S}'"
        " AND location_precision IN ('exact', 'street') AND status <> 'deleted'"))
    hotspots = _hotspot_layer(hot, significant_only=True)
    # Hot cells over the points, see-through: at kommun scale the points would hide them.
    hotspots.setOpacity(0.75)
    boundary = _boundary_layer(ctx)
    layers = [hotspots, incidents] + ([boundary] if boundary else [])
    for layer in layers:
        project.addMapLayer(layer, False)
    chosen = template_path("lagesbild", size, template)
    title = f"Lägesbild {period.name}"
    layout = lay.load_template(project, chosen, title) if chosen else \
        lagesbild_layout.build_template(project, size)
    with _work_dir(work_dir) as work:
        lagesbild_layout.fill(layout, data, work_dir=work, map_layers=layers,
                              extent=_extent(ctx, [incidents]),
                              inset_extent=_central_extent(ctx, hot),
                              legend_layers=[incidents, hotspots])
        lay.export_pdf(layout, out_pdf)
    return ReportResult(Path(out_pdf), layout.pageCollection().pageCount(), title, layout)


def make_board_analysis(store: Store, period: Period, out_pdf: Path, *,
                        template: str | None = None, project: QgsProject | None = None,
                        taxonomy: Taxonomy | None = None, kommun_name: str | None = None,
                        cell_size: float = 250.0, small_count_threshold: int = 2,
                        work_dir: Path | None = None) -> ReportResult:
    taxonomy = taxonomy or Taxonomy.load(taxonomy_file())
    project = project or QgsProject()
    data, hot, ctx = board_data(store, period, taxonomy, kommun_name=kommun_name,
                                cell_size=cell_size,
                                small_count_threshold=small_count_threshold)
    # Public: hexagon classes and area outlines only; never the incidents' points.
    hotspots = _hotspot_layer(hot, significant_only=True)
    areas = _areas_layer(ctx)
    boundary = _boundary_layer(ctx)
    layers = [hotspots] + [x for x in (areas, boundary) if x]
    for layer in layers:
        project.addMapLayer(layer, False)
    chosen = template_path("board", "A4", template)
    title = f"Nämndanalys {data.tertial}"
    layout = lay.load_template(project, chosen, title) if chosen else \
        board_layout.build_template(project)
    area_extents = {}
    for area in ctx.areas:
        geometry = QgsGeometry()
        geometry.fromWkb(area.wkb)
        rect = geometry.boundingBox()
        rect.scale(1.3)
        area_extents[area.code] = rect
    with _work_dir(work_dir) as work:
        board_layout.fill(layout, data, work_dir=work, summary_layers=layers,
                          extent=_extent(ctx, layers), area_layers=layers,
                          area_extents=area_extents, survey_layers=layers)
        lay.export_pdf(layout, out_pdf)
    return ReportResult(Path(out_pdf), layout.pageCollection().pageCount(), title, layout)


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
