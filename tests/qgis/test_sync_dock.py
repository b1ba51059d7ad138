"""The sync dock on a real QMainWindow: add a connection, sync in a QgsTask, see the counts,
open the rejected records, cancel, errors as messages; and the dock leaves with the plugin."""

from __future__ import annotations

import json
import socket
import time
import xml.etree.ElementTree as ET

import pytest
from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAbstractItemDelegate, QDockWidget
from qt_wait import flush_deletes, wait_for

from tools.oapif_server import OapifServer
from tools.slow_proxy import SlowProxy
from trygghet_plugin.paths import plugin_root
from trygghet_plugin.settings import ConnectionStore
from trygghet_sample import generate
from trygghet_sample.writer import write_reports_geojson

pytestmark = pytest.mark.usefixtures("no_saved_connections")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """600 sample reports and two that cannot be taken, from pygeoapi."""
    data = tmp_path_factory.mktemp("dock") / "reports.geojson"
    write_reports_geojson(data, generate(size=600, seed=2).reports)
    doc = json.loads(data.read_text(encoding="utf-8"))
    doc["features"] += [
        {"type": "Feature", "geometry": None,
         "properties": {"id": "BAD1", "category": "Klotter", "occurred_at": "2026-05-01"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [14.7, 57.65]},
         "properties": {"id": "BAD2", "category": "Klotter", "occurred_at": "i förrgår"}},
    ]
    data.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with OapifServer(data, "reports", max_items=100) as server:
        yield server, 600


@pytest.fixture
def dock(plugin, recording_iface, tmp_path):
    shown = []
    recording_iface.showAttributeTable = shown.append
    plugin.sync_action.trigger()
    dock = plugin.sync_dock
    dock.shown_tables = shown
    dock.storeEdit.setText(str(tmp_path / "nassjo.gpkg"))
    dock.storeEdit.editingFinished.emit()
    yield dock
    for layer in list(QgsProject.instance().mapLayers().values()):
        QgsProject.instance().removeMapLayer(layer.id())


def add_oapif_connection(dock, url: str, name: str = "Insamlingstjänsten") -> None:
    dock.addButton.click()
    assert dock.editorGroup.isVisibleTo(dock)
    dock.nameEdit.setText(name)
    dock.kindCombo.setCurrentIndex(dock.kindCombo.findData("oapif"))
    dock.urlEdit.setText(url)
    dock.discoverButton.click()
    wait_for(lambda: dock.collectionCombo.count() > 0 and dock.discoverButton.isEnabled())
    assert dock.collectionCombo.currentData() == "reports"
    assert dock.statusLabel.text() == "1 samling hittades."
    dock.saveButton.click()
    assert not dock.editorGroup.isVisibleTo(dock)


def sync_and_wait(dock):
    results = []
    dock.sync_done.connect(results.append)
    dock.syncButton.click()
    wait_for(lambda: results)
    dock.sync_done.disconnect(results.append)
    return results[0]


def test_the_form_holds_no_signal_connections():
    for ui in (plugin_root() / "forms").glob("*.ui"):
        connections = ET.parse(ui).getroot().find("connections")
        assert connections is None or len(connections) == 0, ui.name


def test_add_a_connection_sync_and_see_the_counts(dock, served, tmp_path):
    server, n = served
    add_oapif_connection(dock, server.url)
    assert [dock.connectionList.item(i).text() for i in range(dock.connectionList.count())] \
        == ["Insamlingstjänsten"]
    saved = ConnectionStore().find("Insamlingstjänsten")
    assert (saved.kind, saved.url, saved.collection) == ("oapif", server.url, "reports")

    # A layer over the store, open before the sync, shows the reports after it.
    open_store_layer = QgsVectorLayer(f"{tmp_path / 'nassjo.gpkg'}|layername=incidents",
                                      "Händelser", "ogr")
    QgsProject.instance().addMapLayer(open_store_layer)
    result = sync_and_wait(dock)
    assert result is not None and result.complete
    assert (dock.newLabel.text(), dock.updatedLabel.text(), dock.rejectedLabel.text()) == \
        (str(n), "0", "2")
    assert dock.deletedLabel.text() == "0"
    assert dock.lastSyncLabel.text() != "–"
    assert "Synk klar" in dock.statusLabel.text()
    assert dock.progressBar.value() == 0  # at rest after the sync: the counts say how it went
    assert open_store_layer.featureCount() == n
    assert "Hundbajs" in dock.unknownLabel.text()

    dock.rejectedButton.click()
    (layer,) = dock.shown_tables
    assert layer.name() == "Avvisade rapporter" and layer.featureCount() == 2
    names = [layer.attributeDisplayName(i) for i in range(layer.fields().count())]
    assert {"Orsak", "Posten som den kom"} <= set(names), names

    again = sync_and_wait(dock)
    assert (again.new, again.updated, again.rejected) == (0, 0, 2)
    assert dock.newLabel.text() == "0" and dock.rejectedLabel.text() == "2"


