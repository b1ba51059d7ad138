"""The plugin in the real QGIS desktop (under Xvfb): installed from the zip into a throw-away
profile, loaded by QGIS at start, its docks opened, a connection to a local collection service
(pygeoapi on 127.0.0.1) added and synced through the sync dock, a lägesbild made from what came
in, a measure made from the hottest cell and closed in the Åtgärder dock, and screenshots of
the docks saved (into docs/images/ with TRYGGHET_SCREENSHOTS=1)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QGIS = Path("/usr/bin/qgis")
IMAGES = ROOT / "docs" / "images"

# Runs inside QGIS (--code) after the plugins are loaded; writes result.json and quits.
STARTUP = r'''
import json, time, traceback
from pathlib import Path
from qgis.PyQt.QtCore import QTimer
from qgis.core import QgsApplication
from qgis.utils import iface, plugins

OUT = Path(__OUT__)
IMAGES = Path(__IMAGES__)
STORE = __STORE__
SERVICE = __SERVICE__
DEAD_SERVICE = __DEAD_SERVICE__
AREAS = __AREAS__
result = {"loaded": "trygghet_plugin" in plugins, "started": time.monotonic()}

def when(predicate, then, timeout=30.0):
    """Call then() once predicate() holds, polling the event loop; give up after timeout."""
    deadline = time.monotonic() + timeout
    def poll():
        if predicate():
            then()
        elif time.monotonic() > deadline:
            result["error"] = f"timed out waiting in {then.__name__}"
            finish()
        else:
            QTimer.singleShot(100, poll)
    poll()

def finish():
    (OUT / "result.json").write_text(json.dumps(result))
    QgsApplication.exit(0)

def grab(name, widget):
    path = IMAGES / f"{name}.png"
    widget.grab().save(str(path))
    result.setdefault("images", []).append(str(path))

def at_default_width(name, dock):
    """The dock as QGIS opens it, about 300 px wide on the right: what sticks out past its
    right edge is noted."""
    from qgis.PyQt.QtCore import Qt
    iface.mainWindow().resizeDocks([dock], [DEFAULT_DOCK_WIDTH], Qt.Horizontal)
    dock.raise_()
    for _ in range(3):
        QgsApplication.processEvents()
    result.setdefault("dock_width", {})[name] = dock.width()
    result.setdefault("cut_off", {})[name] = sticking_out(dock)

def import_areas():
    """Data → Områden: the DeSO areas from a file (its picker answered by setting the path),
    then the Filter dock's area list fills by itself."""
    at_default_width("filter", plugin.filter_dock)
    at_default_width("lagesbild", plugin.lagesbild_dock)
    at_default_width("data", plugin.data_dock)
    dock = plugin.data_dock
    dock.storeEdit.setText(STORE)
    dock.areasFileEdit.setText(AREAS)
    dock.areasLayerEdit.setText("DeSO_2025")
    dock.areasKommunEdit.setText("Nässjö")
    dock.areasImportButton.click()
    when(lambda: dock.task is None and plugin.filter_dock.areaList.count() > 0, imported)

def imported():
    result["import_status"] = plugin.data_dock.statusLabel.text()
    result["filter_areas"] = plugin.filter_dock.areaList.count()
    grab("dock_data", plugin.data_dock)
    add_connection()

def add_connection():
    """As a user would: Lägg till, name, type, address, Hämta samlingar, Spara."""
    dock = plugin.sync_dock
    dock.storeEdit.setText(STORE)
    dock.storeEdit.editingFinished.emit()
    dock.addButton.click()
    dock.nameEdit.setText("Insamlingstjänsten")
    dock.kindCombo.setCurrentIndex(dock.kindCombo.findData("oapif"))
    at_default_width("sync_editor", dock)
    # First a mistyped address: the error reaches the message bar, where the eye is.
    dock.urlEdit.setText(DEAD_SERVICE)
    dock.allowHttpCheck.setChecked(True)
    dock.discoverButton.click()
    when(lambda: dock.discoverButton.isEnabled() and dock.statusLabel.text(), discover)

