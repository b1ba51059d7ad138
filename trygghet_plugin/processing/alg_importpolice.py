"""trygghet:importpolice — police events (polisen.se feed) and geocoded police crime exports."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..domain.area import AreaKind
from ..sources import polisen
from ..sources.kommuner import registry
from ..sources.police_exports import import_export
from .base import TrygghetAlgorithm

LIVE_WORDS = ("live", "polisen", "api")
EXPORT_SUFFIXES = (".csv", ".txt", ".xlsx", ".xls", ".ods", ".geojson")


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
            QgsProcessingParameterFile.Behavior.File, "", None, False,
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
        source = self.parameterAsString(parameters, "INPUT", context).strip()
        kommun = registry().resolve(self.parameterAsString(parameters, "KOMMUN", context))
        with self.open_store(parameters, context) as store:
            if source.lower() in LIVE_WORDS or source.lower().startswith(("http://",
                                                                           "https://")):
                url = source if "://" in source else (
                    self.parameterAsString(parameters, "URL", context) or polisen.FEED_URL)
                feedback.pushInfo(self.tr("Fetching from {url}").format(url=url))
                result = polisen.poll(store, kommun=kommun, url=url,
                                      cancelled=feedback.isCanceled, info=feedback.pushInfo)
                summaries, outside = result.summaries, result.outside
            elif Path(source).suffix.lower() in EXPORT_SUFFIXES or (
                    Path(source).suffix.lower() == ".json" and Path(source).is_file()
                    and not polisen.looks_like_feed(Path(source))):
                boundary = self._boundary(store, kommun)
                result = import_export(store, source, kommun=kommun, boundary=boundary)
                summaries, outside = 0, 0
            else:
                def progress(read: int) -> bool:
                    feedback.pushInfo(self.tr("{count} events read").format(count=read))
                    return not feedback.isCanceled()

                result = polisen.import_file(store, source, kommun=kommun, progress=progress)
                summaries, outside = result.summaries, result.outside
            feedback.pushInfo(result.summary())
            return {"NEW": result.new, "UPDATED": result.updated,
                    "UNCHANGED": result.unchanged, "REJECTED": result.rejected,
                    "SUMMARIES": summaries, "OUTSIDE": outside,
                    "TOTAL": store.count("incidents", "source = ?", (polisen.SOURCE,)),
                    "SUMMARY": result.summary()}

    @staticmethod
    def _boundary(store, kommun):
        if kommun is None:
            return None
        from osgeo import ogr

        stored = store.areas(kind=AreaKind.KOMMUN.value, kommunkod=kommun.code)
        return ogr.CreateGeometryFromWkb(stored[0].wkb) if stored else None
