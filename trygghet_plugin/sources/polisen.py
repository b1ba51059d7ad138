"""The Swedish Police Authority's public events feed (polisen.se/api/events).

Read from saved responses and archives (a JSON list, JSON Lines, optionally gzipped) or
polled live. The feed only serves the latest 500 events, so a history is built by polling
now and then: events are upserted by ``police:<id>`` and a cursor per kommun remembers the
newest id seen, so a poll that comes too late to close the gap says so.

The feed's quirks, and what is done with each:

- ``datetime`` ("2025-06-07 7:32:06 +02:00", hour not padded) is when the notice was
  published: it becomes ``reported_at``. The event's own time is in ``name``
  ("18 februari 14:40, ..." or "2 juli 20.50, ...", no year): it becomes ``occurred_at``,
  the year taken from the publication (December events published in January go back a year).
- ``location.gps`` ("lat,lon") is the centre of the kommun or län, never the event's place.
  Events are stored at the kommun centre with ``location_precision='kommun'`` (or at an area
  with ``'area'``, see below) and are never drawn as exact points; the map shows them as
  counts per kommun or area (``layers/police.py``).
- ``location.name`` is a kommun, or (from about February 2026, often) only the län; the
  kommun is then taken from the end of ``name`` ("..., Misshandel, Nässjö"), or, when the
  title names none, from the summary when it names exactly one kommun of that län. Names
  are matched without regard to case or '-' ("Upplands väsby", "Dals-ed").
- Summaries ("Sammanfattning natt", ...) and notices ("Information", "Uppdatering") are no
  events: they are kept in ``rejected`` with the reason and counted. "Övrigt" is kept as an
  incident in the category Övrigt: under that type the police publish real events (found
  weapons, calls for witnesses) that belong in the picture.
- ``summary`` sometimes names a district ("Brand i villa i Bodafors"): when it names,
  after "i", "vid" or "på" or after a comma, exactly one area of the kommun stored by
  ``trygghet:importareas`` (a RegSO or district name that is unique in the kommun), the
  event is placed on that area (``'area'``, point on the area's surface). Street names are
  not used to place events: without a street register with geometry a street name cannot be
  placed reliably (several towns of one kommun have a Storgatan); the street stays in the
  description.
- ``url`` is relative in recent data: the description keeps it as an absolute URL.
- HTTPS, a User-Agent naming the plugin, at least 10 s between calls and at most 60 an hour,
  counted across runs in the store's ``sync_state``; a 429 answer is reported, not retried.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

import requests

from ..constants import POLICE_SOURCE
from ..domain import clock
from ..domain.area import Area
from ..domain.incident import Incident, LocationPrecision, Rejected, Status, to_utc_text
from ..domain.taxonomy import Taxonomy
from ..domain.timeutil import STOCKHOLM, parse_time, summer_time_utc
from ..i18n import translator
from ..paths import taxonomy_file
from ..store.base import Store, SyncState, WriteCounts, add_refused, refused_text
from .crs import lonlat_to_sweref
from .http import SourceError, check_url, get_json, make_session
from .kommuner import Kommun, Registry, name_key, registry
from .police_types import NotAnEvent, PoliceTypeMap
from .records import (
    clean_text,
    cleaned,
    counts_text,
    raw_text,
    unstorable,
    write_records,
)

tr = translator("Sources")

SOURCE = POLICE_SOURCE
FEED_URL = "https://polisen.se/api/events"
SITE = "https://polisen.se"
#: Events whose place the feed gives only as a län (stored only when no KOMMUN is asked for).
LAN_PRECISION = "lan"
MIN_INTERVAL_S = 10.0
MAX_CALLS_PER_HOUR = 60
RATE_KEY = "polisen:anrop"
FEED_PAGE = 500  # the feed never serves more than the latest 500 events

MONTHS = {m: i for i, m in enumerate(
    ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
     "oktober", "november", "december"), start=1)}
_TITLE_TIME = re.compile(r"^\s*(\d{1,2})\s+([a-zåäö]+)\s+(\d{1,2})[:.](\d{2})\b", re.IGNORECASE)
_PLACE_WORDS = r"(?:(?<![^\W\d_])(?:i|vid|på)\s+|,\s*)"


@dataclass
class ImportResult:
    """What one import or poll did; ``summary()`` is the message the user sees."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    summaries: int = 0  # of the rejected: summaries and notices
    outside: int = 0  # events of other kommuner (not asked for, not stored)
    read: int = 0
    precision: Counter = field(default_factory=Counter)
    unknown_types: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    refused: dict[str, int] = field(default_factory=dict)  # see WriteCounts.refused

    def add(self, counts: WriteCounts) -> None:
        self.new += counts.new
        self.updated += counts.updated
        self.unchanged += counts.unchanged
        self.rejected += counts.rejected
        add_refused(self.refused, counts.refused)

    @property
    def taken(self) -> int:
        return self.new + self.updated + self.unchanged

    def summary(self) -> str:
        where = ", ".join(f"{precision_label(k)} {n}" for k, n in
                          sorted(self.precision.items()))
        text = tr("Police events: {read} read, {new} new, {updated} updated, {unchanged} "
                  "unchanged, {rejected} rejected (of which {summaries} summaries/notices), "
                  "{outside} in other kommuner. Location: {where}.").format(
            read=self.read, new=self.new, updated=self.updated, unchanged=self.unchanged,
            rejected=self.rejected, summaries=self.summaries, outside=self.outside,
            where=where or "–")
        if self.unknown_types:
            words = counts_text(self.unknown_types)
            text += " " + tr("Unknown types were added as Other: {types}.").format(types=words)
        if self.refused:
            text += " " + refused_text(self.refused)
        for warning in self.warnings:
            text += " " + warning
        return text


