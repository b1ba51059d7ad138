"""Emerging hot spots: each cell's hot and cold spot history over the last N periods, in the
categories of ArcGIS Pro's Emerging Hot Spot Analysis.

For every period the hot spot analysis of :mod:`.hotspots` runs on the same hexagon grid. A
cell is *hot* in a period when its Gi* class is a hot spot at the chosen confidence (default
90 %, FDR-corrected within the period), *cold* likewise. Each cell's *trend* is a two-sided
Mann–Kendall test (5 %) of its incident **counts** over the periods, so "intensifying" and
"diminishing" mean that incidents there really rose or fell (Esri tests the trend of the Gi*
z-scores instead; a z-score can fall while the count rises, because z is relative to the rest
of the kommun).

The categories and their rules are Esri's ("How Emerging Hot Spot Analysis works", ArcGIS
Pro, Space Time Pattern Mining toolbox, pro.arcgis.com/…/learnmoreemerging.htm; "90 %" is
``share``). The quotes are the English page's; new to sporadic were checked sentence by
sentence against the page's Japanese version (ArcGIS AllSource), new also against the French
and Spanish ones (ArcGIS Pro):

=================  ============================================================================
new                "A location that is a statistically significant hot spot for the final
                   time step and has never been a statistically significant hot spot
                   before."
consecutive        "A location with a single uninterrupted run of at least two statistically
                   significant hot spot bins in the final time-step intervals. The location
                   has never been a statistically significant hot spot prior to the final hot
                   spot run and less than 90 percent of all bins are statistically significant
                   hot spots."
intensifying       "A location that has been a statistically significant hot spot for 90
                   percent of the time-step intervals, including the final time step. In
                   addition, the intensity of clustering of high counts in each time step is
                   increasing overall and that increase is statistically significant."
persistent         "A location that has been a statistically significant hot spot for 90
                   percent of the time-step intervals with no discernible trend in the
                   intensity of clustering over time."
diminishing        "A location that has been a statistically significant hot spot for 90
                   percent of the time-step intervals, including the final time step. In
                   addition, the intensity of clustering in each time step is decreasing
                   overall and that decrease is statistically significant."
sporadic           "A statistically significant hot spot for the final time-step interval
                   with a history of also being an on-again and off-again hot spot. Less than
                   90 percent of the time-step intervals have been statistically significant
                   hot spots and none of the time-step intervals have been statistically
                   significant cold spots."
oscillating        "A statistically significant hot spot for the final time-step interval
                   that has a history of also being a statistically significant cold spot
                   during a prior time step. Less than 90 percent of the time-step intervals
                   have been statistically significant hot spots."
historical         "The most recent time period is not hot, but at least 90 percent of the
                   time-step intervals have been statistically significant hot spots."
no pattern         "Does not fall into any of the hot or cold spot patterns defined."
=================  ============================================================================

Cold spots are the mirror image (negative codes); an *intensifying* cold spot is one whose
counts fall significantly, a *diminishing* one whose counts rise.

Where Esri's sentences leave room, this module decides as follows (each rule is tested):

* "90 percent" means at least 90 % (``hot periods >= 0.9 T``); "less than 90 percent" the
  rest. *Persistent* also needs the final period hot, as intensifying and diminishing do —
  otherwise it would overlap *historical*, which is exactly "≥ 90 % hot, final not hot".
* Trend "statistically significant" is Mann–Kendall p < 0.05; "no discernible trend" is
  p ≥ 0.05.
* A cell that was cold before and is hot only in the final period (or final run) fits both
  *new*/*consecutive* and *oscillating*; it is *oscillating*, because that past is what the
  category exists to tell. *New*, *consecutive* and *sporadic* are therefore never cold
  before (as in the R package sfdep's reading of the same rules).
* The final period decides first: a cell hot in the final period gets a hot pattern, a cell
  cold in the final period a cold one (so a cell hot in ≥ 90 % of the periods but cold in the
  last is an *oscillating cold spot*, not a historical hot spot); only cells that are neither
  in the final period can be *historical*.

The Mann–Kendall test cannot reach p < 0.05 with fewer than 5 periods (a perfectly rising
series of 4 gives p = 0.089; pymannkendall agrees), so fewer periods are refused; with fewer
than 10 (Esri's Create Space Time Cube picks a default time-step interval that gives at least
10 steps) the result carries a warning.
Differences from Esri that remain: one spatial Gi* per period on the hexagon grid (no
time-lagged neighbours), and the trend of counts rather than of z.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

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

# Esri's order; the cold patterns are the negative codes.
NEW, CONSECUTIVE, INTENSIFYING, PERSISTENT, DIMINISHING, SPORADIC, OSCILLATING, HISTORICAL = \
    range(1, 9)
PATTERNS = (NEW, CONSECUTIVE, INTENSIFYING, PERSISTENT, DIMINISHING, SPORADIC, OSCILLATING,
            HISTORICAL)
#: Esri's "90 percent of the time-step intervals".
SHARE = 0.9
TREND_ALPHA = 0.05
#: Below this many periods the result warns (the fewest time steps Esri's cube defaults to).
RECOMMENDED_PERIODS = 10

#: pattern code -> Swedish label (negative codes: cold spots).
EMERGING_LABELS: dict[int, str] = {
    NEW: "Ny hotspot",
    CONSECUTIVE: "Sammanhängande hotspot",
    INTENSIFYING: "Intensifierande hotspot",
    PERSISTENT: "Ihållande hotspot",
    DIMINISHING: "Avtagande hotspot",
    SPORADIC: "Sporadisk hotspot",
    OSCILLATING: "Växlande hotspot",
    HISTORICAL: "Historisk hotspot",
    0: "Inget mönster",
    -NEW: "Nytt kallt område",
    -CONSECUTIVE: "Sammanhängande kallt område",
    -INTENSIFYING: "Intensifierande kallt område",
    -PERSISTENT: "Ihållande kallt område",
    -DIMINISHING: "Avtagande kallt område",
    -SPORADIC: "Sporadiskt kallt område",
    -OSCILLATING: "Växlande kallt område",
    -HISTORICAL: "Historiskt kallt område",
}
#: Esri's names, for the guide and for analysts who know the ArcGIS tool.
EMERGING_LABELS_EN: dict[int, str] = {
    NEW: "New hot spot", CONSECUTIVE: "Consecutive hot spot",
    INTENSIFYING: "Intensifying hot spot", PERSISTENT: "Persistent hot spot",
    DIMINISHING: "Diminishing hot spot", SPORADIC: "Sporadic hot spot",
    OSCILLATING: "Oscillating hot spot", HISTORICAL: "Historical hot spot",
    0: "No pattern detected",
    -NEW: "New cold spot", -CONSECUTIVE: "Consecutive cold spot",
    -INTENSIFYING: "Intensifying cold spot", -PERSISTENT: "Persistent cold spot",
    -DIMINISHING: "Diminishing cold spot", -SPORADIC: "Sporadic cold spot",
    -OSCILLATING: "Oscillating cold spot", -HISTORICAL: "Historical cold spot",
}
#: pattern code -> fill colour of resources/styles/emerging.qml (reds hot, blues cold,
#: purples for the oscillating ones, light grey for no pattern).
EMERGING_COLORS: dict[int, str] = {
    NEW: "#ff8c69", CONSECUTIVE: "#f46d43", INTENSIFYING: "#a50026", PERSISTENT: "#d73027",
    DIMINISHING: "#fdae61", SPORADIC: "#f7cbb9", OSCILLATING: "#c51b7d",
    HISTORICAL: "#8c6d62", 0: "#eeeeee",
    -NEW: "#8cc6ff", -CONSECUTIVE: "#5e9fd8", -INTENSIFYING: "#313695",
    -PERSISTENT: "#4575b4", -DIMINISHING: "#abd9e9", -SPORADIC: "#d4e4f2",
    -OSCILLATING: "#7b3294", -HISTORICAL: "#5a7d9e",
}
CONFIDENCE_CLASS = {0.90: 1, 0.95: 2, 0.99: 3}
#: One character per period in a cell's history: hot, cold, neither.
HISTORY_MARKS = {1: "+", -1: "-", 0: "."}


@dataclass(frozen=True)
class EmergingResult:
    """Per cell: counts and Gi* per period (cells x periods), the trend, and the pattern."""

    grid: HexGrid
    periods: tuple[Period, ...]
    n: np.ndarray            # cells x periods
    z: np.ndarray            # cells x periods
    gi_class: np.ndarray     # cells x periods
    hot: np.ndarray          # cells x periods: a hot spot at the chosen confidence
    cold: np.ndarray         # cells x periods
    trend_z: np.ndarray      # Mann-Kendall z of the cell's counts
    trend_p: np.ndarray
    pattern: np.ndarray      # int8 code, see EMERGING_LABELS
    warnings: tuple[str, ...] = ()

    @property
    def hot_periods(self) -> np.ndarray:
        return self.hot.sum(axis=1)

    @property
    def cold_periods(self) -> np.ndarray:
        return self.cold.sum(axis=1)

    @property
    def labels(self) -> list[str]:
        return [EMERGING_LABELS[int(c)] for c in self.pattern]

    def histories(self) -> list[str]:
        """Each cell's periods, oldest first: ``+`` hot, ``-`` cold, ``.`` neither."""
        return period_marks(self.hot, self.cold)

    def pattern_counts(self) -> dict[int, int]:
        return {c: int((self.pattern == c).sum()) for c in EMERGING_LABELS}


