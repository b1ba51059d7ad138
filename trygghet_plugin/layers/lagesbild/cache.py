"""The lägesbild's cache: one GeoPackage (and one GeoTIFF) per build, next to the store; its
tables, writing them outside the main thread, and removing builds no layer uses."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ...i18n import translator
from ...store.base import Store

if TYPE_CHECKING:
    from .model import LagesbildData

tr = translator("Layers")

#: Cache tables.
AREAS_TABLE, POLICE_TABLE, HOTSPOTS_TABLE, EMERGING_TABLE = (
    "areas_rates", "police_counts", "hotspots", "emerging")
UNUSUAL_TABLE = "unusual_now"
MEASURES_TABLE, UNCOVERED_TABLE = "measures_active", "uncovered"


def cache_dir(store: Store) -> Path:
    """``<store folder>/<store name>_cache`` for a GeoPackage store: the computed layers live
    next to the store. A database store's go to the QGIS profile (``trygghet_cache``)."""
    uri = Path(str(store.uri))
    if uri.suffix.lower() == ".gpkg":
        return uri.with_name(f"{uri.stem}_cache")
    from qgis.core import QgsApplication

    return Path(QgsApplication.qgisSettingsDirPath()) / "trygghet_cache"


class GpkgWriter:
    """Layers into one GeoPackage with QgsVectorFileWriter (safe outside the main thread)."""

    def __init__(self, path: Path):
        self.path = path
        self.written: list[str] = []

    def write(self, table: str, fields, geometry_type, features, description: str = "") -> None:
        from qgis.core import (
            QgsCoordinateReferenceSystem,
            QgsCoordinateTransformContext,
            QgsFeatureSink,
            QgsVectorFileWriter,
        )

        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.fileEncoding = "UTF-8"
        options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteLayer
                                        if self.written else
                                        QgsVectorFileWriter.CreateOrOverwriteFile)
        if description:
            options.layerOptions = [f"DESCRIPTION={description}"]
        writer = QgsVectorFileWriter.create(
            str(self.path), fields, geometry_type, QgsCoordinateReferenceSystem("EPSG:3006"),
            QgsCoordinateTransformContext(), options)
        if writer.hasError() != QgsVectorFileWriter.NoError:
            raise OSError(tr("Could not write {path}: {error}").format(
                path=self.path, error=writer.errorMessage()))
        for feature in features:
            writer.addFeature(feature, QgsFeatureSink.FastInsert)
        del writer  # flushes and closes
        self.written.append(table)


def fields_of(spec):
    from qgis.core import QgsField, QgsFields

    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields


def polygon(wkb: bytes):
    from qgis.core import QgsGeometry

    geometry = QgsGeometry()
    geometry.fromWkb(bytes(wkb))
    return geometry


def cache_files(data: LagesbildData) -> list[Path]:
    """The files one build wrote (with their GeoPackage and GDAL side files)."""
    files = []
    for path in (data.gpkg, data.heatmap):
        if path is not None:
            files += [path, *(path.with_name(path.name + ext)
                              for ext in ("-wal", "-shm", ".aux.xml"))]
    return files


def remove_cache_files(files: Sequence[Path], used_sources: Sequence[str]) -> int:
    """Delete the given cache files unless a layer source in ``used_sources`` still uses
    them; returns how many were deleted. Only the caller knows which builds no saved project
    can refer to (the Filter dock: its own builds, replaced before the project was saved)."""
    used = {Path(s.split("|")[0]).name for s in used_sources}
    removed = 0
    for path in files:
        base = path.name.split(".")[0]
        if any(u.split(".")[0] == base for u in used) or not path.exists():
            continue
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass  # still open somewhere: it stays
    return removed
