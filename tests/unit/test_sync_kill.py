"""A sync killed with SIGKILL anywhere, or cut off from its server, and run again, ends with
exactly the source's reports: none lost, none twice, every field as the source has it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from tools.oapif_server import OapifServer
from tools.slow_proxy import SlowProxy
from trygghet_plugin.sources.crs import lonlat_to_sweref
from trygghet_plugin.sources.http import SourceError, make_session
from trygghet_plugin.sources.sync import oapif_source_key, sync_oapif
from trygghet_plugin.store import open_store
from trygghet_sample import generate
from trygghet_sample.writer import write_reports_geojson

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 200
CHILD = """
import sys
from trygghet_plugin.sources.sync import sync_oapif
from trygghet_plugin.store import open_store

url, store_path, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])

def progress(pages, records, matched):
    print(f"page {pages}", flush=True)
    return True

with open_store(store_path) as store:
    result = sync_oapif(store, url, "reports", limit=limit, feedback=progress)
print("complete" if result.complete else "stopped", flush=True)
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """About 2,500 reports at a moment when some have been edited, behind a slow proxy."""
    sample = generate(size=3000, seed=17)
    when = datetime(2026, 6, 1, tzinfo=timezone.utc)
    data = tmp_path_factory.mktemp("kill") / "reports.geojson"
    n = write_reports_geojson(data, sample.snapshot(when))
    with OapifServer(data, "reports", max_items=1000) as server, \
            SlowProxy(server.url, delay=0.05) as proxy:
        yield proxy, data, n


def run_child(url: str, store_path: Path, *, kill_after_page: int | None = None,
              delay: float = 0.0) -> str:
    """Run the sync in its own process; with ``kill_after_page``, SIGKILL it ``delay``
    seconds after it reported that page as written. Returns how it ended."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, url, str(store_path), str(LIMIT)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=ROOT)
    try:
        for line in proc.stdout:
            if kill_after_page is not None and line.strip() == f"page {kill_after_page}":
                time.sleep(delay)
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=30)
                return "killed"
            if line.strip() in ("complete", "stopped"):
                proc.wait(timeout=30)
                return line.strip()
        proc.wait(timeout=30)
        raise AssertionError(f"child ended without a result: {proc.stderr.read()[-2000:]}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def assert_store_is_exactly_the_source(store_path: Path, data: Path, taxonomy) -> None:
    features = json.loads(data.read_text(encoding="utf-8"))["features"]
    lonlat = [tuple(f["geometry"]["coordinates"]) for f in features]
    points = dict(zip((f["properties"]["id"] for f in features), lonlat_to_sweref(lonlat)))
    with open_store(store_path, create=False) as store:
        rows = list(store.iter_incidents())
        assert store.count("rejected") == 0
    ids = [i.source_id for i in rows]
    assert len(ids) == len(set(ids)), "a report is stored twice"
    stored = {i.source_id: i for i in rows}
    source = {f["properties"]["id"]: f["properties"] for f in features}
    assert stored.keys() == source.keys(), (
        f"missing {sorted(source.keys() - stored.keys())[:5]}, "
        f"extra {sorted(stored.keys() - source.keys())[:5]}")
    for sid, props in source.items():
        got = stored[sid]
        expected = taxonomy.classify(props["category"], props["subcategory"])
        assert (got.category, got.subcategory) == (expected.category, expected.subcategory)
        assert got.status == props["status"]
        for name in ("occurred_at", "reported_at", "updated_at"):
            assert getattr(got, name) == datetime.fromisoformat(props[name]), (sid, name)
        assert (got.reporter_org, got.description) == (props["reporter_org"],
                                                       props["description"])
        x, y = points[sid]
        assert abs(got.x - x) < 1e-6 and abs(got.y - y) < 1e-6
    conn = sqlite3.connect(store_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


@pytest.mark.parametrize("page,delay", [(1, 0.0), (3, 0.02), (6, 0.07), (-1, 0.0)],
                         ids=["after-page-1", "in-page-4", "in-page-7", "before-the-end"])
def test_killed_then_run_again_gives_exactly_the_source(source, tmp_path, taxonomy, page,
                                                        delay):
    proxy, data, n = source
    pages = -(-n // LIMIT)
    page = pages - 1 if page < 0 else page
    store_path = tmp_path / "store.gpkg"
    open_store(store_path).close()
    assert run_child(proxy.url, store_path, kill_after_page=page, delay=delay) == "killed"
    with open_store(store_path) as store:
        assert page * LIMIT <= store.count("incidents") < n
        state = store.sync_state(oapif_source_key(proxy.url, "reports"))
        assert state.cursor["resume_url"]  # the kill left a place to go on from
    assert run_child(proxy.url, store_path) == "complete"
    assert_store_is_exactly_the_source(store_path, data, taxonomy)


def test_killed_again_and_again_still_ends_exactly_with_the_source(source, tmp_path,
                                                                   taxonomy):
    proxy, data, _ = source
    store_path = tmp_path / "store.gpkg"
    open_store(store_path).close()
    rng = np.random.default_rng(5)
    for page in (2, 1, 3):  # each run goes on from where the last one was killed
        assert run_child(proxy.url, store_path, kill_after_page=page,
                         delay=float(rng.uniform(0, 0.08))) == "killed"
    assert run_child(proxy.url, store_path) == "complete"
    assert_store_is_exactly_the_source(store_path, data, taxonomy)


def test_a_dropped_connection_fails_clearly_and_the_next_run_completes(source, tmp_path,
                                                                       taxonomy):
    proxy, data, n = source
    store_path = tmp_path / "store.gpkg"
    proxy.requests = 0
    proxy.cut_from(5)
    try:
        with open_store(store_path) as store, \
                pytest.raises(SourceError, match="Kunde inte ansluta|svarade inte|fel"):
            sync_oapif(store, proxy.url, "reports", limit=LIMIT,
                       session=make_session(retries=1, backoff=0.01))
        with open_store(store_path) as store:
            assert 0 < store.count("incidents") < n
    finally:
        proxy.heal()
    with open_store(store_path) as store:
        result = sync_oapif(store, proxy.url, "reports", limit=LIMIT)
        assert result.resumed and result.complete
    assert_store_is_exactly_the_source(store_path, data, taxonomy)