def precision_label(precision: str) -> str:
    """A location precision as the user reads it."""
    labels = {"kommun": tr("kommun"), "area": tr("area"), "street": tr("street"),
              "lan": tr("län"), "exact": tr("exact")}
    return labels.get(precision, precision)


# -- reading files ---------------------------------------------------------------------------
def read_events(path: Path | str) -> list[Any]:
    """Events from a saved API response or an archive: a JSON list (or an object holding
    one under "events"), or JSON Lines; ``.gz`` compressed or not."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(tr("The file does not exist: {path}").format(path=path))
    try:
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
    except (OSError, EOFError) as exc:
        raise SourceError(tr("Cannot read {file}: {error}").format(
            file=path.name, error=exc)) from exc
    text = data.decode("utf-8-sig", errors="replace").strip()
    if not text:
        raise SourceError(tr("{file} is empty.").format(file=path.name))
    try:
        doc = json.loads(text)
    except RecursionError as exc:
        raise SourceError(tr("{file} is nested too deeply to be read.").format(
            file=path.name)) from exc
    except ValueError:
        doc = None
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if lines and lines[0].lstrip().startswith("{"):
            events: list[Any] = []
            for n, line in enumerate(lines, start=1):
                try:
                    events.append(json.loads(line))
                except (ValueError, RecursionError):
                    events.append(_Broken(n, line))
            return events
        raise SourceError(tr("{file} is not JSON (neither a list nor JSON Lines).").format(
            file=path.name)) from None
    return _event_list(doc, path.name)


def _event_list(doc: Any, label: str) -> list[Any]:
    if isinstance(doc, dict) and isinstance(doc.get("events"), list):
        doc = doc["events"]
    if not isinstance(doc, list):
        raise SourceError(tr("{label} holds no list of police events "
                             "(polisen.se/api/events).").format(label=label))
    return doc


def looks_like_feed(path: Path) -> bool:
    """True for a file in the events feed's form (rather than a GeoJSON crime export)."""
    try:
        head = path.open("rb").read(4096)
        if head[:2] == b"\x1f\x8b":
            return True
    except OSError:
        return False
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \r\n\t")
    return not ('"FeatureCollection"' in text or '"features"' in text)


@dataclass(frozen=True)
class _Broken:
    """A line of a JSON Lines archive that is not JSON."""

    line: int
    text: str


