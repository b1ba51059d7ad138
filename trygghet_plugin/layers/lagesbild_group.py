"""The lägesbild on the municipal map: one layer group "Trygghet – lägesbild <period>".

Two steps, so the map never freezes (the modules of :mod:`.lagesbild` do each job):

1. :func:`build_lagesbild_data` reads the store and computes everything the layers show
   (counts and rates per area, police counts per area, hot spots, emerging hot spots, the
   density raster) and writes it to a cache folder next to the store (one GeoPackage and one
   GeoTIFF per build). It touches no project and no widget, so it runs in a QgsTask.
2. :func:`add_lagesbild_group` (main thread) opens the layers, styles them and adds the group.
   Called without data it does step 1 itself (Processing, tests, scripts).

The group, top to bottom:

=======================================  =====================================================
Ovanligt/het plats utan åtgärd           unusual or hot places with no measure active in the
                                         period within 250 m (analysis/uncovered.py), outlined
Ovanligt just nu                         clusters of hexagons with more incidents than their
                                         own history makes expected (analysis/unusual.py)
Åtgärder i perioden                      measures active in the period, where each acts, by
                                         type (layers/measure_style.py)
Händelser (exakt plats)                  the store's incidents of the period with an exact or
                                         street location, by category (colours and icons),
                                         temporal on occurred_at
Polisens händelser per område            police events of the period that have no point of
                                         their own: counts on the area named in the event,
                                         or on the kommun (layers/police.py's style)
Var händelserna koncentreras (Gi*)       hexagons with Gi* classes (hotspots.qml)
Framväxande hotspots                     the last 26 14-day periods (emerging.qml), hidden
Täthet (intern)                          kernel density GeoTIFF (heatmap.qml), hidden
Händelser per 1 000 invånare (<kind>)    counts and rates per area, graduated
Trygghetsmätning <survey>                the latest survey's choropleth (layers/surveys.py),
                                         hidden
Kommungräns                              the kommun outline
=======================================  =====================================================

Police events placed on an area's or the kommun's centre are never drawn as points. Layers
the store cannot fill (no areas, no survey, no police events) are left out with a note in the
log. The base map (setting ``base_map_url``) goes to the bottom of the project.
"""

from __future__ import annotations

from ..analysis.hotspots import CELL_SIZE
from ..analysis.periods import Period
from ..store.base import Store
from .filters import FilterSpec
from .lagesbild.build import COLUMNS, EMERGING_PERIODS, build_lagesbild_data
from .lagesbild.cache import (
    AREAS_TABLE,
    EMERGING_TABLE,
    HOTSPOTS_TABLE,
    MEASURES_TABLE,
    POLICE_TABLE,
    UNCOVERED_TABLE,
    UNUSUAL_TABLE,
    cache_dir,
    cache_files,
    remove_cache_files,
)
from .lagesbild.legend import RATE_COLORS, RateClass, format_number, rate_classes
from .lagesbild.model import CancelledError, LagesbildData, SurveyChoice
from .lagesbild.names import (
    EMERGING_NAME,
    GROUP_PREFIX,
    HEATMAP_NAME,
    HOTSPOTS_NAME,
    INCIDENTS_NAME,
    MEASURES_NAME,
    RATES_PREFIX,
    SURVEY_PREFIX,
    UNCOVERED_NAME,
    default_period,
    group_name,
    period_title,
)
from .lagesbild.styling import GroupEntry, lagesbild_layers

# The names callers (docks, algorithms, exports, tests, bench) import from here.
__all__ = [
    "AREAS_TABLE", "CELL_SIZE", "COLUMNS", "EMERGING_NAME", "EMERGING_PERIODS", "EMERGING_TABLE",
    "GROUP_PREFIX", "HEATMAP_NAME", "HOTSPOTS_NAME", "HOTSPOTS_TABLE", "INCIDENTS_NAME",
    "MEASURES_NAME", "MEASURES_TABLE", "UNCOVERED_NAME", "UNCOVERED_TABLE",
    "POLICE_TABLE", "RATES_PREFIX", "RATE_COLORS", "SURVEY_PREFIX", "UNUSUAL_TABLE",
    "CancelledError", "GroupEntry", "LagesbildData", "RateClass", "SurveyChoice",
    "add_lagesbild_group", "build_lagesbild_data", "cache_dir", "cache_files",
    "default_period", "find_lagesbild_groups", "format_number", "group_name",
    "lagesbild_layers", "period_title", "rate_classes", "remove_cache_files",
    "remove_lagesbild_groups",
]


def find_lagesbild_groups(project) -> list:
    return [g for g in project.layerTreeRoot().findGroups()
            if g.name().startswith(GROUP_PREFIX)]


def remove_lagesbild_groups(project) -> int:
    """Remove earlier lägesbild groups and their layers; returns where the first one was
    (its index at the top level of the layer tree, 0 when none was there)."""
    root = project.layerTreeRoot()
    index = None
    for group in find_lagesbild_groups(project):
        parent = group.parent() or root
        if index is None:
            index = next((i for i, node in enumerate(root.children())
                          if node.name() == group.name()), None)
        ids = [node.layerId() for node in group.findLayers()]
        parent.removeChildNode(group)
        project.removeMapLayers(ids)
    return index or 0


def add_lagesbild_group(project, store: Store, period: Period,
                        data: LagesbildData | None = None, *, spec: FilterSpec | None = None,
                        taxonomy=None, base_map_url: str | None = None,
                        replace: bool = True, cell_size: float | None = None):
    """Add the group "Trygghet – lägesbild <period>" to ``project`` (replacing an earlier
    one); ``data`` from :func:`build_lagesbild_data` (built here when None). The base map of
    ``base_map_url`` (default: the setting) goes to the bottom of the project."""
    from qgis.core import QgsCoordinateReferenceSystem

    from ..log import logger
    from .basemap import add_base_map

    if data is None:
        data = build_lagesbild_data(store, period, spec=spec,
                                    cell_size=cell_size or CELL_SIZE)
    entries = lagesbild_layers(store, data, taxonomy)
    if not project.crs().isValid():
        project.setCrs(QgsCoordinateReferenceSystem("EPSG:3006"))
    index = remove_lagesbild_groups(project) if replace else 0
    root = project.layerTreeRoot()
    group = root.insertGroup(index, group_name(data.period))
    subgroups = {}
    for entry in entries:
        project.addMapLayer(entry.layer, False)
        parent = group
        if entry.subgroup:
            parent = subgroups.get(entry.subgroup)
            if parent is None:
                parent = subgroups[entry.subgroup] = group.addGroup(entry.subgroup)
                parent.setItemVisibilityChecked(entry.visible)
        node = parent.addLayer(entry.layer)
        node.setItemVisibilityChecked(entry.visible or bool(entry.subgroup))
        if not entry.visible:
            node.setExpanded(False)
    add_base_map(project, base_map_url)
    for note in data.notes:
        logger.info(f"{group.name()}: {note}")
    return group
