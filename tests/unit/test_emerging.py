"""Emerging hot spots: each place's history over the last periods, in the categories of
ArcGIS Pro's Emerging Hot Spot Analysis — each category from a series built by hand, then
through the analysis on points, then on the sample."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pymannkendall
import pytest

from trygghet_plugin.analysis.emerging import (
    CONSECUTIVE,
    DIMINISHING,
    EMERGING_LABELS,
    HISTORICAL,
    INTENSIFYING,
    NEW,
    OSCILLATING,
    PATTERNS,
    PERSISTENT,
    SPORADIC,
    classify_patterns,
    emerging_hotspots,
    min_trend_periods,
    period_emerging,
)
from trygghet_plugin.analysis.errors import AnalysisError
from trygghet_plugin.analysis.hexgrid import grid_over_boundary
from trygghet_plugin.analysis.periods import period_containing, periods_back
from trygghet_plugin.analysis.select import load_frame
from trygghet_plugin.store import open_store
from trygghet_sample import generate

PERIODS = periods_back(period_containing(date(2026, 10, 7)), 12)
SQUARE = "POLYGON ((0 0, 8000 0, 8000 8000, 0 8000, 0 0))"

FLAT = [12, 15, 11, 14, 13, 12, 15, 11, 14, 13]       # no trend (Mann–Kendall p > .05)
RISING = [8, 10, 9, 12, 14, 13, 16, 18, 17, 21]
FALLING = RISING[::-1]


def _flags(text: str) -> tuple[list[bool], list[bool]]:
    """'..++-+' -> (hot flags, cold flags), one character per period, oldest first."""
    return [c == "+" for c in text], [c == "-" for c in text]


def _classify(*rows: tuple[str, list[int]]) -> list[int]:
    hot, cold = zip(*(_flags(history) for history, _ in rows))
    counts = [c for _, c in rows]
    pattern, _, _ = classify_patterns(np.array(hot), np.array(cold), np.array(counts))
    return pattern.tolist()


# (history of 10 periods: + hot, - cold, . neither; counts; the pattern Esri's rules give)
HOT_CASES = {
    "new: hot in the final period, never before": (".........+", FLAT, NEW),
    "new although the counts rise": (".........+", RISING, NEW),
    "consecutive: one run of two in the final periods": ("........++", FLAT, CONSECUTIVE),
    "consecutive: a long run, still under 90 %": ("..++++++++", RISING, CONSECUTIVE),
    "intensifying: hot throughout, counts rise": ("++++++++++", RISING, INTENSIFYING),
    "intensifying at exactly 90 %": (".+++++++++", RISING, INTENSIFYING),
    "persistent: hot throughout, no trend": ("++++++++++", FLAT, PERSISTENT),
    "persistent at exactly 90 %": ("+++++.++++", FLAT, PERSISTENT),
    "persistent although once cold": ("-+++++++++", FLAT, PERSISTENT),
    "diminishing: hot throughout, counts fall": ("++++++++++", FALLING, DIMINISHING),
    "sporadic: on and off, ending hot": (".+..++...+", FLAT, SPORADIC),
    "sporadic at 80 %: not persistent": ("+++..+++++", FLAT, SPORADIC),
    "sporadic: hot before the final run": ("+.......++", FLAT, SPORADIC),
    "oscillating: cold before, hot now": ("-........+", FLAT, OSCILLATING),
    "oscillating: was cold, now a run": ("..-...++++", RISING, OSCILLATING),
    "historical: 90 % hot, not the final period": ("+++++++++.", FLAT, HISTORICAL),
    "historical although the counts fall": ("+++++++++.", FALLING, HISTORICAL),
    "no pattern: hot long ago, under 90 %": ("++++++++..", FLAT, 0),
    "no pattern: hot half the time, not now": ("+.+.+.+.+.", FLAT, 0),
    "no pattern: never hot or cold": ("..........", RISING, 0),
}


@pytest.mark.parametrize("case", HOT_CASES)
def test_each_hot_pattern_from_a_series_built_by_hand(case):
    history, counts, expected = HOT_CASES[case]
    assert _classify((history, counts)) == [expected]


def _mirror(history: str) -> str:
    return history.translate(str.maketrans("+-", "-+"))


@pytest.mark.parametrize("case", HOT_CASES)
def test_each_cold_pattern_is_the_mirror_image(case):
    """Cold spots by the same rules; the trend turns round: an intensifying cold spot is one
    where incidents become fewer."""
    history, counts, expected = HOT_CASES[case]
    assert _classify((_mirror(history), counts[::-1])) == [-expected]


def test_every_category_has_a_swedish_label_and_a_case():
    assert {c for *_, c in HOT_CASES.values()} == {0, *PATTERNS}
    assert set(EMERGING_LABELS) == {0, *PATTERNS, *(-c for c in PATTERNS)}
    assert [EMERGING_LABELS[c] for c in PATTERNS] == [
        "Ny hotspot", "Sammanhängande hotspot", "Intensifierande hotspot",
        "Ihållande hotspot", "Avtagande hotspot", "Sporadisk hotspot", "Växlande hotspot",
        "Historisk hotspot"]
    assert EMERGING_LABELS[-OSCILLATING] == "Växlande kallt område"


def test_the_final_period_decides_first():
    assert _classify(
        ("+++++++++-", FLAT),   # 90 % hot, but a cold spot now: it has swung over
        ("---------+", FLAT),   # and back
        ("---------.", FLAT),   # cold for 90 %, neither now: historical cold
    ) == [-OSCILLATING, OSCILLATING, -HISTORICAL]


def test_the_trend_is_of_counts_not_of_relative_z():
    """'Diminishing' means fewer incidents: a hot spot whose counts stay level is persistent,
    one whose counts fall is diminishing — and the trend test is pymannkendall's."""
    counts = np.array([FLAT, FALLING, RISING])
    hot = np.ones(counts.shape, dtype=bool)
    pattern, trend_z, trend_p = classify_patterns(hot, ~hot, counts)
    assert pattern.tolist() == [PERSISTENT, DIMINISHING, INTENSIFYING]
    for row, z, p in zip(counts, trend_z, trend_p):
        peer = pymannkendall.original_test(row)
        assert z == pytest.approx(peer.z) and p == pytest.approx(peer.p)


