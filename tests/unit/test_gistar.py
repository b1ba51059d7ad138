"""Gi* hot spots: the same z-scores as PySAL esda, the sample's known hot spots found, and
random points not mistaken for hot spots."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import timedelta

import numpy as np
import pytest

from trygghet_plugin.analysis.gistar import (
    GI_CLASS_LABELS,
    classify,
    gi_star,
    gi_star_z,
)
from trygghet_plugin.analysis.hexgrid import grid_over_boundary
from trygghet_plugin.analysis.hotspots import hotspots, period_hotspots
from trygghet_plugin.analysis.periods import last_complete_period
from trygghet_plugin.analysis.select import load_frame
from trygghet_plugin.store import open_store
from trygghet_sample import generate

# esda imports geopandas/pyogrio with their own GDAL: keep it out of the QGIS process.
ESDA_SCRIPT = textwrap.dedent("""
    import sys
    import numpy as np
    from esda.getisord import G_Local
    from libpysal.weights import W

    data = np.load(sys.argv[1])
    table = data["table"]
    w = W({i: [int(j) for j in row if j >= 0] for i, row in enumerate(table)},
          silence_warnings=True)
    out = {}
    for name in data.files:
        if name.startswith("y"):
            g = G_Local(data[name].astype(float), w, transform="B", star=True, permutations=0)
            out[name + "_z"] = g.Zs
            out[name + "_p"] = g.p_norm
    np.savez(sys.argv[2], **out)
