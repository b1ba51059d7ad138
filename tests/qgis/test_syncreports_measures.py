"""Measures that arrive from the collection service: its users register insatser beside the
events, with the category "Insats" (a measure category of the taxonomy) and the type as the
subcategory. trygghet:syncreports against a real OGC API – Features server (pygeoapi on
127.0.0.1) puts them in the measures table, the reports in the incidents, and keeps every
record that cannot be a measure among the rejected ones with its reason."""

from __future__ import annotations

import json
from datetime import date

import pytest
from qgis.core import QgsProcessingFeedback

from tools.oapif_server import OapifServer
from trygghet_plugin.store import open_store


class Said(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info):
        self.lines.append(info)


def feature(n: int, lon: float, lat: float, **props) -> dict:
    base = {"id": str(n), "occurred_at": "2026-05-04T08:00:00Z",
            "reported_at": "2026-05-04T09:00:00Z", "updated_at": "2026-05-04T09:00:00Z",
            "status": "open"}
    return {"type": "Feature", "id": str(n), "geometry": {"type": "Point",
                                                          "coordinates": [lon, lat]},
            "properties": {**base, **props}}


RECORDS = [
    feature(1, 14.6968, 57.6531, category="Skadegörelse", subcategory="Klotter"),
    feature(2, 14.6950, 57.6540, category="Nedskräpning"),
    # Measures, as the service's users register them.
    feature(3, 14.6940, 57.6520, category="Insats", subcategory="Belysning",
            status="pågående", reporter_org="Tekniska kontoret",
            description="Ny belysning i gångtunneln\nElektrikern kommer på tisdag"),
    feature(4, 14.6990, 57.6550, category="Insats – Kamerabevakning", status="avslutad",
            occurred_at="2026-03-02T07:00:00Z", updated_at="2026-05-20T12:00:00Z",
            reporter_org="Polisen"),
    feature(5, 14.6900, 57.6500, category="Åtgärd", subcategory="Klotterborttagning",
            status="planerad", occurred_at="2026-06-01T00:00:00+02:00"),
    # Records that cannot be measures.
    feature(6, 14.6910, 57.6510, category="Insats", subcategory="Trollformler"),
    feature(7, 14.6920, 57.6515, category="Insats"),
    feature(8, 14.6930, 57.6518, category="Insats", subcategory="Städning", status="closed",
            occurred_at="2026-05-10T08:00:00Z", updated_at="2026-05-01T08:00:00Z"),
]


@pytest.fixture
def service(tmp_path):
    data = tmp_path / "reports.geojson"
    data.write_text(json.dumps({"type": "FeatureCollection", "features": RECORDS},
                               ensure_ascii=False), encoding="utf-8")
    with OapifServer(data, "reports") as server:
        yield server


def test_measures_from_the_collection_service_land_in_the_measures_table(
        provider_loaded, service, tmp_path):
    import processing

    store = tmp_path / "nassjo.gpkg"
    params = {"SOURCE": "oapif", "URL": service.url, "COLLECTION": "reports",
              "STORE": str(store)}
    said = Said()
    out = processing.run("trygghet:syncreports", params, feedback=said)
    assert (out["NEW"], out["REJECTED"]) == (2, 3)  # two reports; three measures refused
    assert (out["MEASURES_NEW"], out["MEASURES_UPDATED"]) == (3, 0)
    summary = " ".join(said.lines)
    assert "Åtgärder: 3 nya, 0 ändrade, 0 oförändrade, 3 avvisade" in summary, summary
    with open_store(store) as s:
        assert s.count("incidents") == 2  # the measures are not incidents
        measures = {m.uid: m for m in s.measures()}
        rejected = {r.source_id: r.reason for r in s.rejected()}
    assert sorted(measures) == ["reports:3", "reports:4", "reports:5"]
    lighting, camera, cleanup = (measures[f"reports:{n}"] for n in (3, 4, 5))
    assert (lighting.title, lighting.type, lighting.status, lighting.start, lighting.end,
            lighting.organisation) == ("Ny belysning i gångtunneln", "belysning", "pagaende",
                                       date(2026, 5, 4), None, "Tekniska kontoret")
    assert lighting.notes.endswith("Elektrikern kommer på tisdag")
    assert (camera.title, camera.type, camera.status, camera.start, camera.end) == (
        "Kamerabevakning", "kamerabevakning", "avslutad", date(2026, 3, 2), date(2026, 5, 20))
    assert (cleanup.type, cleanup.status, cleanup.start) == ("stadning", "planerad",
                                                             date(2026, 6, 1))
    assert all(m.wkb and m.source == "reports" for m in measures.values())
    assert "okänd typ av åtgärd 'Trollformler'" in rejected["6"]
    assert "ingen typ av åtgärd" in rejected["7"]
    assert "slutar (2026-05-01) innan den börjar (2026-05-10)" in rejected["8"]

    again = processing.run("trygghet:syncreports", params, feedback=(said := Said()))
    assert (again["NEW"], again["UPDATED"], again["REJECTED"]) == (0, 0, 3)
    assert "Åtgärder: 0 nya, 0 ändrade, 3 oförändrade" in " ".join(said.lines)
    with open_store(store) as s:
        assert len(s.measures()) == 3 and len(s.rejected()) == 3  # kept once, seen twice
