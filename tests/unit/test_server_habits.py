"""Servers as they are: times without a zone (UTC unless the connection says Swedish time),
a warning when many reports seem reported before they occurred, and a sync that finds
nothing says which window it asked."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from trygghet_plugin.jobs.sync import run_connection
from trygghet_plugin.sources.connections import Connection
from trygghet_plugin.sources.http import SourceError, make_session


def serve(httpserver, features: list[dict]) -> str:
    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_data(
        json.dumps({"type": "FeatureCollection", "features": features, "links": []}),
        content_type="application/geo+json")
    return httpserver.url_for("/ogcapi")


def feature(n: int, occurred: str, reported: str) -> dict:
    return {"type": "Feature", "id": f"R{n}",
            "geometry": {"type": "Point", "coordinates": [14.70, 57.65]},
            "properties": {"category": "Klotter", "occurred_at": occurred,
                           "reported_at": reported}}


@pytest.mark.parametrize("setting,hour", [("", 21), ("utc", 21), ("stockholm", 19)])
def test_times_without_a_zone(httpserver, store, setting, hour):
    url = serve(httpserver, [feature(1, "2026-05-01T21:00:00", "2026-05-01T21:30:00")])
    run_connection(Connection(name="x", url=url, collection="reports", naive_times=setting),
                   store, session=make_session(retries=0))
    (incident,) = store.iter_incidents()
    assert incident.occurred_at == datetime(2026, 5, 1, hour, 0, tzinfo=timezone.utc)


def test_export_files_mean_swedish_time_by_default(tmp_path, store):
    path = tmp_path / "export.csv"
    path.write_text("Ärende;Händelsetyp;Tidpunkt;Lat;Lon\n1;Klotter;2026-05-01 21:00;57,65;"
                    "14,70\n", encoding="utf-8")
    run_connection(Connection(name="fil", kind="file", file=str(path)), store)
    (incident,) = store.iter_incidents()
    assert incident.occurred_at == datetime(2026, 5, 1, 19, 0, tzinfo=timezone.utc)


def test_many_reports_before_they_occurred_are_a_warning(httpserver, store):
    # The server stores UTC but writes the event time with a zone, the report time without.
    features = [feature(n, "2026-05-01T21:00:00+00:00", "2026-05-01T22:00:00")
                for n in range(20)]
    url = serve(httpserver, features)
    wrong = run_connection(Connection(name="x", url=url, collection="reports",
                                      naive_times="stockholm"), store,
                           session=make_session(retries=0))
    assert "20 av 20 rapporter verkar rapporterade innan de inträffade" in wrong.summary()
    right = run_connection(Connection(name="x", url=url, collection="reports"), store,
                           session=make_session(retries=0), force_full=True)
    assert "innan de inträffade" not in right.summary()


def test_a_wrong_setting_is_a_message(store):
    with pytest.raises(SourceError, match="utc eller stockholm"):
        run_connection(Connection(name="x", url="http://127.0.0.1:9/ogcapi",
                                  collection="reports", naive_times="cet"), store)


def test_a_sync_that_finds_nothing_says_what_it_asked(httpserver, store):
    url = serve(httpserver, [])
    result = run_connection(Connection(name="x", url=url, collection="reports"), store,
                            session=make_session(retries=0))
    assert "inga rapporter alls (frågade efter allt)" in result.summary()


def test_a_point_abroad_is_reported_in_lat_long(httpserver, store):
    paris = {"type": "Feature", "id": "P1",
             "geometry": {"type": "Point", "coordinates": [2.35, 48.85]},
             "properties": {"category": "Klotter", "occurred_at": "2026-05-01T21:00:00Z"}}
    url = serve(httpserver, [paris])
    run_connection(Connection(name="x", url=url, collection="reports"), store,
                   session=make_session(retries=0))
    (rejected,) = store.rejected()
    assert "lat 48.85000, long 2.35000" in rejected.reason


def test_open311_city_services_land_in_the_taxonomy(httpserver, store):
    from werkzeug import Response

    services = [{"service_code": "4fd3b167e750846744000005", "service_name": "Graffiti Removal",
                 "group": "Sanitation"},
                {"service_code": "SLR", "service_name": "Street Light Repair"},
                {"service_code": "PH", "service_name": "Potholes"}]
    when = "2026-05-10T08:00:00Z"
    records = [{"service_request_id": f"S{n}", "service_code": code, "lat": 57.65,
                "long": 14.70, "requested_datetime": when, "updated_datetime": when,
                "status": "open", "address": "Storgatan 1, Nässjö",
                "media_url": f"https://311.example.org/media/{n}.jpg",
                "status_notes": "Crew sent"} for n, code in enumerate(
                    ["4fd3b167e750846744000005", "SLR", "PH"])]

    def handler(request):
        if request.headers.get("Accept") != "application/json":  # as some servers insist
            return Response("Unsupported Content-Type", status=400)
        body = services if request.path.endswith("services.json") else records
        return Response(json.dumps(body), content_type="application/json")

    httpserver.expect_request("/open311/v2/services.json").respond_with_handler(handler)
    httpserver.expect_request("/open311/v2/requests.json").respond_with_handler(handler)
    connection = Connection(name="stad", kind="open311", url=httpserver.url_for("/open311/v2"),
                            history_from="2026-05-01",
                            aliases={"Potholes": "Skadegörelse – Övrig skadegörelse"})
    result = run_connection(connection, store, session=make_session(retries=0))
    got = {i.source_id: (i.category, i.subcategory) for i in store.iter_incidents()}
    assert got == {"S0": ("skadegorelse", "klotter"), "S1": ("otrygg_plats", "belysning"),
                   "S2": ("skadegorelse", "skadegorelse_ovrig")}
    assert not result.unknown_categories
    details = json.loads(next(i for i in store.iter_incidents() if i.source_id == "S0").details)
    assert details == {"service_code": "4fd3b167e750846744000005",
                       "service_name": "Graffiti Removal", "address": "Storgatan 1, Nässjö",
                       "media_url": "https://311.example.org/media/0.jpg",
                       "status_notes": "Crew sent"}


@pytest.mark.parametrize("word", ["Skadegörelse – klotter", "Skadegörelse / Klotter",
                                  "skadegörelse - klotter"])
def test_category_and_subcategory_in_one_word(taxonomy, word):
    hit = taxonomy.classify(word)
    assert (hit.category, hit.subcategory, hit.known) == ("skadegorelse", "klotter", True)
