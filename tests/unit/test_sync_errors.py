"""What the user sees when a sync cannot reach or read its source: one clear message, the
store as it was (or with the pages before the failure), and a next run that goes on."""

from __future__ import annotations

import json
import socket
import time

import pytest
from werkzeug import Response

from trygghet_plugin.jobs.sync import run_connection
from trygghet_plugin.sources import http
from trygghet_plugin.sources.connections import Connection
from trygghet_plugin.sources.http import SourceError, make_session

FEATURE = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [14.70, 57.65]},
           "properties": {"category": "Klotter", "occurred_at": "2026-05-01T21:00:00+02:00"}}


def page(ids, next_href=None):
    features = [{**FEATURE, "properties": {**FEATURE["properties"], "id": i}} for i in ids]
    links = [{"rel": "next", "href": next_href}] if next_href else []
    return json.dumps({"type": "FeatureCollection", "features": features, "links": links})


def connection(url: str) -> Connection:
    return Connection(name="Insamling", url=url, collection="reports")


@pytest.fixture
def session():
    return make_session(retries=1, backoff=0.01)


@pytest.mark.parametrize("status,body,ctype,message", [
    (401, '{"code": "Unauthorized"}', "application/json", "Inloggning krävs"),
    (403, '{"code": "Forbidden"}', "application/json", "Åtkomst nekad"),
    (404, '{"code": "NotFound", "description": "Collection not found"}', "application/json",
     "Hittades inte \\(404\\).*samling"),
    (200, "<!DOCTYPE html><html><form>Logga in med SITHS</form></html>", "text/html",
     "inloggningssida"),
    (200, '{"type": "FeatureCollection", "features": [{"type": "Feat', "application/geo+json",
     "inte giltig JSON"),
    (500, "Internal Server Error", "text/plain", "Serverfel 500"),
    (429, "slow down", "text/plain", "begränsar antalet anrop"),
])
def test_a_failing_source_gives_one_clear_message_and_leaves_the_store(
        httpserver, store, session, status, body, ctype, message):
    httpserver.expect_request("/api/collections/reports/items").respond_with_data(
        body, status=status, content_type=ctype, headers={"Retry-After": "0"})
    with pytest.raises(SourceError, match=message) as info:
        run_connection(connection(httpserver.url_for("/api")), store, session=session)
    assert "Traceback" not in str(info.value) and " / " not in str(info.value)  # one language
    assert store.count("incidents") == 0 and store.count("sync_state") == 0


def test_wrong_address_no_dns_and_refused(store, session):
    with pytest.raises(SourceError, match="Ogiltig adress"):
        run_connection(connection("insamling.example.se/api"), store, session=session)
    with pytest.raises(SourceError, match="DNS"):
        run_connection(connection("https://no-such-host.invalid/api"), store, session=session)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(SourceError, match="vägrade anslutning"):
        run_connection(connection(f"http://127.0.0.1:{port}/api"), store, session=session)


def test_a_failure_on_page_two_keeps_page_one_and_the_next_run_goes_on(httpserver, store,
                                                                       session):
    base = httpserver.url_for("/api")
    items = "/api/collections/reports/items"
    httpserver.expect_ordered_request(items).respond_with_data(
        page(["A", "B"], f"{base}/collections/reports/items?offset=2"),
        content_type="application/geo+json")
    httpserver.expect_ordered_request(items, query_string="offset=2").respond_with_data(
        "Bad Gateway", status=502, headers={"Retry-After": "0"})
    httpserver.expect_ordered_request(items, query_string="offset=2").respond_with_data(
        "Bad Gateway", status=502, headers={"Retry-After": "0"})
    with pytest.raises(SourceError, match="Serverfel 502"):
        run_connection(connection(base), store, session=session)
    assert store.count("incidents") == 2
    httpserver.expect_ordered_request(items, query_string="offset=2").respond_with_data(
        page(["C"]), content_type="application/geo+json")
    result = run_connection(connection(base), store, session=session)
    assert result.resumed and result.complete and result.new == 1
    assert store.count("incidents") == 3


def test_retry_after_is_honoured_but_an_hour_is_not_waited(httpserver, store, monkeypatch):
    calls = []

    def limited(request):
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Response("busy", status=429, headers={"Retry-After": "1"})
        return Response(page(["A"]), content_type="application/geo+json")

    httpserver.expect_request("/api/collections/reports/items").respond_with_handler(limited)
    result = run_connection(connection(httpserver.url_for("/api")), store,
                            session=make_session(retries=2, backoff=0.01))
    assert result.new == 1 and calls[1] - calls[0] >= 0.9

    monkeypatch.setattr(http, "MAX_RETRY_AFTER", 0.2)
    httpserver.clear()
    httpserver.expect_request("/api/collections/reports/items").respond_with_data(
        "busy", status=429, headers={"Retry-After": "3600"})
    started = time.monotonic()
    with pytest.raises(SourceError, match="429"):
        run_connection(connection(httpserver.url_for("/api")), store,
                       session=make_session(retries=2, backoff=0.01))
    assert time.monotonic() - started < 10
