"""The lägesbild group on the map as the analyst sees it: layer names, legends, counts, what
is never drawn as a point, what is left out when the store lacks it, and the base map."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

import numpy as np
import pytest
from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsProject,
    QgsRasterLayer,
    QgsRuleBasedRenderer,
    QgsSvgMarkerSymbolLayer,
    QgsVectorLayer,
)

from trygghet_plugin.analysis.periods import period_ending
from trygghet_plugin.layers.lagesbild_group import (
    add_lagesbild_group,
    default_period,
    find_lagesbild_groups,
    group_name,
    rate_classes,
)
from trygghet_plugin.store import open_store

PERIOD = period_ending(date(2026, 10, 18))  # weeks 41-42 of the sample's last autumn
SAMPLE_NOW = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def full_store(tmp_path_factory):
    """Reports, DeSO areas and the kommun, police events from the feed, two surveys."""
    from trygghet_plugin.sources import polisen, surveys
    from trygghet_plugin.sources.kommuner import registry
    from trygghet_sample import generate
    from trygghet_sample.writer import write_survey_csv

    folder = tmp_path_factory.mktemp("lagesbild")
    sample = generate(size=4000, seed=7)
    path = folder / "nassjo.gpkg"
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        store.upsert_areas(sample.store_areas())
        polisen.import_events(store, sample.police_events, kommun=registry().resolve("0682"))
        write_survey_csv(folder / "survey.csv", sample)
        surveys.import_results(store, folder / "survey.csv")
    return path


@pytest.fixture(scope="module")
def picture(full_store, swedish_qm):
    """The group of weeks 41-42, built once for the tests that only look at it (in Swedish,
    as users see it: a module fixture comes before the function fixture that installs it)."""
    from trygghet_plugin import i18n

    i18n.install()
    project = QgsProject()
    with open_store(full_store) as store:
        group = add_lagesbild_group(project, store, PERIOD, base_map_url="")
    yield project, group
    project.clear()


def layers_of(group) -> dict:
    return {node.layer().name(): node.layer() for node in group.findLayers()}


def expected_points(store_path, period) -> int:
    """Exact or street points of the period that are not deleted, counted from the store."""
    with open_store(store_path) as store:
        frame = store.incident_frame()
    keep = period.contains(frame.occurred_at) & (frame["status"] != "deleted") & \
        np.isin(frame["location_precision"], ["exact", "street"])
    return int(keep.sum())


def test_the_group_and_its_layers_in_order(picture):
    project, group = picture
    assert group.name() == "Trygghet – lägesbild v. 41–42 2026" == group_name(PERIOD)
    assert [node.layer().name() for node in group.findLayers()] == [
        "Ovanligt/het plats utan åtgärd", "Ovanligt just nu", "Händelser (exakt plats)",
        "Polisens händelser per område",
        "Var händelserna koncentreras (Gi*)",
        "Framväxande hotspots (26 perioder)", "Täthet (intern)",
        "Händelser per 1 000 invånare (DeSO)",
        "Trygghetsmätning 2025 – Otrygg ute sent på kvällen", "Kommungräns"]
    assert [c.name() for c in group.children() if not hasattr(c, "layerId")] == [
        "Trygghetsmätning 2025"]
    visible = {n.layer().name() for n in group.findLayers() if n.isVisible()}
    assert "Händelser (exakt plats)" in visible and "Täthet (intern)" not in visible
    assert project.crs().authid() == "EPSG:3006"
    assert all(layer.isValid() for layer in layers_of(group).values())


def test_incidents_by_category_with_icons_temporal_and_only_exact_points(picture, full_store):
    _, group = picture
    layer = layers_of(group)["Händelser (exakt plats)"]
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    categories = renderer.categories()  # kept: a symbol lives as long as its category
    labels = [c.label() for c in categories]
    assert labels[:3] == ["Skadegörelse", "Nedskräpning",
                          "Otrygghetsskapande samling av personer"]
    assert len(labels) == 10
    icon = categories[0].symbol().symbolLayer(0)
    assert isinstance(icon, QgsSvgMarkerSymbolLayer) and icon.path().startswith("base64:")
    assert icon.fillColor().name() == "#d62728"
    assert layer.temporalProperties().isActive()
    assert layer.temporalProperties().startField() == "occurred_at"
    assert layer.featureCount() == expected_points(full_store, PERIOD) > 0
    precisions = {f["location_precision"] for f in layer.getFeatures()}
    assert precisions <= {"exact", "street"}  # police events on an area are never points


def test_police_events_without_a_place_are_counts_on_the_kommun_and_areas(picture,
                                                                          full_store):
    _, group = picture
    layer = layers_of(group)["Polisens händelser per område"]
    assert isinstance(layer.renderer(), QgsRuleBasedRenderer)
    legend = [item.label() for item in layer.renderer().legendSymbolItems()]
    assert legend[0].startswith("Plats: bara kommunen")
    assert "Plats: område som nämns i händelsen" in legend
    assert layer.labelsEnabled()
    with open_store(full_store) as store:
        frame = store.incident_frame("source = 'police'")
    now = PERIOD.contains(frame.occurred_at)
    precision = frame["location_precision"][now]
    kommun = next(f for f in layer.getFeatures() if f["kind"] == "kommun")
    assert kommun["events_kommun"] == int((precision == "kommun").sum()) > 0
    on_areas = sum(f["events_area"] for f in layer.getFeatures() if f["kind"] != "kommun")
    assert on_areas == int((precision == "area").sum())


def test_counts_and_rates_per_area_with_a_swedish_legend(picture, full_store):
    _, group = picture
    layer = layers_of(group)["Händelser per 1 000 invånare (DeSO)"]
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer)
    assert renderer.classAttribute() == "per_1000"
    labels = [r.label() for r in renderer.ranges()]
    assert 2 <= len(labels) <= 5 and all(lbl.endswith(" per 1 000 inv.") for lbl in labels)
    assert labels[0].startswith("0–")
    assert layer.featureCount() == 30
    rows = list(layer.getFeatures())
    assert sum(f["incidents"] for f in rows) == expected_points(full_store, PERIOD)
    busiest = max(rows, key=lambda f: f["incidents"])
    assert busiest["per_1000"] == pytest.approx(1000 * busiest["incidents"] /
                                                busiest["population"], abs=1e-3)
    assert busiest["vs_expected"] in ("Fler än väntat", "Färre än väntat", "Inom det väntade")
    assert re.fullmatch(r"\d+(–\d+)?", busiest["expected"])


def test_hotspots_heatmap_and_emerging_come_from_the_cache_next_to_the_store(picture,
                                                                             full_store):
    _, group = picture
    layers = layers_of(group)
    hot = layers["Var händelserna koncentreras (Gi*)"]
    assert [c.label() for c in hot.renderer().categories()][:2] == ["Hotspot 99 %",
                                                                     "Hotspot 95 %"]
    assert any(f["gi_class"] > 0 for f in hot.getFeatures())
    # Identify and the attribute table show readable names and rounded numbers.
    z = hot.fields().indexOf("gi_z")
    assert hot.attributeDisplayName(z) == "Gi* z-värde"
    assert hot.attributeDisplayName(hot.fields().indexOf("exact_p")) == "p-värde (exakt test)"
    feature = next(hot.getFeatures("gi_class > 0"))
    setup = hot.editorWidgetSetup(z)
    from qgis.core import QgsApplication
    shown = QgsApplication.fieldFormatterRegistry().fieldFormatter(setup.type()).representValue(
        hot, z, setup.config(), None, feature["gi_z"])
    assert shown.replace(",", ".") == f"{feature['gi_z']:.2f}", shown  # the locale's comma
    heat = layers["Täthet (intern)"]
    assert isinstance(heat, QgsRasterLayer) and heat.crs().authid() == "EPSG:3006"
    cache = full_store.parent / "nassjo_cache"
    assert heat.source().startswith(str(cache)) and heat.source().endswith(".tif")
    assert hot.source().startswith(str(cache / "lagesbild_2026-v41-42_"))
    emerging = layers["Framväxande hotspots (26 perioder)"]
    assert "Ny hotspot" in {c.label() for c in emerging.renderer().categories()}


def test_the_survey_choropleth_is_the_latest_survey(picture):
    _, group = picture
    layer = layers_of(group)["Trygghetsmätning 2025 – Otrygg ute sent på kvällen"]
    assert layer.featureCount() == 30
    assert [i.label() for i in layer.renderer().legendSymbolItems()][0] == \
        "0–1: Inga eller mycket små problem"


def test_a_store_without_areas_surveys_or_police_leaves_those_out_with_notes(tmp_path):
    from trygghet_sample import generate

    logged = []

    def record(message, tag, level):
        logged.append(message)

    project = QgsProject()
    with open_store(tmp_path / "bara.gpkg") as store:
        store.upsert_incidents(generate(size=1500, seed=3).iter_incidents())
        QgsApplication.messageLog().messageReceived.connect(record)
        try:
            group = add_lagesbild_group(project, store, PERIOD, base_map_url="")
        finally:
            QgsApplication.messageLog().messageReceived.disconnect(record)
    assert [n.layer().name() for n in group.findLayers()] == [
        "Ovanligt/het plats utan åtgärd", "Ovanligt just nu", "Händelser (exakt plats)",
        "Var händelserna koncentreras (Gi*)",
        "Framväxande hotspots (26 perioder)", "Täthet (intern)"]
    text = "\n".join(logged)
    assert "saknar områden" in text and "saknar trygghetsmätningar" in text
    assert "saknar kommungräns" in text


def test_no_base_map_without_the_setting_and_an_xyz_one_below_everything(full_store):
    from trygghet_plugin.settings import SettingsManager

    settings = SettingsManager()
    assert settings.get("base_map_url") == ""
    project = QgsProject()
    with open_store(full_store) as store:
        add_lagesbild_group(project, store, PERIOD)  # the setting: none, so offline
        rasters = [lyr.name() for lyr in project.mapLayers().values()
                   if isinstance(lyr, QgsRasterLayer)]
        assert rasters == ["Täthet (intern)"]

        url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        settings.set("base_map_url", url)
        try:
            group = add_lagesbild_group(project, store, PERIOD.previous())
        finally:
            settings.set("base_map_url", "")
    bottom = project.layerTreeRoot().children()[-1]
    assert bottom.name() == "Bakgrundskarta"
    base = bottom.layer()
    assert base.providerType() == "wms" and base.isValid()
    assert "type=xyz" in base.source() and url in base.source()
    # Built again for the period before: one group, the old one's layers gone.
    assert [g.name() for g in find_lagesbild_groups(project)] == [group.name()] == [
        "Trygghet – lägesbild v. 39–40 2026"]
    assert len(project.mapLayers()) == len(group.findLayers()) + 1
    project.clear()


def test_the_default_period_is_the_last_complete_one_the_data_reaches(full_store):
    with open_store(full_store) as store:
        days = default_period(store, SAMPLE_NOW)
        tertial = default_period(store, SAMPLE_NOW, kind="tertial")
    # The sample ends on Saturday 31 Oct 2026: weeks 43-44 are not complete.
    assert days.name == "2026-v41-42" and tertial.name == "2026-T2"
    assert default_period(None, SAMPLE_NOW).name == "2026-v45-46"


def test_rate_classes_have_round_edges_and_swedish_labels():
    classes = rate_classes([0.0, 0.4, 0.8, 1.26, 2.5, 3.3, 7.94, None])
    assert classes[0].lower == 0 and classes[-1].upper == pytest.approx(8.0)
    assert all(a.upper == b.lower for a, b in zip(classes, classes[1:]))
    assert classes[0].label.startswith("0–0,") and classes[-1].label.endswith(
        "–8 per 1 000 inv.")
    assert rate_classes([None]) == [] and rate_classes([0, 0])[0].label == "0 per 1 000 inv."


def test_the_incidents_qml_file_is_the_layers_style(taxonomy, full_store):
    from trygghet_plugin.paths import resource

    layer = QgsVectorLayer(f"{full_store}|layername=incidents", "x", "ogr")
    message, ok = layer.loadNamedStyle(str(resource("styles", "incidents.qml")))
    assert ok, message
    categories = layer.renderer().categories()
    assert [(c.value(), c.label()) for c in categories] == [
        (code, cat.sv) for code, cat in taxonomy.categories.items()]
    assert all(isinstance(c.symbol().symbolLayer(0), QgsSvgMarkerSymbolLayer)
               for c in categories)
    assert layer.temporalProperties().isActive()


def test_the_project_file_holds_the_picture_over_the_all_time_layers(full_store, tmp_path):
    from trygghet_plugin.layers.project import write_project

    with open_store(full_store) as store:
        out = write_project(store, tmp_path / "trygghet.qgz")
    project = QgsProject()
    assert project.read(str(out))
    root = project.layerTreeRoot()
    assert [c.name() for c in root.children()][:2] == ["Trygghet – lägesbild v. 41–42 2026",
                                                       "Trygghet"]
    assert not root.findGroup("Trygghet").itemVisibilityChecked()
    picture = find_lagesbild_groups(project)[0]
    assert all(node.layer().isValid() for node in picture.findLayers())
    project.clear()


def test_a_cancelled_build_leaves_nothing_in_the_cache(full_store, tmp_path):
    from trygghet_plugin.layers.lagesbild_group import CancelledError, build_lagesbild_data

    asked = []

    def cancel_on_the_third_question():
        asked.append(1)
        return len(asked) >= 3

    with open_store(full_store) as store, pytest.raises(CancelledError):
        build_lagesbild_data(store, PERIOD, cache=tmp_path / "cache",
                             is_cancelled=cancel_on_the_third_question)
    assert list((tmp_path / "cache").iterdir()) == []


def test_the_pdf_says_what_the_map_says(picture, full_store, provider_loaded, tmp_path):
    """One answer: the lägesbild PDF's places (count, rate per 1,000) are the map's areas
    layer, area by area — both come from analysis.figures.kommun_figures."""
    import processing
    from test_reports import pdf_pages

    _, group = picture
    layer = layers_of(group)["Händelser per 1 000 invånare (DeSO)"]
    on_map = {f["code"]: f for f in layer.getFeatures()}
    out = tmp_path / "lagesbild.pdf"
    processing.run("trygghet:lagesbild", {"STORE": str(full_store),
                                          "PERIOD_END": PERIOD.last_day.isoformat(),
                                          "OUTPUT": str(out)})
    pages = pdf_pages(out)
    places = pages[1].split("Platser med flest händelser")[1].split("Polisens händelser")[0]
    rows = re.findall(r"\((\w{9})\)\s+(\d+)\s+.*?(\d+,\d) per 1 000 inv\.", places)
    assert len(rows) >= 5
    for code, count, rate in rows:
        assert int(count) == on_map[code]["incidents"], code
        assert float(rate.replace(",", ".")) == pytest.approx(on_map[code]["per_1000"],
                                                              abs=0.051), code
    busiest = max(on_map.values(), key=lambda f: f["incidents"])
    assert rows[0][0] == busiest["code"]
    assert "Så läses siffrorna" in pages[1]
    assert "Nollhypotesen" in pages[1] and "sex grannar" in pages[1]


def test_measures_active_in_the_period_and_the_places_left_without_one(full_store, tmp_path):
    """A measure acting at a flagged place takes the flag away; measures outside the period
    are not on the map."""
    import shutil

    from trygghet_plugin.domain.measure import FINISHED, ONGOING, PLANNED, Measure

    path = tmp_path / "nassjo.gpkg"
    shutil.copy(full_store, path)
    project = QgsProject()
    with open_store(path) as store:
        group = add_lagesbild_group(project, store, PERIOD, base_map_url="")
        flags = layers_of(group)["Ovanligt/het plats utan åtgärd"]
        before = [(f["what"], f["area"]) for f in flags.getFeatures()]
        assert before and all(area for _, area in before)
        assert "Åtgärder i perioden" not in layers_of(group)
        first = next(flags.getFeatures()).geometry().pointOnSurface().asPoint()
        wkb = bytes(QgsGeometry.fromPointXY(first).asWkb())
        store.upsert_measures([
            Measure("m-1", "Belysning vid torget", "belysning", ONGOING,
                    start=date(2026, 9, 1), organisation="Gatuavdelningen", wkb=wkb),
            Measure("m-2", "Städning i våras", "stadning", FINISHED, start=date(2026, 3, 1),
                    end=date(2026, 4, 30), wkb=wkb),
            Measure("m-3", "Kameror till vintern", "kamerabevakning", PLANNED,
                    start=date(2026, 12, 1), wkb=wkb)])
        group = add_lagesbild_group(project, store, PERIOD, base_map_url="")
    layers = layers_of(group)
    names = [n.layer().name() for n in group.findLayers()]
    assert names.index("Åtgärder i perioden") == names.index("Ovanligt just nu") + 1
    measures = layers["Åtgärder i perioden"]
    assert [f["title"] for f in measures.getFeatures()] == ["Belysning vid torget"]
    assert [c.label() for c in measures.renderer().categories()][0] == "Belysning"
    after = [(f["what"], f["area"]) for f in
             layers.get("Ovanligt/het plats utan åtgärd", measures).getFeatures()
             if "what" in f.fields().names()]
    assert before[0] not in after and len(after) < len(before)
    project.clear()
