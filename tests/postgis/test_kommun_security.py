"""Kommuner kept apart by the database: Nässjö (0682) and Jönköping (0680) in one schema,
each analyst a member of their kommun's group (resources/postgis/roles.sql), the region's
analyst reading and writing all, a planner reading the views without free text.

Jönköping's analyst tries every write that touched Nässjö's rows before (issue 13), through
the Processing algorithms an analyst runs, with and without ``kommun=`` in STORE, and with
plain SQL past the plugin: each is refused with a message and Nässjö's rows stay the same,
byte for byte."""

from __future__ import annotations

import csv
import shutil
import uuid
from dataclasses import replace
from datetime import date

import psycopg2
import psycopg2.errors
import pytest

from trygghet_plugin.domain.incident import Incident, Rejected
from trygghet_plugin.paths import resource
from trygghet_plugin.store import StoreError, open_store
from trygghet_plugin.store.base import SyncState
from trygghet_plugin.store.pg_security import KOMMUN_TABLES
from trygghet_sample import generate

NASSJO, JONKOPING = "0682", "0680"


@pytest.fixture
def provider(qgis_processing):
    from trygghet_plugin.plugin import TrygghetPlugin

    plugin = TrygghetPlugin(None)
    plugin.initProcessing()
    yield
    plugin.unload()


@pytest.fixture
def region(pg_cluster, pg_uri, pg_schema, fill_store, make_login):
    """Nässjö filled by the owner, a little of Jönköping, roles.sql applied, and three logins:
    Jönköping's analyst, the region's analyst, a planner."""
    with open_store(f"{pg_uri}&kommun={NASSJO}") as nassjo:
        fill_store(nassjo)
        deso = nassjo.areas(kind="deso")[0]
    with open_store(f"{pg_uri}&kommun={JONKOPING}") as jonkoping:
        jonkoping.upsert_areas([replace(deso, code="0680C9990", kommunkod=None, name="Väster",
                                        wkb=_moved(deso.wkb, -40000, 10000))])
        jonkoping.write_batch(
            [replace(i, source="reports-0680", kommunkod=None)
             for i in generate(size=60, seed=23).iter_incidents()],
            [Rejected("reports-0680", "{\"id\": 1}", "no location", "1")],
            SyncState("file:/data/jonkoping.csv", {"rows": 60}))
    sql = resource("postgis", "roles.sql").read_text(encoding="utf-8")
    pg_cluster.psql("trygghet", f"SET trygghet.schema = '{pg_schema}'; {sql}")
    tag = uuid.uuid4().hex[:8]
    logins = {"jonkoping": f"jkpg_{tag}", "region": f"region_{tag}",
              "planner": f"planner_{tag}"}
    make_login(logins["jonkoping"], "pw-j", f"trygghet_kommun_{JONKOPING}")
    make_login(logins["region"], "pw-r", "trygghet_region")
    make_login(logins["planner"], "pw-p", "trygghet_reader")
    passwords = {"jonkoping": "pw-j", "region": "pw-r", "planner": "pw-p"}

    class Region:
        schema = pg_schema

        def uri(self, who: str, kommun: str | None = None) -> str:
            return (f"postgresql://{logins[who]}@127.0.0.1:{pg_cluster.port}/trygghet"
                    f"?schema={pg_schema}" + (f"&kommun={kommun}" if kommun else ""))

        def connect(self, who: str | None = None):
            """Plain SQL, past the plugin (None: the superuser)."""
            if who is None:
                conn = psycopg2.connect(pg_cluster.dsn())
            else:
                conn = psycopg2.connect(pg_cluster.dsn(user=logins[who],
                                                      password=passwords[who]))
            conn.autocommit = True
            return conn

        def rows(self, kommun: str = NASSJO) -> dict[str, list[str]]:
            """Every row of ``kommun`` in every table a kommun writes, as PostgreSQL's text."""
            with self.connect() as conn, conn.cursor() as cur:
                out = {}
                for table in KOMMUN_TABLES:
                    cur.execute(f'SELECT t::text FROM "{pg_schema}"."{table}" t '
                                "WHERE kommunkod = %s ORDER BY fid", (kommun,))
                    out[table] = [r[0] for r in cur.fetchall()]
            conn.close()
            return out

    r = Region()
    before = r.rows()
    # Every table holds rows of Nässjö to protect (so that "unchanged" means something).
    assert all(before[t] for t in KOMMUN_TABLES), {t: len(v) for t, v in before.items()}
    return r


