"""The incidents layer: categorized with the taxonomy's colours, Swedish legend, temporal."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsVectorLayer,
    QgsVectorLayerTemporalProperties,
)

from ..domain.taxonomy import Taxonomy
from ..store.base import Store

INCIDENTS_LAYER_NAME = "Händelser"


def categorized_renderer(taxonomy: Taxonomy, language: str = "sv"
                         ) -> QgsCategorizedSymbolRenderer:
    categories = []
    for code, cat in taxonomy.categories.items():
        symbol = QgsMarkerSymbol.createSimple({
            "name": "circle", "color": cat.color, "size": "2.4",
            "outline_color": "255,255,255,200", "outline_width": "0.3"})
        categories.append(QgsRendererCategory(code, symbol, cat.label(language)))
    return QgsCategorizedSymbolRenderer("category", categories)


def incidents_layer(store: Store, taxonomy: Taxonomy, *, name: str = INCIDENTS_LAYER_NAME,
                    subset: str | None = None) -> QgsVectorLayer:
    source = store.layer_source("incidents")
    layer = QgsVectorLayer(source.uri, name, source.provider)
    if not layer.isValid():
        raise RuntimeError(f"could not open {source.uri}")
    if subset:
        layer.setSubsetString(subset)
    layer.setRenderer(categorized_renderer(taxonomy))
    temporal = layer.temporalProperties()
    temporal.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField)
    temporal.setStartField("occurred_at")
    temporal.setIsActive(True)
    return layer
