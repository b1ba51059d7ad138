"""The embedded store: one GeoPackage per municipality.

Tables are created with OGR, so the file is a valid GeoPackage that QGIS, GDAL and anyone
else open as it is. Writes go through Python's sqlite3 for speed: one prepared upsert per
batch in one transaction. The GeoPackage R-tree triggers call ST_* SQL functions that only
GDAL and SpatiaLite provide, so this module registers small equivalents on its connection.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import struct
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from ..domain import clock
from ..domain.area import Area, AreaKind
from ..domain.incident import Incident, Rejected, from_utc_text, to_utc_text
from ..domain.measure import Measure, categories_from_text, categories_text
from ..domain.survey import AreaComparison, SurveyPlace, SurveyResult
from ..i18n import translator
from . import schema
from .base import (
    FRAME_COLUMNS,
    IncidentFrame,
    LayerSource,
    Store,
    StoreError,
    SyncState,
    WriteCounts,
    read_wkb,
)

tr = translator("Store")

_POINT = struct.Struct("<2sBBiBIdd")
_HEADER_WITH_ENVELOPE = struct.Struct("<2sBBi4d")
_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}


def point_blob(x: float, y: float, srid: int = schema.SRID) -> bytes:
    """A GeoPackage geometry blob for a 2D point: header without envelope, then WKB."""
    return _POINT.pack(b"GP", 0, 1, srid, 1, 1, x, y)


def blob_envelope(blob: bytes | None) -> tuple[float, float, float, float] | None:
    """(minx, maxx, miny, maxy) of a GeoPackage blob, or None when empty."""
    if blob is None or len(blob) < 8:
        return None
    flags = blob[3]
    if flags & 0x10:
        return None
    order = "<" if flags & 1 else ">"
    indicator = (flags >> 1) & 0x07
    if indicator:
        minx, maxx, miny, maxy = struct.unpack_from(order + "4d", blob, 8)
        return minx, maxx, miny, maxy
    offset = 8 + 8 * _ENVELOPE_DOUBLES.get(indicator, 0)
    bo = "<" if blob[offset] == 1 else ">"
    gtype = struct.unpack_from(bo + "I", blob, offset + 1)[0]
    if gtype == 1:
        x, y = struct.unpack_from(bo + "dd", blob, offset + 5)
        if x != x or y != y:  # NaN coordinates: an empty point
            return None
        return x, x, y, y
    from osgeo import ogr

    geom = ogr.CreateGeometryFromWkb(bytes(blob[offset:]))
    if geom is None or geom.IsEmpty():
        return None
    return geom.GetEnvelope()


def geometry_blob(wkb: bytes, envelope: tuple[float, float, float, float],
                  srid: int = schema.SRID) -> bytes:
    """A GeoPackage blob for any geometry: little-endian header with its envelope
    (minx, maxx, miny, maxy), so readers and the R-tree triggers need not parse the WKB."""
    return _HEADER_WITH_ENVELOPE.pack(b"GP", 0, 0b011, srid, *envelope) + bytes(wkb)


def blob_wkb(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage blob."""
    indicator = (blob[3] >> 1) & 0x07
    return bytes(blob[8 + 8 * _ENVELOPE_DOUBLES.get(indicator, 0):])


def blob_point(blob: bytes | None) -> tuple[float, float] | None:
    env = blob_envelope(blob)
    if env is None:
        return None
    return (env[0] + env[1]) / 2, (env[2] + env[3]) / 2


class _EnvelopeFunctions:
    """ST_IsEmpty/ST_MinX/... for the R-tree triggers; the four calls per row share one parse."""

    def __init__(self):
        self._blob: bytes | None = None
        self._env: tuple[float, float, float, float] | None = None

    def env(self, blob):
        if blob is not self._blob and blob != self._blob:
            self._blob = blob
            self._env = blob_envelope(blob)
        return self._env

    def register(self, conn: sqlite3.Connection) -> None:
        def part(i):
            def fn(blob):
                env = self.env(blob)
                return None if env is None else env[i]
            return fn

        conn.create_function("ST_IsEmpty", 1, lambda b: 1 if self.env(b) is None else 0,
                             deterministic=True)
        for i, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
            conn.create_function(name, 1, part(i), deterministic=True)


_OGR_TYPES = {"text": "OFTString", "integer": "OFTInteger64", "real": "OFTReal",
              "datetime": "OFTDateTime", "date": "OFTDate"}
_SQL_TYPES = {"text": "TEXT", "integer": "INTEGER", "real": "REAL", "datetime": "DATETIME",
              "date": "DATE"}

_ROW_COLUMNS = ("geom", *schema.INCIDENT_COLUMNS, "ingested_at")
_MARK = {c: f"?{n}" for n, c in enumerate(_ROW_COLUMNS, start=1)}
_COMPARED = [c for c in _ROW_COLUMNS if c not in ("uid", "ingested_at")]
# Two plain statements rather than one UPSERT: an UPSERT's conflict handling overrides the
# "INSERT OR REPLACE" inside GDAL's R-tree update triggers, which then fail on the rtree id.
# Numbered parameters let both statements take the same row tuple.
_UPDATE_SQL = "UPDATE incidents SET {sets} WHERE uid = {uid} AND ({diff})".format(
    sets=", ".join(f"{c} = {_MARK[c]}" for c in _ROW_COLUMNS if c != "uid"),
    uid=_MARK["uid"],
    diff=" OR ".join(f"{c} IS NOT {_MARK[c]}" for c in _COMPARED),
)
# Only rows whose uid was found missing inside the same write transaction come here.
_INSERT_SQL = "INSERT INTO incidents ({cols}) VALUES ({marks})".format(
    cols=", ".join(_ROW_COLUMNS), marks=", ".join(_MARK.values()))
