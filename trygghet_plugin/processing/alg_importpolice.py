"""trygghet:importpolice — police events (polisen.se feed) and geocoded police crime exports."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
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
        return self.tr("Importera polisdata / Import police data")


    def shortHelpString(self) -> str:
        return self.tr(
            "Polisens händelser från polisen.se (sparade svar, arkiv .json/.json.gz, eller "
            "INPUT=live för att hämta direkt) och geokodade brottsexporter (CSV, .xlsx eller "
            "GeoJSON med brottstyp eller brottskod, datum och tid, koordinater i SWEREF 99 TM "
            "eller WGS 84 och platstyp).\n\n"
            "Händelserna från polisen.se anger bara kommunen (eller länet), aldrig platsen: de "
            "lagras med platsnoggrannhet 'kommun' (eller 'område' när sammanfattningen nämner "
            "ett område i kommunen) och visas som antal per kommun eller område, aldrig som "
            "punkter. Sammanfattningar och notiser är inga händelser och sparas i tabellen "
            "rejected med orsak. Direkthämtning: minst 10 s mellan anropen och högst 60 i "
            "timmen; upprepade hämtningar bygger en historik (flödet visar bara de senaste 500)."
            "\n\nKOMMUN: namn eller kod (t.ex. Nässjö eller 0682); tomt = hela landet.\n\n"
            "Brottsexporter: bara brott på allmän plats tas med (regel per platstyp i "
            "resources/police/place_types.json); brottstyper och koder mappas i "
            "resources/police/event_types.json.\n\n"
            "Police events from polisen.se (saved responses, archives, or INPUT=live) and "
            "geocoded police crime exports. Feed events give only the kommun: they are shown "
            "as counts per kommun or area, never as points. Summaries are kept in 'rejected'.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("Fil, eller 'live' för polisen.se / File, or 'live' for "
                             "polisen.se"),
            QgsProcessingParameterFile.File, "", None, False,
            "Polisens händelser (*.json *.json.gz *.jsonl);;Brottsexport (*.csv *.xlsx "
            "*.geojson);;Alla filer (*)"))
        self.addParameter(QgsProcessingParameterString(
            "KOMMUN", self.tr("Kommun (namn eller kod) / Municipality (name or code)"),
            optional=True))
        self.add_store_parameter()
        url = QgsProcessingParameterString(
            "URL", self.tr("Adress till polisens API / Police API URL"),
            defaultValue=polisen.FEED_URL)
        self.add_advanced(url)
        for name, label in (("NEW", "Nya / New"), ("UPDATED", "Ändrade / Updated"),
                            ("UNCHANGED", "Oförändrade / Unchanged"),
                            ("REJECTED", "Avvisade / Rejected"),
                            ("SUMMARIES", "Sammanfattningar och notiser / Summaries"),
                            ("OUTSIDE", "Andra kommuner / Other kommuner"),
                            ("TOTAL", "Polisens händelser i databasen / Police events stored")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Sammanfattning / "
                                                                     "Summary")))

    def work(self, parameters, context, feedback) -> dict:
        source = self.parameterAsString(parameters, "INPUT", context).strip()
        kommun = registry().resolve(self.parameterAsString(parameters, "KOMMUN", context))
        with self.open_store(parameters, context) as store:
            if source.lower() in LIVE_WORDS or source.lower().startswith(("http://",
                                                                           "https://")):
                url = source if "://" in source else (
                    self.parameterAsString(parameters, "URL", context) or polisen.FEED_URL)
                feedback.pushInfo(f"Hämtar från {url} / polling {url}")
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
                    feedback.pushInfo(f"{read} händelser lästa / events read")
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
