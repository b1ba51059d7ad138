"""Statistical areas into the store: SCB's GeoPackage and WFS, any polygon layer, population,
the kommun boundary, and the schema upgrade that brought areas, surveys and police counts."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from osgeo import gdal, ogr
from werkzeug import Response

from trygghet_plugin.sources.areas import import_areas
from trygghet_plugin.sources.crs import sweref_to_lonlat
from trygghet_plugin.sources.http import SourceError
from trygghet_plugin.store import open_store
from trygghet_plugin.store.gpkg import GpkgStore
from trygghet_sample import write_sample

WFS_DATA = Path(__file__).resolve().parents[1] / "data" / "wfs"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return write_sample(tmp_path_factory.mktemp("sample"), size=300, seed=4)


def test_deso_from_scb_geopackage_with_population_and_a_kommun_boundary(store, sample):
    result = import_areas(store, str(sample["areas"]), layer_name="DeSO_2025",
                          kommunkod="0682", population=sample["population"])
    assert (result.kind, result.read, result.new, result.rejected) == ("deso", 30, 31, 0)
    assert result.kommun_boundary == "0682"
    assert "Kommungränsen 0682 bildades av områdena" in result.summary()
    deso = store.areas(kind="deso")
    assert len(deso) == 30 and all(a.kommunkod == "0682" for a in deso)
    assert sum(a.population for a in deso) == 31615  # Nässjö, 2024
    assert deso[0].parent_code.startswith("0682R")
    (kommun,) = store.areas(kind="kommun")
    assert (kommun.name, kommun.population) == ("Nässjö", 31615)
    # The union covers the DeSO: its area is the sum of theirs.
    total = sum(ogr.CreateGeometryFromWkb(a.wkb).GetArea() for a in deso)
    assert ogr.CreateGeometryFromWkb(kommun.wkb).GetArea() == pytest.approx(total, rel=1e-6)
    again = import_areas(store, str(sample["areas"]), layer_name="DeSO_2025", kommunkod="0682",
                         population=sample["population"])
    assert (again.new, again.updated, again.unchanged) == (0, 0, 30)
    assert store.count("areas") == 31


def test_regso_get_names_and_their_population_from_the_deso(store, sample):
    import_areas(store, str(sample["areas"]), layer_name="DeSO_2025", kommunkod="Nässjö",
                 population=sample["population"])
    result = import_areas(store, f"{sample['areas']}|layername=RegSO_2025", kommunkod="0682")
    assert (result.kind, result.new, result.without_population) == ("regso", 10, [])
    names = {a.name: a.population for a in store.areas(kind="regso")}
    assert "Bodafors" in names and names["Bodafors"] > 0
    assert sum(names.values()) == 31615
    # The official kommun layer replaces the union, keeping the population.
    kommun = import_areas(store, str(sample["areas"]), layer_name="kommun")
    assert (kommun.kind, kommun.updated) == ("kommun", 1)
    assert store.areas(kind="kommun")[0].population == 31615


def test_another_kommuns_areas_are_filtered_out(store, sample):
    with pytest.raises(SourceError, match="Inga områden hittades för kommunkod 0680"):
        import_areas(store, str(sample["areas"]), layer_name="DeSO_2025", kommunkod="0680")


def test_any_polygon_layer_with_chosen_fields_in_wgs84(store, tmp_path):
    """The municipality's own districts as GeoJSON (lon/lat), one drawn in two parts, one
    self-intersecting (repaired), one without geometry and one without code (rejected)."""
    def ring(x, y, size=400.0):
        pts = [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]
        return [list(p) for p in sweref_to_lonlat(pts)]

    bowtie = [list(p) for p in sweref_to_lonlat([(480000, 6390000), (480400, 6390400),
                                                  (480400, 6390000), (480000, 6390400),
                                                  (480000, 6390000)])]
    features = [
        {"geometry": {"type": "Polygon", "coordinates": [ring(481000, 6389000)]},
         "properties": {"Distrikt_ID": "D1", "Distriktsnamn": "Centrum"}},
        {"geometry": {"type": "Polygon", "coordinates": [ring(482000, 6389000)]},
         "properties": {"Distrikt_ID": "D2", "Distriktsnamn": "Östra"}},
        {"geometry": {"type": "Polygon", "coordinates": [ring(482600, 6389000)]},
         "properties": {"Distrikt_ID": "D2", "Distriktsnamn": "Östra"}},
        {"geometry": {"type": "Polygon", "coordinates": [bowtie]},
         "properties": {"Distrikt_ID": "D3", "Distriktsnamn": "Fjärilen"}},
        {"geometry": None, "properties": {"Distrikt_ID": "D4", "Distriktsnamn": "Tom"}},
        {"geometry": {"type": "Polygon", "coordinates": [ring(483000, 6389000)]},
         "properties": {"Distrikt_ID": None, "Distriktsnamn": "Utan kod"}},
    ]
    path = tmp_path / "kommundelar.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", **f} for f in features]}), encoding="utf-8")
    result = import_areas(store, str(path), code_field="Distrikt_ID",
                          name_field="Distriktsnamn", kommunkod="0682")
    assert (result.kind, result.read, result.new, result.rejected) == ("district", 6, 3, 2)
    assert result.merged_parts == 1
    areas = {a.code: a for a in store.areas(kind="district")}
    assert areas["D1"].name == "Centrum" and areas["D1"].kommunkod == "0682"
    d1 = ogr.CreateGeometryFromWkb(areas["D1"].wkb)
    assert d1.GetArea() == pytest.approx(160000, rel=1e-3)  # back in SWEREF 99 TM metres
    assert ogr.CreateGeometryFromWkb(areas["D2"].wkb).GetGeometryCount() == 2
    assert ogr.CreateGeometryFromWkb(areas["D3"].wkb).IsValid()
    reasons = sorted(r.reason.split(" / ")[0] for r in store.rejected("areas"))
    assert reasons == ["saknar geometri", "saknar kod (fältet 'Distrikt_ID')"]
    assert result.without_population == ["D1", "D2", "D3"]


def test_a_wrong_field_name_lists_the_fields(store, sample):
    with pytest.raises(SourceError, match="Fältet 'omrkod' finns inte; fält: desokod"):
        import_areas(store, str(sample["areas"]), layer_name="DeSO_2025", code_field="omrkod")


def test_a_missing_layer_lists_the_layers(store, sample):
    with pytest.raises(SourceError, match="Lagret 'DeSO_2030' finns inte; lager: "):
        import_areas(store, str(sample["areas"]), layer_name="DeSO_2030")


def test_population_file_with_bad_rows_and_unknown_codes(store, sample, tmp_path):
    import_areas(store, str(sample["areas"]), layer_name="DeSO_2025", kommunkod="0682")
    path = tmp_path / "befolkning.csv"
    lines = ["Område;Folkmängd", "0682C1010;1 234", "0682C1020;många", "0682X9999;50",
             "0682C1030;-5", ";", "0682C1040;1 528"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    result = import_areas(store, None, population=path)
    assert result.updated == 2
    assert result.unknown_population_codes == ["0682X9999"]
    pop = {a.code: a.population for a in store.areas(kind="deso")}
    assert pop["0682C1010"] == 1234 and pop["0682C1040"] == 1528
    reasons = sorted(r.reason.split(" / ")[0] for r in store.rejected("areas"))
    assert reasons == ["koden matchar inget område", "ogiltig befolkning '-5'",
                       "oläsbart antal 'många'"]


# -- WFS -----------------------------------------------------------------------------------
def test_a_wfs_exception_report_gives_a_clear_message(httpserver, store):
    body = (WFS_DATA / "exception_report.xml").read_bytes()
    httpserver.expect_request("/geoserver/stat/wfs").respond_with_data(
        body, content_type="application/xml")
    url = httpserver.url_for("/geoserver/stat/wfs")
    with pytest.raises(SourceError, match=r"WFS-tjänsten svarade med ett fel "
                                          r"\(InvalidParameterValue\): Feature type "
                                          r"stat:DeSO_2099 unknown"):
        import_areas(store, url, layer_name="stat:DeSO_2099", kommunkod="0682")
    assert store.count("areas") == 0


def test_deso_from_a_wfs(httpserver, store, sample, tmp_path):
    gml = tmp_path / "deso.gml"
    gdal.VectorTranslate(str(gml), str(sample["areas"]), format="GML",
                         layers=["DeSO_2025"],
                         datasetCreationOptions=["FORMAT=GML3.2", "PREFIX=stat",
                                                 "TARGET_NAMESPACE=http://www.scb.se/stat"])
    answers = {"getcapabilities": (WFS_DATA / "capabilities.xml").read_bytes(),
               "describefeaturetype": gml.with_suffix(".xsd").read_bytes(),
               "getfeature": gml.read_bytes()}

    def handler(request):
        args = {k.lower(): v for k, v in request.args.items()}
        return Response(answers[args["request"].lower()], content_type="text/xml")

    httpserver.expect_request("/geoserver/stat/wfs").respond_with_handler(handler)
    result = import_areas(store, httpserver.url_for("/geoserver/stat/wfs"),
                          layer_name="stat:DeSO_2025", kommunkod="0682")
    assert (result.kind, result.new, result.rejected) == ("deso", 31, 0)
    user_agents = {request.headers.get("User-Agent") for request, _ in httpserver.log}
    assert all(ua.startswith("Trygghet-QGIS-plugin/") for ua in user_agents)
    # Axis order (northing first in EPSG:3006 GML) came out right: same as the GeoPackage.
    with open_store(tmp_path / "direct.gpkg") as direct:
        import_areas(direct, str(sample["areas"]), layer_name="DeSO_2025", kommunkod="0682")
        expected = {a.code: ogr.CreateGeometryFromWkb(a.wkb).Centroid().GetPoint_2D()
                    for a in direct.areas(kind="deso")}
    for area in store.areas(kind="deso"):
        got = ogr.CreateGeometryFromWkb(area.wkb).Centroid().GetPoint_2D()
        assert got == pytest.approx(expected[area.code], abs=0.01)


# -- schema --------------------------------------------------------------------------------
def test_a_schema_2_store_upgrades_to_3_keeping_its_data(tmp_path, sample):
    path = tmp_path / "v2.gpkg"
    old = GpkgStore(path, target_version=2)
    assert old.schema_version() == 2
    old._conn.execute("INSERT INTO survey_results (survey, area_code, question, index_value) "
                      "VALUES ('Trygghetsmätning 2023', '0682C1010', 'Klotter', 2.5)")
    old.close()
    with open_store(path) as store:
        assert store.schema_version() == GpkgStore.SCHEMA_VERSION
        (kept,) = store.survey_results()
        assert (kept.index_value, kept.survey_year) == (2.5, None)
        import_areas(store, str(sample["areas"]), layer_name="DeSO_2025", kommunkod="0682")
        assert store.count("police_areas") == 31
        assert store.count("survey_areas") == 1
    ds = ogr.Open(str(path))
    names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    assert {"police_areas", "survey_areas", "survey_comparison_areas", "police_area_counts",
            "survey_comparison"} <= names
    counts = ds.GetLayerByName("police_areas")
    field = counts.GetLayerDefn().GetFieldDefn(counts.GetLayerDefn().GetFieldIndex("events"))
    assert field.GetType() == ogr.OFTInteger64  # a view that keeps its column types
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
