"""Importing the whole-country polisen.se feed history (85,011 events, 2022-2026) into the
store vs ``ogr2ogr -f GPKG`` loading the same records, converted to GeoJSON features first
(point = the feed's gps, properties as served). Both run as child processes, so both pay
for starting Python/GDAL; the import itself is timed inside the child as well.

Trygghet does more per record than ogr2ogr: it parses the title's event time, finds the
kommun (also from the title when the feed gives only the län), maps the type onto the
taxonomy, keeps summaries in ``rejected`` with the reason, transforms to EPSG:3006 and
upserts by uid; a second import of the same file adds nothing.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ratio_line, run_child, size

ROOT = Path(__file__).resolve().parent.parent
HISTORY = ROOT / "bench" / "data" / "history_sweden_2022-2026.json.gz"

CHILD = """
import json, sys, time
from trygghet_plugin.sources import polisen
from trygghet_plugin.store import open_store

source, store_path = sys.argv[1], sys.argv[2]
started = time.perf_counter()
with open_store(store_path) as store:
    result = polisen.import_file(store, source)
    total = store.count("incidents")
print(json.dumps({"seconds": time.perf_counter() - started, "read": result.read,
                  "new": result.new, "unchanged": result.unchanged,
                  "rejected": result.rejected, "summaries": result.summaries,
                  "precision": dict(result.precision), "total": total}))
"""


def _import_child(source: Path, store: Path) -> tuple[dict, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(source), str(store)], env=env,
                          cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"import child failed: {proc.stderr[-800:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall


def _as_geojson(events: list[dict], path: Path) -> None:
    features = []
    for e in events:
        location = e.get("location") or {}
        lat, lon = (float(v) for v in str(location.get("gps", "0,0")).split(","))
        features.append({"type": "Feature", "geometry": {"type": "Point",
                                                         "coordinates": [lon, lat]},
                         "properties": {"id": e.get("id"), "datetime": e.get("datetime"),
                                        "name": e.get("name"), "summary": e.get("summary"),
                                        "url": e.get("url"), "type": e.get("type"),
                                        "location_name": location.get("name")}})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                               ensure_ascii=False), encoding="utf-8")


def main() -> None:
    events = json.loads(gzip.decompress(HISTORY.read_bytes()))
    n = size(len(events), 10_000)
    work = Path(tempfile.mkdtemp(prefix="bench_police_"))
    try:
        source = work / "history.json.gz"
        if n == len(events):
            shutil.copy(HISTORY, source)
        else:
            source.write_bytes(gzip.compress(json.dumps(events[:n]).encode("utf-8")))
        geojson = work / "history.geojson"
        _as_geojson(events[:n], geojson)
        print(f"{n:,} polisen.se events (whole country 2022-2026, deduplicated archive)")
        peer = run_child(["ogr2ogr", "-f", "GPKG", str(work / "ogr.gpkg"), str(geojson)])
        store = work / "store.gpkg"
        first, wall = _import_child(source, store)
        again, again_wall = _import_child(source, store)
        assert first["read"] == n and first["new"] + first["rejected"] == n, first
        assert again["new"] == 0 and again["total"] == first["total"], again
        print(ratio_line(f"import of {n:,} events (wall, process start included)", wall,
                         peer.seconds, "ogr2ogr GeoJSON -> GPKG"))
        print(f"  Trygghet: import itself {first['seconds']:.2f} s "
              f"({n / first['seconds']:,.0f} events/s): {first['new']:,} incidents "
              f"(place: {first['precision']}), {first['rejected']:,} rejected of which "
              f"{first['summaries']:,} summaries/notices")
        print(f"  second import of the same file: {again_wall:.2f} s wall, import "
              f"{again['seconds']:.2f} s, {again['new']} new, {again['unchanged']:,} unchanged")
        print(f"  ogr2ogr peak RSS {peer.peak_mb:.0f} MB (reads the GeoJSON, writes "
              f"{n:,} features as they are: no parsing, no taxonomy, no dedup)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
