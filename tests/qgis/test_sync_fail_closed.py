"""The sync fails closed: with the kommun boundary in the store, a report from Stockholm does
not land in Nässjö's store, through the Sync dock and trygghet:syncreports alike; without the
boundary the sync says that it could not check. Kommun codes are four ASCII digits."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from qt_wait import wait_for

from trygghet_plugin.settings import ConnectionStore
from trygghet_plugin.store import open_store
from trygghet_sample import generate

ROWS = ("Ärende;Händelsetyp;Tidpunkt;Lat;Lon\r\n"
        "1;Klotter;2025-06-07 21:14;57,6531;14,6968\r\n"
        "2;Nedskräpning;2025-06-08 08:00;57,6540;14,6950\r\n"
        "3;Klotter;2025-06-08 09:00;59,3326;18,0649\r\n")  # Stockholm


@pytest.fixture
def export_csv(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


@pytest.fixture
def bounded_store(tmp_path):
    path = tmp_path / "nassjo.gpkg"
    with open_store(path) as store:
        store.upsert_areas(generate(size=10, seed=1).store_areas(deso=False))
    return path


class Said(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info):
        self.lines.append(info)
        super().pushInfo(info)


def run_sync(params):
    import processing

    said = Said()
    return processing.run("trygghet:syncreports", params, feedback=said), " ".join(said.lines)


def test_processing_rejects_reports_outside_the_kommun(provider_loaded, export_csv,
                                                        bounded_store):
    out, _ = run_sync({"SOURCE": "file", "FILE": str(export_csv), "STORE": str(bounded_store)})
    assert (out["NEW"], out["REJECTED"], out["TOTAL"]) == (2, 1, 2)
    with open_store(bounded_store, create=False) as store:
        (rejected,) = store.rejected()
    reason = rejected.reason
    assert rejected.source_id == "3" and "utanför kommunen" in reason


def test_processing_warns_when_the_store_has_no_boundary(provider_loaded, export_csv,
                                                         tmp_path):
    out, said = run_sync({"SOURCE": "file", "FILE": str(export_csv),
                          "STORE": str(tmp_path / "tom.gpkg")})
    assert (out["NEW"], out["REJECTED"]) == (3, 0)
    assert "ingen kommungräns" in said


@pytest.mark.parametrize("code", ["0682\n", "682", "\u0660\u0666\u0668\u0662"])
def test_processing_refuses_a_kommun_code_that_is_not_four_digits(provider_loaded,
                                                                   export_csv, tmp_path, code):
    with pytest.raises(QgsProcessingException, match="exakt fyra siffror"):
        run_sync({"SOURCE": "file", "FILE": str(export_csv), "KOMMUNKOD": code,
                  "STORE": str(tmp_path / "s.gpkg")})


pytestmark = pytest.mark.usefixtures("no_saved_connections")


def test_the_sync_dock_rejects_reports_outside_the_kommun(plugin, export_csv, bounded_store):
    plugin.sync_action.trigger()
    dock = plugin.sync_dock
    dock.storeEdit.setText(str(bounded_store))
    dock.storeEdit.editingFinished.emit()
    dock.addButton.click()
    dock.nameEdit.setText("Exportfil")
    dock.kindCombo.setCurrentIndex(dock.kindCombo.findData("file"))
    dock.fileEdit.setText(str(export_csv))
    dock.saveButton.click()
    results = []
    dock.sync_done.connect(results.append)
    dock.syncButton.click()
    wait_for(lambda: results)
    assert results[0] is not None
    assert (dock.newLabel.text(), dock.rejectedLabel.text()) == ("2", "1")


def test_the_dock_keeps_the_connection_settings_for_hostile_servers(plugin):
    plugin.sync_action.trigger()
    dock = plugin.sync_dock
    dock.addButton.click()
    dock.nameEdit.setText("Open311 stad")
    dock.kindCombo.setCurrentIndex(dock.kindCombo.findData("open311"))
    dock.urlEdit.setText("https://311.example.org/open311/v2")
    assert dock.historyEdit.isVisibleTo(dock) and dock.otherOriginsCheck.isVisibleTo(dock)
    dock.historyEdit.setText("2020-01-01")
    dock.otherOriginsCheck.setChecked(True)
    dock.naiveTimesCombo.setCurrentIndex(dock.naiveTimesCombo.findData("stockholm"))
    assert dock.naiveTimesCombo.currentText() == "svensk tid"
    dock.aliasesEdit.setPlainText("Graffiti Removal = Klotter\nPotholes = Nejdå")
    dock.saveButton.click()
    assert "ingen kategori heter 'Nejdå'" in dock.statusLabel.text()
    dock.aliasesEdit.setPlainText("Potholes\n")
    dock.saveButton.click()
    assert "Rad 1" in dock.statusLabel.text()
    dock.aliasesEdit.setPlainText("Graffiti Removal = Klotter\nPotholes = Övrig skadegörelse")
    dock.saveButton.click()
    saved = ConnectionStore().find("Open311 stad")
    assert (saved.history_from, saved.follow_other_origins, saved.naive_times) == \
        ("2020-01-01", True, "stockholm")
    assert saved.aliases == {"Graffiti Removal": "Klotter", "Potholes": "Övrig skadegörelse"}
    dock.editButton.click()
    assert dock.aliasesEdit.toPlainText().splitlines()[0] == "Graffiti Removal = Klotter"
    dock.historyEdit.setText("i förrgår")
    dock.saveButton.click()
    assert "Ogiltigt startdatum" in dock.statusLabel.text()


def test_processing_maps_the_sources_own_words_through_aliases(provider_loaded, tmp_path):
    path = tmp_path / "stad.csv"
    path.write_text("Ärende;Händelsetyp;Tidpunkt;Lat;Lon\n1;Potholes;2025-06-07 21:14;57,6531;"
                    "14,6968\n2;Skadegörelse – klotter;2025-06-07 21:20;57,6531;14,6968\n",
                    encoding="utf-8")
    store = tmp_path / "s.gpkg"
    out, said = run_sync({"SOURCE": "file", "FILE": str(path), "STORE": str(store),
                          "ALIASES": '{"Potholes": "Övrig skadegörelse"}'})
    assert out["NEW"] == 2 and "Övrigt" not in said
    with open_store(store, create=False) as opened:
        got = {i.source_id: i.subcategory for i in opened.iter_incidents()}
    assert got == {"1": "skadegorelse_ovrig", "2": "klotter"}
    with pytest.raises(QgsProcessingException, match="ALIASES"):
        run_sync({"SOURCE": "file", "FILE": str(path), "STORE": str(store), "ALIASES": "[1]"})
