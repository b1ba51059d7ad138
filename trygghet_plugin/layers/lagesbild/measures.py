"""Measures in the lägesbild: the measures active in the period (where each acts, by type)
and the unusual or hot places with no active measure nearby (:mod:`...analysis.uncovered`)."""

from __future__ import annotations

from ...analysis.measures import target_area
from ...analysis.uncovered import (
    active_measures,
    describe_sv,
    place_area_names,
    uncovered_places,
)
from ...domain.area import AreaKind
from ...domain.measure import STATUS_LABELS, MeasureTypes
from ...i18n import translator
from ...store.base import Store, StoreError
from .cache import MEASURES_TABLE, UNCOVERED_TABLE, fields_of
from .model import LagesbildData

tr = translator("Layers")


def _acts_on(measure):
    """Where the measure acts (the evaluation's target area) as a QgsGeometry, or None."""
    from qgis.core import QgsGeometry

    area = target_area(measure.wkb)
    if area is None:
        return None
    out = QgsGeometry.fromWkt(area.ExportToWkt())
    out.convertToMultiType()
    return out


def measure_layers(data: LagesbildData, store: Store, hot, unusual, areas, writer) -> None:
    """Write the period's active measures and the flagged places to the cache."""
    from qgis.core import QgsFeature, QgsWkbTypes

    from ..fields import INT, STRING

    try:
        measures = store.measures()
    except StoreError as exc:  # a store that does not hold measures: every place is open
        data.notes.append(str(exc))
        measures = []
    period = data.period
    active = active_measures(measures, period.start, period.last_day)
    data.measures = len(active)
    placed = [m for m in active if m.wkb]
    if len(placed) < len(active):
        data.notes.append(tr("{n} measures active in the period have no place and are not on "
                             "the map.").format(n=len(active) - len(placed)))
    types = MeasureTypes.load()
    if placed:
        fields = fields_of((("uid", STRING), ("title", STRING),
                            ("type", STRING), ("type_label", STRING),
                            ("status", STRING), ("status_label", STRING),
                            ("start_date", STRING),
                            ("end_date", STRING), ("organisation", STRING),
                            ("verdict", STRING), ("period", STRING)))

        def measure_features():
            for m in placed:
                geometry = _acts_on(m)
                if geometry is None:
                    continue
                feature = QgsFeature(fields)
                feature.setGeometry(geometry)
                feature.setAttributes([
                    m.uid, m.title, m.type, types.label(m.type), m.status,
                    STATUS_LABELS.get(m.status, (m.status,))[0],
                    m.start.isoformat() if m.start else None,
                    m.end.isoformat() if m.end else None, m.organisation, m.verdict,
                    period.name])
                yield feature

        writer.write(MEASURES_TABLE, fields, QgsWkbTypes.Type.MultiPolygon, measure_features(),
                     f"Åtgärder {period.label}")
        data.has_measures = True

    flagged = uncovered_places(unusual, hot, measures, period.start, period.last_day)
    data.uncovered = len(flagged)
    if not flagged:
        return
    kommun = next((a.label for a in areas if a.kind == AreaKind.KOMMUN.value), "")
    where = place_area_names(flagged, areas, kommun)
    fields = fields_of((("kind", STRING), ("what", STRING),
                        ("area", STRING), ("incidents", INT),
                        ("cells", INT), ("period", STRING)))

    def place_features():
        from osgeo import ogr
        from qgis.core import QgsGeometry

        for place, name in zip(flagged, where):
            # One outline around the place, not one around each of its hexagons.
            outline = ogr.CreateGeometryFromWkt(place.wkt).UnionCascaded()
            geometry = QgsGeometry.fromWkt(outline.ExportToWkt())
            geometry.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes([place.kind, describe_sv(place), name, place.count,
                                   place.cells, period.name])
            yield feature

    writer.write(UNCOVERED_TABLE, fields, QgsWkbTypes.Type.MultiPolygon, place_features(),
                 f"Ovanligt/het plats utan åtgärd {period.label}")
    data.has_uncovered = True
