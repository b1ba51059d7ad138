"""python -m bench [NAME ...] [--quick]: run every bench/bench_*.py (or the named ones).

Each benchmark measures Trygghet side by side with a peer (ogr2ogr, esda, QGIS's own
algorithms) in the same run and prints the ratio. These are not timed tests: the numbers are
for reading, on whatever machine runs them. --quick uses small sizes (a smoke run).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="e.g. store gistar (default: all)")
    parser.add_argument("--quick", action="store_true", help="small sizes, a smoke run")
    args = parser.parse_args()
    if args.quick:
        os.environ["TRYGGHET_BENCH_QUICK"] = "1"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # One BLAS thread for ours and the peers alike: small matrices, and a busy machine makes
    # OpenBLAS's spinning threads the slowest part of every fit.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if args.names:
        modules = [m for m in modules if m.removeprefix("bench_") in args.names]
    failed = 0
    for name in modules:
        print(f"\n#### {name}", flush=True)
        started = time.perf_counter()
        try:
            importlib.import_module(f"bench.{name}").main()
        except Exception as exc:  # one failing benchmark must not hide the others
            failed += 1
            print(f"FAILED: {type(exc).__name__}: {exc}")
        print(f"({name}: {time.perf_counter() - started:.0f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
