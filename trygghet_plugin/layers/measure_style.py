"""Styles of measures on the map: by type in the colours of ``resources/measure_types.json``
(any layer with a ``type`` field holding the type code: the lägesbild's, the Åtgärder dock's),
and the outline that flags an unusual or hot place with no measure nearby."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
)
from qgis.PyQt.QtGui import QColor

from ..domain.measure import MeasureTypes

#: The flag's outline: dashed, dark orange, thick — apart from the hot (red) and unusual
#: (violet) fills it lies on.
UNCOVERED_OUTLINE = "#ff7f00"


def _fill(color: str) -> QgsFillSymbol:
    c = QColor(color)
    return QgsFillSymbol.createSimple({
        "color": f"{c.red()},{c.green()},{c.blue()},70",
        "outline_color": f"{c.red()},{c.green()},{c.blue()},255", "outline_width": "0.7"})


def measure_type_renderer(types: MeasureTypes | None = None, field: str = "type",
                          language: str = "sv") -> QgsCategorizedSymbolRenderer:
    """Polygons (where each measure acts) filled lightly and outlined in its type's colour;
    the legend lists every type of the taxonomy by its label."""
    types = types or MeasureTypes.load()
    categories = [QgsRendererCategory(code, _fill(t.color), t.label(language))
                  for code, t in types.types.items()]
    return QgsCategorizedSymbolRenderer(field, categories)


def uncovered_renderer() -> QgsSingleSymbolRenderer:
    """No fill, a thick dashed outline: the place stays visible under it."""
    symbol = QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": UNCOVERED_OUTLINE, "outline_width": "1.2",
        "outline_style": "dash"})
    return QgsSingleSymbolRenderer(symbol)