# -- parsing ---------------------------------------------------------------------------------
class AreaMatcher:
    """Finds an area of one kommun named in a summary; see the module notes."""

    _PRIORITY = ("district", "regso", "deso")

    def __init__(self, areas: Iterable[Area], kommun_name: str):
        from osgeo import ogr

        by_kind: dict[str, dict[str, list[Area]]] = {}
        for area in areas:
            if area.kind not in self._PRIORITY or not area.name or area.name == area.code:
                continue
            by_kind.setdefault(area.kind, {}).setdefault(name_key(area.name), []).append(area)
        chosen: dict[str, Area] = {}
        for kind in self._PRIORITY:
            for key, hits in by_kind.get(kind, {}).items():
                if len(hits) == 1 and key not in chosen and key != name_key(kommun_name):
                    chosen[key] = hits[0]
        self.areas = chosen
        self.points: dict[str, tuple[float, float]] = {}
        for area in chosen.values():
            point = ogr.CreateGeometryFromWkb(area.wkb).PointOnSurface()
            self.points[area.code] = (point.GetX(), point.GetY())
        names = sorted(chosen, key=len, reverse=True)
        self._pattern = (re.compile(_PLACE_WORDS + "(" + "|".join(
            re.escape(n).replace(r"\ ", r"[\s-]+") for n in names) + r")(?![^\W\d_])",
            re.IGNORECASE) if names else None)

    def find(self, text: str | None) -> Area | None:
        if not text or self._pattern is None:
            return None
        found = {self.areas[name_key(m.group(1))].code: self.areas[name_key(m.group(1))]
                 for m in self._pattern.finditer(text) if name_key(m.group(1)) in self.areas}
        return next(iter(found.values())) if len(found) == 1 else None