def test_the_count_trend_with_many_ties_agrees_with_pymannkendall():
    """Counts per cell are small and tie a lot (most are 0 or 1): the tie-corrected test."""
    rng = np.random.default_rng(11)
    counts = rng.poisson(rng.uniform(0.05, 3, (300, 1)), (300, 26))
    hot = np.ones(counts.shape, dtype=bool)
    _, trend_z, trend_p = classify_patterns(hot, ~hot, counts)
    for row, z, p in zip(counts, trend_z, trend_p):
        if len(set(row)) == 1:
            assert (z, p) == (0, 1)  # no variance: pymannkendall divides by zero
            continue
        peer = pymannkendall.original_test(row)
        assert z == pytest.approx(peer.z, abs=1e-12) and p == pytest.approx(peer.p, abs=1e-12)


def test_a_cell_cannot_be_hot_and_cold_at_once():
    hot = np.ones((1, 10), dtype=bool)
    with pytest.raises(ValueError):
        classify_patterns(hot, hot, np.ones((1, 10)))


def test_mann_kendall_needs_five_periods_to_reach_five_percent():
    """A strictly rising series is the strongest trend there is: with 4 periods it gives
    p = 0.089 (pymannkendall agrees), with 5 p = 0.027."""
    assert pymannkendall.original_test(np.arange(4.0)).p > 0.05
    assert pymannkendall.original_test(np.arange(5.0)).p < 0.05
    assert min_trend_periods(0.05) == 5 and min_trend_periods(0.01) == 6


