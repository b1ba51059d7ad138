"""Negative binomial (NB2) regression and distribution, in numpy alone (no scipy at run time).

Counts of reports vary more than Poisson: one reporter walks a street and files five
reports, a school holiday fills a park. The NB2 model keeps the Poisson mean
``mu = exp(X beta + offset)`` and lets the variance grow as ``mu + alpha * mu**2``; ``alpha``
(the dispersion) is estimated from the same history as ``beta``, by maximum likelihood, so a
place whose counts are restless gets a wider band of "normal" than a calm one.

Many series (every category and area) share one design matrix (they have the same periods),
so they are fitted together: IRLS for ``beta`` given ``alpha`` runs on all series at once, and
``alpha`` maximises each series' profile likelihood by golden-section search on
``log(alpha)``. The estimates equal statsmodels' ``NegativeBinomial`` (loglike_method "nb2")
to about 1e-6 (tests compare them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# Lanczos approximation (g = 7, n = 9): |error| < 1e-15 for x >= 0.5.
_LANCZOS_G = 7.0
_LANCZOS = np.array([0.99999999999980993, 676.5203681218851, -1259.1392167224028,
                     771.32342877765313, -176.61502916214059, 12.507343278686905,
                     -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7])
_HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)
LOG_ALPHA_RANGE = (-12.0, 4.0)  # alpha from ~6e-6 (practically Poisson) to ~55


def lgamma(x: np.ndarray | float) -> np.ndarray:
    """log Gamma(x) for x > 0, elementwise (numpy has none; math.lgamma is one at a time)."""
    x = np.asarray(x, dtype=float)
    small = x < 0.5
    # lgamma(x) = lgamma(x + 1) - log(x) brings small arguments into Lanczos' range.
    z = np.where(small, x + 1.0, x) - 1.0
    series = np.full(z.shape, _LANCZOS[0])
    for i in range(1, len(_LANCZOS)):
        series = series + _LANCZOS[i] / (z + i)
    t = z + _LANCZOS_G + 0.5
    out = _HALF_LOG_2PI + (z + 0.5) * np.log(t) - t + np.log(series)
    with np.errstate(divide="ignore"):
        return np.where(small, out - np.log(x), out)


def nb_logpmf(k: np.ndarray, mu: np.ndarray | float, alpha: np.ndarray | float) -> np.ndarray:
    """log P(X = k) for X ~ NB2(mean ``mu``, dispersion ``alpha``); alpha -> 0 is Poisson."""
    k = np.asarray(k, dtype=float)
    mu = np.asarray(mu, dtype=float)
    alpha = np.maximum(np.asarray(alpha, dtype=float), 1e-12)
    r = 1.0 / alpha
    with np.errstate(divide="ignore", invalid="ignore"):
        return (lgamma(k + r) - lgamma(r) - lgamma(k + 1.0)
                + r * np.log(r / (r + mu)) + k * np.log(mu / (r + mu)))


def _loglike(y: np.ndarray, mu: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Each series' NB2 log-likelihood (rows of ``y`` and ``mu``; ``alpha`` per row)."""
    return nb_logpmf(y, mu, alpha[:, None]).sum(axis=1)


@dataclass(frozen=True)
class NegBinFit:
    """Fitted NB2 regressions, one per series (row)."""

    beta: np.ndarray  # series x parameters
    alpha: np.ndarray  # series
    cov: np.ndarray  # series x parameters x parameters (given alpha)
    loglike: np.ndarray  # series
    converged: np.ndarray  # series (bool)

    def mean(self, x: np.ndarray, offset: np.ndarray | float = 0.0) -> np.ndarray:
        """Expected counts, series x rows of ``x``."""
        return np.exp(self.beta @ np.asarray(x, dtype=float).T + offset)


def _irls(y: np.ndarray, x: np.ndarray, offset: np.ndarray, alpha: np.ndarray,
          beta: np.ndarray, iterations: int = 50, tol: float = 1e-10
          ) -> tuple[np.ndarray, np.ndarray]:
    """beta maximising each series' likelihood for its fixed alpha; also X'WX."""
    n, p = x.shape
    ridge = 1e-9 * np.eye(p)
    beta = np.array(beta, dtype=float, copy=True)
    xtwx = np.zeros((len(y), p, p))
    # X'WX for all series at once as one matrix product: w (series x n) times the rows'
    # outer products x_n x_n' (n x p*p) — an einsum over three operands is ten times slower.
    outer = (x[:, :, None] * x[:, None, :]).reshape(n, p * p)
    active = np.arange(len(y))  # series still moving: a converged one is left alone
    for _ in range(iterations):
        if not active.size:
            break
        b, ya, off = beta[active], y[active], offset
        eta = b @ x.T + off
        mu = np.exp(np.clip(eta, -30, 30))
        w = mu / (1.0 + alpha[active, None] * mu)
        z = eta - off + (ya - mu) / mu
        m = (w @ outer).reshape(len(active), p, p) + ridge
        new = np.linalg.solve(m, ((w * z) @ x)[..., None])[..., 0]
        step = np.abs(new - b).max(axis=1) if p else np.zeros(len(active))
        beta[active], xtwx[active] = new, m
        active = active[step >= tol]
    if active.size:  # not converged in time: X'WX at the last estimate all the same
        eta = beta[active] @ x.T + offset
        mu = np.exp(np.clip(eta, -30, 30))
        w = mu / (1.0 + alpha[active, None] * mu)
        xtwx[active] = (w @ outer).reshape(len(active), p, p) + ridge
    return beta, xtwx


