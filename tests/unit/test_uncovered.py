"""The rule "unusual or hot with no measure nearby", on hand-made places and measures."""

from __future__ import annotations

from datetime import date

import numpy as np
from osgeo import ogr

from trygghet_plugin.analysis.hexgrid import grid_over_extent
from trygghet_plugin.analysis.uncovered import (
    HOT,
    NEARBY_M,
    UNUSUAL,
    Place,
    hot_places,
    is_active,
    merged_places,
    places_without_measure,
)
from trygghet_plugin.domain.measure import FINISHED, ONGOING, PLANNED, Measure

FIRST, LAST = date(2026, 10, 5), date(2026, 10, 18)
SQUARE = "POLYGON ((1000 1000, 1100 1000, 1100 1100, 1000 1100, 1000 1000))"


def place(wkt: str = SQUARE, kind: str = UNUSUAL) -> Place:
    return Place(kind, wkt, 1050.0, 1050.0, count=9, cells=1, expected=1.5)


def measure(wkt: str | None, *, start=date(2026, 9, 1), end=None, status=ONGOING,
            uid: str = "m-1") -> Measure:
    wkb = bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb()) if wkt else None
    return Measure(uid=uid, title="Belysning", type="belysning", status=status, start=start,
                   end=end, wkb=wkb)


def test_a_measure_within_250_m_covers_the_place_and_one_further_away_does_not():
    # The square's right edge is at x = 1100: a point 240 m east is near, 260 m is not.
    near = measure("POINT (1340 1050)")
    far = measure("POINT (1360 1050)")
    assert NEARBY_M == 250.0
    assert places_without_measure([place()], [near]) == []
    assert places_without_measure([place()], [far]) == [place()]
    assert places_without_measure([place()], []) == [place()]


def test_a_line_or_polygon_counts_by_its_nearest_part():
    street = measure("LINESTRING (1200 -500, 1200 2000)")  # 100 m east, along the place
    block = measure("POLYGON ((1500 1500, 1600 1500, 1600 1600, 1500 1600, 1500 1500))")
    assert places_without_measure([place()], [street]) == []
    assert places_without_measure([place()], [block]) == [place()]  # ~566 m corner to corner


def test_a_measure_without_a_place_covers_nothing():
    assert places_without_measure([place()], [measure(None)]) == [place()]


def test_active_in_the_period_means_started_by_its_end_and_not_ended_before_its_start():
    assert is_active(measure(None, start=date(2026, 9, 1), end=None), FIRST, LAST)
    assert is_active(measure(None, start=date(2026, 10, 18)), FIRST, LAST)
    assert not is_active(measure(None, start=date(2026, 10, 19)), FIRST, LAST)
    assert is_active(measure(None, start=date(2026, 9, 1), end=date(2026, 10, 5),
                             status=FINISHED), FIRST, LAST)
    assert not is_active(measure(None, start=date(2026, 9, 1), end=date(2026, 10, 4),
                                 status=FINISHED), FIRST, LAST)
    # Without dates: only a measure marked ongoing is going on.
    assert is_active(measure(None, start=None, status=ONGOING), FIRST, LAST)
    assert not is_active(measure(None, start=None, status=PLANNED), FIRST, LAST)


def test_adjacent_hot_cells_are_one_place_and_an_overlapping_cluster_is_not_listed_twice():
    grid = grid_over_extent(0, 0, 3000, 3000, 250.0)

    class Hot:  # the two fields of a HotspotResult the rule reads
        def __init__(self, n, gi_class):
            self.grid, self.n, self.gi_class = grid, n, gi_class

    n = np.zeros(len(grid), dtype=np.int64)
    gi = np.zeros(len(grid), dtype=np.int64)
    a = int(grid.locate(np.array([1000.0]), np.array([1000.0]))[0])
    (b,) = [c for c in grid.neighbours(include_self=False)[a].tolist() if c >= 0][:1]
    far = int(grid.locate(np.array([2600.0]), np.array([2600.0]))[0])
    empty = int(grid.locate(np.array([200.0]), np.array([2600.0]))[0])
    n[[a, b, far]] = (12, 4, 7)
    gi[[a, b, far, empty]] = (3, 1, 2, 1)  # ``empty`` is hot by its neighbours alone
    places = hot_places(Hot(n, gi))
    assert [(p.kind, p.cells, p.count, p.hot_level) for p in places] == [
        (HOT, 2, 16, 3), (HOT, 1, 7, 2)]
    cx, cy = grid.centres
    assert (places[0].x, places[0].y) == (cx[a], cy[a])  # where it is: its busiest cell
    cluster = Place(UNUSUAL, grid.polygon_wkt(a), float(cx[a]), float(cy[a]), 12, 1, 2.0)
    merged = merged_places([cluster], places)
    assert [(p.kind, p.hot_level) for p in merged] == [(UNUSUAL, 3), (HOT, 2)]


def test_what_and_where_a_flagged_place_is():
    from trygghet_plugin.analysis.uncovered import describe_sv, place_area_names
    from trygghet_plugin.domain.area import Area

    unusual = Place(UNUSUAL, SQUARE, 1050.0, 1050.0, count=17, cells=2, expected=2.14,
                    hot_level=3)
    hot = Place(HOT, SQUARE, 5000.0, 5000.0, count=24, cells=3, hot_level=2)
    assert describe_sv(unusual) == "Ovanligt just nu och het (Gi* 99 %): 17 händelser, väntat 2,1"
    assert describe_sv(hot) == "Het plats (Gi* 95 %): 24 händelser i 3 rutor"
    from dataclasses import replace

    assert describe_sv(replace(hot, count=1)) == "Het plats (Gi* 95 %): 1 händelse i 3 rutor"
    assert describe_sv(replace(unusual, expected=0.01)).endswith("väntat under 0,1")
    park = Area("0682C1010", "deso", name="Nässjö centrum",
                wkb=bytes(ogr.CreateGeometryFromWkt(
                    "POLYGON ((0 0, 2000 0, 2000 2000, 0 2000, 0 0))").ExportToIsoWkb()))
    assert place_area_names([unusual, hot], [park], "Nässjö") == [
        "Nässjö centrum (0682C1010)", "Nässjö"]
