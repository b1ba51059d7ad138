"""Features' geometries in SWEREF 99 TM (EPSG:3006), whatever CRS their layer has: the one
place where a user's layer or a Processing source is brought into the plugin's CRS."""

from __future__ import annotations

from collections.abc import Iterable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
)

from ..constants import SWEREF99TM


def to_sweref(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem,
              transform_context: QgsCoordinateTransformContext) -> QgsGeometry:
    """A copy of ``geometry`` (in ``crs``) in EPSG:3006."""
    return (sweref_geometries([geometry], crs, transform_context) or [QgsGeometry()])[0]


def sweref_geometries(features: Iterable[QgsFeature | QgsGeometry],
                      crs: QgsCoordinateReferenceSystem,
                      transform_context: QgsCoordinateTransformContext) -> list[QgsGeometry]:
    """The non-empty geometries of ``features`` (or geometries; in ``crs``) in EPSG:3006."""
    target = QgsCoordinateReferenceSystem(SWEREF99TM)
    transform = None
    if crs.isValid() and crs != target:
        transform = QgsCoordinateTransform(crs, target, transform_context)
    out = []
    for feature in features:
        geometry = QgsGeometry(feature if isinstance(feature, QgsGeometry)
                               else feature.geometry())
        if geometry.isEmpty():
            continue
        if transform is not None:
            geometry.transform(transform)
        out.append(geometry)
    return out


def source_geometries(source, context) -> list[QgsGeometry]:
    """A Processing feature source's geometries in EPSG:3006."""
    return sweref_geometries(source.getFeatures(), source.sourceCrs(),
                             context.transformContext())
