"""Geocoded police crime exports: CSV (Windows-1252, semicolons, decimal commas), .xlsx and
GeoJSON, SWEREF 99 TM or WGS 84, public space only."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from osgeo import ogr

from trygghet_plugin.sources.crs import sweref_to_lonlat
from trygghet_plugin.sources.http import SourceError
from trygghet_plugin.sources.kommuner import registry
from trygghet_plugin.sources.police_exports import PlaceRule, import_export

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "police_exports"
CP1252 = EXPORTS / "brott_sweref_cp1252.csv"

# Three crimes in central Nässjö, SWEREF 99 TM (easting, northing).
POINTS = [(481905.1, 6390130.2), (481850.9, 6390201.7), (481497.7, 6389786.9)]


def reasons(store) -> list[str]:
    return sorted(r.reason.split(": ", 1)[1].split(" / ")[0] for r in store.rejected("police"))


def test_a_windows_1252_export_with_northing_in_x_keeps_public_space_only(store):
    result = import_export(store, CP1252, kommun=registry().resolve("0682"))
    assert result.system == "SWEREF 99 TM"
    assert (result.read, result.new, result.rejected, result.not_public) == (9, 4, 5, 2)
    assert "1 tomma rader och 1 dubbletter" in result.summary()
    crimes = {i.source_id: i for i in store.iter_incidents()}
    assert set(crimes) == {"export:5000-K100-25", "export:5000-K101-25", "export:5000-K102-25",
                           "export:5000-K107-25"}
    first = crimes["export:5000-K100-25"]
    assert (first.x, first.y) == pytest.approx((481905.1, 6390130.2))
    assert first.uid == "police:export:5000-K100-25"
    assert first.location_precision == "exact" and first.kommunkod == "0682"
    summer = timezone(timedelta(hours=2))
    assert first.occurred_at == datetime(2025, 5, 3, 23, 15, tzinfo=summer)
    assert crimes["export:5000-K101-25"].occurred_at == datetime(2025, 5, 4, 21, 40,
                                                                 tzinfo=summer)  # "2140"
    cats = {k: (v.category, v.subcategory) for k, v in crimes.items()}
    assert cats == {"export:5000-K100-25": ("vald", "misshandel"),
                    "export:5000-K101-25": ("skadegorelse", "klotter"),
                    "export:5000-K102-25": ("stold", "stold_ovrig"),
                    "export:5000-K107-25": ("ordningsstorning", "brak")}
    assert reasons(store) == [
        "inte allmän plats (platstyp 'Bostad')", "inte allmän plats (platstyp 'Butik')",
        "okänd platstyp 'Båtklubb': lägg till den i place_types.json",
        "oläsbar tid 'den sjätte maj 12:00'",
        "saknar koordinater eller ligger utanför Sverige"]
    # No home address is kept: crimes outside public space lose their coordinates.
    private = [r for r in store.rejected("police") if "Bostad" in r.raw]
    assert "6 390 340,9" not in private[0].raw and "Misshandel" in private[0].raw


def test_importing_the_same_export_again_adds_nothing(store):
    import_export(store, CP1252)
    again = import_export(store, CP1252)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 4)
    assert store.count("incidents") == 4
    assert store.count("rejected") == 5


def _xlsx(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    ds = ogr.GetDriverByName("XLSX").CreateDataSource(str(path))
    layer = ds.CreateLayer("Brott", None, ogr.wkbNone)
    for name in header:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for row in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(header, row):
            feature.SetField(name, value)
        layer.CreateFeature(feature)
    ds = None
    return path


def test_an_xlsx_export_in_wgs84_lat_lon_is_transformed(store, tmp_path):
    lonlat = sweref_to_lonlat(POINTS)
    rows = [[f"K{n}", "Skadegörelse", f"2025-06-0{n + 1} 22:10", f"{lat:.6f}", f"{lon:.6f}",
             "Allmän plats"] for n, (lon, lat) in enumerate(lonlat)]
    path = _xlsx(tmp_path / "brott.xlsx", ["Händelsenummer", "Brottstyp", "Tidpunkt", "Lat",
                                            "Lon", "Platstyp"], rows)
    result = import_export(store, path)
    assert (result.system, result.new, result.rejected) == ("WGS 84", 3, 0)
    got = sorted((round(i.x), round(i.y)) for i in store.iter_incidents())
    assert got == sorted((round(x), round(y)) for x, y in POINTS)


def test_a_geojson_export_in_sweref_without_crs_is_recognised(store, tmp_path):
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": list(p)},
                 "properties": {"brottskod": "0390", "brottstyp": "Rån", "datum": "2025-07-01",
                                "klockslag": "03:20", "platstyp": "Gata"}}
                for p in POINTS]
    path = tmp_path / "brott.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}),
                    encoding="utf-8")
    result = import_export(store, path)
    assert (result.system, result.new) == ("SWEREF 99 TM", 3)
    # Without an id column the row's content is its id, so a re-import finds it again.
    assert import_export(store, path).unchanged == 3
    assert {(i.category, i.subcategory) for i in store.iter_incidents()} == {("vald", "ran")}


def test_rt90_coordinates_are_refused_with_a_message(store, tmp_path):
    path = tmp_path / "rt90.csv"
    path.write_text("id;brottstyp;datum;x;y;platstyp\n1;Stöld;2025-01-01;6390000;1410000;Gata\n",
                    encoding="utf-8")
    with pytest.raises(SourceError, match="RT 90"):
        import_export(store, path)


def test_missing_columns_are_named(store, tmp_path):
    path = tmp_path / "kort.csv"
    path.write_text("id;brottstyp;datum\n1;Stöld;2025-01-01\n", encoding="utf-8")
    with pytest.raises(SourceError, match="koordinater.*platstyp"):
        import_export(store, path)


def test_crimes_outside_the_kommun_boundary_are_rejected(store):
    boundary = ogr.CreateGeometryFromWkt(
        "POLYGON ((481800 6390100, 482000 6390100, 482000 6390300, 481800 6390300, "
        "481800 6390100))")
    result = import_export(store, CP1252, boundary=boundary)
    assert result.new == 3  # the parking place lies outside this small boundary
    assert "platsen ligger utanför kommunen" in reasons(store)


@pytest.mark.parametrize("place,verdict", [
    ("Gata/torg", "public"), ("GATA, TORG", "public"), ("Park", "public"),
    ("Trapphus i flerfamiljshus", "not_public"), ("Parkering vid bostad", "not_public"),
    ("Busshållplats", "public"), ("Båtklubb", "unknown"), (None, "unknown"),
])
def test_the_place_type_rule(place, verdict):
    assert PlaceRule.load().judge(place) == verdict


def test_broken_rule_and_type_files_are_messages(tmp_path, taxonomy):
    from trygghet_plugin.sources.police_types import PoliceTypeMap

    rules = tmp_path / "place_types.json"
    rules.write_text('{"public": ["gata"], "unknown": "kanske"}', encoding="utf-8")
    with pytest.raises(SourceError, match="place_types.json kunde inte läsas"):
        PlaceRule.load(rules)
    types = tmp_path / "event_types.json"
    types.write_text('{"types": {"Misshandel": "vald/slag"}}', encoding="utf-8")
    with pytest.raises(SourceError, match="'vald/slag' is not a taxonomy code"):
        PoliceTypeMap.load(taxonomy, types)
