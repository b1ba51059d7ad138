"""Moving a municipality's GeoPackage into the shared PostGIS store and back, without loss:
every table compared record by record, both ways, and the Processing algorithm."""

from __future__ import annotations

import pytest

from trygghet_plugin.store import open_store, schema
from trygghet_plugin.store.copy import copy_store, iter_table


def table_rows(store, table: str) -> list[tuple]:
    return sorted(iter_table(store, table), key=repr)


def assert_same(a, b) -> None:
    """Every data table row by row (every column), and the domain records as callers see
    them."""
    for table in schema.DATA_TABLES:
        assert table_rows(a, table) == table_rows(b, table), table
    assert sorted(a.iter_incidents(), key=lambda i: i.uid) == \
        sorted(b.iter_incidents(), key=lambda i: i.uid)
    assert a.areas() == b.areas()
    assert a.survey_results() == b.survey_results()
    assert a.sync_states() == b.sync_states()
    assert sorted(a.rejected(), key=repr) == sorted(b.rejected(), key=repr)
    assert a.measures() == b.measures() != []  # with their evaluation, when it was made
    for view in ("police_areas", "survey_areas", "survey_comparison_areas"):
        assert a.count(view) == b.count(view), view


def test_geopackage_to_postgis_and_back_without_loss(tmp_path, pg_uri, pg_cluster, fill_store):
    with open_store(tmp_path / "nassjo.gpkg") as gpkg:
        fill_store(gpkg)
        # Bookkeeping the domain records do not carry must travel too.
        gpkg._conn.execute("UPDATE rejected SET times_seen = 3, last_seen = "
                           "'2026-10-01T08:00:00.000Z' WHERE fid = (SELECT min(fid) FROM "
                           "rejected)")
        with open_store(pg_uri) as pg:
            result = copy_store(gpkg, pg)
            assert result.complete
            assert result.tables["incidents"].new == gpkg.count("incidents") > 1000
            assert_same(gpkg, pg)
            again = copy_store(gpkg, pg)
            assert all(c.new == c.updated == 0 for c in again.tables.values())
            with open_store(tmp_path / "back.gpkg") as back:
                copy_store(pg, back)
                assert_same(gpkg, back)
                assert max(r[-1] for r in iter_table(back, "rejected")) == 3


def test_postgis_to_geopackage_and_back_without_loss(tmp_path, pg_cluster, pg_uri, fill_store):
    second = pg_uri.replace("?schema=", "?schema=b_")
    with open_store(pg_uri) as pg, open_store(tmp_path / "out.gpkg") as gpkg, \
            open_store(second) as pg2:
        fill_store(pg)
        copy_store(pg, gpkg)
        assert_same(pg, gpkg)
        copy_store(gpkg, pg2)
        assert_same(pg, pg2)


def test_one_kommun_out_of_a_region_and_into_another_scope(tmp_path, pg_uri, fill_store):
    from dataclasses import replace

    with open_store(f"{pg_uri}&kommun=0682") as nassjo:
        fill_store(nassjo)
        nassjo_count = nassjo.count("incidents")
    with open_store(pg_uri) as whole:
        whole.write_batch([replace(i, source="eksjo", kommunkod="0686")
                           for i in list(whole.iter_incidents())[:50]])
        with open_store(tmp_path / "nassjo.gpkg") as gpkg, \
                open_store(f"{pg_uri}&kommun=0682") as nassjo:
            copy_store(nassjo, gpkg)
            assert gpkg.count("incidents") == nassjo_count
            assert {i.kommunkod for i in gpkg.iter_incidents()} == {"0682"}
        with open_store(f"{pg_uri.replace('?schema=', '?schema=e_')}&kommun=0686") as eksjo:
            result = copy_store(whole, eksjo)
            assert result.tables["incidents"].total == 50
            assert result.tables["incidents"].rejected == nassjo_count
            assert eksjo.count("incidents") == 50


def test_a_store_is_not_copied_onto_itself(pg_store):
    from trygghet_plugin.store import StoreError

    with pytest.raises(StoreError, match="samma"):
        copy_store(pg_store, pg_store)


def test_copystore_algorithm_both_ways(qgis_processing, tmp_path, pg_uri, fill_store):
    import processing
    from qgis.core import QgsProcessingException

    from trygghet_plugin.plugin import TrygghetPlugin

    plugin = TrygghetPlugin(None)
    plugin.initProcessing()
    try:
        source = tmp_path / "nassjo.gpkg"
        with open_store(source) as gpkg:
            fill_store(gpkg)
            incidents = gpkg.count("incidents")
        out = processing.run("trygghet:copystore", {"INPUT": str(source), "OUTPUT": pg_uri})
        assert out["INCIDENTS"] == incidents and out["AREAS"] == 41
        assert out["REJECTED"] > 0 and out["SYNC_STATES"] == 1 and "Kopierat" in out["SUMMARY"]
        assert out["MEASURES"] == 2 and "measures: 2 (2 nya" in out["SUMMARY"]
        back = tmp_path / "back.gpkg"
        out = processing.run("trygghet:copystore", {"INPUT": pg_uri, "OUTPUT": str(back)})
        assert out["ROWS"] > incidents
        with open_store(source) as a, open_store(back) as b:
            assert_same(a, b)
        with pytest.raises(QgsProcessingException, match="finns inte"):
            processing.run("trygghet:copystore", {"INPUT": str(tmp_path / "saknas.gpkg"),
                                                  "OUTPUT": pg_uri})
        assert not (tmp_path / "saknas.gpkg").exists()
    finally:
        plugin.unload()


def test_measures_travel_both_ways_with_their_evaluation(tmp_path, pg_uri, pg_cluster):
    """A GeoPackage's measures (a point, a line, a polygon; one evaluated) into PostGIS and
    back: every column, the evaluation's figures and time included."""
    from datetime import date

    from osgeo import ogr

    from trygghet_plugin.domain.measure import Measure

    def wkb(wkt: str) -> bytes:
        return bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb())

    measures = [
        Measure("m-1", "Belysning i parken", "belysning", "avslutad", date(2026, 3, 2),
                date(2026, 3, 13), "Tekniska kontoret", ("vald",), "Internt", "0682",
                wkb("POLYGON ((470000 6390000, 470200 6390000, 470200 6390200, "
                    "470000 6390000))")),
        Measure("m-2", "Kamera vid stationen", "kamerabevakning", "pagaende",
                date(2026, 9, 1), wkb=wkb("POINT (470100 6390100)")),
        Measure("m-3", "Patrull", "narvaro", "planerad",
                wkb=wkb("LINESTRING (470000 6390000, 470500 6390300)")),
        Measure("m-4", "Dialogmöte", "dialog", "planerad"),  # no place yet
    ]
    with open_store(tmp_path / "m.gpkg") as gpkg, open_store(pg_uri) as pg:
        gpkg.upsert_measures(measures)
        gpkg.save_measure_evaluation("m-1", "decreased", 0.6, 0.45, 0.8, -0.3)
        result = copy_store(gpkg, pg)
        assert result.tables["measures"].new == 4
        assert pg.measures() == gpkg.measures()
        assert pg.measures(["m-1"])[0].verdict == "decreased"
        assert table_rows(pg, "measures") == table_rows(gpkg, "measures")
        assert copy_store(gpkg, pg).tables["measures"].unchanged == 4
        with open_store(tmp_path / "back.gpkg") as back:
            assert copy_store(pg, back).tables["measures"].new == 4
            assert back.measures() == gpkg.measures()
            assert table_rows(back, "measures") == table_rows(gpkg, "measures")