def discover():
    dock = plugin.sync_dock
    result["bar_after_dead_service"] = [item.text() for item in iface.messageBar().items()]
    iface.messageBar().clearWidgets()
    dock.urlEdit.setText(SERVICE)
    dock.discoverButton.click()
    when(lambda: dock.collectionCombo.count() > 0 and dock.discoverButton.isEnabled(),
         save_and_sync)

def save_and_sync():
    dock = plugin.sync_dock
    dock.saveButton.click()
    dock.sync_done.connect(synced)
    dock.syncButton.click()

def synced(sync):
    dock = plugin.sync_dock
    result["sync"] = None if sync is None else {"new": sync.new, "rejected": sync.rejected}
    result["sync_status"] = dock.statusLabel.text()
    result["sync_counts"] = [dock.newLabel.text(), dock.rejectedLabel.text()]
    QTimer.singleShot(300, make_lagesbild)

def make_lagesbild():
    dock = plugin.lagesbild_dock
    dock.storeEdit.setText(STORE)
    dock.report_done.connect(made)
    dock.set_end_date(__LAST_DAY__)
    dock.lagesbildButton.click()

def made(report):
    result["pdf"] = str(report.pdf) if report is not None else None
    dock = plugin.lagesbild_dock
    dock.report_done.disconnect(made)
    dock.report_done.connect(made_again)
    QTimer.singleShot(200, dock.lagesbildButton.click)  # after the dock is ready again

def made_again(report):
    """Skapa lägesbild once more for the same period: the first layout and PDF stay."""
    from qgis.core import QgsProject
    result["pdf_again"] = str(report.pdf) if report is not None else None
    result["layouts"] = sorted(l.name() for l in QgsProject.instance().layoutManager().layouts())
    QTimer.singleShot(200, show_on_map)

def show_on_map():
    """Filter dock → Visa lägesbild på kartan: the layer group of the period on the canvas."""
    dock = plugin.filter_dock
    dock.storeEdit.setText(STORE)
    dock.storeEdit.editingFinished.emit()
    dock.task_done.connect(on_map)
    QTimer.singleShot(500, dock.buildButton.click)  # after the store's choices are loaded

def on_map(name, ok):
    if name != "build":
        return
    from qgis.core import QgsProject
    result["map_group"] = ok
    result["layers"] = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())
    canvas = iface.mapCanvas()
    canvas.zoomToFullExtent()
    hot = [layer for layer in QgsProject.instance().mapLayers().values()
           if layer.name() == "Var händelserna koncentreras (Gi*)"
           and "gi_class" in layer.fields().names()]
    hottest = max((f for layer in hot[:1] for f in layer.getFeatures("gi_class > 0")),
                  key=lambda f: f["gi_z"], default=None)
    result["hot_cells"] = hottest is not None
    if hottest is not None:  # the central town around the hottest cell fills the picture
        from qgis.core import QgsRectangle
        from qgis.core import QgsPointXY
        top = hottest.geometry().centroid().asPoint()
        near = [f.geometry().centroid().asPoint() for f in hot[0].getFeatures("gi_class = 3")]
        near = [q for q in near if q.distance(top) < 3000] or [top]
        centre = QgsPointXY(sum(q.x() for q in near) / len(near),
                            sum(q.y() for q in near) / len(near))
        extent = QgsRectangle(centre.x() - 3000, centre.y() - 2000,
                              centre.x() + 3000, centre.y() + 2000)
        canvas.setExtent(extent)
    canvas.mapCanvasRefreshed.connect(rendered)
    canvas.refreshAllLayers()

def rendered():
    canvas = iface.mapCanvas()
    canvas.mapCanvasRefreshed.disconnect(rendered)
    grab("map_lagesbild", canvas)
    from qgis.core import QgsProject
    root = QgsProject.instance().layerTreeRoot()
    result["tree"] = [(n.name(), n.isVisible()) for n in root.findLayers()]
    QTimer.singleShot(100, measure_from_hot_cell)

