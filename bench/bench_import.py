"""Importing a 1,000,000-line export CSV (Swedish Excel style: ``;``, decimal commas) into the
store vs ``ogr2ogr -f GPKG`` of the same file: time and each process's own peak memory
(goal: flat memory, < 300 MB). Then the property-based test of the importers with many more
examples than ``make test`` runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import ratio_line, run_child, size, wait_with_peak

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, sys, time
from trygghet_plugin.sources.exportfile import sync_file
from trygghet_plugin.store import open_store

path, store_path = sys.argv[1], sys.argv[2]
started = time.perf_counter()
with open_store(store_path) as store:
    result = sync_file(store, path)
print(json.dumps({"seconds": time.perf_counter() - started, "new": result.new,
                  "rejected": result.rejected, "complete": result.complete}))
"""

CATEGORIES = ("Klotter", "Nedskräpning", "Skadegörelse", "Belysning", "Hundbajs")


def write_csv(path: Path, n: int) -> None:
    """``n`` reports around Nässjö, written in blocks (the bench itself stays small)."""
    rng = np.random.default_rng(1)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("Ärende;Händelsetyp;Tidpunkt;Lat;Lon;Beskrivning\r\n")
        for lo in range(0, n, 100_000):
            m = min(100_000, n - lo)
            lat = 57.60 + rng.random(m) * 0.1
            lon = 14.60 + rng.random(m) * 0.2
            day = rng.integers(0, 365, m)
            cat = rng.integers(0, len(CATEGORIES), m)
            fh.write("".join(
                f"{lo + i};{CATEGORIES[cat[i]]};2025-{1 + day[i] // 31:02d}-"
                f"{1 + day[i] % 28:02d} 21:14;{lat[i]:.6f}".replace(".", ",")
                + f";{lon[i]:.6f}".replace(".", ",") + ";Rapport\r\n"
                for i in range(m)))


def main() -> None:
    n = size(1_000_000, 20_000)
    work = Path(tempfile.mkdtemp(prefix="bench_import_"))
    try:
        csv_path = work / "export.csv"
        write_csv(csv_path, n)
        print(f"{n:,} lines, {csv_path.stat().st_size / 1e6:.0f} MB CSV")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        out = work / "child.json"
        with open(out, "w") as fh:
            started = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", CHILD, str(csv_path),
                                     str(work / "store.gpkg")], stdout=fh,
                                    stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
            code, peak = wait_with_peak(proc)
            wall = time.perf_counter() - started
        if code != 0:
            raise RuntimeError("the import child failed")
        info = json.loads(out.read_text().strip().splitlines()[-1])
        assert info["complete"] and info["new"] == n, info
        peer = run_child(["ogr2ogr", "-f", "GPKG", str(work / "ogr.gpkg"), str(csv_path),
                          "-oo", "X_POSSIBLE_NAMES=Lon",
                          "-oo", "Y_POSSIBLE_NAMES=Lat", "-s_srs", "EPSG:4326",
                          "-t_srs", "EPSG:3006", "-nln", "reports"])
        print(ratio_line(f"import of {n:,} CSV lines (wall, process start included)", wall,
                         peer.seconds, "ogr2ogr CSV -> GPKG"))
        print(f"  peak memory of the process itself: Trygghet {peak:.0f} MB, ogr2ogr "
              f"{peer.peak_mb:.0f} MB; import itself {info['seconds']:.1f} s "
              f"({n / info['seconds']:,.0f} lines/s: parse, taxonomy, EPSG:3006, upsert)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    examples = size(1000, 50)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/unit/test_importers_property.py"], cwd=ROOT,
                          env={**os.environ, "TRYGGHET_HYPOTHESIS_EXAMPLES": str(examples)},
                          capture_output=True, text=True)
    last = (done.stdout.strip().splitlines() or ["?"])[-1]
    print(f"  property-based test of every importer, {examples:,} examples each: {last} "
          f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
