"""Sync reports from a collection service into the store, page by page, resumable.

Each page is written in one transaction together with the sync cursor (the next page's URL,
or for Open311 and files the position reached). A sync stopped anywhere (cancel, killed
process, dropped connection) resumes from the saved cursor; a page written twice changes
nothing, because writes are upserts keyed on uid.

A run is one *pass* over the source, either

- **full**: everything the source has. The first sync, every ``full_every_days`` after that,
  and every sync of a server that ignores ``datetime``. A full pass that ran from start to
  end in one go also finds deletions: a report the store has from this source but the source
  no longer lists is kept with status ``deleted`` (never dropped).
- **incremental**: what changed since the last pass, less an overlap window
  (``overlap_days``) so late reports and edits with a lagging clock are still caught. The
  lower bound is the older of the last pass's start (our clock) and the newest
  ``updated_at`` seen (the source's clock).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone, tzinfo
from typing import TypeVar

import numpy as np
import requests

from ..constants import REPORTS_SOURCE
from ..domain import clock
from ..domain.incident import Incident, Rejected, Status, from_utc_text, to_utc_text
from ..domain.taxonomy import Taxonomy
from ..domain.timeutil import local
from ..i18n import translator
from ..paths import taxonomy_file
from ..store.base import Store, SyncState, WriteCounts, add_refused, refused_text
from .crs import lonlat_to_sweref
from .http import RequestCancelledError, make_session
from .measure_records import split_measures
from .oapif import OapifClient, PagingError, feature_lonlat
from .records import (
    DuplicateIds,
    FieldMapping,
    RecordParser,
    counts_text,
    early_note,
    raw_text,
    write_records,
)

tr = translator("Sources")
FULL, INCREMENTAL = "full", "incremental"

#: feedback(pages_done, records_done, number_matched) -> False to stop after this page.
Feedback = Callable[[int, int, "int | None"], bool]

_ACTIVE = "source = ? AND (status IS NULL OR status <> 'deleted')"
# Records whose every time lies this far before the asked interval prove the server
# ignored ``datetime`` (a day of slack for servers that compare times as text).
_IGNORED_SLACK = timedelta(days=1)
_DELETE_BATCH = 5000
_RECHECK_DATETIME = timedelta(days=30)

T = TypeVar("T")


@dataclass
class SyncPolicy:
    """How a connection decides between full and incremental passes."""

    overlap_days: float = 14.0
    full_every_days: float = 7.0
    force_full: bool = False
    detect_deletions: bool = True
    #: time.monotonic() after which the pass stops after the page in hand (None: no limit);
    #: it is resumable, so the next sync continues there.
    deadline: float | None = None


@dataclass
class SyncResult:
    source_key: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    deleted: int = 0
    pages: int = 0
    records: int = 0
    complete: bool = False
    resumed: bool = False
    mode: str = FULL
    since: str | None = None
    datetime_ignored: bool = False
    notes: list[str] = field(default_factory=list)
    unknown_categories: Counter = field(default_factory=Counter)
    refused: dict[str, int] = field(default_factory=dict)  # see WriteCounts.refused
    #: Records of measure categories, written to the measures table (their rejected ones
    #: are among ``rejected``).
    measures: WriteCounts = field(default_factory=WriteCounts)

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged

    def add(self, counts: WriteCounts) -> None:
        self.new += counts.new
        self.updated += counts.updated
        self.unchanged += counts.unchanged
        self.rejected += counts.rejected
        add_refused(self.refused, counts.refused)

    def counts(self) -> dict[str, int]:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "rejected": self.rejected, "deleted": self.deleted}

    def summary(self) -> str:
        state = tr("complete") if self.complete else tr("stopped, resumes next time")
        kind = tr("full") if self.mode == FULL else tr("incremental")
        text = tr("Sync {state} ({kind}): {new} new, {updated} updated, {unchanged} unchanged, "
                  "{rejected} rejected, {deleted} deleted at the source ({pages} pages).").format(
            state=state, kind=kind, new=self.new, updated=self.updated,
            unchanged=self.unchanged, rejected=self.rejected, deleted=self.deleted,
            pages=self.pages)
        if self.unknown_categories:
            words = counts_text(self.unknown_categories)
            text += " " + tr("Unknown categories went to Other: {words}.").format(words=words)
        m = self.measures
        if m.total or m.rejected:
            text += " " + tr("Measures: {new} new, {updated} updated, {unchanged} unchanged, "
                             "{rejected} rejected (among the rejected above).").format(
                new=m.new, updated=m.updated, unchanged=m.unchanged, rejected=m.rejected)
        if self.refused:
            text += " " + refused_text(self.refused)
        for note in self.notes:
            text += " " + note
        return text


def oapif_source_key(url: str, collection: str) -> str:
    return f"oapif:{url.rstrip('/')}#{collection}"


def now_utc() -> datetime:
    return clock.now()


def _now() -> str:
    return to_utc_text(now_utc())


class PassRunner:
    """One pass of one source: decides full or incremental, writes each page with the
    cursor in one transaction, counts, and finds deletions at the end of a full pass."""

    def __init__(self, store: Store, key: str, source: str, policy: SyncPolicy | None,
                 feedback: Feedback | None, taxonomy: Taxonomy | None = None):
        self.store = store
        #: Which categories are measures (records of those go to the measures table).
        self.taxonomy = taxonomy or Taxonomy.load(taxonomy_file())
        self.key = key
        self.source = source
        self.policy = policy or SyncPolicy()
        self.feedback = feedback
        previous = store.sync_state(key)
        self.cursor: dict = dict(previous.cursor) if previous else {}
        self.last_success = previous.last_success if previous else None
        self.result = SyncResult(key)
        #: Deletions are looked for only among reports reported from here on (None: all).
        self.scope_from: datetime | None = None
        self._present: list[np.ndarray] = []  # hashes of source ids the source still has
        self._active: list[np.ndarray] = []  # ... of those now stored as not deleted

    # -- planning ---------------------------------------------------------------------------
    def start(self, unfinished: bool) -> tuple[str, datetime | None]:
        """The pass to run: continue the unfinished one, or plan a new one."""
        if unfinished:
            self.result.resumed = True
            mode = self.cursor.get("pass_mode") or FULL
            since = from_utc_text(self.cursor.get("since"))
        else:
            mode, since = self._plan()
            self.cursor["run_started"] = _now()
        self.result.mode = mode
        self.result.since = to_utc_text(since)
        self.cursor["pass_mode"], self.cursor["since"] = mode, to_utc_text(since)
        self.cursor.setdefault("run_started", _now())
        return mode, since

    def _plan(self) -> tuple[str, datetime | None]:
        last_complete = from_utc_text(self.cursor.get("last_complete"))
        last_full = from_utc_text(self.cursor.get("last_full"))
        now = now_utc()
        if (self.policy.force_full or last_complete is None or last_full is None
                or now - last_full >= timedelta(days=self.policy.full_every_days)):
            return FULL, None
        since = last_complete
        high_water = from_utc_text(self.cursor.get("max_updated_at"))
        if high_water is not None and high_water < since:
            since = high_water
        return INCREMENTAL, since - timedelta(days=self.policy.overlap_days)

    def switch_to_full_next_time(self) -> None:
        """The server ignores the incremental filter: later passes ask for everything (and
        try the filter again after a month, in case the server learnt it)."""
        self.cursor["datetime_support"] = "no"
        self.cursor["datetime_checked"] = _now()

    # -- writing ----------------------------------------------------------------------------
    def write(self, incidents: list[Incident], rejected: list[Rejected], position: dict, *,
              done: bool, request: str | None = None, fetched: int = 0,
              matched: int | None = None) -> bool:
        """Write one page with the cursor that says it is in; False when asked to stop."""
        result = self.result
        incidents = self._write_measures(incidents)
        self.cursor.update(position)
        self.cursor["max_updated_at"] = _max_updated(incidents, self.cursor.get("max_updated_at"))
        if done:
            started = self.cursor.get("run_started")
            self.cursor["last_complete"] = started
            if self.cursor.get("pass_mode") == FULL:
                self.cursor["last_full"] = started
            self.last_success = _now()
        sync = SyncState(self.key, dict(self.cursor), self.last_success, request,
                         counts={"new": result.new, "updated": result.updated,
                                 "unchanged": result.unchanged, "rejected": result.rejected})
        # One transaction: the page's records and the cursor that says they are in.
        result.add(write_records(self.store, incidents, rejected, sync))
        result.pages += 1
        result.records += fetched
        if self.policy.detect_deletions:  # else the ids seen are not needed (8 bytes each)
            self._remember(incidents, rejected)
        if done:
            result.complete = True
        if self.feedback is not None and not self.feedback(result.pages, result.records,
                                                            matched):
            return False
        deadline = self.policy.deadline
        if not done and deadline is not None and time.monotonic() > deadline:
            result.notes.append(tr("The sync reached its time limit and stopped; the next sync "
                                   "continues where it stopped."))
            return False
        return True

    def _write_measures(self, records: list[Incident]) -> list[Incident]:
        """Write the page's measure records to the measures table (the rejected ones kept
        with the reason) and return the incidents. Before the page's own transaction: a
        sync stopped between the two writes the page again, and its measures come out
        unchanged."""
        split = split_measures(records, self.taxonomy)
        if split.measures or split.rejected:
            counts = self.store.upsert_measures(split.measures, split.rejected)
            self.result.measures += counts
            self.result.rejected += counts.rejected
            add_refused(self.result.refused, counts.refused)
        return split.incidents

    def forget_position(self, position: dict) -> None:
        """Save the cursor without the position (a broken paging must not be resumed)."""
        self.cursor.update(position)
        self.store.write_batch([], [], SyncState(self.key, dict(self.cursor), self.last_success,
                                                 None))

    def _remember(self, incidents: list[Incident], rejected: list[Rejected]) -> None:
        ids = [i.source_id for i in incidents] + [r.source_id for r in rejected if r.source_id]
        self._present.append(_hashes(ids))
        self._active.append(_hashes([i.source_id for i in incidents
                                     if i.status != Status.DELETED.value]))

    # -- the end of a pass ------------------------------------------------------------------
    def finish(self, parser: RecordParser | None = None) -> SyncResult:
        result = self.result
        if parser is not None:
            result.unknown_categories = parser.unknown_categories
            note = early_note(parser)
            if note:
                result.notes.append(note)
        if (result.complete and result.mode == FULL and not result.resumed
                and self.policy.detect_deletions):
            result.deleted = self._mark_missing_deleted()
        elif result.complete and result.mode == FULL and result.resumed:
            result.notes.append(tr(
                "Deleted reports are looked for at the next full sync (this one continued a "
                "stopped one)."))
        return result

    def _mark_missing_deleted(self) -> int:
        """Reports this source had but no longer lists become status 'deleted'."""
        where, params = _ACTIVE, (self.source,)
        if self.scope_from is not None:
            where, params = where + " AND reported_at >= ?", (*params,
                                                              to_utc_text(self.scope_from))
        active = np.unique(np.concatenate(self._active)) if self._active else np.empty(0)
        stored = self.store.count("incidents", where, params)
        if stored <= len(active):
            return 0  # every stored report of the source was in this pass
        present = np.unique(np.concatenate(self._present))
        missing: list[Incident] = []
        for incident in self.store.iter_incidents(where, params):
            h = _hashes([incident.source_id])[0]
            at = int(np.searchsorted(present, h))
            if at >= len(present) or present[at] != h:
                missing.append(incident)
        if not missing:
            return 0
        if len(missing) > max(20, stored // 2):
            self.result.notes.append(tr(
                "{missing} of {stored} reports are no longer in the source; they are not marked "
                "deleted, because it looks like a fault in the connection (wrong collection or "
                "id field?).").format(missing=len(missing), stored=stored))
            return 0
        marked = 0
        result = self.result
        for lo in range(0, len(missing), _DELETE_BATCH):
            batch = [replace(i, status=Status.DELETED.value)
                     for i in missing[lo:lo + _DELETE_BATCH]]
            # The store adds the batch's changed rows to "updated"; they are deletions.
            sync = SyncState(self.key, dict(self.cursor), self.last_success, None,
                             counts={"new": result.new, "updated": result.updated - len(batch),
                                     "unchanged": result.unchanged,
                                     "rejected": result.rejected,
                                     "deleted": marked + len(batch)})
            marked += self.store.write_batch(batch, sync=sync).updated
        return marked


def _hashes(ids: Iterable[str]) -> np.ndarray:
    # 64-bit hashes keep memory flat (8 bytes a report); a collision can only keep a
    # report from being marked deleted, never mark one wrongly.
    return np.array([hash(i) for i in ids], dtype=np.int64)


def prefetched(pages: Iterator[T]) -> Iterator[T]:
    """Fetch the next page in a worker thread while the caller parses and writes this one."""
    done = object()
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="trygghet-fetch") as pool:
            future = pool.submit(next, pages, done)
            while True:
                page = future.result()
                if page is done:
                    return
                future = pool.submit(next, pages, done)
                yield page
    finally:
        # The pool has waited for the fetch in flight, so the pages can be closed now.
        close = getattr(pages, "close", None)
        if close is not None:
            close()


@contextmanager
def page_stream(pages: Iterator[T]) -> Iterator[Iterator[T]]:
    """The pages, prefetched. A cancel that cut a request in flight ends them like a
    cancel between pages: what was written stays, and the next sync goes on from there."""
    try:
        with closing(prefetched(pages)) as stream:
            yield stream
    except RequestCancelledError:
        pass


def sync_oapif(store: Store, url: str, collection: str, *,
               session: requests.Session | None = None, mapping: FieldMapping | None = None,
               taxonomy: Taxonomy | None = None, kommunkod: str | None = None, boundary=None,
               limit: int = 10000, allow_http: bool = False, source: str = REPORTS_SOURCE,
               policy: SyncPolicy | None = None, naive_tz: tzinfo = timezone.utc,
               feedback: Feedback | None = None) -> SyncResult:
    client = OapifClient(url, session or make_session(), allow_http=allow_http)
    key = oapif_source_key(client.base, collection)
    parser = RecordParser(source, taxonomy or Taxonomy.load(taxonomy_file()),
                          mapping or FieldMapping(), kommunkod, boundary, naive_tz)
    run = PassRunner(store, key, source, policy, feedback, parser.taxonomy)
    resume_url = run.cursor.get("resume_url")
    checked = from_utc_text(run.cursor.get("datetime_checked"))
    if (not resume_url and run.cursor.get("datetime_support") == "no" and checked is not None
            and now_utc() - checked < _RECHECK_DATETIME):
        run.policy = replace(run.policy, force_full=True)  # it would send everything anyway
    mode, since = run.start(bool(resume_url))
    interval = f"{to_utc_text(since)}/.." if mode == INCREMENTAL and since else None
    watch_filter = interval is not None and not resume_url
    pages = client.pages(collection, limit=limit, datetime_filter=interval, start_url=resume_url)
    try:
        _write_pages(run, pages, parser, since if watch_filter else None)
    except PagingError:
        run.forget_position({"resume_url": None})
        raise
    if run.result.complete and run.result.records == 0 and not resume_url:
        run.result.notes.append(nothing_found(since if interval else None, None))
    return run.finish(parser)


def nothing_found(start: datetime | None, end: datetime | None) -> str:
    """What a sync that found nothing asked for, so the user can tell an empty source from
    a window that missed."""
    def day(value: datetime | None) -> str:
        return local(value).strftime("%Y-%m-%d %H:%M") if value else "…"

    if start is None and end is None:
        return tr("The source had no reports at all (asked for everything).")
    return tr("The source had no reports from {start} to {end} (Swedish time).").format(
        start=day(start), end=day(end))


def _write_pages(run: PassRunner, pages: Iterator, parser: RecordParser,
                 since: datetime | None) -> None:
    watch_filter = since is not None
    with page_stream(pages) as stream:
        for page in stream:
            incidents, rejected = parse_features(page.features, parser)
            if watch_filter and _any_before(incidents, since - _IGNORED_SLACK):
                watch_filter = False
                run.result.datetime_ignored = True
                run.switch_to_full_next_time()
                run.result.notes.append(tr(
                    "The server ignores the datetime filter and sends everything; the next sync "
                    "asks for everything at once (fully correct, but not faster)."))
            if page.out_of_range:
                run.result.notes.append(tr("Nothing new in the source (outside the "
                                           "collection's time extent)."))
            if not run.write(incidents, rejected, {"resume_url": page.next_url},
                             done=page.next_url is None, request=page.url,
                             fetched=len(page.features), matched=page.number_matched):
                break


def parse_features(features: list, parser: RecordParser
                   ) -> tuple[list[Incident], list[Rejected]]:
    """GeoJSON point features in lon/lat (CRS84) to incidents in SWEREF 99 TM."""
    lonlats = [feature_lonlat(f) if isinstance(f, dict) else None for f in features]
    points = iter(lonlat_to_sweref([p for p in lonlats if p is not None]))
    incidents: list[Incident] = []
    rejected: list[Rejected] = []
    ids = DuplicateIds()
    for feature, lonlat in zip(features, lonlats):
        x, y = next(points) if lonlat is not None else (None, None)
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            if not isinstance(feature, dict) or props is not None:
                rejected.append(Rejected(parser.source, raw_text(feature),
                                         tr("not a GeoJSON feature")))
                continue
            props = {}
        props = dict(props)
        if props.get(parser.mapping.id) in (None, "") and feature.get("id") is not None:
            props[parser.mapping.id] = feature["id"]
        record = ids.check(parser.parse(props, x, y, feature), feature)
        (incidents if isinstance(record, Incident) else rejected).append(record)
    return incidents, rejected


def _any_before(incidents: list[Incident], limit: datetime) -> bool:
    for incident in incidents:
        times = [t for t in (incident.occurred_at, incident.reported_at, incident.updated_at)
                 if t is not None]
        if times and max(times) < limit:
            return True
    return False


def _max_updated(incidents: list[Incident], current: str | None) -> str | None:
    times = [i.updated_at or i.reported_at for i in incidents]
    times = [t for t in times if t is not None]
    if not times:
        return current
    best = to_utc_text(max(times))
    if current is None:
        return best
    return best if from_utc_text(best) > from_utc_text(current) else current