_REJECT_SQL = (
    "INSERT INTO rejected (source, source_id, raw, reason, rejected_at, raw_hash, last_seen, "
    "times_seen) VALUES (?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT(source, raw_hash) DO UPDATE SET "
    "reason = excluded.reason, last_seen = excluded.last_seen, "
    "times_seen = rejected.times_seen + 1"
)
# Police events per area: events placed on an area count there; events whose place is only
# the kommun count on the kommun's own polygon (kind = ?1).
_POLICE_COUNTS_SQL = """
INSERT INTO police_area_counts (area_code, events, events_area, events_kommun, per_1000,
                                first_at, last_at, refreshed_at)
SELECT a.code,
       coalesce(p.n, 0) + coalesce(k.n, 0), coalesce(p.n, 0), coalesce(k.n, 0),
       CASE WHEN a.population > 0
            THEN 1000.0 * (coalesce(p.n, 0) + coalesce(k.n, 0)) / a.population END,
       min(coalesce(p.first_at, k.first_at), coalesce(k.first_at, p.first_at)),
       max(coalesce(p.last_at, k.last_at), coalesce(k.last_at, p.last_at)),
       ?2
FROM areas a
LEFT JOIN (SELECT area_code AS code, count(*) AS n, min(occurred_at) AS first_at,
                  max(occurred_at) AS last_at
           FROM incidents WHERE source = 'police' AND location_precision <> 'exact'
                AND area_code IS NOT NULL GROUP BY area_code) p ON p.code = a.code
LEFT JOIN (SELECT kommunkod AS code, count(*) AS n, min(occurred_at) AS first_at,
                  max(occurred_at) AS last_at
           FROM incidents WHERE source = 'police' AND location_precision = 'kommun'
                AND kommunkod IS NOT NULL GROUP BY kommunkod) k
       ON k.code = a.code AND a.kind = ?1
"""
_BULK_ROWS = 500
_IN_CHUNK = 500  # stays under SQLITE_MAX_VARIABLE_NUMBER (999) of older SQLite builds
_TABLES = ({t.name for t in schema.V1_TABLES} | {t.name for t in schema.V3_TABLES}
           | {v.name for v in schema.V3_VIEWS} | {t.name for t in schema.V6_TABLES})
#: What a measure's owner edits; the evaluation columns are written by the evaluation alone.
_MEASURE_EDITED = ("title", "type", "status", "start_date", "end_date", "organisation",
                   "categories", "notes", "kommunkod", "source")
_EVALUATION = ("verdict", "effect", "effect_low", "effect_high", "wdq", "evaluated_at")
_AREA_COLUMNS = ("geom", "code", "name", "kind", "kommunkod", "population", "parent_code",
                 "source")
_SURVEY_COLUMNS = ("survey", "area_code", "question", "index_value", "share_unsafe",
                   "respondents", "survey_year", "method")


def _raw_hash(raw: str) -> str:
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


