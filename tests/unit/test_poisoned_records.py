"""One bad record never blocks a sync: a delivery of 50 good reports and one poisoned one
lands 50 and rejects 1, and does the same again the next time — for OGC API Features,
Open311, export files and the police feed and exports. The poisons are the ones suppliers
really send: a year-1 date, a field over csv's 131,072-character limit, a JSON nested deeper
than Python's recursion limit, UTF-16 without a BOM, and an id given twice."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from werkzeug import Response

from trygghet_plugin.jobs.sync import run_connection
from trygghet_plugin.sources import polisen
from trygghet_plugin.sources.connections import Connection
from trygghet_plugin.sources.http import SourceError, make_session
from trygghet_plugin.sources.kommuner import registry
from trygghet_plugin.sources.open311 import sync_open311
from trygghet_plugin.sources.police_exports import import_export

GOOD = 50


def feature(n: int, **props) -> dict:
    return {"type": "Feature", "id": f"R{n}",
            "geometry": {"type": "Point", "coordinates": [14.70 + n * 1e-4, 57.65]},
            "properties": {"category": "Klotter", "occurred_at": "2026-05-01T21:00:00Z",
                           **props}}


def rejected_reasons(store) -> list[str]:
    return [r.reason for r in store.rejected()]


@pytest.mark.parametrize("poison,reason", [
    ({"occurred_at": "0001-01-01"}, "oläsbar tid|utanför det rimliga"),
    ({"occurred_at": "9999-12-31T23:59:59-14:00"}, "oläsbar tid|utanför det rimliga"),
    ({"updated_at": "0001-01-01T00:00:00+14:00"}, "oläsbar tid|utanför det rimliga"),
])
def test_oapif_a_poisoned_delivery_lands_the_good_ones_twice_in_a_row(httpserver, store,
                                                                       poison, reason):
    features = [feature(n) for n in range(GOOD)] + [feature(999, **poison)]
    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_data(
        json.dumps({"type": "FeatureCollection", "features": features, "links": []}),
        content_type="application/geo+json")
    connection = Connection(name="x", url=httpserver.url_for("/ogcapi"), collection="reports")
    first = run_connection(connection, store, session=make_session(retries=0))
    assert (first.new, first.rejected, first.complete) == (GOOD, 1, True)
    second = run_connection(connection, store, session=make_session(retries=0),
                            force_full=True)
    assert (second.new, second.unchanged, second.rejected, second.complete) == \
        (0, GOOD, 1, True)
    assert store.count("incidents") == GOOD
    (why,) = {r for r in rejected_reasons(store)}
    assert any(word in why for word in reason.split("|")), why


def test_oapif_odd_values_are_rejections_not_crashes(httpserver, store):
    nested: object = "botten"
    for _ in range(200):
        nested = {"a": nested}
    odd = [
        feature(900, description="tecken \ud800 ensamt"),  # a lone surrogate
        feature(901, description="NUL\x00mitt i"),
        feature(902, category={"nested": nested}),
        {"type": "Feature", "id": "R903", "geometry": {"type": "Point",
                                                       "coordinates": [1e400, 57.6]},
         "properties": {"category": "Klotter", "occurred_at": "2026-05-01"}},
        {"type": "Feature", "id": "R904", "geometry": None, "properties": ["en", "lista"]},
        "inte ett objekt",
        feature(1),  # the same id again in the same answer
    ]
    body = json.dumps({"type": "FeatureCollection",
                       "features": [feature(n) for n in range(GOOD)] + odd, "links": []})
    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_data(
        body, content_type="application/geo+json")
    result = run_connection(Connection(name="x", url=httpserver.url_for("/ogcapi"),
                                       collection="reports"), store,
                            session=make_session(retries=0))
    taken = {i.source_id: i for i in store.iter_incidents()}
    assert result.complete and {"R900", "R901", "R902"} <= set(taken)
    assert "\x00" not in taken["R901"].description
    assert result.new == GOOD + 3 and result.rejected == 4
    assert any("förekommer mer än en gång" in r for r in rejected_reasons(store))


def test_a_page_nested_too_deeply_is_a_message(httpserver, store):
    body = '{"type": "FeatureCollection", "features": [' + "[" * 100000 + "]" * 100000 + "]}"
    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_data(
        body, content_type="application/geo+json")
    with pytest.raises(SourceError, match="för djupt nästlat"):
        run_connection(Connection(name="x", url=httpserver.url_for("/ogcapi"),
                                  collection="reports"), store,
                       session=make_session(retries=0))


def test_open311_a_poisoned_request_is_one_rejection_twice_in_a_row(httpserver, store):
    now = datetime(2026, 5, 20, tzinfo=timezone.utc)

    def request(n: int, **extra) -> dict:
        return {"service_request_id": f"S{n}", "service_code": "1", "service_name": "Klotter",
                "status": "open", "lat": 57.65, "long": 14.70 + n * 1e-4,
                "requested_datetime": (now - timedelta(days=1)).isoformat(),
                "updated_datetime": (now - timedelta(days=1)).isoformat(), **extra}

    records = [request(n) for n in range(GOOD)] + [request(999,
                                                           updated_datetime="0001-01-01")]

    def handler(req):
        if req.path.endswith("services.json"):
            return Response("[]", content_type="application/json")
        start = datetime.fromisoformat(req.args["start_date"].replace("Z", "+00:00"))
        end = datetime.fromisoformat(req.args["end_date"].replace("Z", "+00:00"))
        inside = start <= now - timedelta(days=1) <= end
        return Response(json.dumps(records if inside else []),
                        content_type="application/json")

    httpserver.expect_request("/open311/v2/services.json").respond_with_handler(handler)
    httpserver.expect_request("/open311/v2/requests.json").respond_with_handler(handler)
    url = httpserver.url_for("/open311/v2")
    for run, new in ((1, GOOD), (2, 0)):
        result = sync_open311(store, url, history_from=now - timedelta(days=30),
                              session=make_session(retries=0))
        assert (result.new, result.rejected, result.complete) == (new, 1, True), run
    assert store.count("incidents") == GOOD


def csv_text(extra_rows: list[str]) -> str:
    rows = [f"{n};Klotter;2026-05-01 21:00;57,65;14,{7000 + n}" for n in range(GOOD)]
    return "Ärende;Händelsetyp;Tidpunkt;Lat;Lon\r\n" + "\r\n".join(rows + extra_rows) + "\r\n"


@pytest.mark.parametrize("poison,reason", [
    ("999;Klotter;0001-01-01;57,65;14,70", "utanför det rimliga"),
    ("999;Klotter;2026-05-01;57,65;14,70;" + "x" * 200_000, None),  # long but readable
    ('999;Klotter;2026-05-01;57,65;"' + "x" * 9_000_000 + '"', "kunde inte läsas"),
    ("1;Klotter;2026-05-02 08:00;57,66;14,71", "förekommer mer än en gång"),
])
def test_an_export_file_with_one_poisoned_row_lands_the_rest_twice(tmp_path, store, poison,
                                                                   reason):
    path = tmp_path / "export.csv"
    path.write_text(csv_text([poison]), encoding="utf-8")
    connection = Connection(name="fil", kind="file", file=str(path))
    for run in (1, 2):
        result = run_connection(connection, store, force_full=True)
        assert result.complete, run
        if reason is None:
            assert result.rejected == 0 and store.count("incidents") == GOOD + 1
            continue
        assert result.rejected == 1 and store.count("incidents") == GOOD, run
        assert any(reason in r for r in rejected_reasons(store))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(tmp_path, store, encoding):
    path = tmp_path / "export.csv"
    path.write_bytes(csv_text([]).encode(encoding))  # no BOM
    result = run_connection(Connection(name="fil", kind="file", file=str(path)), store)
    assert (result.new, result.rejected) == (GOOD, 0)
    assert {i.category for i in store.iter_incidents()} == {"skadegorelse"}  # "Klotter"


def test_a_geojson_file_nested_too_deeply_is_a_message(tmp_path, store):
    path = tmp_path / "export.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ' + "[" * 100000
                    + "]" * 100000 + "}", encoding="utf-8")
    with pytest.raises(SourceError, match="för djupt nästlad"):
        run_connection(Connection(name="fil", kind="file", file=str(path)), store)


def test_the_police_feed_takes_the_good_events_around_a_poisoned_one(store):
    events = [{"id": 1000 + n, "datetime": "2026-05-01 21:00:00 +02:00",
               "name": "01 maj 21.00, Skadegörelse, Nässjö", "summary": "Klotter.",
               "type": "Skadegörelse", "location": {"name": "Nässjö",
                                                    "gps": "57.653,14.696"}}
              for n in range(GOOD)]
    poisoned = dict(events[0], id=9999, datetime="0001-01-01 00:00:00 +14:00",
                    name="01 jan 00.00, Skadegörelse, Nässjö")
    nested: object = 1
    for _ in range(300):
        nested = [nested]
    odd = dict(events[0], id=9998, datetime=nested)
    kommun = registry().resolve("0682")
    for run, new in ((1, GOOD), (2, 0)):
        result = polisen.import_events(store, [*events, poisoned, odd], kommun=kommun)
        assert (result.new, result.rejected) == (new, 2), run
    assert store.count("incidents") == GOOD


def test_a_police_export_with_a_year_one_row(tmp_path, store):
    rows = [f"5000-K{n}-25;;Skadegörelse genom klotter;2025-05-04;2140;6 390 201,7;481 850,9;Park"
            for n in range(GOOD)]
    rows.append("5000-K999-25;;Skadegörelse genom klotter;0001-01-01;0000;6 390 201,7;"
                "481 850,9;Park")
    path = tmp_path / "brott.csv"
    path.write_text("Diarienummer;Brottskod;Brottstyp;Datum;Tid;X;Y;Platstyp\n"
                    + "\n".join(rows) + "\n", encoding="utf-8")
    for run, new in ((1, GOOD), (2, 0)):
        result = import_export(store, path, kommun=registry().resolve("0682"))
        assert (result.new, result.rejected) == (new, 1), run
