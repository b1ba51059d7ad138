"""trygghet:importpolice, importareas and importsurvey in-process (as the toolbox and the
modeler run them), then makeproject showing their layers with Swedish legends."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProject

DATA = Path(__file__).resolve().parents[1] / "data"
NASSJO_HISTORY = DATA / "polisen" / "history_nassjo_2023-2026.json"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from trygghet_sample import write_sample

    return write_sample(tmp_path_factory.mktemp("sample"), size=400, seed=21)


@pytest.fixture
def store_file(tmp_path) -> str:
    return str(tmp_path / "nassjo.gpkg")


def run(name: str, **params):
    import processing

    return processing.run(f"trygghet:{name}", params)


def import_everything(sample, store_file) -> dict:
    areas = run("importareas", INPUT=str(sample["areas"]), LAYER="DeSO_2025",
                KOMMUNKOD="Nässjö", POPULATION=str(sample["population"]), STORE=store_file)
    regso = run("importareas", INPUT=f"{sample['areas']}|layername=RegSO_2025",
                KOMMUNKOD="0682", STORE=store_file)
    police = run("importpolice", INPUT=str(sample["police_events"]), KOMMUN="Nässjö",
                 STORE=store_file)
    survey = run("importsurvey", INPUT=str(sample["survey_results"]),
                 PLACES=str(sample["survey_places"]), STORE=store_file)
    return {"areas": areas, "regso": regso, "police": police, "survey": survey}


def test_the_three_imports_and_the_project_that_shows_them(provider_loaded, sample,
                                                            store_file, tmp_path):
    out = import_everything(sample, store_file)
    assert (out["areas"]["NEW"], out["areas"]["WITHOUT_POPULATION"]) == (31, 0)
    assert (out["regso"]["NEW"], out["regso"]["TOTAL"]) == (10, 41)
    police = out["police"]
    assert police["NEW"] > 100 and police["SUMMARIES"] == police["REJECTED"] > 0
    assert police["TOTAL"] == police["NEW"]
    assert "sammanfattningar/notiser" in police["SUMMARY"]
    survey = out["survey"]
    assert (survey["NEW"], survey["REJECTED"], survey["PLACES_NEW"]) == (360, 0, 240)
    assert survey["SURVEYS"] == "Trygghetsmätning 2024; Trygghetsmätning 2025"
    assert survey["UNKNOWN_AREAS"] == ""

    project_file = tmp_path / "lagesbild.qgz"
    run("makeproject", STORE=store_file, OUTPUT=str(project_file))
    project = QgsProject()
    assert project.read(str(project_file))
    group = project.layerTreeRoot().findGroup("Trygghet")
    layers = {node.layer().name(): node.layer() for node in group.findLayers()}
    # Police feed events are never points: the incidents layer holds exact places only.
    assert layers["Händelser"].featureCount() == 0
    police_layer = layers["Polisens händelser per område"]
    assert police_layer.isValid()
    legend = [item.label() for item in police_layer.renderer().legendSymbolItems()]
    assert legend[0].startswith("Plats: bara kommunen")
    assert "Plats: område som nämns i händelsen" in legend
    kommun = next(f for f in police_layer.getFeatures() if f["kind"] == "kommun")
    assert kommun["events_kommun"] + sum(
        f["events_area"] for f in police_layer.getFeatures()) == police["NEW"]
    choropleth = layers["Trygghetsmätning 2025 – Otrygg ute sent på kvällen"]
    assert choropleth.featureCount() == 30
    assert [i.label() for i in choropleth.renderer().legendSymbolItems()] == [
        "0–1: Inga eller mycket små problem", "1–2: Små problem", "2–3: Vissa problem",
        "över 3: Stora problem"]
    comparison = layers["Upplevd mot rapporterad otrygghet – Trygghetsmätning 2025"]
    assert comparison.featureCount() == 30
    assert {c.label() for c in comparison.renderer().categories()} >= {
        "Upplevd otrygghet men få rapporter", "Många rapporter men upplevs tryggt"}
    assert layers["Otrygga platser (trygghetsmätning)"].featureCount() == 120 * 2
    assert layers["Kommungräns"].featureCount() == 1
    assert layers["Områden (DeSO)"].featureCount() == 30


def test_a_second_police_import_adds_nothing(provider_loaded, store_file):
    first = run("importpolice", INPUT=str(NASSJO_HISTORY), KOMMUN="0682", STORE=store_file)
    again = run("importpolice", INPUT=str(NASSJO_HISTORY), KOMMUN="0682", STORE=store_file)
    assert (first["NEW"], first["REJECTED"]) == (138, 0)
    assert (again["NEW"], again["UNCHANGED"], again["TOTAL"]) == (0, 138, 138)


def test_a_geocoded_crime_export_through_importpolice(provider_loaded, store_file):
    out = run("importpolice", INPUT=str(DATA / "police_exports" / "brott_sweref_cp1252.csv"),
              KOMMUN="Nässjö", STORE=store_file)
    assert (out["NEW"], out["REJECTED"]) == (4, 5)
    assert "Koordinater: SWEREF 99 TM" in out["SUMMARY"]


def test_a_live_poll_through_importpolice(provider_loaded, store_file, httpserver):
    import json

    events = json.loads(NASSJO_HISTORY.read_text(encoding="utf-8"))[:20]
    httpserver.expect_request("/api/events").respond_with_json(events)
    out = run("importpolice", INPUT=httpserver.url_for("/api/events"), KOMMUN="Nässjö",
              STORE=store_file)
    assert out["NEW"] == 20
    assert httpserver.log[0][0].args["locationname"] == "Nässjö;Jönköpings län"


@pytest.mark.parametrize("alg,params,message", [
    ("importpolice", {"INPUT": "x.json", "KOMMUN": "Nässjöö"}, "Ingen kommun heter 'Nässjöö'"),
    ("importpolice", {"INPUT": "saknas.json"}, "Filen finns inte"),
    ("importareas", {"INPUT": "saknas.gpkg"}, "Filen finns inte"),
    ("importareas", {"INPUT": "", "POPULATION": ""}, "Ange indata"),
    ("importsurvey", {"INPUT": "", "SURVEY": "2025"}, "Ange en resultatfil"),
    ("importsurvey", {"INPUT": "resultat.csv", "FIELDWORK": "hösten"}, "Ogiltigt datum"),
])
def test_mistakes_are_messages_not_tracebacks(provider_loaded, store_file, alg, params,
                                              message):
    with pytest.raises(QgsProcessingException, match=message):
        run(alg, STORE=store_file, **params)


def test_a_wfs_exception_report_through_importareas(provider_loaded, store_file, httpserver):
    body = (DATA / "wfs" / "exception_report.xml").read_bytes()
    httpserver.expect_request("/geoserver/stat/wfs").respond_with_data(
        body, content_type="application/xml")
    with pytest.raises(QgsProcessingException, match="WFS-tjänsten svarade med ett fel"):
        run("importareas", INPUT=httpserver.url_for("/geoserver/stat/wfs"),
            LAYER="stat:DeSO_2099", STORE=store_file)


def test_survey_before_areas_says_what_to_do(provider_loaded, sample, store_file):
    with pytest.raises(QgsProcessingException, match="importera områdena först"):
        run("importsurvey", INPUT=str(sample["survey_results"]), STORE=store_file)


@pytest.mark.qgis_process
def test_the_imports_headless_with_the_packaged_plugin(sample, tmp_path):
    """The zip from `make package` carries the resources (kommuner, type mapping, weights)."""
    from tools import package, profile
    from tools.qgis_process import QgisProcessError, run_algorithm

    config = tmp_path / "config"
    profile.install_zip(package.build(tmp_path / "dist"), config / "profiles" / "default")
    store = tmp_path / "nassjo.gpkg"
    areas = run_algorithm("trygghet:importareas", {
        "INPUT": sample["areas"], "LAYER": "DeSO_2025", "KOMMUNKOD": "0682",
        "POPULATION": sample["population"], "STORE": store}, config)
    police = run_algorithm("trygghet:importpolice", {
        "INPUT": NASSJO_HISTORY, "KOMMUN": "Nässjö", "STORE": store}, config)
    survey = run_algorithm("trygghet:importsurvey", {
        "INPUT": sample["survey_results"], "STORE": store}, config)
    assert (areas["NEW"], police["NEW"], survey["NEW"]) == (31, 138, 360)
    with pytest.raises(QgisProcessError) as info:
        run_algorithm("trygghet:importpolice", {"INPUT": "live", "KOMMUN": "Nässjöö",
                                                "STORE": store}, config)
    assert "Ingen kommun heter" in str(info.value) and "Traceback" not in str(info.value)
