"""Syncing reports from a local pygeoapi (OGR provider over a GeoPackage) into the store vs
``ogr2ogr -f GPKG out.gpkg OAPIF:<url> reports`` from the same server (goal: no slower);
an incremental sync when nothing changed, against pygeoapi (which ignores ``datetime``) and
against pygeoapi + TinyDB (which honours it); peak memory for 20,000 vs 100,000 reports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ratio_line, run_child, size, wait_with_peak

ROOT = Path(__file__).resolve().parent.parent

# One sync in a child process, so its time and peak memory are its own. Prints a JSON line.
CHILD = """
import json, sys, time
from trygghet_plugin.sources.http import make_session
from trygghet_plugin.sources.sync import sync_oapif
from trygghet_plugin.store import open_store

url, store_path = sys.argv[1], sys.argv[2]
session = make_session()
requests_made = []
session.hooks["response"].append(lambda r, *a, **k: requests_made.append(r.url))
started = time.perf_counter()
with open_store(store_path) as store:
    result = sync_oapif(store, url, "reports", session=session, limit=10000)
print(json.dumps({"seconds": time.perf_counter() - started, "requests": len(requests_made),
                  "mode": result.mode, "records": result.records, "new": result.new,
                  "unchanged": result.unchanged, "ignored": result.datetime_ignored,
                  "complete": result.complete}))
"""


def _sync_child(url: str, store: Path) -> tuple[dict, float, float]:
    """(what the child printed, wall seconds, peak RSS in MB) of one sync in a child."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    with open(out, "w") as fh:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", CHILD, url, str(store)], stdout=fh,
                                stderr=subprocess.PIPE, env=env, cwd=ROOT)
        code, peak = wait_with_peak(proc)
        wall = time.perf_counter() - started
    err = proc.stderr.read().decode(errors="replace")
    if code != 0:
        raise RuntimeError(f"sync child failed: {err[-800:]}")
    info = json.loads(out.read_text().strip().splitlines()[-1])
    out.unlink()
    return info, wall, peak


def _write_sources(work: Path, n: int) -> tuple[Path, Path]:
    """The sample's reports as GeoJSON and as a GeoPackage with text timestamps."""
    from osgeo import gdal

    from trygghet_sample import generate
    from trygghet_sample.writer import write_reports_geojson

    geojson = work / f"reports_{n}.geojson"
    write_reports_geojson(geojson, generate(size=n, seed=1).reports)
    gpkg = work / f"reports_{n}.gpkg"
    src = gdal.OpenEx(str(geojson), gdal.OF_VECTOR, open_options=["DATE_AS_STRING=YES"])
    gdal.VectorTranslate(str(gpkg), src, format="GPKG", layerName="reports")
    src = None
    return geojson, gpkg


def main() -> None:
    from tools.oapif_honouring import HonouringOapifServer
    from tools.oapif_server import OapifServer

    n = size(100_000, 10_000)
    small = size(20_000, 2_000)
    work = Path(tempfile.mkdtemp(prefix="bench_sync_"))
    try:
        geojson, gpkg = _write_sources(work, n)
        print(f"{n:,} reports; GeoPackage {gpkg.stat().st_size / 1e6:.0f} MB, served by "
              "pygeoapi 0.21 (OGR provider, max_items 10,000) on 127.0.0.1")
        with OapifServer(gpkg, "reports", max_items=10000) as server:
            peer = run_child(["ogr2ogr", "-f", "GPKG", str(work / "ogr.gpkg"),
                              f"OAPIF:{server.url}", "reports", "-oo", "PAGE_SIZE=10000"])
            store = work / "store.gpkg"
            full, full_wall, full_rss = _sync_child(server.url, store)
            again, again_wall, _ = _sync_child(server.url, store)
        assert full["complete"] and full["new"] == n, full
        print(ratio_line(f"full sync of {n:,} reports (wall, process start included)",
                         full_wall, peer.seconds, "ogr2ogr OAPIF -> GPKG"))
        print(f"  Trygghet: {full['requests']} requests, sync itself {full['seconds']:.2f} s "
              f"({n / full['seconds']:,.0f} reports/s: parse, taxonomy, EPSG:3006, upsert, "
              f"R-tree); peak RSS {full_rss:.0f} MB; ogr2ogr peak RSS {peer.peak_mb:.0f} MB")
        print(f"  incremental sync, nothing changed, pygeoapi (ignores datetime): "
              f"{again_wall:.2f} s wall, sync {again['seconds']:.2f} s, {again['requests']} "
              f"requests, {again['records']:,} records downloaded, {again['unchanged']:,} "
              f"unchanged, datetime ignored detected: {again['ignored']} -> later syncs are "
              "plain full pulls (correct, not faster)")

        # A server that honours datetime: pygeoapi + TinyDB (slow per request, so fewer).
        geojson_small, gpkg_small = _write_sources(work, small)
        with HonouringOapifServer(geojson_small, "reports", max_items=10000) as honouring:
            store_h = work / "store_honouring.gpkg"
            _sync_child(honouring.url, store_h)
            inc, inc_wall, _ = _sync_child(honouring.url, store_h)
        print(f"  incremental sync, nothing changed, pygeoapi + TinyDB (honours datetime), "
              f"{small:,} reports: {inc_wall:.2f} s wall (process start included), sync "
              f"{inc['seconds']:.2f} s, {inc['requests']} request(s), {inc['records']:,} "
              f"records in the overlap window ({inc['mode']})")

        with OapifServer(gpkg_small, "reports", max_items=10000) as server_small:
            _, small_wall, small_rss = _sync_child(server_small.url, work / "store_small.gpkg")
        print(f"  peak RSS of a full sync: {small:,} reports {small_rss:.0f} MB, {n:,} reports "
              f"{full_rss:.0f} MB (x{full_rss / small_rss:.2f} for x{n / small:.0f} reports)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
