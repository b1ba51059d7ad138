"""Styles of measures on the map: by type in the colours of ``resources/measure_types.json``
and by status (any layer with ``type`` and ``status`` fields holding the codes: the
lägesbild's, the Åtgärder dock's), and the outline that flags an unusual or hot place with
no measure nearby."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsProperty,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
)
from qgis.PyQt.QtGui import QColor

from ..domain.measure import FINISHED, ONGOING, PLANNED, MeasureTypes

#: Status -> (outline style, fill opacity 0–255): what is planned is faint, what is over pale.
STATUS_LOOK = {PLANNED: ("dash", 40), ONGOING: ("solid", 110), FINISHED: ("dot", 25)}
#: The flag's outline: dashed, dark orange, thick — apart from the hot (red) and unusual
#: (violet) fills it lies on.
UNCOVERED_OUTLINE = "#ff7f00"


def _status_case(values: dict[str, str], default: str) -> str:
    whens = " ".join(f"WHEN '{code}' THEN '{value}'" for code, value in values.items())
    return f'CASE "status" {whens} ELSE \'{default}\' END'


def type_symbol(colour: str) -> QgsFillSymbol:
    """The type's colour; the status (a ``status`` field with the code, when the layer has
    one) sets the outline's style and the fill's opacity."""
    c = QColor(colour)
    rgb = f"{c.red()},{c.green()},{c.blue()}"
    symbol = QgsFillSymbol.createSimple({
        "color": f"{rgb},110", "outline_color": f"{rgb},255", "outline_width": "0.8",
        "joinstyle": "round"})
    layer = symbol.symbolLayer(0)
    prop = QgsSymbolLayer.Property
    layer.setDataDefinedProperty(prop.PropertyStrokeStyle, QgsProperty.fromExpression(
        _status_case({s: look[0] for s, look in STATUS_LOOK.items()}, "solid")))
    layer.setDataDefinedProperty(prop.PropertyFillColor, QgsProperty.fromExpression(
        _status_case({s: f"{rgb},{look[1]}" for s, look in STATUS_LOOK.items()}, f"{rgb},110")))
    return symbol


def measure_type_renderer(types: MeasureTypes | None = None, field: str = "type",
                          language: str = "sv") -> QgsCategorizedSymbolRenderer:
    """Where each measure acts, in its type's colour, the status in outline and fill; the
    legend lists every type of the taxonomy by its label."""
    types = types or MeasureTypes.load()
    categories = [QgsRendererCategory(code, type_symbol(t.color), t.label(language))
                  for code, t in types.types.items()]
    return QgsCategorizedSymbolRenderer(field, categories)


def uncovered_renderer() -> QgsSingleSymbolRenderer:
    """No fill, a thick dashed outline: the place stays visible under it."""
    symbol = QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": UNCOVERED_OUTLINE, "outline_width": "1.2",
        "outline_style": "dash"})
    return QgsSingleSymbolRenderer(symbol)
