"""Syncing reports from a real OGC API – Features server (pygeoapi on 127.0.0.1)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from tools.oapif_server import OapifServer
from trygghet_plugin.sources.http import SourceError
from trygghet_plugin.sources.sync import oapif_source_key, sync_oapif
from trygghet_sample import generate
from trygghet_sample.writer import write_reports_geojson


@pytest.fixture(scope="module")
def sample():
    return generate(size=3000, seed=7)


@pytest.fixture(scope="module")
def moments(sample):
    """T1: just after an edited report came in, before its edit; T2: a month later."""
    t1 = sample.reports.before_an_edit(since=datetime(2026, 3, 1, tzinfo=timezone.utc))
    return t1, t1 + timedelta(days=30)


@pytest.fixture
def served(tmp_path, sample, moments):
    """A collection service whose data the test can change between syncs."""
    data = tmp_path / "reports.geojson"
    write_reports_geojson(data, sample.snapshot(moments[0]))
    with OapifServer(data, "reports", max_items=1000) as server:
        yield server, data


def source_records(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {f["properties"]["id"]: f["properties"] for f in doc["features"]}


def assert_store_equals_source(store, path, taxonomy):
    source = source_records(path)
    stored = {i.source_id: i for i in store.iter_incidents()}
    assert stored.keys() == source.keys()
    for sid, props in source.items():
        got = stored[sid]
        expected = taxonomy.classify(props["category"], props["subcategory"])
        assert (got.category, got.subcategory) == (expected.category, expected.subcategory), sid
        assert got.status == props["status"], sid
        assert got.updated_at == datetime.fromisoformat(props["updated_at"]), sid


def test_full_sync_takes_every_report_and_a_second_sync_changes_nothing(served, store,
                                                                         taxonomy):
    server, data = served
    first = sync_oapif(store, server.url, "reports", limit=1000)
    n = len(source_records(data))
    assert first.complete and (first.new, first.updated) == (n, 0)
    assert first.pages >= 3
    assert_store_equals_source(store, data, taxonomy)
    again = sync_oapif(store, server.url, "reports", limit=1000)
    assert (again.new, again.updated, again.unchanged) == (0, 0, n)
    state = store.sync_state(oapif_source_key(server.url, "reports"))
    assert state.last_success and state.cursor["resume_url"] is None


def test_late_and_edited_reports_are_caught(served, store, sample, taxonomy, moments):
    t1, t2 = moments
    server, data = served
    sync_oapif(store, server.url, "reports")
    before, after = sample.snapshot(t1), sample.snapshot(t2)
    write_reports_geojson(data, after)
    late = int((after.occurred_at < t1.timestamp()).sum() - len(before))
    assert late > 0  # events before T1 that were reported only after it
    second = sync_oapif(store, server.url, "reports")
    assert second.new == len(after) - len(before)
    assert second.updated > 0  # edits made between T1 and T2 to reports known at T1
    assert_store_equals_source(store, data, taxonomy)


@pytest.mark.parametrize("stop_after", [1, 2])
def test_a_cancelled_sync_resumes_and_ends_with_exactly_the_source(served, store, taxonomy,
                                                                   stop_after):
    server, data = served
    first = sync_oapif(store, server.url, "reports", limit=500,
                       feedback=lambda pages, records, matched: pages < stop_after)
    assert not first.complete
    assert store.count("incidents") == 500 * stop_after
    state = store.sync_state(oapif_source_key(server.url, "reports"))
    assert state.cursor["resume_url"]
    rest = sync_oapif(store, server.url, "reports", limit=500)
    assert rest.resumed and rest.complete
    assert first.new + rest.new == len(source_records(data))
    assert_store_equals_source(store, data, taxonomy)


def test_bad_records_are_kept_with_reasons_once(tmp_path, store):
    data = tmp_path / "bad.geojson"
    good = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [14.70, 57.65]},
            "properties": {"id": "G1", "category": "Klotter", "occurred_at":
                           "2026-05-01T21:00:00+02:00"}}
    bad = [
        {"type": "Feature", "geometry": None, "properties": {"id": "B1", "category": "Klotter",
                                                             "occurred_at": "2026-05-01"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [14.7, 57.65]},
         "properties": {"id": "B2", "category": "Klotter", "occurred_at": "i förrgår"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.35, 48.85]},
         "properties": {"id": "B3", "category": "Klotter", "occurred_at": "2026-05-01"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [14.7, 57.65]},
         "properties": {"id": "B4", "category": "Hundbajs", "occurred_at": "2026-05-01"}},
    ]
    data.write_text(json.dumps({"type": "FeatureCollection", "features": [good, *bad]}),
                    encoding="utf-8")
    with OapifServer(data, "reports") as server:
        result = sync_oapif(store, server.url, "reports")
        sync_oapif(store, server.url, "reports")
    assert (result.new, result.rejected) == (2, 3)
    reasons = {r.source_id: r.reason for r in store.rejected()}
    assert set(reasons) == {"B1", "B2", "B3"}
    assert "geometri" in reasons["B1"] and "tid" in reasons["B2"] and "Sverige" in reasons["B3"]
    assert store.count("rejected") == 3
    assert result.unknown_categories == {"Hundbajs": 1}
    assert "Hundbajs" in result.summary()


def test_a_missing_collection_is_a_clear_error(served, store):
    server, _ = served
    with pytest.raises(SourceError, match="404"):
        sync_oapif(store, server.url, "no_such_collection")
