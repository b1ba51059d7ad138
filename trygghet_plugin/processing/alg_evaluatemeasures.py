"""trygghet:evaluatemeasures — did the finished measures work? Before and after, in the
target area, a buffer ring around it and a comparison area (analysis/measures.py has the
method)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..analysis.measures import BUFFER_M, MIN_TARGET_EVENTS, MIN_WINDOW_DAYS, POINT_RADIUS_M
from ..constants import SWEREF99TM
from ..jobs.measures import chosen_measures, evaluate_measures
from ..layers.hotspots import boundary_wkt_from_source
from ..layers.measure_results import result_features, result_fields
from .base import TrygghetAlgorithm


class EvaluateMeasuresAlgorithm(TrygghetAlgorithm):
    group_id = "analysis"

    def name(self) -> str:
        return "evaluatemeasures"

    def displayName(self) -> str:
        return self.tr("Evaluate measures")

    def shortHelpString(self) -> str:
        return self.tr(
            "Follows up measures as crime-prevention research does. The period after starts "
            "on the measure's first day and is as long as the measure (at least {days} days, "
            "or DAYS); the period before is as long, just before the start; both are also "
            "counted 52 weeks earlier (the same weeks a year before, the seasonal match). "
            "Incidents of the measure's categories placed precisely are counted in the target "
            "area (a point or line measure acts within POINT_RADIUS m), in a ring BUFFER m "
            "wide around it (did incidents move there, or fall there too?) and in the "
            "comparison area (COMPARISON, else the rest of the municipality).\n\n"
            "The effect is the ratio of ratios (target after/before) / (comparison "
            "after/before) with a 95 % interval widened for overdispersion; the Weighted "
            "Displacement Quotient (Bowers & Johnson 2003) and its parts say whether "
            "incidents moved to the buffer (WDQ < 0) or fell there too (WDQ > 0); the WDQ is "
            "given only when the target improved, as they read it. The verdict "
            "in words refuses to judge with fewer than {min} incidents in the target area. "
            "MEASURES: ids, comma-separated (empty: every finished measure). With SAVE the "
            "verdict is kept on the measure.").format(days=MIN_WINDOW_DAYS,
                                                      min=MIN_TARGET_EVENTS)

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterString(
            "MEASURES", self.tr("Measures (ids, comma-separated; empty: every finished one)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "BUFFER", self.tr("Buffer ring width in metres"),
            QgsProcessingParameterNumber.Double, BUFFER_M, minValue=10.0, maxValue=5000.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "COMPARISON", self.tr("Comparison area (empty: the rest of the municipality)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.add_advanced(
            QgsProcessingParameterNumber(
                "POINT_RADIUS", self.tr("Radius in metres a point or line measure acts within"),
                QgsProcessingParameterNumber.Double, POINT_RADIUS_M, minValue=10.0,
                maxValue=2000.0),
            QgsProcessingParameterNumber(
                "DAYS", self.tr("Days before and after (0: the measure's own length)"),
                QgsProcessingParameterNumber.Integer, 0, minValue=0, maxValue=730),
            QgsProcessingParameterBoolean("SAVE", self.tr("Keep the verdict on the measure"),
                                          True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Evaluated measures"), QgsProcessing.TypeVectorPolygon))
        self.add_count_outputs((("EVALUATED", self.tr("Measures evaluated")),
                                ("EFFECTIVE", self.tr("Measures that reduced incidents"))),
                               ("NOTE", self.tr("Note")))

    def work(self, parameters, context, feedback) -> dict:
        from osgeo import ogr

        uids = (self.parameterAsString(parameters, "MEASURES", context) or "").split(",")
        days = self.parameterAsInt(parameters, "DAYS", context) or None
        comparison = None
        source = self.parameterAsSource(parameters, "COMPARISON", context)
        if source is not None:
            wkt = boundary_wkt_from_source(source, context)
            if wkt:
                comparison = bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb())
        with self.open_store(parameters, context) as store:
            measures = chosen_measures(store, uids)
            outcomes = evaluate_measures(
                store, measures,
                buffer_m=self.parameterAsDouble(parameters, "BUFFER", context),
                point_radius_m=self.parameterAsDouble(parameters, "POINT_RADIUS", context),
                comparison=comparison, days=days,
                save=self.parameterAsBoolean(parameters, "SAVE", context))
        sink, dest_id = self.parameterAsSink(
            parameters, "OUTPUT", context, result_fields(), QgsWkbTypes.MultiPolygon,
            QgsCoordinateReferenceSystem(SWEREF99TM))
        if sink is None:
            raise QgsProcessingException(self.tr("Cannot write the result (OUTPUT)"))
        for feature in result_features(outcomes):
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        evaluated = sum(o.evaluation is not None for o in outcomes)
        effective = sum(o.evaluation is not None and o.evaluation.effective
                        for o in outcomes)
        for o in outcomes:
            if o.evaluation is None:
                feedback.pushWarning(f"{o.measure.title}: {o.message}")
            else:
                feedback.pushInfo(f"{o.measure.title}: {o.evaluation.verdict_text}")
        note = self.tr("{n} measures evaluated, {k} reduced incidents.").format(
            n=evaluated, k=effective) if outcomes else self.tr(
            "No finished measure to evaluate.")
        feedback.pushInfo(note)
        return {"OUTPUT": dest_id, "EVALUATED": evaluated, "EFFECTIVE": effective,
                "NOTE": note}
