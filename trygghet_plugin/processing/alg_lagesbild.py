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
        return self.tr("Situation picture (PDF)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Writes the internal situation picture for a 14-day period as a PDF: a map with "
            "incidents and hot spots, a zoom on the main town, key figures against the previous "
            "period and a year earlier (significant changes marked), places, weekday × hour, "
            "trend, the reporters' activity and the police's incidents. INTERNAL – holds exact "
            "locations.\n\n"
            "PERIOD_END: the period's last day (YYYY-MM-DD); empty = the last complete period.")

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterString(
            "PERIOD_END", self.tr("Last day of the period (YYYY-MM-DD)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "PERIOD_DAYS", self.tr("Period length in days"),
            QgsProcessingParameterNumber.Type.Integer, 14, minValue=1, maxValue=366))
        self.add_output_parameter()
        self.add_layout_parameters(QgsProcessingParameterEnum(
            "PAGE_SIZE", self.tr("Page size"), list(SIZES), defaultValue=0))

    def work(self, parameters, context, feedback) -> dict:
        days = self.parameterAsInt(parameters, "PERIOD_DAYS", context)
        end_text = self.parameterAsString(parameters, "PERIOD_END", context).strip()
        try:
            period = period_ending(date.fromisoformat(end_text), days) if end_text else \
                last_complete_period(days=days,
                                     first_start=SettingsManager().get("first_period_start"))
        except ValueError as exc:
            raise AnalysisError(self.tr("Invalid date '{value}': use YYYY-MM-DD.").format(
                value=end_text)) from exc
        size = SIZES[self.parameterAsEnum(parameters, "PAGE_SIZE", context)]
        feedback.pushInfo(self.tr("Situation picture for {period} ({start} – {end})").format(
            period=period.name, start=period.start, end=period.last_day))
        with self.open_store(parameters, context) as store:
            result = make_lagesbild(store, period, self.output_path(parameters, context),
                                    size=size, **self.layout_options(parameters, context))
        return self.done(result, feedback)
