"""The lägesbild and the board analysis from a store of a million incidents, side by side
with QGIS's own PDF export of empty pages of the same size.

* ours: ``make_lagesbild`` (A3 landscape, 2 pages: data from the store, layers, filled
  layout, PDF) for the last complete 14-day period of the sample, and
  ``make_board_analysis`` (A4 portrait, one atlas page per area: 30 for the sample) for the
  last complete tertial; the goals are < 5 s and < 60 s. The time is split into the data
  (what the Lägesbild dock computes in its background task), the layout and the PDF export.
* peer: an empty ``QgsPrintLayout`` of the same page size exported with
  ``QgsLayoutExporter.exportToPdf`` and the same settings: one page, and as many pages as
  ours. That is the floor any QGIS report of that size pays.

The store is the sample (seed 1) with 1,000,000 incidents and the sample's DeSO areas and
boundary, kept in ``out/bench/store_1000000.gpkg`` (shared with ``bench_gistar``: a cached
file is reused when its row count fits; the areas are added when missing).

Run: ``python -m bench reports`` (``--quick``: 20,000 incidents) or
``python -m bench.bench_reports [--store-size N] [--repeat N]``. Not a timed test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import size as bench_size  # noqa: E402

GOALS = {"lagesbild": 5.0, "board": 60.0}


_APP = None  # QGIS must outlive every layout made here


def _qgis():
    global _APP
    from qgis.core import QgsApplication

    if QgsApplication.instance() is None:
        _APP = QgsApplication([], False)
        _APP.initQgis()
    return QgsApplication.instance()


def bench_store(size: int, workdir: Path) -> tuple[Path, object, float | None]:
    """The cached store of ``size`` sample incidents with the sample's areas; (path, sample,
    seconds spent loading or None when cached)."""

    from trygghet_plugin.store import open_store
    from trygghet_sample import generate

    sample = generate(size=size, seed=1)
    path = workdir / f"store_{size}.gpkg"
    loaded = None
    with open_store(path) as store:
        if store.count("incidents") != size:
            started = time.perf_counter()
            store.upsert_incidents(sample.iter_incidents())
            loaded = time.perf_counter() - started
        if not store.areas(kind="deso") or not store.areas(kind="kommun"):
            store.upsert_areas(sample.store_areas())
    return path, sample, loaded


def empty_export(size: str, portrait: bool, pages: int, out: Path) -> float:
    """Seconds for QGIS to export an empty layout of ``pages`` pages of ``size``."""
    from qgis.core import QgsLayoutItemPage, QgsProject

    from trygghet_plugin.reports import layout as lay

    orientation = QgsLayoutItemPage.Portrait if portrait else QgsLayoutItemPage.Landscape
    project = QgsProject()  # must outlive the layout
    layout = lay.new_layout(project, "tom", size, orientation, pages=pages)
    started = time.perf_counter()
    lay.export_pdf(layout, out)
    return time.perf_counter() - started


def _runs(fn, repeat: int) -> list[dict]:
    return [fn() for _ in range(repeat)]


def _run_report(store_path: Path, period, out: Path, compute, build) -> tuple[dict, object]:
    """Time one report's three steps: data from the store, layout, PDF."""
    from qgis.core import QgsProject

    from trygghet_plugin.reports import generate
    from trygghet_plugin.store import open_store

    timing = {}
    started = time.perf_counter()
    with open_store(store_path, create=False) as store:
        inputs = compute(store, period)
    timing["data"] = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="trygghet_bench_") as work:
        t = time.perf_counter()
        built = build(inputs, QgsProject(), work_dir=Path(work))
        timing["layout"] = time.perf_counter() - t
        t = time.perf_counter()
        result = generate.export_report(built, out)
        timing["pdf"] = time.perf_counter() - t
    timing["total"] = time.perf_counter() - started
    timing["pages"] = result.pages
    return timing, inputs


def run_lagesbild(store_path: Path, period, out: Path) -> dict:
    from trygghet_plugin.reports import generate

    timing, inputs = _run_report(store_path, period, out, generate.lagesbild_inputs,
                                 generate.build_lagesbild)
    timing["points"] = len(inputs.points.x)
    return timing


