"""QGIS layers of the hot spot analyses: fields and features of the hexagon outputs, their
styles (resources/styles/hotspots.qml, emerging.qml, heatmap.qml), and applying a style when
Processing loads an output.

Nothing is computed here: the numbers come from :mod:`trygghet_plugin.analysis`.
"""

from __future__ import annotations

from collections.abc import Iterator

from qgis.core import (
    QgsColorRampShader,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsPointXY,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterBandStats,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..analysis.emerging import EMERGING_LABELS, EmergingResult
from ..analysis.gistar import GI_CLASS_LABELS
from ..analysis.hexgrid import HexGrid
from ..analysis.hotspots import HotspotResult
from ..paths import resource
from .fields import DOUBLE, INT, STRING, make_fields

HOTSPOTS_QML = "hotspots.qml"
EMERGING_QML = "emerging.qml"
HEATMAP_QML = "heatmap.qml"

#: Output fields of trygghet:hotspots, in order.
HOTSPOT_FIELDS = (
    ("cell_id", STRING), ("n", INT), ("nb_n", INT),
    ("nb_expected", DOUBLE), ("gi_z", DOUBLE), ("gi_p", DOUBLE),
    ("gi_q", DOUBLE), ("exact_p", DOUBLE), ("exact_q", DOUBLE),
    ("gi_class", INT), ("label", STRING), ("period", STRING),
)
#: Output fields of trygghet:emerginghotspots, in order.
EMERGING_FIELDS = (
    ("cell_id", STRING), ("n", INT), ("n_last", INT),
    ("hot_periods", INT), ("cold_periods", INT),
    ("trend_z", DOUBLE), ("trend_p", DOUBLE), ("gi_z_last", DOUBLE),
    ("pattern", INT), ("label", STRING), ("history", STRING),
    ("periods", STRING),
)


def style_path(name: str) -> str:
    return str(resource("styles", name))


def hotspot_fields() -> QgsFields:
    return make_fields(HOTSPOT_FIELDS)


def emerging_fields() -> QgsFields:
    return make_fields(EMERGING_FIELDS)


def _hexagons(grid: HexGrid) -> list[QgsGeometry]:
    rings = grid.vertices()
    return [QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring]])
            for ring in rings.tolist()]


def hotspot_features(result: HotspotResult, fields: QgsFields | None = None
                     ) -> Iterator[QgsFeature]:
    """One feature per cell of the result's grid, empty cells included."""
    fields = fields or hotspot_fields()
    period = result.period.name if result.period else ""
    gi = result.gi
    columns = zip(result.grid.cell_ids, result.n.tolist(), gi.nb_n.tolist(),
                  gi.nb_expected.tolist(), gi.z.tolist(), gi.p.tolist(), gi.q.tolist(),
                  gi.exact_p.tolist(), gi.exact_q.tolist(), gi.gi_class.tolist(),
                  _hexagons(result.grid))
    for cell_id, n, nb_n, nb_expected, z, p, q, exact_p, exact_q, klass, geometry in columns:
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        feature.setAttributes([cell_id, int(n), _int(nb_n), _real(nb_expected), float(z),
                               float(p), float(q), _real(exact_p), _real(exact_q), int(klass),
                               GI_CLASS_LABELS[int(klass)], period])
        yield feature


def _int(value: float):
    return None if value != value else int(round(value))


def _real(value: float):
    return None if value != value else float(value)


def emerging_features(result: EmergingResult, fields: QgsFields | None = None
                      ) -> Iterator[QgsFeature]:
    """One feature per cell; ``trend_z``/``trend_p`` are Mann–Kendall on the cell's counts,
    ``history`` one character per period, oldest first (+ hot, - cold, . neither)."""
    fields = fields or emerging_fields()
    periods = f"{result.periods[0].name} – {result.periods[-1].name} ({len(result.periods)})"
    columns = zip(result.grid.cell_ids, result.n.sum(axis=1).tolist(),
                  result.n[:, -1].tolist(), result.hot_periods.tolist(),
                  result.cold_periods.tolist(), result.trend_z.tolist(),
                  result.trend_p.tolist(), result.z[:, -1].tolist(), result.pattern.tolist(),
                  result.histories(), _hexagons(result.grid))
    for cell_id, n, n_last, hot, cold, tz, tp, z_last, pattern, history, geometry in columns:
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        feature.setAttributes([cell_id, int(n), int(n_last), int(hot), int(cold), float(tz),
                               float(tp), float(z_last), int(pattern),
                               EMERGING_LABELS[int(pattern)], history, periods])
        yield feature


