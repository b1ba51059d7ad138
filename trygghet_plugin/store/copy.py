"""Copying a store into another, GeoPackage or PostGIS either way, without loss.

Every data table (:data:`.schema.DATA_TABLES`) is copied row by row with every column of the
schema — bookkeeping included (when a record was taken, how often a rejected record was
seen) — and upserted by the table's key, one transaction per batch: a copy stopped anywhere
can simply run again, and a second copy changes nothing. Geometry travels as WKB and times
as UTC text, so nothing is rounded on the way. A kommun-scoped PostGIS store gives only its
kommun's rows (copying one kommun out of a region) and takes only rows of its kommun.
Measures travel as the other tables do, with their latest evaluation and when it was made.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..i18n import translator
from . import schema
from .base import Store, StoreError, WriteCounts

tr = translator("Store")

BATCH = 20000
_TABLES = schema.tables_at(measures=True)
_WKB_POINT = struct.Struct("<BIdd")


@dataclass
class CopyResult:
    tables: dict[str, WriteCounts] = field(default_factory=dict)
    complete: bool = True

    @property
    def rows(self) -> int:
        return sum(c.total for c in self.tables.values())

    def summary(self) -> str:
        parts = []
        for name, c in self.tables.items():
            text = tr("{table}: {total} ({new} new, {updated} updated, {unchanged} unchanged"
                      ).format(table=name, total=c.total, new=c.new, updated=c.updated,
                               unchanged=c.unchanged)
            if c.rejected:
                text += tr(", {rejected} outside the kommun").format(rejected=c.rejected)
            parts.append(text + ")")
        head = tr("Copied") if self.complete else tr("Cancelled")
        return f"{head}: " + "; ".join(parts)


def table_columns(table: str) -> tuple[str, ...]:
    """A table's columns as the copy carries them: geometry (WKB) first, then the fields."""
    t = _TABLES[table]
    return (("geom",) if t.geometry else ()) + tuple(f.name for f in t.fields)


def copy_store(src: Store, dst: Store, *, batch_size: int = BATCH,
               progress: Callable[[float], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> CopyResult:
    """Copy every data table of ``src`` into ``dst``; returns the counts per table."""
    if src is dst or (src.uri == dst.uri and type(src) is type(dst)):
        raise StoreError(tr("The source and the target are the same store."))
    reader, writer = _tables(src), _tables(dst)
    totals = {t: src.count(t) for t in schema.DATA_TABLES}
    overall = max(1, sum(totals.values()))
    done = 0
    result = CopyResult()
    for table in schema.DATA_TABLES:
        counts = WriteCounts()
        batch: list[tuple] = []
        for row in reader.read_rows(table):
            batch.append(row)
            if len(batch) >= batch_size:
                counts += writer.write_rows(table, batch)
                done += len(batch)
                batch = []
                if progress is not None:
                    progress(100.0 * done / overall)
                if cancelled is not None and cancelled():
                    result.tables[table] = counts
                    result.complete = False
                    return result
        if batch:
            counts += writer.write_rows(table, batch)
            done += len(batch)
        result.tables[table] = counts
        if progress is not None:
            progress(100.0 * done / overall)
    return result


def _tables(store: Store):
    """Whole-table reading and writing: the PostGIS store has it; for a GeoPackage store
    this module provides it over the store's own connection."""
    if hasattr(store, "read_rows") and hasattr(store, "write_rows"):
        return store
    from .gpkg import GpkgStore

    if isinstance(store, GpkgStore):
        return _GpkgTables(store)
    raise StoreError(tr("Cannot copy a {kind}.").format(kind=type(store).__name__))


class _GpkgTables:
    """read_rows / write_rows for a GeoPackage store, as PostgisStore has them."""

    def __init__(self, store):
        self.store = store

    def read_rows(self, table: str) -> Iterator[tuple]:
        from .gpkg import blob_wkb

        columns = table_columns(table)
        sql = f"SELECT {', '.join(columns)} FROM {table} ORDER BY fid"
        has_geom = columns[0] == "geom"
        cur = self.store._conn.execute(sql)
        while True:
            rows = cur.fetchmany(BATCH)
            if not rows:
                return
            for row in rows:
                if has_geom:
                    blob = row[0]
                    yield (blob_wkb(blob) if blob else None, *row[1:])
                else:
                    yield tuple(row)

    def write_rows(self, table: str, rows: Sequence[Sequence]) -> WriteCounts:
        from . import gpkg

        columns = table_columns(table)
        key = schema.key_columns(_TABLES[table])
        at = [columns.index(k) for k in key]
        by_key = {tuple(r[i] for i in at): tuple(r) for r in rows}
        geometry = _TABLES[table].geometry
        values = [(_blob(r[0], geometry), *r[1:]) if geometry else r for r in by_key.values()]
        marks = {c: f"?{n}" for n, c in enumerate(columns, start=1)}
        match = " AND ".join(f"{k} = {marks[k]}" for k in key)
        update = (f"UPDATE {table} SET " + ", ".join(f"{c} = {marks[c]}" for c in columns
                                                     if c not in key)
                  + f" WHERE {match} AND ("
                  + " OR ".join(f"{c} IS NOT {marks[c]}" for c in columns if c not in key) + ")")
        counts = WriteCounts()
        store = self.store
        with store._transaction() as conn:
            existing = _existing(conn, table, key, [tuple(v[i] for i in at) for v in values])
            old = [v for v in values if tuple(v[i] for i in at) in existing]
            new = [v for v in values if tuple(v[i] for i in at) not in existing]
            if old:
                counts.updated = conn.executemany(update, old).rowcount
            if new and table == "incidents":
                # The store's own bulk insert (R-tree triggers set aside for big batches).
                order = [columns.index(c) for c in gpkg._ROW_COLUMNS]
                counts.new = store._insert_new([tuple(v[i] for i in order) for v in new])
            elif new:
                counts.new = conn.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                    f"({', '.join('?' * len(columns))})", new).rowcount
        counts.unchanged = len(values) - counts.new - counts.updated
        return counts


def _existing(conn, table: str, key: Sequence[str], keys: list[tuple]) -> set[tuple]:
    found: set[tuple] = set()
    if not keys:
        return found
    if len(key) == 1:
        for start in range(0, len(keys), 500):
            chunk = [k[0] for k in keys[start:start + 500]]
            found.update((r[0],) for r in conn.execute(
                f"SELECT {key[0]} FROM {table} WHERE {key[0]} IN "
                f"({', '.join('?' * len(chunk))})", chunk))
        return found
    wanted = set(keys)
    for row in conn.execute(f"SELECT {', '.join(key)} FROM {table}"):
        if tuple(row) in wanted:
            found.add(tuple(row))
    return found


def _blob(wkb: bytes | None, geometry: str | None) -> bytes | None:
    """A GeoPackage geometry blob of WKB: the store's compact point form where it can."""
    from .gpkg import geometry_blob, point_blob

    if wkb is None:
        return None
    wkb = bytes(wkb)
    if geometry == "POINT" and len(wkb) == _WKB_POINT.size and wkb[0] == 1:
        order, kind, x, y = _WKB_POINT.unpack(wkb)
        if kind == 1:
            return point_blob(x, y)
    from osgeo import ogr

    geom = ogr.CreateGeometryFromWkb(wkb)
    if geom is None or geom.IsEmpty():
        return None
    return geometry_blob(bytes(geom.ExportToIsoWkb()), geom.GetEnvelope())


def iter_table(store: Store, table: str) -> Iterable[tuple]:
    """Every row of one data table of any store, as the copy carries it."""
    return _tables(store).read_rows(table)
