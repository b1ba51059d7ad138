"""Gi* side by side with PySAL esda, and the hot spot + figures pipeline on a million incidents.

Part 1 — Gi* on a hexagon grid of 100,000 cells with clustered counts:
  ours:  ``gi_star_z`` (z only) and ``gi_star`` (z, two-sided p, BH q, classes and the exact
         small-count check) over the neighbour table;
  esda:  ``G_Local(y, w, transform="B", star=True, permutations=0)`` (z and one-sided p_norm,
         no permutations) over a prebuilt libpysal ``W`` of the same neighbours.
  Building the neighbours (ours: numpy from axial coordinates; esda: ``W`` from the same
  lists) is timed separately and not part of the ratio. esda runs in a child process (it
  imports geopandas/pyogrio with their own GDAL); its times are measured inside that process.

Part 2 — a store with 1,000,000 sample incidents (three years; made once and kept in
out/bench/): reading one 14-day period plus its two references and computing every figure;
reading a period and computing the hot spots over the kommun (18,775 cells); the emerging
hot spots over the last 26 periods.

Run: ``python -m bench gistar`` (``--quick``: small sizes) or
``python -m bench.bench_gistar [--store-size N]`` (``0`` skips part 2).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import size as bench_size  # noqa: E402
from trygghet_plugin.analysis.gistar import gi_star, gi_star_z  # noqa: E402
from trygghet_plugin.analysis.hexgrid import grid_over_extent  # noqa: E402

ESDA_CHILD = textwrap.dedent("""
    import json, sys, time
    import numpy as np
    from esda.getisord import G_Local
    from libpysal.weights import W

    data = np.load(sys.argv[1])
    table, y = data["table"], data["y"]
    t = time.perf_counter()
    w = W({i: [int(j) for j in row if j >= 0] for i, row in enumerate(table)},
          silence_warnings=True)
    build = time.perf_counter() - t
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        g = G_Local(y, w, transform="B", star=True, permutations=0)
        best = min(best, time.perf_counter() - t)
    np.save(sys.argv[2], g.Zs)
    print(json.dumps({"build": build, "g_local": best}))
