"""Open311 GeoReport v2: ``services.json`` and ``requests.json`` in time windows.

GeoReport v2 filters ``requests.json`` on ``requested_datetime`` with ``start_date`` /
``end_date`` (both inclusive) and servers refuse or cut windows longer than 90 days, so a
pass walks the interval in windows of at most 90 days, oldest first. Within a window:

- a server with the ``page``/``page_size`` extension is paged until a page comes back short
  or empty (a server that clamps ``page_size`` is recognised by its second page);
- a server without it (the second page repeats the first) returns at most its cap. Whether
  an answer was cut is found out once by asking the two halves of the window: if together
  they hold more, the cap is known, and every window that reaches it is halved again until
  each answer is below the cap. Nothing is left behind silently.

What the server was found to do is kept in the sync cursor, so the probing happens once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone, tzinfo

import requests

from ..domain.incident import Incident, Rejected, from_utc_text, to_utc_text
from ..domain.taxonomy import Taxonomy
from ..i18n import translator
from ..paths import taxonomy_file
from ..store.base import Store
from .crs import lonlat_to_sweref
from .http import SourceError, bind_origin, check_url, get_json, make_session
from .records import DuplicateIds, FieldMapping, RecordParser, raw_text
from .sync import (
    FULL,
    REPORTS_SOURCE,
    Feedback,
    PassRunner,
    SyncPolicy,
    SyncResult,
    nothing_found,
    now_utc,
    page_stream,
)

tr = translator("Sources")

MAX_WINDOW = timedelta(days=90)
MIN_WINDOW = timedelta(minutes=1)
DEFAULT_HISTORY = timedelta(days=5 * 365)
DEFAULT_PAGE_SIZE = 200
MAX_PAGES = 10000  # per window: a server whose pages never end is stopped


@dataclass(frozen=True)
class Service:
    code: str
    name: str
    group: str | None = None


@dataclass
class Chunk:
    """Records from one page or one window, and the cursor position after them."""

    records: list[dict]
    position: dict
    done: bool
    request: str


@dataclass
class ServerHabits:
    """What the server was found to do; kept in the cursor between runs."""

    paging: bool | None = None  # None: not known yet
    page_size: int | None = None  # the page size it really uses (it may clamp ours)
    cap: int | None = None  # without paging: the most it returns for one window
    max_complete: int = 0  # without paging: the largest answer known to be complete
    notes: list[str] = field(default_factory=list)

    def to_cursor(self) -> dict:
        return {"o311_paging": self.paging, "o311_page_size": self.page_size,
                "o311_cap": self.cap, "o311_max_complete": self.max_complete}

    @classmethod
    def from_cursor(cls, cursor: dict) -> ServerHabits:
        return cls(cursor.get("o311_paging"), cursor.get("o311_page_size"),
                   cursor.get("o311_cap"), int(cursor.get("o311_max_complete") or 0))


def open311_base(url: str) -> str:
    """The endpoint's base: ``.../v2`` from ``.../v2/requests.json`` or ``.../v2/``."""
    base = url.strip().rstrip("/")
    for tail in ("/requests.json", "/services.json", "/discovery.json"):
        if base.endswith(tail):
            base = base[: -len(tail)]
    return base


def open311_source_key(url: str, jurisdiction: str | None = None) -> str:
    key = f"open311:{open311_base(url)}"
    return key + (f"#{jurisdiction}" if jurisdiction else "")


