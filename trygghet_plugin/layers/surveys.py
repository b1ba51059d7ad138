"""Survey layers: a choropleth per survey and question on the 0-6 problem-index scale, the
"perceived against reported" comparison, and the places respondents marked as unsafe."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ..domain.survey import COMPARISON_CLASSES, INDEX_CLASSES, fold
from ..store.base import Store
from .views import open_view

PLACES_LAYER_NAME = "Otrygga platser (trygghetsmätning)"
COMPARISON_PREFIX = "Upplevd mot rapporterad otrygghet"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def index_renderer() -> QgsGraduatedSymbolRenderer:
    """Classes that read on the problem-index scale, with Swedish legend labels."""
    ranges = []
    for cls in INDEX_CLASSES:
        symbol = QgsFillSymbol.createSimple({"color": cls.color, "outline_color": "90,90,90,255",
                                             "outline_width": "0.2"})
        ranges.append(QgsRendererRange(cls.lower, cls.upper, symbol, cls.legend))
    renderer = QgsGraduatedSymbolRenderer("index_value", ranges)
    return renderer


def survey_layer(store: Store, survey: str, question: str) -> QgsVectorLayer:
    layer = open_view(store, "survey_areas", f"{survey} – {question}")
    layer.setSubsetString(f"survey = {_quote(survey)} AND question = {_quote(question)}")
    layer.setRenderer(index_renderer())
    return layer


def default_question(questions: list[str]) -> str:
    """The question shown first: feeling unsafe out late when asked, else the first."""
    for question in questions:
        if "otrygg" in fold(question):
            return question
    return questions[0]


def comparison_layer(store: Store, survey: str) -> QgsVectorLayer:
    layer = open_view(store, "survey_comparison_areas", f"{COMPARISON_PREFIX} – {survey}")
    layer.setSubsetString(f"survey = {_quote(survey)}")
    categories = []
    for cls in COMPARISON_CLASSES:
        symbol = QgsFillSymbol.createSimple({"color": cls.color, "outline_color": "90,90,90,255",
                                             "outline_width": "0.2"})
        categories.append(QgsRendererCategory(cls.code, symbol, cls.sv))
    layer.setRenderer(QgsCategorizedSymbolRenderer("class_code", categories))
    return layer


def places_layer(store: Store, *, name: str = PLACES_LAYER_NAME) -> QgsVectorLayer:
    source = store.layer_source("survey_places")
    layer = QgsVectorLayer(source.uri, name, source.provider)
    if not layer.isValid():
        raise RuntimeError(f"could not open {source.uri}")
    symbol = QgsMarkerSymbol.createSimple({"name": "triangle", "color": "#6a3d9a",
                                           "size": "2.6", "outline_color": "255,255,255,220",
                                           "outline_width": "0.3"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer
