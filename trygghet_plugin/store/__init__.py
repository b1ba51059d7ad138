"""The store: one schema, a GeoPackage backend now and a PostGIS backend later."""

from .base import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]