def _w3c(value: datetime) -> str:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Open311Client:
    def __init__(self, url: str, session: requests.Session, *, allow_http: bool = False,
                 jurisdiction: str | None = None, page_size: int = DEFAULT_PAGE_SIZE):
        self.base = check_url(open311_base(url), allow_http=allow_http)
        self.session = session
        bind_origin(session, self.base)
        self.jurisdiction = jurisdiction or None
        self.page_size = page_size
        self.requests_made = 0

    def _params(self, **extra) -> dict:
        params = {k: v for k, v in extra.items() if v is not None}
        if self.jurisdiction:
            params["jurisdiction_id"] = self.jurisdiction
        return params

    def services(self) -> dict[str, Service]:
        doc = get_json(self.session, f"{self.base}/services.json", self._params(),
                       what=f"{self.base}/services.json", accept="application/json")
        if not isinstance(doc, list):
            raise SourceError(tr("{url} is not a list of services: is this an Open311 "
                                 "address?").format(url=f"{self.base}/services.json"))
        services = {}
        for item in doc:
            if isinstance(item, dict) and item.get("service_code") is not None:
                code = str(item["service_code"])
                services[code] = Service(code, str(item.get("service_name") or code),
                                         item.get("group") or None)
        return services

    def fetch(self, start: datetime, end: datetime, page: int | None = None
              ) -> tuple[list[dict], str]:
        """One ``requests.json`` answer for [start, end]; the records and the request URL."""
        url = f"{self.base}/requests.json"
        params = self._params(start_date=_w3c(start), end_date=_w3c(end), page=page,
                              page_size=self.page_size if page is not None else None)
        self.requests_made += 1
        doc = get_json(self.session, url, params, what=url, accept="application/json")
        if isinstance(doc, dict):  # a few servers wrap the list
            doc = doc.get("service_requests", doc.get("requests", doc))
        if not isinstance(doc, list):
            raise SourceError(tr("The answer from {url} is not a list of service requests.")
                              .format(url=url))
        shown = requests.Request("GET", url, params=params).prepare().url or url
        return doc, shown

    # -- windows ----------------------------------------------------------------------------
    def chunks(self, start: datetime, end: datetime, habits: ServerHabits, *,
               page: int | None = None) -> Iterator[Chunk]:
        """Every request in [start, end] as chunks in time order, each with its position.

        ``page`` resumes paging inside the first window."""
        position = start
        while position < end:
            window_end = min(position + MAX_WINDOW, end)
            yield from self._window(position, window_end, habits, first_page=page)
            page = None
            position = window_end

    def _window(self, a: datetime, b: datetime, habits: ServerHabits, *,
                first_page: int | None) -> Iterator[Chunk]:
        if habits.paging is False:
            yield from self._capped(a, b, habits)
            return
        number = first_page or 1
        records, url = self.fetch(a, b, number)
        if habits.paging is None and number == 1:
            if not records:
                yield Chunk([], _at(b), True, url)
                return
            second, url2 = self.fetch(a, b, 2)
            first_ids = {_rid(r) for r in records}
            if any(_rid(r) not in first_ids for r in second):
                habits.paging, habits.page_size = True, len(records)
            elif not second:
                habits.paging = True  # page 2 is empty: pages work, the window had one
            else:
                habits.paging = False  # page 2 repeats page 1: no paging here
                yield from self._checked(a, b, records, url, habits)
                return
            yield Chunk(records, _at(a, page=2, window_end=b), False, url)
            seen, previous = first_ids, len(records)
            records, url, number = second, url2, 2
        else:
            seen, previous = set(), None
        while True:
            fresh = [r for r in records if _rid(r) not in seen]
            if fresh and previous is not None and habits.page_size is None:
                habits.page_size = previous  # the page before was a full one
            # Until the page size is known, every non-empty page may be a full one.
            full = bool(records) and (habits.page_size is None
                                      or len(records) >= habits.page_size)
            last = not fresh or not full or number >= MAX_PAGES
            seen.update(_rid(r) for r in records)
            yield Chunk(fresh, _at(b) if last else _at(a, page=number + 1, window_end=b),
                        last, url)
            if last:
                return
            number += 1
            previous = len(records)
            records, url = self.fetch(a, b, number)

    def _capped(self, a: datetime, b: datetime, habits: ServerHabits) -> Iterator[Chunk]:
        records, url = self.fetch(a, b)
        yield from self._checked(a, b, records, url, habits)

    def _checked(self, a: datetime, b: datetime, records: list[dict], url: str,
                 habits: ServerHabits) -> Iterator[Chunk]:
        """A window's answer from a server without paging: take it, or halve the window."""
        n = len(records)
        if habits.cap is not None:
            cut = n >= habits.cap
        elif n == 0 or n <= habits.max_complete:
            cut = False
        else:
            # Not known yet whether n is the server's cap: ask the halves and compare.
            mid = a + (b - a) / 2
            left, url_left = self.fetch(a, mid)
            right, url_right = self.fetch(mid, b)
            cut = len({_rid(r) for r in left + right}) > n
            if cut:
                habits.cap = n
                yield from self._halves(a, mid, b, left, url_left, right, url_right, habits)
                return
            habits.max_complete = max(habits.max_complete, n)
        if cut and b - a > MIN_WINDOW:
            mid = a + (b - a) / 2
            yield from self._capped(a, mid, habits)
            yield from self._capped(mid, b, habits)
            return
        if cut:
            habits.notes.append(tr(
                "More than {count} requests within one minute ({time}); the server gives no "
                "more.").format(count=n, time=_w3c(a)))
        yield Chunk(records, _at(b), True, url)

    def _halves(self, a, mid, b, left, url_left, right, url_right, habits):
        yield from self._checked(a, mid, left, url_left, habits)
        yield from self._checked(mid, b, right, url_right, habits)


def _rid(record: dict) -> str:
    return str(record.get("service_request_id")) if isinstance(record, dict) else repr(record)


def _at(position: datetime, *, page: int | None = None,
        window_end: datetime | None = None) -> dict:
    return {"o311_position": to_utc_text(position), "o311_page": page,
            "o311_window_end": to_utc_text(window_end)}


