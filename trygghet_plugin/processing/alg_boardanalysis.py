"""trygghet:boardanalysis — the public four-monthly analysis for the municipal board."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..analysis.periods import last_complete_tertial, parse_tertial
from ..reports.generate import disclosure_message, make_board_analysis
from ..settings import SettingsManager
from .report_base import ReportAlgorithm


class BoardAnalysisAlgorithm(ReportAlgorithm):
    template_setting = "layout_template_board"
    icon_name = "trygghet.svg"

    def name(self) -> str:
        return "boardanalysis"

    def displayName(self) -> str:
        return self.tr("Board analysis per tertial (PDF)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Writes the public analysis for the municipal board for one tertial (Jan–Apr, "
            "May–Aug, Sep–Dec) as a PDF: a summary with the most important significant "
            "changes, the development over three years, one page per area (an atlas over the "
            "areas), the safety survey, the police's figures, the finished measures counted "
            "per type and verdict, and method and sources. Safe to publish: aggregated figures "
            "only, no exact locations or free texts, small counts shown as <3, and other "
            "counts hidden (shown ..) where totals, other columns, changes, rates or the "
            "area pages would give a small count away.\n\n"
            "TERTIAL: e.g. 2026-T3; empty = the last complete tertial.\n"
            "SMALL_COUNT: counts up to this are hidden (default: the plugin's setting).\n"
            "Outputs HIDDEN_SMALL, HIDDEN_PROTECTING and INFORMATION_LOSS (% of the "
            "published counts hidden).")

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterString(
            "TERTIAL", self.tr("Tertial (e.g. 2026-T3)"), optional=True))
        self.add_output_parameter()
        self.add_layout_parameters(QgsProcessingParameterNumber(
            "SMALL_COUNT", self.tr("Show counts up to this as <n"),
            QgsProcessingParameterNumber.Type.Integer,
            SettingsManager().load().small_count_threshold, minValue=0, maxValue=20))
        self.addOutput(QgsProcessingOutputNumber(
            "HIDDEN_SMALL", self.tr("Small counts hidden")))
        self.addOutput(QgsProcessingOutputNumber(
            "HIDDEN_PROTECTING", self.tr("Counts hidden to protect small ones")))
        self.addOutput(QgsProcessingOutputNumber(
            "INFORMATION_LOSS", self.tr("Share of published counts hidden (%)")))

    def work(self, parameters, context, feedback) -> dict:
        text = self.parameterAsString(parameters, "TERTIAL", context).strip()
        period = parse_tertial(text) if text else last_complete_tertial()
        feedback.pushInfo(self.tr("Board analysis for {period}").format(period=period.name))
        with self.open_store(parameters, context) as store:
            result = make_board_analysis(
                store, period, self.output_path(parameters, context),
                small_count_threshold=self.parameterAsInt(parameters, "SMALL_COUNT", context),
                **self.layout_options(parameters, context))
        outputs = self.done(result, feedback)
        summary = result.disclosure
        if summary is not None:
            feedback.pushInfo(disclosure_message(summary))
            outputs.update(HIDDEN_SMALL=summary.primary, HIDDEN_PROTECTING=summary.secondary,
                           INFORMATION_LOSS=round(summary.loss * 100, 2))
        return outputs
