"""trygghet:boardanalysis — the public four-monthly analysis for the municipal board."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..analysis.periods import last_complete_tertial, parse_tertial
from ..reports.generate import make_board_analysis
from .report_base import ReportAlgorithm


class BoardAnalysisAlgorithm(ReportAlgorithm):
    template_setting = "layout_template_board"
    icon_name = "trygghet.svg"

    def name(self) -> str:
        return "boardanalysis"

    def displayName(self) -> str:
        return self.tr("Nämndanalys per tertial (PDF) / Board analysis (PDF)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Skriver den publika analysen för kommunstyrelsen för en tertial (jan–apr, maj–aug, "
            "sep–dec) som PDF: sammanfattning med de viktigaste säkerställda förändringarna, "
            "utveckling över tre år, en sida per område, trygghetsmätning, polisens uppgifter "
            "samt metod och källor. Säker att publicera: bara sammanräknade uppgifter, inga "
            "exakta platser eller fritexter, små antal visas som <3.\n\n"
            "TERTIAL: t.ex. 2026-T3; tom = den senaste hela tertialen.\n\n"
            "Writes the public four-monthly analysis as PDF: aggregated only, small counts "
            "suppressed. TERTIAL like 2026-T3; empty means the last complete tertial.")

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterString(
            "TERTIAL", self.tr("Tertial (t.ex. 2026-T3) / Tertial"), optional=True))
        self.add_output_parameter()
        self.add_layout_parameters(QgsProcessingParameterNumber(
            "SMALL_COUNT", self.tr("Visa antal upp till detta som <n / Suppress counts up to"),
            QgsProcessingParameterNumber.Integer, 2, minValue=0, maxValue=20))

    def work(self, parameters, context, feedback) -> dict:
        text = self.parameterAsString(parameters, "TERTIAL", context).strip()
        period = parse_tertial(text) if text else last_complete_tertial()
        feedback.pushInfo(f"Nämndanalys för {period.name}")
        with self.open_store(parameters, context) as store:
            result = make_board_analysis(
                store, period, self.output_path(parameters, context),
                small_count_threshold=self.parameterAsInt(parameters, "SMALL_COUNT", context),
                **self.layout_options(parameters, context))
        return self.done(result, feedback)