class GpkgStore(Store):
    SCHEMA_VERSION = schema.GPKG_SCHEMA_VERSION

    def __init__(self, path: Path, *, create: bool = True,
                 target_version: int = schema.GPKG_SCHEMA_VERSION):
        self.path = Path(path)
        if not self.path.exists():
            if not create:
                raise StoreError(tr("The store {path} does not exist.").format(path=self.path))
            _create_v1(self.path)
        self._conn = self._connect()
        version = self.schema_version()
        if version > self.SCHEMA_VERSION:
            self._conn.close()
            raise StoreError(
                tr("{name} was written by a newer version of Trygghet (schema {version}; this "
                   "version knows schema {known}). Update the plugin.").format(
                    name=self.path.name, version=version, known=self.SCHEMA_VERSION))
        if version < target_version:
            if self.read_only:
                self._conn.close()
                raise StoreError(tr(
                    "{name} is read-only and of an older version (schema {version}): copy it "
                    "to a folder where it can be written once, to upgrade it.").format(
                    name=self.path.name, version=version))
            self._migrate(version, target_version)

    # -- connection -------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        try:
            with open(self.path, "rb") as fh:
                header = fh.read(16)
        except OSError as exc:
            raise StoreError(tr("Cannot read {path}: {error}").format(path=self.path, error=exc)
                             ) from exc
        if header != b"SQLite format 3\x00":
            raise StoreError(tr("{name} is not a GeoPackage.").format(name=self.path.name))
        # A store that cannot be written (a read-only share, file or folder) is opened for
        # reading; its writes are refused with a message (see _transaction).
        folder_writable = os.access(self.path.parent, os.W_OK)
        self.read_only = not (folder_writable and os.access(self.path, os.W_OK))
        try:
            if self.read_only:
                # Without a writable folder SQLite cannot make the WAL's -shm file: immutable
                # tells it that nobody writes the file meanwhile (true on a read-only mount).
                uri = self.path.resolve().as_uri() + "?mode=ro" + (
                    "" if folder_writable else "&immutable=1")
                conn = sqlite3.connect(uri, uri=True, timeout=60, isolation_level=None,
                                       check_same_thread=False)
            else:
                conn = sqlite3.connect(str(self.path), timeout=60, isolation_level=None,
                                       check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(tr("Cannot read {path}: {error}").format(path=self.path, error=exc)
                             ) from exc
        _EnvelopeFunctions().register(conn)
        conn.execute("PRAGMA foreign_keys = OFF")
        # 16 MB: a million-row import stays under 300 MB; more cache gains little (~5 %).
        conn.execute("PRAGMA cache_size = -16384")
        if not self.read_only and \
                conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            # QGIS opens read-only GeoPackage layers without file locks unless the file is in
            # WAL mode, and switches it to WAL when it opens it for writing; layers opened
            # over a store in rollback mode then fail ("unable to open database file").
            try:
                conn.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError:
                pass  # another program holds the file; it stays as it is
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "gpkg_contents" not in names:
            conn.close()
            raise StoreError(tr("{name} is not a GeoPackage.").format(name=self.path.name))
        if "trygghet_meta" not in names:
            conn.close()
            raise StoreError(tr("{name} is not a Trygghet store.").format(name=self.path.name))
        return conn

    def schema_version(self) -> int:
        row = self._conn.execute(
            "SELECT value FROM trygghet_meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self, current: int, target: int) -> None:
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            for version in range(current + 1, target + 1):
                MIGRATIONS[version](conn)
                conn.execute("UPDATE trygghet_meta SET value = ? WHERE key = 'schema_version'",
                             (str(version),))
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(tr("Could not upgrade {name}: {error}").format(
                name=self.path.name, error=exc)) from exc

    @property
    def uri(self) -> str:
        return str(self.path)

    def close(self) -> None:
        if getattr(self, "_conn", None) is not None:
            self._conn.close()
            self._conn = None

    # -- writing ----------------------------------------------------------------------------
    def write_batch(self, incidents: Iterable[Incident], rejected: Iterable[Rejected] = (),
                    sync: SyncState | None = None) -> WriteCounts:
        now = to_utc_text(clock.now())
        # The last version of a uid within one batch wins, as it would across batches.
        rows = list({i.uid: _incident_row(i, now) for i in incidents}.values())
        rejects = list(rejected)
        counts = WriteCounts()
        with self._transaction() as conn:
            if rows:
                existing = self._existing_uids([r[1] for r in rows])
                if existing:
                    counts.updated = conn.executemany(
                        _UPDATE_SQL, [r for r in rows if r[1] in existing]).rowcount
                counts.new = self._insert_new([r for r in rows if r[1] not in existing])
                counts.unchanged = len(rows) - counts.updated - counts.new
                self._forget_fixed_rejects(rows)
            counts.rejected = self._write_rejects(rejects, now)
            if sync is not None:
                for name in ("new", "updated", "unchanged", "rejected"):
                    sync.counts[name] = sync.counts.get(name, 0) + getattr(counts, name)
                self._save_sync(sync)
        return counts

    def _existing_uids(self, uids: list[str]) -> set[str]:
        found: set[str] = set()
        if not self._conn.execute("SELECT 1 FROM incidents LIMIT 1").fetchone():
            return found
        for start in range(0, len(uids), _IN_CHUNK):
            chunk = uids[start:start + _IN_CHUNK]
            sql = f"SELECT uid FROM incidents WHERE uid IN ({', '.join('?' * len(chunk))})"
            found.update(r[0] for r in self._conn.execute(sql, chunk))
        return found

    def _insert_new(self, rows: list[tuple]) -> int:
        """Insert rows whose uid is new; returns how many.

        For large batches the per-row insert triggers (R-tree, feature count) are set aside
        inside the transaction and their work done once for the batch, then put back: the
        triggers call Python functions per row, which would dominate a bulk load.
        """
        conn = self._conn
        if not rows:
            return 0
        if len(rows) < _BULK_ROWS:
            return conn.executemany(_INSERT_SQL, rows).rowcount
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name = 'incidents' AND (name = 'rtree_incidents_geom_insert' "
            "OR name = 'trigger_insert_feature_count_incidents')").fetchall()
        max_fid = conn.execute("SELECT coalesce(max(fid), 0) FROM incidents").fetchone()[0]
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        new = conn.executemany(_INSERT_SQL, rows).rowcount
        names = {name for name, _ in triggers}
        if "rtree_incidents_geom_insert" in names:
            conn.executemany(
                "INSERT OR REPLACE INTO rtree_incidents_geom VALUES (?, ?, ?, ?, ?)",
                [(fid, *env) for fid, geom in conn.execute(
                    "SELECT fid, geom FROM incidents WHERE fid > ?", (max_fid,))
                 if (env := blob_envelope(geom)) is not None])
        if "trigger_insert_feature_count_incidents" in names:
            conn.execute("UPDATE gpkg_ogr_contents SET feature_count = feature_count + ? "
                         "WHERE lower(table_name) = 'incidents'", (new,))
        for _, sql in triggers:
            conn.execute(sql)
        return new

    def _forget_fixed_rejects(self, rows: list[tuple]) -> None:
        """A record rejected before and taken now is no longer a rejected one."""
        if not self._conn.execute("SELECT 1 FROM rejected LIMIT 1").fetchone():
            return
        self._conn.executemany("DELETE FROM rejected WHERE source = ? AND source_id = ?",
                               [(r[2], r[3]) for r in rows])

    def _save_sync(self, sync: SyncState) -> None:
        self._conn.execute(
            "INSERT INTO sync_state (source_key, cursor, last_success, last_request, counts) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(source_key) DO UPDATE SET "
            "cursor = excluded.cursor, last_success = excluded.last_success, "
            "last_request = excluded.last_request, counts = excluded.counts",
            (sync.source_key, json.dumps(sync.cursor, ensure_ascii=False), sync.last_success,
             sync.last_request, json.dumps(sync.counts)))

    @contextmanager
    def _transaction(self):
        if self.read_only:
            raise StoreError(self._read_only_message())
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error) and "readonly" in str(exc).replace(" ", ""):
                raise StoreError(self._read_only_message()) from exc
            if isinstance(exc, sqlite3.Error):
                raise StoreError(tr("Could not write to {name}: {error}").format(
                    name=self.path.name, error=exc)) from exc
            raise

    def _read_only_message(self) -> str:
        return tr("The store {name} is read-only (the file or its folder cannot be written): "
                  "it can be read — layers, lägesbild, board analysis — but nothing can be "
                  "saved in it. Copy it to a folder you can write to, or ask for write "
                  "access.").format(name=self.path.name)

    def _write_rejects(self, rejects: list[Rejected], now: str) -> int:
        if rejects:
            self._conn.executemany(_REJECT_SQL, [
                (r.source, r.source_id, r.raw, r.reason, to_utc_text(r.rejected_at),
                 _raw_hash(r.raw), now) for r in rejects])
        return len(rejects)

    def _upsert_keyed(self, table: str, key: str, columns: tuple[str, ...],
                      rows: list[tuple]) -> WriteCounts:
        """Upsert rows (in ``columns`` order) by the unique ``key`` column: two plain
        statements, as for incidents, so GDAL's R-tree triggers keep working."""
        counts = WriteCounts()
        if not rows:
            return counts
        k = columns.index(key)
        rows = list({r[k]: r for r in rows}.values())
        marks = {c: f"?{n}" for n, c in enumerate(columns, start=1)}
        now_mark = f"?{len(columns) + 1}"
        update = (f"UPDATE {table} SET "
                  + ", ".join(f"{c} = {marks[c]}" for c in columns if c != key)
                  + f", imported_at = {now_mark} WHERE {key} = {marks[key]} AND ("
                  + " OR ".join(f"{c} IS NOT {marks[c]}" for c in columns if c != key) + ")")
        insert = (f"INSERT INTO {table} ({', '.join(columns)}, imported_at) SELECT "
                  f"{', '.join(marks.values())}, {now_mark} WHERE NOT EXISTS "
                  f"(SELECT 1 FROM {table} WHERE {key} = {marks[key]})")
        now = to_utc_text(clock.now())
        params = [(*r, now) for r in rows]
        conn = self._conn
        existing: set = set()
        for start in range(0, len(rows), _IN_CHUNK):
            chunk = [r[k] for r in rows[start:start + _IN_CHUNK]]
            existing.update(r[0] for r in conn.execute(
                f"SELECT {key} FROM {table} WHERE {key} IN ({', '.join('?' * len(chunk))})",
                chunk))
        counts.updated = conn.executemany(update, [p for p in params if p[k] in existing]
                                          ).rowcount if existing else 0
        counts.new = conn.executemany(insert, [p for p in params if p[k] not in existing]
                                      ).rowcount
        counts.unchanged = len(rows) - counts.updated - counts.new
        return counts

    def upsert_areas(self, areas: Iterable[Area], rejected: Iterable[Rejected] = ()
                     ) -> WriteCounts:
        from osgeo import ogr

        rows = []
        for a in areas:
            geom = ogr.CreateGeometryFromWkb(a.wkb)
            if geom is None or geom.IsEmpty():
                raise StoreError(tr("Area {code} has no geometry.").format(code=a.code))
            rows.append((geometry_blob(a.wkb, geom.GetEnvelope()), a.code, a.name, a.kind,
                         a.kommunkod, a.population, a.parent_code, a.source))
        rejects = list(rejected)
        now = to_utc_text(clock.now())
        with self._transaction():
            counts = self._upsert_keyed("areas", "code", _AREA_COLUMNS, rows)
            counts.rejected = self._write_rejects(rejects, now)
        return counts

    def areas(self, kind: str | None = None, kommunkod: str | None = None) -> list[Area]:
        where, params = [], []
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if kommunkod:
            where.append("kommunkod = ?")
            params.append(kommunkod)
        sql = f"SELECT {', '.join(_AREA_COLUMNS)} FROM areas"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [Area(code=r[1], kind=r[3], wkb=blob_wkb(r[0]), name=r[2], kommunkod=r[4],
                     population=r[5], parent_code=r[6], source=r[7])
                for r in self._conn.execute(sql + " ORDER BY code", params)]

    def upsert_survey_results(self, results: Iterable[SurveyResult],
                              rejected: Iterable[Rejected] = ()) -> WriteCounts:
        by_key = {r.key: r for r in results}
        rejects = list(rejected)
        now = to_utc_text(clock.now())
        counts = WriteCounts()
        cols = ", ".join(_SURVEY_COLUMNS)
        marks = ", ".join("?" * (len(_SURVEY_COLUMNS) + 1))
        with self._transaction() as conn:
            current = {f"{r[0]}|{r[1]}|{r[2]}": r for r in conn.execute(
                f"SELECT {cols} FROM survey_results")}
            write = []
            for key, r in by_key.items():
                row = (r.survey, r.area_code, r.question, r.index_value, r.share_unsafe,
                       r.respondents, r.survey_year, r.method)
                old = current.get(key)
                if old is None:
                    counts.new += 1
                elif tuple(old) == row:
                    counts.unchanged += 1
                    continue
                else:
                    counts.updated += 1
                write.append((*row, now))
            conn.executemany(
                f"INSERT INTO survey_results ({cols}, imported_at) VALUES ({marks}) "
                "ON CONFLICT(survey, area_code, question) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in (*_SURVEY_COLUMNS[3:],
                                                             "imported_at")), write)
            if by_key and conn.execute("SELECT 1 FROM rejected LIMIT 1").fetchone():
                conn.executemany("DELETE FROM rejected WHERE source = 'survey' AND "
                                 "source_id = ?", [(k,) for k in by_key])
            counts.rejected = self._write_rejects(rejects, now)
        return counts

    def survey_results(self, survey: str | None = None) -> list[SurveyResult]:
        sql = f"SELECT {', '.join(_SURVEY_COLUMNS)} FROM survey_results"
        params: tuple = ()
        if survey:
            sql += " WHERE survey = ?"
            params = (survey,)
        return [SurveyResult(*r[:7], method=r[7] or "index")
                for r in self._conn.execute(sql + " ORDER BY survey, area_code, question",
                                            params)]

    def upsert_survey_places(self, places: Iterable[SurveyPlace],
                             rejected: Iterable[Rejected] = ()) -> WriteCounts:
        rows = [(point_blob(p.x, p.y), p.uid, p.survey, p.reason, p.area_code) for p in places]
        rejects = list(rejected)
        now = to_utc_text(clock.now())
        with self._transaction():
            counts = self._upsert_keyed("survey_places", "uid",
                                        ("geom", "uid", "survey", "reason", "area_code"), rows)
            counts.rejected = self._write_rejects(rejects, now)
        return counts

    def incident_counts_by_area(self, kind: str, where: str | None = None,
                                params: tuple = ()) -> dict[str, int]:
        from osgeo import ogr

        frame = self.incident_frame(where, params, columns=())
        x, y = frame.x, frame.y
        counts: dict[str, int] = {}
        point = ogr.Geometry(ogr.wkbPoint)
        for area in self.areas(kind=kind):
            geom = ogr.CreateGeometryFromWkb(area.wkb)
            minx, maxx, miny, maxy = geom.GetEnvelope()
            inside = np.flatnonzero((x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy))
            n = 0
            for i in inside.tolist():
                point.SetPoint_2D(0, float(x[i]), float(y[i]))
                n += bool(geom.Contains(point))
            counts[area.code] = n
        return counts

    def refresh_police_area_counts(self) -> int:
        now = to_utc_text(clock.now())
        with self._transaction() as conn:
            conn.execute("DELETE FROM police_area_counts")
            conn.execute(_POLICE_COUNTS_SQL, (AreaKind.KOMMUN.value, now))
            return conn.execute("SELECT count(*) FROM police_area_counts").fetchone()[0]

    def save_survey_comparison(self, survey: str, rows: Iterable[AreaComparison],
                               window_start: str | None, window_end: str | None) -> int:
        now = to_utc_text(clock.now())
        values = [(survey, r.area_code, r.index_value, r.reports, r.population,
                   r.rate_per_1000, r.index_rank, r.rate_rank, r.gap, r.class_code,
                   window_start, window_end, now) for r in rows]
        with self._transaction() as conn:
            conn.execute("DELETE FROM survey_comparison WHERE survey = ?", (survey,))
            conn.executemany(
                "INSERT INTO survey_comparison (survey, area_code, index_value, reports, "
                "population, rate_per_1000, index_rank, rate_rank, gap, class_code, "
                "window_start, window_end, refreshed_at) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
        return len(values)

    # -- measures (schema 6) -------------------------------------------------------------------
    def upsert_measures(self, measures: Iterable[Measure], rejected: Iterable[Rejected] = ()
                        ) -> WriteCounts:
        rows = {m.uid: _measure_row(m) for m in measures}
        rejects = list(rejected)
        now = to_utc_text(clock.now())
        counts = WriteCounts()
        cols = ("geom", *_MEASURE_EDITED)
        with self._transaction() as conn:
            for uid, row in rows.items():
                old = conn.execute(f"SELECT {', '.join(cols)} FROM measures WHERE uid = ?",
                                   (uid,)).fetchone()
                if old is None:
                    conn.execute(
                        f"INSERT INTO measures (uid, {', '.join(cols)}, created_at, updated_at)"
                        f" VALUES ({', '.join('?' * (len(cols) + 3))})", (uid, *row, now, now))
                    counts.new += 1
                elif tuple(old) == row:
                    counts.unchanged += 1
                else:
                    conn.execute(
                        f"UPDATE measures SET {', '.join(f'{c} = ?' for c in cols)}, "
                        "updated_at = ? WHERE uid = ?", (*row, now, uid))
                    counts.updated += 1
            counts.rejected = self._write_rejects(rejects, now)
        return counts

    def measures(self, uids: Sequence[str] | None = None, status: str | None = None
                 ) -> list[Measure]:
        where, params = [], []
        if uids:
            where.append(f"uid IN ({', '.join('?' * len(uids))})")
            params.extend(uids)
        if status:
            where.append("status = ?")
            params.append(status)
        cols = ("geom", "uid", *_MEASURE_EDITED, *_EVALUATION)
        sql = f"SELECT {', '.join(cols)} FROM measures"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_measure_from_row(dict(zip(cols, r)))
                for r in self._conn.execute(sql + " ORDER BY fid", params)]

    def save_measure_evaluation(self, uid: str, verdict: str | None, effect: float | None,
                                effect_low: float | None, effect_high: float | None,
                                wdq: float | None) -> None:
        now = to_utc_text(clock.now())
        with self._transaction() as conn:
            conn.execute("UPDATE measures SET verdict = ?, effect = ?, effect_low = ?, "
                         "effect_high = ?, wdq = ?, evaluated_at = ? WHERE uid = ?",
                         (verdict, effect, effect_low, effect_high, wdq, now, uid))

    def delete_measure(self, uid: str) -> bool:
        with self._transaction() as conn:
            return conn.execute("DELETE FROM measures WHERE uid = ?", (uid,)).rowcount > 0

    # -- reading ----------------------------------------------------------------------------
    def sync_state(self, source_key: str) -> SyncState | None:
        row = self._conn.execute(
            "SELECT cursor, last_success, last_request, counts FROM sync_state "
            "WHERE source_key = ?", (source_key,)).fetchone()
        if row is None:
            return None
        return SyncState(source_key, json.loads(row[0] or "{}"), row[1], row[2],
                         json.loads(row[3] or "{}"))

    def sync_states(self) -> list[SyncState]:
        return [SyncState(key, json.loads(cursor or "{}"), last, request,
                          json.loads(counts or "{}"))
                for key, cursor, last, request, counts in self._conn.execute(
                    "SELECT source_key, cursor, last_success, last_request, counts "
                    "FROM sync_state ORDER BY source_key")]

    def count(self, table: str, where: str | None = None, params: tuple = ()) -> int:
        if table not in _TABLES:
            raise StoreError(tr("Unknown table: {table}").format(table=table))
        sql = f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else "")
        return self._conn.execute(sql, params).fetchone()[0]

    def iter_incidents(self, where: str | None = None, params: tuple = ()) -> Iterator[Incident]:
        cols = ", ".join(schema.INCIDENT_COLUMNS)
        sql = f"SELECT geom, {cols} FROM incidents" + (f" WHERE {where}" if where else "")
        sql += " ORDER BY fid"
        for row in self._conn.execute(sql, params):
            point = blob_point(row[0])
            values = dict(zip(schema.INCIDENT_COLUMNS, row[1:]))
            yield Incident(
                source=values["source"], source_id=values["source_id"],
                category=values["category"], subcategory=values["subcategory"],
                x=point[0] if point else None, y=point[1] if point else None,
                occurred_at=from_utc_text(values["occurred_at"]),
                reported_at=from_utc_text(values["reported_at"]),
                updated_at=from_utc_text(values["updated_at"]),
                status=values["status"], reporter_org=values["reporter_org"],
                description=values["description"],
                location_precision=values["location_precision"],
                kommunkod=values["kommunkod"], area_code=values["area_code"],
                reporter_id=values["reporter_id"], details=values["details"])

    def incident_frame(self, where: str | None = None, params: tuple = (),
                       columns: Sequence[str] = FRAME_COLUMNS) -> IncidentFrame:
        unknown = set(columns) - set(FRAME_COLUMNS)
        if unknown:
            raise StoreError(tr("Unknown columns: {columns}").format(columns=sorted(unknown)))
        if not columns:
            fast = self._points_frame(where, params)
            if fast is not None:
                return fast
        # Times as 'YYYY-MM-DDTHH:MM:SS' (UTC, zone letter cut) parse straight into numpy.
        select = ["fid", "geom", "substr(occurred_at, 1, 19)", "substr(reported_at, 1, 19)",
                  *columns]
        sql = f"SELECT {', '.join(select)} FROM incidents" + (f" WHERE {where}" if where else "")
        rows = self._conn.execute(sql + " ORDER BY fid", params).fetchall()
        if not rows:
            empty = np.array([], dtype=object)
            return IncidentFrame(np.array([], dtype=np.int64), np.array([]), np.array([]),
                                 np.array([], dtype="datetime64[s]"),
                                 np.array([], dtype="datetime64[s]"),
                                 {c: empty.copy() for c in columns})
        fid, geom, occurred, reported, *text = zip(*rows)
        x, y = _points_xy(geom)
        return IncidentFrame(
            np.array(fid, dtype=np.int64), x, y,
            np.array([t or "NaT" for t in occurred], dtype="datetime64[s]"),
            np.array([t or "NaT" for t in reported], dtype="datetime64[s]"),
            {c: np.array(v, dtype=object) for c, v in zip(columns, text)})

    def _points_frame(self, where: str | None, params: tuple) -> IncidentFrame | None:
        """Places and times only, read column-wise through GDAL's Arrow stream (GDAL >= 3.6):
        three years of a million-incident store in a fraction of the row-by-row read, which
        builds a Python tuple per row. None where GDAL lacks it or a parameter is not a plain
        value (the caller reads row by row)."""
        from osgeo import ogr

        if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy") or \
                not all(isinstance(p, (str, int, float)) for p in params):
            return None
        parts = (where or "").split("?")
        if len(parts) != len(params) + 1:
            return None
        sql = parts[0]
        for value, rest in zip(params, parts[1:]):
            text = "'" + value.replace("'", "''") + "'" if isinstance(value, str) else \
                repr(value)
            sql += text + rest
        try:
            ds = ogr.Open(str(self.path), 0)
            layer = ds.GetLayerByName("incidents") if ds is not None else None
            if layer is None:
                return None
            if sql:
                layer.SetAttributeFilter(sql)
            defn = layer.GetLayerDefn()
            layer.SetIgnoredFields([defn.GetFieldDefn(i).GetName()
                                    for i in range(defn.GetFieldCount())
                                    if defn.GetFieldDefn(i).GetName() not in
                                    ("occurred_at", "reported_at")])
            fid, geom, occurred, reported = [], [], [], []
            for batch in layer.GetArrowStreamAsNumPy(
                    options=["USE_MASKED_ARRAYS=YES", "MAX_FEATURES_IN_BATCH=200000"]):
                g = batch[layer.GetGeometryColumn() or "geom"]
                if np.ma.isMaskedArray(g) and np.ma.getmaskarray(g).any():
                    return None  # an incident without a place: the row read handles it
                fid.append(np.asarray(batch["fid"], dtype=np.int64))
                geom.append(np.ma.getdata(g))
                occurred.append(_times(batch["occurred_at"]))
                reported.append(_times(batch["reported_at"]))
        except (RuntimeError, KeyError, TypeError, ValueError):
            return None  # the row-by-row read then says what is wrong, if anything
        finally:
            ds = None
        if not fid:
            return None
        # ISO WKB points, little-endian: 21 bytes, x at 5 and y at 13. GDAL hands a batch of
        # equal-length blobs as one fixed-width array (dtype V21), others as objects.
        blocks = []
        for g in geom:
            if g.dtype.kind == "V" and g.dtype.itemsize == 21:
                blocks.append(np.frombuffer(g.tobytes(), dtype=np.uint8).reshape(-1, 21))
            elif all(b is not None and len(b) == 21 for b in g):
                blocks.append(np.frombuffer(b"".join(bytes(b) for b in g),
                                            dtype=np.uint8).reshape(-1, 21))
            else:
                return None
        xy = np.concatenate(blocks)
        if not ((xy[:, 0] == 1) & (xy[:, 1] == 1) & (xy[:, 2:5] == 0).all(axis=1)).all():
            return None  # not all little-endian 2D points
        x = xy[:, 5:13].copy().view("<f8")[:, 0]
        y = xy[:, 13:21].copy().view("<f8")[:, 0]
        fids = np.concatenate(fid)
        order = np.argsort(fids, kind="stable")  # as the row-by-row read: by fid
        return IncidentFrame(fids[order], x[order], y[order],
                             np.concatenate(occurred)[order], np.concatenate(reported)[order],
                             {})

    def rejected(self, source: str | None = None) -> list[Rejected]:
        sql = "SELECT source, raw, reason, source_id, rejected_at FROM rejected"
        params: tuple = ()
        if source:
            sql += " WHERE source = ?"
            params = (source,)
        return [Rejected(r[0], r[1], r[2], r[3], from_utc_text(r[4]) or clock.now())
                for r in self._conn.execute(sql + " ORDER BY fid", params)]

    def layer_source(self, table: str) -> LayerSource:
        if table not in _TABLES:
            raise StoreError(tr("Unknown table: {table}").format(table=table))
        return LayerSource(f"{self.path}|layername={table}", "ogr")


