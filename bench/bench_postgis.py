"""The shared PostGIS store at a whole country's size: 5,000,000 incidents (several years of
ten kommuner's worth, each kommun from its own collection service) upserted into PostGIS vs
``ogr2ogr -f PostgreSQL`` loading the same records from a GeoPackage; then one kommun's
lägesbild data from the region store (goal: under 5 s) vs the same kommun in its own
GeoPackage. Runs against a throw-away PostgreSQL + PostGIS on 127.0.0.1 (as the tests do),
or the server in ``TRYGGHET_BENCH_PG`` (a libpq string whose password comes from ~/.pgpass;
the benchmark makes and drops its own schemas there).

Trygghet does more per record than ogr2ogr: an upsert keyed on uid (``INSERT ... ON
CONFLICT ... WHERE <changed>``, counting new/updated/unchanged), indexes on uid, time,
(kommun, time) and GiST kept current, batches of 20,000 in their own transactions;
ogr2ogr appends to a fresh table with COPY and builds its GiST index once at the end.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from bench.common import peak_rss_mb, ratio_line, run_child, size

ROOT = Path(__file__).resolve().parent.parent
KOMMUNER = ("0682", "0604", "0617", "0642", "0643", "0662", "0665", "0680", "0683", "0684")
PICTURE_KOMMUN = "0682"  # the sample's geography is Nässjö's


def _cluster():
    sys.path.insert(0, str(ROOT / "tests" / "postgis"))
    from pgcluster import SUPERUSER, TempCluster, missing

    reason = missing()
    if reason:
        raise RuntimeError(reason)
    cluster = TempCluster(settings={"shared_buffers": "1GB", "max_wal_size": "8GB",
                                    "maintenance_work_mem": "512MB", "work_mem": "64MB"})
    cluster.start()
    work = Path(tempfile.mkdtemp(prefix="bench_pgpass_"))
    os.environ["PGPASSFILE"] = str(cluster.write_pgpass(work / "pgpass",
                                                        [(SUPERUSER, cluster.password)]))
    return cluster, cluster.dsn(password=""), cluster.url()


def region_incidents(sample, kommuner):
    """The sample's reports once per kommun: own source name (own uids) and kommunkod."""
    for kommun in kommuner:
        source = f"reports-{kommun}"
        for incident in sample.reports.iter_incidents(kommun):
            yield replace(incident, source=source)


