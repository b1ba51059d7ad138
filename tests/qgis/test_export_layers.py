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
    QgsGraduatedSymbolRenderer,
    QgsProject,
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
    from trygghet_plugin.sample import generate
    from trygghet_plugin.sample.writer import write_survey_csv
    from trygghet_plugin.sources import polisen, surveys
    from trygghet_plugin.sources.kommuner import registry

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


def test_exportlayers_writes_one_geopackage_that_opens_styled_anywhere(provider_loaded, store_file,
                                                                       tmp_path):
    import processing

    out = tmp_path / "till planerarna.gpkg"
    result = processing.run("trygghet:exportlayers", {
        "STORE": str(store_file), "PERIOD_END": "2026-10-18", "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out) and result["PERIOD"] == "2026-v41-42"
    assert result["LAYERS"] == 8 and result["INCIDENTS"] > 0

    with sqlite3.connect(out) as db:
        contents = dict(db.execute("SELECT table_name, identifier FROM gpkg_contents "
                                 "WHERE data_type = 'features'"))
        styles = db.execute("SELECT f_table_name, useAsDefault FROM layer_styles").fetchall()
        srs = {r[0] for r in db.execute("SELECT srs_id FROM gpkg_geometry_columns")}
    assert contents == {
        "ovanligt_just_nu": "Ovanligt just nu",
        "handelser_exakt_plats": "Händelser (exakt plats)",
        "polisens_handelser_per_omrade": "Polisens händelser per område",
        "var_handelserna_koncentreras_gi": "Var händelserna koncentreras (Gi*)",
        "framvaxande_hotspots_26_perioder": "Framväxande hotspots (26 perioder)",
        "handelser_per_1_000_invanare_deso": "Händelser per 1 000 invånare (DeSO)",
        "trygghetsmatning_2025_otrygg_ute_sent_pa_kvallen":
            "Trygghetsmätning 2025 – Otrygg ute sent på kvällen",
        "kommungrans": "Kommungräns"}
    assert sorted(styles) == sorted((table, 1) for table in contents)
    assert srs == {3006}

    # A planner's own project, without the plugin's help: the default styles load.
    project = QgsProject()
    try:
        opened = {}
        for table in contents:
            layer = QgsVectorLayer(f"{out}|layername={table}", table, "ogr")
            assert layer.isValid() and layer.crs().authid() == "EPSG:3006"
            project.addMapLayer(layer)
            opened[table] = layer
        incidents = opened["handelser_exakt_plats"]
        assert isinstance(incidents.renderer(), QgsCategorizedSymbolRenderer)
        assert legend(incidents)[:2] == ["Skadegörelse", "Nedskräpning"]
        categories = incidents.renderer().categories()
        assert isinstance(categories[0].symbol().symbolLayer(0), QgsSvgMarkerSymbolLayer)
        assert incidents.featureCount() == result["INCIDENTS"]
        assert incidents.fields().indexOf("description") == -1  # free text stays internal
        # The style carries the temporal settings too; QGIS 3.22 drops them while it constructs
        # a layer, and loading the default style again brings them back.
        assert incidents.loadDefaultStyle()[1] and incidents.temporalProperties().isActive()
        rates = opened["handelser_per_1_000_invanare_deso"]
        assert isinstance(rates.renderer(), QgsGraduatedSymbolRenderer)
        assert all(label.endswith("per 1 000 inv.") for label in legend(rates))
        police = opened["polisens_handelser_per_omrade"]
        assert isinstance(police.renderer(), QgsRuleBasedRenderer)
        assert legend(police)[0].startswith("Plats: bara kommunen")
        assert "Hotspot 99 %" in legend(opened["var_handelserna_koncentreras_gi"])
        assert legend(opened["ovanligt_just_nu"])[0].startswith("Ovanligt just nu: fler")
        assert legend(opened["trygghetsmatning_2025_otrygg_ute_sent_pa_kvallen"])[-1] == \
            "över 3: Stora problem"
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