def _times(values) -> np.ndarray:
    """An Arrow timestamp column as UTC datetime64[s], NaT where it is null."""
    data = np.asarray(np.ma.getdata(values)).astype("datetime64[s]")
    if np.ma.isMaskedArray(values):
        data[np.ma.getmaskarray(values)] = np.datetime64("NaT")
    return data


def _points_xy(blobs: Sequence[bytes | None]) -> tuple[np.ndarray, np.ndarray]:
    """x and y of many point blobs: one numpy view when all are this module's 29-byte form."""
    if all(b is not None and len(b) == _POINT.size and b[3] == 1 for b in blobs):
        table = np.frombuffer(b"".join(blobs), dtype=np.uint8).reshape(-1, _POINT.size)
        xy = table[:, 13:29].copy().view("<f8")
        return xy[:, 0].copy(), xy[:, 1].copy()
    points = [blob_point(b) or (np.nan, np.nan) for b in blobs]
    arr = np.array(points, dtype=float).reshape(-1, 2)
    return arr[:, 0], arr[:, 1]


def _incident_row(i: Incident, now: str | None) -> tuple:
    if i.x is None or i.y is None:
        raise StoreError(tr("{uid}: an incident without a location must be rejected before "
                            "storing.").format(uid=i.uid))
    return (point_blob(i.x, i.y), i.uid, i.source, i.source_id, i.category, i.subcategory,
            to_utc_text(i.occurred_at), to_utc_text(i.reported_at), to_utc_text(i.updated_at),
            i.status, i.reporter_org, i.description, i.location_precision, i.kommunkod,
            i.area_code, i.reporter_id, i.details, now)


