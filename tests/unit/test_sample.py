"""The sample kommun generator: determinism, geography, time patterns, edits, output files."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime, timedelta, timezone
from itertools import combinations

import numpy as np
import pytest
from osgeo import ogr

from trygghet_plugin import paths
from trygghet_plugin.domain.taxonomy import Taxonomy
from trygghet_sample import generate, stockholm, write_sample
from trygghet_sample.__main__ import main
from trygghet_sample.generator import window
from trygghet_sample.geography import to_sweref
from trygghet_sample.profiles import KEY_INDEX, KEYS, UNKNOWN_KEYS
from trygghet_sample.writer import write_survey_csv

ogr.UseExceptions()

SIZE = 20_000


@pytest.fixture(scope="module")
def sample():
    return generate(size=SIZE, seed=7)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    small = generate(size=2000, seed=3)
    return small, write_sample(out, sample=small)


def _local(utc: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Month, weekday (Mon=0) and hour of Stockholm wall-clock time."""
    local = stockholm.local_seconds(utc)
    day = local // 86400
    month = day.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) % 12 + 1
    return month, (day + 3) % 7, (local // 3600) % 24


# -- determinism and size -------------------------------------------------------------------

def test_same_seed_same_data_other_seed_other_data():
    a, b, c = generate(3000, seed=5), generate(3000, seed=5), generate(3000, seed=6)
    for name in ("key", "first_key", "x", "y", "occurred_at", "reported_at", "updated_at",
                 "closed", "reporter", "text"):
        assert np.array_equal(getattr(a.reports, name), getattr(b.reports, name)), name
    assert a.police_events == b.police_events
    assert a.survey_results == b.survey_results
    assert a.survey_places == b.survey_places
    assert not np.array_equal(a.reports.x, c.reports.x)
    assert a.police_events != c.police_events


@pytest.mark.parametrize("size", [1, 1000, 3333])
def test_count_equals_size_and_ids(size):
    reports = generate(size, seed=2).reports
    assert len(reports) == size
    ids = reports.ids
    assert ids[0] == "R0000001" and len(set(ids)) == size
    assert all(re.fullmatch(r"R\d{7}", i) for i in ids)
    assert np.all(np.diff(reports.reported_at) >= 0)  # ids follow the order of arrival


def test_rejects_bad_arguments():
    with pytest.raises(ValueError):
        generate(0)
    with pytest.raises(ValueError):
        generate(10, years=0)


# -- geography --------------------------------------------------------------------------------

def test_all_points_inside_boundary(sample):
    boundary = ogr.CreateGeometryFromWkt(sample.boundary_wkt)
    reports = sample.reports
    for x, y in zip(reports.x.tolist(), reports.y.tolist()):
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        assert boundary.Contains(point), (x, y)
    for place in sample.survey_places:
        point = ogr.CreateGeometryFromWkt(f"POINT ({place['x']} {place['y']})")
        assert boundary.Contains(point)


def test_areas_tile_the_boundary(sample):
    boundary = ogr.CreateGeometryFromWkt(sample.boundary_wkt)
    shapes = [ogr.CreateGeometryFromWkt(a.wkt) for a in sample.areas]
    assert 25 <= len(shapes) <= 35
    total = sum(s.GetArea() for s in shapes)
    assert abs(total - boundary.GetArea()) / boundary.GetArea() < 0.005
    for a, b in combinations(shapes, 2):
        if a.Intersects(b):
            assert a.Intersection(b).GetArea() < 1.0  # shared edges only, no overlap
    # the nearest-seed lookup agrees with the polygons
    reports = sample.reports
    for i in range(0, len(reports), 97):
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(float(reports.x[i]), float(reports.y[i]))
        assert shapes[int(reports.area[i])].Intersects(point)


def test_population_and_codes(sample):
    assert sum(a.population for a in sample.areas) == 31_615
    codes = [a.code for a in sample.areas]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"0682[ABC]\d{4}", c) for c in codes)
    assert all(re.fullmatch(r"0682R\d{3}", a.regso_code) for a in sample.areas)
    assert {c[4] for c in codes} == {"A", "B", "C"}
    density = {}
    for area in sample.areas:
        km2 = ogr.CreateGeometryFromWkt(area.wkt).GetArea() / 1e6
        density.setdefault(area.code[4], []).append(area.population / km2)
    assert min(density["C"][:6]) > 10 * max(density["A"])  # central town is dense
    assert sample.kommunkod == "0682" and sample.kommun_name == "Nässjö"