class FeedParser:
    """Turns feed events into incidents or rejected records; ``kommun`` filters."""

    def __init__(self, taxonomy: Taxonomy, *, kommun: Kommun | None = None,
                 areas: Iterable[Area] = (), reg: Registry | None = None,
                 types: PoliceTypeMap | None = None):
        self.registry = reg or registry()
        self.types = types or PoliceTypeMap.load(taxonomy)
        self.kommun = kommun
        by_kommun: dict[str, list[Area]] = {}
        for area in areas:
            if area.kommunkod:
                by_kommun.setdefault(area.kommunkod, []).append(area)
        self._matchers = {code: AreaMatcher(items, self.registry.kommuner[code].name)
                          for code, items in by_kommun.items() if code in self.registry.kommuner}
        centres = [(k.lon, k.lat) for k in self.registry.kommuner.values()]
        lan_centres = [(item.lon, item.lat) for item in self.registry.lan.values()]
        points = lonlat_to_sweref(centres + lan_centres)
        self._kommun_xy = dict(zip(self.registry.kommuner, points[:len(centres)]))
        self._lan_xy = dict(zip(self.registry.lan, points[len(centres):]))
        self._summary_kommun: dict[str, re.Pattern] = {}
        self._location_cache: dict[str, tuple[Kommun | None, Any]] = {}

    def parse(self, event: Any, result: ImportResult) -> Incident | Rejected | None:
        """An incident, a rejected record, or None for an event of another kommun; whatever
        an event holds, it never raises."""
        try:
            record = self._parse(event, result)
            if isinstance(record, Incident):
                record = cleaned(record)
                why = unstorable(record)
                if why:
                    raise ValueError(why)
            return record
        except Exception as exc:  # one odd event is one rejection, never a lost import
            source_id = event.get("id") if isinstance(event, dict) else None
            return Rejected(SOURCE, raw_text(event), tr(
                "the record could not be read ({error})").format(
                error=clean_text(f"{type(exc).__name__}: {exc}")[:300]),
                None if source_id in (None, "") else clean_text(str(source_id)))

    def _parse(self, event: Any, result: ImportResult) -> Incident | Rejected | None:
        if isinstance(event, _Broken):
            return Rejected(SOURCE, raw_text(event.text[:2000]),
                            tr("line {line} is not JSON").format(line=event.line))
        if not isinstance(event, dict):
            return Rejected(SOURCE, raw_text(event)[:2000],
                            tr("not a police event (no JSON object)"))
        event_id = event.get("id")
        if isinstance(event_id, float) and event_id.is_integer():
            event_id = int(event_id)
        source_id = str(event_id).strip() if event_id is not None else ""

        def reject(reason: str) -> Rejected:
            return Rejected(SOURCE, raw_text(event),
                            reason, source_id or None)

        if not source_id:
            return reject(tr("no id"))
        title = str(event.get("name") or "")
        location = event.get("location") if isinstance(event.get("location"), dict) else {}
        place = str(location.get("name") or "").strip()
        kommun, lan = self._locate(place, title)
        kind = self.types.classify(str(event.get("type") or "").strip() or None, count=False)
        if kommun is None and lan is not None and not isinstance(kind, NotAnEvent):
            kommun = self._kommun_in_summary(lan, event.get("summary"))
        if kommun is None and lan is None:
            if self.kommun is not None:
                return None  # neither ours nor our län's: not asked for
            return reject(tr("unknown location '{place}'").format(place=place))
        if self.kommun is not None:
            if kommun is not None and kommun.code != self.kommun.code:
                return None
            if kommun is None and lan.code != self.kommun.lan_code:
                return None
        if not str(event.get("type") or "").strip():
            return reject(tr("no type"))
        if isinstance(kind, NotAnEvent):
            result.summaries += 1
            return reject(kind.reason)
        if kommun is None and self.kommun is not None:
            return reject(tr("only the län is given ({lan}); the kommun is not clear").format(
                lan=lan.name))
        try:
            published = parse_time(event.get("datetime"))
        except (ValueError, TypeError):
            return reject(tr("unreadable time {value}").format(
                value=repr(event.get("datetime"))))
        if published is None:
            return reject(tr("no time"))
        occurred = event_time(title, published)
        area = None
        if kommun is not None:
            matcher = self._matchers.get(kommun.code)
            area = matcher.find(event.get("summary")) if matcher else None
        if area is not None:
            x, y = matcher.points[area.code]
            precision = LocationPrecision.AREA.value
        elif kommun is not None:
            x, y = self._kommun_xy[kommun.code]
            precision = LocationPrecision.KOMMUN.value
        else:
            x, y = self._lan_xy[lan.code]
            precision = LAN_PRECISION
        result.precision[precision] += 1
        if not kind.known:
            self.types.unknown[str(event["type"]).strip()] += 1
        url = str(event.get("url") or "").strip()
        if url.startswith("/"):
            url = SITE + url
        description = "\n".join(p for p in (title, str(event.get("summary") or "").strip(), url)
                                if p)
        return Incident(
            source=SOURCE, source_id=source_id, category=kind.category,
            subcategory=kind.subcategory, x=x, y=y, occurred_at=occurred,
            reported_at=published, updated_at=published,
            # A published police notice needs no follow-up in the kommun's report workflow.
            status=Status.CLOSED.value, reporter_org="Polisen", description=description,
            location_precision=precision, kommunkod=kommun.code if kommun else None,
            area_code=area.code if area else None)

    def _locate(self, place: str, title: str):
        key = place + "\x00" + title.rsplit(",", 1)[-1]
        hit = self._location_cache.get(key)
        if hit is None:
            kommun = self.registry.kommun_by_name(place)
            lan = None
            if kommun is None:
                lan = self.registry.lan_by_name(place)
                tail = title.rsplit(",", 1)[-1] if "," in title else ""
                named = self.registry.kommun_by_name(tail)
                if lan is not None and named is not None and named.lan_code == lan.code:
                    kommun = named
                elif lan is None and named is not None:
                    kommun = named  # an unknown location name, but the title names a kommun
            if kommun is not None:
                lan = self.registry.lan.get(kommun.lan_code)
            hit = (kommun, lan)
            self._location_cache[key] = hit
        return hit

    def _kommun_in_summary(self, lan, summary: Any) -> Kommun | None:
        if not summary:
            return None
        pattern = self._summary_kommun.get(lan.code)
        if pattern is None:
            names = sorted((k.name for k in self.registry.kommuner_in(lan.code)), key=len,
                           reverse=True)
            pattern = re.compile(r"(?<![^\W\d_])(" + "|".join(map(re.escape, names))
                                 + r")(?![^\W\d_])", re.IGNORECASE)
            self._summary_kommun[lan.code] = pattern
        text = str(summary)
        # "polisområde Jönköping" is the police area (the whole län), not the kommun.
        found = {name_key(m.group(1)) for m in pattern.finditer(text)
                 if not text[max(0, m.start() - 14):m.start()].lower().rstrip()
                 .endswith("polisområde")}
        if len(found) != 1:
            return None
        return self.registry.kommun_by_name(found.pop())