def _measure_row(m: Measure) -> tuple:
    """A measure's edited columns in ``("geom", *_MEASURE_EDITED)`` order."""
    geom = None
    if m.wkb:
        g = read_wkb(m.wkb)
        if g is None:
            raise StoreError(tr("Measure {uid} has an unreadable geometry.").format(uid=m.uid))
        geom = geometry_blob(g.ExportToIsoWkb(), g.GetEnvelope())
    return (geom, m.title, m.type, m.status, _date_text(m.start), _date_text(m.end),
            m.organisation, categories_text(m.categories), m.notes, m.kommunkod, m.source)


def _date_text(value) -> str | None:
    return value.isoformat() if value is not None else None


def _measure_from_row(r: dict) -> Measure:
    from datetime import date

    def day(text):
        return date.fromisoformat(str(text)[:10]) if text else None

    return Measure(
        uid=r["uid"], title=r["title"], type=r["type"], status=r["status"],
        start=day(r["start_date"]), end=day(r["end_date"]), organisation=r["organisation"],
        categories=categories_from_text(r["categories"]), notes=r["notes"],
        kommunkod=r["kommunkod"], wkb=blob_wkb(r["geom"]) if r["geom"] else None,
        source=r["source"] or "manual", verdict=r["verdict"], effect=r["effect"],
        effect_low=r["effect_low"], effect_high=r["effect_high"], wdq=r["wdq"],
        evaluated_at=r["evaluated_at"])


