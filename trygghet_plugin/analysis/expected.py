"""Is this period's count unusual? Observed against what the thing's own history expects.

A count (a category, an area, the total) is compared with the count its own past predicts
for the same time of year, not with the period just before: summer against winter is not a
change. For every series the model is a negative binomial regression (:mod:`.negbin`) on
its history, up to three years before the period:

``log E[count] = b0 + b1 * years + b2 * sin(2 pi * year fraction) + b3 * cos(...)
                 + log(days in the bin)``

- **season**: the annual cycle (one harmonic) is learnt from the same weeks in earlier years;
- **trend**: a straight line in time (on the log scale), with two years of history or more;
- **overdispersion**: reports come in bursts (one reporter files five at once), so the
  variance is ``mu + alpha * mu**2`` with ``alpha`` estimated from the same history. We chose
  the negative binomial over quasi-Poisson because it is a whole distribution: it gives exact
  prediction intervals and tail probabilities for the small counts most rows have, where
  quasi-Poisson only gives a variance.

The prediction for the period is a negative binomial with the model's mean and a variance
that also holds the uncertainty of the fitted mean (delta method); "väntat 28–46" is its
central 95 % interval, and the two-sided p-value is twice the smaller tail at the observed
count. A document section's rows are one family: their p-values are adjusted together with
Benjamini–Hochberg (5 % false discovery rate), and only a row with q <= 5 % is starred —
such a row always lies outside its interval. Rows with too little history (less than a year
of bins after the data begin, or no count at all in the history) get no expectation, are
said to have too short a history, and are left out of the family.

14-day periods are predicted from the 14-day bins before them; a tertial from the calendar
months before it (its four months predicted and summed, each with its own length).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

from .negbin import fit_negbin, nb_interval, nb_two_sided_p
from .periods import Period
from .stats import benjamini_hochberg

ALPHA = 0.05
HISTORY_YEARS = 3
UP, DOWN, NONE = "up", "down", "none"
#: Why a row has no expectation.
SHORT_HISTORY, NO_HISTORY = "short_history", "no_history"
_YEAR_DAYS = 365.2425


@dataclass(frozen=True)
class Expected:
    """A count against the count its history predicts.

    ``mean`` is the expected count, ``low``–``high`` the central 95 % prediction interval,
    ``p`` the two-sided p-value of the count under that prediction and ``q`` the same after
    Benjamini–Hochberg over the document section's family. ``reason`` says why there is no
    expectation ("short_history", "no_history"); then ``mean`` and the rest are None.
    """

    count: int
    mean: float | None = None
    low: int | None = None
    high: int | None = None
    p: float | None = None
    q: float | None = None
    significant: bool = False
    direction: str = NONE
    dispersion: float | None = None
    history: int = 0  # bins of history the model saw
    reason: str = ""

    @property
    def testable(self) -> bool:
        return self.mean is not None

    @property
    def interval_text(self) -> str:
        """"28–46", or "–" without an expectation."""
        if self.low is None or self.high is None:
            return "–"
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"



# -- bins -----------------------------------------------------------------------------------

def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def month_bins(first: date, end: date) -> list[Period]:
    """Calendar months from the month holding ``first`` up to (not including) ``end``."""
    out, day = [], _month_start(first)
    while day < end:
        nxt = _next_month(day)
        out.append(Period(day, min(nxt, end), "days"))
        day = nxt
    return out


def target_bins(period: Period) -> list[Period]:
    """The bins a period is predicted in: its months (a tertial) or itself."""
    if period.kind == "tertial":
        return month_bins(period.start, period.end)
    return [period]


def history_bins(period: Period, data_start: date | None = None,
                 years: int = HISTORY_YEARS) -> list[Period]:
    """The bins before ``period`` that its expectation learns from, oldest first: up to
    ``years`` years of the same length before it (calendar months for a tertial), none that
    begin before the data do (a bin the data only partly cover would look quiet)."""
    earliest = period.start - timedelta(days=round(years * _YEAR_DAYS))
    if data_start is not None:
        earliest = max(earliest, data_start)
    if period.kind == "tertial":
        first = earliest if earliest.day == 1 else _next_month(earliest)
        return month_bins(first, period.start) if first < period.start else []
    out: list[Period] = []
    end = period.start
    while True:
        start = end - timedelta(days=period.days)
        if start < earliest:
            break
        out.append(Period(start, end, "days"))
        end = start
    return out[::-1]


def bin_index(utc_times: np.ndarray, bins: Sequence[Period]) -> np.ndarray:
    """For each time, the index of the bin holding it, -1 outside every bin. ``bins`` are
    consecutive (each ends where the next begins)."""
    if not len(bins):
        return np.full(len(utc_times), -1, dtype=np.int64)
    edges = np.array([b.utc_bounds()[0] for b in bins] + [bins[-1].utc_bounds()[1]])
    t = np.asarray(utc_times).astype("datetime64[s]")
    idx = np.searchsorted(edges, t, side="right") - 1
    idx[(idx < 0) | (idx >= len(bins)) | np.isnat(t)] = -1
    return idx.astype(np.int64)


# -- the model ------------------------------------------------------------------------------

def _year_position(bins: Sequence[Period], origin: date) -> tuple[np.ndarray, np.ndarray]:
    """Each bin's midpoint in years since ``origin``, and its fraction of the year."""
    mid = np.array([(b.start - origin).days + b.days / 2.0 for b in bins]) / _YEAR_DAYS
    frac = np.array([(b.start.timetuple().tm_yday - 1 + b.days / 2.0) / _YEAR_DAYS
                     for b in bins])
    return mid, frac


