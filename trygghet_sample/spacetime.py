"""Seeded stationary space–time incidents for checking "ovanligt just nu" (tests, bench).

A square "kommun" with a few towns of different size and a thin countryside: the intensity
is inhomogeneous but the same every period (no trend, no season), and counts are
overdispersed — each cell's count in each period is Poisson with a gamma-distributed level
(negative binomial, dispersion ``alpha``), as when one reporter files several reports at one
place. Optionally ``planted`` extra incidents within ``radius`` metres of a quiet place in the
last period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from trygghet_plugin.analysis.expected import history_bins
from trygghet_plugin.analysis.hexgrid import HexGrid, grid_over_extent
from trygghet_plugin.analysis.periods import Period, period_ending

PERIOD = period_ending(date(2026, 10, 18), 14)
SIDE = 8000.0
TOWNS = ((2500.0, 3000.0, 500.0, 0.30), (5800.0, 5200.0, 350.0, 0.15),
         (6000.0, 1500.0, 250.0, 0.08), (1500.0, 6500.0, 200.0, 0.05))  # x, y, spread, share


@dataclass(frozen=True)
class SpaceTimeSample:
    x: np.ndarray
    y: np.ndarray
    bin_of: np.ndarray        # 0..H-1 history, H the period
    period: Period
    history: list[Period]
    grid: HexGrid
    planted_at: tuple[float, float] | None = None


def cell_intensity(grid: HexGrid, per_period: float) -> np.ndarray:
    """Expected incidents per cell and period: towns as Gaussian bumps, a thin background."""
    cx, cy = grid.centres
    level = np.full(len(grid), 0.0)
    for tx, ty, spread, share in TOWNS:
        bump = np.exp(-((cx - tx) ** 2 + (cy - ty) ** 2) / (2 * spread ** 2))
        level += share * bump / bump.sum()
    rest = 1.0 - sum(t[3] for t in TOWNS)
    level += rest / len(grid)
    return per_period * level / level.sum()


def _draw(rng: np.random.Generator, grid: HexGrid, lam: np.ndarray, bins: int,
          alpha: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Overdispersed counts per cell and bin, as points spread in their cells."""
    level = rng.gamma(1.0 / alpha, alpha, size=(len(grid), bins)) * lam[:, None]
    counts = rng.poisson(level)
    cell = np.repeat(np.repeat(np.arange(len(grid)), bins), counts.ravel())
    bin_of = np.repeat(np.tile(np.arange(bins), len(grid)), counts.ravel())
    cx, cy = grid.centres
    # uniform in the hexagon's inscribed circle: close enough for cell counts
    r = grid.size / 2 * np.sqrt(rng.random(cell.size))
    t = rng.random(cell.size) * 2 * np.pi
    return cx[cell] + r * np.cos(t), cy[cell] + r * np.sin(t), bin_of


def _quiet_places(rng: np.random.Generator, grid: HexGrid, lam: np.ndarray, k: int
                  ) -> list[tuple[float, float]]:
    """``k`` places in normally quiet cells (below the median intensity), far apart."""
    cx, cy = grid.centres
    quiet = np.flatnonzero((lam < np.quantile(lam, 0.5)) & (cx > 500) & (cx < SIDE - 500)
                           & (cy > 500) & (cy < SIDE - 500))
    out: list[tuple[float, float]] = []
    for at in rng.permutation(quiet).tolist():
        px, py = cx[at] + rng.uniform(-100, 100), cy[at] + rng.uniform(-100, 100)
        if all(np.hypot(px - qx, py - qy) > 700 for qx, qy in out):
            out.append((float(px), float(py)))
        if len(out) == k:
            break
    return out


def _burst(rng: np.random.Generator, at: tuple[float, float], n: int, radius: float
           ) -> tuple[np.ndarray, np.ndarray]:
    r = radius * np.sqrt(rng.random(n))
    t = rng.random(n) * 2 * np.pi
    return at[0] + r * np.cos(t), at[1] + r * np.sin(t)


def simulate(seed: int, *, per_period: float = 300.0, alpha: float = 0.5,
             planted: int = 0, radius: float = 150.0, cell_size: float = 250.0,
             period: Period = PERIOD) -> SpaceTimeSample:
    """Three years of history and one period (with ``planted`` extra incidents in it)."""
    rng = np.random.default_rng(seed)
    history = history_bins(period)
    grid = grid_over_extent(0.0, 0.0, SIDE, SIDE, cell_size)
    lam = cell_intensity(grid, per_period)
    bins = len(history) + 1
    x, y, bin_of = _draw(rng, grid, lam, bins, alpha)
    planted_at = None
    if planted:
        planted_at = _quiet_places(rng, grid, lam, 1)[0]
        px, py = _burst(rng, planted_at, planted, radius)
        x, y = np.concatenate([x, px]), np.concatenate([y, py])
        bin_of = np.concatenate([bin_of, np.full(planted, bins - 1)])
    return SpaceTimeSample(x, y, bin_of, period, history, grid, planted_at)


@dataclass(frozen=True)
class SpaceTimeSeries:
    """Many periods: three years of history, then ``tested`` periods, each with a burst at
    its own quiet place (``plants``: period index, x, y)."""

    x: np.ndarray
    y: np.ndarray
    bin_of: np.ndarray
    periods: list[Period]
    tested: int
    plants: list[tuple[int, float, float]]

    def times(self) -> np.ndarray:
        """Occurrence times (UTC datetime64[s]) spread evenly over each incident's period."""
        starts = np.array([p.utc_bounds()[0] for p in self.periods])
        ends = np.array([p.utc_bounds()[1] for p in self.periods])
        span = (ends - starts).astype(np.int64)
        frac = (np.arange(self.bin_of.size) * 0.6180339887) % 1.0
        return starts[self.bin_of] + (frac * span[self.bin_of]).astype("timedelta64[s]")


def simulate_periods(seed: int, *, tested: int = 20, per_period: float = 300.0,
                     alpha: float = 0.5, planted: int = 15, radius: float = 150.0,
                     cell_size: float = 250.0, last: Period = PERIOD) -> SpaceTimeSeries:
    rng = np.random.default_rng(seed)
    first_tested = last
    for _ in range(tested - 1):
        first_tested = first_tested.previous()
    periods = [*history_bins(first_tested)]
    p = first_tested
    for _ in range(tested):
        periods.append(p)
        p = p.next()
    grid = grid_over_extent(0.0, 0.0, SIDE, SIDE, cell_size)
    lam = cell_intensity(grid, per_period)
    x, y, bin_of = _draw(rng, grid, lam, len(periods), alpha)
    plants = []
    if planted:
        places = _quiet_places(rng, grid, lam, tested)
        xs, ys, bs = [x], [y], [bin_of]
        for k, at in enumerate(places):
            index = len(periods) - tested + k
            px, py = _burst(rng, at, planted, radius)
            xs.append(px)
            ys.append(py)
            bs.append(np.full(planted, index))
            plants.append((index, at[0], at[1]))
        x, y, bin_of = np.concatenate(xs), np.concatenate(ys), np.concatenate(bs)
    return SpaceTimeSeries(x, y, bin_of, periods, tested, plants)
