"""The store interface that every backend implements, and the one place that picks a backend.

Callers (sources, analysis, layers, algorithms, docks) use only :class:`Store`; a PostGIS
backend implements the same methods without touching them.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..domain.area import Area
from ..domain.incident import Incident, Rejected
from ..domain.measure import Measure
from ..domain.survey import AreaComparison, SurveyPlace, SurveyResult
from ..errors import TrygghetError
from ..i18n import translator

tr = translator("Store")

#: Text columns an IncidentFrame can carry besides fid, x, y and the times.
FRAME_COLUMNS: tuple[str, ...] = ("category", "subcategory", "source", "status",
                                  "reporter_org", "location_precision", "kommunkod", "area_code",
                                  "reporter_id")


@dataclass
class IncidentFrame:
    """Incidents as columns: ``x``/``y`` in EPSG:3006, times as UTC ``datetime64[s]``
    (NaT when unknown), text columns as numpy object arrays."""

    fid: np.ndarray
    x: np.ndarray
    y: np.ndarray
    occurred_at: np.ndarray
    reported_at: np.ndarray
    text: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.fid)

    def __getitem__(self, name: str) -> np.ndarray:
        if name in ("fid", "x", "y", "occurred_at", "reported_at"):
            return getattr(self, name)
        return self.text[name]

    def take(self, rows: np.ndarray) -> IncidentFrame:
        return IncidentFrame(self.fid[rows], self.x[rows], self.y[rows], self.occurred_at[rows],
                             self.reported_at[rows], {k: v[rows] for k, v in self.text.items()})


class StoreError(TrygghetError):
    """A problem with the store that the user can act on; the message says what to do."""


@dataclass
class WriteCounts:
    """What one write did: new rows, changed rows, rows that were already identical."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    #: Records not written because the role may not write their kommun's rows (a shared
    #: PostGIS store): kommun code ("" for the region's rows without one) -> count. They
    #: are among ``rejected``, each with its reason.
    refused: dict[str, int] = field(default_factory=dict)

    def __iadd__(self, other: WriteCounts) -> WriteCounts:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.rejected += other.rejected
        add_refused(self.refused, other.refused)
        return self

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


def add_refused(into: dict[str, int], more: dict[str, int]) -> None:
    for kommun, n in more.items():
        into[kommun] = into.get(kommun, 0) + n


def refused_text(refused: dict[str, int]) -> str:
    """The user's words for :attr:`WriteCounts.refused` ("" when nothing was refused)."""
    return " ".join(
        (tr("Not allowed to write kommun {kommun}'s rows: {n} records not written (kept in "
            "rejected with the reason).").format(kommun=kommun, n=n) if kommun else
         tr("Not allowed to write the region's rows without a kommun: {n} records not "
            "written (kept in rejected with the reason).").format(n=n))
        for kommun, n in sorted(refused.items()))


@dataclass
class SyncState:
    """Bookkeeping per source, written in the same transaction as the records it covers."""

    source_key: str
    cursor: dict[str, Any] = field(default_factory=dict)
    last_success: str | None = None
    last_request: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    #: Bookkeeping of the whole region rather than of one kommun's source (the police
    #: feed's call log): in a shared store every kommun's analyst keeps it.
    shared: bool = False


@dataclass(frozen=True)
class LayerSource:
    """How QGIS opens one of the store's tables."""

    uri: str
    provider: str  # "ogr" or "postgres"


