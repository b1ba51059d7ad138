"""Emerging hot spots: how each cell's Gi* has behaved over the last N periods.

For every period the hot spot analysis of :mod:`.hotspots` runs on the same hexagon grid.
A cell is *hot* in a period when its Gi* class is a hot spot at the chosen confidence
(default 90 %, FDR-corrected within the period), *cold* likewise. The trend of the cell's Gi*
z-scores over the periods is a Mann-Kendall test (two-sided, 5 %).

The patterns follow ESRI's Emerging Hot Spot Analysis, simplified (one spatial Gi* per period
instead of a space-time cube with time-lagged neighbours; ESRI's "consecutive" folded into
*new* and "oscillating" into *sporadic*; a lower bar for *historical*). With T periods and the
share of periods in which the cell was hot:

=================  ============================================================================
new (ny)           hot in the latest period and in less than 90 % of the periods, and either
                   all its hot periods form one unbroken run up to the latest (ESRI's new and
                   consecutive) or its z rises significantly (it has grown into a hot spot;
                   an occasional early flicker does not make it sporadic)
intensifying       hot in the latest period and in at least 90 % of the periods, z rising
                   significantly (Mann-Kendall)
persistent         hot in the latest period and in at least 90 % of the periods, no
                   significant trend
diminishing        hot in the latest period and in at least 90 % of the periods, z falling
                   significantly
sporadic           hot in the latest period, less than 90 % of the periods, on and off,
                   no rising trend
historical         not hot in the latest period, but hot in at least a quarter of the periods
                   (ESRI asks 90 %, which over a year of 14-day periods almost never happens)
=================  ============================================================================

Cold patterns are the mirror image (codes negative). A cell with no hot pattern is checked for
a cold one; 0 is no pattern.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..i18n import translator
from .errors import AnalysisError
from .gistar import gi_star
from .hexgrid import HexGrid, convex_hull_wkt, grid_over_boundary
from .hotspots import CELL_SIZE
from .periods import Period
from .select import incident_mask
from .stats import mann_kendall

tr = translator("Analysis")

NEW, INTENSIFYING, PERSISTENT, DIMINISHING, SPORADIC, HISTORICAL = 1, 2, 3, 4, 5, 6

#: pattern code -> Swedish label (negative codes: cold spots).
EMERGING_LABELS: dict[int, str] = {
    NEW: "Ny hotspot",
    INTENSIFYING: "Intensifierande hotspot",
    PERSISTENT: "Ihållande hotspot",
    DIMINISHING: "Avtagande hotspot",
    SPORADIC: "Sporadisk hotspot",
    HISTORICAL: "Historisk hotspot",
    0: "Inget mönster",
    -NEW: "Nytt kallt område",
    -INTENSIFYING: "Intensifierande kallt område",
    -PERSISTENT: "Ihållande kallt område",
    -DIMINISHING: "Avtagande kallt område",
    -SPORADIC: "Sporadiskt kallt område",
    -HISTORICAL: "Historiskt kallt område",
}
EMERGING_LABELS_EN: dict[int, str] = {
    NEW: "New hot spot", INTENSIFYING: "Intensifying hot spot",
    PERSISTENT: "Persistent hot spot", DIMINISHING: "Diminishing hot spot",
    SPORADIC: "Sporadic hot spot", HISTORICAL: "Historical hot spot", 0: "No pattern",
    -NEW: "New cold spot", -INTENSIFYING: "Intensifying cold spot",
    -PERSISTENT: "Persistent cold spot", -DIMINISHING: "Diminishing cold spot",
    -SPORADIC: "Sporadic cold spot", -HISTORICAL: "Historical cold spot",
}
#: pattern code -> fill colour (reds for hot, blues for cold, no fill colour for 0).
EMERGING_COLORS: dict[int, str] = {
    NEW: "#ff8c69", INTENSIFYING: "#b30000", PERSISTENT: "#e34a33",
    DIMINISHING: "#fdbb84", SPORADIC: "#f2d0c4", HISTORICAL: "#9e6b5a", 0: "#eeeeee",
    -NEW: "#8cc6ff", -INTENSIFYING: "#003f8f", -PERSISTENT: "#2b74c7",
    -DIMINISHING: "#a9cbe8", -SPORADIC: "#cfdff0", -HISTORICAL: "#5a7d9e",
}
CONFIDENCE_CLASS = {0.90: 1, 0.95: 2, 0.99: 3}


@dataclass(frozen=True)
class EmergingResult:
    """Per cell: counts and Gi* per period (cells x periods), the trend, and the pattern."""

    grid: HexGrid
    periods: tuple[Period, ...]
    n: np.ndarray            # cells x periods
    z: np.ndarray            # cells x periods
    gi_class: np.ndarray     # cells x periods
    hot_periods: np.ndarray  # periods in which the cell was hot
    cold_periods: np.ndarray
    trend_z: np.ndarray      # Mann-Kendall z of the Gi* z series
    trend_p: np.ndarray
    pattern: np.ndarray      # int8 code, see EMERGING_LABELS

    @property
    def labels(self) -> list[str]:
        return [EMERGING_LABELS[int(c)] for c in self.pattern]

    def pattern_counts(self) -> dict[int, int]:
        return {c: int((self.pattern == c).sum()) for c in EMERGING_LABELS}


def classify_patterns(hot: np.ndarray, z: np.ndarray, *, trend_alpha: float = 0.05,
                      persistent_share: float = 0.9, historical_share: float = 0.25
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hot patterns (codes 0..6) from hot flags and z-scores (cells x periods).

    Returns (pattern, trend_z, trend_p). Call with the cold flags and ``-z`` for cold ones.
    """
    hot = np.asarray(hot, dtype=bool)
    cells, t = hot.shape
    _, trend_z, trend_p = mann_kendall(z)
    count = hot.sum(axis=1)
    share = count / t
    last = hot[:, -1]
    # One unbroken run up to the latest period: no hot period before the last cold one.
    cold_idx = np.where(~hot, np.arange(t)[None, :], -1)
    last_not_hot = cold_idx.max(axis=1)
    first_hot = np.where(hot.any(axis=1), np.argmax(hot, axis=1), t)
    one_run = first_hot > last_not_hot
    mostly = share >= persistent_share
    rising = (trend_p < trend_alpha) & (trend_z > 0)
    falling = (trend_p < trend_alpha) & (trend_z < 0)
    pattern = np.zeros(cells, dtype=np.int8)
    pattern[last & mostly & rising] = INTENSIFYING
    pattern[last & mostly & falling] = DIMINISHING
    pattern[last & mostly & ~rising & ~falling] = PERSISTENT
    pattern[last & ~mostly & (one_run | rising)] = NEW
    pattern[last & ~mostly & ~one_run & ~rising] = SPORADIC
    pattern[~last & (share >= historical_share) & (count > 0)] = HISTORICAL
    return pattern, trend_z, trend_p


