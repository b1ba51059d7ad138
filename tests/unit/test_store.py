"""The GeoPackage store: schema, upserts, rejected records, sync bookkeeping, migrations."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from osgeo import ogr

from trygghet_plugin.domain.incident import Incident, Rejected
from trygghet_plugin.store import StoreError, open_store
from trygghet_plugin.store.base import SyncState
from trygghet_plugin.store.gpkg import GpkgStore, blob_envelope, point_blob

T0 = datetime(2026, 5, 1, 20, 0, tzinfo=timezone.utc)


def incident(n: int, *, category: str = "skadegorelse", x: float | None = None,
             description: str = "Klotter på busskuren") -> Incident:
    return Incident("reports", f"R{n:05d}", category, x if x is not None else 470000.0 + n,
                    6390000.0 + n, T0 + timedelta(hours=n), subcategory="klotter",
                    reported_at=T0 + timedelta(hours=n + 2), updated_at=T0 + timedelta(hours=n + 2),
                    reporter_org="Nässjö kommun – gatuavdelningen", description=description,
                    kommunkod="0682")


def ogr_count(path, where: str | None = None, bbox=None) -> int:
    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName("incidents")
    if where:
        layer.SetAttributeFilter(where)
    if bbox:
        layer.SetSpatialFilterRect(*bbox)
    return layer.GetFeatureCount()


def test_a_new_store_is_a_geopackage_that_ogr_reads(store, store_path):
    assert store.schema_version() == GpkgStore.SCHEMA_VERSION
    ds = ogr.Open(str(store_path))
    names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    assert {"incidents", "areas", "survey_results", "survey_places", "sync_state",
            "rejected"} <= names
    srs = ds.GetLayerByName("incidents").GetSpatialRef()
    assert srs.GetAuthorityCode(None) == "3006"


@pytest.mark.parametrize("n", [10, 2000])  # both the per-row and the bulk insert paths
def test_upsert_counts_new_updated_unchanged(store, store_path, n):
    first = store.upsert_incidents(incident(i) for i in range(n))
    assert (first.new, first.updated, first.unchanged) == (n, 0, 0)
    again = store.upsert_incidents(incident(i) for i in range(n))
    assert (again.new, again.updated, again.unchanged) == (0, 0, n)
    edited = [incident(i, category="nedskrapning") if i % 2 else incident(i) for i in range(n)]
    edited.append(incident(n + 1))
    third = store.upsert_incidents(edited)
    assert (third.new, third.updated, third.unchanged) == (1, n // 2, n - n // 2)
    assert store.count("incidents") == n + 1
    assert ogr_count(store_path) == n + 1
    assert ogr_count(store_path, "category = 'nedskrapning'") == n // 2


def test_spatial_index_follows_inserts_and_moves(store, store_path):
    store.upsert_incidents(incident(i) for i in range(1000))
    store.write_batch([incident(5, x=500000.0)])  # moved far east
    assert ogr_count(store_path, bbox=(499999, 6300000, 500001, 6500000)) == 1
    assert ogr_count(store_path, bbox=(469999, 6389999, 470010, 6390010)) == 10
    con = sqlite3.connect(store_path)
    assert con.execute("SELECT count(*) FROM rtree_incidents_geom").fetchone()[0] == 1000
    triggers = {r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='incidents'")}
    assert "rtree_incidents_geom_insert" in triggers  # put back after the bulk load


def test_last_version_of_a_uid_in_one_batch_wins(store):
    store.write_batch([incident(1), incident(1, category="samling")])
    assert [i.category for i in store.iter_incidents()] == ["samling"]


def test_round_trip_keeps_every_field(store):
    original = incident(7)
    store.write_batch([original])
    (back,) = list(store.iter_incidents())
    assert back == original


def test_rejected_records_are_kept_once_with_their_reason(store):
    bad = Rejected("reports", '{"id": "X1", "geometry": null}', "saknar geometri", "X1")
    counts = store.write_batch([], [bad, bad])
    store.write_batch([], [bad])
    assert counts.rejected == 2
    (kept,) = store.rejected()
    assert (kept.source_id, kept.reason) == ("X1", "saknar geometri")
    assert store.count("rejected") == 1


def test_a_rejected_record_taken_later_leaves_the_rejected_list(store):
    store.write_batch([], [Rejected("reports", "{}", "oläsbar tid", "R00003")])
    store.write_batch([incident(3)])
    assert store.rejected() == []


def test_sync_state_is_written_with_the_batch(store):
    sync = SyncState("oapif:http://x#reports", {"resume_url": "http://x?page=2"},
                     last_request="http://x?page=1", counts={"new": 5})
    store.write_batch([incident(1)], [], sync)
    state = store.sync_state("oapif:http://x#reports")
    assert state.cursor == {"resume_url": "http://x?page=2"}
    assert state.counts["new"] == 6  # the run's totals include this batch


def test_a_failed_batch_leaves_nothing_behind(store):
    class BoomError(Exception):
        pass

    def records():
        yield incident(1)
        raise BoomError

    with pytest.raises(BoomError):
        store.write_batch(records(), [], SyncState("k", {"resume_url": "u"}))
    assert store.count("incidents") == 0
    assert store.sync_state("k") is None


def test_incident_without_location_is_refused_before_storing(store):
    with pytest.raises(StoreError):
        store.write_batch([Incident("reports", "R1", "ovrigt", None, None, T0)])
    assert store.count("incidents") == 0


def test_an_older_store_is_upgraded_keeping_its_data(tmp_path):
    path = tmp_path / "old.gpkg"
    old = GpkgStore(path, target_version=1)
    assert old.schema_version() == 1
    old._conn.execute(
        "INSERT INTO rejected (source, raw, reason, rejected_at) VALUES "
        "('reports', 'x', 'r', '2025-01-01T00:00:00Z'), ('reports', 'x', 'r', "
        "'2025-01-02T00:00:00Z')")
    old._conn.execute(
        "INSERT INTO incidents (geom, uid, source, source_id, category, location_precision) "
        "VALUES (?, 'reports:A', 'reports', 'A', 'ovrigt', 'exact')",
        (point_blob(470000.0, 6390000.0),))
    old.close()
    with open_store(path) as upgraded:
        assert upgraded.schema_version() == GpkgStore.SCHEMA_VERSION
        assert upgraded.count("incidents") == 1
        assert upgraded.count("rejected") == 1  # the two copies became one
        (kept,) = list(upgraded.iter_incidents())
        assert kept.kommunkod is None
        upgraded.write_batch([incident(1)])
        assert upgraded.count("incidents") == 2


def test_a_newer_store_is_refused_with_a_clear_message(store_path):
    open_store(store_path).close()
    con = sqlite3.connect(store_path)
    con.execute("UPDATE trygghet_meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="nyare version av Trygghet.*Uppdatera pluginet"):
        open_store(store_path)


@pytest.mark.parametrize("content,message", [
    (b"not a database at all", "ingen GeoPackage"),
    (None, "ingen Trygghet-databas"),
])
def test_a_file_that_is_not_a_store_is_refused(tmp_path, content, message):
    path = tmp_path / "other.gpkg"
    if content is None:
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        ds.CreateLayer("roads")
        ds = None
    else:
        path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        open_store(path)


def test_store_path_missing_and_postgres_uri_give_messages(tmp_path):
    with pytest.raises(StoreError, match="finns inte"):
        open_store(tmp_path / "missing.gpkg", create=False)
    with pytest.raises(StoreError, match="Ingen databas"):
        open_store("")
    with pytest.raises(StoreError, match="PostGIS"):
        open_store("postgresql://localhost/trygghet")


def test_point_blob_envelope():
    assert blob_envelope(point_blob(1.5, 2.5)) == (1.5, 1.5, 2.5, 2.5)
    assert blob_envelope(None) is None


def test_incident_frame_gives_numpy_columns(store):
    store.upsert_incidents(incident(i, category="samling" if i % 3 == 0 else "skadegorelse")
                           for i in range(600))
    frame = store.incident_frame()
    assert len(frame) == 600
    assert frame.x[5] == pytest.approx(470005.0) and frame.y[5] == pytest.approx(6390005.0)
    assert str(frame.occurred_at.dtype) == "datetime64[s]"
    assert frame.occurred_at[0] == np.datetime64("2026-05-01T20:00:00")
    assert (frame["category"] == "samling").sum() == 200
    subset = store.incident_frame("category = ?", ("samling",), columns=("reporter_org",))
    assert len(subset) == 200 and set(subset.text) == {"reporter_org"}
    assert len(store.incident_frame("category = 'none'")) == 0


def test_a_schema_3_store_gets_reporter_ids(tmp_path):
    path = tmp_path / "v3.gpkg"
    GpkgStore(path, target_version=3).close()
    with open_store(path) as store:
        assert store.schema_version() == GpkgStore.SCHEMA_VERSION
        store.write_batch([Incident("reports", "R1", "samling", 470000.0, 6390000.0, T0,
                                    reporter_org="Nattvandrarna", reporter_id="rep-017")])
        (back,) = list(store.iter_incidents())
        assert back.reporter_id == "rep-017"
        assert list(store.incident_frame()["reporter_id"]) == ["rep-017"]


def test_sync_states_lists_every_source(store):
    store.write_batch([], [], SyncState("oapif:http://x#reports", {}, "2026-11-01T10:00:00.000Z"))
    store.write_batch([], [], SyncState("polisen:0682", {"max_id": 5}, None))
    keys = [s.source_key for s in store.sync_states()]
    assert keys == ["oapif:http://x#reports", "polisen:0682"]


def test_a_schema_4_store_keeps_what_a_source_says_beyond_the_common_fields(tmp_path):
    path = tmp_path / "v4.gpkg"
    GpkgStore(path, target_version=4).close()
    details = '{"address": "Storgatan 1", "media_url": "https://x.example/1.jpg"}'
    with open_store(path) as store:
        assert store.schema_version() == GpkgStore.SCHEMA_VERSION
        store.write_batch([Incident("reports", "R1", "samling", 470000.0, 6390000.0, T0,
                                    details=details)])
        (back,) = list(store.iter_incidents())
        assert back.details == details
        again = store.write_batch([back])
        assert again.unchanged == 1
