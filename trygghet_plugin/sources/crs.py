"""Coordinate transforms into the store's SWEREF 99 TM (EPSG:3006), with GDAL's osr."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from osgeo import osr

STORE_EPSG = 3006


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
