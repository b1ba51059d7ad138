"""trygghet:importsurvey — trygghetsmätning results per area, and places marked unsafe."""

from __future__ import annotations

from datetime import date

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..sources import surveys
from ..sources.http import SourceError
from .base import TrygghetAlgorithm

POINT_SUFFIXES = (".geojson", ".gpkg", ".shp", ".fgb", ".gml", ".kml")


class ImportSurveyAlgorithm(TrygghetAlgorithm):
    group_id = "data"
    def name(self) -> str:
        return "importsurvey"

    def displayName(self) -> str:
        return self.tr("Importera trygghetsmätning / Import safety survey")


    def shortHelpString(self) -> str:
        return self.tr(
            "Resultat från trygghetsmätningen per område och fråga (CSV eller .xlsx): "
            "antingen indexvärden (polisens problemindex 0–6, andel otrygga, svarande) eller "
            "svarsfördelningar per svarsalternativ, som räknas om till index och andelar med "
            "vikterna i resources/survey_weights.json. Flera mätningar (år) kan ligga i samma "
            "fil. Områdeskoder som inte finns bland områdena avvisas med orsak och listas. "
            "PLACES (eller INPUT) kan vara ett punktlager med platser som markerats som "
            "otrygga, med orsak.\n\n"
            "SURVEY: mätningens namn eller år (används när filen saknar kolumnen "
            "undersökning).\n\n"
            "Efter importen jämförs upplevd otrygghet (medelindex per område) med rapporter "
            "per 1 000 invånare under de 12 månaderna före mätningen (FIELDWORK, standard 1 "
            "september mätåret).\n\n"
            "Safety survey results per area and question (index values or answer "
            "distributions), several years side by side, and places marked unsafe. Unknown "
            "area codes are rejected with the reason and listed.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("Resultat (CSV/xlsx) eller otrygga platser / Results or places"),
            QgsProcessingParameterFile.File, "", None, True,
            "Resultat (*.csv *.txt *.xlsx);;Platser (*.geojson *.gpkg *.shp);;Alla filer (*)"))
        self.addParameter(QgsProcessingParameterString(
            "SURVEY", self.tr("Mätning (namn eller år) / Survey (name or year)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "PLACES", self.tr("Otrygga platser (punkter) / Places marked unsafe (points)"),
            QgsProcessingParameterFile.File, "", None, True,
            "Punkter (*.geojson *.gpkg *.shp);;Alla filer (*)"))
        self.add_store_parameter()
        fieldwork = QgsProcessingParameterString(
            "FIELDWORK", self.tr("Mätdatum (ÅÅÅÅ-MM-DD) / Fieldwork date"), optional=True)
        self.add_advanced(fieldwork)
        for name, label in (("NEW", "Nya / New"), ("UPDATED", "Ändrade / Updated"),
                            ("UNCHANGED", "Oförändrade / Unchanged"),
                            ("REJECTED", "Avvisade / Rejected"),
                            ("PLACES_NEW", "Nya otrygga platser / New unsafe places")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        for name, label in (("SURVEYS", "Mätningar / Surveys"),
                            ("UNKNOWN_AREAS", "Okända områdeskoder / Unknown area codes"),
                            ("SUMMARY", "Sammanfattning / Summary")):
            self.addOutput(QgsProcessingOutputString(name, self.tr(label)))

    def work(self, parameters, context, feedback) -> dict:
        source = self.parameterAsString(parameters, "INPUT", context).strip()
        places = self.parameterAsString(parameters, "PLACES", context).strip()
        survey = self.parameterAsString(parameters, "SURVEY", context).strip() or None
        fieldwork = _date(self.parameterAsString(parameters, "FIELDWORK", context))
        if source.lower().endswith(POINT_SUFFIXES) and not places:
            source, places = "", source
        if not source and not places:
            raise SourceError("Ange en resultatfil (INPUT) eller otrygga platser (PLACES). / "
                              "Give a results file or a places file.")
        with self.open_store(parameters, context) as store:
            result = surveys.SurveyImportResult()
            if source:
                surveys.import_results(store, source, survey=survey, result=result)
            if places:
                surveys.import_places(store, places, survey=survey, result=result)
            compared = surveys.compare_with_reports(store, result.surveys, fieldwork=fieldwork)
            feedback.pushInfo(result.summary())
            for name, n in compared.items():
                feedback.pushInfo(f"{name}: upplevd mot rapporterad otrygghet beräknad för {n} "
                                  f"områden. / perceived against reported for {n} areas.")
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
        raise SourceError(f"Ogiltigt datum '{value}': skriv ÅÅÅÅ-MM-DD. / Invalid date "
                          f"'{value}': use YYYY-MM-DD.") from exc