def measure_from_hot_cell():
    """Åtgärder: the hottest cell selected on the map, Hotspotceller, the form filled in and
    saved (the real modal dialog, answered from a timer), then Avsluta."""
    try:
        from qgis.core import QgsProject
        dock = plugin.measures_dock
        at_default_width("measures", dock)
        hot = [layer for layer in QgsProject.instance().mapLayers().values()
               if layer.name() == "Var händelserna koncentreras (Gi*)"
               and "gi_class" in layer.fields().names()]
        cell = max(hot[0].getFeatures(), key=lambda f: f["gi_z"])
        hot[0].selectByIds([cell.id()])
        QTimer.singleShot(500, fill_measure_form)
        dock.fromHotspotsButton.click()  # returns when the form is saved
        result["measure_saved"] = dock.statusLabel.text()
        dock.closeButton.click()
        result["measure_closed"] = dock.statusLabel.text()
        result["measure_list"] = dock.list_texts()
        layers = QgsProject.instance().mapLayersByName("Åtgärder")
        result["measure_layer"] = [layer.featureCount() for layer in layers]
    except Exception:
        result["error"] = traceback.format_exc()
        finish()
        return
    QTimer.singleShot(100, screenshots)

def fill_measure_form():
    from qgis.PyQt.QtWidgets import QApplication
    dialog = QApplication.activeModalWidget()
    result["measure_form"] = dialog.windowTitle() if dialog is not None else None
    if dialog is None:
        return
    dialog.titleEdit.setText("Belysning vid hotspot")
    dialog.typeCombo.setCurrentIndex(dialog.typeCombo.findData("belysning"))
    dialog.statusCombo.setCurrentIndex(dialog.statusCombo.findData("pagaende"))
    dialog.organisationEdit.setText("Gatuavdelningen")
    grab("measure_form", dialog)
    dialog.buttonBox.button(dialog.buttonBox.Save).click()

def screenshots():
    try:
        result["status"] = plugin.lagesbild_dock.statusLabel.text()
        for name, dock in (("dock_sync", plugin.sync_dock), ("dock_filter", plugin.filter_dock),
                           ("dock_lagesbild", plugin.lagesbild_dock),
                           ("dock_measures", plugin.measures_dock)):
            dock.setFloating(True)  # a readable size for the guide's pictures
            dock.resize(DEFAULT_DOCK_WIDTH, 900)  # as wide as QGIS opens it
            QgsApplication.processEvents()
            grab(name, dock)
            dock.setFloating(False)
        planners()
    except Exception:
        result["error"] = traceback.format_exc()
        finish()

def planners():
    """A planner's view: the styled GeoPackage (trygghet:exportlayers) in a project of its own,
    its layers opened as a planner would, with the styles stored in the file."""
    import processing
    from qgis.core import QgsProject, QgsVectorLayer, QgsRasterLayer
    from osgeo import ogr
    gpkg = OUT / "planering.gpkg"
    processing.run("trygghet:exportlayers", {"STORE": STORE, "PERIOD_END": "2026-10-25",
                                             "OUTPUT": str(gpkg)})
    extent = iface.mapCanvas().extent()
    project = QgsProject.instance()
    project.clear()
    names = [layer.GetName() for layer in ogr.Open(str(gpkg)) if layer.GetName() != "layer_styles"]
    result["planner_layers"] = names
    for name in names:  # each layer as Add Vector Layer opens it
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        result.setdefault("planner_styled", {})[name] = layer.renderer().type()
    # What the guide says: drag the .qlr next to it into the project.
    from qgis.core import QgsLayerDefinition
    QgsLayerDefinition.loadLayerDefinition(str(gpkg.with_suffix(".qlr")), project,
                                           project.layerTreeRoot())
    result["planner_visible"] = [node.name() for node in project.layerTreeRoot().findLayers()
                                 if node.isVisible()]
    canvas = iface.mapCanvas()
    canvas.setExtent(extent)
    canvas.mapCanvasRefreshed.connect(planners_rendered)
    canvas.refreshAllLayers()