#: place -> (x, y, incidents in each of the 12 periods)
PLACES = {
    "persistent": (1000, 1000, [30] * 12),
    "intensifying": (3000, 1000, [20 + 4 * k for k in range(12)]),
    "diminishing": (5000, 1000, [64 - 4 * k for k in range(12)]),
    "new": (7000, 1000, [0] * 11 + [30]),
    "consecutive": (1000, 5000, [0] * 9 + [30, 30, 30]),
    "sporadic": (3000, 5000, [30 if k in (1, 4, 5, 8, 11) else 0 for k in range(12)]),
    "historical": (5000, 5000, [30] * 11 + [0]),
}


def _centre(x: float, y: float) -> tuple[float, float]:
    """The centre of the 250 m cell at (x, y): each place sits in the middle of its cell, so
    its counts are its own (not shared by chance with a neighbour)."""
    grid = grid_over_boundary(SQUARE, 250)
    cx, cy = grid.centres
    row = grid.locate(np.array([float(x)]), np.array([float(y)]))[0]
    return float(cx[row]), float(cy[row])


def _synthetic(seed: int = 1):
    rng = np.random.default_rng(seed)
    centres = [_centre(x, y) for x, y, _ in PLACES.values()]
    xs, ys, ts = [], [], []
    for k, period in enumerate(PERIODS):
        lo, hi = (t.astype(np.int64) for t in period.utc_bounds())
        background = 400
        xs.append(rng.uniform(0, 8000, background))
        ys.append(rng.uniform(0, 8000, background))
        ts.append(rng.integers(lo, hi, background))
        for (x, y), (_, _, counts) in zip(centres, PLACES.values()):
            n = counts[k]
            xs.append(rng.normal(x, 30, n))
            ys.append(rng.normal(y, 30, n))
            ts.append(rng.integers(lo, hi, n))
    return (np.concatenate(xs), np.concatenate(ys),
            np.concatenate(ts).astype("datetime64[s]"))


def test_each_history_gets_its_pattern():
    x, y, t = _synthetic()
    result = emerging_hotspots(x, y, t, PERIODS, SQUARE, 250)
    assert result.n.shape == (len(result.grid), 12) and result.n.sum() == len(x)
    assert result.warnings == ()
    expected = {"persistent": "Ihållande hotspot", "intensifying": "Intensifierande hotspot",
                "diminishing": "Avtagande hotspot", "new": "Ny hotspot",
                "consecutive": "Sammanhängande hotspot", "sporadic": "Sporadisk hotspot",
                "historical": "Historisk hotspot"}
    histories = result.histories()
    for place, label in expected.items():
        px, py, _ = PLACES[place]
        cell = result.grid.locate(np.array([px]), np.array([py]))[0]
        assert result.labels[cell] == label, (place, histories[cell], result.trend_z[cell])
    new = result.grid.locate(np.array([7000.0]), np.array([1000.0]))[0]
    assert histories[new] == "..........." + "+"
    # the uniform background has no history to tell
    background = result.grid.locate(np.array([7000.0]), np.array([7000.0]))[0]
    assert result.pattern[background] == 0 and result.labels[background] == "Inget mönster"
    counts = result.pattern_counts()
    assert sum(counts.values()) == len(result.grid)
    cx, cy = result.grid.centres
    places = np.array([(px, py) for px, py, _ in PLACES.values()], dtype=float)
    flagged = result.pattern != 0
    distance = np.hypot(cx[flagged, None] - places[None, :, 0],
                        cy[flagged, None] - places[None, :, 1]).min(axis=1)
    assert distance.max() < 600  # only the places and the cells around them


