"""trygghet:emerginghotspots — how each hexagon's Gi* has behaved over the last N periods."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ..analysis.emerging import EMERGING_LABELS, period_emerging
from ..analysis.periods import periods_back
from ..analysis.select import load_frame
from ..layers.hotspots import (
    EMERGING_QML,
    emerging_features,
    emerging_fields,
    style_on_completion,
)
from .alg_hotspots import (
    BOUNDARY_HELP,
    CELL_SIZE_HELP,
    CELL_SIZE_HELP_EN,
    COLUMNS,
    HotspotParameters,
)

CONFIDENCES = (0.90, 0.95, 0.99)


class EmergingHotspotsAlgorithm(HotspotParameters):
    def name(self) -> str:
        return "emerginghotspots"

    def displayName(self) -> str:
        return self.tr("Framväxande hotspots / Emerging hot spots")


    def shortHelpString(self) -> str:
        labels = ", ".join(EMERGING_LABELS[k] for k in (1, 2, 3, 4, 5, 6))
        return self.tr(
            "Kör hotspotanalysen (Gi*) för var och en av de senaste PERIODS perioderna på "
            "samma hexagonrutnät och beskriver varje cells förlopp, förenklat efter ESRI:s "
            "Emerging Hot Spot Analysis: " + labels + " (och motsvarande kalla områden). En "
            "cell är hotspot i en period när Gi*-klassen når vald konfidens (FDR-korrigerad "
            "inom perioden); trenden är ett Mann–Kendall-test av cellens z-värden (5 %).\n\n"
            "Ny: hotspot i sista perioden och i färre än 90 % av perioderna, antingen bara i en "
            "obruten följd fram till sista perioden eller med signifikant stigande trend. "
            "Intensifierande / Ihållande / Avtagande: hotspot i sista perioden och i minst "
            "90 % av perioderna, med stigande / ingen / fallande trend. Sporadisk: hotspot i "
            "sista perioden, av och på, utan stigande trend. Historisk: inte hotspot i sista "
            "perioden men i minst en fjärdedel av perioderna.\n\n"
            f"{CELL_SIZE_HELP}\n\n{BOUNDARY_HELP}\n\n"
            "Runs the Gi* hot spot analysis for each of the last PERIODS periods on one hexagon "
            "grid and labels each cell's history (new, intensifying, persistent, diminishing, "
            "sporadic, historical; cold spots alike), a simplified ESRI Emerging Hot Spot "
            "Analysis with a Mann-Kendall trend of the cell's Gi* z-scores. "
            f"{CELL_SIZE_HELP_EN}")

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.add_period_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            "PERIODS", self.tr("Antal perioder / Number of periods"),
            QgsProcessingParameterNumber.Integer, 26, minValue=3, maxValue=520))
        self.add_cell_size_parameter()
        self.add_filter_parameters()
        confidence = QgsProcessingParameterEnum(
            "CONFIDENCE", self.tr("Konfidens för hotspot i en period / Confidence per period"),
            options=["90 %", "95 %", "99 %"], defaultValue=0)
        self.add_advanced(confidence)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Framväxande hotspots / Emerging hot spots"),
            QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("CELLS", self.tr("Celler / Cells")))
        self.addOutput(QgsProcessingOutputNumber(
            "PATTERN_CELLS", self.tr("Celler med mönster / Cells with a pattern")))

    def work(self, parameters, context, feedback) -> dict:
        last = self.period(parameters, context)
        count = self.parameterAsInt(parameters, "PERIODS", context)
        periods = periods_back(last, count)
        categories = self.categories(parameters, context)
        cell_size = self.parameterAsDouble(parameters, "CELL_SIZE", context)
        confidence = CONFIDENCES[self.parameterAsEnum(parameters, "CONFIDENCE", context)]
        with self.open_store(parameters, context) as store:
            boundary, boundary_from = self.boundary(parameters, context, store)
            frame = load_frame(store, periods, COLUMNS)
        feedback.pushInfo(f"{count} perioder: {periods[0].label} – {last.label}; gräns: "
                          f"{boundary_from}")
        result = period_emerging(frame, periods, boundary, cell_size, categories=categories,
                                 confidence=confidence)
        dest_id = self.write_cells(parameters, context, feedback, emerging_fields(),
                                   emerging_features(result), len(result.grid))
        counts = {k: v for k, v in result.pattern_counts().items() if v and k}
        feedback.pushInfo(", ".join(f"{EMERGING_LABELS[k]}: {v}" for k, v in counts.items())
                          or "Inga mönster / no patterns")
        style_on_completion(context, dest_id, EMERGING_QML,
                            f"Framväxande hotspots {periods[0].label} – {last.label}")
        return {"OUTPUT": dest_id, "CELLS": len(result.grid),
                "PATTERN_CELLS": sum(counts.values())}