def run_board(store_path: Path, period, out: Path) -> dict:
    from trygghet_plugin.reports import generate

    timing, inputs = _run_report(store_path, period, out, generate.board_inputs,
                                 generate.build_board_analysis)
    timing["areas"] = len(inputs.data.areas)
    timing["tertial_count"] = inputs.data.total.count
    return timing


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms" if seconds < 1 else f"{seconds:7.2f} s "


def _report(label: str, goal: float, runs: list[dict], peer_one: float, peer_all: float,
            page: str) -> None:
    total = _median(runs, "total")
    pages = runs[0]["pages"]
    verdict = "met" if total < goal else "MISSED"
    rows = [(f"Trygghet  {label}", total),
            (f"QGIS      empty {page}, 1 page", peer_one),
            (f"QGIS      empty {page}, {pages} pages", peer_all)]
    for (name, seconds), note in zip(rows, (
            f"data {_median(runs, 'data'):.2f} s + layout {_median(runs, 'layout'):.2f} s + "
            f"PDF {_median(runs, 'pdf'):.2f} s, median of {len(runs)}; goal < {goal:g} s: "
            f"{verdict}",
            f"Trygghet / QGIS = {total / peer_one:,.0f}x",
            f"Trygghet / QGIS = {total / peer_all:,.1f}x")):
        print(f"  {name:<42s} {_fmt(seconds)}   {note}")


def main(store_size: int | None = None, repeat: int | None = None) -> None:
    from trygghet_plugin.analysis.periods import last_complete_period, last_complete_tertial

    _qgis()
    store_size = store_size or bench_size(1_000_000, 20_000)
    repeat = repeat or bench_size(3, 1)
    workdir = ROOT / "out" / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    store_path, sample, loaded = bench_store(store_size, workdir)
    how = f"loaded in {loaded:.0f} s" if loaded is not None else "cached"
    print(f"Store: {store_size:,} sample incidents, {len(sample.areas)} DeSO areas "
          f"({store_path.relative_to(ROOT)}, {how}; ready after "
          f"{time.perf_counter() - started:.0f} s)")
    after_end = sample.end + timedelta(days=1)
    period = last_complete_period(after_end)
    tertial = last_complete_tertial(after_end)

    with tempfile.TemporaryDirectory(prefix="trygghet_bench_") as tmp:
        tmp = Path(tmp)
        lagesbild = _runs(lambda: run_lagesbild(store_path, period, tmp / "l.pdf"), repeat)
        peer_one = min(empty_export("A3", False, 1, tmp / "e.pdf") for _ in range(3))
        peer_all = min(empty_export("A3", False, lagesbild[0]["pages"], tmp / "e.pdf")
                       for _ in range(3))
        print(f"Lägesbild {period.name} ({period.date_range}), A3 landscape, "
              f"{lagesbild[0]['pages']} pages, {lagesbild[0]['points']:,} incidents on the "
              "map")
        _report("make_lagesbild", GOALS["lagesbild"], lagesbild, peer_one, peer_all,
                "A3 landscape")

        board = _runs(lambda: run_board(store_path, tertial, tmp / "b.pdf"),
                      max(1, repeat - 1))
        pages = board[0]["pages"]
        peer_one = min(empty_export("A4", True, 1, tmp / "e.pdf") for _ in range(3))
        peer_all = min(empty_export("A4", True, pages, tmp / "e.pdf") for _ in range(2))
        print(f"Nämndanalys {tertial.name}, A4 portrait, {pages} pages "
              f"({board[0]['areas']} atlas pages), {board[0]['tertial_count']:,} incidents "
              "in the tertial")
        _report("make_board_analysis", GOALS["board"], board, peer_one, peer_all,
                "A4 portrait")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store-size", type=int, default=None,
                        help="incidents in the store (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=None, help="runs of the lägesbild")
    args = parser.parse_args()
    main(args.store_size, args.repeat)
