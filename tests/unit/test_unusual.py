""""Ovanligt just nu" on seeded space–time data: quiet when nothing happens, a planted burst
at a quiet place found, single events never flagged, the tail equal to scipy's."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from trygghet_plugin.analysis.unusual import nb_upper_tail, unusual_now
from trygghet_sample.spacetime import simulate


def run(sample):
    return unusual_now(sample.x, sample.y, sample.bin_of, sample.period, sample.history,
                       sample.grid)


def near(result, at, metres=300.0) -> bool:
    cx, cy = result.grid.centres
    return any(np.hypot(cx[c.cells] - at[0], cy[c.cells] - at[1]).min() < metres
               for c in result.clusters)


@pytest.mark.parametrize("alpha", [0.5, 2.0])
def test_stationary_overdispersed_data_raise_at_most_one_false_cluster_per_20_periods(alpha):
    clusters = sum(len(run(simulate(seed, alpha=alpha)).clusters) for seed in range(40))
    assert clusters <= 2


def test_fifteen_extra_incidents_within_150_m_at_a_quiet_place_are_found_nine_times_in_ten():
    found = 0
    for seed in range(20):
        sample = simulate(100 + seed, planted=15)
        result = run(sample)
        found += near(result, sample.planted_at)
    assert found >= 18


def test_the_cluster_says_what_it_holds():
    sample = simulate(7, planted=15)
    result = run(sample)
    cluster = next(c for c in result.clusters)
    assert cluster.count >= 15 and cluster.expected < 3 and cluster.ratio > 5
    assert cluster.p < 1e-6 and cluster.q <= 0.05
    assert result.testable and 0 < result.dispersion < 1
    assert result.history == len(sample.history) == 78


def test_a_handful_of_events_at_a_new_place_never_flags():
    sample = simulate(3, planted=4, radius=30)
    result = run(sample)
    assert not near(result, sample.planted_at)
    assert not result.flagged[result.window_n < 5].any()


def test_with_less_than_a_year_of_history_nothing_is_flagged():
    sample = simulate(4, planted=30)
    keep = sample.bin_of >= len(sample.history) - 20
    result = unusual_now(sample.x[keep], sample.y[keep], sample.bin_of[keep], sample.period,
                         sample.history, sample.grid)
    assert not result.testable and result.clusters == [] and not result.flagged.any()
    assert "a year is needed" in result.summary() or "ett år" in result.summary()


def test_the_upper_tail_equals_scipy():
    rng = np.random.default_rng(1)
    k = rng.integers(0, 80, 400)
    mu = rng.uniform(0.01, 40, 400)
    alpha = rng.uniform(0.01, 3, 400)
    n = 1 / alpha
    expected = stats.nbinom.sf(k - 1, n, n / (n + mu))
    ours = nb_upper_tail(k, mu, alpha)
    assert np.allclose(ours, expected, rtol=1e-7, atol=1e-14)
