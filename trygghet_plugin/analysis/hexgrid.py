"""A hexagonal grid over a municipality, in SWEREF 99 TM metres.

The hexagons are "pointy-top": two sides are vertical. **The cell size is the distance
between opposite flat sides** (the hexagon's width from the left side to the right side),
which is also the distance between the centres of two neighbouring cells. For a cell size
``s``: side length ``s / sqrt(3)`` (= the distance from the centre to a corner), area
``sqrt(3) / 2 * s**2`` (250 m -> 144.3 m sides, 54,127 m2 = 5.4 ha per cell).

The grid is anchored at the origin of EPSG:3006, so the same cell size always gives the same
cells, whatever the boundary or period: cells can be compared between runs and periods.

A grid over a boundary keeps **every hexagon that intersects the boundary polygon, whole**
(hexagons are not cut, so every cell has the same area): every point inside the boundary lies
in exactly one cell. Cells are found without a polygon call per cell: centres inside the
boundary by a scan line per row of cells, plus the cells along the boundary line, which get an
exact OGR/GEOS intersection test.

Neighbours are the six cells that share a side (for hexagons, queen and rook contiguity are
the same).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..i18n import translator
from .errors import AnalysisError

tr = translator("Analysis")

SQRT3 = math.sqrt(3.0)
#: Axial offsets of the six neighbours of a cell.
NEIGHBOUR_OFFSETS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))
_KEY_SHIFT = np.int64(1) << np.int64(32)
_KEY_BIAS = np.int64(1) << np.int64(31)


def axial_of(x: np.ndarray, y: np.ndarray, size: float) -> tuple[np.ndarray, np.ndarray]:
    """Axial coordinates (q, r) of the cells that hold the points (x, y)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    rf = y / (size * SQRT3 / 2.0)
    qf = x / size - rf / 2.0
    sf = -qf - rf
    q, r, s = np.rint(qf), np.rint(rf), np.rint(sf)
    dq, dr, ds = np.abs(q - qf), np.abs(r - rf), np.abs(s - sf)
    fix_q = (dq > dr) & (dq > ds)
    fix_r = ~fix_q & (dr > ds)
    q = np.where(fix_q, -r - s, q)
    r = np.where(fix_r, -q - s, r)
    return q.astype(np.int64), r.astype(np.int64)


def centres_of(q: np.ndarray, r: np.ndarray, size: float) -> tuple[np.ndarray, np.ndarray]:
    q = np.asarray(q, dtype=float)
    r = np.asarray(r, dtype=float)
    return size * (q + r / 2.0), size * (SQRT3 / 2.0) * r


def _keys(q: np.ndarray, r: np.ndarray) -> np.ndarray:
    return (np.asarray(q, dtype=np.int64) + _KEY_BIAS) * _KEY_SHIFT + \
        (np.asarray(r, dtype=np.int64) + _KEY_BIAS)


