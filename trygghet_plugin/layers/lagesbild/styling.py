"""The lägesbild group's layers, opened from the cache and the store and styled, top first
(main thread; nothing is added to a project here)."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.area import KIND_LABELS, AreaKind
from ...store.base import Store
from ..filters import AREAS, INCIDENTS, POLICE, build_filter, mark_layer
from .cache import (
    AREAS_TABLE,
    EMERGING_TABLE,
    HOTSPOTS_TABLE,
    MEASURES_TABLE,
    POLICE_TABLE,
    UNCOVERED_TABLE,
    UNUSUAL_TABLE,
)
from .model import LagesbildData
from .names import (
    EMERGING_NAME,
    HEATMAP_NAME,
    HOTSPOTS_NAME,
    INCIDENTS_NAME,
    MEASURES_NAME,
    RATES_PREFIX,
    SURVEY_PREFIX,
    UNCOVERED_NAME,
)


@dataclass
class GroupEntry:
    """One layer of the group; ``subgroup`` names a subgroup to put it in."""

    layer: object
    visible: bool = True
    subgroup: str | None = None


def lagesbild_layers(store: Store, data: LagesbildData, taxonomy=None) -> list[GroupEntry]:
    """The group's layers, styled, top first (not added to any project)."""
    from ...domain.taxonomy import Taxonomy
    from ...paths import taxonomy_file
    from ..hotspots import EMERGING_QML, HOTSPOTS_QML, apply_style, heatmap_layer
    from ..incidents import incidents_layer

    taxonomy = taxonomy or Taxonomy.load(taxonomy_file())
    entries: list[GroupEntry] = []
    if data.has_uncovered:  # on top: an outline around places no measure acts near
        from ..measure_style import uncovered_renderer

        layer = _cache_layer(data, UNCOVERED_TABLE, UNCOVERED_NAME)
        layer.setRenderer(uncovered_renderer())
        entries.append(GroupEntry(layer))
    if data.has_unusual:  # first: what is new this period leads the map
        from ..unusual import UNUSUAL_NAME, style_unusual

        layer = _cache_layer(data, UNUSUAL_TABLE, UNUSUAL_NAME)
        style_unusual(layer)
        entries.append(GroupEntry(layer))
    if data.has_measures:
        from ..measure_style import measure_type_renderer

        layer = _cache_layer(data, MEASURES_TABLE, MEASURES_NAME)
        layer.setRenderer(measure_type_renderer())
        entries.append(GroupEntry(layer))
    incidents = incidents_layer(store, taxonomy, name=INCIDENTS_NAME)
    incidents.setSubsetString(build_filter(data.spec, INCIDENTS))
    entries.append(GroupEntry(incidents))
    if data.has_police:
        entries.append(GroupEntry(_police_layer(store, data)))
    if data.has_hotspots:
        layer = _cache_layer(data, HOTSPOTS_TABLE, HOTSPOTS_NAME)
        apply_style(layer, HOTSPOTS_QML)
        entries.append(GroupEntry(layer))
    if data.has_emerging:
        layer = _cache_layer(data, EMERGING_TABLE,
                             f"{EMERGING_NAME} ({len(data.emerging_periods)} perioder)")
        apply_style(layer, EMERGING_QML)
        entries.append(GroupEntry(layer, visible=False))
    if data.heatmap is not None:
        entries.append(GroupEntry(heatmap_layer(str(data.heatmap), HEATMAP_NAME),
                                  visible=False))
    if data.has_areas:
        entries.append(GroupEntry(_rates_layer(data)))
    if data.survey is not None:
        from ..surveys import survey_layer

        layer = survey_layer(store, data.survey.survey, data.survey.question)
        mark_layer(layer, AREAS, layer.subsetString())
        layer.setSubsetString(build_filter(data.spec, AREAS, base=layer.subsetString()))
        name = data.survey.survey
        if SURVEY_PREFIX.lower() not in name.lower():
            name = f"{SURVEY_PREFIX} {name}"
        entries.append(GroupEntry(layer, visible=False, subgroup=name))
    if data.has_kommun:
        from ..areas import KOMMUN_LAYER_NAME, outline_layer

        entries.append(GroupEntry(outline_layer(store, AreaKind.KOMMUN.value,
                                                KOMMUN_LAYER_NAME)))
    return entries


def _cache_layer(data: LagesbildData, table: str, name: str):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(data.table_uri(table), name, "ogr")
    if not layer.isValid():
        raise RuntimeError(f"could not open {data.table_uri(table)}")
    return layer


def _police_layer(store: Store, data: LagesbildData):
    """The period's police counts with the style of layers/police.py (rule labels say where
    the events are placed; the kommun's count is its label)."""
    from ..police import POLICE_LAYER_NAME, police_areas_layer

    layer = _cache_layer(data, POLICE_TABLE, POLICE_LAYER_NAME)
    styled = police_areas_layer(store)
    layer.setRenderer(styled.renderer().clone())
    if styled.labeling() is not None:
        layer.setLabeling(styled.labeling().clone())
        layer.setLabelsEnabled(styled.labelsEnabled())
    mark_layer(layer, POLICE)
    layer.setSubsetString(build_filter(data.spec, POLICE))
    return layer


def _rates_layer(data: LagesbildData):
    from qgis.core import QgsFillSymbol, QgsGraduatedSymbolRenderer, QgsRendererRange

    kind = KIND_LABELS.get(data.area_kind or "", data.area_kind or "")
    layer = _cache_layer(data, AREAS_TABLE, f"{RATES_PREFIX} ({kind})")
    ranges = []
    for cls in data.rate_classes:
        symbol = QgsFillSymbol.createSimple({"color": cls.color, "outline_color": "110,110,110,255",
                                             "outline_width": "0.2"})
        ranges.append(QgsRendererRange(cls.lower, cls.upper, symbol, cls.label))
    layer.setRenderer(QgsGraduatedSymbolRenderer("per_1000", ranges))
    layer.setOpacity(0.6)
    mark_layer(layer, AREAS)
    layer.setSubsetString(build_filter(data.spec, AREAS))
    return layer
