"""Export files as municipalities get them: CSV (Windows-1252 or UTF-8, ``;`` or ``,``,
decimal commas, Swedish dates), Excel through OGR, GeoJSON; lat/lon or SWEREF 99 TM."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from osgeo import ogr

from trygghet_plugin.domain.timeutil import parse_time
from trygghet_plugin.jobs.sync import run_connection
from trygghet_plugin.sources import exportfile
from trygghet_plugin.sources.connections import Connection
from trygghet_plugin.sources.crs import lonlat_to_sweref
from trygghet_plugin.sources.exportfile import sync_file
from trygghet_plugin.sources.http import SourceError
from trygghet_plugin.sources.records import FieldMapping

# Nässjö centre: lat/lon and the same place in SWEREF 99 TM (N, E).
LAT, LON = 57.6531, 14.6968
((E, N),) = lonlat_to_sweref([(LON, LAT)])


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def stored(store) -> dict:
    return {i.source_id: i for i in store.iter_incidents()}


def sv(number: float) -> str:
    """A number as Swedish Excel writes it: thousands with spaces, decimal comma."""
    whole, frac = f"{number:.2f}".split(".")
    groups = f"{int(whole):,}".replace(",", " ")
    return f"{groups},{frac}"


def test_windows_1252_semicolons_sweref_and_swedish_dates(tmp_path, store):
    path = tmp_path / "rapporter.csv"
    lines = [
        "Ärende;Händelsetyp;Tidpunkt;Rapporterad;Status;Organisation;Beskrivning;N;E",
        f"A-1;Klotter;7.6.2025 21:14;2025-06-08 kl. 08.05;Åtgärdad;Fastighet AB;Tagg på "
        f"vägg;{sv(N)};{sv(E)}",
        f"A-2;Nedskräpning;2025-06-09 kl. 7.30;;Ny;Gatukontoret;Skräp;{sv(N + 50)};"
        f"{sv(E - 20)}",
        f"A-3;Hundbajs;2025-06-10;;;;;{sv(E)};{sv(N)}",  # columns swapped: still taken
        "A-4;Klotter;2025-06-10;;;;;6393000;1402000",  # RT 90: rejected with the reason
        "A-5;Klotter;i förrgår;;;;;6393000;470000",
        f"A-2;Nedskräpning;2025-06-09 kl. 7.30;;Ny;Gatukontoret;Skräp;{sv(N + 50)};"
        f"{sv(E - 20)}",  # an exact copy of a line: read once
    ]
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    result = sync_file(store, path)
    assert result.complete and (result.new, result.rejected) == (3, 2)
    got = stored(store)
    a1 = got["A-1"]
    assert (a1.category, a1.subcategory, a1.status) == ("skadegorelse", "klotter", "closed")
    assert a1.occurred_at == utc(2025, 6, 7, 19, 14) and a1.reported_at == utc(2025, 6, 8, 6, 5)
    assert (round(a1.x, 2), round(a1.y, 2)) == (round(E, 2), round(N, 2))
    assert a1.reporter_org == "Fastighet AB" and a1.description == "Tagg på vägg"
    assert got["A-2"].occurred_at == utc(2025, 6, 9, 5, 30) and got["A-2"].status == "open"
    assert got["A-3"].category == "ovrigt" and result.unknown_categories == {"Hundbajs": 1}
    reasons = {r.source_id: (r.reason, r.raw) for r in store.rejected()}
    assert "RT 90" in reasons["A-4"][0] and "rad 5" in reasons["A-4"][1]
    assert "tid" in reasons["A-5"][0]
    summary = result.summary()
    assert "SWEREF 99 TM (N/E): 4" in summary and "1 rader hade koordinaterna i omvänd" in summary
    assert "1 exakt likadana rader" in summary


def test_utf8_commas_and_lat_lon_with_decimal_commas(tmp_path, store):
    path = tmp_path / "export.csv"
    lat, lon = str(LAT).replace(".", ","), str(LON).replace(".", ",")
    path.write_text("id,kategori,datum,lat,lon,beskrivning\n"
                    f'7,Krossat glas,2025-06-07T21:14:00+02:00,"{lat}","{lon}","Ruta, krossad"\n',
                    encoding="utf-8")
    result = sync_file(store, path)
    assert (result.new, result.rejected) == (1, 0)
    got = stored(store)["7"]
    assert (got.category, got.subcategory) == ("skadegorelse", "krossat_glas")
    assert abs(got.x - E) < 0.01 and abs(got.y - N) < 0.01
    assert got.description == "Ruta, krossad"
    assert "WGS 84 (lat/lon): 1" in result.summary()


def write_xlsx(path, rows):
    ds = ogr.GetDriverByName("XLSX").CreateDataSource(str(path))
    layer = ds.CreateLayer("Rapporter", None, ogr.wkbNone)
    for name, kind in (("Ärendenummer", ogr.OFTString), ("Kategori", ogr.OFTString),
                       ("Händelsetid", ogr.OFTDateTime), ("Latitud", ogr.OFTReal),
                       ("Longitud", ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(("Ärendenummer", "Kategori", "Händelsetid", "Latitud",
                                "Longitud"), values):
            feature.SetField(name, value)
        layer.CreateFeature(feature)
    ds = None


def test_excel_date_cells_through_ogr(tmp_path, store):
    path = tmp_path / "rapporter.xlsx"
    write_xlsx(path, [("X1", "Bristande belysning", "2025/06/07 21:14:00", LAT, LON),
                      ("X2", "Skymd sikt", "2025/01/07 08:00:00", 48.85, 2.35)])
    result = sync_file(store, path)
    assert (result.new, result.rejected) == (1, 1)
    x1 = stored(store)["X1"]
    assert (x1.category, x1.subcategory) == ("otrygg_plats", "belysning")
    assert x1.occurred_at == utc(2025, 6, 7, 19, 14)
    (bad,) = store.rejected()
    assert bad.source_id == "X2" and "inom Sverige" in bad.reason


def test_geojson_export_in_lon_lat_or_sweref(tmp_path, store):
    path = tmp_path / "export.geojson"
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [LON, LAT]},
         "properties": {"id": "G1", "category": "Narkotika", "occurred_at": "2025-06-07"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [E, N]},
         "properties": {"id": "G2", "category": "Bråk", "occurred_at": "2025-06-07"}},
        {"type": "Feature", "geometry": None,
         "properties": {"id": "G3", "category": "Bråk", "occurred_at": "2025-06-07"}},
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}),
                    encoding="utf-8")
    result = sync_file(store, path)
    assert (result.new, result.rejected) == (2, 1)
    got = stored(store)
    assert abs(got["G1"].x - got["G2"].x) < 0.01 and abs(got["G1"].y - got["G2"].y) < 0.01
    assert got["G2"].subcategory == "brak"


def test_own_column_names_through_the_mapping_and_a_clear_error_without(tmp_path, store):
    path = tmp_path / "egen.csv"
    path.write_text("Löpnr;Vad;När;Y;X\n17;Klotter;2025-06-07 21:14;"
                    f"{E:.0f};{N:.0f}\n", encoding="utf-8")
    with pytest.raises(SourceError, match="saknar kolumner för: Id") as info:
        sync_file(store, path)
    assert "Löpnr, Vad, När, Y, X" in str(info.value)
    mapping = FieldMapping(id="Löpnr", category="Vad", occurred_at="När")
    result = sync_file(store, path, mapping=mapping)
    assert result.new == 1
    got = stored(store)["17"]
    assert got.category == "skadegorelse" and round(got.y) == round(N)  # Swedish X = north


def test_an_unchanged_file_is_skipped_and_a_changed_one_updates(tmp_path, store):
    path = tmp_path / "r.csv"
    head = "id;kategori;tidpunkt;status;lat;lon\n"
    path.write_text(head + f"1;Klotter;2025-06-07 21:14;ny;{LAT};{LON}\n", encoding="utf-8")
    connection = Connection(name="Export", kind="file", file=str(path))
    assert run_connection(connection, store).new == 1
    again = run_connection(connection, store)
    assert again.complete and again.pages == 0 and "oförändrad" in again.summary()
    path.write_text(head + f"1;Klotter;2025-06-07 21:14;stängd;{LAT};{LON}\n"
                    f"2;Skräp;2025-06-08 10:00;ny;{LAT};{LON}\n", encoding="utf-8")
    changed = run_connection(connection, store)
    assert (changed.new, changed.updated) == (1, 1)
    assert stored(store)["1"].status == "closed"


def test_a_stopped_import_continues_with_the_same_file(tmp_path, store, monkeypatch):
    monkeypatch.setattr(exportfile, "BATCH_ROWS", 10)
    path = tmp_path / "r.csv"
    rows = [f"{n};Klotter;2025-06-{1 + n % 28:02d} 12:00;{LAT};{LON}" for n in range(35)]
    path.write_text("id;kategori;tidpunkt;lat;lon\n" + "\n".join(rows), encoding="utf-8")
    first = sync_file(store, path, feedback=lambda pages, records, matched: pages < 2)
    assert not first.complete and store.count("incidents") == 20
    rest = sync_file(store, path)
    assert rest.resumed and rest.complete and rest.new == 15
    assert set(stored(store)) == {str(n) for n in range(35)}


@pytest.mark.parametrize("text,expected", [
    ("2025/06/07 21:14:00", "2025-06-07T19:14:00+00:00"),  # Excel date cell through OGR
    ("2025/06/07", "2025-06-06T22:00:00+00:00"),
    ("2025-06-07 kl. 21.14", "2025-06-07T19:14:00+00:00"),
    ("7.6.2025 kl 21.14", "2025-06-07T19:14:00+00:00"),
    ("07/06/2025 21:14:05", "2025-06-07T19:14:05+00:00"),
])
def test_swedish_and_excel_time_forms(text, expected):
    assert parse_time(text).astimezone(timezone.utc).isoformat() == expected
