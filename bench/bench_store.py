"""Upserting 1,000,000 incidents into the GeoPackage store vs ogr2ogr loading the same
records from a GeoJSON file into a GeoPackage (goal: at least as fast as ogr2ogr)."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import ratio_line, run_child, size
from trygghet_plugin.domain.incident import to_utc_text
from trygghet_plugin.store import open_store
from trygghet_sample import generate


def write_geojson(path: Path, incidents) -> None:
    """The same records in the store's fields, EPSG:3006, for ogr2ogr."""
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"type":"FeatureCollection","crs":{"type":"name","properties":'
                  '{"name":"urn:ogc:def:crs:EPSG::3006"}},"features":[\n')
        first = True
        for i in incidents:
            props = {"uid": i.uid, "source": i.source, "source_id": i.source_id,
                     "category": i.category, "subcategory": i.subcategory,
                     "occurred_at": to_utc_text(i.occurred_at),
                     "reported_at": to_utc_text(i.reported_at),
                     "updated_at": to_utc_text(i.updated_at), "status": i.status,
                     "reporter_org": i.reporter_org, "description": i.description,
                     "location_precision": i.location_precision, "kommunkod": i.kommunkod}
            feature = {"type": "Feature", "properties": props,
                       "geometry": {"type": "Point", "coordinates": [round(i.x, 3),
                                                                     round(i.y, 3)]}}
            out.write(("" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
            first = False
        out.write("\n]}\n")


def main() -> None:
    n = size(1_000_000, 50_000)
    work = Path(tempfile.mkdtemp(prefix="bench_store_"))
    try:
        sample = generate(size=n, seed=1)
        source = work / "incidents.geojson"
        write_geojson(source, sample.iter_incidents())
        print(f"{n:,} incidents; GeoJSON {source.stat().st_size / 1e6:.0f} MB")

        peer = run_child(["ogr2ogr", "-f", "GPKG", str(work / "ogr.gpkg"), str(source),
                          "-nln", "incidents", "-a_srs", "EPSG:3006"])

        store_path = work / "store.gpkg"
        with open_store(store_path) as store:
            started = time.perf_counter()
            first = store.upsert_incidents(sample.iter_incidents())
            ours = time.perf_counter() - started
            started = time.perf_counter()
            again = store.upsert_incidents(sample.iter_incidents())
            unchanged = time.perf_counter() - started
        assert first.new == n and again.unchanged == n
        print(ratio_line(f"load {n:,} into GeoPackage", ours, peer.seconds,
                         "ogr2ogr (GeoJSON -> GPKG)"))
        print(f"  Trygghet: {n / ours:,.0f} upserts/s (R-tree index, unique uid); "
              f"ogr2ogr peak memory {peer.peak_mb:.0f} MB")
        print(f"  upserting the same {n:,} again (all unchanged): {unchanged:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
