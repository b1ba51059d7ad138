"""Credentials live in the QGIS authentication database, and nowhere else: after syncs with a
token, a key and a password, none of them is in the profile folder, a saved project, the
store, the saved connections or the log."""

from __future__ import annotations

import json
import time
import uuid
import zipfile
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsProcessingException,
    QgsProject,
    QgsSettings,
)
from qgis.PyQt.QtCore import QCoreApplication
from werkzeug import Response

from trygghet_plugin.jobs.sync import run_connection
from trygghet_plugin.settings import ConnectionStore
from trygghet_plugin.sources.auth import apply_authcfg
from trygghet_plugin.sources.connections import Connection
from trygghet_plugin.sources.http import SourceError, make_session

MASTER = "trygghet-test-master"
FEATURES = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [14.70, 57.65]},
             "properties": {"id": f"S{n}", "category": "Klotter",
                            "occurred_at": "2026-05-01T21:00:00+02:00"}} for n in range(3)]


@pytest.fixture(scope="module")
def secrets():
    """A fresh token, key and password per run, so an old run's files cannot hide a leak."""
    return {"token": f"tok-{uuid.uuid4().hex}", "key": f"key-{uuid.uuid4().hex}",
            "password": f"pw-{uuid.uuid4().hex}"}


@pytest.fixture(scope="module")
def auth_ids(qgis_app, secrets):
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword(MASTER, True), "master password not accepted"
    ids = {}
    for name, user, secret in (("token", "bearer", secrets["token"]),
                               ("key", "header:X-API-Key", secrets["key"]),
                               ("basic", "analytiker", secrets["password"])):
        config = QgsAuthMethodConfig("Basic")
        config.setName(f"Trygghet test {name}")
        config.setConfig("username", user)
        config.setConfig("password", secret)
        assert manager.storeAuthenticationConfig(config)
        ids[name] = config.id()
    yield ids
    for authcfg in ids.values():
        manager.removeAuthenticationConfig(authcfg)


@pytest.fixture
def service(httpserver, secrets):
    """An OGC API Features endpoint that answers only with one of the credentials."""
    seen = []

    def allowed(request) -> bool:
        import base64

        basic = "Basic " + base64.b64encode(
            f"analytiker:{secrets['password']}".encode()).decode()
        return request.headers.get("Authorization") in (f"Bearer {secrets['token']}", basic) \
            or request.headers.get("X-API-Key") == secrets["key"]

    def handler(request):
        seen.append(request.path)
        if not allowed(request):
            return Response('{"code": "Unauthorized"}', status=401,
                            content_type="application/json")
        if request.path.endswith("/collections"):
            body = {"collections": [{"id": "reports", "title": "Rapporter"}]}
        else:
            body = {"type": "FeatureCollection", "features": FEATURES, "links": []}
        return Response(json.dumps(body), content_type="application/geo+json")

    httpserver.expect_request("/ogcapi/collections").respond_with_handler(handler)
    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_handler(handler)
    return httpserver.url_for("/ogcapi"), seen


def files_containing(folder: Path, needles: list[str]) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix in (".qgz", ".zip"):
                with zipfile.ZipFile(path) as archive:
                    data += b"".join(archive.read(n) for n in archive.namelist())
            hits += [f"{path}: {n}" for n in needles if n.encode() in data]
    return hits


def test_without_credentials_the_message_says_so(service, store):
    url, _ = service
    with pytest.raises(SourceError, match="Inloggning krävs.*401"):
        run_connection(Connection(name="x", url=url, collection="reports"), store)


@pytest.mark.parametrize("kind", ["token", "key", "basic"])
def test_each_kind_of_credential_is_applied(service, store, auth_ids, kind):
    url, _ = service
    session = make_session()
    apply_authcfg(session, auth_ids[kind])
    result = run_connection(Connection(name="x", url=url, collection="reports"), store,
                            session=session)
    assert result.complete and result.new == 3


def test_a_missing_config_is_a_clear_error(store):
    with pytest.raises(SourceError, match="finns inte i QGIS"):
        apply_authcfg(make_session(), "nope123")


