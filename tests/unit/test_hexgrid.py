"""The hexagon grid over the municipality: what the cell size measures, which cells exist,
and that every incident inside the kommun lands in exactly one cell."""

from __future__ import annotations

import math

import numpy as np
import pytest
from osgeo import ogr

from trygghet_plugin.analysis.errors import AnalysisError
from trygghet_plugin.analysis.hexgrid import (
    axial_of,
    centres_of,
    convex_hull_wkt,
    grid_over_boundary,
    grid_over_extent,
)
from trygghet_sample import generate


@pytest.fixture(scope="module")
def sample():
    return generate(size=20000, seed=8)


@pytest.fixture(scope="module")
def grid(sample):
    return grid_over_boundary(sample.boundary_wkt, 250)


def test_the_cell_size_is_the_distance_between_opposite_flat_sides():
    grid = grid_over_extent(0, 0, 2000, 2000, 250)
    ring = grid.vertices(np.array([0]))[0]
    xs, ys = ring[:-1, 0], ring[:-1, 1]
    assert xs.max() - xs.min() == pytest.approx(250)           # flat side to flat side
    assert ys.max() - ys.min() == pytest.approx(2 * 250 / math.sqrt(3))  # corner to corner
    sides = np.hypot(*np.diff(ring, axis=0).T)
    assert np.allclose(sides, 250 / math.sqrt(3)) and grid.side == pytest.approx(144.3376)
    geometry = ogr.CreateGeometryFromWkt(grid.polygon_wkt(0))
    assert geometry.GetArea() == pytest.approx(grid.cell_area, rel=1e-6)
    assert grid.cell_area == pytest.approx(54126.6, rel=1e-5)  # 5.4 ha
    # the six neighbours' centres are one cell size away
    table = grid.neighbours(include_self=False)
    cx, cy = grid.centres
    inner = np.flatnonzero((table >= 0).all(axis=1))[0]
    d = np.hypot(cx[table[inner]] - cx[inner], cy[table[inner]] - cy[inner])
    assert np.allclose(d, 250)


def test_a_point_lands_in_the_cell_with_the_nearest_centre():
    rng = np.random.default_rng(1)
    x = rng.uniform(470000, 480000, 5000)
    y = rng.uniform(6390000, 6400000, 5000)
    q, r = axial_of(x, y, 250)
    cx, cy = centres_of(q, r, 250)
    own = np.hypot(x - cx, y - cy)
    for dq, dr in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)):
        nx, ny = centres_of(q + dq, r + dr, 250)
        assert (own <= np.hypot(x - nx, y - ny) + 1e-9).all()
    # and inside that hexagon, by OGR
    grid = grid_over_extent(x.min(), y.min(), x.max(), y.max(), 250)
    rows = grid.locate(x[:200], y[:200])
    for i, row in enumerate(rows.tolist()):
        point = ogr.CreateGeometryFromWkt(f"POINT ({x[i]} {y[i]})")
        assert ogr.CreateGeometryFromWkt(grid.polygon_wkt(row)).Intersects(point)


def test_the_grid_holds_every_hexagon_that_touches_the_kommun(sample, grid):
    boundary = ogr.CreateGeometryFromWkt(sample.boundary_wkt)
    area_km2 = boundary.GetArea() / 1e6
    assert 900 < area_km2 < 1000  # Nässjö kommun
    assert area_km2 * 1e6 / grid.cell_area < len(grid) < area_km2 * 1e6 / grid.cell_area * 1.1
    # exactly the intersecting cells: check every candidate near the boundary line with OGR
    minx, maxx, miny, maxy = boundary.GetEnvelope()
    everything = grid_over_extent(minx, miny, maxx, maxy, 250)
    in_grid = grid.index_of(everything.q, everything.r) >= 0
    cx, cy = everything.centres
    line = boundary.GetBoundary()
    checked = 0
    for i in range(len(everything)):
        point = ogr.CreateGeometryFromWkt(f"POINT ({cx[i]} {cy[i]})")
        if line.Distance(point) > 250:  # far from the line: inside iff the centre is
            if i % 25 == 0:
                assert in_grid[i] == boundary.Contains(point)
            continue
        hexagon = ogr.CreateGeometryFromWkt(everything.polygon_wkt(i))
        assert in_grid[i] == hexagon.Intersects(boundary), i
        checked += 1
    assert checked > 1000


def test_every_sample_incident_lands_in_one_cell(sample, grid):
    counts, outside = grid.counts(sample.reports.x, sample.reports.y)
    assert outside == 0 and counts.sum() == len(sample.reports)
    assert (grid.locate(np.array([np.nan]), np.array([1.0])) == -1).all()


def test_neighbours_are_symmetric_and_hexagonal(grid):
    table = grid.neighbours(include_self=True)
    assert (table[:, 0] == np.arange(len(grid))).all()
    lists = grid.neighbour_lists()
    assert all(i in lists[j] for i, js in lists.items() for j in js)
    sizes = np.array([len(v) for v in lists.values()])
    assert sizes.max() == 6 and (sizes == 6).mean() > 0.9 and sizes.min() >= 1


def test_the_same_cell_size_gives_the_same_cells_every_time(sample, grid):
    again = grid_over_boundary(sample.boundary_wkt, 250.0)
    assert np.array_equal(again.q, grid.q) and np.array_equal(again.r, grid.r)
    assert again.cell_ids[:1] == grid.cell_ids[:1] and grid.cell_ids[0].startswith("250m:")
    # a smaller study area is a subset of the same cells
    part = grid_over_boundary("POLYGON ((470000 6390000, 473000 6390000, 473000 6393000, "
                              "470000 6390000))", 250)
    assert (grid.index_of(part.q, part.r) >= 0).all()


def test_a_hole_and_a_second_part_are_respected():
    shape = ("MULTIPOLYGON (((0 0, 3000 0, 3000 3000, 0 3000, 0 0), "
             "(1000 1000, 2000 1000, 2000 2000, 1000 2000, 1000 1000)), "
             "((10000 0, 10010 0, 10010 10, 10000 0)))")
    grid = grid_over_boundary(shape, 250)
    assert grid.locate(np.array([1500.0]), np.array([1500.0]))[0] == -1  # in the hole
    assert grid.locate(np.array([10005.0]), np.array([3.0]))[0] >= 0     # the tiny part


def test_the_convex_hull_fallback_and_bad_boundaries():
    x = np.array([0.0, 1000, 0, 1000, 500])
    y = np.array([0.0, 0, 1000, 1000, 500])
    hull = ogr.CreateGeometryFromWkt(convex_hull_wkt(x, y, buffer=100))
    assert hull.GetArea() > 1000 * 1000
    assert ogr.CreateGeometryFromWkt(convex_hull_wkt(x[:1], y[:1])).GetArea() > 0
    with pytest.raises(AnalysisError, match="Inga händelser"):
        convex_hull_wkt(np.array([]), np.array([]))
    with pytest.raises(AnalysisError, match="tom"):
        grid_over_boundary("POLYGON EMPTY", 250)
    with pytest.raises(AnalysisError, match="Cellstorleken"):
        grid_over_boundary("POLYGON ((0 0, 1 0, 1 1, 0 0))", 0)