# -- styles -------------------------------------------------------------------------------

def apply_style(layer: QgsMapLayer, qml: str) -> bool:
    """Load one of the plugin's QML styles onto a layer; heatmaps get their colour range
    from the layer's own values."""
    from .aliases import describe_fields

    message, ok = layer.loadNamedStyle(style_path(qml))
    if isinstance(layer, QgsRasterLayer) and ok:
        stretch_heatmap(layer)
    describe_fields(layer)  # "Gi* z-score 74.55", not "gi_z 74.54666324879042"
    layer.triggerRepaint()
    return bool(ok)


def stretch_heatmap(layer: QgsRasterLayer) -> None:
    """A transparent-to-dark-red ramp from 0 to the layer's maximum density."""
    stats = layer.dataProvider().bandStatistics(1, QgsRasterBandStats.Stats.Max)
    top = stats.maximumValue if stats.maximumValue > 0 else 1.0
    stops = ((0.0, QColor(255, 255, 178, 0)), (0.02, QColor(255, 255, 178, 90)),
             (0.15, QColor(254, 204, 92, 170)), (0.35, QColor(253, 141, 60, 200)),
             (0.6, QColor(240, 59, 32, 220)), (1.0, QColor(128, 0, 38, 235)))
    ramp = QgsColorRampShader(0.0, top, None, QgsColorRampShader.Type.Interpolated)
    ramp.setColorRampItemList([QgsColorRampShader.ColorRampItem(f * top, color,
                                                                 f"{f * top:.0f}")
                               for f, color in stops])
    shader = QgsRasterShader(0.0, top)
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(top)
    layer.setRenderer(renderer)


class StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Applies a QML style (and a Swedish name) to a Processing output when it is loaded."""

    def __init__(self, qml: str, name: str | None = None):
        super().__init__()
        self.qml = qml
        self.name = name

    def postProcessLayer(self, layer, context, feedback):
        if layer is None:
            return
        if self.name:
            layer.setName(self.name)
        apply_style(layer, self.qml)
        save_default_style(layer)


def save_default_style(layer: QgsMapLayer) -> bool:
    """Store the layer's style in its GeoPackage as the default, so the file opens styled in
    anyone's QGIS project (planners add the outputs to their own maps)."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return False
    if not layer.source().split("|")[0].lower().endswith(".gpkg"):
        return False
    error = layer.saveStyleToDatabase("trygghet", "Trygghet", True, "")
    return not error


# Post-processors must outlive the algorithm run that registers them.
_KEEP: list[StyleOnLoad] = []


def style_on_completion(context, layer_id: str, qml: str, name: str | None = None) -> None:
    """When Processing will load ``layer_id`` (an output), style it with ``qml``."""
    if not layer_id or not context.willLoadLayerOnCompletion(layer_id):
        return
    processor = StyleOnLoad(qml, name)
    _KEEP.append(processor)
    del _KEEP[:-20]
    context.layerToLoadOnCompletionDetails(layer_id).setPostProcessor(processor)


def heatmap_layer(path: str, name: str = "Täthet (intern)") -> QgsRasterLayer:
    layer = QgsRasterLayer(path, name, "gdal")
    if layer.isValid():
        apply_style(layer, HEATMAP_QML)
    return layer


def boundary_wkt_from_source(source, context) -> str | None:
    """The union of a polygon source's features in EPSG:3006, as WKT (None when empty)."""
    from .sweref import source_geometries

    parts = source_geometries(source, context)
    if not parts:
        return None
    return QgsGeometry.unaryUnion(parts).asWkt()
