"""The board analysis's disclosure control (primary and secondary suppression over the whole
document model) beside the time of the whole document, from a store of a million incidents.

* ours: ``disclosure.protect`` on the finished board model of the last complete tertial
  (35 pages for the sample: 30 area pages); the goal is < 2 s. Timed inside
  ``make_board_analysis``'s data step and once more on its own (a fresh model each time).
* peer: the whole document, ``make_board_analysis`` (data, layout, PDF), in the same run.

The store is shared with ``bench_reports`` (``out/bench/store_1000000.gpkg``).

Run: ``python -m bench disclosure`` (``--quick``: 20,000 incidents) or
``python -m bench.bench_disclosure [--store-size N]``. Not a timed test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_reports import _qgis, bench_store, run_board  # noqa: E402
from bench.common import size as bench_size  # noqa: E402

GOAL = 2.0


def protect_alone(store_path: Path, tertial, repeat: int = 3) -> tuple[float, object]:
    """Median seconds of ``protect`` on fresh models (the model is protected in place)."""
    import copy

    from trygghet_plugin.reports import disclosure, generate
    from trygghet_plugin.store import open_store

    with open_store(store_path, create=False) as store:
        inputs = generate.board_inputs(store, tertial)
    times = []
    summary = None
    for _ in range(repeat):
        data = copy.deepcopy(inputs.data)
        started = time.perf_counter()
        summary = disclosure.protect(data)
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2], summary


def main(store_size: int | None = None) -> None:
    from trygghet_plugin.analysis.periods import last_complete_tertial

    _qgis()
    store_size = store_size or bench_size(1_000_000, 20_000)
    workdir = ROOT / "out" / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    store_path, sample, loaded = bench_store(store_size, workdir)
    how = f"loaded in {loaded:.0f} s" if loaded is not None else "cached"
    print(f"Store: {store_size:,} sample incidents, {len(sample.areas)} DeSO areas ({how})")
    tertial = last_complete_tertial(sample.end + timedelta(days=1))
    with tempfile.TemporaryDirectory(prefix="trygghet_bench_") as tmp:
        whole = run_board(store_path, tertial, Path(tmp) / "b.pdf")
    alone, summary = protect_alone(store_path, tertial)
    verdict = "met" if alone < GOAL else "MISSED"
    print(f"Nämndanalys {tertial.name}, {whole['pages']} pages, "
          f"{whole['tertial_count']:,} incidents in the tertial; "
          f"{summary.published} counts published, {summary.primary} hidden as small, "
          f"{summary.secondary} to protect them ({summary.loss * 100:.1f} % hidden)")
    print(f"  Trygghet  disclosure.protect            {alone * 1000:8.1f} ms   "
          f"goal < {GOAL:g} s: {verdict}")
    print(f"  Trygghet  make_board_analysis (whole)   {whole['total']:8.2f} s    "
          f"data {whole['data']:.2f} s + layout {whole['layout']:.2f} s + PDF "
          f"{whole['pdf']:.2f} s")
    print(f"  disclosure / whole document = {alone / whole['total'] * 100:.2f} %")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store-size", type=int, default=None,
                        help="incidents in the store (default 1,000,000)")
    parser.add_argument("--quick", action="store_true", help="20,000 incidents")
    args = parser.parse_args()
    if args.quick:
        import os

        os.environ["TRYGGHET_BENCH_QUICK"] = "1"
    main(args.store_size)
