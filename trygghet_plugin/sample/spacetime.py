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

from ..analysis.expected import history_bins
from ..analysis.hexgrid import HexGrid, grid_over_extent
from ..analysis.periods import Period, period_ending

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


def simulate(seed: int, *, per_period: float = 300.0, alpha: float = 0.5,
             planted: int = 0, radius: float = 150.0, cell_size: float = 250.0,
             period: Period = PERIOD) -> SpaceTimeSample:
    rng = np.random.default_rng(seed)
    history = history_bins(period)
    grid = grid_over_extent(0.0, 0.0, SIDE, SIDE, cell_size)
    lam = cell_intensity(grid, per_period)
    bins = len(history) + 1
    level = rng.gamma(1.0 / alpha, alpha, size=(len(grid), bins)) * lam[:, None]
    counts = rng.poisson(level)
    cell = np.repeat(np.repeat(np.arange(len(grid)), bins), counts.ravel())
    bin_of = np.repeat(np.tile(np.arange(bins), len(grid)), counts.ravel())
    cx, cy = grid.centres
    # uniform in the hexagon's inscribed circle: close enough for cell counts
    r = cell_size / 2 * np.sqrt(rng.random(cell.size))
    t = rng.random(cell.size) * 2 * np.pi
    x = cx[cell] + r * np.cos(t)
    y = cy[cell] + r * np.sin(t)
    planted_at = None
    if planted:
        quiet = np.flatnonzero((lam < np.quantile(lam, 0.5)) & (cx > 500) & (cx < SIDE - 500)
                               & (cy > 500) & (cy < SIDE - 500))
        at = int(rng.choice(quiet))
        px, py = cx[at] + rng.uniform(-100, 100), cy[at] + rng.uniform(-100, 100)
        rr = radius * np.sqrt(rng.random(planted))
        tt = rng.random(planted) * 2 * np.pi
        x = np.concatenate([x, px + rr * np.cos(tt)])
        y = np.concatenate([y, py + rr * np.sin(tt)])
        bin_of = np.concatenate([bin_of, np.full(planted, bins - 1)])
        planted_at = (float(px), float(py))
    return SpaceTimeSample(x, y, bin_of, period, history, grid, planted_at)
