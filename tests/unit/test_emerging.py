"""Emerging hot spots: each place's history over the last periods, in words a board reads."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from trygghet_plugin.analysis.emerging import (
    EMERGING_LABELS,
    classify_patterns,
    emerging_hotspots,
    period_emerging,
)
from trygghet_plugin.analysis.errors import AnalysisError
from trygghet_plugin.analysis.periods import period_containing, periods_back
from trygghet_plugin.analysis.select import load_frame
from trygghet_plugin.sample import generate
from trygghet_plugin.store import open_store

PERIODS = periods_back(period_containing(date(2026, 10, 7)), 12)
SQUARE = "POLYGON ((0 0, 8000 0, 8000 8000, 0 8000, 0 0))"

#: place -> (x, y, incidents in each of the 12 periods)
PLACES = {
    "persistent": (1000, 1000, [30] * 12),
    "intensifying": (3000, 1000, [10 + 5 * k for k in range(12)]),
    "diminishing": (5000, 1000, [70 - 5 * k for k in range(12)]),
    "new": (1000, 5000, [0] * 10 + [30, 30]),
    "sporadic": (3000, 5000, [30 if k in (1, 4, 5, 8, 11) else 0 for k in range(12)]),
    "historical": (5000, 5000, [30] * 6 + [0] * 6),
}


def _synthetic(seed: int = 1):
    rng = np.random.default_rng(seed)
    xs, ys, ts = [], [], []
    for k, period in enumerate(PERIODS):
        lo, hi = (t.astype(np.int64) for t in period.utc_bounds())
        background = 400
        xs.append(rng.uniform(0, 8000, background))
        ys.append(rng.uniform(0, 8000, background))
        ts.append(rng.integers(lo, hi, background))
        for x, y, counts in PLACES.values():
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
    expected = {"persistent": "Ihållande hotspot", "intensifying": "Intensifierande hotspot",
                "diminishing": "Avtagande hotspot", "new": "Ny hotspot",
                "sporadic": "Sporadisk hotspot", "historical": "Historisk hotspot"}
    for place, label in expected.items():
        px, py, _ = PLACES[place]
        cell = result.grid.locate(np.array([px]), np.array([py]))[0]
        assert result.labels[cell] == label, (place, result.hot_periods[cell],
                                              result.trend_z[cell])
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
    assert distance.max() < 600  # only the six places and the cells around them


def test_pattern_rules_on_hot_flags():
    hot = np.array([
        [1] * 12,                    # persistent (flat z)
        [0] * 11 + [1],              # new: only the latest
        [0] * 8 + [1] * 4,           # new: one run up to the latest (ESRI's consecutive)
        [1, 0] * 6,                  # on and off, ending cold: historical (half the time)
        [0, 1] * 6,                  # on and off, ending hot: sporadic
        [1, 1, 1] + [0] * 9,         # a quarter of the time, long ago: historical
        [1, 1] + [0] * 10,           # two periods long ago: no pattern
        [0] * 12,                    # never
    ], dtype=bool)
    z = np.where(hot, 5.0, 0.5)
    z[0] = 5.0 + np.sin(np.arange(12))  # hot throughout, no trend
    pattern, _, _ = classify_patterns(hot, z)
    assert [EMERGING_LABELS[int(p)] for p in pattern] == [
        "Ihållande hotspot", "Ny hotspot", "Ny hotspot", "Historisk hotspot",
        "Sporadisk hotspot", "Historisk hotspot", "Inget mönster", "Inget mönster"]


def test_cold_patterns_are_the_mirror_image():
    from trygghet_plugin.analysis.hexgrid import grid_over_extent

    grid = grid_over_extent(0, 0, 4000, 4000, 250)
    cx, cy = grid.centres
    rng = np.random.default_rng(5)
    xs, ys, ts = [], [], []
    for period in PERIODS:
        lo, hi = (t.astype(np.int64) for t in period.utc_bounds())
        counts = rng.poisson(30, len(grid))
        counts[np.hypot(cx - 2000, cy - 2000) < 400] = 0  # a place where nothing happens
        xs.append(np.repeat(cx, counts))
        ys.append(np.repeat(cy, counts))
        ts.append(rng.integers(lo, hi, counts.sum()))
    result = emerging_hotspots(np.concatenate(xs), np.concatenate(ys),
                               np.concatenate(ts).astype("datetime64[s]"), PERIODS,
                               "POLYGON ((0 0, 4000 0, 4000 4000, 0 4000, 0 0))", 250)
    centre = grid.locate(np.array([2000.0]), np.array([2000.0]))[0]
    centre = result.grid.index_of(grid.q[centre:centre + 1], grid.r[centre:centre + 1])[0]
    assert result.labels[centre] in ("Ihållande kallt område", "Intensifierande kallt område",
                                     "Avtagande kallt område")
    assert result.pattern[centre] < 0 and result.cold_periods[centre] >= 11


def test_the_sample_histories_over_three_years(tmp_path):
    """Three years in 13-week steps: the shopping area emerges, the old hot spots persist,
    the old bus square fades."""
    sample = generate(size=40000, seed=7)
    with open_store(tmp_path / "nassjo.gpkg") as store:
        store.upsert_incidents(sample.iter_incidents())
        last = period_containing(sample.end - timedelta(days=91), days=91)
        periods = periods_back(last, 12)
        frame = load_frame(store, periods)
    result = period_emerging(frame, periods, sample.boundary_wkt, 250)
    label = {}
    for spot in sample.hotspots:
        cell = result.grid.locate(np.array([spot["x"]]), np.array([spot["y"]]))[0]
        label[spot["name"]] = result.labels[cell]
    assert label["Handelsområdet"] == "Ny hotspot"
    for name in ("Resecentrum", "Stadsparken", "Högstadieskolan", "Fritidsgården",
                 "Bodafors station"):
        assert label[name] in ("Ihållande hotspot", "Intensifierande hotspot"), name
    # it fades inside Nässjö's busy centre, so it stays hot, but less and less so
    assert label["Gamla busstorget"] == "Avtagande hotspot"


def test_too_few_periods_or_an_odd_confidence_are_refused():
    x, y, t = _synthetic()
    with pytest.raises(AnalysisError, match="tre perioder"):
        emerging_hotspots(x, y, t, PERIODS[:2], SQUARE, 250)
    with pytest.raises(AnalysisError, match="Konfidens"):
        emerging_hotspots(x, y, t, PERIODS, SQUARE, 250, confidence=0.8)