def test_no_secret_anywhere_after_syncing_through_the_dock_and_processing(
        plugin, recording_iface, service, auth_ids, secrets, tmp_path, qgis_processing):
    import processing

    url, _ = service
    logged = []

    def record(message, tag, level):
        logged.append(message)

    QgsApplication.messageLog().messageReceived.connect(record)
    try:
        plugin.sync_action.trigger()
        dock = plugin.sync_dock
        store_path = tmp_path / "nassjo.gpkg"
        dock.storeEdit.setText(str(store_path))
        dock.storeEdit.editingFinished.emit()
        dock.addButton.click()
        dock.nameEdit.setText("Insamling med token")
        dock.urlEdit.setText(url)
        dock.auth_select.setConfigId(auth_ids["token"])
        dock.collectionCombo.setEditText("reports")
        dock.saveButton.click()
        results = []
        dock.sync_done.connect(results.append)
        dock.syncButton.click()
        deadline = time.monotonic() + 60
        while not results and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        assert results and results[0] is not None and dock.newLabel.text() == "3"

        out = processing.run("trygghet:syncreports", {
            "SOURCE": "oapif", "URL": url, "COLLECTION": "reports",
            "AUTHCFG": auth_ids["key"], "STORE": str(store_path)})
        assert out["UNCHANGED"] == 3

        project_file = tmp_path / "lagesbild.qgz"
        from trygghet_plugin.layers.project import populate_project
        from trygghet_plugin.store import open_store

        with open_store(store_path) as store:
            populate_project(QgsProject.instance(), store)
        assert QgsProject.instance().write(str(project_file))
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(record)
        QgsProject.instance().clear()
        for connection in ConnectionStore().list():
            ConnectionStore().remove(connection.id)

    QgsSettings().sync()
    needles = list(secrets.values())
    profile = Path(QgsApplication.qgisSettingsDirPath())
    assert (profile / "qgis-auth.db").is_file()  # the secrets are in there, encrypted
    assert files_containing(profile, needles) == []
    assert files_containing(tmp_path, needles) == []  # project, store, everything
    assert [m for m in logged if any(n in m for n in needles)] == []
    assert any("Synk klar" in m for m in logged)  # the log was written, just without secrets


@pytest.mark.parametrize("kind", ["token", "key", "basic"])
def test_through_processing_another_origin_never_sees_a_secret(
        provider_loaded, httpserver, auth_ids, secrets, tmp_path, kind):
    """trygghet:syncreports with an authentication config: a next link and a 307 redirect to
    another server are refused, and that server is never asked."""
    import processing
    from pytest_httpserver import HTTPServer

    stranger = HTTPServer(host="127.0.0.1", port=0)
    stranger.start()
    try:
        stranger.expect_request("/x").respond_with_data(
            '{"type": "FeatureCollection", "features": [], "links": []}',
            content_type="application/geo+json")
        other = stranger.url_for("/x")
        httpserver.expect_request("/api/collections/reports/items").respond_with_data(
            json.dumps({"type": "FeatureCollection", "features": FEATURES,
                        "links": [{"rel": "next", "href": other}]}),
            content_type="application/geo+json")
        httpserver.expect_request("/moved/collections/reports/items").respond_with_response(
            Response("", status=307, headers={"Location": other}))
        for base in ("/api", "/moved"):
            with pytest.raises(QgsProcessingException, match="annan adress"):
                processing.run("trygghet:syncreports", {
                    "SOURCE": "oapif", "URL": httpserver.url_for(base),
                    "COLLECTION": "reports", "AUTHCFG": auth_ids[kind],
                    "STORE": str(tmp_path / "s.gpkg")})
        assert stranger.log == []
        out = processing.run("trygghet:syncreports", {
            "SOURCE": "oapif", "URL": httpserver.url_for("/api"), "COLLECTION": "reports",
            "AUTHCFG": auth_ids[kind], "OTHER_ORIGINS": True,
            "STORE": str(tmp_path / "t.gpkg")})
        assert out["NEW"] == 3
        (request, _), = stranger.log
        seen = "\n".join(f"{k}: {v}" for k, v in request.headers.items())
        assert not any(secret in seen for secret in secrets.values())
        assert "Authorization" not in request.headers and "X-API-Key" not in request.headers
    finally:
        stranger.clear()
        stranger.stop()