@dataclass(frozen=True)
class HexGrid:
    """The cells of a grid: axial coordinates ``q``, ``r`` (sorted by row, then column)."""

    size: float
    q: np.ndarray
    r: np.ndarray
    _keys: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        q = np.asarray(self.q, dtype=np.int64)
        r = np.asarray(self.r, dtype=np.int64)
        order = np.lexsort((q, r))
        object.__setattr__(self, "q", q[order])
        object.__setattr__(self, "r", r[order])
        keys = _keys(self.q, self.r)
        if keys.size > 1 and (np.diff(keys[np.argsort(keys)]) == 0).any():
            raise ValueError("duplicate cells")
        object.__setattr__(self, "_keys", keys)

    def __len__(self) -> int:
        return int(self.q.size)

    # -- geometry -----------------------------------------------------------------------
    @property
    def side(self) -> float:
        """Side length = centre-to-corner distance (m)."""
        return self.size / SQRT3

    @property
    def cell_area(self) -> float:
        """Area of one cell (m2)."""
        return SQRT3 / 2.0 * self.size ** 2

    @property
    def centres(self) -> tuple[np.ndarray, np.ndarray]:
        return centres_of(self.q, self.r, self.size)

    def vertices(self, rows: np.ndarray | None = None) -> np.ndarray:
        """Closed rings, shape (cells, 7, 2), counter-clockwise from the lower right corner."""
        q = self.q if rows is None else self.q[rows]
        r = self.r if rows is None else self.r[rows]
        cx, cy = centres_of(q, r, self.size)
        angles = np.radians([-30, 30, 90, 150, 210, 270, -30])
        ring = np.empty((q.size, 7, 2))
        ring[:, :, 0] = cx[:, None] + self.side * np.cos(angles)[None, :]
        ring[:, :, 1] = cy[:, None] + self.side * np.sin(angles)[None, :]
        return ring

    def polygon_wkt(self, i: int) -> str:
        ring = self.vertices(np.array([i]))[0]
        return "POLYGON ((" + ", ".join(f"{x:.6f} {y:.6f}" for x, y in ring) + "))"

    @property
    def cell_ids(self) -> list[str]:
        """Stable names ``"<size>m:<q>:<r>"``, the same in every run with this cell size."""
        size = f"{self.size:g}"
        return [f"{size}m:{a}:{b}" for a, b in zip(self.q.tolist(), self.r.tolist())]

    # -- lookups ------------------------------------------------------------------------
    def index_of(self, q: np.ndarray, r: np.ndarray) -> np.ndarray:
        """Row of each (q, r) in the grid, -1 where the cell is not part of it."""
        keys = _keys(q, r)
        order = np.argsort(self._keys)
        sorted_keys = self._keys[order]
        pos = np.searchsorted(sorted_keys, keys)
        pos = np.clip(pos, 0, max(len(self) - 1, 0))
        if len(self) == 0:
            return np.full(keys.shape, -1, dtype=np.int64)
        hit = sorted_keys[pos] == keys
        return np.where(hit, order[pos], -1).astype(np.int64)

    def locate(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Row of the cell holding each point, -1 outside the grid (or NaN coordinates)."""
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        ok = np.isfinite(x) & np.isfinite(y)
        out = np.full(x.shape, -1, dtype=np.int64)
        q, r = axial_of(x[ok], y[ok], self.size)
        out[ok] = self.index_of(q, r)
        return out

    def counts(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, int]:
        """Points per cell, and how many points fell outside the grid."""
        rows = self.locate(x, y)
        inside = rows >= 0
        return (np.bincount(rows[inside], minlength=len(self)).astype(np.int64),
                int((~inside).sum()))

    def neighbours(self, include_self: bool = True) -> np.ndarray:
        """Neighbour table (cells x 7 or 6), -1 where a neighbour is outside the grid.

        With ``include_self`` column 0 is the cell itself (the Gi* neighbourhood).
        """
        offsets = ([(0, 0)] if include_self else []) + list(NEIGHBOUR_OFFSETS)
        table = np.empty((len(self), len(offsets)), dtype=np.int64)
        for j, (dq, dr) in enumerate(offsets):
            table[:, j] = self.index_of(self.q + dq, self.r + dr)
        return table

    def neighbour_lists(self) -> dict[int, list[int]]:
        """Side-sharing neighbours as ``{row: [rows]}`` (no self), e.g. for libpysal's W."""
        table = self.neighbours(include_self=False)
        return {i: [int(j) for j in row if j >= 0] for i, row in enumerate(table)}


# -- grids --------------------------------------------------------------------------------

def grid_over_extent(minx: float, miny: float, maxx: float, maxy: float,
                     size: float) -> HexGrid:
    """Every cell whose hexagon meets the rectangle (plus a one-cell margin)."""
    q, r = _candidates(minx, miny, maxx, maxy, size)
    return HexGrid(float(size), q, r)


def _candidates(minx, miny, maxx, maxy, size) -> tuple[np.ndarray, np.ndarray]:
    dy = size * SQRT3 / 2.0
    r = np.arange(math.floor(miny / dy) - 1, math.ceil(maxy / dy) + 2, dtype=np.int64)
    q_lo = np.floor((minx - size) / size - r / 2.0).astype(np.int64)
    q_hi = np.ceil((maxx + size) / size - r / 2.0).astype(np.int64)
    width = int((q_hi - q_lo).max()) + 1
    qq = q_lo[:, None] + np.arange(width, dtype=np.int64)[None, :]
    rr = np.broadcast_to(r[:, None], qq.shape)
    keep = qq <= q_hi[:, None]
    return qq[keep], rr[keep]


def grid_over_boundary(boundary, size: float) -> HexGrid:
    """Every whole hexagon that intersects ``boundary`` (WKT or an OGR polygon geometry in
    EPSG:3006)."""
    from osgeo import ogr

    if size <= 0:
        raise AnalysisError(tr("The cell size must be greater than 0."))
    geom = ogr.CreateGeometryFromWkt(boundary) if isinstance(boundary, str) else boundary
    rings = _rings(geom) if geom is not None and not geom.IsEmpty() else []
    if not rings:
        raise AnalysisError(tr("The boundary is empty or not an area."))
    minx, maxx, miny, maxy = geom.GetEnvelope()
    q, r = _candidates(minx, miny, maxx, maxy, size)
    cx, cy = centres_of(q, r, size)
    inside = _centres_inside(cx, cy, r, rings)
    # Cells the boundary line runs through, and their neighbours: the only cells whose
    # hexagon can meet the polygon although their centre lies outside it.
    edge_points = _densify(rings, size / 4.0)
    eq, er = axial_of(edge_points[:, 0], edge_points[:, 1], size)
    near_keys = np.unique(np.concatenate(
        [_keys(eq + dq, er + dr) for dq, dr in [(0, 0), *NEIGHBOUR_OFFSETS]]))
    near = np.isin(_keys(q, r), near_keys) & ~inside
    keep = inside.copy()
    for i in np.flatnonzero(near):
        ring = ogr.Geometry(ogr.wkbLinearRing)
        x0, y0 = float(cx[i]), float(cy[i])
        side = size / SQRT3
        for a in (-30, 30, 90, 150, 210, 270, -30):
            ring.AddPoint_2D(x0 + side * math.cos(math.radians(a)),
                             y0 + side * math.sin(math.radians(a)))
        hexagon = ogr.Geometry(ogr.wkbPolygon)
        hexagon.AddGeometry(ring)
        keep[i] = hexagon.Intersects(geom)
    return HexGrid(float(size), q[keep], r[keep])


def _rings(geom) -> list[np.ndarray]:
    from osgeo import ogr

    out: list[np.ndarray] = []
    flat = ogr.GT_Flatten(geom.GetGeometryType())
    if flat == ogr.wkbPolygon:
        polygons = [geom]
    elif flat in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        polygons = [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())]
    else:
        return out
    for poly in polygons:
        if ogr.GT_Flatten(poly.GetGeometryType()) != ogr.wkbPolygon:
            continue
        for k in range(poly.GetGeometryCount()):
            points = np.array(poly.GetGeometryRef(k).GetPoints(), dtype=float)
            if len(points) >= 3:
                out.append(points[:, :2])
    return out


