"""Reading tables as municipalities get them: encodings, delimiters, decimal commas, Excel."""

from __future__ import annotations

import pytest
from osgeo import ogr

from trygghet_plugin.sources.http import SourceError
from trygghet_plugin.sources.tabular import find_column, parse_number, read_table


def test_windows_1252_semicolons_and_decimal_commas(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("Område;Index;Svarande\r\nSödra centrum;2,75;104\r\n;;\r\n"
                     "Råslätt;1,5;88\r\nRåslätt;1,5;88\r\n".encode("cp1252"))
    table = read_table(path)
    assert table.encoding == "cp1252" and table.delimiter == ";"
    assert table.columns == ["Område", "Index", "Svarande"]
    assert [r.values["Område"] for r in table.rows] == ["Södra centrum", "Råslätt"]
    assert (table.empty_rows, table.duplicate_rows) == (1, 1)
    assert parse_number(table.rows[0].values["Index"]) == 2.75
    assert table.rows[1].number == 4


def test_utf8_bom_and_commas(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes('\ufeffid,kategori,beskrivning\n1,Klotter,"Vägg, öst"\n'.encode("utf-8"))
    table = read_table(path)
    assert table.delimiter == "," and table.columns[0] == "id"
    assert table.rows[0].values["beskrivning"] == "Vägg, öst"


def test_xlsx_through_ogr(tmp_path):
    path = tmp_path / "brott.xlsx"
    ds = ogr.GetDriverByName("XLSX").CreateDataSource(str(path))
    layer = ds.CreateLayer("Blad1", None, ogr.wkbNone)
    for name in ("Brottskod", "Datum", "N"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in (("Brottskod", "1201"), ("Datum", "2026-05-01"), ("N", "6 480 000")):
        feature.SetField(name, value)
    layer.CreateFeature(feature)
    ds = None
    table = read_table(path)
    assert table.columns == ["Brottskod", "Datum", "N"]
    assert table.rows[0].values["Brottskod"] == "1201"
    assert parse_number(table.rows[0].values["N"]) == 6480000


@pytest.mark.parametrize("text,value", [("1 234,5", 1234.5), ("-0,25", -0.25), ("7", 7.0),
                                        ("", None), ("6480000.5", 6480000.5)])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_parse_number_refuses_words():
    with pytest.raises(ValueError):
        parse_number("tre")


def test_missing_and_empty_files_have_messages(tmp_path):
    with pytest.raises(SourceError, match="finns inte"):
        read_table(tmp_path / "nope.csv")
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(SourceError, match="tom"):
        read_table(tmp_path / "empty.csv")


def test_find_column_ignores_case_accents_and_punctuation():
    assert find_column(["Område", "Fråga"], "omrade") == "Område"
    assert find_column(["X_koordinat"], "x koordinat", "x") == "X_koordinat"
    assert find_column(["a"], "b") is None