""")


def _best(fn, repeat: int = 5) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def bench_gistar(workdir: Path, cells: int = 100_000) -> dict:
    side = (cells * (3 ** 0.5) / 2 * 250 ** 2) ** 0.5  # a square of about ``cells`` cells
    t = time.perf_counter()
    grid = grid_over_extent(500_000, 6_400_000, 500_000 + side - 500, 6_400_000 + side - 450,
                            250)
    table = grid.neighbours(include_self=True)
    build = time.perf_counter() - t
    rng = np.random.default_rng(1)
    cx, cy = grid.centres
    intensity = 0.05 + sum(40 * np.exp(-((cx - x) ** 2 + (cy - y) ** 2) / (2 * 300 ** 2))
                           for x, y in zip(rng.uniform(cx.min(), cx.max(), 60),
                                           rng.uniform(cy.min(), cy.max(), 60)))
    counts = rng.poisson(intensity)
    z_time, z = _best(lambda: gi_star_z(counts, table))
    full_time, _ = _best(lambda: gi_star(counts, table))

    data, zs = workdir / "gistar_in.npz", workdir / "gistar_esda_z.npy"
    np.savez(data, table=table[:, 1:], y=counts.astype(float))
    child = subprocess.run([sys.executable, "-c", ESDA_CHILD, str(data), str(zs)],
                           check=True, capture_output=True, text=True)
    esda = json.loads(child.stdout.strip().splitlines()[-1])
    diff = float(np.abs(np.load(zs) - z).max())
    return {"cells": len(grid), "incidents": int(counts.sum()), "ours_build": build,
            "ours_z": z_time, "ours_full": full_time, "esda_build": esda["build"],
            "esda_g_local": esda["g_local"], "max_abs_z_diff": diff}


def bench_store(size: int, workdir: Path) -> dict:
    from trygghet_plugin.analysis.emerging import period_emerging
    from trygghet_plugin.analysis.figures import period_figures
    from trygghet_plugin.analysis.hotspots import period_hotspots
    from trygghet_plugin.analysis.periods import last_complete_period, periods_back
    from trygghet_plugin.analysis.select import load_frame
    from trygghet_plugin.store import open_store
    from trygghet_sample import generate

    out: dict = {"size": size}
    t = time.perf_counter()
    sample = generate(size=size, seed=1)
    out["generate"] = time.perf_counter() - t
    path = workdir / f"store_{size}.gpkg"
    with open_store(path) as store:
        if store.count("incidents") != size:
            t = time.perf_counter()
            store.upsert_incidents(sample.iter_incidents())
            out["load"] = time.perf_counter() - t
        period = last_complete_period(sample.end + timedelta(days=1))
        refs = [period, period.previous(), period.year_before()]

        t = time.perf_counter()
        frame = load_frame(store, refs)
        read = time.perf_counter() - t
        t = time.perf_counter()
        figures = period_figures(frame, period, population=sample.population)
        out["figures"] = (read, time.perf_counter() - t, figures.total.count)

        t = time.perf_counter()
        frame = load_frame(store, [period])
        read = time.perf_counter() - t
        t = time.perf_counter()
        hot = period_hotspots(frame, period, sample.boundary_wkt, 250)
        out["hotspots"] = (read, time.perf_counter() - t, hot.incidents, len(hot.grid))

        periods = periods_back(period, 26)
        t = time.perf_counter()
        frame = load_frame(store, periods)
        read = time.perf_counter() - t
        t = time.perf_counter()
        emerging = period_emerging(frame, periods, sample.boundary_wkt, 250)
        out["emerging"] = (read, time.perf_counter() - t, int(emerging.n.sum()))
    return out


def main(store_size: int | None = None) -> None:
    """Both parts; ``python -m bench --quick`` makes them small (20,000 cells and incidents)."""
    if store_size is None:
        store_size = bench_size(1_000_000, 20_000)
    workdir = ROOT / "out" / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    g = bench_gistar(workdir, bench_size(100_000, 20_000))
    print(f"Gi* on {g['cells']:,} hexagon cells ({g['incidents']:,} incidents)")
    print(f"  ours  gi_star_z (z)                       {g['ours_z'] * 1000:9.1f} ms")
    print(f"  ours  gi_star (z, p, q, class, exact)     {g['ours_full'] * 1000:9.1f} ms")
    print(f"  esda  G_Local(B, star, permutations=0)    {g['esda_g_local'] * 1000:9.1f} ms")
    print(f"  ratio esda / ours: z only {g['esda_g_local'] / g['ours_z']:.0f}x, "
          f"with p, q, classes {g['esda_g_local'] / g['ours_full']:.0f}x")
    print(f"  neighbours: ours {g['ours_build'] * 1000:.0f} ms, libpysal W "
          f"{g['esda_build'] * 1000:.0f} ms (ratio {g['esda_build'] / g['ours_build']:.0f}x)")
    print(f"  max |z_ours - z_esda| = {g['max_abs_z_diff']:.2e}")
    if store_size:
        s = bench_store(store_size, workdir)
        print(f"Store with {s['size']:,} incidents (sample generated in {s['generate']:.1f} s"
              + (f", loaded in {s['load']:.1f} s" if "load" in s else ", cached") + ")")
        read, calc, n = s["figures"]
        print(f"  figures, one 14-day period + 2 references ({n:,} now): read {read:.2f} s, "
              f"compute {calc:.2f} s")
        read, calc, n, cells = s["hotspots"]
        print(f"  hot spots, {n:,} incidents on {cells:,} cells: read {read:.2f} s, "
              f"compute {calc:.2f} s")
        read, calc, n = s["emerging"]
        print(f"  emerging hot spots, 26 periods ({n:,} incidents): read {read:.2f} s, "
              f"compute {calc:.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store-size", type=int, default=None,
                        help="incidents in the store of part 2 (default 1,000,000; 0 skips)")
    main(parser.parse_args().store_size)