# -- records --------------------------------------------------------------------------------
def parse_requests(records: list, parser: RecordParser, services: dict[str, Service]
                   ) -> tuple[list[Incident], list[Rejected]]:
    """Service requests (lat/long in WGS 84) to incidents in SWEREF 99 TM."""
    m = parser.mapping
    lonlats: list[tuple[float, float] | None] = []
    for record in records:
        lonlats.append(_lonlat(record) if isinstance(record, dict) else None)
    points = iter(lonlat_to_sweref([p for p in lonlats if p is not None]))
    incidents: list[Incident] = []
    rejected: list[Rejected] = []
    ids = DuplicateIds()
    for record, lonlat in zip(records, lonlats):
        if not isinstance(record, dict):
            rejected.append(Rejected(parser.source, raw_text(record),
                                     tr("not an Open311 service request")))
            continue
        x, y = next(points) if lonlat is not None else (None, None)
        props = dict(record)
        try:
            if m.category in ("service_code", "service_name"):
                props[m.category] = _category_word(record, services, parser.taxonomy)
        except Exception:  # an odd service code is the parser's to reject, not a crash
            props[m.category] = None
        result = ids.check(parser.parse(props, x, y, record), record)
        if isinstance(result, Incident):
            result = replace(result, details=open311_details(record, services))
        (incidents if isinstance(result, Incident) else rejected).append(result)
    return incidents, rejected


#: What GeoReport v2 says about a request that the common fields do not hold.
DETAIL_FIELDS = ("service_code", "service_name", "address", "media_url", "status_notes")


def open311_details(record: dict, services: dict[str, Service]) -> str | None:
    """The request's service code and name, address, media URL and status notes as JSON
    (the service list's name when the request has none), or None."""
    details = {k: record.get(k) for k in DETAIL_FIELDS if record.get(k) not in (None, "")}
    code = record.get("service_code")
    service = services.get(str(code)) if isinstance(code, (str, int)) else None
    if service is not None and "service_name" not in details:
        details["service_name"] = service.name
    return raw_text(details) if details else None


def _lonlat(record: dict) -> tuple[float, float] | None:
    try:
        lat, lon = float(record.get("lat")), float(record.get("long"))
    except (TypeError, ValueError, OverflowError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return lon, lat


def _category_word(record: dict, services: dict[str, Service], taxonomy: Taxonomy
                   ) -> str | None:
    """The first of service name, the service list's name, code and group that the taxonomy
    knows; else the most readable of them, to be listed as unknown."""
    code = record.get("service_code")
    service = services.get(str(code)) if code is not None else None
    words = [record.get("service_name"), service.name if service else None,
             None if code is None else str(code), service.group if service else None]
    words = [str(w).strip() for w in words if w not in (None, "")]
    for word in words:
        if taxonomy.classify(word).known:
            return word
    return words[0] if words else None


# -- sync -----------------------------------------------------------------------------------
def sync_open311(store: Store, url: str, *, session: requests.Session | None = None,
                 mapping: FieldMapping | None = None, taxonomy: Taxonomy | None = None,
                 kommunkod: str | None = None, boundary=None, allow_http: bool = False,
                 jurisdiction: str | None = None, page_size: int = DEFAULT_PAGE_SIZE,
                 history_from: datetime | None = None, source: str = REPORTS_SOURCE,
                 policy: SyncPolicy | None = None, naive_tz: tzinfo = timezone.utc,
                 feedback: Feedback | None = None) -> SyncResult:
    """Pull service requests into the store: a full pass from ``history_from`` (default
    five years back) or an incremental one from the last pass, less the overlap."""
    client = Open311Client(url, session or make_session(), allow_http=allow_http,
                           jurisdiction=jurisdiction, page_size=page_size)
    key = open311_source_key(client.base, jurisdiction)
    parser = RecordParser(source, taxonomy or Taxonomy.load(taxonomy_file()),
                          mapping or FieldMapping.default_for("open311"), kommunkod, boundary,
                          naive_tz)
    run = PassRunner(store, key, source, policy, feedback, parser.taxonomy)
    cursor = run.cursor
    unfinished = bool(cursor.get("o311_position")) and cursor.get("o311_pass_end") is not None
    mode, since = run.start(unfinished)
    if unfinished:
        start = from_utc_text(cursor["o311_position"])
        end = from_utc_text(cursor["o311_pass_end"])
        page = cursor.get("o311_page")
    else:
        first = history_from or (now_utc() - DEFAULT_HISTORY)
        start = since if mode != FULL and since is not None else first
        # A day past now: a server clock ahead of ours must not hide new requests.
        end = (now_utc() + timedelta(days=1)).replace(microsecond=0)
        page = None
    if mode == FULL:
        run.scope_from = history_from or (now_utc() - DEFAULT_HISTORY)
    services = client.services()
    habits = ServerHabits.from_cursor(cursor)
    with page_stream(client.chunks(start, end, habits, page=page)) as stream:
        for chunk in stream:
            incidents, rejected = parse_requests(chunk.records, parser, services)
            position = {**chunk.position, **habits.to_cursor(),
                        "o311_pass_end": to_utc_text(end)}
            done = chunk.done and from_utc_text(chunk.position["o311_position"]) >= end
            if done:
                position.update(o311_position=None, o311_pass_end=None, o311_page=None)
            if not run.write(incidents, rejected, position, done=done, request=chunk.request,
                             fetched=len(chunk.records)):
                break
    for note in habits.notes:
        run.result.notes.append(note)
    if run.result.complete and run.result.records == 0 and not unfinished:
        run.result.notes.append(nothing_found(start, end))
    return run.finish(parser)

