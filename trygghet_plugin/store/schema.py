"""The store's schema, backend-neutral: tables, fields and the versions they came in.

Backends turn this into DDL. A field is (name, type, nullable); types are the small set
both GeoPackage and PostGIS express: text, integer, real, datetime.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 5
#: The GeoPackage store's version: the shared schema plus measures (version 6). PostGIS
#: keeps its own counter (its version 6 is row-level security, 7 the measures).
GPKG_SCHEMA_VERSION = 6
SRID = 3006


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | integer | real | datetime | date
    nullable: bool = True


@dataclass(frozen=True)
class Table:
    name: str
    geometry: str | None  # "POINT", "MULTIPOLYGON", "GEOMETRY" (any) or None (attributes)
    fields: tuple[Field, ...]
    unique: tuple[tuple[str, ...], ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    description: str = ""


# Version 1: the first released schema.
V1_TABLES: tuple[Table, ...] = (
    Table("incidents", "POINT", (
        Field("uid", "text", False),
        Field("source", "text", False),
        Field("source_id", "text", False),
        Field("category", "text", False),
        Field("subcategory", "text"),
        Field("occurred_at", "datetime"),
        Field("reported_at", "datetime"),
        Field("updated_at", "datetime"),
        Field("status", "text"),
        Field("reporter_org", "text"),
        Field("description", "text"),
        Field("location_precision", "text", False),
        Field("ingested_at", "datetime"),
    ), unique=(("uid",),), indexes=(("occurred_at",),),
        description="Händelser / incidents"),
    Table("areas", "MULTIPOLYGON", (
        Field("code", "text", False),
        Field("name", "text"),
        Field("kind", "text", False),
        Field("kommunkod", "text"),
        Field("population", "integer"),
    ), unique=(("code",),), indexes=(("kommunkod",),), description="Områden / areas"),
    Table("survey_results", None, (
        Field("survey", "text", False),
        Field("area_code", "text", False),
        Field("question", "text", False),
        Field("index_value", "real"),
        Field("share_unsafe", "real"),
        Field("respondents", "integer"),
    ), unique=(("survey", "area_code", "question"),),
        description="Trygghetsmätning per område / survey results"),
    Table("survey_places", "POINT", (
        Field("uid", "text", False),
        Field("survey", "text", False),
        Field("reason", "text"),
    ), unique=(("uid",),), description="Otrygga platser / places marked unsafe"),
    Table("sync_state", None, (
        Field("source_key", "text", False),
        Field("cursor", "text"),
        Field("last_success", "datetime"),
        Field("last_request", "text"),
        Field("counts", "text"),
    ), unique=(("source_key",),), description="Synkstatus / sync bookkeeping"),
    Table("rejected", None, (
        Field("source", "text", False),
        Field("source_id", "text"),
        Field("raw", "text"),
        Field("reason", "text", False),
        Field("rejected_at", "datetime"),
    ), indexes=(("source",),), description="Avvisade poster / rejected records"),
    Table("trygghet_meta", None, (
        Field("key", "text", False),
        Field("value", "text"),
    ), unique=(("key",),)),
)

# Version 2: region-ready incidents (kommunkod, area) and rejected records kept once.
V2_ADDED_FIELDS: dict[str, tuple[Field, ...]] = {
    "incidents": (Field("kommunkod", "text"), Field("area_code", "text")),
    "rejected": (Field("raw_hash", "text"), Field("last_seen", "datetime"),
                 Field("times_seen", "integer")),
}
V2_UNIQUE: dict[str, tuple[tuple[str, ...], ...]] = {"rejected": (("source", "raw_hash"),)}
# Low-cardinality columns (category, source, kommunkod) get no index in a GeoPackage: they
# would slow every bulk load by half and barely help a one-municipality file.
V2_INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {}

# Version 3: areas, surveys and police counts per area (issue #4).
V3_ADDED_FIELDS: dict[str, tuple[Field, ...]] = {
    "areas": (Field("parent_code", "text"), Field("source", "text"),
              Field("imported_at", "datetime")),
    "survey_results": (Field("survey_year", "integer"), Field("method", "text"),
                       Field("imported_at", "datetime")),
    "survey_places": (Field("area_code", "text"), Field("imported_at", "datetime")),
}
V3_TABLES: tuple[Table, ...] = (
    # Police events counted per area, refreshed after every police or area import. A table
    # rather than a view, so the counts keep their types (a GeoPackage view's computed
    # columns reach OGR and QGIS as text).
    Table("police_area_counts", None, (
        Field("area_code", "text", False),
        Field("events", "integer"),
        Field("events_area", "integer"),
        Field("events_kommun", "integer"),
        Field("per_1000", "real"),
        Field("first_at", "datetime"),
        Field("last_at", "datetime"),
        Field("refreshed_at", "datetime"),
    ), unique=(("area_code",),), description="Polisens händelser per område / police events "
                                             "per area"),
    # Perceived (survey index) against reported (reports per 1,000 inhabitants) per area.
    Table("survey_comparison", None, (
        Field("survey", "text", False),
        Field("area_code", "text", False),
        Field("index_value", "real"),
        Field("reports", "integer"),
        Field("population", "integer"),
        Field("rate_per_1000", "real"),
        Field("index_rank", "real"),
        Field("rate_rank", "real"),
        Field("gap", "real"),
        Field("class_code", "text"),
        Field("window_start", "datetime"),
        Field("window_end", "datetime"),
        Field("refreshed_at", "datetime"),
    ), unique=(("survey", "area_code"),),
        description="Upplevd mot rapporterad otrygghet / perceived against reported"),
)


@dataclass(frozen=True)
class View:
    """A read-only polygon layer: a join of the areas' geometry with one attribute table.

    Every column is a plain column reference, so it keeps its declared type."""

    name: str
    sql: str
    description: str = ""


V3_VIEWS: tuple[View, ...] = (
    View("police_areas",
         "SELECT a.fid AS fid, a.geom AS geom, a.code AS code, a.name AS name, a.kind AS kind, "
         "a.kommunkod AS kommunkod, a.population AS population, c.events AS events, "
         "c.events_area AS events_area, c.events_kommun AS events_kommun, "
         "c.per_1000 AS per_1000, c.first_at AS first_at, c.last_at AS last_at "
         "FROM areas a JOIN police_area_counts c ON c.area_code = a.code",
         "Polisens händelser per område / police events per area"),
    View("survey_areas",
         "SELECT r.fid AS fid, a.geom AS geom, a.code AS code, a.name AS name, a.kind AS kind, "
         "r.survey AS survey, r.survey_year AS survey_year, r.question AS question, "
         "r.index_value AS index_value, r.share_unsafe AS share_unsafe, "
         "r.respondents AS respondents "
         "FROM survey_results r JOIN areas a ON a.code = r.area_code",
         "Trygghetsmätning per område / survey results per area"),
    View("survey_comparison_areas",
         "SELECT c.fid AS fid, a.geom AS geom, a.code AS code, a.name AS name, a.kind AS kind, "
         "c.survey AS survey, c.index_value AS index_value, c.reports AS reports, "
         "c.population AS population, c.rate_per_1000 AS rate_per_1000, "
         "c.index_rank AS index_rank, c.rate_rank AS rate_rank, c.gap AS gap, "
         "c.class_code AS class_code, c.window_start AS window_start, c.window_end AS window_end "
         "FROM survey_comparison c JOIN areas a ON a.code = c.area_code",
         "Upplevd mot rapporterad otrygghet / perceived against reported"),
)

# Version 4: the reporter's pseudonymous id, for "active reporters" (internal use only; the
# public output never shows it).
V4_ADDED_FIELDS: dict[str, tuple[Field, ...]] = {"incidents": (Field("reporter_id", "text"),)}

# Version 5: what a source says about a report beyond the common fields, as JSON (Open311's
# service code and name, address, media URL, status notes), internal use only.
V5_ADDED_FIELDS: dict[str, tuple[Field, ...]] = {"incidents": (Field("details", "text"),)}

# Version 6 (GeoPackage): measures (åtgärder, issue 16) and their latest evaluation. Any
# geometry type: a measure acts at a point (a camera), along a line (a lit path) or in an
# area (a square that was rebuilt).
V6_TABLES: tuple[Table, ...] = (
    Table("measures", "GEOMETRY", (
        Field("uid", "text", False),
        Field("title", "text", False),
        Field("type", "text", False),
        Field("status", "text", False),
        Field("start_date", "date"),
        Field("end_date", "date"),
        Field("organisation", "text"),
        Field("categories", "text"),  # category codes joined by ';' (empty: all)
        Field("notes", "text"),  # internal only
        Field("kommunkod", "text"),
        Field("source", "text"),
        Field("created_at", "datetime"),
        Field("updated_at", "datetime"),
        Field("verdict", "text"),
        Field("effect", "real"),
        Field("effect_low", "real"),
        Field("effect_high", "real"),
        Field("wdq", "real"),
        Field("evaluated_at", "datetime"),
    ), unique=(("uid",),), description="Åtgärder / measures"),
)
MEASURES: Table = V6_TABLES[0]
MEASURE_COLUMNS: tuple[str, ...] = tuple(f.name for f in MEASURES.fields)

INCIDENT_COLUMNS: tuple[str, ...] = (
    "uid", "source", "source_id", "category", "subcategory", "occurred_at", "reported_at",
    "updated_at", "status", "reporter_org", "description", "location_precision",
    "kommunkod", "area_code", "reporter_id", "details",
)

# -- the schema as it stands at a version (for backends that build it from here) -----------
#: Fields each version added to existing tables, in the order they were added.
ADDED_FIELDS: dict[int, dict[str, tuple[Field, ...]]] = {
    2: V2_ADDED_FIELDS, 3: V3_ADDED_FIELDS, 4: V4_ADDED_FIELDS, 5: V5_ADDED_FIELDS}

#: The tables that hold data (not the bookkeeping of the schema itself), in the order a copy
#: writes them: areas first, because other tables' rows are scoped by their area.
DATA_TABLES: tuple[str, ...] = ("areas", "incidents", "survey_results", "survey_places",
                                "police_area_counts", "survey_comparison", "measures",
                                "sync_state", "rejected")


def tables_at(version: int = SCHEMA_VERSION, *, measures: bool = False) -> dict[str, Table]:
    """Every table with the fields, unique keys and indexes it has at ``version``, with
    the measures table when ``measures`` (or the GeoPackage's version 6) says so: both
    backends hold it, each from its own version on."""
    tables = {t.name: t for t in V1_TABLES}
    if version >= 3:
        tables.update({t.name: t for t in V3_TABLES})
    if version >= 6 or measures:
        tables.update({t.name: t for t in V6_TABLES})
    for v in range(2, version + 1):
        for name, fields in ADDED_FIELDS.get(v, {}).items():
            t = tables[name]
            tables[name] = Table(t.name, t.geometry, t.fields + fields, t.unique, t.indexes,
                                 t.description)
    if version >= 2:
        for name, uniques in V2_UNIQUE.items():
            t = tables[name]
            tables[name] = Table(t.name, t.geometry, t.fields, t.unique + uniques, t.indexes,
                                 t.description)
    return tables


def key_columns(table: Table) -> tuple[str, ...]:
    """The columns a row of ``table`` is upserted by: its last declared unique key
    (``rejected`` has only the one version 2 added)."""
    if not table.unique:
        raise ValueError(f"{table.name} has no unique key")
    return table.unique[-1]