def fit_negbin(y: np.ndarray, x: np.ndarray, offset: np.ndarray | float = 0.0,
               tol: float = 1e-7) -> NegBinFit:
    """Maximum likelihood NB2 regression of each row of ``y`` (series x periods) on the
    columns of ``x`` (periods x parameters), ``offset`` (log exposure) per period.

    A series must have some count in its history; all-zero rows get NaN estimates (the
    caller says "too little history" for them)."""
    y = np.atleast_2d(np.asarray(y, dtype=float))
    x = np.asarray(x, dtype=float)
    offset = np.broadcast_to(np.asarray(offset, dtype=float), (y.shape[1],))
    series, p = len(y), x.shape[1]
    ok = y.sum(axis=1) > 0
    beta0 = np.zeros((series, p))
    # Start from the intercept of the mean rate (the first column is the intercept).
    beta0[:, 0] = np.log(np.maximum(y.mean(axis=1), 1e-3)) - offset.mean()
    yo = y[ok]

    def profile(log_alpha: np.ndarray, start: np.ndarray):
        alpha = np.exp(log_alpha)
        beta, _ = _irls(yo, x, offset, alpha, start)
        mu = np.exp(np.clip(beta @ x.T + offset, -30, 30))
        return _loglike(yo, mu, alpha), beta

    # Golden-section search on log(alpha), all series in step.
    lo = np.full(len(yo), LOG_ALPHA_RANGE[0])
    hi = np.full(len(yo), LOG_ALPHA_RANGE[1])
    ratio = (math.sqrt(5.0) - 1.0) / 2.0
    a = hi - ratio * (hi - lo)
    b = lo + ratio * (hi - lo)
    start = beta0[ok]
    fa, beta_a = profile(a, start)
    fb, beta_b = profile(b, start)
    while (hi - lo).max(initial=0.0) > tol:
        left = fa > fb  # the maximum lies in [lo, b]
        hi = np.where(left, b, hi)
        lo = np.where(left, lo, a)
        b_new = np.where(left, a, lo + ratio * (hi - lo))
        a_new = np.where(left, hi - ratio * (hi - lo), b)
        kept_f = np.where(left, fa, fb)  # the inner point that stays inner
        kept_beta = np.where(left[:, None], beta_a, beta_b)
        fnew, beta_new = profile(np.where(left, a_new, b_new), kept_beta)
        fa, fb = np.where(left, fnew, kept_f), np.where(left, kept_f, fnew)
        beta_a = np.where(left[:, None], beta_new, kept_beta)
        beta_b = np.where(left[:, None], kept_beta, beta_new)
        a, b = a_new, b_new
    log_alpha = (lo + hi) / 2.0
    alpha_ok = np.exp(log_alpha)
    beta_ok, xtwx = _irls(yo, x, offset, alpha_ok, np.where((fa > fb)[:, None], beta_a, beta_b))
    mu = np.exp(np.clip(beta_ok @ x.T + offset, -30, 30))
    beta = np.full((series, p), np.nan)
    alpha = np.full(series, np.nan)
    cov = np.full((series, p, p), np.nan)
    loglike = np.full(series, np.nan)
    beta[ok], alpha[ok] = beta_ok, alpha_ok
    cov[ok] = np.linalg.inv(xtwx)
    loglike[ok] = _loglike(yo, mu, alpha_ok)
    return NegBinFit(beta, alpha, cov, loglike, ok.copy())


# -- the predictive distribution ---------------------------------------------------------

def nb_tails(k: int, mu: float, alpha: float) -> tuple[float, float]:
    """(P(X <= k), P(X >= k)) for X ~ NB2(mu, alpha), each summed from its own side."""
    sd = math.sqrt(mu + alpha * mu * mu)
    top = int(max(k, mu + 40.0 * sd + 20.0)) + 1
    pmf = np.exp(nb_logpmf(np.arange(top + 1), mu, alpha))
    lower = float(pmf[:k + 1].sum())
    upper = float(pmf[k:].sum())
    return min(lower, 1.0), min(upper, 1.0)


def nb_two_sided_p(k: int, mu: float, alpha: float) -> float:
    """Twice the smaller tail (the "doubled" two-sided p-value of a discrete test)."""
    lower, upper = nb_tails(int(k), mu, alpha)
    return min(1.0, 2.0 * min(lower, upper))


def nb_interval(mu: float, alpha: float, level: float = 0.95) -> tuple[int, int]:
    """The central ``level`` prediction interval: the smallest count with P(X <= low) >=
    (1 - level) / 2 and the smallest with P(X <= high) >= (1 + level) / 2."""
    sd = math.sqrt(mu + alpha * mu * mu)
    top = int(mu + 40.0 * sd + 20.0)
    cdf = np.cumsum(np.exp(nb_logpmf(np.arange(top + 1), mu, alpha)))
    tail = (1.0 - level) / 2.0
    low = int(np.searchsorted(cdf, tail - 1e-12))
    high = int(np.searchsorted(cdf, 1.0 - tail - 1e-12))
    return low, min(high, top)
