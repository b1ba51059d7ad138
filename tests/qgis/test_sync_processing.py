"""trygghet:syncreports in-process for the three source types, a saved connection, and
parameter mistakes as messages."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException

from trygghet_plugin.sources.connection_store import ConnectionStore
from trygghet_plugin.sources.connections import Connection


@pytest.fixture
def export_csv(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("Ärende;Händelsetyp;Tidpunkt;Lat;Lon\r\n"
                     "1;Klotter;7.6.2025 21:14;57,6531;14,6968\r\n"
                     "2;Nedskräpning;2025-06-08 kl. 08.00;57,6540;14,6950\r\n"
                     "3;Klotter;2025-06-08;48,85;2,35\r\n".encode("cp1252"))
    return path


def test_sync_an_export_file(provider_loaded, export_csv, tmp_path):
    import processing

    store = tmp_path / "nassjo.gpkg"
    params = {"SOURCE": "file", "FILE": str(export_csv), "STORE": str(store)}
    out = processing.run("trygghet:syncreports", params)
    assert (out["NEW"], out["REJECTED"], out["TOTAL"]) == (2, 1, 2)
    again = processing.run("trygghet:syncreports", params)
    assert (again["NEW"], again["UPDATED"]) == (0, 0)


def test_sync_a_saved_connection_with_its_mapping(provider_loaded, tmp_path):
    import processing

    path = tmp_path / "egen.csv"
    path.write_text("Löpnr;Vad;När;Lat;Lon\n9;Klotter;2025-06-07 21:14;57.6531;14.6968\n",
                    encoding="utf-8")
    connections = ConnectionStore()
    saved = Connection(name="Egen export", kind="file", file=str(path),
                       mapping={"id": "Löpnr", "category": "Vad", "occurred_at": "När"})
    connections.save(saved)
    try:
        out = processing.run("trygghet:syncreports", {
            "CONNECTION": "Egen export", "STORE": str(tmp_path / "s.gpkg")})
    finally:
        connections.remove(saved.id)
    assert out["NEW"] == 1


@pytest.mark.parametrize("params,message", [
    ({"SOURCE": "file", "FILE": "/no/such/file.csv"}, "finns inte"),
    ({"SOURCE": "file", "FILE": ""}, "Välj en exportfil"),
    ({"SOURCE": "oapif", "URL": "https://x.example.se/api?token=abc"}, "nyckel"),
    ({"SOURCE": "file", "FILE": "x.csv", "MAPPING": "{id: Ärende"}, "MAPPING är inte giltig"),
    ({"CONNECTION": "Finns inte"}, "Ingen sparad anslutning"),
])
def test_mistakes_are_messages(provider_loaded, tmp_path, params, message):
    import processing

    with pytest.raises(QgsProcessingException, match=message):
        processing.run("trygghet:syncreports", {**params, "STORE": str(tmp_path / "s.gpkg")})