def test_cold_and_oscillating_places():
    """A quiet place in a busy town is a persistent cold spot; a place that was quiet and
    is suddenly busy in the last period has swung from cold to hot: oscillating."""
    from trygghet_plugin.analysis.hexgrid import grid_over_extent

    grid = grid_over_extent(0, 0, 4000, 4000, 250)
    cx, cy = grid.centres
    quiet = np.hypot(cx - 1200, cy - 1200) < 400
    swing = np.hypot(cx - 2800, cy - 2800) < 400
    rng = np.random.default_rng(5)
    xs, ys, ts = [], [], []
    for k, period in enumerate(PERIODS):
        lo, hi = (t.astype(np.int64) for t in period.utc_bounds())
        counts = rng.poisson(30, len(grid))
        counts[quiet] = 0
        counts[swing] = 150 if k == len(PERIODS) - 1 else 0
        xs.append(np.repeat(cx, counts))
        ys.append(np.repeat(cy, counts))
        ts.append(rng.integers(lo, hi, counts.sum()))
    result = emerging_hotspots(np.concatenate(xs), np.concatenate(ys),
                               np.concatenate(ts).astype("datetime64[s]"), PERIODS,
                               "POLYGON ((0 0, 4000 0, 4000 4000, 0 4000, 0 0))", 250)

    def label_at(x, y):
        row = grid.locate(np.array([x]), np.array([y]))[0]
        cell = result.grid.index_of(grid.q[row:row + 1], grid.r[row:row + 1])[0]
        return result.labels[cell], result.histories()[cell]

    label, history = label_at(1200.0, 1200.0)
    assert label == "Ihållande kallt område" and history == "-" * 12
    label, history = label_at(2800.0, 2800.0)
    assert label == "Växlande hotspot" and history.endswith("+") and "-" in history


def test_the_sample_histories_over_three_years(tmp_path):
    """Three years in 13-week steps: the old hot spots persist or intensify, the old bus
    square fades — with fewer incidents, not only less hot than the rest — and the shopping
    area grows, but its neighbourhood flickered hot before, so Esri's rules call it sporadic,
    not new."""
    sample = generate(size=40000, seed=7)
    with open_store(tmp_path / "nassjo.gpkg") as store:
        store.upsert_incidents(sample.iter_incidents())
        last = period_containing(sample.end - timedelta(days=91), days=91)
        periods = periods_back(last, 12)
        frame = load_frame(store, periods)
    result = period_emerging(frame, periods, sample.boundary_wkt, 250)
    cells = {}
    for spot in sample.hotspots:
        cells[spot["name"]] = result.grid.locate(np.array([spot["x"]]), np.array([spot["y"]]))[0]
    label = {name: result.labels[cell] for name, cell in cells.items()}
    for name in ("Resecentrum", "Stadsparken", "Högstadieskolan", "Fritidsgården",
                 "Bodafors station"):
        assert label[name] in ("Ihållande hotspot", "Intensifierande hotspot"), name
    assert label["Gamla busstorget"] == "Avtagande hotspot"
    shopping = cells["Handelsområdet"]
    assert label["Handelsområdet"] == "Sporadisk hotspot"
    assert result.histories()[shopping].endswith("++++")
    assert result.n[shopping, -3:].sum() > 10 * result.n[shopping, :3].sum()
    # every diminishing hot spot has fewer incidents at the end than at the start
    # (the issue: "none of 15 diminishing cells had fewer incidents")
    for code in (DIMINISHING, -INTENSIFYING):
        rows = result.pattern == code
        assert (result.n[rows, -4:].sum(axis=1) < result.n[rows, :4].sum(axis=1)).all()
    rows = result.pattern == INTENSIFYING
    assert rows.any()
    assert (result.n[rows, -4:].sum(axis=1) > result.n[rows, :4].sum(axis=1)).all()


def test_too_few_periods_are_refused_and_few_are_warned_about():
    x, y, t = _synthetic()
    with pytest.raises(AnalysisError, match="minst 5 perioder"):
        emerging_hotspots(x, y, t, PERIODS[-4:], SQUARE, 250)
    few = emerging_hotspots(x, y, t, PERIODS[-5:], SQUARE, 250)
    (warning,) = few.warnings
    assert "5 perioder" in warning and "minst 10" in warning
    assert emerging_hotspots(x, y, t, PERIODS[-10:], SQUARE, 250).warnings == ()
    with pytest.raises(AnalysisError, match="Konfidens"):
        emerging_hotspots(x, y, t, PERIODS, SQUARE, 250, confidence=0.8)
