"""Sync reports from a collection service into the store, page by page, resumable.

Each page is written in one transaction together with the sync cursor (the next page's URL).
A sync stopped anywhere (cancel, killed process, dropped connection) resumes from the saved
cursor; a page written twice changes nothing, because writes are upserts keyed on uid.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

import requests

from ..domain.incident import Incident, Rejected, to_utc_text
from ..domain.taxonomy import Taxonomy
from ..paths import taxonomy_file
from ..store.base import Store, SyncState, WriteCounts
from .crs import lonlat_to_sweref
from .http import make_session
from .oapif import OapifClient, feature_lonlat
from .records import FieldMapping, RecordParser

REPORTS_SOURCE = "reports"

#: feedback(pages_done, records_done, number_matched) -> False to stop after this page.
Feedback = Callable[[int, int, "int | None"], bool]


@dataclass
class SyncResult:
    source_key: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    pages: int = 0
    complete: bool = False
    resumed: bool = False
    unknown_categories: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged

    def add(self, counts: WriteCounts) -> None:
        self.new += counts.new
        self.updated += counts.updated
        self.unchanged += counts.unchanged
        self.rejected += counts.rejected

    def summary(self) -> str:
        state = "klar" if self.complete else "avbruten, fortsätter nästa gång"
        text = (f"Synk {state}: {self.new} nya, {self.updated} ändrade, {self.unchanged} "
                f"oförändrade, {self.rejected} avvisade ({self.pages} sidor).")
        if self.unknown_categories:
            words = ", ".join(f"{w} ({n})" for w, n in self.unknown_categories.most_common(10))
            text += f" Okända kategorier lades som Övrigt: {words}."
        return text


def oapif_source_key(url: str, collection: str) -> str:
    return f"oapif:{url.rstrip('/')}#{collection}"


def sync_oapif(store: Store, url: str, collection: str, *,
               session: requests.Session | None = None, mapping: FieldMapping | None = None,
               taxonomy: Taxonomy | None = None, kommunkod: str | None = None, boundary=None,
               limit: int = 10000, allow_http: bool = False,
               feedback: Feedback | None = None) -> SyncResult:
    client = OapifClient(url, session or make_session(), allow_http=allow_http)
    key = oapif_source_key(client.base, collection)
    parser = RecordParser(REPORTS_SOURCE, taxonomy or Taxonomy.load(taxonomy_file()),
                          mapping or FieldMapping(), kommunkod, boundary)
    previous = store.sync_state(key)
    cursor = dict(previous.cursor) if previous else {}
    resume_url = cursor.get("resume_url")
    result = SyncResult(key, resumed=bool(resume_url))
    run_started = cursor.get("run_started") if resume_url else _now()
    records = 0
    for page in client.pages(collection, limit=limit, start_url=resume_url):
        incidents, rejected = _parse_page(page.features, parser)
        records += len(page.features)
        result.pages += 1
        cursor = {"resume_url": page.next_url, "run_started": run_started,
                  "max_updated_at": _max_updated(incidents, cursor.get("max_updated_at"))}
        done = page.next_url is None
        sync = SyncState(key, cursor, last_success=_now() if done else
                         (previous.last_success if previous else None),
                         last_request=page.url,
                         counts={"new": result.new, "updated": result.updated,
                                 "unchanged": result.unchanged, "rejected": result.rejected})
        # One transaction: the page's records and the cursor that says they are in.
        result.add(store.write_batch(incidents, rejected, sync))
        if done:
            result.complete = True
        if feedback is not None and not feedback(result.pages, records, page.number_matched):
            break
    result.unknown_categories = parser.unknown_categories
    return result


def _parse_page(features: list[dict], parser: RecordParser
                ) -> tuple[list[Incident], list[Rejected]]:
    lonlats = [feature_lonlat(f) if isinstance(f, dict) else None for f in features]
    points = iter(lonlat_to_sweref([p for p in lonlats if p is not None]))
    incidents: list[Incident] = []
    rejected: list[Rejected] = []
    for feature, lonlat in zip(features, lonlats):
        if not isinstance(feature, dict):
            rejected.append(Rejected(REPORTS_SOURCE, repr(feature), "inte ett GeoJSON-objekt / "
                                     "not a GeoJSON feature"))
            continue
        props = dict(feature.get("properties") or {})
        if props.get(parser.mapping.id) in (None, "") and feature.get("id") is not None:
            props[parser.mapping.id] = feature["id"]
        x, y = next(points) if lonlat is not None else (None, None)
        record = parser.parse(props, x, y, feature)
        (incidents if isinstance(record, Incident) else rejected).append(record)
    return incidents, rejected


def _max_updated(incidents: list[Incident], current: str | None) -> str | None:
    times = [i.updated_at for i in incidents if i.updated_at is not None]
    if not times:
        return current
    best = to_utc_text(max(times))
    return best if current is None or best > current else current


def _now() -> str:
    return to_utc_text(datetime.now(timezone.utc))
