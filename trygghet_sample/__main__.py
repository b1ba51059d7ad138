"""``python -m trygghet_sample --out DIR --size N --seed S``: write a sample kommun."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from .generator import DEFAULT_END, generate
from .writer import write_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m trygghet_sample",
                                     description="Write fictitious Nässjö-like safety data.")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--size", type=int, default=5000, help="number of reports")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--end", type=date.fromisoformat, default=DEFAULT_END,
                        help="last day, YYYY-MM-DD (default %(default)s)")
    parser.add_argument("--years", type=int, default=3)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    sample = generate(size=args.size, seed=args.seed, end=args.end, years=args.years)
    generated = time.perf_counter()
    written = write_all(args.out, sample)
    done = time.perf_counter()
    print(f"Sample {sample.kommun_name} ({sample.kommunkod}), seed {args.seed}, "
          f"{sample.start} .. {sample.end}")
    for name, (path, count) in written.items():
        print(f"  {name:<15} {count:>9,} rows  {path}")
    print(f"generated in {generated - began:.1f} s, written in {done - generated:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
