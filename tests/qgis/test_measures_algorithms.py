"""Measures through the Processing door, with a real GeoPackage: add a measure from the
selected features of a layer, import and export a planner's CSV, and evaluate the finished
measures of a store where a 40 % drop (half of it displaced) and no effect are planted."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from osgeo import ogr
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)

from trygghet_plugin.domain.area import Area
from trygghet_plugin.store import open_store
from trygghet_sample.measures import PARK, plant_measures

START = date(2026, 3, 2)
TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def planted():
    return plant_measures(start=START, seed=16, background_per_day=12.0)


@pytest.fixture(scope="module")
def planted_store(planted, tmp_path_factory):
    path = tmp_path_factory.mktemp("measures") / "nassjo.gpkg"
    x, y = PARK
    kommun = (f"POLYGON (({x - 6000} {y - 6000}, {x + 6000} {y - 6000}, {x + 6000} "
              f"{y + 6000}, {x - 6000} {y + 6000}, {x - 6000} {y - 6000}))")
    with open_store(path) as store:
        store.upsert_incidents(planted.incidents)
        store.upsert_measures(planted.measures)
        store.upsert_areas([Area("0682", "kommun", bytes(ogr.CreateGeometryFromWkt(
            kommun).ExportToIsoWkb()), "Nässjö", "0682")])
    return path


def run(alg: str, params: dict) -> dict:
    import processing

    return processing.run(f"trygghet:{alg}", params)


def layer_rows(layer) -> dict[str, dict]:
    names = layer.fields().names()
    return {f["uid"]: dict(zip(names, f.attributes())) for f in layer.getFeatures()}


def test_finished_measures_are_evaluated_with_the_planted_effects(
        provider_loaded, planted_store, clock_at):
    clock_at(TODAY)
    result = run("evaluatemeasures", {"STORE": str(planted_store), "OUTPUT": "memory:"})
    assert result["EVALUATED"] == 2 and result["EFFECTIVE"] == 1
    rows = layer_rows(result["OUTPUT"])
    assert set(rows) == {"m-exempel-park", "m-exempel-kamera"}  # not the planned one
    park, camera = rows["m-exempel-park"], rows["m-exempel-kamera"]
    assert park["effect_low"] <= 0.6 <= park["effect_high"]
    assert park["effect_high"] < 1
    assert park["wdq"] < 0 and park["buffer_displacement"] > 0 and park["success_measure"] < 0
    assert park["verdict_text"] in ("minskade",
                                    "minskade, men en del flyttade troligen till närområdet")
    assert park["target_before"] > park["target_after"]
    assert park["before_from"] == "2026-01-05" and park["after_to"] == "2026-04-26"
    assert camera["verdict_text"] == "ingen säker förändring"
    assert camera["effect_low"] <= 1.0 <= camera["effect_high"]
    assert result["OUTPUT"].featureCount() == 2
    # The verdict is kept on the measure.
    with open_store(planted_store) as store:
        (kept,) = store.measures(["m-exempel-park"])
        assert kept.verdict == park["verdict"] and kept.effect == pytest.approx(park["effect"],
                                                                                 abs=1e-3)


def test_a_measure_whose_after_period_is_not_over_is_not_judged(
        provider_loaded, planted_store, clock_at):
    clock_at(date(2026, 4, 1))
    result = run("evaluatemeasures", {"STORE": str(planted_store), "SAVE": False,
                                      "MEASURES": "m-exempel-park", "OUTPUT": "memory:"})
    (row,) = layer_rows(result["OUTPUT"]).values()
    assert row["verdict_text"] == "perioden efter är inte slut än"
    assert "2026-04-26" in row["note"]


def test_unknown_measure_ids_are_named(provider_loaded, planted_store):
    with pytest.raises(QgsProcessingException, match="m-finns-inte"):
        run("evaluatemeasures", {"STORE": str(planted_store), "MEASURES": "m-finns-inte",
                                 "OUTPUT": "memory:"})


def test_a_measure_is_added_from_the_selected_features_of_a_layer(provider_loaded, tmp_path):
    layer = QgsVectorLayer("Polygon?crs=EPSG:3006", "hot spot cells", "memory")
    for x in (481000.0, 481250.0, 490000.0):
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(
            f"POLYGON (({x} 6390000, {x + 250} 6390000, {x + 250} 6390250, {x} 6390250, "
            f"{x} 6390000))"))
        layer.dataProvider().addFeature(feature)
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.selectByIds([f.id() for f in layer.getFeatures()][:2])
        store = tmp_path / "m.gpkg"
        result = run("addmeasure", {
            "STORE": str(store), "TITLE": "Belysning längs Storgatan", "TYPE": "Belysning",
            "STATUS": "pågående", "START": "2026-05-04", "ORGANISATION": "Gatuavdelningen",
            "CATEGORIES": "Skadegörelse, samling",
            "INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), True)})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert result["NEW"] == 1 and result["UID"].startswith("m-")
    with open_store(store) as s:
        (m,) = s.measures()
    assert (m.type, m.status, m.start) == ("belysning", "pagaende", date(2026, 5, 4))
    assert m.categories == ("skadegorelse", "samling")
    geom = ogr.CreateGeometryFromWkb(m.wkb)
    assert geom.GetArea() == pytest.approx(2 * 250 * 250)  # the two selected cells, united
    # Closing it: the same id, status avslutad and an end date.
    again = run("addmeasure", {"STORE": str(store), "UID": m.uid, "TITLE": m.title,
                               "TYPE": "belysning", "STATUS": "avslutad", "START": "2026-05-04",
                               "END": "2026-05-29", "CATEGORIES": "skadegorelse,samling"})
    assert again["UPDATED"] == 1
    with open_store(store) as s:
        (closed,) = s.measures()
    assert (closed.status, closed.end) == ("avslutad", date(2026, 5, 29))
    assert closed.wkb == m.wkb  # closing it kept its place


def test_an_unknown_type_or_a_finished_measure_without_an_end_gets_a_clear_message(
        provider_loaded, tmp_path):
    store = str(tmp_path / "m.gpkg")
    with pytest.raises(QgsProcessingException, match="Okänd typ av åtgärd: trollformler"):
        run("addmeasure", {"STORE": store, "TITLE": "X", "TYPE": "trollformler"})
    with pytest.raises(QgsProcessingException, match="slutdatum"):
        run("addmeasure", {"STORE": store, "TITLE": "X", "TYPE": "annat",
                           "STATUS": "avslutad", "START": "2026-05-04"})


def test_a_planners_csv_is_imported_with_rejected_rows_counted_and_exported_back(
        provider_loaded, tmp_path):
    store = str(tmp_path / "m.gpkg")
    source = tmp_path / "atgarder.csv"
    source.write_text(
        "Titel;Typ;Status;Startdatum;Slutdatum;Ansvarig;Kategorier;x;y\n"
        "Röjning vid skolan;Beskärning/siktröjning;avslutad;2026-02-02;2026-02-20;"
        "Parkenheten;skadegorelse;481500;6390400\n"
        "Kameror på torget;kamera;pågående;2026-03-01;;Polisen;;482000;6390100\n"
        "Magi;trollformler;planerad;;;;;481000;6390000\n"
        "Fel ordning;belysning;avslutad;2026-05-01;2026-04-01;;;481000;6390000\n"
        "I grader;belysning;planerad;;;;;14.69;57.65\n"
        ";annat;planerad;;;;;481000;6390000\n",
        encoding="cp1252")
    result = run("importmeasures", {"STORE": store, "INPUT": str(source)})
    assert (result["NEW"], result["REJECTED"]) == (2, 4)
    with open_store(store) as s:
        reasons = [r.reason for r in s.rejected("measures")]
        assert len(reasons) == 4
        assert any("Rad 4" in r and "trollformler" in r for r in reasons)
        assert any("Rad 5" in r and "slutar" in r for r in reasons)
        assert any("Rad 6" in r and "SWEREF 99 TM" in r for r in reasons)
        assert any("Rad 7" in r and "titel" in r for r in reasons)
        titles = {m.title: m for m in s.measures()}
    assert titles["Kameror på torget"].type == "kamerabevakning"
    out = tmp_path / "export.csv"
    exported = run("exportmeasures", {"STORE": store, "OUTPUT": str(out)})
    assert exported["COUNT"] == 2
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert [r["typ"] for r in rows] == ["Beskärning/siktröjning", "Kamerabevakning"]
    assert rows[0]["status"] == "avslutad" and rows[1]["status"] == "pågående"
    assert rows[0]["wkt"] == "POINT (481500 6390400)"
    # The exported file reads back as it is: nothing new, nothing changed.
    back = run("importmeasures", {"STORE": store, "INPUT": str(out)})
    assert (back["NEW"], back["UPDATED"], back["UNCHANGED"], back["REJECTED"]) == (0, 0, 2, 0)