# -- time patterns ----------------------------------------------------------------------------

def test_within_window(sample):
    start, end_ts = window(sample.end, 3)
    reports = sample.reports
    first = stockholm.local_to_utc(np.array([stockholm.epoch_day(start) * 86400]))[0]
    assert reports.occurred_at.min() >= first
    assert reports.updated_at.max() <= end_ts
    assert np.all(reports.reported_at >= reports.occurred_at)
    assert np.all(reports.updated_at >= reports.reported_at)


def test_seasonality_and_weekly_rhythm(sample):
    reports = sample.reports
    month, weekday, hour = _local(reports.occurred_at)
    assert (month == 7).sum() > 1.4 * (month == 2).sum()
    evening = hour >= 18
    fri_sat = ((weekday == 4) | (weekday == 5)) & evening
    tuesday = (weekday == 1) & evening
    assert fri_sat.sum() > 2 * 1.3 * tuesday.sum()
    groups = reports.key == KEY_INDEX["samling"]
    assert (groups & evening).sum() > 0.5 * groups.sum()
    lighting = reports.key == KEY_INDEX["belysning"]
    assert np.isin(month[lighting], (10, 11, 12, 1, 2)).mean() > 0.6
    litter = reports.key == KEY_INDEX["skrap"]
    _, report_day, report_hour = _local(reports.reported_at)
    monday_morning = (report_day == 0) & (report_hour >= 7) & (report_hour < 11)
    tuesday_morning = (report_day == 1) & (report_hour >= 7) & (report_hour < 11)
    assert (litter & monday_morning).sum() > 2 * (litter & tuesday_morning).sum()