def event_time(title: str, published: datetime) -> datetime:
    """The event's time from the title ("18 februari 14:40, ..."), in the year that puts it
    nearest the publication (a December event published in January is last year's); the
    publication time when the title has none."""
    m = _TITLE_TIME.match(title or "")
    month = MONTHS.get(m.group(2).lower()) if m else None
    if month is None:
        return published
    day, hour, minute = int(m.group(1)), int(m.group(3)), int(m.group(4))
    # The feed writes local (Stockholm) offsets, so its wall clock compares directly.
    wall = published.replace(tzinfo=None) if published.utcoffset() in _LOCAL_OFFSETS else \
        published.astimezone(STOCKHOLM).replace(tzinfo=None)
    best = None
    for year in (wall.year - 1, wall.year, wall.year + 1):
        try:
            candidate = datetime(year, month, day, hour, minute)
        except ValueError:  # 29 februari in another year, or a bad day
            continue
        if best is None or abs(candidate - wall) < abs(best - wall):
            best = candidate
    return stockholm_aware(best) if best is not None else published


_LOCAL_OFFSETS = (timedelta(hours=1), timedelta(hours=2))
_CET, _CEST = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))


@lru_cache(maxsize=64)
def _summer_wall_clock(year: int) -> tuple[datetime, datetime]:
    start, end = summer_time_utc(year)
    return (start.replace(tzinfo=None) + timedelta(hours=1),
            end.replace(tzinfo=None) + timedelta(hours=2))


def stockholm_aware(wall: datetime) -> datetime:
    """A Stockholm wall-clock time with its fixed offset (the repeated autumn hour taken as
    summer time, as ``timeutil`` does); fixed offsets keep bulk imports fast."""
    start, end = _summer_wall_clock(wall.year)
    return wall.replace(tzinfo=_CEST if start <= wall < end else _CET)


# -- importing -------------------------------------------------------------------------------
def import_events(store: Store, events: Iterable[Any], *, kommun: Kommun | None = None,
                  taxonomy: Taxonomy | None = None, sync: SyncState | None = None,
                  batch_size: int = 20000, result: ImportResult | None = None,
                  progress: Callable[[int], bool] | None = None) -> ImportResult:
    """Parse and store feed events, in batches; ``sync`` is saved with the last batch."""
    parser = FeedParser(taxonomy or Taxonomy.load(taxonomy_file()), kommun=kommun,
                        areas=store.areas(kommunkod=kommun.code if kommun else None))
    result = result or ImportResult()
    incidents: list[Incident] = []
    rejected: list[Rejected] = []
    for event in events:
        result.read += 1
        record = parser.parse(event, result)
        if record is None:
            result.outside += 1
        elif isinstance(record, Incident):
            incidents.append(record)
        else:
            rejected.append(record)
            result.reasons[record.reason] += 1
        if len(incidents) + len(rejected) >= batch_size:
            result.add(write_records(store, incidents, rejected))
            incidents, rejected = [], []
            if progress is not None and not progress(result.read):
                break
    result.add(write_records(store, incidents, rejected, sync))
    result.unknown_types = parser.types.unknown
    store.refresh_police_area_counts()
    return result


def import_file(store: Store, path: Path | str, *, kommun: Kommun | None = None,
                taxonomy: Taxonomy | None = None,
                progress: Callable[[int], bool] | None = None) -> ImportResult:
    return import_events(store, read_events(path), kommun=kommun, taxonomy=taxonomy,
                         progress=progress)


def cursor_key(kommun: Kommun | None) -> str:
    return f"polisen:{kommun.code if kommun else 'sverige'}"


