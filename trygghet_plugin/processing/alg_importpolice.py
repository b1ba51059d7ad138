"""trygghet:importpolice — police events (polisen.se feed) and geocoded police crime exports."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..jobs.imports import import_police
from ..sources import polisen
from .base import STORE, TrygghetAlgorithm


class ImportPoliceAlgorithm(TrygghetAlgorithm):
    group_id = "data"
    def name(self) -> str:
        return "importpolice"

    def displayName(self) -> str:
        return self.tr("Import police data")

    def shortHelpString(self) -> str:
        return self.tr(
            "Police events from polisen.se (saved responses, archives .json/.json.gz, or "
            "INPUT=live to fetch them directly) and geocoded crime exports (CSV, .xlsx or "
            "GeoJSON with crime type or crime code, date and time, coordinates in SWEREF 99 TM "
            "or WGS 84, and place type).\n\n"
            "The events from polisen.se give only the municipality (or the county), never the "
            "place: they are stored with location precision 'kommun' (or 'område' when the "
            "summary names an area in the municipality) and shown as counts per municipality "
            "or area, never as points. Summaries and notices are not events and are saved in "
            "the table rejected with the reason. Fetching directly: at least 10 s between calls "
            "and at most 60 an hour; repeated fetches build up a history (the feed shows only "
            "the latest 500).\n\n"
            "KOMMUN: name or code (e.g. Nässjö or 0682); empty = the whole country.\n\n"
            "Crime exports: only crimes in public places are taken in (a rule per place type in "
            "resources/police/place_types.json); crime types and codes are mapped in "
            "resources/police/event_types.json.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("File, or 'live' for polisen.se"),
            QgsProcessingParameterFile.File, "", None, False,
            self.tr("Police events (*.json *.json.gz *.jsonl);;Crime export (*.csv *.xlsx "
                    "*.geojson);;All files (*)")))
        self.addParameter(QgsProcessingParameterString(
            "KOMMUN", self.tr("Municipality (name or code)"),
            optional=True))
        self.add_store_parameter()
        url = QgsProcessingParameterString(
            "URL", self.tr("Police API URL"),
            defaultValue=polisen.FEED_URL)
        self.add_advanced(url)
        self.add_count_outputs((("NEW", self.tr("New")), ("UPDATED", self.tr("Updated")),
                                ("UNCHANGED", self.tr("Unchanged")),
                                ("REJECTED", self.tr("Rejected")),
                                ("SUMMARIES", self.tr("Summaries and notices")),
                                ("OUTSIDE", self.tr("Other municipalities")),
                                ("TOTAL", self.tr("Police events in the store"))),
                               ("SUMMARY", self.tr("Summary")))

    def work(self, parameters, context, feedback) -> dict:
        done = import_police(
            self.parameterAsString(parameters, STORE, context),
            self.parameterAsString(parameters, "INPUT", context),
            kommun=self.parameterAsString(parameters, "KOMMUN", context),
            url=self.parameterAsString(parameters, "URL", context),
            cancelled=feedback.isCanceled, info=feedback.pushInfo)
        feedback.pushInfo(done.summary)
        return done.outputs()
