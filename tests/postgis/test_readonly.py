"""Planners read, analysts write, the owner upgrades: resources/postgis/roles.sql, as an
administrator runs it, and what each role then meets in the plugin."""

from __future__ import annotations

import uuid

import pytest

from trygghet_plugin.domain.incident import Incident, Rejected
from trygghet_plugin.paths import resource
from trygghet_plugin.store import StoreError, open_store
from trygghet_plugin.store.base import SyncState


@pytest.fixture
def shared(pg_cluster, pg_uri, pg_schema, fill_store):
    """A filled store with roles.sql applied to its schema."""
    with open_store(pg_uri) as owner:
        fill_store(owner)
        expected = owner.count("incidents")
    sql = resource("postgis", "roles.sql").read_text(encoding="utf-8")
    pg_cluster.psql("trygghet", f"SET trygghet.schema = '{pg_schema}'; {sql}")
    return expected


def login_uri(pg_cluster, user: str, schema: str) -> str:
    return f"postgresql://{user}@127.0.0.1:{pg_cluster.port}/trygghet?schema={schema}"


def test_a_planner_reads_everything_and_is_refused_every_write(
        pg_cluster, pg_schema, shared, make_login, qgis_app):
    from qgis.core import QgsVectorLayer

    user = f"planner_{uuid.uuid4().hex[:8]}"
    make_login(user, "pw-planner", "trygghet_reader")
    with open_store(login_uri(pg_cluster, user, pg_schema)) as planner:
        assert planner.count("incidents") == shared
        frame = planner.incident_frame()
        assert len(frame) == shared
        assert not any(frame["reporter_org"]) and not any(frame["reporter_id"])
        assert all(i.description is None for i in planner.iter_incidents())
        assert planner.areas(kind="kommun")[0].name == "Nässjö"
        assert planner.count("police_areas") > 0 and planner.sync_states()
        layer = QgsVectorLayer(planner.layer_source("incidents").uri, "h", "postgres")
        assert layer.isValid() and layer.featureCount() == shared
        new = Incident("reports", "X1", "ovrigt", 470000.0, 6390000.0, None)
        for write in (lambda: planner.write_batch([new]),
                      lambda: planner.write_batch([], [Rejected("reports", "x", "r")]),
                      lambda: planner.write_batch([], [], SyncState("k", {})),
                      lambda: planner.upsert_areas(planner.areas(kind="deso")[:1]),
                      planner.refresh_police_area_counts):
            with pytest.raises(StoreError, match="bara läsrätt.*kan inte skriva till den"):
                write()
        assert planner.count("incidents") == shared  # and nothing half-written


def test_a_planner_cannot_create_a_store_and_is_told_so(pg_cluster, make_login):
    user = f"planner_{uuid.uuid4().hex[:8]}"
    make_login(user, "pw-planner", "trygghet_reader")
    with pytest.raises(StoreError, match="får inte skapa det.*be en administratör"):
        open_store(login_uri(pg_cluster, user, f"nytt_{uuid.uuid4().hex[:6]}"))


def test_an_analyst_writes_but_leaves_upgrades_to_the_owner(pg_cluster, pg_schema, shared,
                                                           make_login):
    user = f"analyst_{uuid.uuid4().hex[:8]}"
    make_login(user, "pw-analyst", "trygghet_kommun_0682")
    with open_store(login_uri(pg_cluster, user, pg_schema)) as analyst:
        counts = analyst.write_batch(
            [Incident("reports", "X1", "ovrigt", 470000.0, 6390000.0, None)],
            [Rejected("reports", "{}", "oläsbar")], SyncState("file:x", {"rows": 1}))
        assert (counts.new, counts.rejected) == (1, 1)
        assert analyst.refresh_police_area_counts() > 0
    pg_cluster.psql("trygghet", f"UPDATE {pg_schema}.trygghet_meta SET value = '3' "
                    "WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="bara schemats ägare .*trygghet_admin.*denna version"):
        open_store(login_uri(pg_cluster, user, pg_schema))
