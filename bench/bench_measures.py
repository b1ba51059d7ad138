"""Measure evaluation (issue 16): seeded simulations of the effect's interval and the WDQ,
side by side with the textbook Poisson interval.

Weekly counts over 12-week windows (before, after, and the same weeks a year earlier) in a
target area (10 a week), its buffer ring (5 a week) and a comparison area (80 a week),
negative binomial with dispersion 0.08 per week (the comparison's counts about 7 times as
variable as Poisson), a season and trend all zones share.

* **planted**: a 40 % drop in the target, half of what was prevented displaced into the
  buffer (true ratio of ratios 0.6, true WDQ −0.5). Goal: the 95 % interval covers 0.6 in
  ≥ 90 % of runs; the WDQ is negative in ≥ 90 %.
* **no effect**: goal: called effective in ≤ 5 % of runs.
* **peer**: Farrington & Welsh's Poisson variance 1/Ra + 1/Rb + 1/Ca + 1/Cb without the
  dispersion (what a spreadsheet evaluation does), on the same runs; the ratio of false
  "effective" calls is printed.

Run: ``python -m bench measures`` (``--quick``: 300 runs instead of 3000).
"""

from __future__ import annotations

import math
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WEEKS = 12


def simulate(rng, drop: float, displaced: float) -> np.ndarray:
    from trygghet_plugin.analysis import measures as m

    season = np.array([1.0, 1.25, 0.9, 1.1])
    mu = np.array([10.0, 5.0, 80.0])[:, None] * season[None, :]
    mu = np.repeat(mu[:, :, None], WEEKS, axis=2).copy()
    prevented = 10.0 * drop * season[m.AFTER]
    mu[m.TARGET, m.AFTER] -= prevented
    mu[m.BUFFER, m.AFTER] += prevented * displaced
    alpha = 0.08
    return rng.poisson(rng.gamma(1 / alpha, mu * alpha))


def poisson_interval(counts: np.ndarray) -> tuple[float, float]:
    (rb, ra), _, (cb, ca) = counts[:, :2].tolist()
    log_ratio = math.log((ra / rb) / (ca / cb))
    se = math.sqrt(1 / ra + 1 / rb + 1 / ca + 1 / cb)
    return math.exp(log_ratio - 1.96 * se), math.exp(log_ratio + 1.96 * se)


def main() -> None:
    from trygghet_plugin.analysis import measures as m

    runs = 300 if os.environ.get("TRYGGHET_BENCH_QUICK") else 3000
    days = np.full(WEEKS, 7)
    rng = np.random.default_rng(2003)
    stats = {"covered": 0, "wdq_neg": 0, "effective": 0, "peer_covered": 0}
    started = time.perf_counter()
    wdqs = []
    for _ in range(runs):
        bins = simulate(rng, 0.4, 0.5)
        ev = m.evaluate_counts(bins, days)
        stats["covered"] += ev.effect.low <= 0.6 <= ev.effect.high
        stats["wdq_neg"] += ev.wdq.wdq is not None and ev.wdq.wdq < 0
        stats["effective"] += ev.effective
        lo, hi = poisson_interval(ev.counts)
        stats["peer_covered"] += lo <= 0.6 <= hi
        wdqs.append(ev.wdq.wdq)
    null = {"effective": 0, "peer_effective": 0}
    for _ in range(runs):
        bins = simulate(rng, 0.0, 0.0)
        ev = m.evaluate_counts(bins, days)
        null["effective"] += ev.effective
        null["peer_effective"] += poisson_interval(ev.counts)[1] < 1.0
    elapsed = time.perf_counter() - started
    print(f"runs: {runs} planted + {runs} without effect, "
          f"{1000 * elapsed / (2 * runs):.2f} ms per evaluation")
    print(f"planted 40 % drop: interval covers 0.6 in {stats['covered'] / runs:.1%} "
          f"(goal >= 90 %); Poisson peer {stats['peer_covered'] / runs:.1%}")
    print(f"planted displacement: WDQ < 0 in {stats['wdq_neg'] / runs:.1%} (goal >= 90 %); "
          f"median WDQ {np.median(wdqs):.2f} (true -0.50)")
    print(f"power: the planted drop called effective in {stats['effective'] / runs:.1%}")
    fp, peer_fp = null["effective"] / runs, null["peer_effective"] / runs
    print(f"no effect called effective: {fp:.1%} (goal <= 5 %); Poisson peer {peer_fp:.1%} "
          f"(ratio peer/ours {peer_fp / max(fp, 1 / runs):.1f}x)")


if __name__ == "__main__":
    main()
