"""The Åtgärder dock, as an analyst uses it: a measure made from a selected hot spot cell (the
layer trygghet:hotspots writes), edited, closed and deleted; one drawn on the map; one over
chosen areas; CSV out and back in; the evaluation's verdict in the list; the measures layer
on the map (its name, its style's categories, its feature count) after each change; what goes
wrong said on the message bar."""

from __future__ import annotations

from datetime import date

import pytest
from osgeo import ogr
from qgis.core import Qgis, QgsPointXY, QgsProject, QgsVectorLayer
from qt_wait import wait_for

from trygghet_plugin.domain.area import Area
from trygghet_plugin.store import open_store
from trygghet_sample.measures import PARK, plant_measures

START = date(2026, 3, 2)
TODAY = date(2026, 6, 1)
x, y = PARK
KOMMUN = (f"POLYGON (({x - 6000} {y - 6000}, {x + 6000} {y - 6000}, {x + 6000} {y + 6000}, "
          f"{x - 6000} {y + 6000}, {x - 6000} {y - 6000}))")
DISTRICT = f"POLYGON (({x - 500} {y - 500}, {x + 500} {y - 500}, {x + 500} {y + 500}, " \
           f"{x - 500} {y + 500}, {x - 500} {y - 500}))"


def wkb(wkt: str) -> bytes:
    return bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb())


@pytest.fixture(scope="module")
def planted():
    return plant_measures(start=START, seed=16, background_per_day=12.0)


@pytest.fixture
def store_path(planted, tmp_path):
    """The three planted measures, their incidents, the kommun and one district."""
    path = tmp_path / "nassjo.gpkg"
    with open_store(path) as store:
        store.upsert_incidents(planted.incidents)
        store.upsert_measures(planted.measures)
        store.upsert_areas([Area("0682", "kommun", wkb(KOMMUN), "Nässjö", "0682"),
                            Area("D1", "district", wkb(DISTRICT), "Stadsparken", "0682")])
    return path


