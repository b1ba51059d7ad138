"""Measures in the GeoPackage store: the table a schema-5 store gets by migration, upserts,
and a layer any GIS opens (points, lines and polygons side by side)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from osgeo import ogr

from trygghet_plugin.domain.incident import Incident
from trygghet_plugin.domain.measure import FINISHED, ONGOING, Measure, MeasureTypes, status_code
from trygghet_plugin.store import open_store
from trygghet_plugin.store.gpkg import GpkgStore

SQUARE = "POLYGON ((470000 6390000, 470200 6390000, 470200 6390200, 470000 6390200, " \
         "470000 6390000))"


def wkb(wkt: str) -> bytes:
    return bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb())


def lighting(**kw) -> Measure:
    values = dict(uid="m-1", title="Ny belysning i Stadsparken", type="belysning",
                  status=FINISHED, start=date(2026, 3, 2), end=date(2026, 3, 13),
                  organisation="Nässjö kommun – gatuavdelningen",
                  categories=("skadegorelse", "samling"), notes="Kontakt: Anna",
                  kommunkod="0682", wkb=wkb(SQUARE))
    values.update(kw)
    return Measure(**values)


def test_a_schema_5_store_gets_a_measures_layer_and_keeps_its_incidents(tmp_path):
    path = tmp_path / "v5.gpkg"
    with GpkgStore(path, target_version=5) as old:
        old.write_batch([Incident("reports", "R1", "samling", 470000.0, 6390000.0,
                                  datetime(2026, 5, 1, 20, 0, tzinfo=timezone.utc))])
        assert old.schema_version() == 5
    with open_store(path) as store:
        assert store.schema_version() == 6
        assert store.count("incidents") == 1
        assert store.count("measures") == 0
    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName("measures")
    assert layer is not None
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "3006"
    assert layer.GetGeomType() == ogr.wkbUnknown  # any geometry type
    defn = layer.GetLayerDefn()
    assert defn.GetFieldDefn(defn.GetFieldIndex("start_date")).GetType() == ogr.OFTDate


def test_measures_of_every_geometry_are_stored_read_back_and_opened_by_ogr(tmp_path):
    path = tmp_path / "m.gpkg"
    camera = lighting(uid="m-2", title="Kamera vid resecentrum", type="kamerabevakning",
                      status=ONGOING, end=None, categories=(), notes=None,
                      wkb=wkb("POINT (470100 6390100)"))
    path_lit = lighting(uid="m-3", title="Belyst gångväg", wkb=wkb(
        "LINESTRING (470000 6390000, 470300 6390050)"))
    with open_store(path) as store:
        counts = store.upsert_measures([lighting(), camera, path_lit])
        assert (counts.new, counts.updated, counts.unchanged) == (3, 0, 0)
        again = store.upsert_measures([lighting(), lighting(uid="m-2", title="Kamera",
                                                            wkb=camera.wkb)])
        assert (again.new, again.updated, again.unchanged) == (0, 1, 1)
        back = {m.uid: m for m in store.measures()}
        assert back["m-1"].categories == ("skadegorelse", "samling")
        assert back["m-1"].start == date(2026, 3, 2) and back["m-1"].duration_days == 12
        assert back["m-2"].title == "Kamera"
        assert [m.uid for m in store.measures(status=FINISHED)] == ["m-1", "m-2", "m-3"]
        assert [m.uid for m in store.measures(["m-3"])] == ["m-3"]
        store.save_measure_evaluation("m-1", "decreased", 0.6, 0.45, 0.8, -0.3)
        # Editing a measure leaves its evaluation in place.
        store.upsert_measures([lighting(title="Ny belysning i Stadsparken (etapp 1)")])
        (m1,) = store.measures(["m-1"])
        assert (m1.verdict, m1.effect, m1.wdq) == ("decreased", 0.6, -0.3)
        assert m1.title.endswith("(etapp 1)")
    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName("measures")
    kinds = sorted(ogr.GeometryTypeToName(f.GetGeometryRef().GetGeometryType())
                   for f in layer)
    assert kinds == ["Line String", "Point", "Polygon"]


def test_the_measure_taxonomy_knows_swedish_and_english_words():
    types = MeasureTypes.load()
    assert list(types.types) == ["belysning", "beskarning", "kamerabevakning", "stadning",
                                 "narvaro", "ombyggnad", "dialog", "annat"]
    assert types.code("Städning/klotterborttagning") == "stadning"
    assert types.code("patrullering") == "narvaro"
    assert types.code("CCTV") == "kamerabevakning"
    assert types.code("trollformler") is None
    assert types.label("dialog") == "Dialog/medborgarlöfte"
    assert status_code("Pågående") == ONGOING and status_code("done") == FINISHED
    assert status_code("kanske") is None


def test_a_copy_carries_the_measures_with_their_evaluation(tmp_path):
    from trygghet_plugin.store.copy import copy_store

    with open_store(tmp_path / "a.gpkg") as a, open_store(tmp_path / "b.gpkg") as b:
        a.upsert_measures([lighting(), lighting(uid="m-2", wkb=None, status=ONGOING,
                                                end=None)])
        a.save_measure_evaluation("m-1", "decreased", 0.6, 0.45, 0.8, -0.3)
        result = copy_store(a, b)
        assert result.tables["measures"].new == 2
        assert [(m.uid, m.verdict, m.wkb) for m in b.measures()] == \
            [(m.uid, m.verdict, m.wkb) for m in a.measures()]
        assert copy_store(a, b).tables["measures"].unchanged == 2


def test_a_measure_is_deleted_by_its_id(tmp_path):
    with open_store(tmp_path / "m.gpkg") as store:
        store.upsert_measures([lighting(), lighting(uid="m-2", title="Kamera")])
        assert store.delete_measure("m-1") is True
        assert store.delete_measure("m-1") is False  # already gone
        assert [m.uid for m in store.measures()] == ["m-2"]


def test_an_unreadable_place_is_a_message_with_or_without_ogr_exceptions(tmp_path):
    """Bytes that are no geometry: the store and the CSV import's check say so in words,
    whether or not some other code switched OGR's exceptions on (in a child Python: the
    switch cannot be undone in this one)."""
    from trygghet_plugin.jobs.measures import MeasureError, check_geometry
    from trygghet_plugin.store import StoreError

    with pytest.raises(MeasureError, match="oläslig"):
        check_geometry(JUNK)
    with open_store(tmp_path / "s.gpkg") as store, \
            pytest.raises(StoreError, match="inte går att läsa"):
        store.upsert_measures([lighting(wkb=JUNK)])
    child = subprocess.run([sys.executable, "-c", f"""
from osgeo import ogr
ogr.UseExceptions()
from trygghet_plugin.jobs.measures import MeasureError, check_geometry
from trygghet_plugin.store import StoreError, open_store
try:
    check_geometry({JUNK!r})
except MeasureError:
    print("words")
"""], capture_output=True, text=True, cwd=Path(__file__).parents[2], timeout=120)
    assert child.stdout.strip() == "words", child.stderr[-2000:]


JUNK = b"\x01\x03\x00\x00\x00\xff\xff"