# -- schema ---------------------------------------------------------------------------------
def _index_sql(table: str, cols: tuple[str, ...], unique: bool) -> str:
    name = f"{'ux' if unique else 'ix'}_{table}_{'_'.join(cols)}"
    kind = "UNIQUE INDEX" if unique else "INDEX"
    return f'CREATE {kind} IF NOT EXISTS "{name}" ON "{table}" ({", ".join(cols)})'


def _create_v1(path: Path) -> None:
    """Create a schema-1 store. Built beside the target and renamed, so no half file remains."""
    from osgeo import ogr, osr

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.stem}.creating.gpkg")
    if tmp.exists():
        tmp.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(schema.SRID)
    geom_types = {"POINT": ogr.wkbPoint, "MULTIPOLYGON": ogr.wkbMultiPolygon}
    use_exceptions = ogr.GetUseExceptions()
    ogr.UseExceptions()
    try:
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp))
        for table in schema.V1_TABLES:
            if table.geometry:
                layer = ds.CreateLayer(table.name, srs, geom_types[table.geometry],
                                       ["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES",
                                        f"DESCRIPTION={table.description}"])
            else:
                layer = ds.CreateLayer(table.name, None, ogr.wkbNone,
                                       ["FID=fid", f"DESCRIPTION={table.description}"])
            for f in table.fields:
                defn = ogr.FieldDefn(f.name, getattr(ogr, _OGR_TYPES[f.kind]))
                defn.SetNullable(f.nullable)
                layer.CreateField(defn)
        ds = None
        conn = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            conn.execute("BEGIN")
            for table in schema.V1_TABLES:
                for cols in table.unique:
                    conn.execute(_index_sql(table.name, cols, True))
                for cols in table.indexes:
                    conn.execute(_index_sql(table.name, cols, False))
            conn.execute("INSERT INTO trygghet_meta (key, value) VALUES ('schema_version', '1')")
            conn.execute("INSERT INTO trygghet_meta (key, value) VALUES ('created_at', ?)",
                         (to_utc_text(clock.now()),))
            conn.execute("COMMIT")
        finally:
            conn.close()
        os.replace(tmp, path)
    except Exception as exc:
        if tmp.exists():
            tmp.unlink()
        raise StoreError(tr("Could not create {path}: {error}").format(path=path, error=exc)
                         ) from exc
    finally:
        if not use_exceptions:
            ogr.DontUseExceptions()


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    for table, fields in schema.V2_ADDED_FIELDS.items():
        for f in fields:
            conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{f.name}" {_SQL_TYPES[f.kind]}')
    # Existing rejected rows get their hash; copies of one raw record collapse into one row.
    rows = conn.execute("SELECT fid, raw FROM rejected").fetchall()
    conn.executemany("UPDATE rejected SET raw_hash = ?, times_seen = 1 WHERE fid = ?",
                     [(_raw_hash(raw or ""), fid) for fid, raw in rows])
    conn.execute("UPDATE rejected SET last_seen = rejected_at")
    conn.execute("DELETE FROM rejected WHERE fid NOT IN "
                 "(SELECT max(fid) FROM rejected GROUP BY source, raw_hash)")
    for table, uniques in schema.V2_UNIQUE.items():
        for cols in uniques:
            conn.execute(_index_sql(table, cols, True))
    for table, indexes in schema.V2_INDEXES.items():
        for cols in indexes:
            conn.execute(_index_sql(table, cols, False))


