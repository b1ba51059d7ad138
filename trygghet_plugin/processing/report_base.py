"""What the two report algorithms share: the PDF output, the advanced layout parameters and
where the template comes from."""

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

from ..constants import DEFAULT_CELL_SIZE_M
from ..i18n import translator
from ..settings import SettingsManager
from .base import TrygghetAlgorithm

tr = translator("Processing")


class ReportAlgorithm(TrygghetAlgorithm):
    """A PDF report; subclasses add their period parameter and call the generator."""

    group_id = "reports"
    #: the settings field that holds the municipality's own template for this report
    template_setting = ""

    def flags(self):
        # Layouts and map rendering belong on the main thread.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def add_output_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("PDF"), "PDF (*.pdf)"))

    def add_layout_parameters(self, *first) -> None:
        """``first`` (report-specific advanced parameters), then cell size, template and
        kommun name under "Advanced"; the PAGES output."""
        self.add_advanced(
            *first,
            QgsProcessingParameterNumber("CELL_SIZE", self.tr("Hexagon size (m)"),
                                         QgsProcessingParameterNumber.Integer, DEFAULT_CELL_SIZE_M,
                                         minValue=25, maxValue=5000),
            QgsProcessingParameterFile("TEMPLATE", self.tr("Own template (.qpt)"),
                                       extension="qpt", optional=True),
            QgsProcessingParameterString("KOMMUN_NAME", self.tr("Name of the municipality"),
                                         optional=True))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages")))

    def layout_options(self, parameters, context) -> dict:
        """Keyword arguments every generator takes: template, kommun name, cell size."""
        template = self.parameterAsString(parameters, "TEMPLATE", context) or \
            getattr(SettingsManager().load(), self.template_setting, "") or None
        return {"template": template,
                "kommun_name": self.parameterAsString(parameters, "KOMMUN_NAME", context)
                or None,
                "cell_size": self.parameterAsInt(parameters, "CELL_SIZE", context)}

    def output_path(self, parameters, context) -> Path:
        return Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))

    @staticmethod
    def done(result, feedback) -> dict:
        feedback.pushInfo(tr("{pdf} ({pages} pages)").format(pdf=result.pdf, pages=result.pages))
        return {"OUTPUT": str(result.pdf), "PAGES": result.pages}
