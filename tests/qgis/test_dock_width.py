"""Every dock at QGIS's default dock width (about 300 px): no button, label, list or column
sticks out past the dock's right edge (the desktop test checks the same in the real QGIS)."""

from __future__ import annotations

import pytest
from dock_geometry import DEFAULT_DOCK_WIDTH, sticking_out
from qgis.PyQt.QtCore import QCoreApplication


@pytest.fixture(autouse=True)
def qgis_font():
    """QGIS's own font size (10 pt), not the offscreen platform's 12 pt."""
    from qgis.PyQt.QtWidgets import QApplication

    font = QApplication.font()
    smaller = font.__class__(font)
    smaller.setPointSizeF(10.0)
    QApplication.setFont(smaller)
    yield
    QApplication.setFont(font)


def at_default_width(dock) -> None:
    dock.setFloating(True)
    dock.show()
    dock.resize(DEFAULT_DOCK_WIDTH, 900)
    for _ in range(3):
        QCoreApplication.processEvents()


@pytest.mark.parametrize("kind", ["oapif", "open311", "file"])
def test_the_sync_dock_and_its_connection_form_fit(plugin, kind):
    plugin.sync_action.trigger()
    dock = plugin.sync_dock
    dock.addButton.click()
    dock.kindCombo.setCurrentIndex(dock.kindCombo.findData(kind))
    at_default_width(dock)
    assert dock.width() <= DEFAULT_DOCK_WIDTH + 10
    problems = sticking_out(dock)
    assert not problems, "\n".join(problems)


def test_the_filter_dock_fits(plugin):
    plugin.filter_action.trigger()
    dock = plugin.filter_dock
    dock.choose_period_kind("custom")
    at_default_width(dock)
    assert dock.width() <= DEFAULT_DOCK_WIDTH + 10
    problems = sticking_out(dock)
    assert not problems, "\n".join(problems)


def test_the_lagesbild_dock_fits(plugin):
    plugin.lagesbild_action.trigger()
    dock = plugin.lagesbild_dock
    dock.templateHelpButton.setChecked(True)
    at_default_width(dock)
    assert dock.width() <= DEFAULT_DOCK_WIDTH + 10
    problems = sticking_out(dock)
    assert not problems, "\n".join(problems)


def test_the_data_dock_fits(plugin):
    plugin.data_action.trigger()
    dock = plugin.data_dock
    at_default_width(dock)
    assert dock.width() <= DEFAULT_DOCK_WIDTH + 10
    problems = sticking_out(dock)
    assert not problems, "\n".join(problems)


def test_the_measures_dock_fits(plugin, tmp_path):
    from datetime import date

    from trygghet_plugin.store import open_store
    from trygghet_sample.measures import plant_measures

    store = tmp_path / "nassjo.gpkg"
    with open_store(store) as opened:  # long titles and a verdict in the list
        opened.upsert_measures(plant_measures(start=date(2026, 3, 2)).measures)
    plugin.measures_action.trigger()
    dock = plugin.measures_dock
    dock.storeEdit.setText(str(store))
    dock.refresh()
    dock.measureList.item(0).setSelected(True)
    at_default_width(dock)
    assert dock.width() <= DEFAULT_DOCK_WIDTH + 10
    problems = sticking_out(dock)
    assert not problems, "\n".join(problems)
