"""The "Ovanligt just nu" layer: the clusters of :mod:`trygghet_plugin.analysis.unusual` as
polygons (the hexagons that hold each cluster's excess), styled with a legend that says what
a cluster means. Nothing is computed here."""

from __future__ import annotations

from collections.abc import Iterator

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingLayerPostProcessorInterface,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ..analysis.unusual import UnusualResult
from ..i18n import translator

tr = translator("Layers")

UNUSUAL_NAME = "Ovanligt just nu"
#: Output fields of trygghet:unusualnow, in order.
UNUSUAL_FIELDS = (
    ("cluster", QVariant.Int), ("count", QVariant.Int), ("expected", QVariant.Double),
    ("ratio", QVariant.Double), ("p", QVariant.Double), ("q", QVariant.Double),
    ("cells", QVariant.Int), ("windows", QVariant.Int), ("label", QVariant.String),
    ("period", QVariant.String),
)


def legend_text() -> str:
    return tr("Unusual now: more incidents than the place's own history makes expected, "
              "after correction for many comparisons")


def unusual_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in UNUSUAL_FIELDS:
        fields.append(QgsField(name, kind))
    return fields


def cluster_label(count: int, expected: float) -> str:
    """"17 händelser, väntat 0,5": Swedish in the attribute, as the map's other labels."""
    return f"{count} händelser, väntat {expected:.1f}".replace(".", ",")


def unusual_features(result: UnusualResult, fields: QgsFields | None = None
                     ) -> Iterator[QgsFeature]:
    """One feature per cluster, the union of its hexagons, the most unusual first."""
    fields = fields or unusual_fields()
    period = result.period.name if result.period else ""
    for k, cluster in enumerate(result.clusters, start=1):
        rings = result.grid.vertices(cluster.cells)
        parts = [QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring]])
                 for ring in rings.tolist()]
        geometry = QgsGeometry.unaryUnion(parts)
        geometry.convertToMultiType()
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        feature.setAttributes([k, cluster.count, round(cluster.expected, 2),
                               round(cluster.ratio, 2), float(cluster.p), float(cluster.q),
                               int(cluster.cells.size), cluster.windows,
                               cluster_label(cluster.count, cluster.expected), period])
        yield feature


def style_unusual(layer: QgsVectorLayer) -> None:
    """A strong violet outline over a light fill (not the Gi* reds), one legend entry that
    says what the polygons mean, and the count as a label."""
    from qgis.core import (
        QgsPalLayerSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor

    from .aliases import describe_fields

    symbol = QgsFillSymbol.createSimple({
        "color": "123,44,191,90", "outline_color": "92,0,158,255", "outline_width": "0.9",
        "joinstyle": "round"})
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "", legend_text()))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    settings = QgsPalLayerSettings()
    settings.fieldName = "count"
    text = QgsTextFormat()
    text.setColor(QColor(92, 0, 158))
    text.setSize(9)
    buffer = text.buffer()
    buffer.setEnabled(True)
    buffer.setColor(QColor(255, 255, 255))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    describe_fields(layer)
    layer.triggerRepaint()


class StyleUnusualOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Styles trygghet:unusualnow's output when Processing loads it."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name

    def postProcessLayer(self, layer, context, feedback):
        if layer is None:
            return
        from .hotspots import save_default_style

        layer.setName(self.name)
        style_unusual(layer)
        save_default_style(layer)


_KEEP: list[StyleUnusualOnLoad] = []


def style_unusual_on_completion(context, layer_id: str, name: str) -> None:
    if not layer_id or not context.willLoadLayerOnCompletion(layer_id):
        return
    processor = StyleUnusualOnLoad(name)
    _KEEP.append(processor)
    del _KEEP[:-20]
    context.layerToLoadOnCompletionDetails(layer_id).setPostProcessor(processor)
