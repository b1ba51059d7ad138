"""The store: one schema, two backends: a GeoPackage per municipality, or PostGIS shared by
several analysts and whole regions (``open_store`` picks by STORE)."""

from .base import Store, StoreError
from .opening import open_store

__all__ = ["Store", "StoreError", "open_store"]