def _design(bins: Sequence[Period], origin: date, trend: bool) -> np.ndarray:
    years, frac = _year_position(bins, origin)
    cols = [np.ones(len(bins)), np.sin(2 * math.pi * frac), np.cos(2 * math.pi * frac)]
    if trend:
        cols.append(years)
    return np.column_stack(cols)


def expected_counts(history: np.ndarray, observed: Sequence[int], hist: Sequence[Period],
                    target: Sequence[Period], *, level: float = 0.95) -> list[Expected]:
    """Each series' expectation for the ``target`` bins from its ``history`` counts
    (series x ``hist`` bins), unadjusted (q = p): see :func:`adjust`."""
    history = np.atleast_2d(np.asarray(history, dtype=float)).reshape(len(observed), len(hist))
    observed = [int(c) for c in observed]
    bin_days = np.array([b.days for b in hist], dtype=float)
    # A season needs a year of history to be learnt; a trend, two.
    years_seen = bin_days.sum() / _YEAR_DAYS
    if years_seen < 1.0 - 1e-9 or len(hist) < 8:
        return [Expected(c, history=len(hist), reason=SHORT_HISTORY) for c in observed]
    origin = target[-1].end
    trend = years_seen >= 2.0 - 1e-9
    x = _design(hist, origin, trend)
    xt = _design(target, origin, trend)
    offset = np.log(bin_days / 14.0)
    offset_t = np.log(np.array([b.days for b in target], dtype=float) / 14.0)
    fit = fit_negbin(history, x, offset)
    out = []
    for i, count in enumerate(observed):
        if not fit.converged[i] or not np.isfinite(fit.beta[i]).all():
            out.append(Expected(count, history=len(hist), reason=NO_HISTORY))
            continue
        mu_t = np.exp(xt @ fit.beta[i] + offset_t)
        mean = float(mu_t.sum())
        if not mean > 1e-6:  # a history of zeros but for a count long ago: nothing to expect
            out.append(Expected(count, history=len(hist), reason=NO_HISTORY))
            continue
        alpha = float(fit.alpha[i])
        # Variance of the period's count: each bin's NB variance, plus the fitted mean's own
        # uncertainty (delta method on the log scale: var(log mean) = g' cov g).
        g = (mu_t[:, None] * xt).sum(axis=0) / mean
        var_mean = float(mean * mean * (g @ fit.cov[i] @ g))
        var = mean + alpha * float((mu_t ** 2).sum()) + var_mean
        # A fit that runs away (a series that only just began, extrapolated) predicts
        # nothing worth a test.
        scale = history[i].max() * len(target) * 20.0 + 20.0
        if not (math.isfinite(mean) and math.isfinite(var)) or mean > scale:
            out.append(Expected(count, history=len(hist), reason=NO_HISTORY))
            continue
        alpha_eff = max((var - mean) / (mean * mean), 1e-9)
        p = nb_two_sided_p(count, mean, alpha_eff)
        low, high = nb_interval(mean, alpha_eff, level)
        out.append(Expected(count, mean, low, high, p, p, False, NONE, alpha, len(hist)))
    return out


def adjust(items: Sequence[Expected], alpha: float = ALPHA) -> list[Expected]:
    """One family: Benjamini–Hochberg over the rows that have an expectation; a row is
    significant when q <= alpha, its direction up or down from the expected mean."""
    items = list(items)
    tested = [i for i, e in enumerate(items) if e.testable]
    if not tested:
        return items
    q = benjamini_hochberg(np.array([items[i].p for i in tested], dtype=float))
    for i, qi in zip(tested, q):
        e = items[i]
        significant = bool(qi <= alpha)
        direction = NONE if not significant else (UP if e.count > e.mean else DOWN)
        items[i] = replace(e, q=float(qi), significant=significant, direction=direction)
    return items