class Store(abc.ABC):
    """One municipality's (or region's) incidents, areas, surveys and sync bookkeeping."""

    #: The schema version this code writes and reads.
    SCHEMA_VERSION: int
    #: The kommun a shared store is scoped to (every read filtered, writes stamped); None
    #: for a whole store.
    kommun_scope: str | None = None

    @property
    @abc.abstractmethod
    def uri(self) -> str: ...

    @abc.abstractmethod
    def schema_version(self) -> int: ...

    @abc.abstractmethod
    def write_batch(self, incidents: Iterable[Incident], rejected: Iterable[Rejected] = (),
                    sync: SyncState | None = None) -> WriteCounts:
        """Upsert incidents by uid, keep rejected records and save ``sync``, all in one
        transaction: either all of it is stored or none of it.

        ``sync.counts`` holds the run's totals before this batch; this batch's counts are
        added to them before they are saved."""

    def upsert_incidents(self, incidents: Iterable[Incident], *,
                         batch_size: int = 20000) -> WriteCounts:
        """Upsert any number of incidents, one transaction per batch."""
        total = WriteCounts()
        batch: list[Incident] = []
        for incident in incidents:
            batch.append(incident)
            if len(batch) >= batch_size:
                total += self.write_batch(batch)
                batch = []
        if batch:
            total += self.write_batch(batch)
        return total

    @abc.abstractmethod
    def sync_state(self, source_key: str) -> SyncState | None: ...

    @abc.abstractmethod
    def sync_states(self) -> list[SyncState]:
        """Every source's bookkeeping (for "data sources and the last sync" in print)."""

    @abc.abstractmethod
    def count(self, table: str, where: str | None = None, params: tuple = ()) -> int: ...

    @abc.abstractmethod
    def incident_frame(self, where: str | None = None, params: tuple = (),
                       columns: Sequence[str] = FRAME_COLUMNS) -> IncidentFrame:
        """Incidents as numpy columns, for analysis over up to millions of rows."""

    @abc.abstractmethod
    def iter_incidents(self, where: str | None = None, params: tuple = ()) -> Iterator[Incident]:
        ...

    @abc.abstractmethod
    def rejected(self, source: str | None = None) -> list[Rejected]: ...

    @abc.abstractmethod
    def layer_source(self, table: str) -> LayerSource: ...

    # -- areas, surveys, police counts per area (schema 3) -----------------------------------
    @abc.abstractmethod
    def upsert_areas(self, areas: Iterable[Area], rejected: Iterable[Rejected] = ()
                     ) -> WriteCounts:
        """Upsert areas by code and keep the rejected ones, in one transaction."""

    @abc.abstractmethod
    def areas(self, kind: str | None = None, kommunkod: str | None = None) -> list[Area]:
        """The stored areas, optionally of one kind and one kommun, ordered by code."""

    @abc.abstractmethod
    def upsert_survey_results(self, results: Iterable[SurveyResult],
                              rejected: Iterable[Rejected] = ()) -> WriteCounts:
        """Upsert results by (survey, area, question); a result taken now leaves the
        rejected list."""

    @abc.abstractmethod
    def survey_results(self, survey: str | None = None) -> list[SurveyResult]: ...

    @abc.abstractmethod
    def upsert_survey_places(self, places: Iterable[SurveyPlace],
                             rejected: Iterable[Rejected] = ()) -> WriteCounts: ...

    @abc.abstractmethod
    def incident_counts_by_area(self, kind: str, where: str | None = None,
                                params: tuple = ()) -> dict[str, int]:
        """How many incidents (optionally filtered) lie inside each area of ``kind``."""

    @abc.abstractmethod
    def refresh_police_area_counts(self) -> int:
        """Recount police events per area: events placed on an area count there; events
        only known to the kommun count on the kommun's own polygon. Returns areas counted."""

    @abc.abstractmethod
    def save_survey_comparison(self, survey: str, rows: Iterable[AreaComparison],
                               window_start: str | None, window_end: str | None) -> int:
        """Replace the perceived-against-reported rows of one survey."""

    # -- measures (GeoPackage schema 6, PostGIS schema 7) ---------------------------------------
    @abc.abstractmethod
    def upsert_measures(self, measures: Iterable[Measure], rejected: Iterable[Rejected] = ()
                        ) -> WriteCounts:
        """Upsert measures by uid (their evaluation is left as it is) and keep the rejected
        ones, in one transaction."""

    @abc.abstractmethod
    def measures(self, uids: Sequence[str] | None = None, status: str | None = None
                 ) -> list[Measure]:
        """The stored measures (optionally these uids, or of one status), oldest first."""

    @abc.abstractmethod
    def save_measure_evaluation(self, uid: str, verdict: str | None, effect: float | None,
                                effect_low: float | None, effect_high: float | None,
                                wdq: float | None) -> None:
        """Keep the latest evaluation on the measure."""

    @abc.abstractmethod
    def delete_measure(self, uid: str) -> bool:
        """Delete one measure; False when no measure has that uid."""

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def read_wkb(wkb: bytes | None):
    """``wkb`` as an OGR geometry; None when it is missing, unreadable or empty (whether or not
    ogr.UseExceptions() was called: OGR then raises instead of returning None)."""
    if not wkb:
        return None
    from osgeo import ogr

    try:
        geom = ogr.CreateGeometryFromWkb(bytes(wkb))
    except RuntimeError:
        return None
    return None if geom is None or geom.IsEmpty() else geom


def is_postgres_uri(text: str) -> bool:
    t = text.strip()
    return t.startswith(("postgresql://", "postgres://", "service=", "dbname=", "host=", "pg:"))
