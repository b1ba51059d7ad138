"""Two analysts syncing into one database at the same time neither lose nor duplicate a
report: two syncs at once from a real OGC API - Features server (pygeoapi), and two
processes writing overlapping batches in opposite orders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

from tools.oapif_server import OapifServer
from trygghet_plugin.sources.sync import sync_oapif
from trygghet_plugin.store import open_store
from trygghet_sample import generate
from trygghet_sample.writer import write_reports_geojson

ROOT = Path(__file__).resolve().parents[2]


def source_records(path: Path) -> dict[str, dict]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {f["properties"]["id"]: f["properties"] for f in doc["features"]}


def at_once(work, n: int = 2) -> list:
    """Run ``work(i)`` in ``n`` threads released together; results in order."""
    barrier = threading.Barrier(n)
    results: list = [None] * n
    errors: list = []

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    if errors:
        raise errors[0]
    return results


def test_two_syncs_at_once_take_every_report_once(tmp_path, pg_uri, taxonomy):
    sample = generate(size=2400, seed=7)
    t1 = sample.reports.before_an_edit()
    t2 = t1 + timedelta(days=40)
    data = tmp_path / "reports.geojson"
    write_reports_geojson(data, sample.snapshot(t1))
    open_store(pg_uri).close()  # the schema exists before the two analysts arrive
    with OapifServer(data, "reports", max_items=1000) as server:

        def analyst(i: int):
            with open_store(pg_uri) as store:  # each analyst with their own connection
                return sync_oapif(store, server.url, "reports", limit=400, taxonomy=taxonomy)

        first = at_once(analyst)
        n = len(source_records(data))
        assert sum(r.new for r in first) == n and sum(r.updated for r in first) == 0
        assert all(r.complete for r in first)
        assert_store_equals_source(pg_uri, data)

        # Forty days later: late reports and edits; both sync again at once.
        before = source_records(data)
        write_reports_geojson(data, sample.snapshot(t2))
        after = source_records(data)
        changed = sum(1 for k, v in after.items() if k in before and v != before[k])
        second = at_once(analyst)
        assert sum(r.new for r in second) == len(after) - len(before) > 0
        assert sum(r.updated for r in second) == changed > 0
        assert_store_equals_source(pg_uri, data)


def assert_store_equals_source(uri: str, path: Path) -> None:
    source = source_records(path)
    with open_store(uri) as store:
        stored = [i for i in store.iter_incidents()]
    assert len(stored) == len(source)  # nothing twice
    by_id = {i.source_id: i for i in stored}
    assert by_id.keys() == source.keys()  # nothing lost
    for sid, props in source.items():
        got = by_id[sid]
        assert got.status == props["status"], sid
        assert got.updated_at == datetime.fromisoformat(props["updated_at"]), sid
        assert got.reporter_id == props["reporter_id"], sid


WRITER = """
import json, sys
from datetime import datetime, timedelta, timezone
from trygghet_plugin.domain.incident import Incident, Rejected
from trygghet_plugin.store import open_store
from trygghet_plugin.store.base import SyncState

uri, order = sys.argv[1], sys.argv[2]
t0 = datetime(2026, 5, 1, tzinfo=timezone.utc)
ids = list(range(6000))
if order == "desc":
    ids.reverse()
totals = {"new": 0, "updated": 0, "unchanged": 0, "rejected": 0, "batches": 0}
with open_store(uri) as store:
    for start in range(0, len(ids), 400):
        chunk = ids[start:start + 400]
        incidents = [Incident("reports", f"R{i:05d}", "skadegorelse", 470000.0 + i, 6390000.0,
                              t0 + timedelta(minutes=i), kommunkod="0682") for i in chunk]
        # Both analysts meet the same broken record in every batch.
        bad = [Rejected("reports", '{"id": "BAD"}', "saknar geometri", "BAD")]
        counts = store.write_batch(incidents, bad, SyncState(f"k-{order}", {"at": start}))
        for name in ("new", "updated", "unchanged", "rejected"):
            totals[name] += getattr(counts, name)
        totals["batches"] += 1
print(json.dumps(totals))
"""


def test_two_processes_writing_overlapping_batches_in_opposite_orders(pg_uri, pg_cluster):
    open_store(pg_uri).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, pg_uri, order], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for order in ("asc", "desc")]
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        outputs.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(o["new"] for o in outputs) == 6000  # each record inserted exactly once
    assert sum(o["updated"] for o in outputs) == 0
    assert sum(o["unchanged"] for o in outputs) == 6000  # and met once more, unchanged
    with open_store(pg_uri) as store:
        assert store.count("incidents") == 6000
        (bad,) = store.rejected()
        assert bad.source_id == "BAD"
        times = store._read(f"SELECT times_seen FROM {store.t('rejected')}", many=False)[0]
        assert times == sum(o["batches"] for o in outputs) == 30  # no count lost
        assert {s.source_key for s in store.sync_states()} == {"k-asc", "k-desc"}

