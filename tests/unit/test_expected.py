"""Expected against observed: the negative binomial model against statsmodels and scipy, and
seeded simulations — pure chance stars (almost) nothing, a planted rise is found."""

from __future__ import annotations

import warnings
from datetime import date

import numpy as np
import pytest

from trygghet_plugin.analysis.expected import (
    adjust,
    expected_counts,
    history_bins,
    target_bins,
)
from trygghet_plugin.analysis.negbin import fit_negbin, lgamma, nb_interval, nb_two_sided_p
from trygghet_plugin.analysis.periods import Period, period_containing, tertial

# Also run where `import qgis` fails (make test-noqgis, tests/unit/test_without_qgis.py).
pytestmark = pytest.mark.noqgis

PERIOD = period_containing(date(2026, 10, 7))
DATA_START = date(2023, 11, 1)


def _design(n: int) -> np.ndarray:
    t = np.arange(n) / 26.0
    return np.column_stack([np.ones(n), np.sin(2 * np.pi * t), np.cos(2 * np.pi * t), t])


def _nb(rng, mu, alpha, size=None):
    r = 1.0 / alpha
    return rng.negative_binomial(r, r / (r + np.asarray(mu)), size=size)


def test_lgamma_equals_scipy():
    from scipy.special import gammaln

    x = np.array([1e-3, 0.1, 0.5, 0.9, 1.0, 2.5, 17.0, 1234.5, 1e6])
    assert np.allclose(lgamma(x), gammaln(x), rtol=1e-13, atol=1e-13)


def test_negative_binomial_fit_equals_statsmodels():
    sm = pytest.importorskip("statsmodels.api")
    rng = np.random.default_rng(12)
    x = _design(78)
    mu = np.exp(x @ np.array([3.0, 0.3, -0.2, 0.05]))
    y = _nb(rng, mu, 0.08, size=(8, 78))
    fit = fit_negbin(y, x)
    for i in range(len(y)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = sm.NegativeBinomial(y[i], x, loglike_method="nb2")
            ref = model.fit(disp=0, method="bfgs", maxiter=500, gtol=1e-10)
            ref = model.fit(start_params=ref.params, disp=0, method="newton", maxiter=100)
        assert np.allclose(fit.beta[i], ref.params[:-1], atol=1e-4)
        assert fit.alpha[i] == pytest.approx(ref.params[-1], abs=1e-4)
        assert fit.loglike[i] == pytest.approx(ref.llf, abs=1e-4)


def test_prediction_interval_and_p_value_equal_scipy():
    from scipy import stats

    mu, alpha = 37.0, 27.0 / 37.0 ** 2  # 37 ± 8
    ref = stats.nbinom(1.0 / alpha, 1.0 / (1.0 + alpha * mu))
    assert nb_interval(mu, alpha) == tuple(int(v) for v in ref.ppf([0.025, 0.975]))
    for k in (5, 20, 37, 60, 87):
        p = min(1.0, 2 * min(ref.cdf(k), ref.sf(k - 1)))
        assert nb_two_sided_p(k, mu, alpha) == pytest.approx(p, rel=1e-9)


def _seasonal(base: float, bins: list[Period]) -> np.ndarray:
    day = np.array([b.start.timetuple().tm_yday for b in bins])
    return base * (1 + 0.4 * np.cos(2 * np.pi * (day - 200) / 365.25)) * \
        np.array([b.days for b in bins]) / 14.0


def _simulated_lagesbilder(rng, runs: int, extra: int = 0):
    """``runs`` lägesbilder of six categories (dispersion 1.5-3 times the mean); ``extra``
    reports added to the first category (37 ± 8 normal) in the period itself."""
    rows = [(37, 64 / 37), (20, 1.5), (10, 3.0), (5, 2.0), (60, 2.5), (3, 1.5)]
    period = PERIOD
    out = []
    for _ in range(runs):
        hist = history_bins(period, DATA_START)
        bins = [*hist, period]
        counts = []
        for base, phi in rows:
            mu = _seasonal(base, bins) if base != 37 else np.full(len(bins), 37.0)
            counts.append(_nb(rng, mu, (phi - 1) / mu))
        counts = np.array(counts)
        counts[0, -1] += extra
        out.append(adjust(expected_counts(counts[:, :-1], counts[:, -1], hist, [period])))
        period = period.previous()
    return out


def test_pure_chance_is_rarely_starred():
    found = _simulated_lagesbilder(np.random.default_rng(2026), 40)
    rows = [e for table in found for e in table]
    assert all(e.testable for e in rows)
    assert sum(e.significant for e in rows) / len(rows) < 0.03  # about 1 % is the aim


def test_fifty_extra_reports_where_37_are_normal_are_found():
    found = _simulated_lagesbilder(np.random.default_rng(7), 30, extra=50)
    assert sum(t[0].significant and t[0].direction == "up" for t in found) >= 27  # >= 90 %


def test_a_tertial_is_predicted_from_the_months_before_it():
    period = tertial(2026, 2)
    hist = history_bins(period, DATA_START)
    assert hist[0].start == date(2023, 11, 1) and hist[-1].end == period.start
    assert [b.start.month for b in target_bins(period)] == [5, 6, 7, 8]
    rng = np.random.default_rng(3)
    bins = [*hist, *target_bins(period)]
    y = _nb(rng, _seasonal(40, bins) * 14 / 14, 0.02)
    (e,) = expected_counts(y[None, :len(hist)], [int(y[len(hist):].sum())], hist,
                           target_bins(period))
    true = _seasonal(40, target_bins(period)).sum()
    assert e.low <= true <= e.high and e.history == len(hist)


def test_a_history_of_zeros_but_for_one_old_count_expects_nothing_and_does_not_fail():
    hist = history_bins(PERIOD, DATA_START)
    history = np.zeros((2, len(hist)))
    history[0, 0] = 1  # one report long ago: the fitted trend runs to zero
    history[1, :3] = [5, 4, 6]
    found = adjust(expected_counts(history, [3, 0], hist, [PERIOD]))
    assert [e.testable for e in found] == [False, False]
    assert not any(e.significant for e in found)
