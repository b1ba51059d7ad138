"""The plugin in the real QGIS desktop (under Xvfb): installed from the zip into a throw-away
profile, loaded by QGIS at start, its docks opened, a lägesbild made from a small store, and
screenshots of the docks saved (into docs/images/ with TRYGGHET_SCREENSHOTS=1)."""

from __future__ import annotations

import json
import shutil
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
result = {"loaded": "trygghet_plugin" in plugins, "started": time.monotonic()}

def finish():
    (OUT / "result.json").write_text(json.dumps(result))
    QgsApplication.exit(0)

def grab(name, widget):
    path = IMAGES / f"{name}.png"
    widget.grab().save(str(path))
    result.setdefault("images", []).append(str(path))

def made(report):
    result["pdf"] = str(report.pdf) if report is not None else None
    QTimer.singleShot(200, screenshots)  # after the dock has enabled its buttons again

def screenshots():
    try:
        result["status"] = plugin.lagesbild_dock.statusLabel.text()
        for name, dock in (("dock_sync", plugin.sync_dock), ("dock_filter", plugin.filter_dock),
                           ("dock_lagesbild", plugin.lagesbild_dock)):
            dock.setFloating(True)  # a readable size for the guide's pictures
            dock.resize(440, 760)
            QgsApplication.processEvents()
            grab(name, dock)
    except Exception:
        result["error"] = traceback.format_exc()
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
    plugin = plugins["trygghet_plugin"]
    result["menu"] = [a.text() for a in plugin.actions]
    plugin.sync_action.trigger()
    plugin.filter_action.trigger()
    plugin.lagesbild_action.trigger()
    dock = plugin.lagesbild_dock
    dock.storeEdit.setText(STORE)
    dock.report_done.connect(made)
    dock.set_end_date(__LAST_DAY__)
    dock.lagesbildButton.click()
    QTimer.singleShot(45000, finish)  # never hang: the test then reports what is missing
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
    from osgeo import ogr

    from tools import package, profile
    from trygghet_plugin.domain.area import Area
    from trygghet_plugin.sample import generate
    from trygghet_plugin.store import open_store

    store = tmp_path / "nassjo.gpkg"
    sample = generate(size=1500, seed=5)
    with open_store(store) as opened:
        opened.upsert_incidents(sample.iter_incidents())
        opened.upsert_areas([Area("0682", "kommun",
                                  ogr.CreateGeometryFromWkt(sample.boundary_wkt).ExportToIsoWkb(),
                                  "Nässjö", "0682", 31615)])
    profiles = tmp_path / "profiles-root"
    profile.install_zip(package.build(tmp_path / "dist"), profiles / "profiles" / "default")
    # Screenshots go to docs/images/ only when asked (TRYGGHET_SCREENSHOTS=1): a test run must
    # not change the work tree.
    images = IMAGES if __import__("os").environ.get("TRYGGHET_SCREENSHOTS") else \
        tmp_path / "images"
    images.mkdir(parents=True, exist_ok=True)
    script = tmp_path / "startup.py"
    script.write_text(STARTUP.replace("__OUT__", repr(str(tmp_path)))
                      .replace("__IMAGES__", repr(str(images)))
                      .replace("__STORE__", repr(str(store)))
                      .replace("__LAST_DAY__", "__import__('datetime').date(2026, 10, 25)"),
                      encoding="utf-8")
    env = {k: v for k, v in __import__("os").environ.items() if k != "QT_QPA_PLATFORM"}
    try:
        run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", str(QGIS),
                              "--profiles-path", str(profiles), "--noversioncheck", "--nologo",
                              "--code", str(script)],
                             env=env, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("QGIS did not quit within 60 s")
    result_file = tmp_path / "result.json"
    assert result_file.is_file(), run.stderr[-3000:]
    result = json.loads(result_file.read_text())
    assert "error" not in result, result["error"]
    assert result["loaded"]
    assert {"Synka rapporter", "Lägesbild", "Filter", "Hjälp"} <= set(result["menu"])
    assert result.get("pdf"), result.get("status")
    assert Path(result["pdf"]).is_file()
    assert result["options_page"] == 1  # the Trygghet page in Settings → Options
    assert len(result["images"]) == 4
    assert all(Path(p).stat().st_size > 1000 for p in result["images"])
    # QGIS unloaded the plugin when it quit: the open docks are noted for the next start.
    ini = (profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini").read_text(encoding="utf-8")
    for name in ("sync_dock_visible", "filter_dock_visible", "lagesbild_dock_visible"):
        assert f"{name}=true" in ini, name