def planners_rendered():
    canvas = iface.mapCanvas()
    canvas.mapCanvasRefreshed.disconnect(planners_rendered)
    grab("planners_gpkg", canvas)
    finish()

def options_page():
    """The Options dialog is modal: look at it from a timer, then close it."""
    from qgis.PyQt.QtWidgets import QApplication
    from trygghet_plugin.gui.settings_page import SettingsPage
    dialog = QApplication.activeModalWidget()
    try:
        pages = dialog.findChildren(SettingsPage) if dialog is not None else []
        result["options_page"] = len(pages)
        if pages:
            grab("settings_page", pages[0])
    finally:
        if dialog is not None:
            dialog.reject()

try:
    QTimer.singleShot(1500, options_page)
    iface.showOptionsDialog(iface.mainWindow(), "TrygghetSettingsPage")
    from trygghet_plugin.settings import SettingsManager
    SettingsManager().set("store_path", STORE)
    SettingsManager().set("report_dir", str(OUT))
    iface.mainWindow().resize(1500, 950)
    plugin = plugins["trygghet_plugin"]
    result["menu"] = [a.text() for a in plugin.actions]
    plugin.sync_action.trigger()
    plugin.filter_action.trigger()
    plugin.lagesbild_action.trigger()
    plugin.data_action.trigger()
    plugin.measures_action.trigger()
    QTimer.singleShot(2500, import_areas)  # after the Options dialog has been looked at
    QTimer.singleShot(80000, finish)  # never hang: the test then reports what is missing
except Exception:
    result["error"] = traceback.format_exc()
    finish()
