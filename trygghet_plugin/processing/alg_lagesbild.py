"""trygghet:lagesbild — the internal 14-day situational picture as PDF."""

from __future__ import annotations

from datetime import date

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..analysis.errors import AnalysisError
from ..analysis.periods import last_complete_period, period_ending
from ..reports.generate import make_lagesbild
from ..settings import SettingsManager
from .report_base import ReportAlgorithm

SIZES = ("A3", "A4")


class LagesbildAlgorithm(ReportAlgorithm):
    template_setting = "layout_template_lagesbild"
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

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterString(
            "PERIOD_END", self.tr("Periodens sista dag (ÅÅÅÅ-MM-DD) / Last day of the period"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "PERIOD_DAYS", self.tr("Periodens längd i dagar / Period length (days)"),
            QgsProcessingParameterNumber.Integer, 14, minValue=1, maxValue=366))
        self.add_output_parameter()
        self.add_layout_parameters(QgsProcessingParameterEnum(
            "PAGE_SIZE", self.tr("Pappersstorlek / Page size"), list(SIZES), defaultValue=0))

    def work(self, parameters, context, feedback) -> dict:
        days = self.parameterAsInt(parameters, "PERIOD_DAYS", context)
        end_text = self.parameterAsString(parameters, "PERIOD_END", context).strip()
        try:
            period = period_ending(date.fromisoformat(end_text), days) if end_text else \
                last_complete_period(days=days,
                                     first_start=SettingsManager().get("first_period_start"))
        except ValueError as exc:
            raise AnalysisError(f"Ogiltigt datum '{end_text}': skriv ÅÅÅÅ-MM-DD. / "
                                f"Invalid PERIOD_END '{end_text}'.") from exc
        size = SIZES[self.parameterAsEnum(parameters, "PAGE_SIZE", context)]
        feedback.pushInfo(f"Lägesbild för {period.name} ({period.start} – {period.last_day})")
        with self.open_store(parameters, context) as store:
            result = make_lagesbild(store, period, self.output_path(parameters, context),
                                    size=size, **self.layout_options(parameters, context))
        return self.done(result, feedback)
