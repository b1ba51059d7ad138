"""Exports as their users get them: the planners' GeoPackage opens styled in a fresh project,
and the filtered incidents open in Swedish Excel (CSV) or QGIS (GeoPackage)."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import date, datetime, timezone

import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransformContext,
    QgsGraduatedSymbolRenderer,
    QgsLayerDefinition,
    QgsProject,
    QgsProviderRegistry,
    QgsProviderSublayerDetails,
    QgsRuleBasedRenderer,
    QgsSvgMarkerSymbolLayer,
    QgsVectorLayer,
)

from trygghet_plugin.analysis.periods import period_ending
from trygghet_plugin.domain.incident import Incident
from trygghet_plugin.layers.export import export_incidents
from trygghet_plugin.layers.filters import FilterSpec, build_filter
from trygghet_plugin.store import open_store

PERIOD = period_ending(date(2026, 10, 18))
ODD_ORG = 'Vakt & Co "Nattugglan"; Nässjö'


@pytest.fixture(scope="module")
def store_file(tmp_path_factory):
    from trygghet_plugin.sources import polisen, surveys
    from trygghet_plugin.sources.kommuner import registry
    from trygghet_sample import generate
    from trygghet_sample.writer import write_survey_csv

    folder = tmp_path_factory.mktemp("export")
    sample = generate(size=3000, seed=17)
    path = folder / "nassjo.gpkg"
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        store.write_batch([Incident(
            "reports", "ODD1", "nedskrapning", 481200.0, 6390100.0,
            datetime(2026, 10, 13, 6, 30, tzinfo=timezone.utc), reporter_org=ODD_ORG,
            description="Säckar vid återvinningen;\nflera \"stora\"")])
        store.upsert_areas(sample.store_areas())
        polisen.import_events(store, sample.police_events, kommun=registry().resolve("0682"))
        write_survey_csv(folder / "survey.csv", sample)
        surveys.import_results(store, folder / "survey.csv")
    return path


def legend(layer) -> list[str]:
    return [item.label() for item in layer.renderer().legendSymbolItems()]


NAMES = ["Ovanligt/het plats utan åtgärd", "Ovanligt just nu", "Händelser (exakt plats)",
         "Polisens händelser per område",
         "Var händelserna koncentreras (Gi*)",
         "Framväxande hotspots (26 perioder)", "Händelser per 1 000 invånare (DeSO)",
         "Trygghetsmätning 2025 – Otrygg ute sent på kvällen", "Kommungräns"]


def add_vector_layer(path) -> dict[str, QgsVectorLayer]:
    """What Layer → Add Vector Layer (or a drop on the map) makes of a GeoPackage in QGIS
    3.22: one layer per table, named by QGIS itself."""
    options = QgsProviderSublayerDetails.LayerOptions(QgsCoordinateTransformContext())
    layers = [d.toLayer(options) for d in QgsProviderRegistry.instance().querySublayers(
        str(path))]
    return {layer.name(): layer for layer in layers}


def test_exportlayers_writes_one_geopackage_that_opens_styled_anywhere(provider_loaded, store_file,
                                                                       tmp_path):
    import processing

    out = tmp_path / "till planerarna.gpkg"
    result = processing.run("trygghet:exportlayers", {
        "STORE": str(store_file), "PERIOD_END": "2026-10-18", "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out) and result["PERIOD"] == "2026-v41-42"
    assert result["LAYERS"] == len(NAMES) == 9 and result["INCIDENTS"] > 0

    with sqlite3.connect(out) as db:
        contents = dict(db.execute("SELECT table_name, identifier FROM gpkg_contents "
                                 "WHERE data_type = 'features'"))
        styles = db.execute("SELECT f_table_name, useAsDefault FROM layer_styles").fetchall()
        srs = {r[0] for r in db.execute("SELECT srs_id FROM gpkg_geometry_columns")}
    assert contents == {name: name for name in NAMES}
    assert sorted(styles) == sorted((table, 1) for table in contents)
    assert srs == {3006}

    # A planner's own project, without the plugin's help: the layers QGIS adds from the file
    # carry the names the analyst saw, and their default styles load.
    project = QgsProject()
    try:
        opened = add_vector_layer(out)
        assert sorted(opened) == sorted(NAMES)
        for layer in opened.values():
            assert layer.isValid() and layer.crs().authid() == "EPSG:3006"
            project.addMapLayer(layer)
        incidents = opened["Händelser (exakt plats)"]
        assert isinstance(incidents.renderer(), QgsCategorizedSymbolRenderer)
        assert legend(incidents)[:2] == ["Skadegörelse", "Nedskräpning"]
        categories = incidents.renderer().categories()
        assert isinstance(categories[0].symbol().symbolLayer(0), QgsSvgMarkerSymbolLayer)
        assert incidents.featureCount() == result["INCIDENTS"]
        assert incidents.fields().indexOf("description") == -1  # free text stays internal
        # The style carries the temporal settings too; QGIS 3.22 drops them while it constructs
        # a layer, and loading the default style again brings them back.
        assert incidents.loadDefaultStyle()[1] and incidents.temporalProperties().isActive()
        rates = opened["Händelser per 1 000 invånare (DeSO)"]
        assert isinstance(rates.renderer(), QgsGraduatedSymbolRenderer)
        assert all(label.endswith("per 1 000 inv.") for label in legend(rates))
        police = opened["Polisens händelser per område"]
        assert isinstance(police.renderer(), QgsRuleBasedRenderer)
        assert legend(police)[0].startswith("Plats: bara kommunen")
        assert "Hotspot 99 %" in legend(opened["Var händelserna koncentreras (Gi*)"])
        assert legend(opened["Ovanligt just nu"])[0].startswith("Ovanligt just nu: fler")
        assert legend(opened["Trygghetsmätning 2025 – Otrygg ute sent på kvällen"])[-1] == \
            "över 3: Stora problem"
    finally:
        project.clear()


def test_the_layer_definition_adds_a_group_that_leaves_the_base_map_visible(
        provider_loaded, store_file, tmp_path):
    """The planner drags the .qlr into a project that already has a base map: one group with
    the analyst's names in the map's order, only the points and the boundary switched on —
    the 18,775-cell hot spot grid and the filled areas would cover the base map."""
    import processing

    folder = tmp_path / "skickat"
    result = processing.run("trygghet:exportlayers", {
        "STORE": str(store_file), "PERIOD_END": "2026-10-18",
        "OUTPUT": str(folder / "lägesbild.gpkg")})
    assert result["DEFINITION"] == str(folder / "lägesbild.qlr")
    moved = tmp_path / "hos planeraren"  # the two files travel together
    folder.rename(moved)

    project = QgsProject()
    try:
        base = QgsVectorLayer("Polygon?crs=EPSG:3006", "Baskarta", "memory")
        project.addMapLayer(base)
        assert QgsLayerDefinition.loadLayerDefinition(str(moved / "lägesbild.qlr"), project,
                                                      project.layerTreeRoot())
        root = project.layerTreeRoot()
        group = root.findGroup("Trygghet – lägesbild v. 41–42 2026")
        assert group is not None
        shown = [(node.name(), node.isVisible()) for node in group.findLayers()]
        assert shown == [("Ovanligt/het plats utan åtgärd", True), ("Ovanligt just nu", True),
                         ("Händelser (exakt plats)", True),
                         ("Polisens händelser per område", False),
                         ("Var händelserna koncentreras (Gi*)", False),
                         ("Framväxande hotspots (26 perioder)", False),
                         ("Händelser per 1 000 invånare (DeSO)", False),
                         ("Trygghetsmätning 2025 – Otrygg ute sent på kvällen", False),
                         ("Kommungräns", True)]
        layers = {node.name(): node.layer() for node in group.findLayers()}
        assert all(layer.isValid() for layer in layers.values())
        assert layers["Var händelserna koncentreras (Gi*)"].featureCount() > 10000
        assert "Hotspot 99 %" in legend(layers["Var händelserna koncentreras (Gi*)"])
        assert root.findLayer(base.id()).isVisible()
    finally:
        project.clear()


def test_filtered_incidents_as_csv_for_swedish_excel(store_file, tmp_path):
    spec = FilterSpec(period=PERIOD, categories=("nedskrapning",))
    out = tmp_path / "händelser.csv"
    n = export_incidents(f"{store_file}|layername=incidents", "ogr", build_filter(spec), out)
    layer = QgsVectorLayer(f"{store_file}|layername=incidents", "x", "ogr")
    layer.setSubsetString(build_filter(spec))
    assert n == layer.featureCount() > 1

    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads å, ä, ö right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""),
                               delimiter=";"))
    assert len(rows) == n
    assert list(rows[0]) == ["id", "kategori", "underkategori", "kategorikod", "inträffade",
                             "rapporterade", "status", "organisation", "källa",
                             "platsnoggrannhet", "beskrivning", "e_sweref99tm",
                             "n_sweref99tm"]
    assert {r["kategori"] for r in rows} == {"Nedskräpning"}
    odd = next(r for r in rows if r["id"] == "reports:ODD1")
    assert odd["organisation"] == ODD_ORG
    assert odd["beskrivning"] == "Säckar vid återvinningen;\nflera \"stora\""
    assert odd["inträffade"] == "2026-10-13 08:30"  # Stockholm summer time
    assert (odd["status"], odd["platsnoggrannhet"]) == ("öppen", "exakt")
    assert (odd["e_sweref99tm"], odd["n_sweref99tm"]) == ("481200", "6390100")


def test_filtered_incidents_as_a_styled_geopackage(store_file, tmp_path):
    spec = FilterSpec(period=PERIOD, organisations=(ODD_ORG,))
    out = tmp_path / "urval.gpkg"
    assert export_incidents(f"{store_file}|layername=incidents", "ogr", build_filter(spec),
                            out) == 1
    layer = QgsVectorLayer(f"{out}|layername=handelser", "urval", "ogr")
    assert layer.featureCount() == 1
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    assert "Nedskräpning" in legend(layer)
    assert next(layer.getFeatures())["reporter_org"] == ODD_ORG
