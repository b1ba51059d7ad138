"""The incident: one safety-affecting event, from any source, as the store keeps it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum

from . import clock


class LocationPrecision(str, Enum):
    """How exactly an incident's point says where it happened."""

    EXACT = "exact"
    STREET = "street"
    AREA = "area"
    KOMMUN = "kommun"


class Status(str, Enum):
    OPEN = "open"
    CLOSED = "closed"
    DELETED = "deleted"  # deleted at the source: kept, never silently dropped


@dataclass(frozen=True)
class Incident:
    """One event. Coordinates are SWEREF 99 TM (EPSG:3006); times are aware datetimes."""

    source: str
    source_id: str
    category: str
    x: float | None
    y: float | None
    occurred_at: datetime | None
    subcategory: str | None = None
    reported_at: datetime | None = None
    updated_at: datetime | None = None
    status: str = Status.OPEN.value
    reporter_org: str | None = None
    description: str | None = None
    location_precision: str = LocationPrecision.EXACT.value
    kommunkod: str | None = None
    area_code: str | None = None
    reporter_id: str | None = None  # pseudonymous (e.g. "rep-017"); internal use only
    #: What the source says beyond the common fields, as JSON text (Open311: service code
    #: and name, address, media URL, status notes); internal use only.
    details: str | None = None

    @property
    def uid(self) -> str:
        return f"{self.source}:{self.source_id}"


@dataclass(frozen=True)
class Rejected:
    """A record that could not be taken, kept with the reason so nothing is lost."""

    source: str
    raw: str
    reason: str
    source_id: str | None = None
    rejected_at: datetime = field(default_factory=clock.now)


def to_utc_text(value: datetime | None) -> str | None:
    """Store form of a time: UTC, ``YYYY-MM-DDTHH:MM:SS.SSSZ`` as GeoPackage DATETIME asks
    (GDAL warns about any other form)."""
    if value is None:
        return None
    if value.tzinfo is not timezone.utc:
        if value.tzinfo is None:
            raise ValueError("naive datetime: the time zone must be known")
        value = value.astimezone(timezone.utc)
    # isoformat is twice as fast as strftime, which counts for a million rows.
    return value.isoformat(timespec="milliseconds")[:23] + "Z"


def from_utc_text(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