def test_with_none_rejected_visa_avvisade_says_so(dock, served):
    server, _n = served
    dock.storeEdit.setText(dock.store_path())
    from trygghet_plugin.store import open_store

    with open_store(dock.store_path()):
        pass  # an empty store
    dock.rejectedButton.click()
    assert dock.shown_tables == []
    assert "Inga rapporter har avvisats" in dock.statusLabel.text()


def test_cancel_stops_after_a_page_and_the_next_sync_goes_on(dock, served):
    server, n = served
    with SlowProxy(server.url, delay=0.4) as proxy:
        add_oapif_connection(dock, proxy.url, name="Långsam")
        results = []
        dock.sync_done.connect(results.append)
        dock.syncButton.click()
        assert dock.cancelSyncButton.isEnabled() and not dock.syncButton.isEnabled()
        wait_for(lambda: "Sida 1" in dock.statusLabel.text())
        dock.cancelSyncButton.click()
        assert not dock.cancelSyncButton.isEnabled()  # one click is enough: it is stopping
        wait_for(lambda: results)
        (stopped,) = results
        assert stopped is not None and not stopped.complete
        assert 0 < int(dock.newLabel.text()) < n
        assert "avbruten" in dock.statusLabel.text()
        dock.sync_done.disconnect(results.append)
        rest = sync_and_wait(dock)
    assert rest.complete and rest.resumed
    assert int(dock.newLabel.text()) == n - stopped.new


def test_cancel_does_not_wait_for_a_server_that_hangs(dock, served):
    """A server that stops answering mid-sync: a cancel ends the sync at once (the request
    in flight is cut), the page written stays, and the next sync goes on."""
    server, n = served
    with SlowProxy(server.url) as proxy:
        add_oapif_connection(dock, proxy.url, name="Hänger")
        proxy.stall_matching("offset=")  # the first page comes, then nothing
        results = []
        dock.sync_done.connect(results.append)
        dock.syncButton.click()
        wait_for(lambda: "Sida 1" in dock.statusLabel.text())
        time.sleep(0.3)  # the next page's request is in flight, unanswered
        started = time.monotonic()
        dock.cancelSyncButton.click()
        assert not dock.cancelSyncButton.isEnabled()
        wait_for(lambda: results, timeout=30)
        seconds = time.monotonic() - started
        dock.sync_done.disconnect(results.append)
        (stopped,) = results
        assert seconds < 5, seconds  # the session would have waited 120 s for the server
        assert stopped is not None and not stopped.complete and stopped.new == 100
        assert "avbruten" in dock.statusLabel.text()
        assert dock.syncButton.isEnabled() and dock.progressBar.value() == 0
        proxy.heal()
        rest = sync_and_wait(dock)
    assert rest.complete and rest.resumed
    assert rest.new == n - stopped.new


def test_a_full_sync_is_a_one_off_and_the_progress_rests_at_zero(dock, served):
    server, n = served
    add_oapif_connection(dock, server.url)
    dock.fullCheck.setChecked(True)
    result = sync_and_wait(dock)
    assert result.new == n
    assert not dock.fullCheck.isChecked()  # the next sync is incremental again
    assert dock.progressBar.value() == 0 and not dock.cancelSyncButton.isEnabled()


