"""The shared store: PostgreSQL with PostGIS, for several analysts, a region or the country.

The same schema as the GeoPackage store (built from :mod:`.schema`), in a PostgreSQL schema
(``trygghet`` unless told otherwise): geometry columns ``geometry(Point, 3006)`` and
``geometry(MultiPolygon, 3006)`` with GiST indexes, times as ``timestamptz``, versioned
migrations in ``trygghet_meta``. Writes go through ``COPY`` into a temporary table and one
``INSERT ... ON CONFLICT ... DO UPDATE ... WHERE <changed>`` per batch, in one transaction
with the rejected records and the sync cursor, rows taken in uid order so that two analysts
writing overlapping batches at once neither deadlock nor lose or duplicate a record.

STORE names the database in one of these forms (``kommun`` and ``schema`` are optional):

- ``postgresql://user@host:5432/dbname?kommun=0682&schema=trygghet``
- ``service=trygghet kommun=0682`` (any libpq keyword/value string; ``authcfg=<id>`` too)
- ``pg:<QGIS connection name>`` or just the connection's name, optionally ``?kommun=0682``

A password never goes into STORE: it comes from the QGIS authentication database (the
connection's or STORE's ``authcfg``, a Basic config), from pg_service.conf or ~/.pgpass.

With ``kommun`` the store is scoped to one kommun of a region: every read (incidents, areas,
counts, survey tables through their area, layers) sees only that kommun, incidents and areas
written without a kommunkod get it, and records of another kommun are rejected with the
reason, never written over another kommun's rows.

The scope is the client's; the database keeps kommuner apart itself (:mod:`.pg_security`,
schema version 6; the measures of version 7 too): row-level security lets a role write only
its kommuner's rows, and planners read views without free text. The store asks the database
which kommuner its role writes, keeps the records of others as rejected ones with the
reason, and reads (and makes layers) from the planners' views when the role cannot read a
table.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import random
import re
import struct
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
import psycopg2
import psycopg2.errors
import psycopg2.extensions
import psycopg2.extras

from ..domain import clock
from ..domain.area import Area, AreaKind
from ..domain.incident import Incident, Rejected, to_utc_text
from ..domain.measure import Measure, categories_from_text, categories_text
from ..domain.survey import AreaComparison, SurveyPlace, SurveyResult
from ..i18n import translator
from . import pg_security, schema
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

DEFAULT_SCHEMA = "trygghet"
#: STORE keys that are Trygghet's, not libpq's.
OWN_KEYS = ("kommun", "schema", "authcfg")
CONNECTION_PREFIX = "pg:"

_PG_TYPES = {"text": "text", "integer": "bigint", "real": "double precision",
             "datetime": "timestamptz", "date": "date"}
_GEOMETRY = {"POINT": "Point", "MULTIPOLYGON": "MultiPolygon", "GEOMETRY": "Geometry"}
_TABLES = schema.tables_at(measures=True)
#: PostgreSQL's own schema versions beyond the shared schema's: 6 row-level security (see
#: :mod:`.pg_security`), 7 the measures.
PG_SCHEMA_VERSION = 7
#: What a measure's owner edits (as the GeoPackage store); the evaluation is written by the
#: evaluation alone.
_MEASURE_EDITED = ("title", "type", "status", "start_date", "end_date", "organisation",
                   "categories", "notes", "kommunkod", "source")
_EVALUATION = ("verdict", "effect", "effect_low", "effect_high", "wdq", "evaluated_at")
_MEASURE_REJECTS = "measures"  # the rejected records' source, as the CSV import's
_VIEWS = {v.name: v for v in schema.V3_VIEWS}
_NAMES = (set(_TABLES) | set(_VIEWS))
_KOMMUN_RE = re.compile(r"^\d{4}$")
_SCHEMA_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_KV_RE = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']*)")
_SSL_MODES = ("prefer", "disable", "allow", "require", "verify-ca", "verify-full")
_SSL_NAMES = {"SslPrefer": "prefer", "SslDisable": "disable", "SslAllow": "allow",
              "SslRequire": "require", "SslVerifyCa": "verify-ca",
              "SslVerifyFull": "verify-full"}
_NAT = -(2 ** 63)  # numpy's NaT as int64
_PAGE = 20000
_RETRIES = 6
_WKB_POINT = struct.Struct("<BIdd")

# Police events per area, as the GeoPackage store counts them (LEAST/GREATEST for SQLite's
# two-argument min/max); {areas} and {incidents} carry the kommun scope.
_POLICE_COUNTS_SQL = """
INSERT INTO {t_counts} (area_code, events, events_area, events_kommun, per_1000,
                        first_at, last_at, refreshed_at)
SELECT a.code,
       coalesce(p.n, 0) + coalesce(k.n, 0), coalesce(p.n, 0), coalesce(k.n, 0),
       CASE WHEN a.population > 0
            THEN 1000.0 * (coalesce(p.n, 0) + coalesce(k.n, 0)) / a.population END,
       LEAST(coalesce(p.first_at, k.first_at), coalesce(k.first_at, p.first_at)),
       GREATEST(coalesce(p.last_at, k.last_at), coalesce(k.last_at, p.last_at)),
       %(now)s
FROM {areas} a
LEFT JOIN (SELECT area_code AS code, count(*) AS n, min(occurred_at) AS first_at,
                  max(occurred_at) AS last_at
           FROM {incidents} i WHERE source = 'police' AND location_precision <> 'exact'
                AND area_code IS NOT NULL GROUP BY area_code) p ON p.code = a.code
LEFT JOIN (SELECT kommunkod AS code, count(*) AS n, min(occurred_at) AS first_at,
                  max(occurred_at) AS last_at
           FROM {incidents} i WHERE source = 'police' AND location_precision = 'kommun'
                AND kommunkod IS NOT NULL GROUP BY kommunkod) k
       ON k.code = a.code AND a.kind = %(kommun_kind)s