def _create_table_sql(table: schema.Table) -> str:
    cols = ", ".join(f'"{f.name}" {_SQL_TYPES[f.kind]}' + ("" if f.nullable else " NOT NULL")
                     for f in table.fields)
    return (f'CREATE TABLE "{table.name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, '
            f"{cols})")


def _migrate_to_3(conn: sqlite3.Connection) -> None:
    """Areas, surveys and police counts: new columns, two attribute tables and three
    polygon views over the areas, each registered so GDAL and QGIS open it as a layer."""
    for table, fields in schema.V3_ADDED_FIELDS.items():
        for f in fields:
            conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{f.name}" {_SQL_TYPES[f.kind]}')
    for table in schema.V3_TABLES:
        conn.execute(_create_table_sql(table))
        for cols in table.unique:
            conn.execute(_index_sql(table.name, cols, True))
        conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                     "description) VALUES (?, 'attributes', ?, ?)",
                     (table.name, table.name, table.description))
    for view in schema.V3_VIEWS:
        conn.execute(f'CREATE VIEW "{view.name}" AS {view.sql}')
        conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                     "description, srs_id) VALUES (?, 'features', ?, ?, ?)",
                     (view.name, view.name, view.description, schema.SRID))
        conn.execute("INSERT INTO gpkg_geometry_columns (table_name, column_name, "
                     "geometry_type_name, srs_id, z, m) VALUES (?, 'geom', 'MULTIPOLYGON', ?, "
                     "0, 0)", (view.name, schema.SRID))
    conn.execute(_index_sql("survey_places", ("survey",), False))
    # Taking a record drops its earlier rejection by (source, source_id): without an index
    # each of those deletes scans every rejected row (minutes for a national feed history).
    conn.execute(_index_sql("rejected", ("source", "source_id"), False))