def period_marks(hot: np.ndarray, cold: np.ndarray) -> list[str]:
    state = np.asarray(hot, dtype=np.int8) - np.asarray(cold, dtype=np.int8)
    marks = np.array([HISTORY_MARKS[k] for k in (-1, 0, 1)])
    return ["".join(row) for row in marks[state + 1]]


@lru_cache(maxsize=8)
def min_trend_periods(alpha: float = TREND_ALPHA) -> int:
    """The fewest periods in which the Mann–Kendall test can reach p < ``alpha`` at all
    (a strictly rising series without ties): 5 for 5 %."""
    for t in range(3, 200):
        _, _, p = mann_kendall(np.arange(t, dtype=float))
        if p[0] < alpha:
            return t
    raise AnalysisError(tr("The trend test's significance level is too small."))


def _one_side(on: np.ndarray, other: np.ndarray, rising: np.ndarray, falling: np.ndarray,
              share: float) -> np.ndarray:
    """Esri's hot patterns (codes 1..8) from ``on`` = hot flags, ``other`` = cold flags and
    the trend; called with the roles swapped for the cold patterns."""
    cells, t = on.shape
    count = on.sum(axis=1)
    last = on[:, -1]
    # "90 percent of the time-step intervals", with a little room for 0.9 * t in floats
    mostly = count >= share * t - 1e-9
    reversed_on = on[:, ::-1]
    final_run = np.where(reversed_on.all(axis=1), t, np.argmax(~reversed_on, axis=1))
    before_run = count > final_run            # on at some period before the final run
    was_other = other.any(axis=1)             # e.g. a cold spot at some time
    pattern = np.zeros(cells, dtype=np.int8)
    pattern[last & mostly & rising] = INTENSIFYING
    pattern[last & mostly & falling] = DIMINISHING
    pattern[last & mostly & ~rising & ~falling] = PERSISTENT
    few = last & ~mostly
    pattern[few & was_other] = OSCILLATING
    pattern[few & ~was_other & (count == 1)] = NEW
    pattern[few & ~was_other & (count >= 2) & ~before_run] = CONSECUTIVE
    pattern[few & ~was_other & before_run] = SPORADIC
    pattern[~last & mostly] = HISTORICAL
    return pattern


