"""The few distributions and tests the analysis needs, in plain Python and numpy.

No scipy at run time (it is not in every QGIS install): the normal tail comes from
``math.erfc``, exact binomial tests sum probabilities from ``math.lgamma``, and
Benjamini-Hochberg and Mann-Kendall are written out. Tests compare them with scipy.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

_SQRT2 = math.sqrt(2.0)
_erfc = np.frompyfunc(math.erfc, 1, 1)
_lgamma = np.frompyfunc(math.lgamma, 1, 1)
# Probabilities within this relative distance count as equal, as scipy's binomtest does.
_RELATIVE_TOLERANCE = 1 + 1e-7


def norm_sf(z: np.ndarray | float) -> np.ndarray:
    """Upper tail of the standard normal, P(Z > z), accurate far into the tail."""
    arr = np.asarray(z, dtype=float)
    out = _erfc(arr / _SQRT2).astype(float) * 0.5 if arr.size else arr.copy()
    return out


def norm_two_sided_p(z: np.ndarray | float) -> np.ndarray:
    """Two-sided p-value of standard normal z-scores; NaN z gives p = 1."""
    arr = np.asarray(z, dtype=float)
    p = np.minimum(1.0, 2.0 * norm_sf(np.abs(arr)))
    return np.where(np.isnan(arr), 1.0, p)


@lru_cache(maxsize=4)
def _log_factorials(n: int) -> np.ndarray:
    """log(k!) for k = 0..n, from math.lgamma."""
    return _lgamma(np.arange(n + 1, dtype=float) + 1.0).astype(float)


def binom_logpmf(n: int, p: float) -> np.ndarray:
    """log P(X = k), k = 0..n, for X ~ Binomial(n, p)."""
    k = np.arange(n + 1, dtype=float)
    logfact = _log_factorials(_round_up(n))
    log_comb = logfact[n] - logfact[: n + 1] - logfact[n::-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        a = k * math.log(p) if p > 0 else np.where(k == 0, 0.0, -np.inf)
        b = (n - k) * math.log1p(-p) if p < 1 else np.where(k == n, 0.0, -np.inf)
    return log_comb + a + b


def binom_tails(n: int, p: float) -> tuple[np.ndarray, np.ndarray]:
    """(P(X <= k), P(X >= k)) for k = 0..n, X ~ Binomial(n, p); each tail is summed from its
    own end, so small tail probabilities keep their precision."""
    pmf = np.exp(binom_logpmf(int(n), float(p)))
    return np.minimum(np.cumsum(pmf), 1.0), np.minimum(np.cumsum(pmf[::-1])[::-1], 1.0)


def _round_up(n: int) -> int:
    # Share one factorial table between tests of similar size.
    return 1 << max(10, int(n).bit_length())


def binom_test_two_sided(k: int, n: int, p: float) -> float:
    """Exact two-sided binomial test of X = k for X ~ Binomial(n, p).

    The p-value sums the probabilities of all outcomes no more likely than the one observed
    (the "minimum likelihood" rule of scipy.stats.binomtest and R's binom.test).
    """
    if n <= 0:
        return 1.0
    if not 0 <= k <= n:
        raise ValueError(f"k={k} outside 0..{n}")
    if p <= 0:
        return 1.0 if k == 0 else 0.0
    if p >= 1:
        return 1.0 if k == n else 0.0
    logpmf = binom_logpmf(n, p)
    limit = logpmf[k] + math.log(_RELATIVE_TOLERANCE)
    total = float(np.exp(logpmf[logpmf <= limit]).sum())
    return min(1.0, total)


def poisson_rate_test(count: int, reference: int, exposure_ratio: float = 1.0) -> float:
    """Two-sided exact test that two Poisson counts have the same rate.

    ``count`` was seen over exposure ``t1`` and ``reference`` over ``t0``, with
    ``exposure_ratio = t1 / t0`` (days, or days x population). Conditional on the total
    ``n = count + reference``, ``count ~ Binomial(n, t1 / (t1 + t0))`` when the rates are equal,
    so this is the exact conditional binomial test (Przyborowski & Wilenski).
    """
    if exposure_ratio <= 0 or not math.isfinite(exposure_ratio):
        raise ValueError(f"exposure_ratio must be positive, not {exposure_ratio}")
    n = int(count) + int(reference)
    return binom_test_two_sided(int(count), n, exposure_ratio / (1.0 + exposure_ratio))


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg q-values (FDR-adjusted p-values); NaN stays NaN and is not counted.

    A test is significant at false discovery rate ``alpha`` when ``q <= alpha``.
    """
    p = np.asarray(p, dtype=float)
    q = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m == 0:
        return q
    values = p[ok]
    order = np.argsort(values, kind="mergesort")
    ranked = values[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(ranked, 1.0)
    q[ok] = adjusted
    return q


def mann_kendall(series: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mann-Kendall trend test on each row of ``series`` (rows x time steps).

    Returns (S, z, p): the statistic, its normal score with continuity correction and the
    tie-corrected variance, and the two-sided p-value. Rows with fewer than 3 finite steps
    or no variance get z = 0, p = 1.
    """
    x = np.atleast_2d(np.asarray(series, dtype=float))
    rows, t = x.shape
    s = np.zeros(rows)
    for i in range(t - 1):
        s += np.sign(x[:, i + 1:] - x[:, i:i + 1]).sum(axis=1)
    var = np.full(rows, t * (t - 1) * (2 * t + 5) / 18.0)
    # Tie correction: the size g of every group of equal values in a row, all rows at once
    # (counts have many ties, and a loop over rows was most of the time on a kommun's grid).
    ordered = np.sort(x, axis=1)
    starts = np.ones((rows, t), dtype=bool)
    starts[:, 1:] = np.diff(ordered, axis=1) != 0
    group = np.cumsum(starts, axis=1) - 1 + (np.arange(rows) * t)[:, None]
    g = np.bincount(group.ravel(), minlength=rows * t).reshape(rows, t).astype(float)
    var -= (g * (g - 1) * (2 * g + 5)).sum(axis=1) / 18.0
    z = np.zeros(rows)
    ok = (var > 0) & (t >= 3)
    z[ok] = (s[ok] - np.sign(s[ok])) / np.sqrt(var[ok])
    p = np.where(ok, norm_two_sided_p(z), 1.0)
    return s, z, p
