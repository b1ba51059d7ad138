"""trygghet:importsurvey — trygghetsmätning results per area, and places marked unsafe."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..jobs.imports import import_survey
from .base import STORE, TrygghetAlgorithm


class ImportSurveyAlgorithm(TrygghetAlgorithm):
    group_id = "data"
    def name(self) -> str:
        return "importsurvey"

    def displayName(self) -> str:
        return self.tr("Import safety survey")

    def shortHelpString(self) -> str:
        return self.tr(
            "Results of the safety survey per area and question (CSV or .xlsx): either index "
            "values (the police's problem index 0–6, share feeling unsafe, respondents) or "
            "answer distributions per answer option, which are converted to indexes and shares "
            "with the weights in resources/survey_weights.json. Several surveys (years) can be "
            "in the same file. Area codes that are not among the areas are rejected with the "
            "reason and listed. PLACES (or INPUT) can be a point layer of places marked as "
            "unsafe, with the reason.\n\n"
            "SURVEY: the survey's name or year (used when the file has no column "
            "undersökning).\n\n"
            "After the import, perceived insecurity (mean index per area) is compared with "
            "reports per 1,000 inhabitants during the 12 months before the survey (FIELDWORK, "
            "by default 1 September of the survey year).")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("Results (CSV/xlsx) or places marked unsafe"),
            QgsProcessingParameterFile.File, "", None, True,
            self.tr("Results (*.csv *.txt *.xlsx);;Places (*.geojson *.gpkg *.shp);;"
                    "All files (*)")))
        self.addParameter(QgsProcessingParameterString(
            "SURVEY", self.tr("Survey (name or year)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "PLACES", self.tr("Places marked unsafe (points)"),
            QgsProcessingParameterFile.File, "", None, True,
            self.tr("Points (*.geojson *.gpkg *.shp);;All files (*)")))
        self.add_store_parameter()
        fieldwork = QgsProcessingParameterString(
            "FIELDWORK", self.tr("Fieldwork date (YYYY-MM-DD)"), optional=True)
        self.add_advanced(fieldwork)
        for name, label in (("NEW", self.tr("New")), ("UPDATED", self.tr("Updated")),
                            ("UNCHANGED", self.tr("Unchanged")),
                            ("REJECTED", self.tr("Rejected")),
                            ("PLACES_NEW", self.tr("New unsafe places"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))
        for name, label in (("SURVEYS", self.tr("Surveys")),
                            ("UNKNOWN_AREAS", self.tr("Unknown area codes")),
                            ("SUMMARY", self.tr("Summary"))):
            self.addOutput(QgsProcessingOutputString(name, label))

    def work(self, parameters, context, feedback) -> dict:
        return import_survey(
            self.parameterAsString(parameters, STORE, context),
            self.parameterAsString(parameters, "INPUT", context),
            places=self.parameterAsString(parameters, "PLACES", context),
            survey=self.parameterAsString(parameters, "SURVEY", context).strip() or None,
            fieldwork=self.parameterAsString(parameters, "FIELDWORK", context),
            info=feedback.pushInfo).outputs()
