""""Ovanligt just nu" as the analyst meets it: trygghet:unusualnow from the toolbox, the
layer that leads the lägesbild group, and the lägesbild PDF's map and legend."""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import date, datetime, timedelta, timezone

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProject, QgsRuleBasedRenderer, QgsVectorLayer

from trygghet_plugin.domain.incident import Incident
from trygghet_plugin.store import open_store

LEGEND_SV = ("Ovanligt just nu: fler händelser än platsens egen historia gör väntat, efter "
             "korrektion för många jämförelser")


@pytest.fixture(scope="module")
def sample():
    from trygghet_sample import generate

    return generate(size=12000, seed=5)


@pytest.fixture(scope="module")
def store_path(sample, tmp_path_factory):
    """The sample's reports (with its planted burst) and the kommun polygon."""
    from trygghet_plugin.domain.area import Area

    path = tmp_path_factory.mktemp("unusual") / "nassjo.gpkg"
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        wkb = ogr.CreateGeometryFromWkt(sample.boundary_wkt).ExportToIsoWkb()
        store.upsert_areas([Area(code="0682", kind="kommun", wkb=bytes(wkb), name="Nässjö",
                                 kommunkod="0682", population=31615)])
    return path


def features(layer) -> list[dict]:
    names = layer.fields().names()
    return [dict(zip(names, f.attributes()), geometry=f.geometry())
            for f in layer.getFeatures()]


def distance_to(feature, x: float, y: float) -> float:
    from qgis.core import QgsGeometry, QgsPointXY

    return feature["geometry"].distance(QgsGeometry.fromPointXY(QgsPointXY(x, y)))


def test_the_sample_burst_is_found_in_its_period_and_not_before(provider_loaded, sample,
                                                                 store_path, tmp_path):
    import processing

    burst = sample.bursts[0]
    assert burst["start"] == date(2026, 10, 5) and burst["count"] >= 15
    result = processing.run("trygghet:unusualnow", {
        "STORE": str(store_path), "PERIOD_END": "2026-10-18",
        "OUTPUT": str(tmp_path / "nu.gpkg")})
    assert result["PERIOD"] == "2026-v41-42" and result["HISTORY"] >= 70
    layer = QgsVectorLayer(result["OUTPUT"], "nu", "ogr")
    assert layer.isValid() and layer.crs().authid() == "EPSG:3006"
    rows = features(layer)
    assert result["CLUSTERS"] == len(rows) >= 1
    hit = [f for f in rows if distance_to(f, burst["x"], burst["y"]) < 150]
    assert len(hit) == 1
    cluster = hit[0]
    assert cluster["count"] >= burst["count"] and cluster["expected"] < 2
    assert cluster["ratio"] > 8 and cluster["q"] <= 0.05 and cluster["p"] < 1e-6
    assert cluster["label"].startswith(f"{cluster['count']} händelser, väntat ")
    assert cluster["period"] == "2026-v41-42"

    before = processing.run("trygghet:unusualnow", {
        "STORE": str(store_path), "PERIOD_END": "2026-10-04",
        "OUTPUT": str(tmp_path / "innan.gpkg")})
    earlier = features(QgsVectorLayer(before["OUTPUT"], "innan", "ogr"))
    assert not [f for f in earlier if distance_to(f, burst["x"], burst["y"]) < 500]


def test_the_output_loads_styled_with_a_legend_that_says_what_it_means(provider_loaded,
                                                                        store_path, tmp_path):
    import processing

    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults("trygghet:unusualnow", {
        "STORE": str(store_path), "PERIOD_END": "2026-10-18",
        "OUTPUT": str(tmp_path / "styled.gpkg")})
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        (layer,) = added
        assert layer.name() == "Ovanligt just nu Vecka 41–42 2026"
        assert isinstance(layer.renderer(), QgsRuleBasedRenderer)
        assert [i.label() for i in layer.renderer().legendSymbolItems()] == [LEGEND_SV]
        assert layer.attributeDisplayName(layer.fields().indexOf("count")) == \
            "Händelser i klustret"
    finally:
        project.removeMapLayers([lyr.id() for lyr in added])