class RateLimiter:
    """At least ``min_interval`` seconds between calls and at most ``per_hour`` calls an hour,
    remembered in the store's sync_state so separate runs (and processes) respect it."""

    def __init__(self, store: Store, *, min_interval: float = MIN_INTERVAL_S,
                 per_hour: int = MAX_CALLS_PER_HOUR, clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], None] = time.sleep):
        self.store = store
        self.min_interval = min_interval
        self.per_hour = per_hour
        self.clock = clock
        self.sleep = sleep

    def calls(self) -> list[float]:
        state = self.store.sync_state(RATE_KEY)
        now = self.clock()
        recent = [float(t) for t in (state.cursor.get("calls", []) if state else [])]
        return sorted(t for t in recent if now - 3600 < t <= now + 60)

    def acquire(self, cancelled: Callable[[], bool] = lambda: False,
                info: Callable[[str], None] = lambda text: None) -> None:
        """Wait until a call is allowed and record it; SourceError when the hour is full."""
        calls = self.calls()
        if len(calls) >= self.per_hour:
            wait = int(calls[-self.per_hour] + 3600 - self.clock()) + 1
            raise SourceError(tr("polisen.se allows at most {limit} calls an hour and the "
                                 "limit is reached; try again in {minutes} min.").format(
                limit=self.per_hour, minutes=max(1, wait // 60)))
        if calls:
            wait = calls[-1] + self.min_interval - self.clock()
            if wait > 0:
                info(tr("Waiting {seconds} s: polisen.se wants at least {interval} s between "
                        "calls.").format(seconds=f"{wait:.0f}",
                                         interval=f"{self.min_interval:.0f}"))
                end = self.clock() + wait
                while (left := end - self.clock()) > 0:
                    if cancelled():
                        raise SourceError(tr("Cancelled."))
                    self.sleep(min(0.5, left))
        calls.append(self.clock())
        # Recorded before the call is made: a call that fails still counts.
        self.store.write_batch([], [], SyncState(RATE_KEY, {"calls": calls[-self.per_hour:]},
                                                 last_request=to_utc_text(
                                                     clock.now()), shared=True))


def poll(store: Store, *, kommun: Kommun | None = None, url: str = FEED_URL,
         session: requests.Session | None = None, taxonomy: Taxonomy | None = None,
         limiter: RateLimiter | None = None, allow_http: bool = False,
         cancelled: Callable[[], bool] = lambda: False,
         info: Callable[[str], None] = lambda text: None) -> ImportResult:
    """One call to the live feed, stored with the cursor in one transaction."""
    url = check_url(url, allow_http=allow_http)
    params: dict[str, str] = {}
    if kommun is not None:
        lan = registry().lan[kommun.lan_code].name
        # The kommun and its län: from 2026 many events carry only the län.
        params["locationname"] = f"{kommun.name};{lan}"
    session = session or make_session(retries=0, headers={"Accept": "application/json"})
    (limiter or RateLimiter(store)).acquire(cancelled, info)
    events = _event_list(get_json(session, url, params or None, what="polisen.se"),
                         tr("The answer from polisen.se"))
    key = cursor_key(kommun)
    previous = store.sync_state(key)
    cursor = dict(previous.cursor) if previous else {}
    ids = [int(e["id"]) for e in events if isinstance(e, dict)
           and str(e.get("id", "")).isdigit()]
    result = ImportResult()
    last_max = cursor.get("max_id")
    if last_max is not None and ids and len(events) >= FEED_PAGE and min(ids) > last_max + 1:
        result.warnings.append(tr(
            "Warning: the feed shows only the latest {page} events and the oldest (id {oldest}) "
            "is newer than the last one fetched (id {last}); events in between may be missing. "
            "Poll more often.").format(page=FEED_PAGE, oldest=min(ids), last=last_max))
    cursor.update({"max_id": max([*ids, last_max or 0]) or None,
                   "polls": int(cursor.get("polls", 0)) + 1,
                   "last_count": len(events), "url": url,
                   "locationname": params.get("locationname")})
    sync = SyncState(key, cursor, last_success=to_utc_text(clock.now()),
                     last_request=requests.Request("GET", url, params=params).prepare().url,
                     counts=dict(previous.counts) if previous else {})
    return import_events(store, events, kommun=kommun, taxonomy=taxonomy, sync=sync,
                         result=result)
