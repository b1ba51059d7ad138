"""Police events from the polisen.se feed: real saved responses and archives, and live polls
against a local HTTP server (pytest-httpserver on 127.0.0.1)."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from werkzeug import Response

from trygghet_plugin.domain.incident import Rejected
from trygghet_plugin.sources import polisen
from trygghet_plugin.sources.crs import lonlat_to_sweref
from trygghet_plugin.sources.http import SourceError
from trygghet_plugin.sources.kommuner import registry

POLISEN = Path(__file__).resolve().parents[1] / "data" / "polisen"
NASSJO_HISTORY = POLISEN / "history_nassjo_2023-2026.json"
LAN_HISTORY = POLISEN / "history_jonkopings_lan_2022-2026.json"
API_RESPONSE = POLISEN / "events_api_response_2025-06-07.json"


@pytest.fixture(scope="module")
def nassjo():
    return registry().resolve("Nässjö")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_kommun_is_found_by_name_or_code_and_a_wrong_one_is_explained():
    reg = registry()
    assert reg.resolve("0682") == reg.resolve("Nässjö") == reg.resolve("nässjö kommun")
    for wrong in ("682", "0682\n", "\u0660\u0666\u0668\u0662", "06 82"):
        with pytest.raises(SourceError, match="exakt fyra siffror"):
            reg.resolve(wrong)
    assert reg.resolve("Upplands väsby").code == "0114"  # the feed's lower-case spelling
    assert reg.resolve("Habo").code != reg.resolve("Håbo").code  # accents matter
    with pytest.raises(SourceError, match="Ingen kommun heter 'Nässjöö'"):
        reg.resolve("Nässjöö")
    with pytest.raises(SourceError, match="Kommunkoden 9999 finns inte"):
        reg.resolve("9999")


def test_nassjo_archive_builds_kommun_events_and_a_second_import_adds_nothing(store, nassjo):
    first = polisen.import_file(store, NASSJO_HISTORY, kommun=nassjo)
    assert (first.read, first.new, first.rejected, first.outside) == (138, 138, 0, 0)
    assert store.count("incidents", "source = 'police'") == 138
    # Never drawn as exact points: the feed only knows the kommun.
    assert store.count("incidents", "location_precision = 'exact'") == 0
    assert store.count("incidents", "kommunkod = '0682'") == 138
    again = polisen.import_file(store, NASSJO_HISTORY, kommun=nassjo)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 138)
    assert store.count("incidents") == 138
    assert "138 lästa, 0 nya" in again.summary()


def test_events_that_name_the_kommun_only_in_the_title_are_caught(store, nassjo):
    """From 2026 many events carry only the län; the kommun ends the title."""
    events = load(LAN_HISTORY)
    lan_only = [e for e in events if e["location"]["name"] == "Jönköpings län"
                and e["name"].endswith(", Nässjö")]
    assert len(lan_only) == 22
    result = polisen.import_events(store, events, kommun=nassjo)
    assert result.new == 138  # the same 138 as the Nässjö archive
    others = {k.name for k in registry().kommuner_in("06")} - {"Nässjö"}
    elsewhere = {str(e["id"]) for e in events if e["location"]["name"] in others
                 or e["name"].rsplit(", ", 1)[-1] in others}
    # ... and county-level events whose summary names one other kommun ("Rånförsök i
    # Jönköping"), but not the police area ("polisområde Jönköping" is the whole län).
    assert result.outside == len(elsewhere) + 12
    assert result.read == result.new + result.rejected + result.outside
    taken = {i.source_id for i in store.iter_incidents()}
    assert {str(e["id"]) for e in lan_only} <= taken
    # The point is the kommun's centre, not the län's centre the feed gives for these.
    centre = lonlat_to_sweref([(14.696725, 57.653036)])[0]
    (event,) = [i for i in store.iter_incidents() if i.source_id == str(lan_only[0]["id"])]
    assert (event.x, event.y) == pytest.approx(centre)
    assert event.location_precision == "kommun" and event.kommunkod == "0682"


def test_summaries_are_kept_out_of_incidents_and_counted_as_rejected(store, nassjo):
    events = load(LAN_HISTORY)
    # Summaries for Nässjö or for the whole län concern us; other kommuners' do not.
    summaries = [e for e in events if e["type"].startswith("Sammanfattning")
                 and e["location"]["name"] in ("Nässjö", "Jönköpings län")
                 and e["name"].rsplit(", ", 1)[-1] in ("Nässjö", "Jönköpings län")]
    result = polisen.import_events(store, events, kommun=nassjo)
    assert result.summaries == len(summaries) == 1208
    assert store.count("incidents", "description LIKE 'Sammanfattning%' "
                       "OR description LIKE '%, Sammanfattning%'") == 0
    kept = store.rejected("police")
    reasons = {r.reason for r in kept}
    assert any(r.startswith("sammanfattning av ett pass") for r in reasons)
    # Events of the län that do not say which kommun: not ours to place, kept with a reason.
    assert any(r.startswith("bara länet anges") for r in reasons)
    assert result.rejected == len(kept)
    again = polisen.import_events(store, events, kommun=nassjo)
    assert store.count("rejected") == len(kept)  # the same rejections, not twice
    assert again.summaries == result.summaries


def test_times_types_and_links_follow_the_feed_quirks(store):
    events = load(API_RESPONSE)
    result = polisen.import_events(store, events)
    assert result.read == 500
    by_id = {i.source_id: i for i in store.iter_incidents()}
    first = by_id["588172"]  # "06 juni 18.50, Trafikbrott, Kungsör", published 7:32:06 +02:00
    assert first.reported_at == datetime(2025, 6, 7, 5, 32, 6, tzinfo=timezone.utc)
    assert first.occurred_at.astimezone(timezone.utc) == datetime(2025, 6, 6, 16, 50,
                                                                  tzinfo=timezone.utc)
    assert (first.category, first.subcategory) == ("trafik", "trafikbrott")
    assert first.kommunkod == registry().resolve("Kungsör").code
    assert "https://polisen.se/aktuellt/handelser/2025/juni/6/" in first.description
    cats = {(i.category, i.subcategory) for i in by_id.values()}
    assert ("vald", "misshandel") in cats and ("ordningsstorning", "narkotika") in cats
    assert ("skadegorelse", None) in cats and ("stold", "inbrott") in cats
    assert not result.unknown_types
    # Without KOMMUN the whole country is taken; county-level events stay at the län.
    precisions = {i.location_precision for i in by_id.values()}
    assert precisions <= {"kommun", "lan"} and "lan" in precisions


def test_a_december_event_published_in_january_is_last_years():
    published = datetime(2026, 1, 1, 0, 20, tzinfo=timezone(timedelta(hours=1)))
    when = polisen.event_time("31 december 23.55, Brand, Nässjö", published)
    assert (when.year, when.month, when.day, when.hour) == (2025, 12, 31, 23)
    summer = polisen.event_time("2 juli 9:05, Stöld, Nässjö",
                                datetime(2026, 7, 2, 9, 30, tzinfo=timezone(timedelta(hours=2))))
    assert summer.utcoffset() == timedelta(hours=2) and summer.hour == 9


def test_an_area_named_in_the_summary_places_the_event_on_that_area(store, nassjo, tmp_path):
    from trygghet_plugin.sources.areas import import_areas
    from trygghet_sample import write_sample

    paths = write_sample(tmp_path, size=300, seed=11)
    import_areas(store, str(paths["areas"]), layer_name="RegSO_2025", kommunkod="0682")
    result = polisen.import_file(store, paths["police_events"], kommun=nassjo)
    placed = [i for i in store.iter_incidents() if i.location_precision == "area"]
    assert placed and result.precision["area"] == len(placed)
    names = {a.code: a.name for a in store.areas(kind="regso")}
    for event in placed:
        summary = event.description.splitlines()[1]
        assert f"i {names[event.area_code]}" in summary or \
            f", {names[event.area_code]}" in summary
        assert "mellan" not in summary  # "between Bodafors and Nässjö" is no place
    counts = dict(store._conn.execute(
        "SELECT area_code, events FROM police_area_counts WHERE events > 0").fetchall())
    assert counts["0682"] == result.precision["kommun"]
    assert sum(v for k, v in counts.items() if k != "0682") == len(placed)


def test_archives_may_be_gzipped_or_json_lines_with_a_broken_line(store, nassjo, tmp_path):
    events = load(NASSJO_HISTORY)
    gz = tmp_path / "nassjo.json.gz"
    gz.write_bytes(gzip.compress(NASSJO_HISTORY.read_bytes()))
    assert polisen.import_file(store, gz, kommun=nassjo).new == 138
    lines = tmp_path / "nassjo.jsonl"
    lines.write_text("\n".join([json.dumps(e, ensure_ascii=False) for e in events[:5]]
                               + ['{"id": 1, "name": "avbru'])
                     + "\n", encoding="utf-8")
    result = polisen.import_file(store, lines, kommun=nassjo)
    assert (result.read, result.unchanged, result.rejected) == (6, 5, 1)
    assert any("rad 6 är inte JSON" in r.reason for r in store.rejected("police"))


@pytest.mark.parametrize("content,message", [
    (b"", "är tom"),
    (b"<html>nope</html>", "inte JSON"),
    (b'{"type": "FeatureCollection"}', "ingen lista med polishändelser"),
])
def test_files_that_are_no_feed_give_a_clear_message(store, tmp_path, content, message):
    path = tmp_path / "fel.json"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message):
        polisen.import_file(store, path)


def test_records_without_id_or_with_an_unknown_place_are_rejected_with_reasons(store):
    events = [{"name": "1 maj 10.00, Stöld, Nässjö", "type": "Stöld",
               "datetime": "2025-05-01 10:05:00 +02:00", "location": {"name": "Nässjö"}},
              {"id": 7, "name": "1 maj 10.00, Stöld, Atlantis", "type": "Stöld",
               "datetime": "2025-05-01 10:05:00 +02:00", "location": {"name": "Atlantis"}},
              {"id": 8, "name": "1 maj 10.00, Stöld, Nässjö", "type": "Stöld",
               "datetime": "igår", "location": {"name": "Nässjö"}},
              "inte ett objekt"]
    result = polisen.import_events(store, events)
    assert (result.new, result.rejected) == (0, 4)
    reasons = sorted(r.reason.split(" / ")[0] for r in store.rejected("police"))
    assert reasons == ["inte en polishändelse (inget JSON-objekt)", "okänd plats 'Atlantis'",
                       "oläsbar tid 'igår'", "saknar id"]


# -- live ----------------------------------------------------------------------------------
class FakeClock:
    def __init__(self):
        self.now = 1_750_000_000.0
        self.slept = 0.0

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept += seconds
        self.now += seconds


def serve(httpserver, events, status=200):
    httpserver.expect_request("/api/events").respond_with_json(events, status=status)
    return httpserver.url_for("/api/events")


def test_a_live_poll_sends_the_plugin_name_and_the_kommun_and_keeps_a_cursor(
        httpserver, store, nassjo):
    url = serve(httpserver, load(NASSJO_HISTORY)[:100])
    clock = FakeClock()
    limiter = polisen.RateLimiter(store, clock=clock.time, sleep=clock.sleep)
    result = polisen.poll(store, kommun=nassjo, url=url, limiter=limiter)
    assert result.new == 100
    (request, _) = httpserver.log[0]
    assert request.headers["User-Agent"].startswith("Trygghet-QGIS-plugin/")
    assert request.args["locationname"] == "Nässjö;Jönköpings län"
    state = store.sync_state(polisen.cursor_key(nassjo))
    assert state.cursor["max_id"] == max(e["id"] for e in load(NASSJO_HISTORY)[:100])
    assert state.cursor["polls"] == 1
    # A second poll right after waits out the 10 s the service asks for, then builds on.
    httpserver.clear()
    serve(httpserver, load(NASSJO_HISTORY)[90:])
    clock.now += 3
    second = polisen.poll(store, kommun=nassjo, url=url, limiter=limiter)
    assert clock.slept == pytest.approx(7, abs=0.01)
    assert (second.new, second.unchanged) == (38, 10)
    assert store.count("incidents") == 138
    assert store.sync_state(polisen.cursor_key(nassjo)).cursor["polls"] == 2


def test_the_hourly_limit_holds_across_runs(httpserver, store, nassjo, store_path):
    from trygghet_plugin.store import open_store

    url = serve(httpserver, [])
    clock = FakeClock()
    for _ in range(polisen.MAX_CALLS_PER_HOUR):
        polisen.RateLimiter(store, clock=clock.time, sleep=clock.sleep).acquire()
        clock.now += 11
    store.close()
    with open_store(store_path) as again:  # another run of the plugin
        limiter = polisen.RateLimiter(again, clock=clock.time, sleep=clock.sleep)
        with pytest.raises(SourceError, match="högst 60 anrop i timmen"):
            polisen.poll(again, kommun=nassjo, url=url, limiter=limiter)
    assert len(httpserver.log) == 0


def test_a_429_is_reported_and_not_retried(httpserver, store):
    httpserver.expect_request("/api/events").respond_with_response(
        Response("Too Many Requests", status=429, headers={"Retry-After": "1"}))
    clock = FakeClock()
    with pytest.raises(SourceError, match="begränsar antalet anrop"):
        polisen.poll(store, url=httpserver.url_for("/api/events"),
                     limiter=polisen.RateLimiter(store, clock=clock.time, sleep=clock.sleep))
    assert len(httpserver.log) == 1
    # The failed call still counts against the limits.
    assert len(polisen.RateLimiter(store, clock=clock.time).calls()) == 1


def test_a_poll_that_comes_too_late_warns_about_the_gap(httpserver, store, nassjo):
    events = load(LAN_HISTORY)
    events.sort(key=lambda e: e["id"], reverse=True)
    clock = FakeClock()
    limiter = polisen.RateLimiter(store, clock=clock.time, sleep=clock.sleep)
    url = serve(httpserver, events[-polisen.FEED_PAGE:])
    polisen.poll(store, kommun=nassjo, url=url, limiter=limiter)
    httpserver.clear()
    serve(httpserver, events[:polisen.FEED_PAGE])
    later = polisen.poll(store, kommun=nassjo, url=url, limiter=limiter)
    assert "händelser däremellan kan saknas" in later.summary()


def test_plain_http_is_refused_for_a_remote_feed(store):
    with pytest.raises(SourceError, match="Okrypterad http"):
        polisen.poll(store, url="http://polisen.se/api/events")


def test_rejected_raw_keeps_the_whole_event(store, tmp_path):
    path = tmp_path / "svar.json"
    shutil.copy(API_RESPONSE, path)
    polisen.import_file(store, path)
    kept = [r for r in store.rejected("police") if r.source_id == "588171"]
    assert isinstance(kept[0], Rejected)
    assert json.loads(kept[0].raw)["type"] == "Sammanfattning natt"


@pytest.mark.parametrize("summary,code", [
    ("Brand i villa i Anneberg-Grimstorp.", "R6"),
    ("Bråk i nässjö centrum under natten", "R1"),
    ("Stöld, Bodafors", "R4"),
    ("Bil körde av vägen mellan Bodafors och Nässjö.", None),  # between two places
    ("Brand på Bodaforsvägen", None),  # a street named after the town
    ("Inbrott i Bodafors och i Nässjö centrum", None),  # two areas: no single place
    ("Misshandel i Nässjö", None),  # the kommun itself
])
def test_area_names_in_summaries(summary, code):
    from osgeo import ogr

    from trygghet_plugin.domain.area import Area

    wkb = ogr.CreateGeometryFromWkt(
        "MULTIPOLYGON (((480000 6390000, 481000 6390000, 481000 6391000, 480000 "
        "6390000)))").ExportToIsoWkb()
    matcher = polisen.AreaMatcher([Area("R6", "regso", wkb, "Anneberg-Grimstorp", "0682"),
                                   Area("R1", "regso", wkb, "Nässjö centrum", "0682"),
                                   Area("R4", "regso", wkb, "Bodafors", "0682"),
                                   Area("R9", "regso", wkb, "Nässjö", "0682")], "Nässjö")
    found = matcher.find(summary)
    assert (found.code if found else None) == code
