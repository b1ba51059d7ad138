"""The evaluation of a measure: the Weighted Displacement Quotient by hand from Bowers &
Johnson's (2003) definitions, the effect's interval on seeded simulations (a planted 40 %
drop with part of it displaced to the buffer; a measure with no effect) and the verdicts."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest
from osgeo import ogr

from trygghet_plugin.analysis import measures as m

WEEKS = 12
BIN_DAYS = np.full(WEEKS, 7)


def test_wdq_and_its_parts_by_hand():
    # Displacement: the target falls from 100 to 60, the buffer rises from 50 to 60, the
    # control stays at 1000. SM = 60/1000 - 100/1000 = -0.04; BDM = 60/1000 - 50/1000 = 0.01.
    parts = m.weighted_displacement(rb=100, ra=60, db=50, da=60, cb=1000, ca=1000)
    assert parts.success == pytest.approx(-0.04)
    assert parts.buffer_displacement == pytest.approx(0.01)
    assert parts.wdq == pytest.approx(-0.25)
    # Diffusion of benefit with a shrinking control: SM = 20/400 - 40/500 = -0.03;
    # BDM = 20/400 - 30/500 = -0.01; WDQ = 1/3.
    parts = m.weighted_displacement(rb=40, ra=20, db=30, da=20, cb=500, ca=400)
    assert parts.success == pytest.approx(-0.03)
    assert parts.buffer_displacement == pytest.approx(-0.01)
    assert parts.wdq == pytest.approx(1 / 3)
    # Displacement greater than the benefit: WDQ < -1.
    assert m.weighted_displacement(50, 40, 20, 40, 100, 100).wdq == pytest.approx(-2.0)
    # Read only when the target improved: an increase gives parts but no WDQ to read.
    worse = m.weighted_displacement(rb=50, ra=70, db=20, da=10, cb=100, ca=100)
    assert worse.wdq == pytest.approx(-0.5) and worse.readable_wdq is None
    assert parts.readable_wdq == pytest.approx(1 / 3)
    # Undefined: no change in the target relative to control, or an empty control.
    assert m.weighted_displacement(10, 10, 5, 8, 100, 100).wdq is None
    assert m.weighted_displacement(10, 5, 5, 8, 0, 100) == m.WdqParts(None, None, None)


def test_t_quantile_matches_scipy():
    from scipy import stats

    assert m.t_quantile_975(3) == pytest.approx(stats.t.ppf(0.975, 3), abs=5e-3)
    for df in (4, 6, 10, 22, 44, 200):
        assert m.t_quantile_975(df) == pytest.approx(stats.t.ppf(0.975, df), abs=1e-3)


def test_the_ratio_of_ratios_with_poisson_noise_by_hand():
    est = m.ratio_of_ratios(xb=100, xa=60, cb=1000, ca=1000, phi_x=1.0, phi_c=1.0, df=10**9)
    se = np.sqrt(1 / 100 + 1 / 60 + 2 / 1000)
    assert est.ratio == pytest.approx(0.6)
    assert est.low == pytest.approx(0.6 * np.exp(-1.959964 * se), rel=1e-5)
    assert est.high == pytest.approx(0.6 * np.exp(1.959964 * se), rel=1e-5)
    assert est.below_one
    # Overdispersion widens the interval.
    wide = m.ratio_of_ratios(100, 60, 1000, 1000, phi_x=3.0, phi_c=1.0, df=10**9)
    assert wide.low < est.low and wide.high > est.high


def simulate(rng, *, drop: float, displaced: float, target=10.0, ring=5.0, control=80.0,
             alpha=0.08) -> np.ndarray:
    """Weekly counts zones x windows x weeks: negative binomial (dispersion ``alpha``), a
    season and trend every zone shares, the measure acting in the after window only."""
    season = np.array([1.0, 1.25, 0.9, 1.1])  # before, after, and a year earlier
    base = np.array([target, ring, control])
    mu = base[:, None] * season[None, :]
    mu = np.repeat(mu[:, :, None], WEEKS, axis=2).copy()
    prevented = target * drop * season[m.AFTER]
    mu[m.TARGET, m.AFTER] -= prevented
    mu[m.BUFFER, m.AFTER] += prevented * displaced
    # NB2 as a gamma-Poisson mixture.
    return rng.poisson(rng.gamma(1 / alpha, mu * alpha))


def test_a_planted_40_percent_drop_is_covered_and_its_displacement_shows_in_the_wdq():
    rng = np.random.default_rng(16)
    runs = 400
    covered = effective = negative_wdq = 0
    wdqs = []
    for _ in range(runs):
        result = m.evaluate_counts(simulate(rng, drop=0.4, displaced=0.5), BIN_DAYS)
        assert result.effect is not None
        covered += result.effect.low <= 0.6 <= result.effect.high
        effective += result.effective
        negative_wdq += result.wdq.wdq is not None and result.wdq.wdq < 0
        wdqs.append(result.wdq.wdq)
    assert covered / runs >= 0.90
    assert negative_wdq / runs >= 0.90
    # The true WDQ: (7/80 - 5/80) / (6/80 - 10/80) = -0.5.
    assert -0.8 <= float(np.median(wdqs)) <= -0.25
    # Power: with this much noise (weekly NB, the control 7 times overdispersed) about 60 %.
    assert effective / runs >= 0.5


def test_a_measure_with_no_effect_is_rarely_called_effective():
    rng = np.random.default_rng(17)
    runs = 400
    effective = covered = 0
    for _ in range(runs):
        result = m.evaluate_counts(simulate(rng, drop=0.0, displaced=0.0), BIN_DAYS)
        effective += result.effective
        covered += result.effect.low <= 1.0 <= result.effect.high
    assert effective / runs <= 0.05
    assert covered / runs >= 0.90


def test_too_few_incidents_are_not_judged_and_the_verdict_reads_in_swedish():
    bins = np.zeros((3, 4, WEEKS))
    bins[m.TARGET, m.BEFORE, :3] = 2  # 6 before, 2 after
    bins[m.TARGET, m.AFTER, :2] = 1
    bins[m.COMPARISON] = 20
    result = m.evaluate_counts(bins, BIN_DAYS)
    assert result.verdict == m.TOO_FEW and result.effect is None
    assert result.verdict_text == "för få händelser för att bedöma"
    assert "8" in result.notes[0]
    assert m.verdict_text(m.DECREASED) == "minskade"
    assert m.verdict_text(m.NO_CHANGE) == "ingen säker förändring"
    assert m.verdict_text(m.DISPLACED) == "flyttade troligen till närområdet"
    assert m.verdict_text(m.INCREASED) == "ökade"


def test_a_seasonal_fall_a_year_earlier_is_not_credited_to_the_measure():
    rng = np.random.default_rng(3)
    bins = simulate(rng, drop=0.0, displaced=0.0, target=20.0).astype(float)
    # The target always falls by half in these weeks (a summer park), measure or not.
    bins[m.TARGET, m.AFTER] = rng.poisson(10.0, WEEKS)
    bins[m.TARGET, m.AFTER_YEAR] = rng.poisson(10.0, WEEKS)
    result = m.evaluate_counts(bins, BIN_DAYS)
    assert result.effect.below_one and result.seasonal_effect.below_one
    assert result.verdict == m.NO_CHANGE
    assert "a year earlier" in result.notes[0] or "år tidigare" in result.notes[0]


def test_windows_zones_and_counts_from_points():
    windows = m.evaluation_windows(date(2026, 3, 2), date(2026, 3, 13))
    assert windows.after.start == date(2026, 3, 2) and windows.after.days == 28
    assert windows.before.end == date(2026, 3, 2) and windows.before.days == 28
    assert windows.before_year.start == date(2026, 3, 2) - timedelta(days=364 + 28)
    long = m.evaluation_windows(date(2026, 1, 5), date(2026, 4, 5))
    assert long.after.days == 91
    square = ogr.CreateGeometryFromWkt(
        "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))")
    boundary = "POLYGON ((-5000 -5000, 5000 -5000, 5000 5000, -5000 5000, -5000 -5000))"
    zones = m.measure_zones(square, boundary=boundary)
    x = np.array([50.0, 200.0, 2000.0, 9000.0, 349.0, np.nan])
    y = np.array([50.0, 50.0, 50.0, 50.0, 50.0, 0.0])
    assert m.zone_of_points(x, y, zones).tolist() == [0, 1, 2, -1, 1, -1]
    # Another measure's place (with its buffer) is no part of the comparison area.
    other = m.measure_zones(square, boundary=boundary, exclude=["POINT (2000 50)"])
    assert m.zone_of_points(x, y, other).tolist() == [0, 1, -1, -1, 1, -1]
    assert m.zone_of_points(np.array([2400.0]), np.array([50.0]), other).tolist() == [2]
    point = m.measure_zones(ogr.CreateGeometryFromWkt("POINT (0 0)"))
    assert point.target.GetArea() == pytest.approx(np.pi * 100 ** 2, rel=0.01)
    assert point.comparison is None
    assert m.zone_of_points(np.array([90.0, 300.0, 400.0]), np.zeros(3), point).tolist() == \
        [0, 1, 2]
    # One incident per zone in the middle of the before and the after window.
    def utc(day):
        return np.datetime64(datetime(day.year, day.month, day.day, 12,
                                      tzinfo=timezone.utc).replace(tzinfo=None), "s")
    days = [windows.before.start + timedelta(days=10), windows.after.start + timedelta(days=3),
            windows.after.last_day]
    xs = np.array([50.0, 50.0, 200.0, 2000.0, 50.0])
    ys = np.full(5, 50.0)
    t = np.array([utc(days[0]), utc(days[1]), utc(days[1]), utc(days[2]),
                  utc(windows.after.end + timedelta(days=1))])
    zone = m.zone_of_points(xs, ys, zones)
    bins, lengths = m.binned_counts(t, zone, windows)
    assert lengths.tolist() == [7, 7, 7, 7]
    assert bins.sum(axis=2).tolist() == [[1, 1, 0, 0], [0, 1, 0, 0], [0, 1, 0, 0]]
