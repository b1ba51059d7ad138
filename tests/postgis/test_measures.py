"""Measures in the shared PostGIS store: the same table and the same behaviour as in the
GeoPackage (upsert by id with the rejected records kept, reads by id and status, the latest
evaluation left alone by later edits), an upgrade from schema 6 that keeps every row, and
the Processing algorithms an analyst runs against a PostGIS STORE."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest
from osgeo import ogr

from trygghet_plugin.domain.incident import Rejected
from trygghet_plugin.domain.measure import FINISHED, ONGOING, PLANNED, Measure
from trygghet_plugin.store import StoreError, open_store
from trygghet_plugin.store.postgis import PostgisStore


def wkb(wkt: str) -> bytes:
    return bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb())


SQUARE = wkb("POLYGON ((470000 6390000, 470200 6390000, 470200 6390200, 470000 6390200, "
             "470000 6390000))")
MEASURES = [
    Measure("m-1", "Belysning i parken", "belysning", FINISHED, date(2026, 3, 2),
            date(2026, 3, 13), "Tekniska kontoret", ("vald", "samling"), "Internt: sent",
            "0682", SQUARE),
    Measure("m-2", "Kamera vid stationen", "kamerabevakning", ONGOING, date(2026, 9, 1),
            wkb=wkb("POINT (470100 6390100)"), kommunkod="0682"),
    Measure("m-3", "Patrull längs Storgatan", "narvaro", PLANNED,
            wkb=wkb("LINESTRING (470000 6390000, 470500 6390300)"), kommunkod="0682",
            source="csv"),
]
BAD_ROW = Rejected("measures", "Magi;trollformler;planerad", "Row 4: Unknown type", "f.csv:4")


def story(store) -> list:
    """What the Åtgärder dock and the CSV import do to a store, step by step; the counts
    and the measures as the user sees them after each step."""
    seen = []
    counts = store.upsert_measures(MEASURES, [BAD_ROW])
    seen.append((counts.new, counts.updated, counts.unchanged, counts.rejected))
    store.save_measure_evaluation("m-1", "decreased", 0.6, 0.45, 0.8, -0.3)
    counts = store.upsert_measures(MEASURES)  # the same again: nothing changes
    seen.append((counts.new, counts.updated, counts.unchanged, counts.rejected))
    closed = replace(MEASURES[1], status=FINISHED, end=date(2026, 10, 30), notes="Klart")
    counts = store.upsert_measures([closed])
    seen.append((counts.new, counts.updated, counts.unchanged, counts.rejected))
    seen.append([(m.uid, m.status, m.end, m.notes) for m in store.measures(status=FINISHED)])
    seen.append([m.uid for m in store.measures(["m-3", "m-1", "m-9"])])
    (evaluated,) = store.measures(["m-1"])  # later edits left the evaluation as it was
    seen.append((evaluated.verdict, evaluated.effect, evaluated.effect_low,
                 evaluated.effect_high, evaluated.wdq, evaluated.evaluated_at is not None))
    seen.append([(r.source, r.reason) for r in store.rejected("measures")])
    seen.append((store.delete_measure("m-3"), store.delete_measure("m-3")))  # the dock's Ta bort
    return seen


def test_postgis_keeps_measures_as_the_geopackage_does(pg_store, tmp_path, clock_at):
    clock_at(datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc))
    with open_store(tmp_path / "m.gpkg") as gpkg:
        expected = story(gpkg)
        in_gpkg = gpkg.measures()
    assert story(pg_store) == expected
    assert expected[:3] == [(3, 0, 0, 1), (0, 0, 3, 0), (0, 1, 0, 0)]
    assert expected[3] == [("m-1", FINISHED, date(2026, 3, 13), "Internt: sent"),
                           ("m-2", FINISHED, date(2026, 10, 30), "Klart")]
    assert expected[4] == ["m-1", "m-3"]
    assert expected[5] == ("decreased", 0.6, 0.45, 0.8, -0.3, True)
    assert pg_store.measures() == in_gpkg  # every field, the places (polygon, point, line)
    assert expected[7] == (True, False)
    assert pg_store.count("measures") == 2


def test_a_measure_with_an_unreadable_place_is_refused_with_a_message(pg_store):
    broken = replace(MEASURES[0], wkb=b"\x01\x03\x00")
    with pytest.raises(StoreError, match="m-1"):
        pg_store.upsert_measures([broken])
    assert pg_store.count("measures") == 0


def test_a_store_of_version_6_keeps_its_rows_and_gets_the_measures(pg_uri, fill_store):
    old = PostgisStore(pg_uri, target_version=6)
    try:
        fill_store(old)
        assert old.schema_version() == 6
        before = {t: old.count(t) for t in ("incidents", "areas", "survey_results",
                                            "rejected")}
        incidents = sorted(old.iter_incidents(), key=lambda i: i.uid)
    finally:
        old.close()
    with open_store(pg_uri) as store:
        assert store.schema_version() == 7
        assert {t: store.count(t) for t in before} == before
        assert sorted(store.iter_incidents(), key=lambda i: i.uid) == incidents
        assert store.measures() == []
        assert store.upsert_measures(MEASURES).new == 3
        assert [m.uid for m in store.measures()] == ["m-1", "m-2", "m-3"]


def test_the_measure_algorithms_work_on_a_postgis_store(pg_uri, qgis_processing, tmp_path):
    import processing

    from trygghet_plugin.plugin import TrygghetPlugin

    plugin = TrygghetPlugin(None)
    plugin.initProcessing()
    try:
        out = processing.run("trygghet:addmeasure", {
            "STORE": pg_uri, "TITLE": "Belysning längs Storgatan", "TYPE": "Belysning",
            "STATUS": "pågående", "START": "2026-05-04", "ORGANISATION": "Gatuavdelningen",
            "CATEGORIES": "Skadegörelse", "KOMMUNKOD": "0682"})
        assert out["NEW"] == 1
        source = tmp_path / "atgarder.csv"
        source.write_text("Titel;Typ;Status;Startdatum;Slutdatum;x;y\n"
                          "Röjning vid skolan;beskärning;avslutad;2026-02-02;2026-02-20;"
                          "481500;6390400\n"
                          "Magi;trollformler;planerad;;;481000;6390000\n", encoding="utf-8")
        out = processing.run("trygghet:importmeasures", {"STORE": pg_uri, "INPUT": str(source)})
        assert (out["NEW"], out["REJECTED"]) == (1, 1)
    finally:
        plugin.unload()
    with open_store(pg_uri) as store:
        assert sorted((m.title, m.type, m.status) for m in store.measures()) == [
            ("Belysning längs Storgatan", "belysning", ONGOING),
            ("Röjning vid skolan", "beskarning", FINISHED)]
        assert [r.source for r in store.rejected()] == ["measures"]


def test_a_sync_puts_the_services_measures_in_the_postgis_store(pg_uri, tmp_path):
    from trygghet_plugin.sources.exportfile import sync_file

    path = tmp_path / "export.csv"
    path.write_text("id;category;subcategory;occurred_at;status;lat;lon\n"
                    "1;Klotter;;2026-05-04 08:00;open;57.6531;14.6968\n"
                    "2;Insats;Belysning;2026-05-04 09:00;pågående;57.6520;14.6940\n"
                    "3;Insats;Magi;2026-05-04 09:00;open;57.6520;14.6940\n",
                    encoding="utf-8")
    with open_store(f"{pg_uri}&kommun=0682") as store:
        result = sync_file(store, path)
        assert (result.new, result.rejected, result.measures.new) == (1, 1, 1)
        (lighting,) = store.measures()
        assert (lighting.uid, lighting.type, lighting.kommunkod) == ("reports:2", "belysning",
                                                                     "0682")
        assert "Magi" in store.rejected()[0].reason
