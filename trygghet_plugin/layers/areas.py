"""Area layers (outlines of DeSO, RegSO, districts and the kommun) and the one function the
project builder calls to add every area-based layer the store has data for."""

from __future__ import annotations

from qgis.core import (
    QgsFillSymbol,
    QgsLayerTreeGroup,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ..analysis.areas import FINEST_FIRST
from ..domain.area import KIND_LABELS, AreaKind
from ..store.base import Store
from .police import police_areas_layer
from .surveys import comparison_layer, default_question, places_layer, survey_layer
from .views import open_view

AREAS_LAYER_NAME = "Områden"
KOMMUN_LAYER_NAME = "Kommungräns"
SURVEY_GROUP_NAME = "Trygghetsmätning"


def outline_layer(store: Store, kind: str, name: str | None = None) -> QgsVectorLayer:
    layer = open_view(store, "areas", name or f"{AREAS_LAYER_NAME} ({KIND_LABELS[kind]})")
    layer.setSubsetString(f"kind = '{kind}'")
    width = "0.8" if kind == AreaKind.KOMMUN.value else "0.3"
    symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "60,60,60,255",
                                         "outline_width": width})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def add_area_layers(project: QgsProject, group: QgsLayerTreeGroup, store: Store
                    ) -> list[QgsVectorLayer]:
    """Add the layers over areas, surveys and police counts that have data, below what the
    group holds: unsafe places, police events per area, the survey layers (one subgroup per
    survey, the latest visible), then the area outlines (the finest kind visible)."""
    added: list[QgsVectorLayer] = []

    def add(layer: QgsVectorLayer, parent: QgsLayerTreeGroup, visible: bool = True) -> None:
        project.addMapLayer(layer, False)
        node = parent.addLayer(layer)
        node.setItemVisibilityChecked(visible)
        added.append(layer)

    if store.count("survey_places"):
        add(places_layer(store), group)
    if store.count("police_area_counts", "events > 0"):
        add(police_areas_layer(store), group)
    results = store.survey_results()
    if results:
        surveys = sorted({r.survey for r in results}, reverse=True)  # the latest first
        parent = group.addGroup(SURVEY_GROUP_NAME)
        for n, survey in enumerate(surveys):
            sub = parent.addGroup(survey)
            sub.setItemVisibilityChecked(n == 0)
            sub.setExpanded(n == 0)
            if store.count("survey_comparison", "survey = ?", (survey,)):
                add(comparison_layer(store, survey), sub, visible=False)
            questions = sorted({r.question for r in results if r.survey == survey})
            first = default_question(questions)
            for question in [first] + [q for q in questions if q != first]:
                add(survey_layer(store, survey, question), sub, visible=question == first)
    kinds = [k for k in FINEST_FIRST if store.count("areas", "kind = ?", (k,))]
    for n, kind in enumerate(kinds):
        add(outline_layer(store, kind), group, visible=n == 0)
    if store.count("areas", "kind = ?", (AreaKind.KOMMUN.value,)):
        add(outline_layer(store, AreaKind.KOMMUN.value, KOMMUN_LAYER_NAME), group)
    return added
