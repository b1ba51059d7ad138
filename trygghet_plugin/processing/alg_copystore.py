"""trygghet:copystore — copy a store into another (GeoPackage <-> PostGIS) without loss."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterString,
)

from ..store import open_store
from ..store.copy import copy_store
from .base import TrygghetAlgorithm

#: Output name -> the table whose copied rows it counts.
COUNTED = {"INCIDENTS": "incidents", "AREAS": "areas", "SURVEY_RESULTS": "survey_results",
           "SURVEY_PLACES": "survey_places", "SYNC_STATES": "sync_state",
           "REJECTED": "rejected"}


class CopyStoreAlgorithm(TrygghetAlgorithm):
    group_id = "data"

    def name(self) -> str:
        return "copystore"

    def displayName(self) -> str:
        return self.tr("Kopiera databas / Copy store")

    def shortHelpString(self) -> str:
        return self.tr(
            "Kopierar allt i en databas till en annan, utan förlust: händelser, områden, "
            "trygghetsmätningar, synkstatus och avvisade poster, med alla fält. INPUT och "
            "OUTPUT är en GeoPackage-fil eller en PostGIS-databas (en QGIS-anslutning, "
            "service=… eller postgresql://…, valfritt med kommun=0682 för en kommun i en "
            "region). Posterna uppdateras efter nyckel, så en avbruten kopiering kan köras "
            "igen och en andra kopiering ändrar ingenting.\n\n"
            "Copies everything in one store into another without loss (incidents, areas, "
            "surveys, sync state, rejected records, every field). INPUT and OUTPUT are a "
            "GeoPackage file or a PostGIS store (a QGIS connection name, service=... or "
            "postgresql://..., optionally kommun=0682). Rows are upserted by key: a stopped "
            "copy can run again, and a second copy changes nothing.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            "INPUT", self.tr("Från databas (GeoPackage eller PostGIS) / From store")))
        self.addParameter(QgsProcessingParameterString(
            "OUTPUT", self.tr("Till databas (GeoPackage eller PostGIS; skapas vid behov) / "
                              "To store (created when missing)")))
        for name, label in (("INCIDENTS", "Händelser / Incidents"),
                            ("AREAS", "Områden / Areas"),
                            ("SURVEY_RESULTS", "Mätresultat / Survey results"),
                            ("SURVEY_PLACES", "Otrygga platser / Unsafe places"),
                            ("SYNC_STATES", "Synkstatus / Sync states"),
                            ("REJECTED", "Avvisade poster / Rejected records"),
                            ("ROWS", "Rader totalt / Rows in all")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Sammanfattning / "
                                                                     "Summary")))

    def work(self, parameters, context, feedback) -> dict:
        source = self.parameterAsString(parameters, "INPUT", context).strip()
        target = self.parameterAsString(parameters, "OUTPUT", context).strip()
        with open_store(source, create=False) as src, open_store(target) as dst:
            feedback.pushInfo(f"Kopierar {src.uri} → {dst.uri}")
            result = copy_store(src, dst, progress=feedback.setProgress,
                                cancelled=feedback.isCanceled)
            feedback.pushInfo(result.summary())
            out = {name: result.tables.get(table).total if table in result.tables else 0
                   for name, table in COUNTED.items()}
            out.update({"ROWS": result.rows, "SUMMARY": result.summary(), "OUTPUT": dst.uri})
            return out
