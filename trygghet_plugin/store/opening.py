"""Which store a STORE text names, and opening it (the one place that knows both backends)."""

from __future__ import annotations

from pathlib import Path

from ..i18n import translator
from .base import Store, StoreError, is_postgres_uri

tr = translator("Store")


def is_postgis_store(text: str | Path) -> bool:
    """Whether STORE names a PostGIS store: a ``postgresql://`` URI, a libpq keyword/value
    string (``service=...``, ``host=...``), ``pg:<connection>`` or the name of a PostgreSQL
    connection saved in QGIS (a name that is not a path)."""
    t = str(text).strip()
    if is_postgres_uri(t):
        return True
    if not t or "/" in t or "\\" in t or t.lower().endswith(".gpkg") or Path(t).exists():
        return False
    try:
        from .postgis import connection_name
    except ImportError:  # no psycopg2: only GeoPackage stores here
        return False
    return connection_name(t) is not None


def open_store(uri: str | Path, *, create: bool = True) -> Store:
    """Open (and create or upgrade) the store that ``uri`` names.

    A path to a ``.gpkg`` file is the embedded GeoPackage store; a PostgreSQL URI, a libpq
    keyword/value string or a QGIS connection name is the shared PostGIS store (see
    :mod:`.postgis` for the forms, the kommun scope and where credentials come from).
    """
    text = str(uri).strip()
    if not text:
        raise StoreError(tr("No store given: set STORE to a .gpkg path or a PostGIS "
                            "connection."))
    if is_postgis_store(text):
        from .postgis import PostgisStore

        return PostgisStore(text, create=create)
    from .gpkg import GpkgStore

    return GpkgStore(Path(text), create=create)
