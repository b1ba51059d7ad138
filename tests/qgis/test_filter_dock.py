"""The Filter dock on a real QMainWindow: pick a period, build the lägesbild in a task,
filter by category, area and organisation and see the map's layers follow, export what the
filter keeps."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt
from qgis.PyQt.QtWidgets import QDockWidget
from qt_wait import wait_for

from trygghet_plugin.layers.filters import FilterSpec, build_filter
from trygghet_plugin.layers.lagesbild_group import default_period, find_lagesbild_groups
from trygghet_plugin.store import open_store


@pytest.fixture(scope="module")
def store_file(tmp_path_factory):
    from trygghet_plugin.sources import polisen
    from trygghet_plugin.sources.kommuner import registry
    from trygghet_sample import generate

    path = tmp_path_factory.mktemp("filter") / "nassjo.gpkg"
    sample = generate(size=3000, seed=23)
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        store.upsert_areas(sample.store_areas())
        polisen.import_events(store, sample.police_events, kommun=registry().resolve("0682"))
    return path


def run_task(dock, name: str, start) -> bool:
    """Start a task with ``start()`` and wait until the dock says it is done."""
    finished = []

    def record(task_name, ok):
        if task_name == name:
            finished.append(ok)

    dock.task_done.connect(record)
    try:
        start()
        wait_for(lambda: finished)
    finally:
        dock.task_done.disconnect(record)
    return finished[0]


@pytest.fixture
def dock(plugin, store_file):
    from trygghet_plugin.settings import SettingsManager

    settings = SettingsManager()
    before = settings.get("store_path")
    plugin.filter_action.trigger()
    dock = plugin.filter_dock
    assert run_task(dock, "options", lambda: (dock.storeEdit.setText(str(store_file)),
                                              dock.storeEdit.editingFinished.emit()))
    yield dock
    settings.set("store_path", before)
    QgsProject.instance().clear()


def items(widget) -> dict:
    return {widget.item(i).text(): widget.item(i) for i in range(widget.count())}


def incidents_layer():
    (group,) = find_lagesbild_groups(QgsProject.instance())
    return next(n.layer() for n in group.findLayers()
                if n.layer().name() == "Händelser (exakt plats)")


def group_layer(name: str):
    (group,) = find_lagesbild_groups(QgsProject.instance())
    return next(n.layer() for n in group.findLayers() if n.layer().name() == name)


def count_in_store(store_file, spec: FilterSpec) -> int:
    layer = QgsVectorLayer(f"{store_file}|layername=incidents", "check", "ogr")
    layer.setSubsetString(build_filter(spec))
    return layer.featureCount()


def test_the_lists_hold_the_stores_choices(dock):
    assert list(items(dock.categoryList))[:3] == [
        "Skadegörelse", "Nedskräpning", "Otrygghetsskapande samling av personer"]
    assert set(items(dock.sourceList)) == {"Rapporter (insamlingstjänsten)", "Polisen"}
    assert dock.areaList.count() == 30 and "Nässjö centrum (0682C1010)" in items(dock.areaList)
    orgs = items(dock.organisationList)
    assert "Polisen" in orgs and "Nässjö kommun" in " ".join(orgs)
    assert all(i.checkState() == Qt.Checked for w in dock._lists()
               for i in items(w).values())
    assert dock.filter_spec() == FilterSpec(period=dock.period)  # all checked: no filter


def test_the_period_picker_steps_and_switches_to_tertials_and_dates(dock, store_file):
    with open_store(store_file) as store:
        expected = default_period(store)
    assert dock.period == expected and dock.period.days == 14
    assert dock.periodLabel.text().startswith(expected.label)
    dock.prevButton.click()
    assert dock.period == expected.previous()
    dock.nextButton.click()
    dock.nextButton.click()
    assert dock.period == expected.next()

    dock.periodKindCombo.setCurrentIndex(dock.periodKindCombo.findData("tertial"))
    assert dock.period.kind == "tertial" and dock.periodLabel.text().startswith("Tertial")
    dock.prevButton.click()
    assert dock.period.kind == "tertial"

    dock.periodKindCombo.setCurrentIndex(dock.periodKindCombo.findData("custom"))
    assert dock.customWidget.isVisibleTo(dock)
    start = dock.period.start
    dock.toDate.setDate(dock.fromDate.date().addDays(-5))  # before the start: refused
    assert "slutar före" in dock.statusLabel.text()
    dock.toDate.setDate(dock.fromDate.date().addDays(9))
    assert (dock.period.start, dock.period.days) == (start, 10)
    assert dock.period.last_day == start + timedelta(days=9)


def test_build_the_picture_then_filter_it_by_category_area_and_organisation(dock,
                                                                            store_file):
    assert run_task(dock, "build", dock.buildButton.click)
    (group,) = find_lagesbild_groups(QgsProject.instance())
    assert group.name().startswith("Trygghet – lägesbild v. ")
    layer = incidents_layer()
    period = dock.period
    everything = count_in_store(store_file, FilterSpec(period=period))
    assert layer.featureCount() == everything > 0
    assert f"{everything} händelser med exakt plats visas" in dock.countLabel.text()

    # Unchecking littering takes it off the map at once.
    items(dock.categoryList)["Nedskräpning"].setCheckState(Qt.Unchecked)
    rest = count_in_store(store_file, FilterSpec(period=period, categories=tuple(
        c for c in dock.taxonomy.categories if c != "nedskrapning")))
    assert layer.featureCount() == rest < everything
    assert "nedskrapning" not in layer.subsetString()
    assert f"{rest} händelser" in dock.countLabel.text()

    # One area: its incidents on the map, its polygon in the rates layer, the kommun stays
    # in the police layer.
    dock.filterTabs.setCurrentIndex(2)
    dock.noneButton.click()
    assert layer.featureCount() == 0
    items(dock.areaList)["Nässjö centrum (0682C1010)"].setCheckState(Qt.Checked)
    rates = group_layer("Händelser per 1 000 invånare (DeSO)")
    assert [f["code"] for f in rates.getFeatures()] == ["0682C1010"]
    police = group_layer("Polisens händelser per område")
    assert "kommun" in {f["kind"] for f in police.getFeatures()}
    in_area = layer.featureCount()
    assert in_area > 0 and "ST_Intersects" in layer.subsetString()

    dock.resetButton.click()
    assert layer.featureCount() == everything and rates.featureCount() == 30
    # The map's spatial filter and the analysis' point-in-polygon agree on the area.
    dock.noneButton.click()
    items(dock.areaList)["Nässjö centrum (0682C1010)"].setCheckState(Qt.Checked)
    (centrum,) = list(rates.getFeatures())
    assert layer.featureCount() == centrum["incidents"] >= in_area
    dock.resetButton.click()

    # An organisation with an apostrophe-free name, and the police (never points here).
    org = items(dock.organisationList)
    dock.filterTabs.setCurrentIndex(3)
    dock.noneButton.click()
    org["Polisen"].setCheckState(Qt.Checked)
    assert layer.featureCount() == count_in_store(
        store_file, FilterSpec(period=period, organisations=("Polisen",)))

    # The previous period: the points follow the period at once.
    dock.resetButton.click()
    dock.prevButton.click()
    assert layer.featureCount() == count_in_store(store_file,
                                                  FilterSpec(period=period.previous()))
    assert f"Hotspots, täthet och områden visar {group.name()}" in dock.countLabel.text()


def test_hot_spots_follow_the_categories_when_the_picture_is_shown_and_say_so(dock,
                                                                          store_file):
    def incidents_in_cells() -> int:
        return sum(f["n"] for f in group_layer("Var händelserna koncentreras (Gi*)").getFeatures())

    assert run_task(dock, "build", dock.buildButton.click)
    everything = incidents_in_cells()
    assert everything == count_in_store(store_file, FilterSpec(period=dock.period))
    assert "Hotspots och täthet gäller alla kategorier." in dock.countLabel.text()

    # A click changes the points at once; the hot spots wait for the next build and the
    # dock says so, naming what they are for.
    dock.filterTabs.setCurrentIndex(0)
    dock.noneButton.click()
    items(dock.categoryList)["Nedskräpning"].setCheckState(Qt.Checked)
    assert incidents_in_cells() == everything
    (group,) = find_lagesbild_groups(QgsProject.instance())
    assert (f"Hotspots, täthet och områden visar {group.name()} för alla kategorier: klicka "
            "på \"Visa lägesbild på kartan\"") in dock.countLabel.text()

    assert run_task(dock, "build", dock.buildButton.click)
    littering = count_in_store(store_file, FilterSpec(period=dock.period,
                                                      categories=("nedskrapning",)))
    assert incidents_in_cells() == littering < everything
    assert "Hotspots och täthet gäller Nedskräpning." in dock.countLabel.text()

    # An area: the points are the area's, the hot spots stay the kommun's (and it says so).
    dock.resetButton.click()
    assert run_task(dock, "build", dock.buildButton.click)
    dock.filterTabs.setCurrentIndex(2)
    dock.noneButton.click()
    items(dock.areaList)["Nässjö centrum (0682C1010)"].setCheckState(Qt.Checked)
    assert incidents_in_cells() == everything
    assert "beräknas över hela kommunen" in dock.countLabel.text()
    dock.resetButton.click()


def test_next_never_steps_into_a_period_that_has_not_begun(dock, clock_at):
    from trygghet_plugin.analysis.periods import period_ending

    clock_at(date(2026, 10, 28))
    dock.set_period(period_ending(date(2026, 10, 18)))
    assert dock.nextButton.isEnabled()
    dock.nextButton.click()  # the running period: it has begun
    assert dock.periodLabel.text().startswith("Vecka 43–44 2026")
    assert not dock.nextButton.isEnabled()
    dock.step(1)
    assert dock.periodLabel.text().startswith("Vecka 43–44 2026")
    dock.prevButton.click()
    assert dock.nextButton.isEnabled()


def test_the_time_animation_runs_over_the_periods_days_from_midnight(dock):
    from qgis.PyQt.QtCore import QTime

    assert run_task(dock, "build", dock.buildButton.click)
    extent = QgsProject.instance().timeSettings().temporalRange()
    period = dock.period
    assert extent.begin().time() == QTime(0, 0) == extent.end().time()
    assert extent.begin().date().toPyDate() == period.start
    assert extent.end().date().toPyDate() == period.end  # the midnight after the last day
    assert extent.begin().timeZone().id() == b"Europe/Stockholm"
    assert QgsProject.instance().timeSettings().timeStep() == 1.0


def test_building_again_replaces_the_group_and_tidies_the_cache(dock):
    assert run_task(dock, "build", dock.buildButton.click)
    first = Path(group_layer("Var händelserna koncentreras (Gi*)").source().split("|")[0])
    heat = Path(group_layer("Täthet (intern)").source())
    assert first.is_file() and heat.is_file() and first.parent.name == "nassjo_cache"
    dock.prevButton.click()
    assert run_task(dock, "build", dock.buildButton.click)
    (group,) = find_lagesbild_groups(QgsProject.instance())
    assert group.name().endswith(dock.period.label.replace("Vecka", "v."))
    assert not first.exists() and not heat.exists()  # replaced, and never saved
    gi_layer = group_layer("Var händelserna koncentreras (Gi*)")
    assert Path(gi_layer.source().split("|")[0]).is_file()


def test_export_the_filtered_incidents_as_csv_and_the_layers_for_planners(dock, tmp_path):
    assert run_task(dock, "build", dock.buildButton.click)
    items(dock.categoryList)["Skadegörelse"].setCheckState(Qt.Unchecked)
    shown = incidents_layer().featureCount()

    csv_path = tmp_path / "urval.csv"
    dock.ask_save_path = lambda title, filters, suggested: str(csv_path)
    assert run_task(dock, "export_incidents", dock.exportIncidentsButton.click)
    text = csv_path.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows) == shown and "Skadegörelse" not in {r["kategori"] for r in rows}
    assert f"{shown} händelser exporterade till urval.csv" in dock.statusLabel.text()

    suggested = []
    gpkg = tmp_path / "planerare.gpkg"
    dock.ask_save_path = lambda title, filters, name: suggested.append(name) or str(gpkg)
    assert run_task(dock, "export_layers", dock.exportLayersButton.click)
    exported = QgsVectorLayer(f"{gpkg}|layername=Händelser (exakt plats)", "x", "ogr")
    assert exported.featureCount() == shown  # the layers as filtered on the map
    assert "Skadegörelse" in [c.label() for c in exported.renderer().categories()]
    assert "Täthet (intern) (raster, intern)" in dock.statusLabel.text()
    assert "Planerarna drar planerare.qlr in i sitt projekt" in dock.statusLabel.text()
    assert gpkg.with_suffix(".qlr").is_file()
    assert suggested == [f"trygghet_planering_{dock.period.name}.gpkg"]  # a name to start from


def test_problems_are_messages_in_the_dock(dock, tmp_path):
    QgsProject.instance().clear()
    # No picture on the map, nothing for planners yet: the button is off and says why.
    assert not dock.exportLayersButton.isEnabled()
    assert "Visa lägesbilden på kartan först" in dock.exportLayersButton.toolTip()
    dock.storeEdit.setText(str(tmp_path / "finns-inte.gpkg"))
    dock.exportIncidentsButton.click()
    assert "Välj en databas först" in dock.statusLabel.text()


def test_the_dock_tabs_with_the_others_and_is_gone_after_unload(recording_iface):
    from trygghet_plugin import classFactory

    main = recording_iface.mainWindow()
    plugin = classFactory(recording_iface)
    plugin.initGui()
    plugin.sync_action.trigger()
    plugin.filter_action.trigger()
    assert {d.objectName() for d in main.findChildren(QDockWidget)} >= {
        "TrygghetSyncDock", "TrygghetFilterDock"}
    assert plugin.filter_dock.isVisibleTo(main)
    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()
    assert main.findChildren(QDockWidget) == []
    assert QgsApplication.taskManager().countActiveTasks() == 0


def test_an_empty_store_says_what_to_do_next_instead_of_a_picture(plugin, tmp_path,
                                                                  recording_iface):
    from qgis.core import Qgis

    empty = tmp_path / "tom.gpkg"
    with open_store(empty):
        pass
    plugin.filter_action.trigger()
    dock = plugin.filter_dock
    try:
        assert run_task(dock, "options", lambda: (dock.storeEdit.setText(str(empty)),
                                                  dock.storeEdit.editingFinished.emit()))
        bar = recording_iface.messageBar()
        bar.clear_messages()
        assert not run_task(dock, "build", dock.buildButton.click)
        assert find_lagesbild_groups(QgsProject.instance()) == []
        assert "Databasen har inga händelser ännu" in dock.statusLabel.text()
        assert any("Synka nu" in m for m in bar.get_messages(Qgis.Warning))
    finally:
        QgsProject.instance().clear()
