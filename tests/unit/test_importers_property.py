"""Property-based: random and hostile records thrown at every importer (OGC API features,
Open311 requests, export files as CSV and GeoJSON, the police feed and police exports). For
any delivery: no exception escapes, every valid record lands exactly once, every other record
is in ``rejected`` with a reason, and the GeoPackage passes ``pragma integrity_check``.

``make test`` runs a bounded number of examples; ``make bench`` (bench_import) runs many more
through TRYGGHET_HYPOTHESIS_EXAMPLES."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trygghet_plugin.sources import polisen
from trygghet_plugin.sources.exportfile import sync_file
from trygghet_plugin.sources.kommuner import registry
from trygghet_plugin.sources.open311 import parse_requests
from trygghet_plugin.sources.police_exports import import_export
from trygghet_plugin.sources.records import FieldMapping, RecordParser, write_records
from trygghet_plugin.sources.sync import parse_features
from trygghet_plugin.store import open_store

EXAMPLES = int(os.environ.get("TRYGGHET_HYPOTHESIS_EXAMPLES", "25"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Any character at all: lone surrogates, NUL, controls, right-to-left marks.
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=40)
POISON_TIMES = st.sampled_from([
    "0001-01-01", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2026-02-30",
    "2026-13-01 25:61", "1899-12-31", "", "igår", "2026-05-01T21:00:00Z"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), ANY_TEXT, POISON_TIMES,
                    st.floats(allow_nan=True, allow_infinity=True))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(ANY_TEXT, inner, max_size=3)), max_leaves=8)
FIELDS = ("category", "subcategory", "occurred_at", "reported_at", "updated_at", "status",
          "reporter_org", "description")
COORDS = st.one_of(st.tuples(st.floats(14.5, 15.0), st.floats(57.5, 57.8)),
                   st.tuples(st.floats(allow_nan=True, allow_infinity=True),
                             st.floats(allow_nan=True, allow_infinity=True)),
                   st.tuples(st.integers(), st.integers()))


@st.composite
def good_feature(draw, n: int) -> dict:
    lon, lat = draw(st.floats(14.60, 14.80)), draw(st.floats(57.60, 57.70))
    return {"type": "Feature", "id": f"G{n}",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"category": draw(st.sampled_from(["Klotter", "Nedskräpning",
                                                             "Hundbajs"])),
                           "occurred_at": "2026-05-01T21:00:00+02:00",
                           "description": draw(ANY_TEXT)}}


@st.composite
def hostile_feature(draw, n: int):
    if draw(st.integers(0, 9)) == 0:
        return draw(VALUES)  # not even an object
    props = {name: draw(VALUES) for name in draw(st.lists(st.sampled_from(FIELDS),
                                                         unique=True))}
    props["id"] = draw(st.one_of(st.just(f"X{n}"), VALUES))
    lon, lat = draw(COORDS)
    geometry = draw(st.one_of(st.just({"type": "Point", "coordinates": [lon, lat]}), VALUES))
    return {"type": "Feature", "geometry": geometry, "properties": draw(
        st.one_of(st.just(props), VALUES))}


@st.composite
def delivery(draw, good=good_feature, hostile=hostile_feature):
    goods = [draw(good(n)) for n in range(draw(st.integers(0, 6)))]
    bad = [draw(hostile(n)) for n in range(draw(st.integers(0, 6)))]
    mixed = draw(st.permutations(goods + bad))
    return goods, mixed


def fresh_store():
    return open_store(Path(tempfile.mkdtemp()) / f"{uuid.uuid4().hex}.gpkg")


def integrity_ok(store) -> bool:
    with sqlite3.connect(str(store.path)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def distinct(records: list) -> int:
    return len({json.dumps(r, sort_keys=True, default=str) for r in records})


def assert_accounted(store, good_ids: list[str], records: list) -> None:
    """Every good record taken once; every record taken or rejected (identical records
    are one row in ``rejected``: the store keys rejections by their text)."""
    taken = [i.source_id for i in store.iter_incidents("source = ?", ("reports",))]
    rejected = store.rejected()
    assert set(good_ids) <= set(taken)
    assert len(taken) == len(set(taken))
    assert distinct(records) <= len(taken) + len(rejected) <= len(records)
    assert all(r.reason for r in rejected)
    assert integrity_ok(store)


@pytest.fixture(scope="module")
def parser_for(taxonomy):
    def make(kind: str) -> RecordParser:
        return RecordParser("reports", taxonomy, FieldMapping.default_for(kind))
    return make


@SETTINGS
@given(delivery())
def test_ogc_api_features(parser_for, data):
    goods, features = data
    with fresh_store() as store:
        incidents, rejected = parse_features(features, parser_for("oapif"))
        write_records(store, incidents, rejected)
        assert_accounted(store, [g["id"] for g in goods], features)


def as_request(feature) -> object:
    """The same record as an Open311 service request."""
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        return feature
    props = feature["properties"]
    geometry = feature.get("geometry")
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    lon, lat = coords if isinstance(coords, list) and len(coords) == 2 else (None, None)
    return {"service_request_id": feature.get("id", props.get("id")),
            "service_code": props.get("category"), "service_name": props.get("category"),
            "requested_datetime": props.get("occurred_at"),
            "updated_datetime": props.get("updated_at"), "status": props.get("status"),
            "description": props.get("description"), "lat": lat, "long": lon}


@SETTINGS
@given(delivery())
def test_open311(parser_for, data):
    goods, features = data
    records = [as_request(f) for f in features]
    with fresh_store() as store:
        incidents, rejected = parse_requests(records, parser_for("open311"), {})
        write_records(store, incidents, rejected)
        assert_accounted(store, [g["id"] for g in goods], records)


def csv_cell(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text.replace("\x00", "").replace("\r", " ").replace("\n", " ")


@SETTINGS
@given(delivery())
def test_export_csv(taxonomy, data):
    goods, features = data
    folder = Path(tempfile.mkdtemp())
    path = folder / "export.csv"
    rows = []
    for n, f in enumerate(features):
        props = f.get("properties") if isinstance(f, dict) else None
        props = props if isinstance(props, dict) else {}
        geometry = f.get("geometry") if isinstance(f, dict) else None
        coords = geometry.get("coordinates") if isinstance(geometry, dict) else [None, None]
        coords = coords if isinstance(coords, list) and len(coords) == 2 else [None, None]
        rows.append([csv_cell(f.get("id", f"Y{n}") if isinstance(f, dict) else f"Y{n}"),
                     csv_cell(props.get("category")), csv_cell(props.get("occurred_at")),
                     csv_cell(coords[1]), csv_cell(coords[0]), csv_cell(props.get("description"))])
    with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["id", "category", "occurred_at", "lat", "lon", "description"])
        writer.writerows(rows)
    with fresh_store() as store:
        result = sync_file(store, path, taxonomy=taxonomy)
        assert result.complete
        # Identical and empty rows are read once / skipped, as the summary says.
        assert_accounted(store, [g["id"] for g in goods],
                         [r for r in rows if any(c.strip() for c in r)])


@SETTINGS
@given(delivery())
def test_export_geojson(taxonomy, data):
    goods, features = data
    path = Path(tempfile.mkdtemp()) / "export.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                               default=str), encoding="utf-8", errors="surrogatepass")
    with fresh_store() as store:
        assert sync_file(store, path, taxonomy=taxonomy).complete
        assert_accounted(store, [g["id"] for g in goods], features)


def as_event(feature, n: int) -> object:
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        return feature
    props = feature["properties"]
    fid = feature.get("id", props.get("id"))
    good = isinstance(fid, str) and fid.startswith("G")
    return {"id": 100000 + n if good else fid,
            "datetime": "2026-05-01 21:00:00 +02:00" if good else props.get("occurred_at"),
            "name": f"01 maj 21.00, Skadegörelse, {'Nässjö' if good else props.get('status')}",
            "summary": props.get("description"),
            "type": "Skadegörelse" if good else props.get("category"),
            "location": {"name": "Nässjö" if good else props.get("reporter_org"),
                         "gps": "57.653,14.696"}}


@SETTINGS
@given(delivery())
def test_police_feed(taxonomy, data):
    goods, features = data
    events = [as_event(f, n) for n, f in enumerate(features)]
    good_ids = [str(100000 + n) for n, f in enumerate(features) if f in goods]
    with fresh_store() as store:
        result = polisen.import_events(store, events, kommun=registry().resolve("0682"),
                                       taxonomy=taxonomy)
        taken = [i.source_id for i in store.iter_incidents("source = ?", ("police",))]
        assert set(good_ids) <= set(taken)
        assert result.read == len(events)
        assert len(taken) + result.rejected + result.outside == len(events)
        assert distinct([e for e in events if not (isinstance(e, dict) and str(e.get("id"))
                                                   in taken)]) >= len(store.rejected())
        assert integrity_ok(store)


@SETTINGS
@given(st.lists(st.tuples(ANY_TEXT, POISON_TIMES, ANY_TEXT), max_size=6))
def test_police_export(rows):
    path = Path(tempfile.mkdtemp()) / "brott.csv"
    lines = [["5000-K1-25", "", "Skadegörelse genom klotter", "2025-05-04", "2140",
              "6 390 201,7", "481 850,9", "Park"]]
    lines += [[f"5000-X{n}-25", "", csv_cell(kind), csv_cell(day), csv_cell(clock),
               "6 390 201,7", "481 850,9", "Gata/torg"] for n, (kind, day, clock) in
              enumerate(rows)]
    with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["Diarienummer", "Brottskod", "Brottstyp", "Datum", "Tid", "X", "Y",
                         "Platstyp"])
        writer.writerows(lines)
    with fresh_store() as store:
        result = import_export(store, path, kommun=registry().resolve("0682"))
        taken = [i.source_id for i in store.iter_incidents("source = ?", ("police",))]
        assert "export:5000-K1-25" in taken
        assert len(taken) + result.rejected == result.read == len(lines)
        assert integrity_ok(store)


# -- areas and surveys ---------------------------------------------------------------------
def square(lon: float, lat: float, d: float = 0.01) -> list:
    return [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]]


@st.composite
def good_area(draw, n: int) -> dict:
    lon, lat = 14.55 + 0.02 * (n % 5), 57.60 + 0.02 * (n // 5)  # squares that do not overlap
    return {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": square(lon, lat)},
            "properties": {"deso": f"0682C{1000 + n:04d}", "name": draw(ANY_TEXT)}}


@st.composite
def hostile_area(draw, n: int) -> dict:
    geometry = draw(st.one_of(
        st.none(), VALUES,
        st.just({"type": "Point", "coordinates": [14.7, 57.65]}),
        st.just({"type": "Polygon", "coordinates": square(2.35, 48.85)}),  # Paris
        st.just({"type": "Polygon", "coordinates": [[[14.6, 57.6], [14.7, 57.7], [14.7, 57.6],
                                                     [14.6, 57.7], [14.6, 57.6]]]}),  # bow tie
        st.builds(lambda c: {"type": "Polygon", "coordinates": [[list(c), list(c), list(c)]]},
                  COORDS)))
    code = draw(st.one_of(st.none(), ANY_TEXT, st.just(""), st.integers()))
    return {"type": "Feature", "geometry": geometry, "properties": {"deso": code,
                                                                     "name": draw(VALUES)}}


def _json(value) -> str:
    return json.dumps(value, default=str, ensure_ascii=True)


@SETTINGS
@given(delivery(good=good_area, hostile=hostile_area))
def test_areas(data):
    from trygghet_plugin.sources.areas import import_areas
    from trygghet_plugin.sources.http import SourceError

    goods, features = data
    path = Path(tempfile.mkdtemp()) / "deso.geojson"
    path.write_text(_json({"type": "FeatureCollection", "features": features}),
                    encoding="utf-8")
    with fresh_store() as store:
        try:
            result = import_areas(store, str(path), code_field="deso", kind="deso")
        except SourceError as exc:  # a clear message: the file as a whole says nothing
            assert not goods and str(exc)
            return
        codes = {a.code for a in store.areas(kind="deso")}
        assert {g["properties"]["deso"] for g in goods} <= codes
        rejected = store.rejected()
        assert all(r.reason for r in rejected)
        # every feature is an area (parts of one code are merged) or a rejection
        assert len(codes) + len(rejected) + result.merged_parts >= distinct(features)
        assert integrity_ok(store)


@st.composite
def survey_rows(draw):
    good = [["Trygghetsmätning 2025", f"0682C{1000 + n:04d}", "Otrygg ute sent",
             str(draw(st.integers(1, 5))), str(draw(st.integers(10, 300)))]
            for n in range(draw(st.integers(0, 4)))]
    cell = st.one_of(ANY_TEXT.map(csv_cell), POISON_TIMES,
                     st.floats(allow_nan=True, allow_infinity=True).map(str))
    bad = [[draw(cell) for _ in range(5)] for _ in range(draw(st.integers(0, 5)))]
    return good, draw(st.permutations(good + bad))


@SETTINGS
@given(survey_rows())
def test_surveys(data):
    from trygghet_plugin.domain.area import Area
    from trygghet_plugin.sources.surveys import import_results

    good, rows = data
    folder = Path(tempfile.mkdtemp())
    path = folder / "enkat.csv"
    with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["undersökning", "område", "fråga", "index", "svarande"])
        writer.writerows(rows)
    from osgeo import ogr

    with fresh_store() as store:
        store.upsert_areas([Area(f"0682C{1000 + n:04d}", "deso",
                                 bytes(ogr.CreateGeometryFromWkt(
                                     f"POLYGON(({x} 6390000,{x + 500} 6390000,{x + 500} "
                                     f"6390500,{x} 6390500,{x} 6390000))").ExportToIsoWkb()),
                                 kommunkod="0682")
                            for n, x in enumerate(range(480000, 482500, 500))])
        result = import_results(store, path)
        stored = {(r.area_code, r.question) for r in store.survey_results()}
        assert {(g[1], g[2]) for g in good} <= stored
        rejected = store.rejected()
        assert all(r.reason for r in rejected)
        # every row is a result or a rejection (empty and duplicate rows are skipped, as the
        # summary says)
        taken = len(stored) + len(rejected)
        assert taken >= len({tuple(r) for r in rows if any(c.strip() for c in r)}) - \
            len(result.warnings) * len(rows)
        assert integrity_ok(store)