""")


@pytest.fixture(scope="module")
def sample():
    return generate(size=30000, seed=12)


@pytest.fixture(scope="module")
def frame(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("gistar") / "nassjo.gpkg"
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        period = last_complete_period(sample.end + timedelta(days=1))
        yield load_frame(store, [period]), period


def esda_g_local(tmp_path, table: np.ndarray, **values: np.ndarray) -> dict:
    pytest.importorskip("esda")
    source, target = tmp_path / "in.npz", tmp_path / "out.npz"
    np.savez(source, table=table, **values)
    subprocess.run([sys.executable, "-c", ESDA_SCRIPT, str(source), str(target)], check=True,
                   timeout=300)
    with np.load(target) as result:
        return {k: result[k] for k in result.files}


def test_z_scores_equal_esda_g_local_star(sample, frame, tmp_path):
    grid = grid_over_boundary(sample.boundary_wkt, 250)
    table = grid.neighbours(include_self=True)
    period_counts, _ = grid.counts(*_period_xy(*frame))
    all_counts, _ = grid.counts(sample.reports.x, sample.reports.y)
    rng = np.random.default_rng(4)
    skewed = rng.lognormal(0, 2, len(grid))
    # esda gets the neighbours without the cell itself and adds the self-weight 1 (star=True)
    ref = esda_g_local(tmp_path, table[:, 1:], y_period=period_counts, y_all=all_counts,
                       y_skewed=skewed)
    for name, values in (("y_period", period_counts), ("y_all", all_counts),
                         ("y_skewed", skewed)):
        ours = gi_star(values, table)
        assert np.abs(ours.z - ref[name + "_z"]).max() < 1e-6, name
        assert np.allclose(ours.p, np.minimum(1, 2 * ref[name + "_p"]), rtol=1e-9, atol=1e-12)
    assert np.abs(gi_star_z(period_counts, table)).max() > 10


def _period_xy(frame, period):
    from trygghet_plugin.analysis.select import incident_mask

    keep = incident_mask(frame, period, precise_only=True)
    return frame.x[keep], frame.y[keep]


def test_the_sample_hot_spots_are_found_in_the_last_period(sample, frame):
    store_frame, period = frame
    result = period_hotspots(store_frame, period, sample.boundary_wkt, 250)
    assert result.incidents > 300 and result.outside == 0
    assert len(result.n) == len(result.grid) and (result.n == 0).mean() > 0.9  # empty cells too
    for spot in sample.hotspots:
        if spot["life"] not in ("persistent", "emerging"):
            continue  # the historical one has faded, the sporadic one comes in bursts
        cell = result.grid.locate(np.array([spot["x"]]), np.array([spot["y"]]))[0]
        assert result.gi_class[cell] == 3, spot["name"]
        assert result.labels[cell] == "Hotspot 99 %"
        assert result.gi.nb_n[cell] > 5 * result.gi.nb_expected[cell]
    counts = result.class_counts()
    assert sum(v for k, v in counts.items() if k < 0) == 0  # no cold spot from sparse counts
    assert 0 < sum(v for k, v in counts.items() if k > 0) < 0.03 * len(result.grid)
    assert "Hotspot 99 %" in result.summary()


def test_random_points_are_not_called_hot_spots(sample):
    from osgeo import ogr

    from trygghet_plugin.analysis.areas import points_in_rings
    from trygghet_plugin.analysis.hexgrid import _rings

    boundary = ogr.CreateGeometryFromWkt(sample.boundary_wkt)
    minx, maxx, miny, maxy = boundary.GetEnvelope()
    rng = np.random.default_rng(21)
    x, y = rng.uniform(minx, maxx, 3000), rng.uniform(miny, maxy, 3000)
    inside = points_in_rings(x, y, _rings(boundary))
    x, y = x[inside][:1000], y[inside][:1000]
    result = hotspots(x, y, sample.boundary_wkt, 250)
    assert result.incidents == 1000
    assert result.class_counts()[0] == len(result.grid)  # nothing is hot or cold
    # what the normal approximation alone would have claimed
    naive = gi_star(result.n, result.grid.neighbours(), exact_check=False)
    assert sum(v for k, v in naive.class_counts().items() if k > 0) > 50


def test_classes_and_labels():
    z = np.array([5.0, 3.0, 2.0, 1.0, -2.0, -3.0, -5.0, 0.0])
    q = np.array([0.001, 0.04, 0.09, 0.5, 0.08, 0.03, 0.005, 1.0])
    assert classify(z, q).tolist() == [3, 2, 1, 0, -1, -2, -3, 0]
    assert classify(np.array([4.0]), np.array([0.01])).tolist() == [3]  # q <= alpha
    assert GI_CLASS_LABELS == {3: "Hotspot 99 %", 2: "Hotspot 95 %", 1: "Hotspot 90 %",
                               0: "Inte signifikant", -1: "Kallt område 90 %",
                               -2: "Kallt område 95 %", -3: "Kallt område 99 %"}


def test_nothing_to_compare_gives_no_hot_spots(sample):
    grid = grid_over_boundary(sample.boundary_wkt, 1000)
    table = grid.neighbours()
    for values in (np.zeros(len(grid), dtype=np.int64), np.full(len(grid), 3)):
        result = gi_star(values, table)
        assert (result.z == 0).all() and (result.p == 1).all()
        assert (result.gi_class == 0).all()
    empty = hotspots(np.array([]), np.array([]), sample.boundary_wkt, 1000)
    assert empty.incidents == 0 and (empty.gi_class == 0).all() and len(empty.n) == len(grid)


def test_cold_spots_need_a_real_shortfall():
    # a dense, even field with one empty block: the block is cold, the rest is not
    from trygghet_plugin.analysis.hexgrid import grid_over_extent

    grid = grid_over_extent(0, 0, 6000, 6000, 250)
    rng = np.random.default_rng(3)
    counts = rng.poisson(40, len(grid))
    cx, cy = grid.centres
    hole = np.hypot(cx - 3000, cy - 3000) < 500
    counts[hole] = 0
    result = gi_star(counts, grid.neighbours())
    centre = grid.locate(np.array([3000.0]), np.array([3000.0]))[0]
    assert result.gi_class[centre] == -3 and result.labels[centre] == "Kallt område 99 %"
    cold = result.gi_class < 0
    assert np.hypot(cx[cold] - 3000, cy[cold] - 3000).max() < 1000  # only at the hole
    assert (result.gi_class > 0).sum() == 0
