"""trygghet:emerginghotspots — each hexagon's hot and cold spot history over the last N
periods, in the categories of ArcGIS Pro's Emerging Hot Spot Analysis (analysis/emerging.py
has the rules)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ..analysis.emerging import (
    EMERGING_LABELS,
    PATTERNS,
    RECOMMENDED_PERIODS,
    check_period_count,
    min_trend_periods,
    period_emerging,
)
from ..analysis.periods import periods_back
from ..analysis.select import load_frame
from ..layers.hotspots import (
    EMERGING_QML,
    emerging_features,
    emerging_fields,
    style_on_completion,
)
from .alg_hotspots import COLUMNS, HotspotParameters, boundary_help, cell_size_help

CONFIDENCES = (0.90, 0.95, 0.99)


class EmergingHotspotsAlgorithm(HotspotParameters):
    def name(self) -> str:
        return "emerginghotspots"

    def displayName(self) -> str:
        return self.tr("Emerging hot spots")

    def shortHelpString(self) -> str:
        labels = ", ".join(EMERGING_LABELS[k] for k in PATTERNS)
        return "\n\n".join((self.tr(
            "Runs the hot spot analysis (Gi*) for each of the last PERIODS periods on the same "
            "hexagon grid and sorts each cell by its history into the categories of ArcGIS "
            "Pro's Emerging Hot Spot Analysis: {labels} (and the matching cold spots). A cell "
            "is a hot spot in a period when its Gi* class reaches the chosen confidence "
            "(FDR-corrected within the period). The trend is a Mann–Kendall test (5 %) of the "
            "cell's incident counts, so intensifying and diminishing mean more and fewer "
            "incidents.").format(labels=labels), self.tr(
            "New: a hot spot in the last period and never before. Consecutive: one unbroken "
            "run of at least two hot periods at the end, never hot before it, under 90 % of "
            "the periods. Intensifying / Persistent / Diminishing: a hot spot in at least "
            "90 % of the periods including the last, with counts rising / without a trend / "
            "falling. Sporadic: a hot spot in the last period, on and off before, under 90 %, "
            "never a cold spot. Oscillating: a hot spot in the last period that was a cold spot "
            "before, under 90 %. Historical: not a hot spot in the last period, but in at "
            "least 90 % of the periods. The field history shows each period, oldest first: "
            "+ hot, - cold, . neither."), self.tr(
            "At least {least} periods are needed (with fewer the trend test cannot reach 5 %); "
            "with fewer than {recommended} the result warns.").format(
                least=min_trend_periods(), recommended=RECOMMENDED_PERIODS),
            cell_size_help(), boundary_help()))

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.add_period_parameters()
        # No minimum beyond 1 here: fewer periods than the trend test needs get the analysis'
        # own message, which says why.
        self.addParameter(QgsProcessingParameterNumber(
            "PERIODS", self.tr("Number of periods"),
            QgsProcessingParameterNumber.Type.Integer, 26, minValue=1, maxValue=520))
        self.add_cell_size_parameter()
        self.add_filter_parameters()
        confidence = QgsProcessingParameterEnum(
            "CONFIDENCE", self.tr("Confidence for a hot spot in one period"),
            options=["90 %", "95 %", "99 %"], defaultValue=0)
        self.add_advanced(confidence)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Emerging hot spots"),
            QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("CELLS", self.tr("Cells")))
        self.addOutput(QgsProcessingOutputNumber(
            "PATTERN_CELLS", self.tr("Cells with a pattern")))
        self.addOutput(QgsProcessingOutputString("WARNING", self.tr("Warning")))

    def work(self, parameters, context, feedback) -> dict:
        last = self.period(parameters, context)
        count = self.parameterAsInt(parameters, "PERIODS", context)
        check_period_count(count)  # before reading the store
        periods = periods_back(last, count)
        categories = self.categories(parameters, context)
        cell_size = self.parameterAsDouble(parameters, "CELL_SIZE", context)
        confidence = CONFIDENCES[self.parameterAsEnum(parameters, "CONFIDENCE", context)]
        with self.open_store(parameters, context) as store:
            boundary, boundary_from = self.boundary(parameters, context, store)
            frame = load_frame(store, periods, COLUMNS)
        feedback.pushInfo(self.tr("{count} periods: {first} – {last}; boundary: {boundary}")
                          .format(count=count, first=periods[0].label, last=last.label,
                                  boundary=boundary_from))
        result = period_emerging(frame, periods, boundary, cell_size, categories=categories,
                                 confidence=confidence)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        dest_id = self.write_cells(parameters, context, feedback, emerging_fields(),
                                   emerging_features(result), len(result.grid))
        counts = {k: v for k, v in result.pattern_counts().items() if v and k}
        feedback.pushInfo(", ".join(f"{EMERGING_LABELS[k]}: {v}" for k, v in counts.items())
                          or self.tr("No patterns"))
        style_on_completion(context, dest_id, EMERGING_QML,
                            f"Framväxande hotspots {periods[0].label} – {last.label}")
        return {"OUTPUT": dest_id, "CELLS": len(result.grid),
                "PATTERN_CELLS": sum(counts.values()), "WARNING": " ".join(result.warnings)}
