"""Incremental syncs from OGC API Features, against a server that honours ``datetime``
(pygeoapi + TinyDB) and one that ignores it (pygeoapi + GeoJSON), and deletions."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from tools.oapif_honouring import HonouringOapifServer
from tools.oapif_server import OapifServer
from trygghet_plugin.sources.sync import SyncPolicy, sync_oapif
from trygghet_sample import generate
from trygghet_sample.writer import write_reports_geojson


@pytest.fixture(scope="module")
def sample():
    return generate(size=2000, seed=11)


@pytest.fixture(scope="module")
def moments(sample):
    """T1 just after an edited report came in (before its edit), T2 three weeks later."""
    t1 = sample.reports.before_an_edit(since=datetime(2026, 3, 1, tzinfo=timezone.utc))
    return t1, t1 + timedelta(days=21)


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


def test_incremental_sync_fetches_only_recent_reports_and_catches_late_and_edited(
        tmp_path, store, sample, moments, taxonomy):
    t1, t2 = moments
    data = tmp_path / "reports.geojson"
    before, after = sample.snapshot(t1), sample.snapshot(t2)
    write_reports_geojson(data, before)
    with HonouringOapifServer(data, "reports", max_items=500) as server:
        first = sync_oapif(store, server.url, "reports", limit=500)
        assert first.mode == "full" and first.complete and first.new == len(before)

        write_reports_geojson(data, after)
        server.replace_data(data)
        second = sync_oapif(store, server.url, "reports", limit=500)

    assert second.mode == "incremental" and second.complete
    assert not second.datetime_ignored
    assert second.records < len(after) // 4  # only the last weeks came over the wire
    late = int((after.occurred_at < t1.timestamp()).sum() - len(before))
    assert late > 0  # events before T1 reported only after it
    assert second.new == len(after) - len(before)
    assert second.updated > 0  # reports known at T1 and edited after it
    assert_store_equals_source(store, data, taxonomy)


def test_a_server_that_ignores_datetime_is_detected_and_then_asked_for_everything(
        tmp_path, store, sample, moments, taxonomy):
    t1, t2 = moments
    data = tmp_path / "reports.geojson"
    write_reports_geojson(data, sample.snapshot(t1))
    with OapifServer(data, "reports", max_items=1000) as server:
        sync_oapif(store, server.url, "reports")
        write_reports_geojson(data, sample.snapshot(t2))
        second = sync_oapif(store, server.url, "reports")
        third = sync_oapif(store, server.url, "reports")
    assert second.mode == "incremental" and second.datetime_ignored
    assert "ignorerar datetime" in second.summary()
    assert third.mode == "full" and not third.datetime_ignored
    assert (third.new, third.updated, third.deleted) == (0, 0, 0)
    assert_store_equals_source(store, data, taxonomy)


def test_reports_gone_from_the_source_are_kept_with_status_deleted(tmp_path, store, sample,
                                                                   moments):
    t1, _ = moments
    data = tmp_path / "reports.geojson"
    snap = sample.snapshot(t1)
    write_reports_geojson(data, snap)
    full = SyncPolicy(force_full=True)
    gone = ["R" + f"{n:07d}" for n in snap.number[[3, 10, 400]].tolist()]
    with OapifServer(data, "reports", max_items=1000) as server:
        sync_oapif(store, server.url, "reports")
        keep = np.ones(len(snap), bool)
        keep[[3, 10, 400]] = False
        write_reports_geojson(data, snap.take(np.flatnonzero(keep)))
        result = sync_oapif(store, server.url, "reports", policy=full)
        assert result.deleted == 3 and "3 borttagna i källan" in result.summary()
        status = {i.source_id: i.status for i in store.iter_incidents()}
        assert len(status) == len(snap)  # nothing dropped
        assert {sid: status[sid] for sid in gone} == dict.fromkeys(gone, "deleted")
        assert store.count("incidents", "status = 'deleted'") == 3

        # Back at the source (an undo): the report takes its status from the source again.
        write_reports_geojson(data, snap)
        again = sync_oapif(store, server.url, "reports", policy=full)
    assert again.deleted == 0 and again.updated == 3
    assert store.count("incidents", "status = 'deleted'") == 0


def test_a_nearly_empty_answer_does_not_mark_everything_deleted(tmp_path, store, sample,
                                                                 moments):
    data = tmp_path / "reports.geojson"
    snap = sample.snapshot(moments[0])
    write_reports_geojson(data, snap)
    with OapifServer(data, "reports", max_items=1000) as server:
        first = sync_oapif(store, server.url, "reports")
        write_reports_geojson(data, snap.take(np.arange(5)))  # e.g. a wrong collection
        result = sync_oapif(store, server.url, "reports", policy=SyncPolicy(force_full=True))
    assert result.complete and result.deleted == 0
    assert "markeras inte som borttagna" in result.summary()
    assert store.count("incidents", "status = 'deleted'") == 0
    assert store.count("incidents") == first.new


def test_out_of_range_datetime_means_nothing_new(tmp_path, store, sample, moments):
    """A bounded temporal extent ending before the asked interval: pygeoapi answers 400."""
    t1, _ = moments
    data = tmp_path / "reports.geojson"
    write_reports_geojson(data, sample.snapshot(t1))
    stale_end = (t1 - timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
    with HonouringOapifServer(data, "reports", temporal_extent=(None, stale_end)) as server:
        first = sync_oapif(store, server.url, "reports")
        second = sync_oapif(store, server.url, "reports")
    assert first.complete and first.new > 0
    assert second.mode == "incremental" and second.complete
    assert (second.new, second.updated, second.rejected) == (0, 0, 0)
    assert "Inget nytt" in second.summary()


def test_a_limit_above_the_servers_maximum_is_lowered_to_it(tmp_path, store, sample,
                                                             moments):
    data = tmp_path / "reports.geojson"
    snap = sample.snapshot(moments[0])
    write_reports_geojson(data, snap)
    with HonouringOapifServer(data, "reports", max_items=300, on_exceed="error") as server:
        result = sync_oapif(store, server.url, "reports", limit=10000)
    assert result.complete and result.new == len(snap)
    assert result.pages == -(-len(snap) // 300) + (len(snap) % 300 == 0)
