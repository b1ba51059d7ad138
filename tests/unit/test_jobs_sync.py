"""The sync use case both doors call (jobs.sync): a saved connection whole, set up once
(checked, its session, the store), then run into the store."""

from __future__ import annotations

import pytest

from trygghet_plugin.jobs.sync import prepare_sync, run_sync
from trygghet_plugin.sources.connections import Connection
from trygghet_plugin.sources.crs import lonlat_to_sweref
from trygghet_plugin.sources.http import SourceError
from trygghet_plugin.store import open_store

LAT, LON = 57.6531, 14.6968  # Nässjö centre
((E, N),) = lonlat_to_sweref([(LON, LAT)])


def test_a_file_connection_is_set_up_and_synced_into_a_new_store(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("id;kategori;tidpunkt;status;lat;lon\n"
                    f"1;Klotter;2025-06-07 21:14;ny;{LAT};{LON}\n"
                    f"2;Skräp;2025-06-08 10:00;ny;{LAT};{LON}\n", encoding="utf-8")
    store_uri = str(tmp_path / "nassjo.gpkg")
    job = prepare_sync(Connection(name="Export", kind="file", file=str(path)), store_uri)
    assert job.expected == 0  # the store is made by the set-up, still empty
    done = run_sync(job)
    assert (done.result.new, done.total, done.store_uri) == (2, 2, store_uri)
    again = prepare_sync(job.connection, store_uri)
    assert again.expected == 2  # the progress estimate of the next sync
    with open_store(store_uri, create=False) as store:
        assert store.count("incidents") == 2


def test_a_connection_that_cannot_sync_is_said_before_any_store_is_made(tmp_path):
    store_uri = tmp_path / "nassjo.gpkg"
    with pytest.raises(SourceError, match="Välj en exportfil"):
        prepare_sync(Connection(name="Export", kind="file"), str(store_uri))
    assert not store_uri.exists()