def test_errors_from_fetch_collections_reach_the_message_bar(dock, recording_iface):
    bar = recording_iface.messageBar()  # pytest-qgis's, which keeps what was pushed
    bar.clear_messages()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dock.addButton.click()
    dock.kindCombo.setCurrentIndex(dock.kindCombo.findData("oapif"))
    dock.urlEdit.setText(f"http://127.0.0.1:{port}/ogcapi")
    dock.allowHttpCheck.setChecked(True)
    dock.discoverButton.click()
    wait_for(lambda: dock.discoverButton.isEnabled())
    warnings = bar.get_messages(Qgis.Warning)
    assert any("vägrade anslutning" in text for text in warnings), warnings


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_test_connection_lists_the_sources_fields_for_the_mapping(dock, served):
    from qgis.PyQt.QtWidgets import QComboBox

    server, _n = served
    dock.addButton.click()
    dock.nameEdit.setText("Insamlingstjänsten")
    dock.kindCombo.setCurrentIndex(dock.kindCombo.findData("oapif"))
    dock.urlEdit.setText(server.url)
    dock.collectionCombo.setEditText("reports")
    dock.testButton.click()
    assert not dock.testButton.isEnabled()
    wait_for(lambda: dock.testButton.isEnabled())
    assert "Servern svarar: samlingen 'reports' har 602 poster." in dock.statusLabel.text()
    assert ConnectionStore().list() == []  # a test saves nothing

    # The "field in the source" cell offers the source's own fields, and still takes typing.
    table = dock.mappingTable
    row = next(r for r in range(table.rowCount())
               if table.item(r, 0).data(Qt.UserRole) == "category")
    item = table.item(row, 1)
    table.setCurrentItem(item)
    table.editItem(item)
    editor = table.indexWidget(table.indexFromItem(item))
    assert isinstance(editor, QComboBox) and editor.isEditable()
    offered = [editor.itemText(i) for i in range(editor.count())]
    assert {"category", "occurred_at", "description"} <= set(offered), offered
    editor.setCurrentIndex(offered.index("description"))
    table.commitData(editor)
    table.closeEditor(editor, QAbstractItemDelegate.NoHint)
    assert item.text() == "description"


def test_save_warns_but_keeps_a_connection_to_a_server_that_does_not_answer(
        dock, recording_iface):
    bar = recording_iface.messageBar()
    bar.clear_messages()
    dock.addButton.click()
    dock.nameEdit.setText("Nere")
    dock.kindCombo.setCurrentIndex(dock.kindCombo.findData("oapif"))
    dock.urlEdit.setText(f"http://127.0.0.1:{closed_port()}/ogcapi")
    dock.allowHttpCheck.setChecked(True)
    dock.collectionCombo.setEditText("reports")
    dock.saveButton.click()
    assert [c.name for c in ConnectionStore().list()] == ["Nere"]  # saved all the same
    wait_for(lambda: "svarade inte" in dock.statusLabel.text())
    assert "Anslutningen 'Nere' är sparad, men servern svarade inte" in dock.statusLabel.text()
    assert "vägrade anslutning" in dock.statusLabel.text()
    assert any("svarade inte" in text for text in bar.get_messages(Qgis.Warning))


def test_every_button_of_the_sync_dock_says_what_it_does(dock):
    from qgis.PyQt.QtWidgets import QAbstractButton

    silent = [b.objectName() for b in dock.findChildren(QAbstractButton)
              if b.objectName() and not b.toolTip().strip()
              and not b.objectName().startswith("qt_")]
    assert silent == []


def test_problems_are_messages_in_the_dock_not_tracebacks(dock):
    dock.addButton.click()
    dock.nameEdit.setText("Med nyckel")
    dock.urlEdit.setText("https://insamling.example.se/ogcapi?api_key=hemlig")
    dock.collectionCombo.setEditText("reports")
    dock.saveButton.click()
    assert "nyckel" in dock.statusLabel.text()
    assert ConnectionStore().list() == []  # nothing with a key in it was saved

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dock.urlEdit.setText(f"http://127.0.0.1:{port}/ogcapi")
    dock.saveButton.click()
    result = sync_and_wait(dock)
    assert result is None
    assert "vägrade anslutning" in dock.statusLabel.text()
    assert dock.syncButton.isEnabled()


def test_edit_and_remove_a_connection(dock, served):
    server, _ = served
    add_oapif_connection(dock, server.url, name="Första")
    dock.editButton.click()
    dock.nameEdit.setText("Omdöpt")
    row = next(r for r in range(dock.mappingTable.rowCount())
               if dock.mappingTable.item(r, 0).data(0x0100) == "reporter_org")
    dock.mappingTable.item(row, 1).setText("organisation")
    dock.saveButton.click()
    (saved,) = ConnectionStore().list()
    assert saved.name == "Omdöpt" and saved.mapping == {"reporter_org": "organisation"}
    dock.confirm = lambda text: True
    dock.removeButton.click()
    assert ConnectionStore().list() == [] and dock.connectionList.count() == 0


def test_the_dock_is_gone_after_unload(recording_iface):
    from trygghet_plugin import classFactory

    main = recording_iface.mainWindow()
    plugin = classFactory(recording_iface)
    plugin.initGui()
    plugin.sync_action.trigger()
    assert [d.objectName() for d in main.findChildren(QDockWidget)] == ["TrygghetSyncDock"]
    assert plugin.sync_dock.isVisible() == main.isVisible()
    plugin.unload()
    flush_deletes()
    assert main.findChildren(QDockWidget) == []
    assert QgsApplication.taskManager().countActiveTasks() == 0