def _migrate_to_4(conn: sqlite3.Connection) -> None:
    for table, fields in schema.V4_ADDED_FIELDS.items():
        for f in fields:
            conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{f.name}" {_SQL_TYPES[f.kind]}')


def _migrate_to_5(conn: sqlite3.Connection) -> None:
    for table, fields in schema.V5_ADDED_FIELDS.items():
        for f in fields:
            conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{f.name}" {_SQL_TYPES[f.kind]}')


def _migrate_to_6(conn: sqlite3.Connection) -> None:
    """Measures: a feature table of any geometry type, registered so GDAL and QGIS open it
    as a layer. No R-tree: a municipality has tens or hundreds of measures, not millions."""
    for table in schema.V6_TABLES:
        conn.execute(_create_table_sql(table).replace(
            "NOT NULL, ", f"NOT NULL, geom {table.geometry}, ", 1))
        for cols in table.unique:
            conn.execute(_index_sql(table.name, cols, True))
        conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                     "description, srs_id) VALUES (?, 'features', ?, ?, ?)",
                     (table.name, table.name, table.description, schema.SRID))
        conn.execute("INSERT INTO gpkg_geometry_columns (table_name, column_name, "
                     "geometry_type_name, srs_id, z, m) VALUES (?, 'geom', ?, ?, 0, 0)",
                     (table.name, table.geometry, schema.SRID))


MIGRATIONS = {2: _migrate_to_2, 3: _migrate_to_3, 4: _migrate_to_4, 5: _migrate_to_5,
              6: _migrate_to_6}
