"""OGC API – Features, Part 1: discover collections and read items page by page.

Pages are followed by their ``next`` links, never by guessed offsets. Coordinates arrive in
CRS84 (lon/lat), as Part 1 requires.

Two server habits are handled here rather than in the sync:

- ``limit`` above the server's maximum: most servers throttle it silently (pygeoapi), some
  answer 400; then the first page is asked again with the maximum the message names
  ("Limit of 1000 exceeded"), else with a tenth of the limit.
- ``datetime`` outside a collection's bounded temporal extent: pygeoapi answers 400
  "datetime parameter out of range" instead of an empty page. That means "nothing in that
  interval", so it comes back as one empty last page with ``out_of_range`` set.

A server's ``next`` links are not trusted to end: paging stops with a PagingError when a page
repeats one already seen (same URL or same records), or when more records came than the
server's own ``numberMatched`` allows (with a page of slack).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import requests

from ..i18n import translator
from .http import SourceError, bind_origin, check_url, get_json

tr = translator("Sources")

MIN_LIMIT = 100


class PagingError(SourceError):
    """The server's paging does not end (a loop, or more pages than it says it has)."""


@dataclass(frozen=True)
class Collection:
    id: str
    title: str


@dataclass
class Page:
    url: str
    features: list[dict]
    next_url: str | None
    number_matched: int | None
    out_of_range: bool = False


class OapifClient:
    def __init__(self, url: str, session: requests.Session, *, allow_http: bool = False):
        self.base = check_url(url, allow_http=allow_http).rstrip("/")
        self.session = session
        self.allow_http = allow_http
        bind_origin(session, self.base)

    def collections(self) -> list[Collection]:
        # Plain JSON: some servers answer 400 to /collections asked as GeoJSON.
        doc = get_json(self.session, f"{self.base}/collections", {"f": "json"},
                       what=f"{self.base}/collections", accept="application/json")
        items = doc.get("collections") if isinstance(doc, dict) else None
        if not isinstance(items, list):
            raise SourceError(tr("{url} does not look like an OGC API Features service (no "
                                 "list of collections).").format(url=self.base))
        return [Collection(str(c.get("id")), str(c.get("title") or c.get("id")))
                for c in items if isinstance(c, dict) and c.get("id")]

    def items_url(self, collection: str) -> str:
        return f"{self.base}/collections/{collection}/items"

    def pages(self, collection: str, *, limit: int = 10000, datetime_filter: str | None = None,
              start_url: str | None = None) -> Iterator[Page]:
        """Yield pages until the server gives no ``next`` link; ``start_url`` resumes."""
        url = start_url or self.items_url(collection)
        params: dict | None = None if start_url else {"limit": limit, "f": "json"}
        if params is not None and datetime_filter:
            params["datetime"] = datetime_filter
        seen: set[str] = set()
        contents: set[int] = set()
        received = 0
        first = True
        while url:
            check_url(url, allow_http=self.allow_http)
            try:
                doc = get_json(self.session, url, params, what=url)
            except SourceError as exc:
                if not (first and exc.status == 400):
                    raise
                detail = exc.detail.lower()
                if "datetime" in detail and "range" in detail:
                    yield Page(_full_url(url, params), [], None, 0, out_of_range=True)
                    return
                if params is not None and "limit" in detail and params["limit"] > MIN_LIMIT:
                    # "Limit of 1000 exceeded" (pygeoapi): take the number; else a tenth.
                    said = [int(n) for n in re.findall(r"\d+", detail)]
                    smaller = [n for n in said if 0 < n < params["limit"]]
                    params = {**params, "limit": max(smaller) if smaller
                              else max(MIN_LIMIT, params["limit"] // 10)}
                    continue
                raise
            first = False
            if (not isinstance(doc, dict) or doc.get("type") != "FeatureCollection"
                    or not isinstance(doc.get("features"), list)):
                raise SourceError(tr("The answer for the collection '{collection}' is not a "
                                     "GeoJSON FeatureCollection.").format(collection=collection))
            next_url = _next_link(doc, url)
            page_url = _full_url(url, params)
            if page_url in seen:
                raise PagingError(tr("The server sends the same page over and over (the next "
                                     "link points back)."))
            seen.add(page_url)
            content = _content_key(doc["features"])
            if content in contents:
                raise PagingError(tr("The server sends the same records again on another page "
                                     "({url}); its paging goes round in a loop, so the sync "
                                     "stops here.").format(url=page_url))
            contents.add(content)
            matched = doc.get("numberMatched")
            received += len(doc["features"])
            if (isinstance(matched, int) and matched >= 0
                    and received > matched + len(doc["features"]) and next_url):
                raise PagingError(tr("The server keeps sending pages beyond the {matched} "
                                     "records it says it has; the sync stops here.").format(
                    matched=matched))
            yield Page(page_url, doc["features"], next_url,
                       matched if isinstance(matched, int) else None)
            url, params = next_url, None


def _content_key(features: list) -> int:
    """What a page holds, cheaply: its records' ids, or the records themselves."""
    ids = [f.get("id") if isinstance(f, dict) else None for f in features]
    if features and all(i is not None for i in ids):
        return hash(tuple(str(i) for i in ids))
    try:
        return hash(json.dumps(features, sort_keys=True, default=str))
    except (RecursionError, ValueError, TypeError):
        return hash(("unhashable", len(features), id(features)))


def _full_url(url: str, params: dict | None) -> str:
    if not params:
        return url
    return requests.Request("GET", url, params=params).prepare().url


def _next_link(doc: dict, base: str) -> str | None:
    for link in doc.get("links") or ():
        if isinstance(link, dict) and link.get("rel") == "next" and link.get("href"):
            return urljoin(base, link["href"])
    return None


def feature_lonlat(feature: dict) -> tuple[float, float] | None:
    geom = feature.get("geometry")
    if not isinstance(geom, dict) or geom.get("type") != "Point":
        return None
    coords = geom.get("coordinates")
    try:
        lon, lat = float(coords[0]), float(coords[1])
    except (TypeError, ValueError, IndexError, KeyError, OverflowError):
        return None
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return None
    return lon, lat
