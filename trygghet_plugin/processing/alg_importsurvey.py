"""trygghet:importsurvey — trygghetsmätning results per area, and places marked unsafe."""

from __future__ import annotations

from datetime import date

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..i18n import translator
from ..sources import surveys
from ..sources.http import SourceError
from .base import TrygghetAlgorithm

tr = translator("Processing")

POINT_SUFFIXES = (".geojson", ".gpkg", ".shp", ".fgb", ".gml", ".kml")


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
            QgsProcessingParameterFile.Behavior.File, "", None, True,
            self.tr("Results (*.csv *.txt *.xlsx);;Places (*.geojson *.gpkg *.shp);;"
                    "All files (*)")))
        self.addParameter(QgsProcessingParameterString(
            "SURVEY", self.tr("Survey (name or year)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "PLACES", self.tr("Places marked unsafe (points)"),
            QgsProcessingParameterFile.Behavior.File, "", None, True,
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
        source = self.parameterAsString(parameters, "INPUT", context).strip()
        places = self.parameterAsString(parameters, "PLACES", context).strip()
        survey = self.parameterAsString(parameters, "SURVEY", context).strip() or None
        fieldwork = _date(self.parameterAsString(parameters, "FIELDWORK", context))
        if source.lower().endswith(POINT_SUFFIXES) and not places:
            source, places = "", source
        if not source and not places:
            raise SourceError(self.tr("Give a results file (INPUT) or places marked unsafe "
                                      "(PLACES)."))
        with self.open_store(parameters, context) as store:
            result = surveys.SurveyImportResult()
            if source:
                surveys.import_results(store, source, survey=survey, result=result)
            if places:
                surveys.import_places(store, places, survey=survey, result=result)
            compared = surveys.compare_with_reports(store, result.surveys, fieldwork=fieldwork)
            feedback.pushInfo(result.summary())
            for name, n in compared.items():
                feedback.pushInfo(self.tr("{survey}: perceived against reported insecurity "
                                          "computed for {count} areas.").format(survey=name,
                                                                                count=n))
            return {"NEW": result.new, "UPDATED": result.updated,
                    "UNCHANGED": result.unchanged, "REJECTED": result.rejected,
                    "PLACES_NEW": result.places_new, "SURVEYS": "; ".join(result.surveys),
                    "UNKNOWN_AREAS": ", ".join(result.unknown_areas),
                    "SUMMARY": result.summary()}


def _date(text: str) -> date | None:
    value = (text or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise SourceError(tr("Invalid date '{value}': use YYYY-MM-DD.").format(
            value=value)) from exc

