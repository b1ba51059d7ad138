"""Places that ask for a measure: unusual now or hot, with no active measure nearby.

The lägesbild exists to steer measures to the right place. A place is flagged when

* it is *unusual now* (a cluster of :mod:`.unusual`) or *hot* (connected hexagons with a Gi*
  hot spot class, :mod:`.hotspots`), and
* no measure active in the period (:func:`is_active`) acts within :data:`NEARBY_M` of it
  (the shortest distance between the place's hexagons and where the measure acts).

A hot place that overlaps an unusual cluster is the same place: it is folded into the
cluster, which then says both. Measures without a place of their own cannot cover anything.
Numpy and OGR only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from ..domain.measure import ONGOING, Measure
from .hexgrid import HexGrid

#: A measure this close to a place (m, EPSG:3006) counts as acting on it: one hexagon of the
#: default grid, about a street block — the distance the evaluation's buffer also uses.
NEARBY_M = 250.0

UNUSUAL, HOT = "unusual", "hot"


@dataclass(frozen=True)
class Place:
    """One unusual cluster or one group of adjacent hot cells."""

    kind: str                 # UNUSUAL or HOT
    wkt: str                  # its hexagons, one (multi)polygon in EPSG:3006
    x: float                  # the centre of its busiest hexagon: where it "is"
    y: float
    count: int                # incidents in its hexagons this period
    cells: int
    expected: float | None = None  # unusual: what its own history makes expected
    hot_level: int = 0        # the strongest Gi* class among its cells (1..3: 90/95/99 %)


def is_active(measure: Measure, first_day: date, last_day: date) -> bool:
    """Active in the period: started by its last day and not ended before its first. A
    measure without a start date is active only when it is marked ongoing; a planned one
    with a start date in the period counts (it is due)."""
    if measure.end is not None and measure.end < first_day:
        return False
    if measure.start is None:
        return measure.status == ONGOING
    return measure.start <= last_day


def active_measures(measures: Iterable[Measure], first_day: date, last_day: date
                    ) -> list[Measure]:
    return [m for m in measures if is_active(m, first_day, last_day)]


def _cells_wkt(grid: HexGrid, rows: np.ndarray) -> str:
    rings = grid.vertices(rows)
    polygons = ", ".join("((" + ", ".join(f"{x:.2f} {y:.2f}" for x, y in ring.tolist()) + "))"
                         for ring in rings)
    return f"MULTIPOLYGON ({polygons})"


def _busiest(grid: HexGrid, rows: np.ndarray, n: np.ndarray) -> tuple[float, float]:
    cx, cy = grid.centres
    i = int(rows[int(np.argmax(n[rows]))])
    return float(cx[i]), float(cy[i])


def unusual_places(result) -> list[Place]:
    """The clusters of an :class:`.unusual.UnusualResult`, most unusual first."""
    if result is None:
        return []
    out = []
    for cluster in result.clusters:
        x, y = _busiest(result.grid, cluster.cells, result.n)
        out.append(Place(UNUSUAL, _cells_wkt(result.grid, cluster.cells), x, y,
                         cluster.count, len(cluster.cells), expected=cluster.expected))
    return out


def hot_places(result) -> list[Place]:
    """Adjacent hot cells (Gi* class > 0) of a :class:`.hotspots.HotspotResult` as one place
    each, the most incidents first; a group without a single incident is left out."""
    if result is None:
        return []
    hot = np.flatnonzero(result.gi_class > 0)
    if not hot.size:
        return []
    neighbours = result.grid.neighbours(include_self=False)
    is_hot = np.zeros(len(result.n), dtype=bool)
    is_hot[hot] = True
    seen = np.zeros(len(result.n), dtype=bool)
    out = []
    for start in hot.tolist():
        if seen[start]:
            continue
        group, stack = [], [start]
        seen[start] = True
        while stack:  # flood fill over hot neighbours
            c = stack.pop()
            group.append(c)
            for d in neighbours[c].tolist():
                if d >= 0 and is_hot[d] and not seen[d]:
                    seen[d] = True
                    stack.append(d)
        rows = np.array(sorted(group), dtype=np.int64)
        if not result.n[rows].any():
            continue  # hot by its neighbours only, with nothing of its own: no place to act
        x, y = _busiest(result.grid, rows, result.n)
        out.append(Place(HOT, _cells_wkt(result.grid, rows), x, y, int(result.n[rows].sum()),
                         len(rows), hot_level=int(result.gi_class[rows].max())))
    out.sort(key=lambda p: (-p.count, -p.hot_level))
    return out


def _geometry(shape):
    from osgeo import ogr

    if isinstance(shape, (bytes, bytearray, memoryview)):
        return ogr.CreateGeometryFromWkb(bytes(shape))
    return ogr.CreateGeometryFromWkt(shape)


def merged_places(unusual: Sequence[Place], hot: Sequence[Place]) -> list[Place]:
    """Unusual clusters first; a hot place that overlaps a cluster raises the cluster's
    ``hot_level`` instead of being listed again."""
    shapes = [_geometry(p.wkt) for p in unusual]
    out = list(unusual)
    rest = []
    for place in hot:
        geom = _geometry(place.wkt)
        overlap = [i for i, s in enumerate(shapes) if s.Intersects(geom)
                   and s.Intersection(geom).GetArea() > 0]
        for i in overlap:
            out[i] = replace(out[i], hot_level=max(out[i].hot_level, place.hot_level))
        if not overlap:
            rest.append(place)
    return out + rest


def nearest_measure_m(place: Place, measures: Iterable[Measure]) -> float | None:
    """The shortest distance (m) from the place to where an active measure acts; None when
    no measure has a place."""
    geom = _geometry(place.wkt)
    distances = [geom.Distance(g) for g in
                 (_geometry(m.wkb) for m in measures if m.wkb) if g is not None]
    return min(distances) if distances else None


def places_without_measure(places: Iterable[Place], measures: Iterable[Measure], *,
                           nearby_m: float = NEARBY_M) -> list[Place]:
    """The places no measure in ``measures`` (already the period's active ones) acts
    within ``nearby_m`` of."""
    measures = list(measures)
    out = []
    for place in places:
        distance = nearest_measure_m(place, measures)
        if distance is None or distance > nearby_m:
            out.append(place)
    return out


def uncovered_places(unusual_result, hot_result, measures: Iterable[Measure],
                     first_day: date, last_day: date, *, nearby_m: float = NEARBY_M
                     ) -> list[Place]:
    """The period's unusual and hot places with no active measure within ``nearby_m``."""
    places = merged_places(unusual_places(unusual_result), hot_places(hot_result))
    return places_without_measure(places, active_measures(measures, first_day, last_day),
                                  nearby_m=nearby_m)


def place_area_names(places: Sequence[Place], areas: Sequence, fallback: str = "") -> list[str]:
    """The name of the area where each place is (its busiest hexagon's centre), as the
    lägesbild's other tables name areas; ``fallback`` (the kommun) outside every area."""
    from .areas import area_display_name, assign_areas, finest_areas

    chosen = finest_areas(areas)
    if not places or not chosen:
        return [fallback] * len(places)
    codes = assign_areas(np.array([p.x for p in places]), np.array([p.y for p in places]),
                         [(a.code, a.wkb) for a in chosen])
    names = {a.code: area_display_name(a) for a in chosen}
    return [names.get(code, fallback) if code else fallback for code in codes.tolist()]


_HOT_LEVELS = {1: "90", 2: "95", 3: "99"}


def describe_sv(place: Place) -> str:
    """What the place is, in Swedish (the map's attributes and the PDF are Swedish):
    "Ovanligt just nu: 17 händelser, väntat 2,1" or "Het plats (Gi* 99 %): 24 händelser"."""
    hot = f"het (Gi* {_HOT_LEVELS[place.hot_level]} %)" if place.hot_level else ""
    if place.kind == UNUSUAL:
        what = "Ovanligt just nu" + (f" och {hot}" if hot else "")
        expected = ""
        if place.expected is not None:
            shown = "under 0,1" if place.expected < 0.05 else \
                f"{place.expected:.1f}".replace(".", ",")
            expected = f", väntat {shown}"
        return f"{what}: {_incidents(place.count)}{expected}"
    cells = f" i {place.cells} rutor" if place.cells > 1 else ""
    return f"Het plats (Gi* {_HOT_LEVELS.get(place.hot_level, '90')} %): " \
           f"{_incidents(place.count)}{cells}"


def _incidents(n: int) -> str:
    return "1 händelse" if n == 1 else f"{n} händelser"
