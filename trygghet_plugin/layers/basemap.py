"""The base map under the plugin's layers: the municipality's WMS/WMTS or an XYZ tile service,
from the setting ``base_map_url``. Without it no base map is added and everything works
offline.

The setting takes either
* an XYZ tile URL template, e.g. ``https://tile.openstreetmap.org/{z}/{x}/{y}.png``, or
* a QGIS WMS/WMTS data source as QGIS writes it (``crs=EPSG:3006&format=image/png&layers=
  topowebb&styles=default&tileMatrixSet=3006&url=https://.../wmts``): copy it from the layer's
  *Information* tab after adding the municipality's service once through the Data Source
  Manager.

Adding a layer fetches nothing for an XYZ source; tiles are fetched when the map draws.
"""

from __future__ import annotations

from urllib.parse import quote

from qgis.core import QgsLayerTreeLayer, QgsProject, QgsRasterLayer

from ..i18n import translator

tr = translator("Layers")

BASE_MAP_NAME = "Bakgrundskarta"
BASE_MAP_PROPERTY = "trygghet/base_map"


def base_map_source(url: str) -> str | None:
    """The ``wms`` provider's data source for the setting's value (None when empty)."""
    text = (url or "").strip()
    if not text:
        return None
    if "url=" in text and ("type=xyz" in text or "layers=" in text or "crs=" in text):
        return text  # already a QGIS data source
    if "{z}" in text or "{-y}" in text or "{q}" in text:
        # QGIS reads the url from a query string: percent-encode what would end it.
        encoded = quote(text, safe=":/?={}-_.~,;@!$'()*+")
        return f"type=xyz&url={encoded}&zmin=0&zmax=19"
    return f"url={text}"


def base_map_layer(url: str, name: str = BASE_MAP_NAME) -> QgsRasterLayer | None:
    source = base_map_source(url)
    if source is None:
        return None
    layer = QgsRasterLayer(source, name, "wms")
    layer.setCustomProperty(BASE_MAP_PROPERTY, url)
    return layer


def add_base_map(project: QgsProject, url: str | None = None) -> QgsRasterLayer | None:
    """Add the base map at the bottom of ``project``'s layer tree, once. ``url`` defaults to
    the setting. Returns the layer (the existing one when already there), or None when no
    base map is set or the source cannot be opened (a note goes to the log)."""
    if url is None:
        from ..settings import SettingsManager

        url = SettingsManager().get("base_map_url")
    source = base_map_source(url or "")
    if source is None:
        return None
    for layer in project.mapLayers().values():
        if isinstance(layer, QgsRasterLayer) and (
                layer.source() == source or layer.customProperty(BASE_MAP_PROPERTY) == url):
            return layer
    layer = base_map_layer(url)
    if layer is None or not layer.isValid():
        from ..log import logger

        logger.warning(tr("The base map could not be opened ({url}); the map is shown "
                          "without it.").format(url=url))
        return None
    project.addMapLayer(layer, False)
    root = project.layerTreeRoot()
    root.insertChildNode(len(root.children()), QgsLayerTreeLayer(layer))
    return layer