def _centres_inside(cx: np.ndarray, cy: np.ndarray, r: np.ndarray,
                    rings: list[np.ndarray]) -> np.ndarray:
    """Even-odd test of the centres, one scan line per row of cells (holes work too)."""
    a = np.concatenate([ring[:-1] for ring in rings])
    b = np.concatenate([ring[1:] for ring in rings])
    inside = np.zeros(cx.shape, dtype=bool)
    order = np.argsort(r, kind="stable")
    bounds = np.flatnonzero(np.diff(r[order])) + 1
    for rows in np.split(order, bounds):
        y = cy[rows[0]]
        crosses = (a[:, 1] > y) != (b[:, 1] > y)
        if not crosses.any():
            continue
        a1, b1 = a[crosses], b[crosses]
        xs = np.sort(a1[:, 0] + (y - a1[:, 1]) * (b1[:, 0] - a1[:, 0]) / (b1[:, 1] - a1[:, 1]))
        inside[rows] = (np.searchsorted(xs, cx[rows]) % 2) == 1
    return inside


def _densify(rings: list[np.ndarray], step: float) -> np.ndarray:
    parts = []
    for ring in rings:
        a, b = ring[:-1], ring[1:]
        length = np.hypot(*(b - a).T)
        pieces = np.maximum(1, np.ceil(length / step).astype(np.int64))
        seg = np.repeat(np.arange(len(a)), pieces)
        t = (np.arange(pieces.sum()) - np.repeat(np.cumsum(pieces) - pieces, pieces)) / \
            np.repeat(pieces, pieces)
        parts.append(a[seg] + (b[seg] - a[seg]) * t[:, None])
        parts.append(ring[-1:])
    return np.concatenate(parts)


def convex_hull_wkt(x: np.ndarray, y: np.ndarray, buffer: float = 0.0) -> str:
    """The convex hull of the points (buffered by ``buffer`` m) as WKT: the fallback study
    area when there is no municipality boundary."""
    from osgeo import ogr

    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)
    if not ok.any():
        raise AnalysisError(tr("No incidents to count and no boundary to lay the grid over."))
    x, y = x[ok], y[ok]
    # Only the lowest and highest point of each metre-wide column can be on the hull.
    column = np.floor(x).astype(np.int64)
    order = np.lexsort((y, column))
    starts = np.flatnonzero(np.r_[True, np.diff(column[order]) != 0])
    ends = np.r_[starts[1:], order.size] - 1
    pick = np.unique(np.concatenate([order[starts], order[ends]]))
    text = ", ".join(f"({px!r} {py!r})" for px, py in zip(x[pick].tolist(), y[pick].tolist()))
    multi = ogr.CreateGeometryFromWkt(f"MULTIPOINT ({text})")
    hull = multi.ConvexHull()
    if buffer > 0 or ogr.GT_Flatten(hull.GetGeometryType()) != ogr.wkbPolygon:
        hull = hull.Buffer(max(buffer, 1.0))
    return hull.ExportToWkt()