def _moved(wkb: bytes, dx: float, dy: float) -> bytes:
    from osgeo import ogr

    geom = ogr.CreateGeometryFromWkb(bytes(wkb))
    for i in range(geom.GetGeometryCount()):
        polygon = geom.GetGeometryRef(i)
        for j in range(polygon.GetGeometryCount()):
            ring = polygon.GetGeometryRef(j)
            for k in range(ring.GetPointCount()):
                ring.SetPoint_2D(k, ring.GetX(k) + dx, ring.GetY(k) + dy)
    return bytes(geom.ExportToWkb())


def _log(feedback) -> str:
    return feedback.textLog()


@pytest.mark.parametrize("scope", [None, JONKOPING])
def test_a_sync_cannot_overwrite_another_kommuns_incidents(region, provider, sample_files,
                                                           tmp_path, scope):
    import processing
    from qgis.core import QgsProcessingFeedback

    before = region.rows()
    copy = tmp_path / f"rapporter{sample_files['reports'].suffix}"  # as Jönköping's file
    shutil.copy(sample_files["reports"], copy)
    feedback = QgsProcessingFeedback()
    out = processing.run("trygghet:syncreports", {
        "SOURCE": "file", "FILE": str(copy), "STORE": region.uri("jonkoping", scope)},
        feedback=feedback)
    assert out["NEW"] == out["UPDATED"] == out["UNCHANGED"] == 0 and out["REJECTED"] > 0
    if scope is None:
        assert "Får inte skriva kommun 0682:s rader" in _log(feedback)
    assert region.rows() == before
    with open_store(region.uri("jonkoping")) as jonkoping:
        reasons = [r.reason for r in jonkoping.rejected("reports")]
    assert any("hör till kommun 0682" in r for r in reasons)


def test_another_kommuns_sync_state_is_refused_whole(region, provider, sample_files):
    import processing
    from qgis.core import QgsProcessingException

    before = region.rows()
    with pytest.raises(QgsProcessingException,
                       match="Synkstatusen för file:.*hör till kommun 0682.*får inte skriva "
                             "kommun 0682:s rader"):
        processing.run("trygghet:syncreports", {
            "SOURCE": "file", "FILE": str(sample_files["reports"]), "FULL": True,
            "STORE": region.uri("jonkoping")})
    assert region.rows() == before