def test_a_category_filter_and_a_short_history_are_said(provider_loaded, tmp_path):
    import processing

    path = tmp_path / "ny.gpkg"
    start = datetime(2026, 8, 1, 12, tzinfo=timezone.utc)
    with open_store(path) as store:
        store.write_batch([Incident("reports", f"N{i}", "skadegorelse", 480000.0 + (i % 7) * 40,
                                    6390000.0 + (i % 5) * 40, start + timedelta(days=i % 70))
                           for i in range(120)])
    result = processing.run("trygghet:unusualnow", {
        "STORE": str(path), "PERIOD_END": "2026-10-18", "CATEGORY": "Skadegörelse",
        "OUTPUT": str(tmp_path / "kort.gpkg")})
    assert result["CLUSTERS"] == 0
    assert "historik" in result["NOTE"] and "år" in result["NOTE"]
    with pytest.raises(QgsProcessingException, match="Okänd kategori"):
        processing.run("trygghet:unusualnow", {
            "STORE": str(path), "CATEGORY": "Rymdskepp", "OUTPUT": "TEMPORARY_OUTPUT"})


def test_stationary_data_through_the_toolbox_false_clusters_and_planted_bursts(
        provider_loaded, tmp_path):
    """20 periods of stationary, overdispersed data, each with 15 extra incidents within
    150 m at a quiet place of its own: at most one cluster elsewhere, 18 of 20 found."""
    import processing

    from trygghet_sample.spacetime import simulate_periods

    series = simulate_periods(21, tested=20)
    times = series.times().astype(datetime)
    path = tmp_path / "stationar.gpkg"
    with open_store(path) as store:
        store.write_batch([Incident("reports", f"S{i}", "nedskrapning", float(x), float(y),
                                    t.replace(tzinfo=timezone.utc))
                           for i, (x, y, t) in enumerate(zip(series.x.tolist(),
                                                              series.y.tolist(), times))])
    found = false = 0
    for index, px, py in series.plants:
        period = series.periods[index]
        result = processing.run("trygghet:unusualnow", {
            "STORE": str(path), "PERIOD_END": period.last_day.isoformat(),
            "OUTPUT": str(tmp_path / f"p{index}.gpkg")})
        rows = features(QgsVectorLayer(result["OUTPUT"], "p", "ogr"))
        near = [f for f in rows if distance_to(f, px, py) < 300]
        found += bool(near)
        false += len(rows) - len(near)
    assert found >= 18
    assert false <= 1


def test_it_leads_the_lagesbild_group_and_the_pdf_map(provider_loaded, sample, store_path,
                                                      tmp_path):
    import processing

    from trygghet_plugin.analysis.periods import period_ending
    from trygghet_plugin.layers.lagesbild_group import add_lagesbild_group

    project = QgsProject()
    with open_store(store_path) as store:
        group = add_lagesbild_group(project, store, period_ending(date(2026, 10, 18)),
                                    base_map_url="")
    # Only the outline of places without a measure (and the measures) may lie above it.
    nodes = [n for n in group.findLayers() if n.layer().name() not in (
        "Ovanligt/het plats utan åtgärd", "Åtgärder i perioden")]
    assert [n.layer().name() for n in nodes[:3]] == [
        "Ovanligt just nu", "Händelser (exakt plats)", "Var händelserna koncentreras (Gi*)"]
    top = nodes[0]
    assert top.isVisible()
    assert [i.label() for i in top.layer().renderer().legendSymbolItems()] == [LEGEND_SV]
    burst = sample.bursts[0]
    assert any(distance_to(f, burst["x"], burst["y"]) < 150 for f in features(top.layer()))
    project.clear()

    out = tmp_path / "lagesbild.pdf"
    processing.run("trygghet:lagesbild", {"STORE": str(store_path), "PERIOD_END": "2026-10-18",
                                          "OUTPUT": str(out)})
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out), "-"],
                          capture_output=True, text=True, check=True).stdout
    first = " ".join(unicodedata.normalize("NFKC", text).split())
    legend = first[first.index("Teckenförklaring"):]
    # Two columns: the text comes out interleaved, so look for each part. On QGIS 3.44
    # pdftotext does not give the hot spot title's closing ")" right after it (the legend lays
    # the title out differently), so the title is matched without it.
    assert legend.startswith("Teckenförklaring Ovanligt just nu"), legend[:300]
    for part in ("fler händelser än platsens egen historia gör väntat, efter korrektion för "
                 "många jämförelser", "Var händelserna koncentreras (Gi*", "Hotspot 99 %"):
        assert part in legend, part
