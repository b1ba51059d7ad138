"""The Data dock: areas, police data and a survey imported through file pickers, each dock
refreshed afterwards (the Filter dock's area list fills without typing the store again)."""

from __future__ import annotations

import pytest
from qgis.core import Qgis
from qt_wait import wait_for


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from trygghet_sample import write_sample

    return write_sample(tmp_path_factory.mktemp("sample"), size=400, seed=21)


@pytest.fixture
def docks(plugin, tmp_path):
    from trygghet_plugin.settings import SettingsManager

    SettingsManager().set("store_path", str(tmp_path / "nassjo.gpkg"))
    plugin.show_filter_dock()
    plugin.show_data_dock()
    yield plugin.data_dock, plugin.filter_dock


def pick(dock, button, path) -> None:
    """The file dialog answers with ``path``, as when the user picks it."""
    dock.ask_open_path = lambda *_args: str(path)
    button.click()


def import_and_wait(dock, button) -> None:
    done = []
    dock.imported.connect(done.append)
    button.click()
    wait_for(lambda: dock.task is None)
    dock.imported.disconnect(done.append)
    return done


def test_import_areas_police_and_survey_through_the_dock(docks, sample, recording_iface):
    data, filters = docks
    assert data.windowTitle() == "Data"
    assert "DeSO" in data.areasHelp.text() and "polisen.se" in data.policeHelp.text()
    assert filters.areaList.count() == 0  # an empty store: no areas yet

    pick(data, data.areasBrowseButton, sample["areas"])
    assert data.areasFileEdit.text() == str(sample["areas"])
    data.areasLayerEdit.setText("DeSO_2025")
    data.areasKommunEdit.setText("Nässjö")
    pick(data, data.populationBrowseButton, sample["population"])
    assert import_and_wait(data, data.areasImportButton) == ["areas"]
    assert "31" in data.statusLabel.text(), data.statusLabel.text()
    assert data.progressBar.value() == 0
    # The Filter dock reads the store again by itself: its area list holds the new areas.
    wait_for(lambda: filters.areaList.count() == 30)  # the 30 DeSO areas

    pick(data, data.policeBrowseButton, sample["police_events"])
    data.policeKommunEdit.setText("Nässjö")
    assert import_and_wait(data, data.policeImportButton) == ["police"]
    wait_for(lambda: "police" in [filters.sourceList.item(i).data(0x0100)
                                  for i in range(filters.sourceList.count())])

    pick(data, data.surveyBrowseButton, sample["survey_results"])
    assert import_and_wait(data, data.surveyImportButton) == ["survey"]
    assert "360" in data.statusLabel.text(), data.statusLabel.text()


def test_what_is_missing_is_said_on_the_message_bar(docks, recording_iface, tmp_path):
    data, _filters = docks
    bar = recording_iface.messageBar()
    bar.clear_messages()
    data.areasImportButton.click()
    assert "Välj en fil först" in data.statusLabel.text()
    data.policeFileEdit.setText(str(tmp_path / "saknas.json"))
    assert import_and_wait(data, data.policeImportButton) == []
    assert "finns inte" in data.statusLabel.text()
    warnings = bar.get_messages(Qgis.Warning)
    assert any("finns inte" in text for text in warnings), warnings
