"""Coordinate transforms into the store's SWEREF 99 TM (EPSG:3006), with GDAL's osr."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from osgeo import osr

from ..constants import RT90_EAST, SWEREF99TM_EPSG, SWEREF_BOUNDS, WGS84_LAT, WGS84_LON

STORE_EPSG = SWEREF99TM_EPSG

#: The coordinate systems :func:`classify_pair` tells apart.
WGS84, SWEREF, RT90 = "WGS 84", "SWEREF 99 TM", "RT 90"


@lru_cache(maxsize=8)
def _transform(src_epsg: int, dst_epsg: int) -> osr.CoordinateTransformation:
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(src_epsg)
    dst.ImportFromEPSG(dst_epsg)
    # x = longitude/easting, y = latitude/northing, whatever the CRS's official axis order.
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(src, dst)


def to_store_transform(srs: osr.SpatialReference) -> osr.CoordinateTransformation | None:
    """From a layer's CRS to SWEREF 99 TM, both in x/y order; None when it already is."""
    target = osr.SpatialReference()
    target.ImportFromEPSG(STORE_EPSG)
    if srs.IsSame(target):
        return None
    src = srs.Clone()
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(src, target)


def lonlat_transform() -> osr.CoordinateTransformation:
    """WGS 84 (lon, lat) to SWEREF 99 TM."""
    return _transform(4326, STORE_EPSG)


def lonlat_to_sweref(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """WGS 84 / CRS84 (lon, lat) pairs to SWEREF 99 TM (x=easting, y=northing)."""
    if not points:
        return []
    out = _transform(4326, STORE_EPSG).TransformPoints([(lon, lat) for lon, lat in points])
    return [(p[0], p[1]) for p in out]


def sweref_to_lonlat(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    if not points:
        return []
    out = _transform(STORE_EPSG, 4326).TransformPoints(list(points))
    return [(p[0], p[1]) for p in out]


def _inside(value: float, bounds: Sequence[float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def classify_pair(a: float, b: float) -> tuple[str, float, float] | None:
    """(system, x, y) of one coordinate pair within Sweden, in either order: x/y are
    longitude/latitude or easting/northing; None when it is no Swedish coordinate. The
    ranges do not overlap, so at most one order fits."""
    for x, y in ((a, b), (b, a)):
        if _inside(y, WGS84_LAT) and _inside(x, WGS84_LON):
            return WGS84, x, y
        if _inside(x, SWEREF_BOUNDS[:2]) and _inside(y, SWEREF_BOUNDS[2:]):
            return SWEREF, x, y
        if _inside(x, RT90_EAST) and _inside(y, SWEREF_BOUNDS[2:]):
            return RT90, x, y
    return None
