"""The PostGIS store does what the GeoPackage store does: the same operations, run side by
side on both backends, plus what only PostGIS has (STORE forms, migrations in a schema,
credentials from QGIS, the postgres provider's layers)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np
import psycopg2
import pytest

from trygghet_plugin.domain.incident import Incident, Rejected
from trygghet_plugin.store import StoreError, open_store
from trygghet_plugin.store.base import SyncState
from trygghet_plugin.store.postgis import PostgisStore, parse_target, pg_where

T0 = datetime(2026, 5, 1, 20, 0, tzinfo=timezone.utc)


def incident(n: int, *, category: str = "skadegorelse", x: float | None = None,
             kommunkod: str | None = "0682",
             description: str = "Klotter på busskuren") -> Incident:
    return Incident("reports", f"R{n:05d}", category, x if x is not None else 470000.0 + n,
                    6390000.0 + n, T0 + timedelta(hours=n), subcategory="klotter",
                    reported_at=T0 + timedelta(hours=n + 2), updated_at=T0 + timedelta(hours=n + 2),
                    reporter_org="Nässjö kommun – gatuavdelningen", description=description,
                    kommunkod=kommunkod, reporter_id=f"rep-{n % 80:03d}")


@pytest.fixture(params=["gpkg", "postgis"])
def any_store(request, tmp_path):
    """The same test on both backends."""
    uri = str(tmp_path / "nassjo.gpkg") if request.param == "gpkg" else \
        request.getfixturevalue("pg_uri")
    with open_store(uri) as s:
        yield s


# -- the same operations on both backends ----------------------------------------------------
@pytest.mark.parametrize("n", [10, 2000])
def test_upsert_counts_new_updated_unchanged(any_store, n):
    first = any_store.upsert_incidents(incident(i) for i in range(n))
    assert (first.new, first.updated, first.unchanged) == (n, 0, 0)
    again = any_store.upsert_incidents(incident(i) for i in range(n))
    assert (again.new, again.updated, again.unchanged) == (0, 0, n)
    edited = [incident(i, category="nedskrapning") if i % 2 else incident(i) for i in range(n)]
    edited.append(incident(n + 1))
    third = any_store.upsert_incidents(edited)
    assert (third.new, third.updated, third.unchanged) == (1, n // 2, n - n // 2)
    assert any_store.count("incidents") == n + 1
    assert any_store.count("incidents", "category = ?", ("nedskrapning",)) == n // 2


def test_every_field_survives_and_the_last_version_in_a_batch_wins(any_store):
    tricky = incident(7, description="Tab\there, new\nline, back\\slash, 100 % ' \"quoted\"")
    any_store.write_batch([incident(7), tricky])
    (back,) = list(any_store.iter_incidents())
    assert back == tricky


def test_rejected_records_kept_once_and_forgotten_when_taken(any_store):
    bad = Rejected("reports", '{"id": "R00003", "geometry": null}', "saknar geometri", "R00003")
    counts = any_store.write_batch([], [bad, bad])
    any_store.write_batch([], [bad])
    assert counts.rejected == 2 and any_store.count("rejected") == 1
    (kept,) = any_store.rejected()
    assert (kept.source_id, kept.reason) == ("R00003", "saknar geometri")
    any_store.write_batch([incident(3)])
    assert any_store.rejected() == []


def test_sync_state_is_written_with_the_batch_and_listed(any_store):
    sync = SyncState("oapif:http://x#reports", {"resume_url": "http://x?page=2"},
                     "2026-11-01T10:00:00.000Z", "http://x?page=1", counts={"new": 5})
    any_store.write_batch([incident(1)], [], sync)
    state = any_store.sync_state("oapif:http://x#reports")
    assert state.cursor == {"resume_url": "http://x?page=2"}
    assert state.last_success == "2026-11-01T10:00:00.000Z"
    assert state.counts["new"] == 6 and sync.counts["new"] == 6
    any_store.write_batch([], [], SyncState("polisen:0682", {"max_id": 5}, None))
    assert [s.source_key for s in any_store.sync_states()] == ["oapif:http://x#reports",
                                                               "polisen:0682"]


def test_a_failed_batch_leaves_nothing_behind(any_store):
    class BoomError(Exception):
        pass

    def records():
        yield incident(1)
        raise BoomError

    with pytest.raises(BoomError):
        any_store.write_batch(records(), [], SyncState("k", {"resume_url": "u"}))
    assert any_store.count("incidents") == 0 and any_store.sync_state("k") is None
    with pytest.raises(StoreError, match="utan plats"):
        any_store.write_batch([Incident("reports", "R1", "ovrigt", None, None, T0)])


def test_incident_frame_gives_the_same_numpy_columns(any_store):
    any_store.upsert_incidents(
        incident(i, category="samling" if i % 3 == 0 else "skadegorelse") for i in range(600))
    frame = any_store.incident_frame()
    assert len(frame) == 600
    assert frame.x[5] == pytest.approx(470005.0) and frame.y[5] == pytest.approx(6390005.0)
    assert str(frame.occurred_at.dtype) == "datetime64[s]"
    assert frame.occurred_at[0] == np.datetime64("2026-05-01T20:00:00")
    assert (frame["category"] == "samling").sum() == 200
    # The analysis' own window query, with '?' placeholders and naive UTC text.
    subset = any_store.incident_frame(
        "(occurred_at >= ? AND occurred_at < ?) AND category = ?",
        ("2026-05-02T00:00:00", "2026-05-03T00:00:00", "samling"), columns=("reporter_id",))
    assert len(subset) == 8 and set(subset.text) == {"reporter_id"}
    assert len(any_store.incident_frame("category = 'none'")) == 0


def test_survey_places_and_police_counts_on_both(any_store, fill_store):
    fill_store(any_store)
    assert any_store.count("areas", "kind = ?", ("deso",)) == 30
    assert any_store.count("police_area_counts", "events > 0") > 0
    assert any_store.count("survey_comparison") > 0
    kommun = any_store.areas(kind="kommun")
    assert [a.code for a in kommun] == ["0682"] and kommun[0].population == 31615
    counts = any_store.incident_counts_by_area(
        "deso", "location_precision = 'exact' AND occurred_at >= ?", ("2020-01-01T00:00:00",))
    assert sum(counts.values()) > 1000


def test_both_backends_hold_the_same_after_the_same_imports(pg_store, store, fill_store):
    for s in (store, pg_store):
        fill_store(s)
    assert sorted(pg_store.iter_incidents(), key=lambda i: i.uid) == \
        sorted(store.iter_incidents(), key=lambda i: i.uid)
    assert pg_store.areas() == store.areas()
    assert pg_store.survey_results() == store.survey_results()
    assert pg_store.incident_counts_by_area("deso") == store.incident_counts_by_area("deso")
    for table in ("survey_places", "police_area_counts", "survey_comparison", "police_areas",
                  "survey_areas", "survey_comparison_areas", "rejected"):
        assert pg_store.count(table) == store.count(table), table
    assert {(r.source, r.source_id, r.reason) for r in pg_store.rejected()} == \
        {(r.source, r.source_id, r.reason) for r in store.rejected()}


# -- PostgreSQL itself ---------------------------------------------------------------------
def test_tables_follow_the_schema_with_postgis_types_and_indexes(pg_store, pg_cluster):
    sql = ("SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE "
           f"a.attrelid = '{pg_store.schema}.{{t}}'::regclass AND a.attname = '{{c}}'")
    for table, column, expected in (("incidents", "geom", "geometry(Point,3006)"),
                                    ("areas", "geom", "geometry(MultiPolygon,3006)"),
                                    ("incidents", "occurred_at", "timestamp with time zone"),
                                    ("incidents", "reporter_id", "text"),
                                    ("areas", "population", "bigint")):
        assert pg_cluster.psql("trygghet", sql.format(t=table, c=column)).strip() == expected
    indexes = pg_cluster.psql("trygghet", "SELECT indexdef FROM pg_indexes WHERE schemaname = "
                              f"'{pg_store.schema}' AND tablename = 'incidents'")
    assert "USING gist (geom)" in indexes
    assert "UNIQUE INDEX ux_incidents_uid" in indexes
    assert "(kommunkod, occurred_at)" in indexes


def test_an_older_schema_is_upgraded_keeping_its_data(pg_cluster, pg_uri):
    old = PostgisStore(pg_uri, target_version=1)
    assert old.schema_version() == 1
    cur = old._conn.cursor()
    cur.execute(f"INSERT INTO {old.t('rejected')} (source, raw, reason, rejected_at) VALUES "
                "('reports', 'x', 'r', '2025-01-01T00:00:00Z'), "
                "('reports', 'x', 'r', '2025-01-02T00:00:00Z')")
    cur.execute(f"INSERT INTO {old.t('incidents')} (geom, uid, source, source_id, category, "
                "location_precision) VALUES (ST_SetSRID(ST_MakePoint(470000, 6390000), 3006), "
                "'reports:A', 'reports', 'A', 'ovrigt', 'exact')")
    old.close()
    with open_store(pg_uri) as upgraded:
        assert upgraded.schema_version() == PostgisStore.SCHEMA_VERSION
        assert upgraded.count("rejected") == 1  # the two copies became one
        (kept,) = list(upgraded.iter_incidents())
        assert kept.kommunkod is None and kept.reporter_id is None
        upgraded.write_batch([incident(1)])
        assert upgraded.count("incidents") == 2
        assert upgraded.count("police_areas") == 0  # the views came with version 3


def test_a_newer_schema_is_refused_with_a_clear_message(pg_store, pg_uri, pg_cluster):
    pg_cluster.psql("trygghet", f"UPDATE {pg_store.schema}.trygghet_meta SET value = '99' "
                    "WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="nyare version av Trygghet.*Uppdatera pluginet"):
        open_store(pg_uri)


def test_opening_without_create_needs_an_existing_store(pg_uri):
    with pytest.raises(StoreError, match="inget Trygghet-schema"):
        open_store(pg_uri, create=False)


def test_two_analysts_opening_a_new_database_at_once_create_it_once(pg_uri):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: open_store(pg_uri), range(4)))
    assert {s.schema_version() for s in stores} == {PostgisStore.SCHEMA_VERSION}
    for s in stores:
        s.close()


# -- STORE forms and credentials ----------------------------------------------------------
def test_store_forms_are_read_without_ever_holding_a_password():
    uri = parse_target("postgresql://ann@db.kommun.se:6432/region?kommun=0682&schema=trg"
                       "&sslmode=require")
    assert uri.params == {"user": "ann", "host": "db.kommun.se", "port": "6432",
                          "dbname": "region", "sslmode": "require"}
    assert (uri.kommunkod, uri.schema) == ("0682", "trg")
    kv = parse_target("service=trygghet kommun=0680 application_name='Trygghet test'")
    assert kv.params == {"service": "trygghet", "application_name": "Trygghet test"}
    assert kv.kommunkod == "0680" and kv.schema == "trygghet"
    named = parse_target("pg:Region Jönköping?kommun=0682")
    assert (named.connection, named.kommunkod) == ("Region Jönköping", "0682")
    for bad in ("postgresql://ann:hemligt@db/region", "host=db password=hemligt",
                "postgresql://db/region?password=hemligt"):
        with pytest.raises(StoreError, match="lösenord") as info:
            parse_target(bad)
        assert "hemligt" not in str(info.value)
    with pytest.raises(StoreError, match="fyra siffror"):
        parse_target("service=x kommun=Nässjö")


def test_a_connection_that_fails_says_so_without_the_secret(pg_cluster):
    with pytest.raises(StoreError, match="Kunde inte ansluta till PostGIS") as info:
        open_store(f"postgresql://nobody@127.0.0.1:{pg_cluster.port}/trygghet")
    assert pg_cluster.password not in str(info.value)


def test_where_clauses_in_the_sqlite_style_reach_psycopg2():
    assert pg_where("a = ? AND b LIKE '%?%' AND c = \"?\"") == \
        "a = %s AND b LIKE '%%?%%' AND c = \"?\""


def test_a_qgis_connection_name_with_an_auth_config(qgis_app, pg_cluster, pg_schema,
                                                     make_login):
    """The analyst picks the connection QGIS already has; its authcfg (Basic) holds the
    password, which never reaches the layer URI, the settings or the store's name."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings, QgsVectorLayer

    make_login("analytiker_auth", "pw-auth-1", "trygghet_admin")
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword("trygghet-test-master", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("Trygghet PostGIS")
    config.setConfig("username", "analytiker_auth")
    config.setConfig("password", "pw-auth-1")
    assert manager.storeAuthenticationConfig(config)
    settings = QgsSettings()
    key = "PostgreSQL/connections/Region test"
    for k, v in (("host", "127.0.0.1"), ("port", str(pg_cluster.port)),
                 ("database", "trygghet"), ("sslmode", "SslDisable"),
                 ("authcfg", config.id()), ("saveUsername", "false"),
                 ("savePassword", "false")):
        settings.setValue(f"{key}/{k}", v)
    pgpass = pg_cluster.pgpass.read_text()
    pg_cluster.pgpass.write_text("")  # only the auth config may give the password
    try:
        with open_store(f"Region test?schema={pg_schema}") as s:
            assert isinstance(s, PostgisStore) and s.uri == f"Region test?schema={pg_schema}"
            s.write_batch([incident(1)])
            source = s.layer_source("incidents")
            assert f"authcfg={config.id()}" in source.uri and "pw-auth-1" not in source.uri
            layer = QgsVectorLayer(source.uri, "h", "postgres")
            assert layer.isValid() and layer.featureCount() == 1
        with open_store(f"pg:Region test?schema={pg_schema}", create=False) as s:
            assert s.count("incidents") == 1
    finally:
        pg_cluster.pgpass.write_text(pgpass)
        settings.remove(key)
        manager.removeAuthenticationConfig(config.id())


def test_layers_over_the_store_open_in_qgis_and_keep_filters(qgis_app, pg_store, fill_store):
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    fill_store(pg_store)
    for table, n in (("incidents", pg_store.count("incidents")),
                     ("areas", pg_store.count("areas")),
                     ("police_areas", pg_store.count("police_areas")),
                     ("survey_areas", pg_store.count("survey_areas")),
                     ("survey_places", pg_store.count("survey_places")),
                     ("rejected", pg_store.count("rejected"))):
        source = pg_store.layer_source(table)
        assert source.provider == "postgres" and "password" not in source.uri
        layer = QgsVectorLayer(source.uri, table, source.provider)
        assert layer.isValid(), table
        assert layer.featureCount() == n, table
        if table == "incidents":
            assert layer.wkbType() == QgsWkbTypes.Type.Point and layer.crs().authid() == "EPSG:3006"
            layer.setSubsetString("category = 'skadegorelse'")
            assert layer.featureCount() == pg_store.count("incidents", "category = ?",
                                                          ("skadegorelse",))


def test_the_project_builder_makes_postgres_layers(qgis_app, pg_store, fill_store, tmp_path):
    from qgis.core import QgsProject

    from trygghet_plugin.layers.project import write_project

    fill_store(pg_store)
    out = tmp_path / "region.qgz"
    write_project(pg_store, out)
    project = QgsProject()
    assert project.read(str(out))
    group = project.layerTreeRoot().findGroup("Trygghet")
    (incidents,) = [n.layer() for n in group.findLayers() if n.layer().name() == "Händelser"]
    assert incidents.providerType() == "postgres" and incidents.isValid()
    assert incidents.featureCount() == pg_store.count("incidents",
                                                      "location_precision = 'exact'")
    postgres = [lyr for lyr in project.mapLayers().values() if lyr.providerType() == "postgres"]
    assert len(postgres) >= 4 and all(lyr.isValid() for lyr in postgres)


def test_psycopg2_errors_become_store_errors(pg_store):
    with pytest.raises(StoreError, match="PostGIS"):
        pg_store.count("incidents", "no_such_column = 1")
    with pytest.raises(StoreError, match="Okänd tabell"):
        pg_store.count("pg_authid")
    assert isinstance(pg_store._conn, psycopg2.extensions.connection)


def test_control_characters_survive_copy(pg_store):
    odd = incident(9, description="start\x01mitt\x00slut \\N \\x01")
    pg_store.write_batch([odd, incident(10, description=None)])
    back = {i.source_id: i for i in pg_store.iter_incidents()}
    assert back["R00009"].description == "start\x01mittslut \\N \\x01"  # text holds no NUL
    assert back["R00010"].description is None
