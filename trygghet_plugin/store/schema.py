"""The store's schema, backend-neutral: tables, fields and the versions they came in.

Backends turn this into DDL. A field is (name, type, nullable); types are the small set
both GeoPackage and PostGIS express: text, integer, real, datetime.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 2
SRID = 3006


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | integer | real | datetime
    nullable: bool = True


@dataclass(frozen=True)
class Table:
    name: str
    geometry: str | None  # "POINT", "MULTIPOLYGON" or None for an attribute table
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

INCIDENT_COLUMNS: tuple[str, ...] = (
    "uid", "source", "source_id", "category", "subcategory", "occurred_at", "reported_at",
    "updated_at", "status", "reporter_org", "description", "location_precision",
    "kommunkod", "area_code",
)
