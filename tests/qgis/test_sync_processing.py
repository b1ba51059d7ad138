"""trygghet:syncreports in-process for the three source types, a saved connection, and
parameter mistakes as messages."""

from __future__ import annotations

import threading
import time

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from tools.oapif_server import OapifServer
from tools.slow_proxy import SlowProxy
from trygghet_plugin.settings import ConnectionStore
from trygghet_plugin.sources.connections import Connection
from trygghet_sample import generate
from trygghet_sample.writer import write_reports_geojson


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


def test_cancel_in_processing_does_not_wait_for_a_server_that_hangs(provider_loaded, tmp_path):
    """Processing's Cancel (the dialog's button, a model's stop) cuts the request in flight:
    the algorithm ends at once with the first page kept, and says the sync stopped."""
    import processing

    data = tmp_path / "reports.geojson"
    write_reports_geojson(data, generate(size=300, seed=4).reports)
    with OapifServer(data, "reports", max_items=100) as server, \
            SlowProxy(server.url) as proxy:
        proxy.stall_matching("offset=")  # the first page comes, then nothing
        feedback = QgsProcessingFeedback()
        log: list[str] = []
        feedback.pushInfo = log.append

        def cancel_after_the_first_page():
            while not any("Sida 1" in line or "Page 1" in line for line in log):
                time.sleep(0.05)
            time.sleep(0.3)  # the next page's request is in flight, unanswered
            feedback.cancel()

        canceller = threading.Thread(target=cancel_after_the_first_page, daemon=True)
        canceller.start()
        started = time.monotonic()
        out = processing.run("trygghet:syncreports", {
            "SOURCE": "oapif", "URL": proxy.url, "COLLECTION": "reports",
            "STORE": str(tmp_path / "s.gpkg")}, feedback=feedback)
        seconds = time.monotonic() - started
        canceller.join(5)
    assert seconds < 10, seconds  # the session would have waited 120 s for the server
    assert out["NEW"] == 100
    assert any("avbruten" in line for line in log), log
