"""trygghet:lagesbild — the internal 14-day situational picture as PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..analysis.errors import AnalysisError
from ..analysis.periods import last_complete_period, period_ending
from ..reports.generate import make_lagesbild
from ..reports.layout import LayoutError
from ..settings import SettingsManager
from .base import TrygghetAlgorithm

SIZES = ("A3", "A4")


class LagesbildAlgorithm(TrygghetAlgorithm):
    group_id = "reports"
    icon_name = "trygghet.svg"

    def name(self) -> str:
        return "lagesbild"

    def displayName(self) -> str:
        return self.tr("Lägesbild (PDF) / Situational picture (PDF)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Skriver den interna lägesbilden för en 14-dagarsperiod som PDF: karta med "
            "händelser och hotspots, inzoomning på centralorten, nyckeltal mot föregående "
            "period och ett år tidigare (säkerställda förändringar markerade), platser, "
            "veckodag × timme, trend, rapportörernas aktivitet och polisens händelser. "
            "INTERNT – innehåller exakta platser.\n\n"
            "PERIOD_END: periodens sista dag (ÅÅÅÅ-MM-DD); tom = den senaste hela perioden.\n\n"
            "Writes the internal 14-day picture as PDF. PERIOD_END is the period's last day; "
            "empty means the last complete period.")

    def flags(self):
        # Layouts and map rendering belong on the main thread.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterString(
            "PERIOD_END", self.tr("Periodens sista dag (ÅÅÅÅ-MM-DD) / Last day of the period"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "PERIOD_DAYS", self.tr("Periodens längd i dagar / Period length (days)"),
            QgsProcessingParameterNumber.Integer, 14, minValue=1, maxValue=366))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("PDF"), "PDF (*.pdf)"))
        advanced = [
            QgsProcessingParameterEnum("PAGE_SIZE", self.tr("Pappersstorlek / Page size"),
                                       list(SIZES), defaultValue=0),
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
        days = self.parameterAsInt(parameters, "PERIOD_DAYS", context)
        end_text = self.parameterAsString(parameters, "PERIOD_END", context).strip()
        try:
            period = period_ending(date.fromisoformat(end_text), days) if end_text else \
                last_complete_period(days=days, first_start=settings.first_period_start)
        except ValueError as exc:
            raise AnalysisError(f"Ogiltigt datum '{end_text}': skriv ÅÅÅÅ-MM-DD. / "
                                f"Invalid PERIOD_END '{end_text}'.") from exc
        out = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        size = SIZES[self.parameterAsEnum(parameters, "PAGE_SIZE", context)]
        template = self.parameterAsString(parameters, "TEMPLATE", context) or \
            settings.layout_template_lagesbild or None
        feedback.pushInfo(f"Lägesbild för {period.name} ({period.start} – {period.last_day})")
        with self.open_store(parameters, context) as store:
            try:
                result = make_lagesbild(
                    store, period, out, size=size, template=template,
                    kommun_name=self.parameterAsString(parameters, "KOMMUN_NAME", context)
                    or None, cell_size=self.parameterAsInt(parameters, "CELL_SIZE", context))
            except LayoutError as exc:
                raise AnalysisError(str(exc)) from exc
        feedback.pushInfo(f"{result.pdf} ({result.pages} sidor)")
        return {"OUTPUT": str(result.pdf), "PAGES": result.pages}
