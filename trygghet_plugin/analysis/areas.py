"""Areas for the analysis: which area each incident lies in, and the municipality boundary.

``assign_areas`` is a vectorised point-in-polygon test (even-odd over each polygon's rings,
only for the points inside its bounding box), fast enough for a million incidents against a
few hundred DeSO polygons. A point on a shared border goes to the first area that takes it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

KOMMUN = "kommun"


def _geometry(shape):
    from osgeo import ogr

    if isinstance(shape, (bytes, bytearray, memoryview)):
        return ogr.CreateGeometryFromWkb(bytes(shape))
    if isinstance(shape, str):
        return ogr.CreateGeometryFromWkt(shape)
    return shape


def _rings(geom) -> list[np.ndarray]:
    from .hexgrid import _rings as rings_of

    return rings_of(geom)


def points_in_rings(x: np.ndarray, y: np.ndarray, rings: Sequence[np.ndarray]) -> np.ndarray:
    """Even-odd point-in-polygon over all rings (outer rings and holes alike)."""
    inside = np.zeros(x.shape, dtype=bool)
    for ring in rings:
        a, b = ring[:-1], ring[1:]
        for (x1, y1), (x2, y2) in zip(a.tolist(), b.tolist()):
            if y1 == y2:
                continue
            crosses = (y1 > y) != (y2 > y)
            if not crosses.any():
                continue
            x_cross = x1 + (y - y1) * ((x2 - x1) / (y2 - y1))
            inside ^= crosses & (x < x_cross)
    return inside


def assign_areas(x: np.ndarray, y: np.ndarray,
                 areas: Sequence[tuple[str, object]]) -> np.ndarray:
    """The code of the area holding each point (object array, None outside every area).

    ``areas`` is a sequence of (code, geometry) with the geometry as WKB bytes, WKT or an OGR
    geometry, in the points' CRS (EPSG:3006). Areas of a store come as
    ``[(a.code, a.wkb) for a in store.areas(kind="deso")]``.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    out = np.full(x.shape, None, dtype=object)
    free = np.isfinite(x) & np.isfinite(y)
    for code, shape in areas:
        geom = _geometry(shape)
        if geom is None or geom.IsEmpty():
            continue
        minx, maxx, miny, maxy = geom.GetEnvelope()
        rows = np.flatnonzero(free & (x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy))
        if rows.size == 0:
            continue
        hit = rows[points_in_rings(x[rows], y[rows], _rings(geom))]
        out[hit] = code
        free[hit] = False
    return out


def kommun_boundary_wkt(store, kommunkod: str | None = None) -> str | None:
    """The municipality's boundary from the store's ``areas`` (kind 'kommun'), as WKT in
    EPSG:3006 (several kommun polygons are united); None when the store has none."""
    reader = getattr(store, "areas", None)
    if reader is None:
        return None
    try:
        kommuner = reader(kind=KOMMUN, kommunkod=kommunkod)
    except Exception:  # an older store without the areas table
        return None
    union = None
    for area in kommuner:
        geom = _geometry(area.wkb)
        if geom is None or geom.IsEmpty():
            continue
        union = geom.Clone() if union is None else union.Union(geom)
    return None if union is None else union.ExportToWkt()


#: The area key of incidents placed no closer than the kommun (see :mod:`.figures`).
KOMMUN_ONLY = "~kommun"


def incident_area_codes(frame, areas: Sequence) -> np.ndarray:
    """The area of each incident, as far as its place says: precisely placed points by
    point-in-polygon, incidents placed on an area by that area's code, incidents placed only
    on the kommun (the police's events at the kommun's centre point) as :data:`KOMMUN_ONLY`
    — never in the area where that centre happens to lie. ``areas``: domain Areas of one
    kind. None where no area holds the point."""
    codes = np.full(len(frame), None, dtype=object)
    if not len(frame) or not areas:
        return codes
    text = getattr(frame, "text", {})
    precision = frame["location_precision"] if "location_precision" in text else \
        np.full(len(frame), None, dtype=object)
    known = {a.code for a in areas}
    on_kommun = precision == "kommun"
    on_area = precision == "area"
    if "area_code" in text:
        on_area &= np.fromiter((c in known for c in frame["area_code"]), bool, len(frame))
    else:
        on_area[:] = False
    located = ~on_kommun & ~on_area
    if located.any():
        codes[located] = assign_areas(frame.x[located], frame.y[located],
                                      [(a.code, a.wkb) for a in areas])
    if on_area.any():
        codes[on_area] = frame["area_code"][on_area]
    codes[on_kommun] = KOMMUN_ONLY
    return codes


#: The kinds of area the figures count on, finest first: the first kind the store has wins.
FINEST_FIRST = ("deso", "district", "regso")


def finest_areas(areas: Sequence) -> list:
    """The areas of the finest kind present (DeSO before district before RegSO), the one
    choice every door makes; empty when there are none."""
    for kind in FINEST_FIRST:
        chosen = [a for a in areas if a.kind == kind]
        if chosen:
            return chosen
    return []


def area_display_name(area) -> str:
    """A DeSO has a code, not a name: the name it was given (e.g. its RegSO) and the code."""
    return area.code if not area.name or area.name == area.code else \
        f"{area.name} ({area.code})"