@pytest.mark.parametrize("scope", [None, JONKOPING])
def test_survey_results_and_places_of_another_kommun_are_refused(region, provider,
                                                                 sample_files, tmp_path, scope):
    import json

    import processing

    from trygghet_plugin.sources import surveys

    marked = json.loads(sample_files["survey_places"].read_text(encoding="utf-8"))
    marked["features"] = marked["features"][:3]
    for n, f in enumerate(marked["features"]):
        f["properties"]["id"] = f"P{n}"
    places = tmp_path / "platser.geojson"
    places.write_text(json.dumps(marked), encoding="utf-8")
    with open_store(region.uri("region", NASSJO)) as nassjo:  # Nässjö's places with ids
        assert surveys.import_places(nassjo, places).places_new == 3
    before = region.rows()
    results = tmp_path / "resultat.csv"  # Nässjö's survey, every index one higher
    with open(sample_files["survey_results"], encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    for row in rows[1:]:
        row[3] = str(float(row[3].replace(",", ".")) + 1).replace(".", ",")
    with open(results, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    for f in marked["features"]:  # the same places, moved 20 m east
        f["geometry"]["coordinates"][0] += 0.0003
    places.write_text(json.dumps(marked), encoding="utf-8")
    out = processing.run("trygghet:importsurvey", {
        "INPUT": str(results), "PLACES": str(places), "STORE": region.uri("jonkoping", scope)})
    assert out["NEW"] == out["UPDATED"] == 0 and out["PLACES_NEW"] == 0
    assert out["REJECTED"] == len(rows) - 1 + 3
    if scope is None:
        assert "Får inte skriva kommun 0682:s rader" in out["SUMMARY"]
    assert region.rows() == before


@pytest.mark.parametrize("scope", [None, JONKOPING])
def test_areas_of_another_kommun_are_refused(region, provider, sample_files, scope):
    import processing

    before = region.rows()
    out = processing.run("trygghet:importareas", {
        "INPUT": str(sample_files["areas"]), "LAYER": "DeSO_2025", "KOMMUNKOD": NASSJO,
        "STORE": region.uri("jonkoping", scope)})
    assert out["NEW"] == out["UPDATED"] == 0 and out["REJECTED"] > 0
    assert "kommun 0682" in out["SUMMARY"]
    if scope is None:
        assert "Får inte skriva kommun 0682:s rader" in out["SUMMARY"]
    assert region.rows() == before


def test_a_scope_outside_the_roles_kommuner_refuses_every_write(region, provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    before = region.rows()
    with open_store(region.uri("jonkoping", NASSJO)) as store:
        assert store.count("incidents") == 0  # nor does it read them
        with pytest.raises(StoreError, match="får inte skriva kommun 0682:s rader.*inget "
                                             "skrevs"):
            store.write_batch([], [Rejected("reports", "x", "r")])
    export = tmp_path / "export.csv"
    export.write_text("Ärende;Händelsetyp;Tidpunkt;Lat;Lon\n1;Klotter;2025-06-07 21:14;57,6531;"
                      "14,6968\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="får inte skriva kommun 0682:s rader"):
        processing.run("trygghet:syncreports", {"SOURCE": "file", "FILE": str(export),
                                                "STORE": region.uri("jonkoping", NASSJO)})
    assert region.rows() == before


def test_the_database_refuses_plain_sql_too(region):
    """Past the plugin: what a writer's own psql session can and cannot do."""
    before = region.rows()
    s = f'"{region.schema}"'
    conn = region.connect("jonkoping")
    with conn.cursor() as cur:
        for table in KOMMUN_TABLES:  # another kommun's rows are not there to change
            cur.execute(f"UPDATE {s}.{table} SET kommunkod = kommunkod WHERE kommunkod = %s",
                        (NASSJO,))
            assert cur.rowcount == 0, table
            cur.execute(f"DELETE FROM {s}.{table} WHERE kommunkod = %s", (NASSJO,))
            assert cur.rowcount == 0, table
        for table in KOMMUN_TABLES:  # nor read them
            cur.execute(f"SELECT count(*) FROM {s}.{table} WHERE kommunkod = %s", (NASSJO,))
            assert cur.fetchone()[0] == 0, table
        cur.execute(f"SELECT count(*) FROM {s}.incidents_planner WHERE kommunkod = %s",
                    (NASSJO,))
        assert cur.fetchone()[0] == 0
        with region.connect() as owner, owner.cursor() as own:
            own.execute(f"SELECT area_code FROM {s}.survey_results LIMIT 1")
            (nassjo_area,) = own.fetchone()
        refused = [
            f"INSERT INTO {s}.incidents (geom, uid, source, source_id, category, "
            "location_precision, kommunkod) VALUES (ST_SetSRID(ST_MakePoint(470000, 6390000), "
            "3006), 'x:1', 'x', '1', 'ovrigt', 'exact', '0682')",
            f"UPDATE {s}.incidents SET kommunkod = '0682' WHERE kommunkod = '0680'",
            # The survey row takes its area's kommun, whatever the writer says.
            f"INSERT INTO {s}.survey_results (survey, area_code, question, kommunkod) "
            f"VALUES ('S', '{nassjo_area}', 'Q', '0680')",
            f"INSERT INTO {s}.sync_state (source_key, kommunkod) VALUES ('k', '0682')",
            f"INSERT INTO {s}.measures (uid, title, type, status, kommunkod) VALUES "
            "('m-x', 'X', 'annat', 'planerad', '0682')",
            f"UPDATE {s}.measures SET kommunkod = '0682'",
        ]
        # Its own measure it adds; moving it to Nässjö is refused below.
        cur.execute(f"INSERT INTO {s}.measures (uid, title, type, status, kommunkod) VALUES "
                    "('m-j', 'J', 'annat', 'planerad', '0680')")
        for statement in refused:
            with pytest.raises(psycopg2.errors.InsufficientPrivilege,
                               match="row-level security"):
                cur.execute(statement)
        cur.execute(f"UPDATE {s}.incidents SET category = category WHERE kommunkod = '0680'")
        assert cur.rowcount == 60  # its own rows it changes
        with pytest.raises(psycopg2.errors.InsufficientPrivilege,
                           match="permission denied for view incidents_planner"):
            cur.execute(f"UPDATE {s}.incidents_planner SET category = 'x'")
    conn.close()
    assert region.rows() == before


def test_meta_rows_are_the_owners(region):
    conn = region.connect("jonkoping")
    with conn.cursor() as cur, pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute(f'UPDATE "{region.schema}".trygghet_meta SET value = value')
    conn.close()


def test_the_regions_analyst_reads_and_writes_every_kommun(region):
    with open_store(region.uri("region")) as analyst:
        assert analyst.count("incidents", "kommunkod = ?", (NASSJO,)) == \
            len(region.rows()["incidents"])
        assert analyst.count("incidents", "kommunkod = ?", (JONKOPING,)) == 60
        assert analyst.write_kommuner is None
        nassjo = next(analyst.iter_incidents("kommunkod = ? AND source = 'reports'",
                                             (NASSJO,)))
        counts = analyst.write_batch([
            replace(nassjo, category="ovrigt"),
            Incident("reports-0680", "R1", "ovrigt", 440000.0, 6400000.0, None,
                     kommunkod=JONKOPING)])
        assert (counts.new, counts.updated, counts.rejected) == (1, 1, 0)


def test_a_planner_reads_the_views_without_free_text(region, provider, qgis_app, taxonomy,
                                                     tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    from trygghet_plugin.layers.incidents import incidents_layer

    conn = region.connect("planner")
    with conn.cursor() as cur:
        for column in ("description", "reporter_org", "reporter_id", "uid"):
            with pytest.raises(psycopg2.errors.InsufficientPrivilege,
                               match="permission denied for table incidents"):
                cur.execute(f'SELECT {column} FROM "{region.schema}".incidents')
        with pytest.raises(psycopg2.errors.InsufficientPrivilege,
                           match="permission denied for table rejected"):
            cur.execute(f'SELECT raw FROM "{region.schema}".rejected')
        cur.execute(f'SELECT * FROM "{region.schema}".incidents_planner LIMIT 1')
        columns = {d.name for d in cur.description}
    conn.close()
    assert {"uid", "category", "occurred_at", "kommunkod", "geom"} <= columns
    assert not columns & {"description", "reporter_org", "reporter_id", "details"}

    total = len(region.rows(NASSJO)["incidents"]) + 60
    with open_store(region.uri("planner")) as planner:
        layer = incidents_layer(planner, taxonomy)
        assert layer.isValid() and layer.featureCount() == total
        assert "incidents_planner" in layer.source()
        names = set(layer.fields().names())
        assert "category" in names and not names & {"description", "reporter_org",
                                                    "reporter_id"}
        assert planner.rejected() and all(r.raw == "" for r in planner.rejected())
    with open_store(region.uri("planner", NASSJO)) as planner:
        layer = incidents_layer(planner, taxonomy)
        assert "incidents_planner" in layer.source()
        assert layer.featureCount() == len(region.rows(NASSJO)["incidents"])

    # The lägesbild and the board analysis are made from what the planner reads; a sync
    # into the store is refused with the read-only message.
    out = tmp_path / "lagesbild.pdf"
    result = processing.run("trygghet:lagesbild", {
        "STORE": region.uri("planner", NASSJO), "PERIOD_END": "2026-10-25",
        "OUTPUT": str(out)})
    assert result["PAGES"] >= 2 and out.stat().st_size > 0
    board = tmp_path / "namnd.pdf"
    processing.run("trygghet:boardanalysis", {"STORE": region.uri("planner", NASSJO),
                                              "TERTIAL": "2026-T2", "OUTPUT": str(board)})
    assert board.stat().st_size > 0
    export = tmp_path / "export.csv"
    export.write_text("Ärende;Händelsetyp;Tidpunkt;Lat;Lon\n1;Klotter;2025-06-07 21:14;57,6531;"
                      "14,6968\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="bara läsrätt.*kan inte skriva till den"):
        processing.run("trygghet:syncreports", {"SOURCE": "file", "FILE": str(export),
                                                "STORE": region.uri("planner")})


def test_a_role_of_two_kommuner_says_which_kommun(region, make_login, pg_cluster):
    from trygghet_plugin.domain.survey import SurveyPlace

    user = f"two_{uuid.uuid4().hex[:8]}"
    make_login(user, "pw-two", f"trygghet_kommun_{JONKOPING}", f"trygghet_kommun_{NASSJO}")
    uri = f"postgresql://{user}@127.0.0.1:{pg_cluster.port}/trygghet?schema={region.schema}"
    before = region.rows()
    with open_store(uri) as both:
        assert both.write_kommuner == {JONKOPING, NASSJO}
        counts = both.write_batch([
            Incident("reports-0680", "N1", "ovrigt", 440000.0, 6400000.0, None),
            Incident("reports-0680", "N2", "ovrigt", 440000.0, 6400000.0, None,
                     kommunkod=JONKOPING)])
        assert (counts.new, counts.rejected) == (1, 1)
        (reason,) = [r.reason for r in both.rejected("reports-0680") if r.source_id == "N1"]
        assert "saknar kommun" in reason and "kommun=" in reason
        # A place outside every area: the database cannot tell whose it is and refuses it.
        with pytest.raises(StoreError, match="får inte skriva en annan kommuns rader.*inget "
                                             "skrevs"):
            both.upsert_survey_places([SurveyPlace("survey:x", "S", 300000.0, 6900000.0,
                                                   "Mörkt", None)])
    with open_store(f"{uri}&kommun={NASSJO}") as nassjo:
        assert nassjo.upsert_survey_places([SurveyPlace(
            "survey:x", "S", 300000.0, 6900000.0, "Mörkt", None)]).new == 1
    after = region.rows()
    assert len(after["survey_places"]) == len(before["survey_places"]) + 1


def test_police_events_of_another_kommun_are_refused(region, provider, sample_files):
    import processing

    before = region.rows()
    out = processing.run("trygghet:importpolice", {
        "INPUT": str(sample_files["police_events"]), "KOMMUN": NASSJO,
        "STORE": region.uri("jonkoping")})
    assert out["NEW"] == out["UPDATED"] == 0 and out["REJECTED"] > 0
    assert "Får inte skriva kommun 0682:s rader" in out["SUMMARY"]
    assert region.rows() == before


def _recording_iface_class():
    """The QGIS tests' RecordingIface (tests/qgis/conftest.py), for the dock below."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "qgis" / "conftest.py"
    spec = importlib.util.spec_from_file_location("trygghet_qgis_test_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.RecordingIface


def test_the_sync_dock_says_what_it_may_not_write(region, qgis_iface, sample_files, tmp_path):
    import sys
    from pathlib import Path

    from qgis.PyQt.QtWidgets import QMainWindow

    from trygghet_plugin import classFactory
    from trygghet_plugin.settings import SettingsManager
    from trygghet_plugin.sources.connection_store import ConnectionStore

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "qgis"))
    from qt_wait import wait_for

    settings = SettingsManager()
    settings.set("sync_dock_visible", False)
    stored = settings.get("store_path")  # the dock remembers its STORE: put it back after
    main = QMainWindow()
    plugin = classFactory(_recording_iface_class()(main, qgis_iface.messageBar()))
    plugin.initGui()
    before = region.rows()
    try:
        plugin.sync_action.trigger()
        dock = plugin.sync_dock
        dock.storeEdit.setText(region.uri("jonkoping"))
        dock.storeEdit.editingFinished.emit()

        def sync(name: str, path) -> object:
            dock.addButton.click()
            dock.nameEdit.setText(name)
            dock.kindCombo.setCurrentIndex(dock.kindCombo.findData("file"))
            dock.fileEdit.setText(str(path))
            dock.saveButton.click()
            results = []
            dock.sync_done.connect(results.append)
            dock.syncButton.click()
            wait_for(lambda: results)
            dock.sync_done.disconnect(results.append)
            return results[0]

        copy = tmp_path / f"rapporter{sample_files['reports'].suffix}"
        shutil.copy(sample_files["reports"], copy)
        result = sync("Nässjös rapporter, kopia", copy)
        assert result is not None and result.new == result.updated == 0
        assert dock.rejectedLabel.text() == str(result.rejected) != "0"
        assert "Får inte skriva kommun 0682:s rader" in dock.statusLabel.text()
        # Nässjö's own file: its sync state is Nässjö's, so the whole sync is refused.
        dock.fullCheck.setChecked(True)
        assert sync("Nässjös rapporter", sample_files["reports"]) is None
        assert "Synkstatusen för file:" in dock.statusLabel.text()
        assert "hör till kommun 0682" in dock.statusLabel.text()
    finally:
        plugin.unload()
        store = ConnectionStore()
        for connection in store.list():
            store.remove(connection.id)
        settings.set("store_path", stored)
        settings.set("sync_dock_visible", False)
        main.deleteLater()
    assert region.rows() == before


def test_a_store_of_version_5_gets_its_kommuner_and_planners_lose_the_free_text(
        pg_cluster, pg_uri, pg_schema, fill_store, make_login):
    """The upgrade, on a store whose roles were set up with the roles.sql before version 6
    (planners could read every table then)."""
    from trygghet_plugin.store.postgis import PostgisStore

    old = PostgisStore(pg_uri, target_version=5)
    fill_store(old)
    old.close()
    # What the roles.sql before version 6 granted (tables and every future table).
    pg_cluster.psql("trygghet", "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname "
                    "= 'trygghet_reader') THEN CREATE ROLE trygghet_reader NOLOGIN; END IF; "
                    "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trygghet_writer') "
                    "THEN CREATE ROLE trygghet_writer NOLOGIN IN ROLE trygghet_reader; END IF; "
                    "END $$; "
                    f"GRANT USAGE ON SCHEMA {pg_schema} TO trygghet_reader; "
                    f"GRANT SELECT ON ALL TABLES IN SCHEMA {pg_schema} TO trygghet_reader; "
                    f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {pg_schema} "
                    "TO trygghet_writer; "
                    f"ALTER DEFAULT PRIVILEGES IN SCHEMA {pg_schema} GRANT SELECT ON TABLES "
                    "TO trygghet_reader; "
                    f"ALTER DEFAULT PRIVILEGES IN SCHEMA {pg_schema} GRANT INSERT, UPDATE, "
                    "DELETE ON TABLES TO trygghet_writer")
    planner, analyst = f"planner_{uuid.uuid4().hex[:8]}", f"analyst_{uuid.uuid4().hex[:8]}"
    make_login(planner, "pw-p", "trygghet_reader")
    make_login(analyst, "pw-a", "trygghet_writer")
    with open_store(pg_uri) as owner:
        assert owner.schema_version() == 7
        incidents = owner.count("incidents")
    conn = psycopg2.connect(pg_cluster.dsn())
    with conn.cursor() as cur:
        for table in ("survey_results", "survey_places", "survey_comparison",
                      "police_area_counts"):  # filled from their areas
            cur.execute(f"SELECT count(*), count(*) FILTER (WHERE kommunkod = '0682') "
                        f"FROM {pg_schema}.{table}")
            total, nassjo = cur.fetchone()
            assert total == nassjo > 0, table
    conn.close()
    conn = psycopg2.connect(pg_cluster.dsn(user=planner, password="pw-p"))
    with conn.cursor() as cur, pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute(f"SELECT description FROM {pg_schema}.incidents")
    conn.close()
    conn = psycopg2.connect(pg_cluster.dsn(user=analyst, password="pw-a"))
    with conn.cursor() as cur:
        cur.execute(f"SELECT count(description) FROM {pg_schema}.incidents")  # still reads
        with pytest.raises(psycopg2.errors.InsufficientPrivilege,
                           match="permission denied for view incidents_planner"):
            cur.execute(f"UPDATE {pg_schema}.incidents_planner SET category = 'x'")
    conn.close()
    with open_store(f"postgresql://{planner}@127.0.0.1:{pg_cluster.port}/trygghet"
                    f"?schema={pg_schema}") as store:
        assert store.count("incidents") == incidents
        assert "incidents_planner" in store.layer_source("incidents").uri


def test_an_owner_that_is_no_superuser_writes_every_kommun(pg_cluster, pg_schema, make_login):
    """FORCE ROW LEVEL SECURITY holds the owner to the policies too; they let it through."""
    user = f"owner_{uuid.uuid4().hex[:8]}"
    make_login(user, "pw-o")
    pg_cluster.psql("trygghet", f"GRANT CREATE ON DATABASE trygghet TO {user}")
    uri = f"postgresql://{user}@127.0.0.1:{pg_cluster.port}/trygghet?schema={pg_schema}"
    with open_store(uri) as owner:
        assert owner.write_kommuner is None
        counts = owner.write_batch([
            Incident("r", "1", "ovrigt", 470000.0, 6390000.0, None, kommunkod=NASSJO),
            Incident("r", "2", "ovrigt", 440000.0, 6400000.0, None, kommunkod=JONKOPING),
            Incident("r", "3", "ovrigt", 440000.0, 6400000.0, None)])
        assert counts.new == 3
    conn = psycopg2.connect(pg_cluster.dsn())
    with conn.cursor() as cur:  # the policies, not the owner's bypass, let it through
        cur.execute(f"SELECT relforcerowsecurity FROM pg_class WHERE oid = "
                    f"'{pg_schema}.incidents'::regclass")
        assert cur.fetchone()[0] is True
    conn.close()


def test_a_kommuns_analyst_reads_only_its_own_kommun(region):
    from trygghet_plugin.analysis.periods import Period
    from trygghet_plugin.analysis.region import region_summary

    with open_store(region.uri("jonkoping")) as jonkoping:
        assert jonkoping.count("incidents") == 60
        assert {a.kommunkod for a in jonkoping.areas()} == {JONKOPING}
        assert jonkoping.survey_results() == [] and jonkoping.count("police_areas") == 0
        assert {r.kommunkod for r in region_summary(
            jonkoping, Period(date(2026, 1, 1), date(2026, 10, 31)))} <= {JONKOPING}
    with open_store(region.uri("planner")) as planner:  # the planner: every kommun's areas
        assert {a.kommunkod for a in planner.areas()} >= {JONKOPING, NASSJO}


def test_measures_of_another_kommun_are_neither_read_nor_written(region, provider, tmp_path):
    """Jönköping's analyst, through the store and the measure algorithms: Nässjö's measures
    are not there to read, and a write that would touch them is kept among the rejected
    records with the reason; Nässjö's rows stay the same."""
    import processing
    from qgis.core import QgsProcessingException

    from trygghet_plugin.domain.measure import Measure

    before = region.rows()
    nassjo_uid = f"m-{NASSJO}-1"
    assert len(before["measures"]) == 2  # Nässjö's, from fill_store
    with open_store(region.uri("jonkoping")) as jonkoping:
        assert jonkoping.measures() == [] and jonkoping.count("measures") == 0
        counts = jonkoping.upsert_measures([
            Measure(nassjo_uid, "Överskriven", "annat", "planerad"),  # Nässjö's id
            Measure("m-x", "Nässjös nya", "annat", "planerad", kommunkod=NASSJO),
            Measure("m-0680-1", "Belysning Väster", "belysning", "planerad"),
        ])
        assert (counts.new, counts.rejected, counts.refused) == (1, 2, {NASSJO: 2})
        reasons = [r.reason for r in jonkoping.rejected("measures")]
        assert len(reasons) == 2 and all("kommun 0682" in r for r in reasons), reasons
        (own,) = jonkoping.measures()
        assert (own.uid, own.kommunkod) == ("m-0680-1", JONKOPING)  # stamped with its kommun
        jonkoping.save_measure_evaluation(nassjo_uid, "increased", 9.0, 8.0, 10.0, 1.0)
    with pytest.raises(QgsProcessingException, match="0682"):
        processing.run("trygghet:addmeasure", {
            "STORE": region.uri("jonkoping", NASSJO), "TITLE": "Kamera", "TYPE": "kamera"})
    assert region.rows() == before


def test_a_planner_reads_measures_without_their_notes_and_cannot_write_them(region):
    from trygghet_plugin.domain.measure import Measure

    with open_store(region.uri("planner")) as planner:
        measures = {m.uid: m for m in planner.measures()}
        nassjo = measures[f"m-{NASSJO}-1"]
        assert (nassjo.title, nassjo.verdict, nassjo.notes) == (
            "Ny belysning på torget", "decreased", None)
        assert "measures_planner" in planner.layer_source("measures").uri
        with pytest.raises(StoreError, match="läs"):
            planner.upsert_measures([Measure("m-p", "X", "annat", "planerad",
                                             kommunkod=NASSJO)])
    conn = region.connect("planner")
    with conn.cursor() as cur, pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute(f'SELECT notes FROM "{region.schema}".measures')
    conn.close()
    with open_store(region.uri("region")) as analyst:  # the region's analyst reads the notes
        assert analyst.measures([f"m-{NASSJO}-1"])[0].notes.startswith("Internt")