def main() -> None:
    from trygghet_plugin.analysis.periods import last_complete_period
    from trygghet_plugin.domain.taxonomy import Taxonomy
    from trygghet_plugin.paths import taxonomy_file
    from trygghet_plugin.reports.data import lagesbild_data
    from trygghet_plugin.sources.areas import import_areas
    from trygghet_plugin.store import open_store
    from trygghet_plugin.store.copy import copy_store
    from trygghet_sample import generate, write_sample

    total = size(5_000_000, 100_000)
    per_kommun = total // len(KOMMUNER)
    work = Path(tempfile.mkdtemp(prefix="bench_postgis_"))
    cluster = None
    given = os.environ.get("TRYGGHET_BENCH_PG")
    if given:
        dsn, uri = given, given
    else:
        cluster, dsn, uri = _cluster()
    sep = "&" if "?" in uri else "?"
    if not uri.startswith("postgres"):
        sep = " "
    try:
        started = time.perf_counter()
        sample = generate(size=per_kommun, seed=1, end=date(2026, 10, 31), years=3)
        print(f"{total:,} incidents: {len(KOMMUNER)} kommuner x {per_kommun:,} "
              f"(generated in {time.perf_counter() - started:.0f} s)", flush=True)

        # The peer's input: the same records in a GeoPackage (our store's own file).
        source = work / "region.gpkg"
        started = time.perf_counter()
        with open_store(source) as gpkg:
            gpkg.upsert_incidents(region_incidents(sample, KOMMUNER), batch_size=100_000)
        print(f"  (GeoPackage input for ogr2ogr written in {time.perf_counter() - started:.0f} s,"
              f" {source.stat().st_size / 1e9:.1f} GB)", flush=True)
        _make_schema(dsn, "ogr_bench")
        peer = run_child(["ogr2ogr", "-f", "PostgreSQL", f"PG:{dsn}", str(source), "incidents",
                          "-nln", "incidents", "-lco", "SCHEMA=ogr_bench",
                          "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid",
                          "--config", "PG_USE_COPY", "YES"])

        started = time.perf_counter()
        made = sum(1 for _ in region_incidents(sample, KOMMUNER))
        making = time.perf_counter() - started

        store_uri = f"{uri}{sep}schema=bench_region" if sep != " " else \
            f"{uri} schema=bench_region"
        with open_store(store_uri) as store:
            started = time.perf_counter()
            first = store.upsert_incidents(region_incidents(sample, KOMMUNER))
            ours = time.perf_counter() - started
            assert first.new == total, first
            one = [replace(i, source=f"reports-{PICTURE_KOMMUN}")
                   for i in sample.reports.iter_incidents(PICTURE_KOMMUN)]
            started = time.perf_counter()
            again = store.upsert_incidents(one)
            unchanged = time.perf_counter() - started
            assert again.unchanged == per_kommun, again
        print(ratio_line(f"load {total:,} into PostGIS", ours, peer.seconds,
                         "ogr2ogr (GPKG -> PostgreSQL)"))
        print(f"  Trygghet: {total / ours:,.0f} upserts/s (upsert by uid; 5 indexes incl. GiST "
              f"kept current); ogr2ogr {total / peer.seconds:,.0f} rows/s into a fresh table, "
              f"peak memory {peer.peak_mb:.0f} MB; Trygghet peak memory {peak_rss_mb():.0f} MB")
        print(f"  of Trygghet's time, making the {made:,} Incident objects (the benchmark's "
              f"input, read from a prepared file by ogr2ogr) takes {making:.1f} s alone")
        print(f"  a kommun's {per_kommun:,} again, all unchanged (an incremental sync's "
              f"worst case): {unchanged:.2f} s")

        # One kommun's lägesbild from the region store vs its own GeoPackage.
        files = write_sample(work / "areas", size=100, seed=1)
        scoped_uri = f"{store_uri}&kommun={PICTURE_KOMMUN}" if sep != " " else \
            f"{store_uri} kommun={PICTURE_KOMMUN}"
        taxonomy = Taxonomy.load(taxonomy_file())
        period = last_complete_period(date(2026, 10, 31))
        with open_store(scoped_uri) as scoped:
            import_areas(scoped, str(files["areas"]), layer_name="DeSO_2025",
                         kommunkod=PICTURE_KOMMUN, population=files["population"])
            import_areas(scoped, str(files["areas"]), layer_name="kommun")
            cur = scoped._conn.cursor()
            cur.execute(f"ANALYZE {scoped.t('incidents')}")
            own = work / "nassjo.gpkg"
            started = time.perf_counter()
            with open_store(own) as gpkg:
                copied = copy_store(scoped, gpkg)
            copy_s = time.perf_counter() - started
            started = time.perf_counter()
            data, _, _ = lagesbild_data(scoped, period, taxonomy)
            shared_s = time.perf_counter() - started
        with open_store(own) as gpkg:
            started = time.perf_counter()
            alone, _, _ = lagesbild_data(gpkg, period, taxonomy)
            alone_s = time.perf_counter() - started
        assert data.total == alone.total and data.figures == alone.figures
        print(ratio_line(f"lägesbild data for {PICTURE_KOMMUN} ({period.date_range}) out of "
                         f"{total:,} in the region", shared_s, alone_s,
                         f"the kommun's own GeoPackage ({per_kommun:,})"))
        print(f"  goal under 5 s: {'met' if shared_s < 5 else 'NOT met'} ({shared_s:.2f} s); "
              f"{data.total.count} incidents in the period")
        print(f"  copying the kommun out of the region into a GeoPackage: {copy_s:.1f} s "
              f"({copied.rows / copy_s:,.0f} rows/s)")
    finally:
        if cluster is not None:
            cluster.stop()
        elif given:
            _drop_schemas(dsn, ("ogr_bench", "bench_region"))
        shutil.rmtree(work, ignore_errors=True)


def _make_schema(dsn: str, name: str) -> None:
    import psycopg2

    con = psycopg2.connect(dsn)
    con.autocommit = True
    with con.cursor() as cur:
        cur.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        cur.execute(f"CREATE SCHEMA {name}")
    con.close()


def _drop_schemas(dsn: str, names) -> None:
    import psycopg2

    con = psycopg2.connect(dsn)
    con.autocommit = True
    with con.cursor() as cur:
        for name in names:
            cur.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
    con.close()
