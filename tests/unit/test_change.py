"""Figures a board can trust: counts and rates against the previous period and a year ago,
and a change is called real only after an exact test with the FDR controlled."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest

from trygghet_plugin.analysis.change import adjust, compare_counts
from trygghet_plugin.analysis.figures import category_labels, period_figures
from trygghet_plugin.analysis.periods import Period, period_containing, periods_back, tertial
from trygghet_plugin.analysis.select import load_frame
from trygghet_plugin.analysis.stats import (
    benjamini_hochberg,
    binom_test_two_sided,
    mann_kendall,
    norm_sf,
    norm_two_sided_p,
    poisson_rate_test,
)
from trygghet_plugin.store.base import IncidentFrame

stats = pytest.importorskip("scipy.stats")  # dev only: the reference, never used at run time

PERIOD = period_containing(date(2026, 10, 7))  # weeks 41-42 2026


# -- the distributions, against scipy ----------------------------------------------------

def test_normal_tail_matches_scipy_far_into_the_tail():
    z = np.array([-8.0, -1.96, 0.0, 0.5, 1.645, 2.576, 6.0, 12.0, 30.0])
    assert np.allclose(norm_sf(z), stats.norm.sf(z), rtol=1e-12, atol=0)
    assert np.allclose(norm_two_sided_p(z), np.minimum(1, 2 * stats.norm.sf(np.abs(z))),
                       rtol=1e-12)
    assert norm_two_sided_p(np.array([np.nan]))[0] == 1.0


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # scipy's own, at n = 0
def test_exact_binomial_test_matches_scipy():
    rng = np.random.default_rng(11)
    cases = [(0, 0, 0.5), (0, 10, 0.5), (10, 10, 0.5), (3, 10, 0.3), (7, 40, 0.5),
             (150, 400, 0.4), (9000, 17500, 0.5), (55, 60, 121 / 243)]
    cases += [(int(k), int(n), float(p)) for n, p in
              zip(rng.integers(1, 3000, 60), rng.uniform(0.05, 0.95, 60))
              for k in [rng.integers(0, n + 1)]]
    for k, n, p in cases:
        expected = 1.0 if n == 0 else stats.binomtest(k, n, p).pvalue
        assert binom_test_two_sided(k, n, p) == pytest.approx(expected, rel=1e-9, abs=1e-300)


def test_poisson_rate_test_is_the_conditional_binomial_test():
    # 30 this period against 20 last period: within noise
    assert poisson_rate_test(30, 20) == pytest.approx(stats.binomtest(30, 50, 0.5).pvalue)
    assert poisson_rate_test(30, 20) > 0.05
    # periods of different length: 121 days against 122
    ratio = 121 / 122
    assert poisson_rate_test(400, 300, ratio) == pytest.approx(
        stats.binomtest(400, 700, ratio / (1 + ratio)).pvalue)


def test_benjamini_hochberg_by_hand():
    p = np.array([0.01, 0.04, 0.03, 0.005, np.nan, 0.20])
    # sorted 0.005, 0.01, 0.03, 0.04, 0.20 (m = 5): p*m/rank = .025 .025 .05 .05 .2
    q = benjamini_hochberg(p)
    assert np.allclose(q[[3, 0, 2, 1, 5]], [0.025, 0.025, 0.05, 0.05, 0.2])
    assert np.isnan(q[4])
    assert np.allclose(benjamini_hochberg(np.array([0.9, 0.95])), [0.95, 0.95])


def test_mann_kendall_statistic_and_direction():
    t = np.arange(12)
    rising = np.vstack([t + 0.0, t[::-1] + 0.0, np.ones(12), np.r_[t[:6], t[:6]] + 0.0])
    s, z, p = mann_kendall(rising)
    assert s[0] == 66 and s[1] == -66 and s[2] == 0
    assert z[0] > 3 and z[1] < -3 and p[0] < 0.001 and p[2] == 1.0
    rng = np.random.default_rng(1)
    noise = rng.normal(size=(400, 20))
    _, _, p_noise = mann_kendall(noise)
    assert 0.02 < (p_noise < 0.05).mean() < 0.09  # about 5 % by chance, as it should be
    x = rng.normal(size=15)
    s1, _, _ = mann_kendall(x[None, :])
    tau = stats.kendalltau(np.arange(15), x)[0]
    assert s1[0] == pytest.approx(tau * 15 * 14 / 2)


# -- changes -------------------------------------------------------------------------------

def test_a_change_is_up_or_down_only_when_the_test_says_so():
    noise = compare_counts(30, 20)
    assert (noise.change, noise.change_pct, noise.direction) == (10, 50.0, "none")
    assert noise.direction_label == "Ingen säker förändring" and not noise.significant
    real = compare_counts(60, 30)
    assert real.significant and real.direction == "up" and real.direction_label == "Ökning"
    assert compare_counts(5, 40).direction == "down"
    new = compare_counts(12, 0)
    assert new.change_pct is None and new.direction == "up"
    assert compare_counts(0, 0).p == 1.0
    # a longer period is compared per day: 122 days with 122 against 121 days with 121
    same_rate = compare_counts(122, 121, 122 / 121)
    assert same_rate.change_pct == pytest.approx(0.0) and same_rate.p == pytest.approx(1.0)


def test_adjusting_many_comparisons_raises_the_bar():
    # 20 comparisons, one at p = 0.036: significant alone, not among 20
    alone = compare_counts(42, 24)
    assert 0.01 < alone.p < 0.05 and alone.significant
    family = adjust([alone] + [compare_counts(20 + i % 3, 20) for i in range(19)])
    assert family[0].q > 0.05 and not family[0].significant and family[0].direction == "none"


# -- figures -------------------------------------------------------------------------------

def _frame(rows: list[tuple]) -> IncidentFrame:
    """rows of (utc datetime, category, area, source, org, status, x, y)."""
    n = len(rows)
    col = list(zip(*rows)) if rows else [()] * 8
    text = {"category": col[1], "subcategory": [None] * n, "area_code": col[2],
            "source": col[3], "reporter_org": col[4], "status": col[5],
            "location_precision": ["exact"] * n}
    times = np.array([np.datetime64(t.replace(tzinfo=None), "s") for t in col[0]],
                     dtype="datetime64[s]")
    return IncidentFrame(np.arange(n), np.array(col[6], float), np.array(col[7], float), times,
                         times, {k: np.array(v, dtype=object) for k, v in text.items()})


def _random_rows(rng, period: Period, n: int, categories, areas, source="reports",
                 org="Nattvandrarna") -> list[tuple]:
    start = period.start_utc.timestamp()
    seconds = rng.uniform(start, period.end_utc.timestamp(), n)
    return [(datetime.fromtimestamp(s, timezone.utc), rng.choice(categories), rng.choice(areas),
             source, org, "open", 0.0, 0.0) for s in seconds]


def _history_rows(rng, period: Period, per_period: float, categories, areas,
                  years: int = 3) -> list[tuple]:
    """Rows over ``years`` of 14-day periods before and including ``period``, a stationary
    Poisson count each."""
    rows = []
    for p in periods_back(period, 26 * years):
        rows += _random_rows(rng, p, int(rng.poisson(per_period)), categories, areas)
    return rows


def test_noise_is_never_called_a_change():
    rng = np.random.default_rng(2026)
    categories = [f"kat{i}" for i in range(10)]
    areas = [f"0682C{i:04d}" for i in range(30)]
    figures = period_figures(_frame(_history_rows(rng, PERIOD, 600, categories, areas)),
                             PERIOD)
    rows = figures.figures()
    assert len(rows) == 1 + 10 + 30 + 1
    assert all(f.expected is not None and f.expected.testable for f in rows)
    # The previous period and a year ago are context, tested but never starred.
    assert sum(c.p < 0.05 for f in rows for c in (f.vs_previous, f.vs_year_before)) >= 1
    assert figures.significant() == []
    assert all(f.direction == "none" for f in rows)


def test_a_real_rise_in_one_category_is_found_and_only_there():
    rng = np.random.default_rng(7)
    categories = ["klotter", "nedskrapning", "samling", "otrygg_plats"]
    areas = ["A", "B", "C"]
    rows = _history_rows(rng, PERIOD, 160, categories, areas)
    rows += _random_rows(rng, PERIOD, 40, ["klotter"], areas)  # +100 % graffiti now
    figures = period_figures(_frame(rows), PERIOD)
    graffiti = figures.figure("category", "klotter")
    assert graffiti.significant and graffiti.direction == "up"
    assert graffiti.expected.high < graffiti.count  # outside "väntat low–high"
    assert 30 <= graffiti.expected.mean <= 50  # 160 / 4 per period is normal
    others = [f for f in figures.by_category if f.key != "klotter"]
    assert all(not f.significant for f in others)


def test_too_little_history_stars_nothing_and_says_so():
    rng = np.random.default_rng(8)
    rows = []
    for p in periods_back(PERIOD, 10):  # 20 weeks of data: no season can be learnt
        rows += _random_rows(rng, p, 100, ["klotter", "samling"], ["A"])
    rows += _random_rows(rng, PERIOD, 300, ["klotter"], ["A"])  # a big jump all the same
    figures = period_figures(_frame(rows), PERIOD)
    assert figures.significant() == []
    assert all(f.expected.reason == "short_history" and f.expected.interval_text == "–"
               for f in figures.figures())


def test_counts_rates_sources_weekday_hours_and_organisations():
    local = PERIOD.start_utc  # Monday 5 October 2026 00:00 in Sweden
    rows = [
        # this period
        (local + timedelta(hours=8), "klotter", "A", "reports", "Securitas", "open", 1, 1),
        (local + timedelta(hours=8, minutes=30), "klotter", "A", "reports", "Securitas",
         "closed", 1, 1),
        (local + timedelta(days=5, hours=23), "samling", "B", "police", None, "open", 1, 1),
        (local + timedelta(days=13, hours=23, minutes=59), "samling", None, "reports",
         "Nattvandrarna", "open", 1, 1),
        (local + timedelta(days=2), "samling", "B", "reports", "Nattvandrarna", "deleted", 1, 1),
        (local + timedelta(days=14), "samling", "B", "reports", "Nattvandrarna", "open", 1, 1),
        # previous period and a year earlier
        (local - timedelta(days=1), "klotter", "A", "reports", "Securitas", "open", 1, 1),
        (local - timedelta(days=364) + timedelta(hours=1), "brak", "A", "reports",
         "Securitas", "open", 1, 1),
    ]
    figures = period_figures(_frame(rows), PERIOD, population={"A": 2000, "B": 500},
                             labels={"category": {"klotter": "Klotter"}},
                             categories=["klotter", "samling", "brak", "nedskrapning"])
    assert (figures.total.count, figures.total.previous, figures.total.year_before) == (4, 1, 1)
    cats = {f.key: (f.label, f.count, f.previous, f.year_before) for f in figures.by_category}
    assert cats == {"klotter": ("Klotter", 2, 1, 0), "samling": ("samling", 2, 0, 0),
                    "brak": ("brak", 0, 0, 1), "nedskrapning": ("nedskrapning", 0, 0, 0)}
    areas = {f.key: (f.label, f.count, f.rate) for f in figures.by_area}
    assert areas == {"": ("Okänt område", 1, None), "A": ("A", 2, 1.0), "B": ("B", 1, 2.0)}
    assert figures.figure("area", "A").rate_previous == 0.5
    assert {f.key: f.count for f in figures.by_source} == {"police": 1, "reports": 3}
    table = figures.weekday_hour
    assert table.shape == (7, 24) and table.sum() == 4
    assert table[0, 8] == 2 and table[5, 23] == 1 and table[6, 23] == 1
    orgs = [(o.organisation, o.reports, o.previous, o.year_before, o.reporters)
            for o in figures.organisations]
    assert orgs == [("Securitas", 2, 1, 1, None), ("Nattvandrarna", 1, 0, 0, None),
                    ("Okänd organisation", 1, 0, 0, None)]
    assert figures.previous_period == PERIOD.previous()
    assert figures.year_before_period.weeks == [41, 42]
    named = period_figures(_frame(rows), PERIOD, labels={"category": category_labels()})
    assert {f.key: f.label for f in named.by_category} == {
        "klotter": "Klotter", "samling": "Otrygghetsskapande samling av personer",
        "brak": "Bråk"}


def test_active_reporters_are_counted_when_the_data_has_reporter_ids():
    rows = [(PERIOD.start_utc + timedelta(hours=h), "klotter", "A", "reports", org, "open", 0,
             0) for h, org in enumerate(["Polisen"] * 3 + ["Securitas"])]
    frame = _frame(rows)
    frame.text["reporter_id"] = np.array(["p1", "p2", "p1", "s1"], dtype=object)
    orgs = {o.organisation: (o.reports, o.reporters)
            for o in period_figures(frame, PERIOD).organisations}
    assert orgs == {"Polisen": (3, 2), "Securitas": (1, 1)}


def test_tertial_figures_compare_per_day():
    t1 = tertial(2024, 1)  # 121 days (leap year); previous: 2023-T3, 122 days
    rng = np.random.default_rng(5)
    rows = _random_rows(rng, t1, 1210, ["klotter"], ["A"])
    rows += _random_rows(rng, t1.previous(), 1220, ["klotter"], ["A"])
    figures = period_figures(_frame(rows), t1)
    change = figures.total.vs_previous
    assert change.exposure_ratio == pytest.approx(121 / 122)
    assert change.change_pct == pytest.approx(0.0, abs=1e-9)
    assert change.direction == "none"
    assert figures.year_before_period.name == "2023-T1"


def test_figures_from_the_store_agree_with_its_own_counts(store):
    from trygghet_sample import generate

    sample = generate(size=6000, seed=4)
    store.upsert_incidents(sample.iter_incidents())
    period = period_containing(date(2026, 6, 10))
    frame = load_frame(store, [period, period.previous(), period.year_before()])
    figures = period_figures(frame, period, population=sample.population)
    for p, count in ((period, figures.total.count),
                     (period.previous(), figures.total.previous),
                     (period.year_before(), figures.total.year_before)):
        lo, hi = (t.strftime("%Y-%m-%dT%H:%M:%S") for t in (p.start_utc, p.end_utc))
        assert count == store.count("incidents", "occurred_at >= ? AND occurred_at < ? "
                                    "AND status != 'deleted'", (lo, hi)) > 0
    assert sum(f.count for f in figures.by_category) == figures.total.count


def test_rates_per_1000_inhabitants_per_area():
    from trygghet_plugin.analysis.areas import assign_areas
    from trygghet_sample import generate

    sample = generate(size=20000, seed=9)
    reports = sample.reports
    times = reports.occurred_at.astype("datetime64[s]")
    n = len(reports)
    frame = IncidentFrame(np.arange(n), reports.x.astype(float), reports.y.astype(float),
                          times, times, {"category": reports.category,
                                         "status": reports.status})
    codes = assign_areas(frame.x, frame.y, [(a.code, a.wkt) for a in sample.areas])
    truth = np.array([a.code for a in sample.areas], dtype=object)[reports.area]
    assert (codes == truth).all()  # every report in the area the generator put it in
    period = period_containing(date(2026, 8, 5))
    figures = period_figures(frame, period, population=sample.population, area_codes=codes,
                             areas=[a.code for a in sample.areas],
                             labels={"area": {a.code: a.name for a in sample.areas}})
    assert len(figures.by_area) == len(sample.areas) == 30
    assert sum(f.count for f in figures.by_area) == figures.total.count
    for f in figures.by_area:
        assert f.population == sample.population[f.key]
        assert f.rate == pytest.approx(1000 * f.count / f.population)
        assert f.label != f.key
    assert figures.total.population == 31615
    busiest = max(figures.by_area, key=lambda f: f.rate)
    assert busiest.rate > 2 * figures.total.rate  # the town centre, where the hot spots are