'''


@pytest.mark.slow
def test_the_plugin_in_the_qgis_desktop(tmp_path):
    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is missing (Debian package xvfb)")
    if not QGIS.is_file():
        pytest.skip("the QGIS desktop (/usr/bin/qgis) is missing")

    from tools import package, profile
    from tools.oapif_server import OapifServer
    from trygghet_plugin.store import open_store
    from trygghet_sample import generate, write_sample
    from trygghet_sample.writer import write_reports_geojson

    # The store holds only the kommun boundary; the reports come through the sync dock.
    store = tmp_path / "nassjo.gpkg"
    sample = generate(size=20000, seed=5)
    reports = tmp_path / "reports.geojson"
    write_reports_geojson(reports, sample.reports)
    with open_store(store) as opened:
        opened.upsert_areas(sample.store_areas(deso=False))
    # The DeSO areas come in through the Data dock, from SCB's file as the user has it.
    areas = write_sample(tmp_path / "sample", size=50, seed=5)["areas"]
    profiles = tmp_path / "profiles-root"
    profile.install_zip(package.build(tmp_path / "dist"), profiles / "profiles" / "default")
    # Screenshots go to docs/images/ only when asked (TRYGGHET_SCREENSHOTS=1): a test run must
    # not change the work tree.
    images = IMAGES if __import__("os").environ.get("TRYGGHET_SCREENSHOTS") else \
        tmp_path / "images"
    images.mkdir(parents=True, exist_ok=True)
    script = tmp_path / "startup.py"
    geometry = (Path(__file__).with_name("dock_geometry.py")).read_text(encoding="utf-8")
    script.write_text(geometry + STARTUP.replace("__OUT__", repr(str(tmp_path)))
                      .replace("__IMAGES__", repr(str(images)))
                      .replace("__STORE__", repr(str(store)))
                      .replace("__AREAS__", repr(str(areas)))
                      .replace("__LAST_DAY__", "__import__('datetime').date(2026, 10, 25)"),
                      encoding="utf-8")
    env = {k: v for k, v in __import__("os").environ.items() if k != "QT_QPA_PLATFORM"}
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/ogcapi"
    with OapifServer(reports, "reports") as server:
        script.write_text(script.read_text(encoding="utf-8")
                          .replace("__SERVICE__", repr(server.url))
                          .replace("__DEAD_SERVICE__", repr(dead)), encoding="utf-8")
        try:
            run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", str(QGIS),
                                  "--profiles-path", str(profiles), "--noversioncheck",
                                  "--nologo", "--code", str(script)],
                                 env=env, capture_output=True, text=True, timeout=100)
        except subprocess.TimeoutExpired:
            pytest.fail("QGIS did not quit within 100 s")
    result_file = tmp_path / "result.json"
    assert result_file.is_file(), run.stderr[-3000:]
    result = json.loads(result_file.read_text())
    assert "error" not in result, result["error"]
    assert result["loaded"]
    # At QGIS's default dock width nothing sticks out past a dock's right edge.
    assert all(width <= 320 for width in result["dock_width"].values()), result["dock_width"]
    assert result["cut_off"] == {"filter": [], "lagesbild": [], "data": [],
                                 "sync_editor": [], "measures": []}, result["cut_off"]
    # Data → Områden: the areas came in, and the Filter dock lists them without further ado.
    assert result["filter_areas"] == 30, result["import_status"]
    assert {"Synka rapporter", "Lägesbild", "Filter", "Åtgärder", "Hjälp"} <= \
        set(result["menu"])
    # The sync went through the dock: every sample report came in, in Swedish.
    assert result["sync"] == {"new": len(sample.reports), "rejected": 0}, result["sync_status"]
    assert result["sync_counts"] == [str(len(sample.reports)), "0"]
    assert "Synk klar" in result["sync_status"]
    assert result.get("pdf"), result.get("status")
    assert Path(result["pdf"]).is_file()
    # An error from Hämta samlingar is on the message bar, not only in the dock.
    assert any("vägrade anslutning" in text for text in result["bar_after_dead_service"]), \
        result["bar_after_dead_service"]
    # Skapa lägesbild again for the same period keeps the first layout and PDF.
    assert result["layouts"] == ["Lägesbild 2026-v42-43", "Lägesbild 2026-v42-43 (2)"]
    assert result["pdf_again"].endswith("lagesbild_2026-v42-43_2.pdf")
    assert Path(result["pdf"]).is_file() and Path(result["pdf_again"]).is_file()
    assert result["options_page"] == 1  # the Trygghet page in Settings → Options
    assert result["map_group"], result.get("layers")
    assert any(name.startswith("Hot spots") or "Gi*" in name for name in result["layers"]) \
        or len(result["layers"]) > 3, result["layers"]
    # The planners' GeoPackage opens styled: incidents by category, cells by class (QGIS would
    # otherwise give them one random single symbol each).
    styled = result["planner_styled"]
    assert styled["Händelser (exakt plats)"] == styled["Var händelserna koncentreras (Gi*)"] == \
        "categorizedSymbol", \
        styled
    # Its layer definition adds them as a group that leaves the base map in view.
    assert result["planner_visible"] == ["Ovanligt/het plats utan åtgärd", "Ovanligt just nu",
                                         "Händelser (exakt plats)", "Kommungräns"], \
        result["planner_visible"]
    # Åtgärder: a measure made from the hottest cell through the form, then closed; it is in
    # the list and on the map.
    assert result["measure_form"] == "Ny åtgärd"
    assert result["measure_saved"] == "Sparad: Belysning vid hotspot"
    assert result["measure_closed"].startswith("Avslutad: Belysning vid hotspot")
    assert result["measure_list"][0].startswith("Belysning vid hotspot\nBelysning · avslutad")
    assert result["measure_layer"] == [1]
    assert len(result["images"]) == 9
    assert all(Path(p).stat().st_size > 1000 for p in result["images"])
    # QGIS unloaded the plugin when it quit: the open docks are noted for the next start.
    ini = (profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini").read_text(encoding="utf-8")
    for name in ("sync_dock_visible", "filter_dock_visible", "lagesbild_dock_visible",
                 "measures_dock_visible"):
        assert f"{name}=true" in ini, name
