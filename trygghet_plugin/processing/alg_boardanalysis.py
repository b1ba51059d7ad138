"""trygghet:boardanalysis — the public four-monthly analysis for the municipal board."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..analysis.errors import AnalysisError
from ..analysis.periods import last_complete_tertial, parse_tertial
from ..reports.generate import make_board_analysis
from ..reports.layout import LayoutError
from ..settings import SettingsManager
from .base import TrygghetAlgorithm


class BoardAnalysisAlgorithm(TrygghetAlgorithm):
    group_id = "reports"
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

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterString(
            "TERTIAL", self.tr("Tertial (t.ex. 2026-T3) / Tertial"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("PDF"), "PDF (*.pdf)"))
        advanced = [
            QgsProcessingParameterNumber(
                "SMALL_COUNT", self.tr("Visa antal upp till detta som <n / Suppress counts up "
                                       "to"), QgsProcessingParameterNumber.Integer, 2,
                minValue=0, maxValue=20),
            QgsProcessingParameterNumber("CELL_SIZE", self.tr("Hexagonstorlek (m) / Cell size"),
                                         QgsProcessingParameterNumber.Integer, 250,
                                         minValue=25, maxValue=5000),
            QgsProcessingParameterFile("TEMPLATE", self.tr("Egen mall (.qpt) / Own template"),
                                       extension="qpt", optional=True),
            QgsProcessingParameterString("KOMMUN_NAME", self.tr("Kommunens namn / Name"),
                                         optional=True),
        ]
        self.add_advanced(*advanced)
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Sidor / Pages")))

    def work(self, parameters, context, feedback) -> dict:
        settings = SettingsManager().load()
        text = self.parameterAsString(parameters, "TERTIAL", context).strip()
        period = parse_tertial(text) if text else last_complete_tertial()
        out = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        template = self.parameterAsString(parameters, "TEMPLATE", context) or \
            settings.layout_template_board or None
        feedback.pushInfo(f"Nämndanalys för {period.name}")
        with self.open_store(parameters, context) as store:
            try:
                result = make_board_analysis(
                    store, period, out, template=template,
                    kommun_name=self.parameterAsString(parameters, "KOMMUN_NAME", context)
                    or None, cell_size=self.parameterAsInt(parameters, "CELL_SIZE", context),
                    small_count_threshold=self.parameterAsInt(parameters, "SMALL_COUNT",
                                                              context))
            except LayoutError as exc:
                raise AnalysisError(str(exc)) from exc
        feedback.pushInfo(f"{result.pdf} ({result.pages} sidor)")
        return {"OUTPUT": str(result.pdf), "PAGES": result.pages}