"""


# -- what STORE names ----------------------------------------------------------------------
@dataclass
class PgTarget:
    """A PostGIS store's address: libpq parameters (never a password from STORE), the
    PostgreSQL schema, the optional kommun scope and where credentials come from."""

    params: dict[str, str]
    schema: str = DEFAULT_SCHEMA
    kommunkod: str | None = None
    authcfg: str | None = None
    connection: str | None = None  # the QGIS connection it was read from
    label: str = ""  # how STORE was given (holds no secret)
    password: str | None = field(default=None, repr=False)  # from QGIS, kept in memory only

    def conninfo_safe(self) -> str:
        """The connection as libpq keywords, for messages: no password."""
        return " ".join(f"{k}={v}" for k, v in sorted(self.params.items()))


def _refuse_password() -> StoreError:
    return StoreError(tr(
        "STORE must not hold a password: use a QGIS connection with an authentication config "
        "(authcfg), pg_service.conf or ~/.pgpass."))


def _own_options(target: PgTarget, options: dict[str, str]) -> None:
    kommun = options.get("kommun")
    if kommun:
        if not _KOMMUN_RE.match(kommun):
            raise StoreError(tr("The kommun code must be four digits, not '{kommun}'.")
                             .format(kommun=kommun))
        target.kommunkod = kommun
    name = options.get("schema")
    if name:
        if not _SCHEMA_RE.match(name):
            raise StoreError(tr("Invalid schema name '{name}' (lower-case letters, digits, _).")
                             .format(name=name))
        target.schema = name
    if options.get("authcfg"):
        target.authcfg = options["authcfg"]


def parse_conninfo(text: str) -> dict[str, str]:
    """libpq keyword/value pairs (``host=x dbname='a b'``) as a dict."""
    out: dict[str, str] = {}
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _KV_RE.match(text, pos)
        if not m:
            raise StoreError(tr("STORE could not be read as a PostgreSQL connection "
                                "(key=value)."))
        value = m.group(2)
        if value.startswith("'"):
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        out[m.group(1).lower()] = value
        pos = m.end()
    return out


def parse_target(text: str) -> PgTarget:
    """Read STORE (URI, keyword/value string, ``pg:`` connection name) without resolving a
    QGIS connection or credentials."""
    text = text.strip()
    if text.startswith(("postgresql://", "postgres://")):
        parts = urlsplit(text)
        if parts.password is not None:
            raise _refuse_password()
        query = parse_qsl(parts.query, keep_blank_values=True)
        own = {k: v for k, v in query if k in OWN_KEYS}
        if any(k == "password" for k, _ in query):
            raise _refuse_password()
        rest = urlencode([(k, v) for k, v in query if k not in OWN_KEYS])
        uri = urlunsplit((parts.scheme, parts.netloc, parts.path, rest, ""))
        try:
            params = psycopg2.extensions.parse_dsn(uri)
        except psycopg2.ProgrammingError as exc:
            raise StoreError(tr("Invalid PostgreSQL URI: {error}").format(error=exc)) from None
        target = PgTarget(params, label=text)
        _own_options(target, own)
        return target
    if text.startswith(CONNECTION_PREFIX) or "=" not in text.partition("?")[0]:
        name = text[len(CONNECTION_PREFIX):] if text.startswith(CONNECTION_PREFIX) else text
        name, _, query = name.partition("?")
        target = PgTarget({}, connection=name.strip(), label=text)
        _own_options(target, dict(parse_qsl(query)))
        return target
    params = parse_conninfo(text)
    if "password" in params:
        raise _refuse_password()
    own = {k: params.pop(k) for k in OWN_KEYS if k in params}
    target = PgTarget(params, label=text)
    _own_options(target, own)
    return target


def connection_name(text: str) -> str | None:
    """The QGIS connection STORE names (``pg:Name`` or a saved connection's bare name)."""
    text = text.strip()
    if text.startswith(CONNECTION_PREFIX):
        return text[len(CONNECTION_PREFIX):].partition("?")[0].strip()
    if not text or "=" in text.partition("?")[0] or "/" in text or "\\" in text \
            or text.lower().endswith(".gpkg"):
        return None
    name = text.partition("?")[0].strip()
    return name if qgis_connection(name) is not None else None


def qgis_connection(name: str) -> dict[str, str] | None:
    """A saved QGIS PostgreSQL connection (3.22's keys under ``PostgreSQL/connections/``) as
    libpq parameters plus ``authcfg`` and, when the user saved one, ``password``; None when
    QGIS is not running or has no such connection."""
    try:
        from qgis.core import QgsApplication, QgsSettings
    except ImportError:
        return None
    if QgsApplication.instance() is None or not name:
        return None
    settings = QgsSettings()
    key = f"PostgreSQL/connections/{name}"
    if not (settings.contains(f"{key}/service") or settings.contains(f"{key}/host")):
        return None

    def text(k: str) -> str:
        value = settings.value(f"{key}/{k}", "")
        return "" if value is None else str(value)

    out: dict[str, str] = {}
    if text("service"):
        out["service"] = text("service")
    else:
        out["host"] = text("host")
        out["port"] = text("port") or "5432"
    if text("database"):
        out["dbname"] = text("database")
    ssl = text("sslmode")
    mode = _SSL_NAMES.get(ssl) or (_SSL_MODES[int(ssl)] if ssl.isdigit()
                                   and int(ssl) < len(_SSL_MODES) else None)
    if mode and mode != "prefer":
        out["sslmode"] = mode
    old_save = settings.contains(f"{key}/save")
    if text("saveUsername").lower() == "true" or old_save:
        if text("username"):
            out["user"] = text("username")
    if text("savePassword").lower() == "true" or text("save").lower() == "true":
        if text("password"):
            out["password"] = text("password")
    if text("authcfg"):
        out["authcfg"] = text("authcfg")
    return out


def auth_credentials(authcfg: str) -> tuple[str, str]:
    """User and password of a Basic config in the QGIS authentication database."""
    from ..authdb import load_auth_config

    config = load_auth_config(authcfg, StoreError)
    if config.method() != "Basic":
        raise StoreError(tr("The authentication method {method} is not supported for PostGIS; "
                            "use Basic (user name and password).").format(
                                method=config.method()))
    return config.config("username"), config.config("password")


def resolve_target(text: str) -> PgTarget:
    """STORE with its QGIS connection looked up and its credentials found."""
    target = parse_target(text)
    if target.connection is not None:
        saved = qgis_connection(target.connection)
        if saved is None:
            raise StoreError(tr("QGIS has no PostgreSQL connection named '{name}'.")
                             .format(name=target.connection))
        target.password = saved.pop("password", None)
        if saved.get("authcfg") and not target.authcfg:
            target.authcfg = saved["authcfg"]
        saved.pop("authcfg", None)
        target.params = saved
    if target.authcfg:
        user, password = auth_credentials(target.authcfg)
        if user:
            target.params["user"] = user
        target.password = password or None
    return target


# -- small helpers -------------------------------------------------------------------------
def q(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def pg_where(where: str) -> str:
    """A caller's condition (SQLite style, ``?`` placeholders) for psycopg2: ``?`` outside
    quotes becomes ``%s`` and a literal ``%`` doubles."""
    out: list[str] = []
    quote: str | None = None
    for ch in where:
        if ch == "%":
            out.append("%%")
        elif quote:
            if ch == quote:
                quote = None
            out.append(ch)
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        else:
            out.append(ch)
    return "".join(out)


def _raw_hash(raw: str) -> str:
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def point_wkb(x: float, y: float) -> bytes:
    return _WKB_POINT.pack(1, 1, x, y)


def _escape(text: str) -> str:
    """COPY's text escapes (str.replace: far faster than str.translate on non-ASCII text)."""
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if "\t" in text:
        text = text.replace("\t", "\\t")
    if "\n" in text:
        text = text.replace("\n", "\\n")
    if "\r" in text:
        text = text.replace("\r", "\\r")
    return text


def _copy_value(value) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return _escape(value.replace("\x00", ""))  # text cannot hold NUL
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "\\\\x" + bytes(value).hex()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _raw_field(value) -> str:
    """A value before the row's one escaping pass: NULL as \\x01, bytes as \\x<hex>."""
    if value is None:
        return "\x01"
    if value.__class__ is str:
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "\\x" + bytes(value).hex()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _copy_text(rows: Iterable[Sequence]) -> io.StringIO:
    """Rows in COPY's text format. Each row is escaped in one pass: fields joined by NUL
    (which text cannot hold) and NULL written as \\x01, escaped once, then turned into
    tabs and \\N; a row whose values hold either character is encoded value by value."""
    lines = []
    append = lines.append
    for row in rows:
        line = "\x00".join([v if v.__class__ is str else _raw_field(v) for v in row])
        if line.count("\x00") != len(row) - 1 or line.count("\x01") != row.count(None):
            line = "\t".join([_copy_value(v) for v in row])
        else:
            line = _escape(line).replace("\x00", "\t").replace("\x01", "\\N")
        append(line)
    lines.append("")
    return io.StringIO("\n".join(lines))


def _utc(value: datetime | None) -> datetime | None:
    return None if value is None else value.astimezone(timezone.utc)


def _first_line(exc: BaseException) -> str:
    text = (getattr(exc, "pgerror", None) or str(exc) or type(exc).__name__).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _measure_raw(m: Measure) -> str:
    return json.dumps({"uid": m.uid, "title": m.title, "type": m.type, "status": m.status,
                       "start": _day_text(m.start), "end": _day_text(m.end),
                       "kommunkod": m.kommunkod}, ensure_ascii=False)


def _day_text(value) -> str | None:
    return value.isoformat() if value is not None else None


def _measure_wkb(m: Measure) -> bytes | None:
    """The measure's place as ISO WKB (None: none), or StoreError when it is unreadable."""
    if not m.wkb:
        return None
    geom = read_wkb(m.wkb)
    if geom is None:
        raise StoreError(tr("Measure {uid} has an unreadable geometry.").format(uid=m.uid))
    return bytes(geom.ExportToIsoWkb())


def _incident_raw(i: Incident) -> str:
    return json.dumps({"uid": i.uid, "category": i.category, "subcategory": i.subcategory,
                       "x": i.x, "y": i.y, "occurred_at": to_utc_text(i.occurred_at),
                       "status": i.status, "kommunkod": i.kommunkod}, ensure_ascii=False)


@dataclass
class _Prepared:
    """A batch of incidents ready for COPY."""

    by_uid: dict[str, Incident]
    outside: list[Rejected]
    text: io.StringIO
    now: str
    refused: dict[str, int]


class PostgisStore(Store):
    SCHEMA_VERSION = PG_SCHEMA_VERSION

    def __init__(self, store: str | PgTarget, *, create: bool = True,
                 target_version: int = PG_SCHEMA_VERSION):
        self.target = store if isinstance(store, PgTarget) else resolve_target(str(store))
        self.kommun_scope = self.target.kommunkod
        self.schema = self.target.schema
        self._conn = None
        self._conn = self._connect()
        self._staged: set[str] = set()
        # What the role may do, as the database says it (see _load_rights).
        self.role = ""
        self.read_only = False
        self.write_kommuner: frozenset[str] | None = None  # None: every kommun
        self._readable: set[str] = set(pg_security.PLANNER_VIEWS)
        self._stamp = self.kommun_scope  # the kommun rows without one are written for
        self._secured = False  # row-level security installed (schema version 6)
        try:
            self._prepare(create, target_version)
            self._load_rights()
        except BaseException:
            self.close()
            raise

    # -- connection -------------------------------------------------------------------------
    def _connect(self):
        kwargs = dict(self.target.params)
        kwargs.setdefault("connect_timeout", "15")
        kwargs.setdefault("application_name", "Trygghet")
        if self.target.password:
            kwargs["password"] = self.target.password
        try:
            conn = psycopg2.connect(**kwargs)
        except psycopg2.Error as exc:
            raise StoreError(
                tr("Could not connect to the PostGIS store ({connection}): {error}").format(
                    connection=self.target.conninfo_safe(), error=_first_line(exc))) from None
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SET TIME ZONE 'UTC'")
            cur.execute("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                        "ON n.oid = e.extnamespace WHERE e.extname = 'postgis'")
            row = cur.fetchone()
            self._postgis_schema = row[0] if row else None
            self._set_search_path(cur)
        return conn

    def _set_search_path(self, cur) -> None:
        path = [self.schema] + [s for s in (self._postgis_schema, "public") if s
                                and s != self.schema]
        cur.execute("SET search_path TO " + ", ".join(q(s) for s in dict.fromkeys(path)))

    def t(self, name: str) -> str:
        """``name`` qualified by the store's schema."""
        return f"{q(self.schema)}.{q(name)}"

    @property
    def uri(self) -> str:
        return self.target.label

    def close(self) -> None:
        if getattr(self, "_conn", None) is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def _cursor(self):
        if self._conn is None:
            raise StoreError(tr("The store is closed."))
        return self._conn.cursor()

    def _error(self, exc: BaseException, doing: str | None = None) -> StoreError:
        """The user's message for a database error; ``doing`` is what failed, a translated
        verb phrase (``tr("read")``; default: writing)."""
        doing = doing or tr("write to")
        text = str(exc)
        # PostgreSQL says both "permission denied" and a row-level security refusal with
        # SQLSTATE 42501; the words tell them apart (a server in English, or a kommun's role
        # that can only have been refused a row).
        if isinstance(exc, psycopg2.errors.InsufficientPrivilege) and not self.read_only \
                and ("row-level" in text or (self.write_kommuner is not None
                                             and "permission denied" not in text)):
            # Row-level security refused a row: the last guard, when a write reached the
            # database that the checks before it did not catch.
            return StoreError(tr(
                "Your role {role} is not allowed to write another kommun's rows (it writes "
                "{allowed}); nothing was written. ({error})").format(
                    role=self.role, allowed=self._allowed_text(), error=_first_line(exc)))
        if isinstance(exc, (psycopg2.errors.InsufficientPrivilege,
                            psycopg2.errors.ReadOnlySqlTransaction)):
            return StoreError(tr(
                "You have read-only access to the PostGIS store (e.g. the role "
                "trygghet_reader) and cannot {doing} it; ask an analyst with write access. "
                "({error})").format(doing=doing, error=_first_line(exc)))
        return StoreError(tr("Could not {doing} the PostGIS store: {error}").format(
            doing=doing, error=_first_line(exc)))

    def _transaction(self, work, doing: str | None = None, denied: str | None = None, *,
                     rows: bool = True):
        """Run ``work(cursor)`` in one transaction, again when PostgreSQL broke a deadlock
        or a serialization conflict between two writers (each attempt starts afresh).
        ``denied`` replaces the read-only message when the work needs more than writing;
        ``rows``: the work writes rows (not the schema), which the role must be allowed."""
        if rows:
            self._check_writable()
        for attempt in range(_RETRIES):
            cur = self._cursor()
            try:
                cur.execute("BEGIN")
                result = work(cur)
                cur.execute("COMMIT")
                return result
            except (psycopg2.errors.DeadlockDetected,
                    psycopg2.errors.SerializationFailure) as exc:
                self._rollback(cur)
                if attempt == _RETRIES - 1:
                    raise self._error(exc, doing) from None
                time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
            except psycopg2.errors.InsufficientPrivilege as exc:
                self._rollback(cur)
                if denied:
                    raise StoreError(f"{denied} ({_first_line(exc)})") from None
                raise self._error(exc, doing) from None
            except psycopg2.Error as exc:
                self._rollback(cur)
                raise self._error(exc, doing) from None
            except BaseException:
                self._rollback(cur)
                raise
            finally:
                cur.close()
        raise AssertionError("unreachable")

    def _rollback(self, cur) -> None:
        if self._conn is None or self._conn.closed:
            return
        try:
            cur.execute("ROLLBACK")
        except psycopg2.Error:
            pass
        self._staged.clear()  # temporary tables made in the failed transaction are gone

    def _read(self, sql: str, params: Sequence = (), *, many: bool = True):
        cur = self._cursor()
        try:
            cur.execute(sql, tuple(params))
            return cur.fetchall() if many else cur.fetchone()
        except psycopg2.Error as exc:
            raise self._error(exc, tr("read")) from None
        finally:
            cur.close()

    # -- schema -----------------------------------------------------------------------------
    def _meta_exists(self, cur) -> bool:
        # A plain query of pg_class (not to_regclass, whose catalog cache can miss a table
        # another session committed while this one waited for the schema lock).
        cur.execute("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN "
                    "pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s "
                    "AND c.relname = 'trygghet_meta')", (self.schema,))
        return bool(cur.fetchone()[0])

    def schema_version(self) -> int:
        row = self._read(f"SELECT value FROM {self.t('trygghet_meta')} "
                         "WHERE key = 'schema_version'", many=False)
        return int(row[0]) if row else 0

    def _prepare(self, create: bool, target: int) -> None:
        cur = self._cursor()
        try:
            exists = self._meta_exists(cur)
        except psycopg2.Error as exc:
            raise self._error(exc, tr("read")) from None
        finally:
            cur.close()
        if not exists:
            if not create:
                raise StoreError(tr("The database has no Trygghet schema '{schema}'.").format(
                    schema=self.schema))
            self._transaction(self._create, tr("create the Trygghet schema in"), rows=False,
                              denied=tr(
                "The database has no Trygghet schema '{schema}' and you may not create it; ask "
                "an administrator to open it with Trygghet first.").format(schema=self.schema))
        try:
            version = self.schema_version()
        except StoreError as exc:
            raise StoreError(tr("The schema '{schema}' is not a Trygghet store or cannot be "
                                "read. ({error})").format(schema=self.schema, error=exc)
                             ) from None
        if version > self.SCHEMA_VERSION:
            raise StoreError(tr(
                "The PostGIS store was written by a newer version of Trygghet (schema "
                "{version}; this version knows schema {known}). Update the plugin.").format(
                    version=version, known=self.SCHEMA_VERSION))
        if version < target:
            self._transaction(lambda cur: self._migrate(cur, target), tr("upgrade"),
                              rows=False, denied=tr(
                "The PostGIS store has schema {version} and must be upgraded to {target}; only "
                "the schema's owner ({owner}) can do that, by opening it with this version of "
                "Trygghet.").format(version=version, target=target,
                                    owner=self._schema_owner()))

    def _load_rights(self) -> None:
        """Who the role is, which of the planners' tables it reads, whether it writes and
        which kommuner. Row-level security in the database decides (see :mod:`.pg_security`);
        knowing it here lets the plugin refuse a write with a clear message and keep the
        records of a kommun it may not write as rejected ones, as a kommun scope does."""
        cur = self._cursor()
        try:
            cur.execute("SELECT current_user, has_table_privilege(%s, 'INSERT'), "
                        "to_regprocedure(%s) IS NOT NULL",
                        (self.t("incidents"), f"{q(self.schema)}.trygghet_kommuner()"))
            self.role, may_insert, secured = cur.fetchone()
            self.read_only = not may_insert
            self._readable = set()
            for table in pg_security.PLANNER_VIEWS:
                # A store kept at an older version (tests, a reader's view of one) may lack
                # the table: then there is nothing to read through its view either.
                cur.execute("SELECT to_regclass(%s) IS NULL", (self.t(table),))
                if cur.fetchone()[0]:
                    self._readable.add(table)
                    continue
                cur.execute("SELECT has_table_privilege(%s, 'SELECT')", (self.t(table),))
                if cur.fetchone()[0]:
                    self._readable.add(table)
            self._secured = bool(secured)
            if secured:
                cur.execute(f"SELECT {q(self.schema)}.trygghet_kommuner()")
                codes = cur.fetchone()[0]
                self.write_kommuner = None if codes is None else frozenset(codes)
            if not self._stamp and self.write_kommuner and len(self.write_kommuner) == 1:
                (self._stamp,) = self.write_kommuner
            if self._stamp:
                # What a survey row without a known area belongs to (pg_security's trigger).
                cur.execute("SELECT set_config('trygghet.kommun', %s, false)", (self._stamp,))
        except psycopg2.Error as exc:
            raise self._error(exc, tr("read")) from None
        finally:
            cur.close()

    def _allowed(self) -> list[str] | None:
        """The kommuner this store writes rows of: the scope, else the role's; None: every
        kommun and rows without one."""
        if self.kommun_scope:
            return [self.kommun_scope]
        return None if self.write_kommuner is None else sorted(self.write_kommuner)

    def _allowed_text(self) -> str:
        if self.write_kommuner is None:
            return tr("every kommun")
        return ", ".join(sorted(self.write_kommuner)) or tr("no kommun")

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(tr(
                "You have read-only access to the PostGIS store (role {role}) and cannot write "
                "to it; ask an analyst with write access.").format(role=self.role))
        if self.write_kommuner is None:
            return
        if not self.write_kommuner:
            raise StoreError(tr(
                "Your role {role} is not allowed to write any kommun's rows: ask the "
                "administrator to make it a member of trygghet_kommun_<kommunkod> (see "
                "resources/postgis/roles.sql).").format(role=self.role))
        if self.kommun_scope and self.kommun_scope not in self.write_kommuner:
            raise StoreError(tr(
                "Your role {role} is not allowed to write kommun {kommun}'s rows (it writes "
                "{allowed}); nothing was written.").format(
                    role=self.role, kommun=self.kommun_scope, allowed=self._allowed_text()))

    def _rel(self, table: str) -> str:
        """The relation to read ``table`` from: a planner reads the view without free text."""
        if table in pg_security.PLANNER_VIEWS and table not in self._readable:
            return pg_security.PLANNER_VIEWS[table]
        return table

    def _col(self, table: str, column: str) -> str:
        """``column`` of ``table`` as this role may read it (NULL where it may not)."""
        if self._rel(table) != table and column in pg_security.PLANNER_HIDDEN[table]:
            return "NULL"
        return q(column)

    def _schema_owner(self) -> str:
        row = self._read("SELECT nspowner::regrole::text FROM pg_catalog.pg_namespace WHERE "
                         "nspname = %s", (self.schema,), many=False)
        return row[0] if row else "?"

    def _lock_schema(self, cur) -> None:
        # Two analysts opening a fresh database at once: one creates, the other waits.
        cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"trygghet:{self.schema}",))

    def _create(self, cur) -> None:
        self._lock_schema(cur)
        if self._meta_exists(cur):
            return
        if self._postgis_schema is None:
            try:
                cur.execute("SAVEPOINT ext")
                cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
                cur.execute("RELEASE SAVEPOINT ext")
            except psycopg2.Error as exc:
                cur.execute("ROLLBACK TO SAVEPOINT ext")
                raise StoreError(tr(
                    "PostGIS is missing from the database and could not be installed; ask the "
                    "administrator to run CREATE EXTENSION postgis. ({error})").format(
                        error=_first_line(exc))) from None
            cur.execute("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                        "ON n.oid = e.extnamespace WHERE e.extname = 'postgis'")
            self._postgis_schema = cur.fetchone()[0]
            self._set_search_path(cur)
        cur.execute(f"CREATE SCHEMA IF NOT EXISTS {q(self.schema)}")
        for table in schema.V1_TABLES:
            self._create_table(cur, table)
        cur.execute(f"INSERT INTO {self.t('trygghet_meta')} (key, value) VALUES "
                    "('schema_version', '1'), ('created_at', %s)",
                    (to_utc_text(clock.now()),))

    def _create_table(self, cur, table: schema.Table) -> None:
        cols = ["fid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"]
        if table.geometry:
            cols.append(f"geom geometry({_GEOMETRY[table.geometry]}, {schema.SRID})")
        cols += [f"{q(f.name)} {_PG_TYPES[f.kind]}" + ("" if f.nullable else " NOT NULL")
                 for f in table.fields]
        cur.execute(f"CREATE TABLE {self.t(table.name)} ({', '.join(cols)})")
        for cols_ in table.unique:
            self._index(cur, table.name, cols_, unique=True)
        for cols_ in table.indexes:
            self._index(cur, table.name, cols_)
        if table.geometry:
            cur.execute(f"CREATE INDEX {q(f'sx_{table.name}_geom')} ON {self.t(table.name)} "
                        "USING gist (geom)")
        if table.description:
            cur.execute(f"COMMENT ON TABLE {self.t(table.name)} IS %s", (table.description,))

    def _index(self, cur, table: str, cols: tuple[str, ...], unique: bool = False) -> None:
        name = f"{'ux' if unique else 'ix'}_{table}_{'_'.join(cols)}"
        cur.execute(f"CREATE {'UNIQUE ' if unique else ''}INDEX IF NOT EXISTS {q(name)} ON "
                    f"{self.t(table)} ({', '.join(q(c) for c in cols)})")

    def _add_fields(self, cur, added: dict[str, tuple[schema.Field, ...]]) -> None:
        for table, fields in added.items():
            for f in fields:
                cur.execute(f"ALTER TABLE {self.t(table)} ADD COLUMN IF NOT EXISTS {q(f.name)} "
                            f"{_PG_TYPES[f.kind]}")

    def _migrate(self, cur, target: int) -> None:
        self._lock_schema(cur)
        cur.execute(f"SELECT value FROM {self.t('trygghet_meta')} "
                    "WHERE key = 'schema_version'")
        current = int(cur.fetchone()[0])
        for version in range(current + 1, target + 1):
            getattr(self, f"_migrate_to_{version}")(cur)
            cur.execute(f"UPDATE {self.t('trygghet_meta')} SET value = %s "
                        "WHERE key = 'schema_version'", (str(version),))

    def _migrate_to_2(self, cur) -> None:
        self._add_fields(cur, schema.V2_ADDED_FIELDS)
        rejected = self.t("rejected")
        # Existing rows get their hash (PostgreSQL has no sha1 without pgcrypto); copies of
        # one raw record collapse into one row.
        cur.execute(f"SELECT fid, raw FROM {rejected}")
        hashes = [(fid, _raw_hash(raw or "")) for fid, raw in cur.fetchall()]
        if hashes:
            psycopg2.extras.execute_values(
                cur, f"UPDATE {rejected} r SET raw_hash = v.h FROM (VALUES %s) AS v (fid, h) "
                "WHERE r.fid = v.fid", hashes)
        cur.execute(f"UPDATE {rejected} SET times_seen = 1, last_seen = rejected_at")
        cur.execute(f"DELETE FROM {rejected} WHERE fid NOT IN "
                    f"(SELECT max(fid) FROM {rejected} GROUP BY source, raw_hash)")
        for table, uniques in schema.V2_UNIQUE.items():
            for cols in uniques:
                self._index(cur, table, cols, unique=True)
        for table, indexes in schema.V2_INDEXES.items():
            for cols in indexes:
                self._index(cur, table, cols)
        # A region's reads are one kommun's periods: the index a shared store needs.
        self._index(cur, "incidents", ("kommunkod", "occurred_at"))

    def _migrate_to_3(self, cur) -> None:
        self._add_fields(cur, schema.V3_ADDED_FIELDS)
        for table in schema.V3_TABLES:
            self._create_table(cur, table)
        for view in schema.V3_VIEWS:
            cur.execute(f"CREATE VIEW {self.t(view.name)} AS {view.sql}")
            cur.execute(f"COMMENT ON VIEW {self.t(view.name)} IS %s", (view.description,))
        self._index(cur, "survey_places", ("survey",))
        self._index(cur, "rejected", ("source", "source_id"))

    def _migrate_to_4(self, cur) -> None:
        self._add_fields(cur, schema.V4_ADDED_FIELDS)

    def _migrate_to_5(self, cur) -> None:
        self._add_fields(cur, schema.V5_ADDED_FIELDS)

    def _migrate_to_6(self, cur) -> None:
        pg_security.install(cur, self.schema, {name: ("fid", *self.table_columns(name))
                                               for name in pg_security.V6_PLANNER_VIEWS})

    def _migrate_to_7(self, cur) -> None:
        # Measures (issue 16): the GeoPackage's table, any geometry type, kept apart by
        # kommun as the incidents are.
        self._create_table(cur, schema.MEASURES)
        pg_security.install_measures(cur, self.schema,
                                     ("fid", *self.table_columns("measures")))

    # -- the kommun scope ---------------------------------------------------------------------
    def scope_sql(self, table: str, alias: str | None = None) -> str | None:
        """The condition that keeps ``table``'s rows of the scoped kommun (None: no scope).
        The kommun code is four digits, so it is safe as a literal (also in layer URIs)."""
        return self._kommun_sql(table, [self.kommun_scope] if self.kommun_scope else None,
                                alias)

    def _write_scope_sql(self, table: str, alias: str | None = None) -> str | None:
        """As :meth:`scope_sql`, for the kommuner this store may write rows of."""
        return self._kommun_sql(table, self._allowed(), alias)

    def _kommun_sql(self, table: str, codes: list[str] | None,
                    alias: str | None = None) -> str | None:
        if codes is None:
            return None
        p = f"{alias}." if alias else ""
        # Kommun codes are four digits (the option is checked, role names match ^\d{4}$).
        inside = (f"= '{codes[0]}'" if len(codes) == 1 else
                  f"IN ({', '.join(repr(str(c)) for c in codes)})" if codes else "IN (NULL)")
        if table in ("incidents", "areas", "police_areas", "measures"):
            return f"{p}kommunkod {inside}"
        in_areas = f"(SELECT code FROM {self.t('areas')} WHERE kommunkod {inside})"
        if table in ("survey_results", "survey_places", "police_area_counts",
                     "survey_comparison"):
            return f"{p}area_code IN {in_areas}"
        if table in ("survey_areas", "survey_comparison_areas"):
            return f"{p}code IN {in_areas}"
        return None  # sync_state, rejected, trygghet_meta are shared by the region

    def _where(self, table: str, where: str | None, alias: str | None = None) -> str:
        parts = [s for s in (self.scope_sql(table, alias),) if s]
        if where:
            parts.append(f"({pg_where(where)})")
        return (" WHERE " + " AND ".join(parts)) if parts else ""

    def _check_name(self, table: str) -> None:
        if table not in _NAMES:
            raise StoreError(tr("Unknown table: {table}").format(table=table))

    # -- staging and upserts -------------------------------------------------------------------
    def _stage(self, cur, table: str, columns: Sequence[str]) -> str:
        """A session-local table with ``columns`` of ``table`` (geometry as WKB), empty."""
        name = f"tr_stage_{table}"
        if name not in self._staged:
            fields = {f.name: f for f in _TABLES[table].fields}
            # Integers are staged as doubles (a count read as 118.0 from a file still
            # loads); the INSERT casts them back to the table's bigint.
            staged = {**_PG_TYPES, "integer": "double precision"}
            cols = ", ".join(f"{q(c)} bytea" if c == "geom" else
                             f"{q(c)} {staged[fields[c].kind]}" for c in columns)
            cur.execute(f"DROP TABLE IF EXISTS pg_temp.{q(name)}")
            cur.execute(f"CREATE TEMP TABLE {q(name)} ({cols})")
            self._staged.add(name)
        else:
            cur.execute(f"TRUNCATE pg_temp.{q(name)}")
        return f"pg_temp.{q(name)}"

    def _copy(self, cur, stage: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
        cur.copy_expert(f"COPY {stage} ({', '.join(q(c) for c in columns)}) FROM STDIN",
                        _copy_text(rows))

    def _upsert_staged(self, cur, table: str, stage: str, columns: Sequence[str],
                       compare: Sequence[str], *, guard_kommun: bool = False
                       ) -> tuple[int, int]:
        """INSERT the staged rows into ``table``, updating rows whose key exists and whose
        ``compare`` columns differ; rows go in key order, so concurrent writers lock in the
        same order. Returns (inserted, updated)."""
        key = schema.key_columns(_TABLES[table])
        geometry = _TABLES[table].geometry
        exprs = []
        for c in columns:
            if c == "geom":
                g = f"ST_GeomFromWKB(geom, {schema.SRID})"
                exprs.append(f"ST_Multi({g})" if geometry == "MULTIPOLYGON" else g)
            else:
                exprs.append(q(c))
        sets = ", ".join(f"{q(c)} = excluded.{q(c)}" for c in columns if c not in key)
        changed = (f"(t.{', t.'.join(q(c) for c in compare)}) IS DISTINCT FROM "
                   f"(excluded.{', excluded.'.join(q(c) for c in compare)})")
        if len(compare) == 1:
            changed = f"t.{q(compare[0])} IS DISTINCT FROM excluded.{q(compare[0])}"
        if guard_kommun and self.kommun_scope:
            changed += " AND (t.kommunkod IS NULL OR t.kommunkod = excluded.kommunkod)"
        cur.execute(
            f"WITH up AS (INSERT INTO {self.t(table)} AS t ({', '.join(q(c) for c in columns)}) "
            f"SELECT {', '.join(exprs)} FROM {stage} ORDER BY {', '.join(q(c) for c in key)} "
            f"ON CONFLICT ({', '.join(q(c) for c in key)}) DO UPDATE SET {sets} "
            f"WHERE {changed} RETURNING (xmax = 0) AS inserted) "
            "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) "
            "FROM up")
        inserted, updated = cur.fetchone()
        return int(inserted), int(updated)

    def _other_kommun(self, cur, table: str, stage: str, key: str | Sequence[str]
                      ) -> dict:
        """Staged rows this store may not write (the row there, or for survey and police
        count rows their area, is another kommun's: a scoped store or a kommun's role must
        not overwrite it) leave the stage; returns their keys (a tuple for a composite key)
        and that kommun (None: the region's row without a kommun)."""
        allowed = self._allowed()
        if allowed is None:
            return {}
        keys = (key,) if isinstance(key, str) else tuple(key)
        match = " AND ".join(f"t.{q(k)} = s.{q(k)}" for k in keys)
        returned = ", ".join(f"s.{q(k)}" for k in keys)
        # Rows without a kommun: a scoped store of an unrestricted role claims them (as
        # before row-level security); a kommun's role may not (the region's rows).
        null_ok = self.write_kommuner is None or table in pg_security.SHARED_WHEN_NULL
        other = "t.kommunkod <> ALL(%s)" + ("" if null_ok else " OR t.kommunkod IS NULL")
        found: dict = {}

        def take(rows) -> None:
            for *k, kommun in rows:
                found[k[0] if len(k) == 1 else tuple(k)] = kommun

        if self._secured:
            # The role cannot read another kommun's rows: the database says whose they are.
            def drop(table_: str, columns: Sequence[str], may: bool) -> None:
                expr = pg_security.key_text(columns, "s.")
                cur.execute(f"SELECT DISTINCT {expr} FROM {stage} s WHERE {expr} IS NOT NULL")
                owners = self._owners(cur, table_, [r[0] for r in cur.fetchall()])
                bad = {k: kommun for k, kommun in owners.items()
                       if not (kommun in allowed or (kommun is None and may))}
                if bad:
                    cur.execute(f"DELETE FROM {stage} s WHERE {expr} = ANY (%s) "
                                f"RETURNING {returned}, {expr}", (list(bad),))
                    take((*row[:-1], bad[row[-1]]) for row in cur.fetchall())

            if table in pg_security.OWNER_KEYS and keys == pg_security.OWNER_KEYS[table]:
                drop(table, keys, null_ok)
            if table in pg_security.BY_AREA:
                drop("areas", ("area_code",), True)  # an area without a kommun: the trigger's
            return found
        if table in ("incidents", "areas", "measures"):
            cur.execute(f"DELETE FROM {stage} s USING {self.t(table)} t WHERE {match} AND "
                        f"({other}) RETURNING {returned}, t.kommunkod", (allowed,))
            take(cur.fetchall())
        if table in pg_security.BY_AREA:
            cur.execute(f"DELETE FROM {stage} s USING {self.t('areas')} a WHERE a.code = "
                        f"s.area_code AND a.kommunkod <> ALL(%s) RETURNING {returned}, "
                        "a.kommunkod", (allowed,))
            take(cur.fetchall())
        return found

    def _owners(self, cur, table: str, keys: list[str]) -> dict[str, str | None]:
        """The keys of ``keys`` that ``table`` holds as rows of a kommun this store does not
        write (or of none), and that kommun (see pg_security)."""
        if not keys:
            return {}
        cur.execute(f"SELECT k_key, k_kommun FROM "
                    f"{q(self.schema)}.trygghet_owners(%s, %s, %s)",
                    (table, keys, self._allowed() or []))
        return dict(cur.fetchall())

    def _write_rejects(self, cur, rejects: list[Rejected], now: str) -> int:
        """Keep rejected records once per (source, raw): a copy seen again counts up."""
        if not rejects:
            return 0
        grouped: dict[tuple[str, str], list] = {}
        stamp = [self._stamp] if self._secured else []
        for r in rejects:
            k = (r.source, _raw_hash(r.raw))
            if k in grouped:
                grouped[k][3] = r.reason
                grouped[k][7] += 1
            else:
                grouped[k] = [r.source, r.source_id, r.raw, r.reason,
                              to_utc_text(r.rejected_at), k[1], now, 1, *stamp]
        # The same record rejected in another kommun stays that kommun's row (counted here,
        # kept there): row-level security would refuse the update, and the batch with it.
        allowed = self._allowed()
        if allowed is not None and self._secured:
            owners = self._owners(cur, "rejected", [f"{a}|{b}" for a, b in grouped])
            for (source, raw_hash), kommun in [(tuple(k.rsplit("|", 1)), v)
                                               for k, v in owners.items()]:
                if kommun is not None and kommun not in allowed:
                    grouped.pop((source, raw_hash), None)
            if not grouped:
                return len(rejects)
        only_own = "" if allowed is None or not self._secured else (
            " WHERE r.kommunkod IS NULL OR r.kommunkod IN ("
            + ", ".join(f"'{k}'" for k in allowed) + ")")
        psycopg2.extras.execute_values(
            cur,
            f"INSERT INTO {self.t('rejected')} AS r (source, source_id, raw, reason, "
            "rejected_at, raw_hash, last_seen, times_seen"
            + (", kommunkod" if stamp else "") + ") VALUES %s "
            "ON CONFLICT (source, raw_hash) DO UPDATE SET reason = excluded.reason, "
            "last_seen = excluded.last_seen, times_seen = r.times_seen + excluded.times_seen"
            + only_own, [tuple(v) for _, v in sorted(grouped.items())], page_size=1000)
        return len(rejects)

    def _scope_reject(self, source: str, raw: str, source_id: str | None, kommun: str | None,
                      what: str) -> Rejected:
        if self.kommun_scope and (self.write_kommuner is None or kommun in self.write_kommuner):
            return Rejected(
                source, raw,
                tr("{what} belongs to kommun {kommun}, the store is scoped to kommun {scope}; "
                   "give each kommun's source its own source name").format(
                       what=what, kommun=kommun, scope=self.kommun_scope), source_id)
        if kommun is None:
            reason = tr("{what} belongs to no kommun (the region's rows); your role {role} is "
                        "not allowed to write it (it writes {allowed})")
        else:
            reason = tr("{what} belongs to kommun {kommun}; your role {role} is not allowed to "
                        "write kommun {kommun}'s rows (it writes {allowed})")
        return Rejected(source, raw, reason.format(what=what, kommun=kommun, role=self.role,
                                                   allowed=self._allowed_text()), source_id)

    def _count_refusal(self, refused: dict[str, int], kommun: str | None) -> None:
        """Count a record the role (not just the scope) may not write, for the summary."""
        if self.write_kommuner is not None and kommun not in self.write_kommuner:
            refused[kommun or ""] = refused.get(kommun or "", 0) + 1

    def _unplaced_reject(self, source: str, raw: str, source_id: str | None,
                         what: str) -> Rejected:
        """A record without a kommun, from a role that writes several: which is it?"""
        return Rejected(source, raw, tr(
            "{what} has no kommun and your role {role} writes several ({allowed}); open the "
            "store with kommun= one of them").format(what=what, role=self.role,
                                                     allowed=self._allowed_text()), source_id)

    # -- writing ----------------------------------------------------------------------------
    def write_batch(self, incidents: Iterable[Incident], rejected: Iterable[Rejected] = (),
                    sync: SyncState | None = None) -> WriteCounts:
        return self._write_prepared(self._prepare_incidents(incidents), rejected, sync)

    def upsert_incidents(self, incidents: Iterable[Incident], *,
                         batch_size: int = 20000) -> WriteCounts:
        """As :meth:`Store.upsert_incidents`, one transaction per batch; the next batch is
        read and encoded in a helper thread while PostgreSQL takes the current one."""
        from concurrent.futures import ThreadPoolExecutor

        source = iter(incidents)

        def next_batch() -> _Prepared | None:
            batch = list(itertools.islice(source, batch_size))
            return self._prepare_incidents(batch) if batch else None

        total = WriteCounts()
        with ThreadPoolExecutor(1, thread_name_prefix="trygghet-encode") as pool:
            pending = pool.submit(next_batch)
            while (prepared := pending.result()) is not None:
                pending = pool.submit(next_batch)
                total += self._write_prepared(prepared, (), None)
        return total

    def _prepare_incidents(self, incidents: Iterable[Incident]) -> _Prepared:
        """The batch's rows in COPY form (pure Python, no connection used)."""
        now = to_utc_text(clock.now())
        allowed = self._allowed()
        scope = self._stamp
        by_uid: dict[str, Incident] = {}
        outside: list[Rejected] = []
        refused: dict[str, int] = {}
        for i in incidents:
            if i.x is None or i.y is None:
                raise StoreError(tr("{uid}: an incident without a location must be rejected "
                                    "before storing.").format(uid=i.uid))
            if allowed is not None and i.kommunkod and i.kommunkod not in allowed:
                outside.append(self._scope_reject(
                    i.source, _incident_raw(i), i.source_id, i.kommunkod,
                    tr("Incident {uid}").format(uid=i.uid)))
                self._count_refusal(refused, i.kommunkod)
                continue
            if allowed is not None and not (i.kommunkod or scope):
                outside.append(self._unplaced_reject(
                    i.source, _incident_raw(i), i.source_id,
                    tr("Incident {uid}").format(uid=i.uid)))
                continue
            by_uid[i.uid] = i  # the last version of a uid within one batch wins
        text = _copy_text(
            (point_wkb(i.x, i.y), i.uid, i.source, i.source_id, i.category, i.subcategory,
             to_utc_text(i.occurred_at), to_utc_text(i.reported_at), to_utc_text(i.updated_at),
             i.status, i.reporter_org, i.description, i.location_precision,
             i.kommunkod or scope, i.area_code, i.reporter_id, i.details, now)
            for i in by_uid.values())
        return _Prepared(by_uid, outside, text, now, refused)

    def _write_prepared(self, prepared: _Prepared, rejected: Iterable[Rejected],
                        sync: SyncState | None) -> WriteCounts:
        by_uid, now = prepared.by_uid, prepared.now
        rejects = list(rejected) + prepared.outside

        def work(cur) -> tuple[WriteCounts, dict | None]:
            counts = WriteCounts(refused=dict(prepared.refused))
            taken = list(rejects)
            if by_uid:
                columns = ("geom", *schema.INCIDENT_COLUMNS, "ingested_at")
                stage = self._stage(cur, "incidents", columns)
                prepared.text.seek(0)  # again on a retry
                cur.copy_expert(f"COPY {stage} ({', '.join(q(c) for c in columns)}) FROM STDIN",
                                prepared.text)
                for uid, kommun in self._other_kommun(cur, "incidents", stage, "uid").items():
                    i = by_uid[uid]
                    taken.append(self._scope_reject(i.source, _incident_raw(i), i.source_id,
                                                    kommun, tr("Incident {uid}").format(uid=uid)))
                    self._count_refusal(counts.refused, kommun)
                kept = len(by_uid) - (len(taken) - len(rejects))
                compare = [c for c in columns if c not in ("uid", "ingested_at")]
                counts.new, counts.updated = self._upsert_staged(
                    cur, "incidents", stage, columns, compare, guard_kommun=True)
                counts.unchanged = kept - counts.new - counts.updated
                self._forget_fixed_rejects(cur, stage)
            counts.rejected = self._write_rejects(cur, taken, now)
            totals = None
            if sync is not None:
                totals = dict(sync.counts)
                for name in ("new", "updated", "unchanged", "rejected"):
                    totals[name] = totals.get(name, 0) + getattr(counts, name)
                self._save_sync(cur, sync, totals)
            return counts, totals

        counts, totals = self._transaction(work)
        if sync is not None:
            sync.counts.clear()
            sync.counts.update(totals)
        return counts

    def _forget_fixed_rejects(self, cur, stage: str) -> None:
        """A record rejected before and taken now is no longer a rejected one."""
        cur.execute(f"SELECT EXISTS (SELECT 1 FROM {self.t('rejected')})")
        if cur.fetchone()[0]:
            cur.execute(f"DELETE FROM {self.t('rejected')} r USING {stage} s "
                        "WHERE r.source = s.source AND r.source_id = s.source_id")

    def _save_sync(self, cur, sync: SyncState, counts: dict) -> None:
        values = (sync.source_key, json.dumps(sync.cursor, ensure_ascii=False),
                  sync.last_success, sync.last_request, json.dumps(counts))
        if not self._secured:
            cur.execute(
                f"INSERT INTO {self.t('sync_state')} AS s (source_key, cursor, last_success, "
                "last_request, counts) VALUES (%s, %s, %s, %s, %s) ON CONFLICT (source_key) DO "
                "UPDATE SET cursor = excluded.cursor, last_success = excluded.last_success, "
                "last_request = excluded.last_request, counts = excluded.counts", values)
            return
        allowed = self._allowed()
        owner = self._owners(cur, "sync_state", [sync.source_key])
        row = (owner[sync.source_key],) if sync.source_key in owner else None
        if row and row[0] and allowed is not None and row[0] not in allowed:
            # Two kommuner syncing one source would move each other's cursor.
            raise StoreError(tr(
                "The sync state of {key} belongs to kommun {kommun}: your role {role} is not "
                "allowed to write kommun {kommun}'s rows here (it writes {allowed}); give each "
                "kommun's source its own address (URL, collection or file). Nothing was "
                "written.").format(key=sync.source_key, kommun=row[0], role=self.role,
                                   allowed=", ".join(allowed)))
        # A shared row (the police feed's call log) stays the region's; a kommun's row
        # stays its kommun's.
        cur.execute(
            f"INSERT INTO {self.t('sync_state')} AS s (source_key, cursor, last_success, "
            "last_request, counts, kommunkod) VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT "
            "(source_key) DO UPDATE SET cursor = excluded.cursor, last_success = "
            "excluded.last_success, last_request = excluded.last_request, counts = "
            "excluded.counts, kommunkod = coalesce(s.kommunkod, excluded.kommunkod)",
            (*values, None if sync.shared else self._stamp))

    def upsert_areas(self, areas: Iterable[Area], rejected: Iterable[Rejected] = ()
                     ) -> WriteCounts:
        from osgeo import ogr

        scope = self._stamp
        allowed = self._allowed()
        by_code: dict[str, tuple] = {}
        rejects = list(rejected)
        refused: dict[str, int] = {}
        now = to_utc_text(clock.now())
        for a in areas:
            geom = ogr.CreateGeometryFromWkb(bytes(a.wkb))
            if geom is None or geom.IsEmpty():
                raise StoreError(tr("Area {code} has no geometry.").format(code=a.code))
            if allowed is not None and a.kommunkod and a.kommunkod not in allowed:
                rejects.append(self._scope_reject("areas", a.code, a.code, a.kommunkod,
                                                  tr("Area {code}").format(code=a.code)))
                self._count_refusal(refused, a.kommunkod)
                continue
            if allowed is not None and not (a.kommunkod or scope):
                rejects.append(self._unplaced_reject("areas", a.code, a.code,
                                                     tr("Area {code}").format(code=a.code)))
                continue
            by_code[a.code] = (bytes(a.wkb), a.code, a.name, a.kind, a.kommunkod or scope,
                               a.population, a.parent_code, a.source, now)
        columns = ("geom", "code", "name", "kind", "kommunkod", "population", "parent_code",
                   "source", "imported_at")

        def work(cur) -> WriteCounts:
            counts = WriteCounts(refused=dict(refused))
            taken = list(rejects)
            if by_code:
                stage = self._stage(cur, "areas", columns)
                self._copy(cur, stage, columns, by_code.values())
                for code, kommun in self._other_kommun(cur, "areas", stage, "code").items():
                    taken.append(self._scope_reject("areas", code, code, kommun,
                                                    tr("Area {code}").format(code=code)))
                    self._count_refusal(counts.refused, kommun)
                kept = len(by_code) - (len(taken) - len(rejects))
                counts.new, counts.updated = self._upsert_staged(
                    cur, "areas", stage, columns, columns[:-1], guard_kommun=True)
                counts.unchanged = kept - counts.new - counts.updated
            counts.rejected = self._write_rejects(cur, taken, now)
            return counts

        return self._transaction(work)

    def upsert_survey_results(self, results: Iterable[SurveyResult],
                              rejected: Iterable[Rejected] = ()) -> WriteCounts:
        by_key = {r.key: r for r in results}
        rejects = list(rejected)
        now = to_utc_text(clock.now())
        columns = ("survey", "area_code", "question", "index_value", "share_unsafe",
                   "respondents", "survey_year", "method", "imported_at")
        rows = [(r.survey, r.area_code, r.question, r.index_value, r.share_unsafe,
                 r.respondents, r.survey_year, r.method, now) for r in by_key.values()]

        def work(cur) -> WriteCounts:
            counts = WriteCounts()
            taken = list(rejects)
            if rows:
                stage = self._stage(cur, "survey_results", columns)
                self._copy(cur, stage, columns, rows)
                others = self._other_kommun(cur, "survey_results", stage, columns[:3])
                for key, kommun in others.items():
                    text = "|".join(key)
                    taken.append(self._scope_reject("survey", text, text, kommun, tr(
                        "Survey result {key}").format(key=text)))
                    self._count_refusal(counts.refused, kommun)
                counts.new, counts.updated = self._upsert_staged(
                    cur, "survey_results", stage, columns, columns[3:-1])
                counts.unchanged = len(rows) - len(others) - counts.new - counts.updated
                cur.execute(f"DELETE FROM {self.t('rejected')} WHERE source = 'survey' AND "
                            "source_id = ANY(%s)", (list(by_key),))
            counts.rejected = self._write_rejects(cur, taken, now)
            return counts

        return self._transaction(work)

    def upsert_survey_places(self, places: Iterable[SurveyPlace],
                             rejected: Iterable[Rejected] = ()) -> WriteCounts:
        by_uid = {p.uid: (point_wkb(p.x, p.y), p.uid, p.survey, p.reason, p.area_code)
                  for p in places}
        rejects = list(rejected)
        now = to_utc_text(clock.now())
        columns = ("geom", "uid", "survey", "reason", "area_code", "imported_at")

        def work(cur) -> WriteCounts:
            counts = WriteCounts()
            taken = list(rejects)
            if by_uid:
                stage = self._stage(cur, "survey_places", columns)
                self._copy(cur, stage, columns, [(*r, now) for r in by_uid.values()])
                others = self._other_kommun(cur, "survey_places", stage, "uid")
                for uid, kommun in others.items():
                    taken.append(self._scope_reject("survey", uid, uid, kommun, tr(
                        "Survey place {uid}").format(uid=uid)))
                    self._count_refusal(counts.refused, kommun)
                counts.new, counts.updated = self._upsert_staged(
                    cur, "survey_places", stage, columns, ("geom", "survey", "reason",
                                                           "area_code"))
                counts.unchanged = len(by_uid) - len(others) - counts.new - counts.updated
            counts.rejected = self._write_rejects(cur, taken, now)
            return counts

        return self._transaction(work)

    def refresh_police_area_counts(self) -> int:
        now = to_utc_text(clock.now())
        areas = self.t("areas")
        incidents = self.t("incidents")
        # The kommuner this store writes: a kommun's role refreshes its own counts only.
        if self._allowed() is not None:
            areas = f"(SELECT * FROM {areas} WHERE {self._write_scope_sql('areas')})"
            incidents = (f"(SELECT * FROM {incidents} WHERE "
                         f"{self._write_scope_sql('incidents')})")
        sql = _POLICE_COUNTS_SQL.format(t_counts=self.t("police_area_counts"), areas=areas,
                                        incidents=incidents)
        scope = self._write_scope_sql("police_area_counts")

        def work(cur) -> int:
            cur.execute(f"DELETE FROM {self.t('police_area_counts')}"
                        + (f" WHERE {scope}" if scope else ""))
            cur.execute(sql, {"now": now, "kommun_kind": AreaKind.KOMMUN.value})
            return cur.rowcount

        return self._transaction(work)

    def save_survey_comparison(self, survey: str, rows: Iterable[AreaComparison],
                               window_start: str | None, window_end: str | None) -> int:
        now = to_utc_text(clock.now())
        values = [(survey, r.area_code, r.index_value, r.reports, r.population,
                   r.rate_per_1000, r.index_rank, r.rate_rank, r.gap, r.class_code,
                   window_start, window_end, now) for r in rows]

        def work(cur) -> int:
            nonlocal values
            cur.execute(f"DELETE FROM {self.t('survey_comparison')}"
                        + self._where("survey_comparison", "survey = ?"), (survey,))
            if values and self._allowed() is not None:
                # Another kommun's areas are that kommun's to compare.
                cur.execute(f"SELECT code FROM {self.t('areas')} WHERE "
                            f"{self._write_scope_sql('areas')}")
                mine = {c for (c,) in cur.fetchall()}
                values = [v for v in values if v[1] in mine]
            if values:
                psycopg2.extras.execute_values(
                    cur, f"INSERT INTO {self.t('survey_comparison')} (survey, area_code, "
                    "index_value, reports, population, rate_per_1000, index_rank, rate_rank, "
                    "gap, class_code, window_start, window_end, refreshed_at) VALUES %s "
                    "ON CONFLICT (survey, area_code) DO UPDATE SET "
                    "index_value = excluded.index_value, reports = excluded.reports, "
                    "population = excluded.population, rate_per_1000 = excluded.rate_per_1000, "
                    "index_rank = excluded.index_rank, rate_rank = excluded.rate_rank, "
                    "gap = excluded.gap, class_code = excluded.class_code, "
                    "window_start = excluded.window_start, window_end = excluded.window_end, "
                    "refreshed_at = excluded.refreshed_at", values)
            return len(values)

        return self._transaction(work)

    # -- measures (schema 7) -------------------------------------------------------------------
    def upsert_measures(self, measures: Iterable[Measure], rejected: Iterable[Rejected] = ()
                        ) -> WriteCounts:
        allowed = self._allowed()
        scope = self._stamp
        now = to_utc_text(clock.now())
        rejects = list(rejected)
        refused: dict[str, int] = {}
        by_uid: dict[str, Measure] = {}
        rows: dict[str, tuple] = {}
        for m in measures:
            what = tr("Measure {uid}").format(uid=m.uid)
            if allowed is not None and m.kommunkod and m.kommunkod not in allowed:
                rejects.append(self._scope_reject(_MEASURE_REJECTS, _measure_raw(m), m.uid,
                                                  m.kommunkod, what))
                self._count_refusal(refused, m.kommunkod)
                continue
            if allowed is not None and not (m.kommunkod or scope):
                rejects.append(self._unplaced_reject(_MEASURE_REJECTS, _measure_raw(m), m.uid,
                                                     what))
                continue
            by_uid[m.uid] = m
            rows[m.uid] = (_measure_wkb(m), m.uid, m.title, m.type, m.status,
                           _day_text(m.start), _day_text(m.end), m.organisation,
                           categories_text(m.categories), m.notes, m.kommunkod or scope,
                           m.source, now, now)
        columns = ("geom", "uid", *_MEASURE_EDITED, "created_at", "updated_at")
        edited = ("geom", *_MEASURE_EDITED)

        def work(cur) -> WriteCounts:
            counts = WriteCounts(refused=dict(refused))
            taken = list(rejects)
            if rows:
                stage = self._stage(cur, "measures", columns)
                self._copy(cur, stage, columns, rows.values())
                others = self._other_kommun(cur, "measures", stage, "uid")
                for uid, kommun in others.items():
                    taken.append(self._scope_reject(
                        _MEASURE_REJECTS, _measure_raw(by_uid[uid]), uid, kommun,
                        tr("Measure {uid}").format(uid=uid)))
                    self._count_refusal(counts.refused, kommun)
                # created_at stays the first write's; the evaluation is left as it is.
                cur.execute(
                    f"WITH up AS (INSERT INTO {self.t('measures')} AS t "
                    f"({', '.join(q(c) for c in columns)}) SELECT ST_GeomFromWKB(geom, "
                    f"{schema.SRID}), {', '.join(q(c) for c in columns[1:])} FROM {stage} "
                    "ORDER BY uid ON CONFLICT (uid) DO UPDATE SET "
                    + ", ".join(f"{q(c)} = excluded.{q(c)}" for c in (*edited, "updated_at"))
                    + f" WHERE (t.{', t.'.join(q(c) for c in edited)}) IS DISTINCT FROM "
                    f"(excluded.{', excluded.'.join(q(c) for c in edited)}) "
                    "RETURNING (xmax = 0) AS inserted) SELECT count(*) FILTER (WHERE "
                    "inserted), count(*) FILTER (WHERE NOT inserted) FROM up")
                new, updated = cur.fetchone()
                counts.new, counts.updated = int(new), int(updated)
                counts.unchanged = len(rows) - len(others) - counts.new - counts.updated
            counts.rejected = self._write_rejects(cur, taken, now)
            return counts

        return self._transaction(work)

    def measures(self, uids: Sequence[str] | None = None, status: str | None = None
                 ) -> list[Measure]:
        where, params = [], []
        if uids:
            where.append("uid = ANY(?)")
            params.append(list(uids))
        if status:
            where.append("status = ?")
            params.append(status)
        cols = ", ".join(self._col("measures", c) for c in ("uid", *_MEASURE_EDITED,
                                                             *_EVALUATION))
        rows = self._read(f"SELECT ST_AsBinary(geom, 'NDR'), {cols} FROM "
                          f"{self.t(self._rel('measures'))}"
                          + self._where("measures", " AND ".join(where) or None)
                          + " ORDER BY fid", params)
        out = []
        for row in rows:
            r = dict(zip(("geom", "uid", *_MEASURE_EDITED, *_EVALUATION), row))
            out.append(Measure(
                uid=r["uid"], title=r["title"], type=r["type"], status=r["status"],
                start=r["start_date"], end=r["end_date"], organisation=r["organisation"],
                categories=categories_from_text(r["categories"]), notes=r["notes"],
                kommunkod=r["kommunkod"], wkb=bytes(r["geom"]) if r["geom"] else None,
                source=r["source"] or "manual", verdict=r["verdict"], effect=r["effect"],
                effect_low=r["effect_low"], effect_high=r["effect_high"], wdq=r["wdq"],
                evaluated_at=to_utc_text(_utc(r["evaluated_at"]))))
        return out

    def save_measure_evaluation(self, uid: str, verdict: str | None, effect: float | None,
                                effect_low: float | None, effect_high: float | None,
                                wdq: float | None) -> None:
        now = to_utc_text(clock.now())
        scope = self._write_scope_sql("measures")

        def work(cur) -> None:
            cur.execute(f"UPDATE {self.t('measures')} SET verdict = %s, effect = %s, "
                        "effect_low = %s, effect_high = %s, wdq = %s, evaluated_at = %s "
                        "WHERE uid = %s" + (f" AND {scope}" if scope else ""),
                        (verdict, effect, effect_low, effect_high, wdq, now, uid))

        self._transaction(work)

    def delete_measure(self, uid: str) -> bool:
        """Delete one measure; False when there is none with that uid this store may write
        (another kommun's is not there for it: row-level security)."""
        scope = self._write_scope_sql("measures")

        def work(cur) -> bool:
            cur.execute(f"DELETE FROM {self.t('measures')} WHERE uid = %s"
                        + (f" AND {scope}" if scope else ""), (uid,))
            return cur.rowcount > 0

        return self._transaction(work)

    # -- reading ----------------------------------------------------------------------------
    def sync_state(self, source_key: str) -> SyncState | None:
        row = self._read(f"SELECT cursor, last_success, last_request, counts FROM "
                         f"{self.t('sync_state')} WHERE source_key = %s", (source_key,),
                         many=False)
        if row is None:
            return None
        return SyncState(source_key, json.loads(row[0] or "{}"), to_utc_text(_utc(row[1])),
                         row[2], json.loads(row[3] or "{}"))

    def sync_states(self) -> list[SyncState]:
        return [SyncState(key, json.loads(cursor or "{}"), to_utc_text(_utc(last)), request,
                          json.loads(counts or "{}"))
                for key, cursor, last, request, counts in self._read(
                    f"SELECT source_key, cursor, last_success, last_request, counts FROM "
                    f"{self.t('sync_state')} ORDER BY source_key")]

    def count(self, table: str, where: str | None = None, params: tuple = ()) -> int:
        self._check_name(table)
        return int(self._read(f"SELECT count(*) FROM {self.t(self._rel(table))}"
                              + self._where(table, where), params, many=False)[0])

    def iter_incidents(self, where: str | None = None, params: tuple = ()) -> Iterator[Incident]:
        cols = ", ".join(self._col("incidents", c) for c in schema.INCIDENT_COLUMNS)
        where_sql = self._where("incidents", where)
        base = (f"SELECT fid, ST_X(geom), ST_Y(geom), {cols} FROM "
                f"{self.t(self._rel('incidents'))}{where_sql}")
        after = 0
        joiner = " AND " if where_sql else " WHERE "
        while True:  # pages by fid, so memory stays flat for a whole country's history
            rows = self._read(f"{base}{joiner}fid > %s ORDER BY fid LIMIT {_PAGE}",
                              (*params, after))
            for row in rows:
                values = dict(zip(schema.INCIDENT_COLUMNS, row[3:]))
                yield Incident(
                    source=values["source"], source_id=values["source_id"],
                    category=values["category"], subcategory=values["subcategory"],
                    x=row[1], y=row[2], occurred_at=_utc(values["occurred_at"]),
                    reported_at=_utc(values["reported_at"]),
                    updated_at=_utc(values["updated_at"]), status=values["status"],
                    reporter_org=values["reporter_org"], description=values["description"],
                    location_precision=values["location_precision"],
                    kommunkod=values["kommunkod"], area_code=values["area_code"],
                    reporter_id=values["reporter_id"], details=values["details"])
            if len(rows) < _PAGE:
                return
            after = rows[-1][0]

    def incident_frame(self, where: str | None = None, params: tuple = (),
                       columns: Sequence[str] = FRAME_COLUMNS) -> IncidentFrame:
        unknown = set(columns) - set(FRAME_COLUMNS)
        if unknown:
            raise StoreError(tr("Unknown columns: {columns}").format(columns=sorted(unknown)))

        def epoch(c: str) -> str:
            return f"coalesce(floor(extract(epoch FROM {c}))::bigint, {_NAT})"

        select = ["fid", "ST_X(geom)", "ST_Y(geom)", epoch("occurred_at"), epoch("reported_at"),
                  *(self._col("incidents", c) for c in columns)]
        rows = self._read(f"SELECT {', '.join(select)} FROM {self.t(self._rel('incidents'))}"
                          + self._where("incidents", where) + " ORDER BY fid", params)
        if not rows:
            empty = np.array([], dtype=object)
            return IncidentFrame(np.array([], dtype=np.int64), np.array([]), np.array([]),
                                 np.array([], dtype="datetime64[s]"),
                                 np.array([], dtype="datetime64[s]"),
                                 {c: empty.copy() for c in columns})
        fid, x, y, occurred, reported, *text = zip(*rows)
        return IncidentFrame(
            np.array(fid, dtype=np.int64), np.array(x, dtype=float), np.array(y, dtype=float),
            np.array(occurred, dtype=np.int64).view("datetime64[s]"),
            np.array(reported, dtype=np.int64).view("datetime64[s]"),
            {c: np.array(v, dtype=object) for c, v in zip(columns, text)})

    def rejected(self, source: str | None = None) -> list[Rejected]:
        sql = (f"SELECT source, {self._col('rejected', 'raw')}, reason, source_id, rejected_at "
               f"FROM {self.t(self._rel('rejected'))}")
        params: tuple = ()
        if source:
            sql += " WHERE source = %s"
            params = (source,)
        return [Rejected(r[0], r[1] or "", r[2], r[3], _utc(r[4]) or clock.now())
                for r in self._read(sql + " ORDER BY fid", params)]

    def areas(self, kind: str | None = None, kommunkod: str | None = None) -> list[Area]:
        where, params = [], []
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if kommunkod:
            where.append("kommunkod = ?")
            params.append(kommunkod)
        sql = (f"SELECT ST_AsBinary(geom, 'NDR'), code, name, kind, kommunkod, population, "
               f"parent_code, source FROM {self.t('areas')}"
               + self._where("areas", " AND ".join(where) or None) + " ORDER BY code")
        return [Area(code=r[1], kind=r[3], wkb=bytes(r[0]), name=r[2], kommunkod=r[4],
                     population=r[5], parent_code=r[6], source=r[7])
                for r in self._read(sql, params)]

    def survey_results(self, survey: str | None = None) -> list[SurveyResult]:
        sql = (f"SELECT survey, area_code, question, index_value, share_unsafe, respondents, "
               f"survey_year, method FROM {self.t('survey_results')}"
               + self._where("survey_results", "survey = ?" if survey else None)
               + " ORDER BY survey, area_code, question")
        return [SurveyResult(*r[:7], method=r[7] or "index")
                for r in self._read(sql, (survey,) if survey else ())]

    def incident_counts_by_area(self, kind: str, where: str | None = None,
                                params: tuple = ()) -> dict[str, int]:
        inner = (f"SELECT geom FROM {self.t(self._rel('incidents'))}"
                 + self._where("incidents", where))
        sql = (f"SELECT a.code, count(i.geom) FROM {self.t('areas')} a LEFT JOIN ({inner}) i "
               "ON ST_Contains(a.geom, i.geom)" + self._where("areas", "a.kind = ?", "a")
               + " GROUP BY a.code ORDER BY a.code")
        return {code: int(n) for code, n in self._read(sql, (*params, kind))}

    # -- layers -----------------------------------------------------------------------------
    def layer_source(self, table: str) -> LayerSource:
        """A QGIS ``postgres`` provider URI: key ``fid``, SRID 3006, the connection's
        service or host, ``authcfg`` when there is one, never a password. A kommun-scoped
        store gives a subquery, so a subset string set on the layer keeps the scope."""
        self._check_name(table)
        from qgis.core import QgsDataSourceUri, QgsWkbTypes

        p = self.target.params
        uri = QgsDataSourceUri()
        ssl = QgsDataSourceUri.SslMode.SslPrefer
        if p.get("sslmode"):
            ssl = QgsDataSourceUri.decodeSslMode(p["sslmode"])
        user = "" if self.target.authcfg else p.get("user", "")
        if p.get("service"):
            uri.setConnection(p["service"], p.get("dbname", ""), user, "", ssl,
                              self.target.authcfg or "")
        else:
            uri.setConnection(p.get("host", ""), p.get("port", ""), p.get("dbname", ""), user,
                              "", ssl, self.target.authcfg or "")
        geometry = "geom" if (table in _VIEWS or _TABLES[table].geometry) else ""
        scope = self.scope_sql(table)
        relation = self._rel(table)  # a planner's layer comes from the view without free text
        if scope:
            uri.setDataSource("", f"(SELECT * FROM {self.t(relation)} WHERE {scope})", geometry,
                              "", "fid")
        else:
            uri.setDataSource(self.schema, relation, geometry, "", "fid")
        kind = "MULTIPOLYGON" if table in _VIEWS else _TABLES[table].geometry
        if kind:
            uri.setSrid(str(schema.SRID))
            if kind != "GEOMETRY":  # measures: points, lines and polygons, QGIS asks
                uri.setWkbType(QgsWkbTypes.Type.Point if kind == "POINT"
                               else QgsWkbTypes.Type.MultiPolygon)
        else:
            uri.setWkbType(QgsWkbTypes.Type.NoGeometry)
        uri.setParam("checkPrimaryKeyUnicity", "0")
        return LayerSource(uri.uri(False), "postgres")

    # -- whole tables (copy_store) -----------------------------------------------------------
    def table_columns(self, table: str) -> tuple[str, ...]:
        t = _TABLES[table]
        return (("geom",) if t.geometry else ()) + tuple(f.name for f in t.fields)

    def read_rows(self, table: str) -> Iterator[tuple]:
        """Every row of ``table`` (in the kommun scope) in :meth:`table_columns` order:
        geometry as WKB, times as UTC text (``YYYY-MM-DDTHH:MM:SS.mmmZ``)."""
        t = _TABLES[table]
        kinds = {f.name: f.kind for f in t.fields}
        select = []
        for c in self.table_columns(table):
            if c == "geom":
                select.append("ST_AsBinary(geom, 'NDR')")
            elif kinds[c] == "datetime":
                select.append(f"to_char({q(c)} AT TIME ZONE 'UTC', "
                              "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
            elif kinds[c] == "date":  # as the GeoPackage keeps a day
                select.append(f"to_char({q(c)}, 'YYYY-MM-DD')")
            else:
                select.append(self._col(table, c) if table in pg_security.PLANNER_VIEWS
                              else q(c))
        where = self._where(table, None)
        base = f"SELECT fid, {', '.join(select)} FROM {self.t(self._rel(table))}{where}"
        joiner = " AND " if where else " WHERE "
        after = 0
        while True:
            rows = self._read(f"{base}{joiner}fid > %s ORDER BY fid LIMIT {_PAGE}", (after,))
            for row in rows:
                yield tuple(bytes(v) if isinstance(v, memoryview) else v for v in row[1:])
            if len(rows) < _PAGE:
                return
            after = rows[-1][0]

    def write_rows(self, table: str, rows: Iterable[Sequence]) -> WriteCounts:
        """Upsert whole rows (as :meth:`read_rows` gives them) by the table's key, in one
        transaction; rows of another kommun are counted as rejected and not written."""
        columns = self.table_columns(table)
        key = schema.key_columns(_TABLES[table])
        at = [columns.index(k) for k in key]
        allowed = self._allowed()
        scoped = allowed is not None and "kommunkod" in columns
        k_at = columns.index("kommunkod") if scoped else -1
        by_key: dict[tuple, tuple] = {}
        outside = 0
        for row in rows:
            if scoped:
                if row[k_at] is None and self._stamp:
                    row = (*row[:k_at], self._stamp, *row[k_at + 1:])
                elif row[k_at] not in allowed:
                    outside += 1
                    continue
            by_key[tuple(row[i] for i in at)] = tuple(row)

        def work(cur) -> WriteCounts:
            counts = WriteCounts(rejected=outside)
            if not by_key:
                return counts
            stage = self._stage(cur, table, columns)
            self._copy(cur, stage, columns, by_key.values())
            if scoped or (allowed is not None and table in pg_security.KOMMUN_TABLES):
                counts.rejected += len(self._other_kommun(cur, table, stage, key))
            kept = len(by_key) - (counts.rejected - outside)
            counts.new, counts.updated = self._upsert_staged(
                cur, table, stage, columns, [c for c in columns if c not in key],
                guard_kommun=bool(scoped))
            counts.unchanged = kept - counts.new - counts.updated
            return counts

        return self._transaction(work)


