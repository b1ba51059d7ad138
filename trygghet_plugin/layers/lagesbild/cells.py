"""The hexagon and raster layers of the lägesbild: where incidents concentrate (Gi*), emerging
hot spots, unusual now, and the density raster."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ...analysis.density import period_density, write_geotiff
from ...analysis.emerging import period_emerging
from ...analysis.errors import AnalysisError
from ...analysis.hotspots import period_hotspots
from ...analysis.periods import Period
from ...analysis.select import incident_mask
from ...i18n import translator
from .cache import EMERGING_TABLE, HOTSPOTS_TABLE, UNUSUAL_TABLE
from .model import LagesbildData

tr = translator("Layers")


def hotspots_layer(data: LagesbildData, frame, boundary, cell_size: float, writer):
    """Write the Gi* cells; returns the result (None when left out) for the flags."""
    from qgis.core import QgsWkbTypes

    from ..hotspots import hotspot_features, hotspot_fields

    if data.precise == 0:
        data.notes.append(tr("No incidents with an exact place in the period: hot spots are "
                             "left out."))
        return None
    try:
        result = period_hotspots(frame, data.period, boundary, cell_size)
    except AnalysisError as exc:
        data.notes.append(tr("Hot spots could not be computed: {error}").format(error=exc))
        return None
    fields = hotspot_fields()
    writer.write(HOTSPOTS_TABLE, fields, QgsWkbTypes.Polygon,
                 hotspot_features(result, fields), f"Hotspots {data.period.label}")
    data.has_hotspots = True
    return result


def emerging_layer(data: LagesbildData, frame, boundary, cell_size: float, writer) -> None:
    from qgis.core import QgsWkbTypes

    from ..hotspots import emerging_features, emerging_fields

    periods = data.emerging_periods
    located = incident_mask(frame, None, precise_only=True)
    first, last = periods[0].start_utc, periods[-1].end_utc
    lo = np.datetime64(first.replace(tzinfo=None), "s")
    hi = np.datetime64(last.replace(tzinfo=None), "s")
    if not (located & (frame.occurred_at >= lo) & (frame.occurred_at < hi)).any():
        data.notes.append(tr("No incidents with an exact place in the last {n} periods: "
                             "emerging hot spots are left out.").format(n=len(periods)))
        return
    try:
        result = period_emerging(frame, periods, boundary, cell_size)
    except AnalysisError as exc:
        data.notes.append(tr("Emerging hot spots could not be computed: {error}").format(
            error=exc))
        return
    data.notes.extend(result.warnings)  # e.g. few periods for a trend test
    fields = emerging_fields()
    writer.write(EMERGING_TABLE, fields, QgsWkbTypes.Polygon,
                 emerging_features(result, fields), f"Framväxande hotspots {periods[-1].label}")
    data.has_emerging = True


def unusual_layer(data: LagesbildData, frame, boundary, cell_size: float, writer,
                  history: Sequence[Period]):
    """Write the unusual clusters; returns the result (None when not computed)."""
    from qgis.core import QgsWkbTypes

    from ...analysis.unusual import period_unusual
    from ..unusual import UNUSUAL_NAME, unusual_features, unusual_fields

    try:
        result = period_unusual(frame, data.period, boundary, cell_size, history=history)
    except AnalysisError as exc:
        data.notes.append(tr("Unusual now could not be computed: {error}").format(error=exc))
        return None
    if not result.testable:
        data.notes.append(result.summary())
    fields = unusual_fields()
    writer.write(UNUSUAL_TABLE, fields, QgsWkbTypes.MultiPolygon,
                 unusual_features(result, fields), f"{UNUSUAL_NAME} {data.period.label}")
    data.has_unusual = True
    return result


def heatmap_raster(data: LagesbildData, frame, boundary, path: Path) -> None:
    if data.precise == 0:
        data.notes.append(tr("No incidents with an exact place in the period: the density is "
                             "left out."))
        return
    try:
        raster = period_density(frame, data.period, boundary)
    except AnalysisError as exc:
        data.notes.append(tr("The density could not be computed: {error}").format(error=exc))
        return
    data.heatmap = write_geotiff(raster, path, boundary)
