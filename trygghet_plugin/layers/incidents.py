"""The incidents layer: categorized with the taxonomy's colours and icons, Swedish legend,
temporal on ``occurred_at``.

Each category's icon (``resources/icons/categories/<icon>.svg``, named in the taxonomy) is a
pictogram on a disc of the category's colour. The SVG is embedded in the style (``base64:``),
so a project or a GeoPackage with the style opens with its icons on any machine, with or
without the plugin. Icons grow when the map is zoomed in: at the whole kommun they are dots.
``resources/styles/incidents.qml`` is the same style as a file, for users' own layers
(:func:`save_incidents_qml` writes it).
"""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsMarkerSymbol,
    QgsProperty,
    QgsRendererCategory,
    QgsSvgMarkerSymbolLayer,
    QgsSymbolLayer,
    QgsVectorLayer,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtGui import QColor

from ..constants import SWEREF99TM
from ..domain.taxonomy import Category, Taxonomy
from ..i18n import translator
from ..paths import resource
from ..store.base import Store
from .filters import INCIDENTS, mark_layer

tr = translator("Layers")

INCIDENTS_LAYER_NAME = "Händelser"
#: Icon size in mm when zoomed in, and at the scale of a whole kommun (1:50 000 and smaller).
ICON_SIZE = 4.2
DOT_SIZE = 2.4
SIZE_EXPRESSION = f"CASE WHEN @map_scale > 50000 THEN {DOT_SIZE} ELSE {ICON_SIZE} END"


def icon_path(category: Category) -> Path | None:
    if not category.icon:
        return None
    path = resource("icons", "categories", category.icon)
    return path if path.is_file() else None


@lru_cache(maxsize=64)
def _embedded(path: str) -> str:
    return "base64:" + base64.b64encode(Path(path).read_bytes()).decode("ascii")


def category_symbol(category: Category, *, icons: bool = True) -> QgsMarkerSymbol:
    """The category's icon on a disc of its colour (a plain disc when it has no icon)."""
    path = icon_path(category) if icons else None
    if path is None:
        return QgsMarkerSymbol.createSimple({
            "name": "circle", "color": category.color, "size": str(DOT_SIZE),
            "outline_color": "255,255,255,200", "outline_width": "0.3"})
    layer = QgsSvgMarkerSymbolLayer(_embedded(str(path)), ICON_SIZE)
    layer.setFillColor(QColor(category.color))
    layer.setStrokeColor(QColor(255, 255, 255))
    layer.setStrokeWidth(0.2)
    layer.setDataDefinedProperty(QgsSymbolLayer.PropertySize,
                                 QgsProperty.fromExpression(SIZE_EXPRESSION))
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, layer)
    return symbol


def categorized_renderer(taxonomy: Taxonomy, language: str = "sv", *, icons: bool = True
                         ) -> QgsCategorizedSymbolRenderer:
    categories = []
    for code, cat in taxonomy.categories.items():
        categories.append(QgsRendererCategory(code, category_symbol(cat, icons=icons),
                                              cat.label(language)))
    return QgsCategorizedSymbolRenderer("category", categories)


def set_temporal(layer: QgsVectorLayer, field: str = "occurred_at") -> None:
    """Let the temporal controller animate the layer by when each incident happened."""
    temporal = layer.temporalProperties()
    temporal.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField)
    temporal.setStartField(field)
    temporal.setIsActive(True)


def style_incidents(layer: QgsVectorLayer, taxonomy: Taxonomy) -> None:
    layer.setRenderer(categorized_renderer(taxonomy))
    set_temporal(layer)


def incidents_layer(store: Store, taxonomy: Taxonomy, *, name: str = INCIDENTS_LAYER_NAME,
                    subset: str | None = None) -> QgsVectorLayer:
    source = store.layer_source("incidents")
    layer = QgsVectorLayer(source.uri, name, source.provider)
    if not layer.isValid():
        raise RuntimeError(f"could not open {source.uri}")
    if subset:
        layer.setSubsetString(subset)
    style_incidents(layer, taxonomy)
    # The Filter dock filters it, keeping this layer's own subset.
    mark_layer(layer, INCIDENTS, subset or "")
    return layer


def save_incidents_qml(path: Path | str, taxonomy: Taxonomy) -> Path:
    """Write the incidents style (renderer and temporal settings) as a QML file."""
    layer = QgsVectorLayer(f"Point?crs={SWEREF99TM}&field=category:string"
                           "&field=occurred_at:datetime", INCIDENTS_LAYER_NAME, "memory")
    style_incidents(layer, taxonomy)
    path = Path(path)
    message, ok = layer.saveNamedStyle(str(path))
    if not ok:
        raise OSError(tr("Could not write {path}: {error}").format(path=path, error=message))
    return path