@pytest.fixture
def dock(qgis_processing, plugin, store_path, clock_at):
    from trygghet_plugin.settings import SettingsManager

    clock_at(TODAY)
    SettingsManager().set("store_path", str(store_path))
    plugin.measures_action.trigger()
    yield plugin.measures_dock
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture
def hotspot_layer(dock, store_path, tmp_path):
    """trygghet:hotspots over the planted incidents, on the map as the user has it."""
    import processing

    result = processing.run("trygghet:hotspots", {
        "STORE": str(store_path), "PERIOD_END": "2026-05-24", "PERIOD_DAYS": 28,
        "OUTPUT": str(tmp_path / "hot.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "Var händelserna koncentreras (Gi*)", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    return layer


def fill(**values):
    """A stand-in for the user at the form: types the values, clicks Spara; the dialog it
    was given is kept for the test to look at."""
    seen = []

    def run(dialog):
        seen.append(dialog)
        if "title" in values:
            dialog.titleEdit.setText(values["title"])
        if "type" in values:
            dialog.typeCombo.setCurrentIndex(dialog.typeCombo.findData(values["type"]))
        if "status" in values:
            dialog.statusCombo.setCurrentIndex(dialog.statusCombo.findData(values["status"]))
        if "organisation" in values:
            dialog.organisationEdit.setText(values["organisation"])
        if "categories" in values:
            dialog.set_categories(values["categories"])
        if "end" in values:
            dialog.endCheck.setChecked(values["end"] is not None)
        dialog.buttonBox.button(dialog.buttonBox.Save).click()
        return dialog.result()

    run.seen = seen
    return run


def measures_layer():
    layers = QgsProject.instance().mapLayersByName("Åtgärder")
    assert len(layers) == 1, [layer.name() for layer in QgsProject.instance().mapLayers()
                              .values()]
    return layers[0]


def on_the_map_on(layer, day: date) -> set[str]:
    """The titles the temporal controller shows on ``day``."""
    from qgis.core import QgsDateTimeRange, QgsVectorLayerTemporalContext
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime

    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    start = QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))
    shown = layer.temporalProperties().createFilterString(
        context, QgsDateTimeRange(start, start.addDays(1), True, False))
    return {f["title"] for f in layer.getFeatures(shown)}


def stored(store_path):
    with open_store(store_path) as store:
        return {m.title: m for m in store.measures()}


def test_a_measure_from_a_hot_spot_cell_is_edited_closed_and_deleted(
        dock, hotspot_layer, store_path, recording_iface, clock_at):
    assert dock.windowTitle() == "Åtgärder"
    assert dock.measureList.count() == 3 and not dock.emptyLabel.isVisibleTo(dock)
    assert not dock.editButton.isEnabled()  # nothing chosen yet
    hottest = max(hotspot_layer.getFeatures(), key=lambda f: f["gi_z"])
    hotspot_layer.select(hottest.id())

    form = fill(title="Belysning vid Stadsparken", type="belysning", status="pagaende",
                organisation="Gatuavdelningen", categories=["skadegorelse"])
    dock.run_form = form
    dock.fromHotspotsButton.click()
    (dialog,) = form.seen
    assert dialog.windowTitle() == "Ny åtgärd"
    assert dialog.placeLabel.text().startswith("markerade hotspotceller (1), ")
    assert "Sparad: Belysning vid Stadsparken" in dock.statusLabel.text()
    # In the list (selected), in the store where the cell is, and on the map.
    assert dock.measureList.count() == 4
    assert dock.list_texts()[0] == ("Belysning vid Stadsparken\n"
                                    f"Belysning · pågående · {TODAY} – …")
    new = stored(store_path)["Belysning vid Stadsparken"]
    assert dock.selected_uid() == new.uid
    cell = ogr.CreateGeometryFromWkb(new.wkb)
    assert cell.GetArea() == pytest.approx(hottest.geometry().area(), rel=1e-6)
    assert (new.organisation, new.categories) == ("Gatuavdelningen", ("skadegorelse",))
    layer = measures_layer()
    assert layer.featureCount() == 4
    renderer = layer.renderer()
    assert renderer.classAttribute() == "type"
    assert [c.label() for c in renderer.categories()] == [
        "Belysning", "Beskärning/siktröjning", "Kamerabevakning",
        "Städning/klotterborttagning", "Ökad närvaro/patrullering", "Fysisk ombyggnad",
        "Dialog/medborgarlöfte", "Annat"]
    assert layer.attributeDisplayName(layer.fields().indexOf("start_date")) == "Startdatum"
    assert layer.temporalProperties().isActive()
    # The temporal controller shows it from its start date; the planned one without dates
    # all the time.
    assert on_the_map_on(layer, TODAY) == {"Belysning vid Stadsparken",
                                           "Trygghetsvandring Västra"}
    assert on_the_map_on(layer, date(2026, 5, 31)) == {"Trygghetsvandring Västra"}

    # Edit: a new title; the place stays the cell.
    dock.run_form = fill(title="Belysning och röjning vid Stadsparken")
    dock.editButton.click()
    edited = stored(store_path)["Belysning och röjning vid Stadsparken"]
    assert edited.uid == new.uid and edited.wkb == new.wkb
    assert dock.list_texts()[0].startswith("Belysning och röjning vid Stadsparken\n")

    # Close: finished, ending today.
    clock_at(date(2026, 6, 15))
    dock.closeButton.click()
    closed = stored(store_path)["Belysning och röjning vid Stadsparken"]
    assert (closed.status, closed.end) == ("avslutad", date(2026, 6, 15))
    # On the map through its last day, not the day after.
    assert closed.title in on_the_map_on(measures_layer(), date(2026, 6, 15))
    assert closed.title not in on_the_map_on(measures_layer(), date(2026, 6, 16))
    assert "avslutad · 2026-06-01 – 2026-06-15" in dock.list_texts()[0]
    dock.statusFilterCombo.setCurrentIndex(dock.statusFilterCombo.findData("pagaende"))
    assert dock.measureList.count() == 0 and dock.emptyLabel.isVisibleTo(dock)
    dock.statusFilterCombo.setCurrentIndex(0)

    # Delete asks first; "no" keeps it.
    dock.select(new.uid)
    asked = []
    dock.confirm = lambda question: asked.append(question) or False
    dock.deleteButton.click()
    assert "Belysning och röjning vid Stadsparken" in asked[0]
    assert dock.measureList.count() == 4
    dock.confirm = lambda question: True
    dock.deleteButton.click()
    assert dock.measureList.count() == 3
    assert "Belysning och röjning vid Stadsparken" not in stored(store_path)
    assert measures_layer().featureCount() == 3


def test_a_finished_measure_without_an_end_is_refused_in_the_form(dock, hotspot_layer,
                                                                 store_path):
    hotspot_layer.select(next(hotspot_layer.getFeatures()).id())
    seen = []

    def run(dialog):
        seen.append(dialog)
        dialog.titleEdit.setText("Klar men utan slut")
        dialog.statusCombo.setCurrentIndex(dialog.statusCombo.findData("avslutad"))
        dialog.buttonBox.button(dialog.buttonBox.Save).click()
        assert dialog.isVisible() or dialog.result() == 0  # stays open: not accepted
        return dialog.result()

    dock.run_form = run
    dock.fromHotspotsButton.click()
    assert "slutdatum" in seen[0].errorLabel.text()
    assert len(stored(store_path)) == 3


def test_nothing_selected_or_no_layer_is_said_on_the_message_bar(dock, recording_iface):
    bar = recording_iface.messageBar()
    bar.clear_messages()
    dock.fromUnusualButton.click()  # no "ovanligt just nu" layer on the map
    assert "Ovanligt just nu" in dock.statusLabel.text() or "ovanligt" in \
        dock.statusLabel.text().lower()
    dock.fromHotspotsButton.click()
    assert "hotspot" in dock.statusLabel.text().lower()
    dock.closeButton.click()  # disabled: nothing chosen
    warnings = bar.get_messages(Qgis.MessageLevel.Warning)
    assert len(warnings) == 2, warnings


def test_a_polygon_drawn_on_the_map_becomes_a_measure(dock, recording_iface, qgis_canvas,
                                                      monkeypatch, store_path):
    from qgis.core import QgsCoordinateReferenceSystem

    monkeypatch.setattr(recording_iface, "mapCanvas", lambda: qgis_canvas, raising=False)
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3006"))
    corners = [QgsPointXY(x, y), QgsPointXY(x + 200, y), QgsPointXY(x + 200, y + 100),
               QgsPointXY(x, y + 100)]
    dock.run_form = form = fill(title="Ny gångväg", type="ombyggnad")
    dock.drawButton.click()
    tool = dock.map_tool
    assert qgis_canvas.mapTool() is tool
    for point in corners[:2]:
        tool.add_point(point)
    tool.cancel()  # Esc: nothing drawn, no form, the canvas gets its tool back
    assert qgis_canvas.mapTool() is not tool and not form.seen
    dock.drawButton.click()
    for point in corners:
        tool.add_point(point)
    tool.finish()  # right click
    assert form.seen and "2,0 ha" in form.seen[0].placeLabel.text()
    drawn = stored(store_path)["Ny gångväg"]
    assert ogr.CreateGeometryFromWkb(drawn.wkb).GetArea() == pytest.approx(20000)
    assert qgis_canvas.mapTool() is not tool


def test_a_measure_over_chosen_areas(dock, store_path):
    dock.choose_areas = lambda areas: [a.code for a in areas if a.name == "Stadsparken"]
    dock.run_form = fill(title="Trygghetsvandring i Stadsparken", type="dialog")
    dock.fromAreasButton.click()
    made = stored(store_path)["Trygghetsvandring i Stadsparken"]
    assert ogr.CreateGeometryFromWkb(made.wkb).GetArea() == pytest.approx(1_000_000)
    assert made.status == "planerad"


def test_csv_out_and_back_into_another_store(dock, store_path, tmp_path):
    out = tmp_path / "atgarder"
    dock.ask_save_path = lambda: str(out)
    dock.exportButton.click()
    assert (tmp_path / "atgarder.csv").is_file()
    assert "3 åtgärder" in dock.statusLabel.text(), dock.statusLabel.text()
    other = tmp_path / "annan.gpkg"
    dock.storeEdit.setText(str(other))
    dock.storeEdit.editingFinished.emit()
    assert dock.measureList.count() == 0
    dock.ask_open_path = lambda: str(tmp_path / "atgarder.csv")
    dock.importButton.click()
    assert "3 nya" in dock.statusLabel.text(), dock.statusLabel.text()
    assert dock.measureList.count() == 3
    assert stored(other).keys() == stored(store_path).keys()
    assert measures_layer().featureCount() == 3


def test_evaluate_shows_the_verdict_in_the_list(dock):
    park = next(i for i in range(dock.measureList.count())
                if dock.measureList.item(i).text().startswith("Ny belysning"))
    dock.measureList.item(park).setSelected(True)
    done = []
    dock.evaluated.connect(lambda: done.append(True))
    dock.evaluateButton.click()
    assert not dock.evaluateButton.isEnabled()  # in the background: the map stays usable
    wait_for(lambda: done)
    assert dock.evaluateButton.isEnabled()
    assert "1 av 1" in dock.statusLabel.text(), dock.statusLabel.text()
    text = next(t for t in dock.list_texts() if t.startswith("Ny belysning"))
    assert "Bedömning: minskade" in text, text