def classify_patterns(hot: np.ndarray, cold: np.ndarray, counts: np.ndarray, *,
                      trend_alpha: float = TREND_ALPHA, share: float = SHARE
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Esri's pattern codes (module docstring) from hot and cold flags and incident counts,
    each cells x periods (oldest first).

    Returns (pattern, trend_z, trend_p), the trend being Mann–Kendall on ``counts``.
    """
    hot = np.asarray(hot, dtype=bool)
    cold = np.asarray(cold, dtype=bool)
    if (hot & cold).any():
        raise ValueError("a cell cannot be hot and cold in the same period")
    _, trend_z, trend_p = mann_kendall(np.asarray(counts, dtype=float))
    significant = trend_p < trend_alpha
    up = significant & (trend_z > 0)
    down = significant & (trend_z < 0)
    hot_pattern = _one_side(hot, cold, up, down, share)
    # Cold clustering intensifies when the counts fall.
    cold_pattern = _one_side(cold, hot, down, up, share)
    pattern = np.zeros(len(hot), dtype=np.int8)
    now_hot, now_cold = hot[:, -1], cold[:, -1]
    pattern[now_hot] = hot_pattern[now_hot]
    pattern[now_cold] = -cold_pattern[now_cold]
    neither = ~now_hot & ~now_cold
    pattern[neither & (hot_pattern == HISTORICAL)] = HISTORICAL
    pattern[neither & (cold_pattern == HISTORICAL)] = -HISTORICAL
    return pattern, trend_z, trend_p


def check_period_count(count: int, trend_alpha: float = TREND_ALPHA) -> tuple[str, ...]:
    """Refuses too few periods for a trend test; returns the warnings for few periods."""
    least = min_trend_periods(trend_alpha)
    if count < least:
        raise AnalysisError(tr(
            "Emerging hot spots need at least {least} periods, not {count}: with fewer, the "
            "Mann–Kendall trend test cannot reach significance, so intensifying and "
            "diminishing could never be told from persistent.").format(least=least,
                                                                        count=count))
    if count < RECOMMENDED_PERIODS:
        return (tr("Only {count} periods: Emerging Hot Spot Analysis wants at least {least} "
                   "time steps. With fewer, a trend is seldom significant and the patterns "
                   "are uncertain.").format(count=count, least=RECOMMENDED_PERIODS),)
    return ()


def emerging_hotspots(x: np.ndarray, y: np.ndarray, times: np.ndarray,
                      periods: Sequence[Period], boundary_wkt: str | None,
                      cell_size: float = CELL_SIZE, *, confidence: float = 0.90,
                      trend_alpha: float = TREND_ALPHA, share: float = SHARE
                      ) -> EmergingResult:
    """Emerging hot spot patterns of points (EPSG:3006) with UTC ``times`` over ``periods``
    (oldest first, at least :func:`min_trend_periods`)."""
    if confidence not in CONFIDENCE_CLASS:
        raise AnalysisError(tr("The confidence level must be 0.90, 0.95 or 0.99."))
    warnings = check_period_count(len(periods), trend_alpha)
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
    pattern, trend_z, trend_p = classify_patterns(hot, cold, n, trend_alpha=trend_alpha,
                                                  share=share)
    return EmergingResult(grid, tuple(periods), n, z, classes, hot, cold, trend_z, trend_p,
                          pattern, warnings)


def period_emerging(frame, periods: Sequence[Period], boundary_wkt: str | None = None,
                    cell_size: float = CELL_SIZE, *, categories: Iterable[str] | None = None,
                    **options) -> EmergingResult:
    """Emerging hot spots of a store's incidents (the selection rules of :mod:`.select`)."""
    check_period_count(len(periods), options.get("trend_alpha", TREND_ALPHA))
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
