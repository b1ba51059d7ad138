"""trygghet:addmeasure — record a measure (åtgärd): what, who, when, and where it acts (the
features of a layer, e.g. the selected hot spot cells or a drawn polygon)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from ..domain.measure import MeasureTypes
from ..jobs.measures import add_measure, make_measure, union_wkb
from ..layers.sweref import source_geometries
from .base import TrygghetAlgorithm


def source_wkbs(source, context) -> list[bytes]:
    """The features' geometries in EPSG:3006, as WKB."""
    return [bytes(g.asWkb()) for g in source_geometries(source, context)]


class AddMeasureAlgorithm(TrygghetAlgorithm):
    group_id = "data"

    def name(self) -> str:
        return "addmeasure"

    def displayName(self) -> str:
        return self.tr("Add measure")

    def shortHelpString(self) -> str:
        types = MeasureTypes.load()
        return self.tr(
            "Records a measure (lighting, pruning, cameras, clean-up, patrols, dialogue …) in "
            "the store so it can be followed up. Where it acts: the features of INPUT (tick "
            "'Selected features only' to use, e.g., the selected hot spot cells); several "
            "features become one place. Without INPUT the measure has no place and cannot be "
            "evaluated.\n\nTYPE: {types}. STATUS: planerad, pågående or avslutad (planned, "
            "ongoing, finished). START and END as YYYY-MM-DD (a finished measure needs both). "
            "CATEGORIES: the incident categories it targets, comma-separated (empty: all). "
            "UID: the id of a measure to update (empty: a new measure).").format(
                types=", ".join(types.types))

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterString("TITLE", self.tr("Title")))
        self.addParameter(QgsProcessingParameterString("TYPE", self.tr("Type"),
                                                       defaultValue="annat"))
        self.addParameter(QgsProcessingParameterString(
            "STATUS", self.tr("Status (planerad, pågående, avslutad)"),
            defaultValue="planerad"))
        self.addParameter(QgsProcessingParameterString(
            "START", self.tr("Start date (YYYY-MM-DD)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "END", self.tr("End date (YYYY-MM-DD)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "ORGANISATION", self.tr("Responsible organisation"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CATEGORIES", self.tr("Targeted categories, comma-separated (empty: all)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", self.tr("Where it acts (features of a layer)"),
            [QgsProcessing.SourceType.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterString(
            "NOTES", self.tr("Internal notes"), multiLine=True, optional=True))
        self.add_advanced(
            QgsProcessingParameterString("KOMMUNKOD", self.tr("Municipality code"),
                                         optional=True),
            QgsProcessingParameterString("UID", self.tr("Id of a measure to update"),
                                         optional=True))
        self.add_count_outputs((("NEW", self.tr("New")), ("UPDATED", self.tr("Updated"))),
                               ("UID", self.tr("Id of the measure")))

    def work(self, parameters, context, feedback) -> dict:
        def text(name: str) -> str | None:
            return self.parameterAsString(parameters, name, context) or None

        source = self.parameterAsSource(parameters, "INPUT", context)
        wkb = union_wkb(source_wkbs(source, context)) if source is not None else None
        measure = make_measure(
            title=text("TITLE"), type_word=text("TYPE"), status_word=text("STATUS"),
            start=text("START"), end=text("END"), organisation=text("ORGANISATION"),
            categories=text("CATEGORIES"), notes=text("NOTES"), kommunkod=text("KOMMUNKOD"),
            wkb=wkb, uid=text("UID"))
        with self.open_store(parameters, context) as store:
            counts = add_measure(store, measure)
        if wkb is None:
            feedback.pushWarning(self.tr("The measure has no place (no INPUT features): it "
                                         "cannot be evaluated until it has one."))
        feedback.pushInfo(self.tr("Measure {uid} saved: {title}").format(
            uid=measure.uid, title=measure.title))
        return {"UID": measure.uid, "NEW": counts.new, "UPDATED": counts.updated}
