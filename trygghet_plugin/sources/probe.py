""""Testa anslutning": try a connection without syncing, and learn the source's field names.

One small request each: for OGC API Features the collection's queryables and a first page of
one record, for Open311 the service list, for an export file its header (or the first
feature's properties). The field names fill the Sync dock's mapping choices; the message
says what answered. Failures are SourceErrors with the same clear messages as a sync.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import requests

from ..i18n import translator
from .connections import Connection
from .http import SourceError, get_json

tr = translator("Sources")

#: The fields of a GeoReport v2 (Open311) service request.
OPEN311_FIELDS = ("service_request_id", "status", "status_notes", "service_name",
                  "service_code", "description", "agency_responsible", "service_notice",
                  "requested_datetime", "updated_datetime", "expected_datetime", "address",
                  "address_id", "zipcode", "lat", "long", "media_url")


@dataclass
class ProbeResult:
    message: str
    fields: list[str] = field(default_factory=list)


def probe_connection(connection: Connection, session: requests.Session | None = None
                     ) -> ProbeResult:
    """Try ``connection`` (the session carries its credentials); raises SourceError."""
    connection.validate()
    if connection.kind == "file":
        return _probe_file(Path(connection.file))
    session = session or _session()
    if connection.kind == "oapif":
        return _probe_oapif(connection, session)
    from .open311 import Open311Client

    client = Open311Client(connection.url, session, allow_http=connection.allow_http,
                           jurisdiction=connection.jurisdiction or None)
    services = client.services()
    return ProbeResult(tr("The server answers: {n} services.").format(n=len(services)),
                       list(OPEN311_FIELDS))


def _session() -> requests.Session:
    from .http import make_session

    return make_session(timeout=(5, 30))


def _probe_oapif(connection: Connection, session: requests.Session) -> ProbeResult:
    from .oapif import OapifClient

    client = OapifClient(connection.url, session, allow_http=connection.allow_http)
    base = f"{client.base}/collections/{connection.collection}"
    names: list[str] = []
    try:
        doc = get_json(session, f"{base}/queryables", {"f": "json"}, what=f"{base}/queryables",
                       accept="application/schema+json, application/json")
        properties = doc.get("properties") if isinstance(doc, dict) else None
        if isinstance(properties, dict):
            names += [str(k) for k in properties]
    except SourceError:
        pass  # queryables are optional (OGC API Features part 3); the page below tells
    page = get_json(session, client.items_url(connection.collection), {"limit": 1, "f": "json"},
                    what=client.items_url(connection.collection))
    features = page.get("features") if isinstance(page, dict) else None
    if not isinstance(features, list):
        raise SourceError(tr("The answer for the collection '{collection}' is not a GeoJSON "
                             "FeatureCollection.").format(collection=connection.collection))
    if features and isinstance(features[0], dict):
        props = features[0].get("properties")
        if isinstance(props, dict):
            names += [str(k) for k in props if str(k) not in names]
    matched = page.get("numberMatched")
    if isinstance(matched, int) and matched >= 0:
        message = tr("The server answers: the collection '{collection}' has {n} "
                     "records.").format(collection=connection.collection, n=matched)
    else:
        message = tr("The server answers: the collection '{collection}' can be read.").format(
            collection=connection.collection)
    return ProbeResult(message, [n for n in names if n != "geometry"])


def _probe_file(path: Path) -> ProbeResult:
    from .exportfile import GEOJSON_SUFFIXES

    if not path.is_file():
        raise SourceError(tr("The file does not exist: {path}").format(path=path))
    if path.suffix.lower() in GEOJSON_SUFFIXES:
        try:
            doc = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise SourceError(tr("{name} is not readable GeoJSON: {error}").format(
                name=path.name, error=exc)) from exc
        features = doc.get("features") if isinstance(doc, dict) else None
        first = features[0] if isinstance(features, list) and features else {}
        props = first.get("properties") if isinstance(first, dict) else None
        fields = [str(k) for k in props] if isinstance(props, dict) else []
    else:
        from .tabular import open_table

        fields = [c for c in open_table(path).columns if c]
    return ProbeResult(tr("{name} can be read: {n} fields.").format(name=path.name,
                                                                    n=len(fields)), fields)
