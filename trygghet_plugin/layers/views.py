"""Opening one of the store's tables or views as a QGIS layer (area-based layers start here)."""

from __future__ import annotations

from qgis.core import QgsVectorLayer

from ..store.base import Store


def open_view(store: Store, table: str, name: str) -> QgsVectorLayer:
    source = store.layer_source(table)
    layer = QgsVectorLayer(source.uri, name, source.provider)
    if not layer.isValid():
        raise RuntimeError(f"could not open {source.uri}")
    return layer
