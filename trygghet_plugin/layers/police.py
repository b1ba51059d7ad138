"""Police events per area: counts on the kommun or on an area, never points.

The feed gives no event's place. An event whose summary names an area of the kommun counts
on that area (a graduated fill); every other event counts on the kommun as a whole (the
kommun outline, with the count as its label). The legend says which is which.
"""

from __future__ import annotations

from qgis.core import (
    QgsFillSymbol,
    QgsPalLayerSettings,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ..store.base import Store
from .views import open_view

POLICE_LAYER_NAME = "Polisens händelser per område"
KOMMUN_RULE_LABEL = "Plats: bara kommunen – antal som etikett (polisen anger inte platsen)"
AREA_RULE_LABEL = "Plats: område som nämns i händelsen"
#: (lower, upper, colour): counts of events placed on an area.
CLASSES = ((1, 2, "#fee5d9"), (3, 5, "#fcae91"), (6, 10, "#fb6a4a"), (11, None, "#cb181d"))


def police_areas_layer(store: Store, *, name: str = POLICE_LAYER_NAME) -> QgsVectorLayer:
    layer = open_view(store, "police_areas", name)
    # The kommun, and the areas that events were placed on (others would only cover it).
    layer.setSubsetString("kind = 'kommun' OR events_area > 0")
    root = QgsRuleBasedRenderer.Rule(None)
    kommun = QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "40,40,40,255", "outline_width": "0.8",
        "outline_style": "dash"})
    root.appendChild(QgsRuleBasedRenderer.Rule(kommun, 0, 0, "kind = 'kommun'",
                                               KOMMUN_RULE_LABEL))
    areas = QgsRuleBasedRenderer.Rule(None, 0, 0, "kind <> 'kommun'", AREA_RULE_LABEL)
    for lower, upper, color in CLASSES:
        symbol = QgsFillSymbol.createSimple({"color": color, "outline_color": "120,120,120,255",
                                             "outline_width": "0.26"})
        symbol.setOpacity(0.75)
        if upper is None:
            expr, label = f"events_area >= {lower}", f"fler än {lower - 1} händelser"
        else:
            expr = f"events_area BETWEEN {lower} AND {upper}"
            label = f"{lower}–{upper} händelser" if lower != upper else f"{lower} händelse"
        areas.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expr, label))
    root.appendChild(areas)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = (
        "CASE WHEN kind = 'kommun' THEN name || ': ' || events_kommun || "
        "' händelser (plats: kommunen)' WHEN events_area > 0 THEN events_area END")
    text = settings.format()
    text.setColor(QColor(30, 30, 30))
    buffer = text.buffer()
    buffer.setEnabled(True)
    buffer.setColor(QColor(255, 255, 255))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer
