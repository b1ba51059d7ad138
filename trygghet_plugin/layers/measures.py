"""The map layer of measures (Åtgärder): where each measure acts, coloured by its type (the
taxonomy's colours), its status in the outline and fill (planned: dashed and faint; ongoing:
solid; finished: dotted and pale), Swedish field aliases, and the temporal controller on its
start and end dates.

The layer is a memory layer filled from the store (any store: GeoPackage or PostGIS), so that
points, lines and polygons sit in one layer: each measure is drawn as the area it acts on, as
the evaluation sees it (a point or a line with :data:`~..analysis.measures.POINT_RADIUS_M`
around it). :func:`show_measures_layer` adds it, or fills the one already in the project
again after each change."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate

from ..analysis.measures import target_area, verdict_text
from ..domain.measure import STATUS_LABELS, Measure, MeasureTypes
from ..i18n import language, translator
from ..store.base import Store
from .fields import DATE, STRING
from .measure_style import measure_type_renderer

tr = translator("Layers")

MEASURES_LAYER_NAME = "Åtgärder"
#: Marks the layer in a project (the custom property's value is the store it shows).
LAYER_KEY = "trygghet/measures_layer"
MEASURE_FIELDS = (
    ("uid", STRING), ("title", STRING), ("type", STRING),
    ("type_label", STRING), ("status", STRING),
    ("status_label", STRING), ("start_date", DATE),
    ("end_date", DATE), ("organisation", STRING),
    ("categories", STRING), ("notes", STRING),
    ("verdict", STRING),
)


def measure_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in MEASURE_FIELDS:
        fields.append(QgsField(name, kind))
    return fields


def _qdate(day) -> QDate | None:
    return QDate(day.year, day.month, day.day) if day is not None else None


def measure_features(measures: Iterable[Measure], fields: QgsFields | None = None,
                     types: MeasureTypes | None = None) -> Iterator[QgsFeature]:
    """One feature per measure that has a place: the area it acts on."""
    fields = fields or measure_fields()
    types = types or MeasureTypes.load()
    lang = language()
    for m in measures:
        if not m.wkb:
            continue  # planned without a place yet: in the dock's list, not on the map
        target = target_area(m.wkb)
        if target is None:
            continue
        geometry = QgsGeometry.fromWkt(target.ExportToWkt())
        geometry.convertToMultiType()
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        sv, en = STATUS_LABELS.get(m.status, (m.status, m.status))
        feature.setAttributes([
            m.uid, m.title, m.type, types.label(m.type, lang), m.status,
            sv if lang.startswith("sv") else en, _qdate(m.start), _qdate(m.end),
            m.organisation, ";".join(m.categories) or None, m.notes,
            verdict_text(m.verdict) if m.verdict else None])
        yield feature


def set_temporal(layer: QgsVectorLayer) -> None:
    """The temporal controller shows a measure from the start of its first day to the end of
    its last (the end date is included: the range ends at the next midnight); an open end
    means still going on."""
    temporal = layer.temporalProperties()
    temporal.setMode(
        Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromExpressions)
    # An expression has no open ends of its own: a missing date is a far one.
    temporal.setStartExpression(
        'coalesce(to_datetime("start_date"), make_datetime(1900, 1, 1, 0, 0, 0))')
    temporal.setEndExpression('coalesce(to_datetime("end_date") + make_interval(days:=1), '
                              'make_datetime(9999, 1, 1, 0, 0, 0))')
    temporal.setIsActive(True)


def style_measures(layer: QgsVectorLayer, types: MeasureTypes | None = None) -> None:
    from .aliases import describe_fields

    types = types or MeasureTypes.load()
    layer.setRenderer(measure_type_renderer(types, language=language()))
    set_temporal(layer)
    describe_fields(layer)


def fill_measures_layer(layer: QgsVectorLayer, store: Store,
                        types: MeasureTypes | None = None) -> int:
    """Replace the layer's features with the store's measures; returns how many are drawn."""
    provider = layer.dataProvider()
    provider.truncate()
    features = list(measure_features(store.measures(), layer.fields(), types))
    provider.addFeatures(features)
    layer.updateExtents()
    layer.triggerRepaint()
    return len(features)


def measures_layer(store: Store, name: str = MEASURES_LAYER_NAME) -> QgsVectorLayer:
    """A new, styled and filled measures layer (not added to any project)."""
    fields = "&".join(f"field={n}:{'date' if k == DATE else 'string'}"
                      for n, k in MEASURE_FIELDS)
    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:3006&{fields}", name, "memory")
    types = MeasureTypes.load()
    style_measures(layer, types)
    fill_measures_layer(layer, store, types)
    return layer


def find_measures_layer(project) -> QgsVectorLayer | None:
    for layer in project.mapLayers().values():
        if layer.customProperty(LAYER_KEY) is not None:
            return layer
    return None


def show_measures_layer(project, store: Store, store_uri: str) -> QgsVectorLayer:
    """The project's measures layer, filled from ``store`` again; added on top when the
    project has none."""
    layer = find_measures_layer(project)
    if layer is None:
        layer = measures_layer(store)
        layer.setCustomProperty(LAYER_KEY, store_uri)
        project.addMapLayer(layer, False)
        project.layerTreeRoot().insertLayer(0, layer)
        return layer
    layer.setCustomProperty(LAYER_KEY, store_uri)
    fill_measures_layer(layer, store)
    return layer
