"""Syncing from an Open311 GeoReport v2 endpoint (pytest-httpserver serving realistic JSON:
90-day windows, newest first, with or without the page/page_size extension)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from werkzeug import Response

from trygghet_plugin.sources.http import SourceError
from trygghet_plugin.sources.open311 import sync_open311
from trygghet_plugin.sources.sync import SyncPolicy
from trygghet_sample import generate

HISTORY = datetime(2023, 10, 1, tzinfo=timezone.utc)


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class Open311Service:
    """A GeoReport v2 endpoint over a list of service requests.

    ``paging``: honour page/page_size (clamped to ``clamp``); else ignore them and return at
    most ``cap`` requests, newest first, as servers without the extension do."""

    def __init__(self, paging: bool = True, clamp: int = 50, cap: int = 40):
        self.paging, self.clamp, self.cap = paging, clamp, cap
        self.records: list[dict] = []
        self.services: list[dict] = []
        self.calls = 0

    def set_reports(self, table, *, omit_names_every: int = 3) -> None:
        names = sorted({sub or cat for cat, sub in zip(table.category, table.subcategory)})
        codes = {name: str(101 + i) for i, name in enumerate(names)}
        self.services = [{"service_code": code, "service_name": name, "description": name,
                          "metadata": False, "type": "realtime", "keywords": "",
                          "group": "Trygghet"} for name, code in codes.items()]
        self.records = []
        for i in range(len(table)):
            rec = table.record(i)
            name = rec["subcategory"] or rec["category"]
            x, y = float(table.x[i]), float(table.y[i])
            from trygghet_plugin.sources.crs import sweref_to_lonlat

            ((lon, lat),) = sweref_to_lonlat([(x, y)])
            self.records.append({
                "service_request_id": rec["id"], "status": rec["status"],
                "status_notes": None,
                "service_name": None if i % omit_names_every == 0 else name,
                "service_code": codes[name], "description": rec["description"],
                "agency_responsible": rec["reporter_org"], "service_notice": None,
                "requested_datetime": rec["reported_at"], "updated_datetime": rec["updated_at"],
                "expected_datetime": None, "address": "Storgatan 1", "address_id": None,
                "zipcode": "571 30", "lat": round(lat, 6), "long": round(lon, 6),
                "media_url": None, "_name": name})

    def handler(self, request):
        self.calls += 1
        if request.path.endswith("/services.json"):
            return Response(json.dumps(self.services), content_type="application/json")
        args = request.args
        start, end = _parse(args["start_date"]), _parse(args["end_date"])
        if end - start > timedelta(days=90):
            return Response(json.dumps([{"code": 400, "description":
                                         "Date range must be 90 days or less"}]),
                            status=400, content_type="application/json")
        found = [r for r in self.records if start <= _parse(r["requested_datetime"]) <= end]
        found.sort(key=lambda r: r["requested_datetime"], reverse=True)
        if self.paging:
            size = min(int(args.get("page_size", 50)), self.clamp)
            page = int(args.get("page", 1))
            found = found[(page - 1) * size: page * size]
        else:
            found = found[: self.cap]
        body = [{k: v for k, v in r.items() if not k.startswith("_")} for r in found]
        return Response(json.dumps(body, ensure_ascii=False), content_type="application/json")

    def by_id(self) -> dict[str, dict]:
        return {r["service_request_id"]: r for r in self.records}


@pytest.fixture(scope="module")
def sample():
    return generate(size=3000, seed=21)


@pytest.fixture(scope="module")
def moments(sample):
    """T1 just after an edited report came in (before its edit), T2 three weeks later."""
    t1 = sample.reports.before_an_edit(since=datetime(2026, 3, 1, tzinfo=timezone.utc))
    return t1, t1 + timedelta(days=21)


def serve(httpserver, service: Open311Service) -> str:
    httpserver.expect_request("/open311/v2/services.json").respond_with_handler(
        service.handler)
    httpserver.expect_request("/open311/v2/requests.json").respond_with_handler(
        service.handler)
    return httpserver.url_for("/open311/v2")


def assert_store_equals_source(store, service: Open311Service, taxonomy):
    source = service.by_id()
    stored = {i.source_id: i for i in store.iter_incidents()}
    assert stored.keys() == source.keys()
    for sid, rec in source.items():
        got = stored[sid]
        expected = taxonomy.classify(rec["_name"])
        assert (got.category, got.subcategory) == (expected.category, expected.subcategory), sid
        assert got.status == rec["status"], sid
        assert got.updated_at == datetime.fromisoformat(rec["updated_datetime"]), sid
        assert got.reported_at == datetime.fromisoformat(rec["requested_datetime"]), sid


@pytest.mark.parametrize("paging", [True, False], ids=["page-extension", "capped-no-paging"])
def test_full_sync_takes_every_request_in_90_day_windows(httpserver, store, sample, moments,
                                                         taxonomy, paging):
    service = Open311Service(paging=paging, clamp=50, cap=40)
    service.set_reports(sample.snapshot(moments[0]))
    url = serve(httpserver, service)
    result = sync_open311(store, url, history_from=HISTORY, page_size=200)
    assert result.complete and result.mode == "full"
    assert result.new == len(service.records) and result.rejected == 0
    assert_store_equals_source(store, service, taxonomy)
    # Unknown services go to Övrigt and are listed by name.
    assert {"Hundbajs", "Fyrverkerier"} & set(result.unknown_categories)
    again = sync_open311(store, url, history_from=HISTORY, page_size=200)
    assert (again.new, again.updated) == (0, 0)


def test_incremental_sync_catches_new_and_late_requests_and_a_full_one_every_edit(
        httpserver, store, sample, moments, taxonomy):
    t1, t2 = moments
    service = Open311Service(paging=True)
    before = sample.snapshot(t1)
    service.set_reports(before)
    url = serve(httpserver, service)
    sync_open311(store, url, history_from=HISTORY)
    after = sample.snapshot(t2)
    service.set_reports(after)
    calls = service.calls
    second = sync_open311(store, url, history_from=HISTORY)
    assert second.mode == "incremental" and second.complete
    assert second.new == len(after) - len(before)
    assert service.calls - calls < 20  # a few windows since the last sync, not three years
    late = int((after.occurred_at < t1.timestamp()).sum() - len(before))
    assert late > 0
    # GeoReport v2 filters on the request time: edits of old requests wait for a full pass.
    full = sync_open311(store, url, history_from=HISTORY, policy=SyncPolicy(force_full=True))
    assert full.mode == "full"
    assert_store_equals_source(store, service, taxonomy)


def test_a_stopped_sync_resumes_and_ends_with_exactly_the_source(httpserver, store, sample,
                                                                  moments, taxonomy):
    service = Open311Service(paging=True, clamp=50)
    service.set_reports(sample.snapshot(moments[0]))
    url = serve(httpserver, service)
    first = sync_open311(store, url, history_from=HISTORY,
                         feedback=lambda pages, records, matched: pages < 7)
    assert not first.complete and 0 < store.count("incidents") < len(service.records)
    rest = sync_open311(store, url, history_from=HISTORY)
    assert rest.resumed and rest.complete
    assert_store_equals_source(store, service, taxonomy)


def test_requests_gone_from_the_endpoint_become_deleted_and_bad_ones_are_kept(
        httpserver, store, sample, moments):
    service = Open311Service(paging=True)
    service.set_reports(sample.snapshot(moments[0]))
    service.records[5]["lat"] = None  # an address-only request
    service.records[5]["long"] = None
    url = serve(httpserver, service)
    first = sync_open311(store, url, history_from=HISTORY)
    assert first.rejected == 1
    (bad,) = store.rejected()
    assert bad.source_id == service.records[5]["service_request_id"]
    assert "geometri" in bad.reason and "Storgatan 1" in bad.raw
    gone = service.records.pop(10)["service_request_id"]
    result = sync_open311(store, url, history_from=HISTORY,
                          policy=SyncPolicy(force_full=True))
    assert result.deleted == 1
    (status,) = [i.status for i in store.iter_incidents("source_id = ?", (gone,))]
    assert status == "deleted"
    assert store.count("rejected") == 1  # the bad one once, not once per sync


@pytest.mark.parametrize("body,ctype,status,message", [
    ("<!DOCTYPE html><html><body>Logga in</body></html>", "text/html", 200, "webbsida"),
    ('[{"code": 403, "description": "Invalid api_key"}]', "application/json", 403,
     "Åtkomst nekad"),
    ('{"not": "a list"}', "application/json", 200, "ingen lista över tjänster"),
    ('[{"service_code": "1"', "application/json", 200, "inte giltig JSON"),
])
def test_a_wrong_endpoint_gives_a_clear_message(httpserver, store, body, ctype, status,
                                                message):
    httpserver.expect_request("/v2/services.json").respond_with_data(
        body, status=status, content_type=ctype)
    with pytest.raises(SourceError, match=message):
        sync_open311(store, httpserver.url_for("/v2/requests.json"), history_from=HISTORY)
    assert store.count("incidents") == 0


def test_service_codes_are_named_by_the_service_list(taxonomy):
    from trygghet_plugin.sources.open311 import Service, parse_requests
    from trygghet_plugin.sources.records import FieldMapping, RecordParser

    services = {"17": Service("17", "Trasig gatubelysning", "Gata"),
                "99": Service("99", "Hundbajs", "Park")}
    base = {"status": "open", "requested_datetime": "2026-05-01T21:00:00+02:00",
            "updated_datetime": "2026-05-02T08:00:00+02:00", "lat": 57.6531, "long": 14.6968}
    parser = RecordParser("reports", taxonomy, FieldMapping.default_for("open311"))
    incidents, rejected = parse_requests(
        [{**base, "service_request_id": "1", "service_code": "17"},
         {**base, "service_request_id": "2", "service_code": "99"},
         {**base, "service_request_id": "3", "service_code": "17", "lat": None}],
        parser, services)
    assert [(i.source_id, i.category, i.subcategory) for i in incidents] == [
        ("1", "otrygg_plats", "belysning"), ("2", "ovrigt", None)]
    assert parser.unknown_categories == {"Hundbajs": 1}
    assert incidents[0].occurred_at == incidents[0].reported_at  # no event time in v2
    (bad,) = rejected
    assert bad.source_id == "3" and "geometri" in bad.reason
