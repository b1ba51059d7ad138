"""What the generator returns: the report table (numpy columns) and the whole sample kommun."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from functools import cached_property, lru_cache

import numpy as np

from trygghet_plugin import paths
from trygghet_plugin.domain.area import Area
from trygghet_plugin.domain.incident import Incident
from trygghet_plugin.domain.taxonomy import Taxonomy

from . import stockholm
from .geography import SampleArea
from .profiles import KEYS
from .reporters import Reporters

CATEGORY_LABELS = np.array([k.category for k in KEYS], dtype=object)
SUBCATEGORY_LABELS = np.array([k.subcategory for k in KEYS], dtype=object)


@lru_cache(maxsize=1)
def _taxonomy_codes() -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    taxonomy = Taxonomy.load(paths.taxonomy_file())
    classified = [taxonomy.classify(k.category, k.subcategory) for k in KEYS]
    return tuple(c.category for c in classified), tuple(c.subcategory for c in classified)


@dataclass(frozen=True)
class DescriptionTable:
    """All description texts as template x place; a report keeps only its index."""

    templates: tuple[str, ...]
    places: tuple[str, ...]

    def index(self, template: np.ndarray, place: np.ndarray) -> np.ndarray:
        return (template.astype(np.int32) * len(self.places) + place).astype(np.int32)

    @cached_property
    def strings(self) -> list[str]:
        return [f"{t} {p}" for t in self.templates for p in self.places]


_COLUMNS = ("number", "key", "first_key", "x", "y", "occurred_at", "reported_at", "updated_at",
            "closed", "reporter", "text", "component", "area")


@dataclass(frozen=True)
class ReportTable:
    """Reports as numpy columns, one row per report, ordered by ``reported_at``.

    Times are UTC epoch seconds (int64); x/y are EPSG:3006. ``key`` indexes ``profiles.KEYS``
    (the category and subcategory labels served now), ``first_key`` is what the report was
    filed as before an edit corrected it. ``updated_at > reported_at`` marks an edited report;
    the edit closed it and/or corrected its category. ``component`` (which hotspot, town or
    countryside produced it) and ``area`` (index into the areas) are ground truth for tests.
    """

    number: np.ndarray
    key: np.ndarray
    first_key: np.ndarray
    x: np.ndarray
    y: np.ndarray
    occurred_at: np.ndarray
    reported_at: np.ndarray
    updated_at: np.ndarray
    closed: np.ndarray
    reporter: np.ndarray
    text: np.ndarray
    component: np.ndarray
    area: np.ndarray
    reporters: Reporters = field(repr=False)
    texts: DescriptionTable = field(repr=False)

    def __len__(self) -> int:
        return int(self.number.size)

    # -- service-facing columns ---------------------------------------------------------

    @property
    def ids(self) -> list[str]:
        return [f"R{n:07d}" for n in self.number.tolist()]

    @property
    def category(self) -> np.ndarray:
        return CATEGORY_LABELS[self.key]

    @property
    def subcategory(self) -> np.ndarray:
        return SUBCATEGORY_LABELS[self.key]

    @property
    def status(self) -> np.ndarray:
        return np.where(self.closed, "closed", "open").astype(object)

    @property
    def edited(self) -> np.ndarray:
        return self.updated_at > self.reported_at

    @property
    def reporter_org(self) -> np.ndarray:
        return np.array(self.reporters.orgs, dtype=object)[self.reporter]

    @property
    def reporter_id(self) -> np.ndarray:
        return np.array(self.reporters.ids, dtype=object)[self.reporter]

    @property
    def description(self) -> np.ndarray:
        return np.array(self.texts.strings, dtype=object)[self.text]

    def record(self, i: int) -> dict:
        """Report ``i`` as the service's properties (the form written to reports.geojson)."""
        key = KEYS[int(self.key[i])]
        occurred, reported, updated = stockholm.iso_local(np.array(
            [self.occurred_at[i], self.reported_at[i], self.updated_at[i]]))
        rep = int(self.reporter[i])
        return {"id": f"R{int(self.number[i]):07d}", "category": key.category,
                "subcategory": key.subcategory, "occurred_at": occurred,
                "reported_at": reported, "updated_at": updated,
                "status": "closed" if self.closed[i] else "open",
                "reporter_org": self.reporters.orgs[rep], "reporter_id": self.reporters.ids[rep],
                "description": self.texts.strings[int(self.text[i])]}

    # -- selections ---------------------------------------------------------------------

    def take(self, rows: np.ndarray) -> ReportTable:
        return replace(self, **{name: getattr(self, name)[rows] for name in _COLUMNS})

    def snapshot(self, as_of: datetime | int) -> ReportTable:
        """What the service serves at ``as_of``: reported by then, edits made later undone."""
        when = _epoch(as_of)
        seen = self.take(np.flatnonzero(self.reported_at <= when))
        pending = seen.updated_at > when  # edited, but the edit comes after as_of
        if not pending.any():
            return seen
        return replace(seen, key=np.where(pending, seen.first_key, seen.key),
                       closed=seen.closed & ~pending,
                       updated_at=np.where(pending, seen.reported_at, seen.updated_at))

    def before_an_edit(self, since: datetime | int = 0) -> datetime:
        """A moment just after a report came in that is edited more than an hour later (the
        middle one of those reported after ``since``): a snapshot then lacks that edit, a later
        one has it — what an incremental sync must pick up."""
        edited = np.flatnonzero((self.updated_at > self.reported_at + 3600)
                                & (self.reported_at > _epoch(since)))
        moment = int(self.reported_at[edited[len(edited) // 2]]) + 1
        return datetime.fromtimestamp(moment, timezone.utc)

    # -- domain -------------------------------------------------------------------------

    def iter_incidents(self, kommunkod: str = "0682") -> Iterator[Incident]:
        """Incidents with taxonomy codes and aware UTC times; lean enough for a million."""
        cat_codes, sub_codes = _taxonomy_codes()
        orgs = self.reporters.orgs
        reporter_ids = self.reporters.ids
        texts = self.texts.strings
        utc = stockholm.UTC
        stamp = datetime.fromtimestamp
        columns = zip(self.number.tolist(), self.key.tolist(), self.x.tolist(),
                      self.y.tolist(), self.occurred_at.tolist(), self.reported_at.tolist(),
                      self.updated_at.tolist(), self.closed.tolist(), self.reporter.tolist(),
                      self.text.tolist())
        for number, key, x, y, occurred, reported, updated, closed, rep, text in columns:
            reported_at = stamp(reported, utc)
            yield Incident(
                source="reports", source_id=f"R{number:07d}", category=cat_codes[key],
                x=x, y=y, occurred_at=stamp(occurred, utc), subcategory=sub_codes[key],
                reported_at=reported_at,
                updated_at=reported_at if updated == reported else stamp(updated, utc),
                status="closed" if closed else "open", reporter_org=orgs[rep],
                reporter_id=reporter_ids[rep],
                description=texts[text], kommunkod=kommunkod)


def _epoch(value: datetime | int) -> int:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime: give as_of with a time zone")
        return int(value.timestamp())
    return int(value)


@dataclass(frozen=True)
class SampleMunicipality:
    """A Nässjö-like kommun's safety data; geometry in EPSG:3006."""

    kommunkod: str
    kommun_name: str
    boundary_wkt: str
    areas: list[SampleArea]
    reports: ReportTable
    police_events: list[dict]
    survey_results: list[dict]
    survey_places: list[dict]
    seed: int
    start: date
    end: date
    hotspots: list[dict] = field(default_factory=list)  # ground truth: name, x, y, life
    bursts: list[dict] = field(default_factory=list)  # planted clusters: name, x, y, start, end

    def iter_incidents(self) -> Iterator[Incident]:
        return self.reports.iter_incidents(self.kommunkod)

    def snapshot(self, as_of: datetime | int) -> ReportTable:
        return self.reports.snapshot(as_of)

    @property
    def population(self) -> dict[str, int]:
        return {a.code: a.population for a in self.areas}

    def store_areas(self, *, deso: bool = True) -> list[Area]:
        """The DeSO-like areas (unless ``deso`` is False) and the kommun boundary, as the store
        keeps them (what ``trygghet:importareas`` makes of the written sample)."""
        from osgeo import ogr

        def wkb(wkt: str) -> bytes:
            return ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb()

        areas = [Area(a.code, "deso", wkb(a.wkt), a.name, self.kommunkod, a.population)
                 for a in self.areas] if deso else []
        areas.append(Area(self.kommunkod, "kommun", wkb(self.boundary_wkt), self.kommun_name,
                          self.kommunkod, sum(self.population.values())))
        return areas