def emerging_hotspots(x: np.ndarray, y: np.ndarray, times: np.ndarray,
                      periods: Sequence[Period], boundary_wkt: str | None,
                      cell_size: float = CELL_SIZE, *, confidence: float = 0.90,
                      trend_alpha: float = 0.05, persistent_share: float = 0.9,
                      historical_share: float = 0.25) -> EmergingResult:
    """Emerging hot spot patterns of points (EPSG:3006) with UTC ``times`` over ``periods``
    (oldest first, at least 3)."""
    if len(periods) < 3:
        raise AnalysisError(tr("At least three periods are needed."))
    if confidence not in CONFIDENCE_CLASS:
        raise AnalysisError(tr("The confidence level must be 0.90, 0.95 or 0.99."))
    level = CONFIDENCE_CLASS[confidence]
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if not boundary_wkt:
        boundary_wkt = convex_hull_wkt(x, y, buffer=cell_size / 2)
    grid = grid_over_boundary(boundary_wkt, cell_size)
    rows = grid.locate(x, y)
    table = grid.neighbours(include_self=True)
    t = len(periods)
    n = np.zeros((len(grid), t), dtype=np.int64)
    z = np.zeros((len(grid), t))
    classes = np.zeros((len(grid), t), dtype=np.int8)
    for k, period in enumerate(periods):
        inside = period.contains(times) & (rows >= 0)
        n[:, k] = np.bincount(rows[inside], minlength=len(grid))
        gi = gi_star(n[:, k], table)
        z[:, k] = gi.z
        classes[:, k] = gi.gi_class
    hot = classes >= level
    cold = classes <= -level
    options = dict(trend_alpha=trend_alpha, persistent_share=persistent_share,
                   historical_share=historical_share)
    hot_pattern, trend_z, trend_p = classify_patterns(hot, z, **options)
    cold_pattern, _, _ = classify_patterns(cold, -z, **options)
    pattern = np.where(hot_pattern != 0, hot_pattern, -cold_pattern).astype(np.int8)
    return EmergingResult(grid, tuple(periods), n, z, classes, hot.sum(axis=1),
                          cold.sum(axis=1), trend_z, trend_p, pattern)


def period_emerging(frame, periods: Sequence[Period], boundary_wkt: str | None = None,
                    cell_size: float = CELL_SIZE, *, categories: Iterable[str] | None = None,
                    **options) -> EmergingResult:
    """Emerging hot spots of a store's incidents (the selection rules of :mod:`.select`)."""
    lo = min(p.utc_bounds()[0] for p in periods)
    hi = max(p.utc_bounds()[1] for p in periods)
    within = incident_mask(frame, None, precise_only=True) & \
        (frame.occurred_at >= lo) & (frame.occurred_at < hi)
    keep = within & incident_mask(frame, None, categories=tuple(categories or ()))
    if not boundary_wkt:
        # The same study area whatever the category: the hull of all incidents in the window.
        boundary_wkt = convex_hull_wkt(frame.x[within], frame.y[within], buffer=cell_size / 2)
    return emerging_hotspots(frame.x[keep], frame.y[keep], frame.occurred_at[keep], periods,
                             boundary_wkt, cell_size, **options)