def test_trend_and_hotspot_lives(sample):
    reports = sample.reports
    year = ((reports.occurred_at - reports.occurred_at.min()) // (365 * 86400)).clip(0, 2)
    towns_only = ~np.isin(reports.component, [h["component"] for h in sample.hotspots])
    per_year = np.bincount(year[towns_only], minlength=3)
    assert per_year[2] > per_year[0]
    for spot in sample.hotspots:
        counts = np.bincount(year[reports.component == spot["component"]], minlength=3)
        if spot["life"] == "emerging":
            assert counts[0] == 0 and counts[2] > 50
        elif spot["life"] == "historical":
            assert counts[0] > 50 and counts[1] + counts[2] < 0.02 * counts[0]
        elif spot["life"] == "persistent":
            assert counts.min() > 0.5 * counts.max()
        d = np.hypot(reports.x - spot["x"], reports.y - spot["y"])[
            reports.component == spot["component"]]
        assert np.median(d) < 2 * spot["spread"]


def test_late_arrival(sample):
    delay = (sample.reports.reported_at - sample.reports.occurred_at) / 3600
    assert np.median(delay) < 12
    assert 0.10 < (delay > 24).mean() < 0.35
    assert delay.max() <= 20 * 24 + 1
    assert (delay > 10 * 24).sum() > 0  # the heavy tail exists


def test_dst_rule_matches_zoneinfo():
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        tz = zoneinfo.ZoneInfo("Europe/Stockholm")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no tz database")
    rng = np.random.default_rng(0)
    utc = rng.integers(1_577_836_800, 1_893_456_000, 3000)  # 2020..2030
    transitions = [b for y in range(2020, 2030) for b in stockholm.summer_time_bounds(y)]
    utc = np.concatenate([utc, np.array(transitions), np.array(transitions) - 1])
    offsets = stockholm.utc_offset(utc)
    for u, off in zip(utc.tolist(), offsets.tolist()):
        assert datetime.fromtimestamp(u, tz).utcoffset().total_seconds() == off
    back = stockholm.local_to_utc(stockholm.local_seconds(utc))
    # only the repeated autumn hour differs: it reads as summer time, like fold=0
    ends = np.array([stockholm.summer_time_bounds(y)[1] for y in range(2020, 2030)])
    repeated = ((utc[:, None] >= ends) & (utc[:, None] < ends + 3600)).any(axis=1)
    assert np.array_equal(back[~repeated], utc[~repeated])
    assert np.array_equal(back[repeated], utc[repeated] - 3600)
    assert stockholm.iso_local(np.array([1_749_323_640]))[0] == "2025-06-07T21:14:00+02:00"
    # a wall-clock time in the spring gap is read like zoneinfo's fold=0 does
    gap = datetime(2025, 3, 30, 2, 30, tzinfo=tz)
    local = (gap.replace(tzinfo=stockholm.UTC) - datetime(1970, 1, 1, tzinfo=stockholm.UTC))
    assert stockholm.local_to_utc(np.array([int(local.total_seconds())]))[0] == int(
        gap.timestamp())


# -- edits and snapshots ------------------------------------------------------------------------

def test_edits(sample):
    reports = sample.reports
    edited = reports.edited
    assert 0.07 < edited.mean() < 0.13
    assert not reports.closed[~edited].any()
    corrected = reports.first_key != reports.key
    assert corrected.any() and not (corrected & ~edited).any()
    assert np.all(reports.closed[edited] | corrected[edited])  # every edit changes something


def test_snapshot_shows_old_form_before_edit(sample):
    reports = sample.reports
    i = int(np.flatnonzero((reports.first_key != reports.key) & reports.closed)[0])
    reported, updated = int(reports.reported_at[i]), int(reports.updated_at[i])
    number = int(reports.number[i])

    def row(as_of):
        snap = sample.snapshot(datetime.fromtimestamp(as_of, stockholm.UTC))
        hit = np.flatnonzero(snap.number == number)
        return None if hit.size == 0 else snap.record(int(hit[0]))

    assert row(reported - 1) is None
    before = row(reported + (updated - reported) // 2)
    assert before["category"] == KEYS[reports.first_key[i]].category
    assert before["status"] == "open" and before["updated_at"] == before["reported_at"]
    after = row(updated)
    assert after == reports.record(i)
    assert after["status"] == "closed"
    # the snapshot at the end is the full table; earlier snapshots only grow
    full = sample.snapshot(int(reports.updated_at.max()))
    assert len(full) == len(reports) and np.array_equal(full.key, reports.key)
    sizes = [len(sample.snapshot(int(t))) for t in np.linspace(reports.reported_at.min(),
                                                               reports.reported_at.max(), 6)]
    assert sizes == sorted(sizes)
    with pytest.raises(ValueError):
        sample.snapshot(datetime(2025, 1, 1))


def test_snapshot_catches_late_reports(sample):
    reports = sample.reports
    as_of = int(np.median(reports.reported_at))
    snap = sample.snapshot(as_of)
    late = (reports.occurred_at <= as_of) & (reports.reported_at > as_of)
    assert late.sum() > 0
    assert not np.isin(reports.number[late], snap.number).any()


# -- categories, reporters, incidents -------------------------------------------------------------

def test_unknown_categories(sample):
    taxonomy = Taxonomy.load(paths.taxonomy_file())
    unknown = np.isin(sample.reports.key, UNKNOWN_KEYS)
    assert 0.002 < unknown.mean() < 0.01
    for k in UNKNOWN_KEYS:
        assert not taxonomy.classify(KEYS[k].category, KEYS[k].subcategory).known
    for key in KEYS:
        if key.known:
            assert taxonomy.classify(key.category, key.subcategory).known
    labels = set(sample.reports.category.tolist())
    assert {"Skadegörelse", "Nedskräpning", "Otrygghetsskapande samling av personer",
            "Annat ordningsstörande", "Otrygg plats", "Hundbajs"} <= labels


def test_reporters(sample):
    reports = sample.reports
    assert len(reports.reporters) == 80
    assert len(set(reports.reporters.orgs)) == 12
    counts = np.sort(np.bincount(reports.reporter, minlength=80))[::-1]
    assert counts[:5].sum() > 0.2 * counts.sum()  # a few heavy reporters
    assert all(re.fullmatch(r"rep-\d{3}", r) for r in reports.reporter_id[:100])
    month_index = (reports.occurred_at - reports.occurred_at.min()) // (30 * 86400)
    silent = 0
    for r in range(80):  # some reporters are inactive in some periods
        months = np.unique(month_index[reports.reporter == r])
        silent += months.size < month_index.max() * 0.8
    assert silent >= 10


def test_iter_incidents(sample):
    taxonomy = Taxonomy.load(paths.taxonomy_file())
    incidents = list(sample.iter_incidents())
    assert len(incidents) == SIZE
    first = incidents[0]
    assert first.source == "reports" and first.source_id == "R0000001"
    assert first.kommunkod == "0682"
    assert first.occurred_at.tzinfo is not None
    assert first.occurred_at.utcoffset() == timedelta(0)
    for incident, key in zip(incidents[:2000], sample.reports.key[:2000].tolist()):
        assert incident.category in taxonomy.categories
        assert incident.subcategory is None or incident.subcategory in taxonomy.subcategories
        if key in UNKNOWN_KEYS:
            assert incident.category == "ovrigt"
    record = sample.reports.record(0)
    assert datetime.fromisoformat(record["occurred_at"]) == first.occurred_at
    assert record["description"] == first.description


# -- police events -------------------------------------------------------------------------------

def _feed_time(text: str) -> datetime:
    day, clock, offset = text.split(" ")
    hour, minute, second = (int(v) for v in clock.split(":"))
    tz = timezone(timedelta(hours=int(offset[1:3])) * (1 if offset[0] == "+" else -1))
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, second=second,
                                               tzinfo=tz)


def test_police_events_have_the_feed_quirks(sample):
    events = sample.police_events
    years = {}
    for event in events:
        assert set(event) == {"id", "datetime", "name", "summary", "url", "type", "location"}
        assert isinstance(event["id"], int)
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d{1,2}:\d\d:\d\d \+0[12]:00", event["datetime"])
        assert event["url"].startswith("/aktuellt/handelser/") and event["url"].endswith("/")
        assert event["name"].endswith(", Nässjö")
        lat, lon = (float(v) for v in event["location"]["gps"].split(","))
        assert 57 < lat < 58 and 14 < lon < 15
        years[event["datetime"][:4]] = years.get(event["datetime"][:4], 0) + 1
    assert all(40 <= years[y] <= 60 for y in ("2024", "2025"))
    assert any(re.match(r"\d{4}-\d\d-\d\d \d:", e["datetime"]) for e in events)
    times = [_feed_time(e["datetime"]) for e in events]
    assert times == sorted(times, reverse=True)  # newest first, like the API
    assert [e["id"] for e in events] == sorted((e["id"] for e in events), reverse=True)
    types = {e["type"] for e in events}
    assert {"Övrigt"} <= types and any(t.startswith("Sammanfattning") for t in types)
    assert any(re.search(r"på \w+gatan, Nässjö", e["summary"]) for e in events)
    late = [e for e in events if times[events.index(e)].date() >= date(2026, 2, 1)]
    lan = [e for e in late if e["location"]["name"] == "Jönköpings län"]
    assert len(lan) > len(late) / 2
    assert all(e["location"]["name"] == "Nässjö" for e, t in zip(events, times)
               if t.date() < date(2026, 2, 1))


# -- surveys -------------------------------------------------------------------------------------

def test_survey_csv(sample, tmp_path):
    path = tmp_path / "survey.csv"
    write_survey_csv(path, sample)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["undersokning", "omrade", "fraga", "index", "andel_otrygga", "svarande"]
    codes = {a.code for a in sample.areas}
    surveys = set()
    for name, area, _question, index, unsafe, answered in rows[1:]:
        surveys.add(name)
        assert area in codes
        assert "," in index and 0 <= float(index.replace(",", ".")) <= 6
        assert 0 <= float(unsafe.replace(",", ".")) <= 100
        assert 20 <= int(answered) <= 150
    assert surveys == {"Trygghetsmätning 2024", "Trygghetsmätning 2025"}
    questions = {r[2] for r in rows[1:]}
    assert {"Nedskräpning", "Klotter", "Bråk och oväsen", "Personer som är påverkade",
            "Otrygg ute sent på kvällen"} <= questions


def test_survey_follows_hotspots(sample):
    reports = sample.reports
    rows = [r for r in sample.survey_results
            if r["fraga"] == "Klotter" and r["undersokning"] == "Trygghetsmätning 2025"]
    population = np.array([a.population for a in sample.areas])
    rate = np.bincount(reports.area[reports.key == KEY_INDEX["klotter"]],
                       minlength=len(sample.areas)) / (population + 300)
    index = np.array([r["index"] for r in rows])
    ranks = [np.argsort(np.argsort(v)) for v in (rate, index)]
    assert np.corrcoef(*ranks)[0, 1] > 0.5
    reasons = {p["reason"] for p in sample.survey_places}
    assert {"Dålig belysning", "Folksamlingar"} <= reasons


# -- files ---------------------------------------------------------------------------------------

def test_write_sample_round_trip(written):
    small, files = written
    assert set(files) == {"reports", "areas", "population", "police_events", "survey_results",
                          "survey_places"}
    ds = ogr.Open(str(files["reports"]))
    layer = ds.GetLayer(0)
    assert layer.GetFeatureCount() == 2000
    feature = layer.GetNextFeature()
    assert feature.GetField("id") == "R0000001"
    assert feature.GetField("category") == small.reports.record(0)["category"]
    ds = None
    data = json.loads(files["reports"].read_text(encoding="utf-8"))
    assert "crs" not in data and data["type"] == "FeatureCollection"
    props = [f["properties"] for f in data["features"]]
    assert list(props[0]) == ["id", "category", "subcategory", "occurred_at", "reported_at",
                              "updated_at", "status", "reporter_org", "reporter_id",
                              "description"]
    assert props[5] == small.reports.record(5)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[12]:00", props[0]["occurred_at"])
    lon = np.array([f["geometry"]["coordinates"][0] for f in data["features"]])
    lat = np.array([f["geometry"]["coordinates"][1] for f in data["features"]])
    x, y = to_sweref(lon, lat)
    assert np.abs(x - small.reports.x).max() < 0.2 and np.abs(y - small.reports.y).max() < 0.2
    text = files["reports"].read_text(encoding="utf-8")
    assert re.search(r'"coordinates":\[14\.\d{6},57\.\d{6}\]', text)

    ds = ogr.Open(str(files["areas"]))
    deso = ds.GetLayerByName("DeSO_2025")
    assert deso.GetFeatureCount() == len(small.areas)
    assert deso.GetSpatialRef().GetAuthorityCode(None) == "3006"
    names = [deso.GetLayerDefn().GetFieldDefn(i).GetName()
             for i in range(deso.GetLayerDefn().GetFieldCount())]
    assert names == ["desokod", "regsokod", "regsonamn", "kommunkod", "kommunnamn"]
    codes = sorted(f.GetField("desokod") for f in deso)
    assert codes == sorted(a.code for a in small.areas)
    assert ds.GetLayerByName("kommun").GetFeatureCount() == 1
    ds = None

    lines = files["population"].read_text(encoding="utf-8").splitlines()
    assert lines[0] == "desokod;population"
    assert sum(int(line.split(";")[1]) for line in lines[1:]) == 31_615
    assert json.loads(files["police_events"].read_text(encoding="utf-8")) == small.police_events
    places = json.loads(files["survey_places"].read_text(encoding="utf-8"))
    assert len(places["features"]) == len(small.survey_places)
    assert {"survey", "reason"} <= set(places["features"][0]["properties"])


def test_cli(tmp_path, capsys):
    assert main(["--out", str(tmp_path), "--size", "1000", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "reports.geojson" in out and "1,000" in out and "areas.gpkg" in out
    assert (tmp_path / "survey_places.geojson").is_file()
