"""trygghet:copystore — copy a store into another (GeoPackage <-> PostGIS) without loss."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterString,
)

from ..store import open_store
from ..store.copy import copy_store
from .base import TrygghetAlgorithm

#: Output name -> the table whose copied rows it counts.
COUNTED = {"INCIDENTS": "incidents", "AREAS": "areas", "SURVEY_RESULTS": "survey_results",
           "SURVEY_PLACES": "survey_places", "MEASURES": "measures",
           "SYNC_STATES": "sync_state", "REJECTED": "rejected"}


class CopyStoreAlgorithm(TrygghetAlgorithm):
    group_id = "data"

    def name(self) -> str:
        return "copystore"

    def displayName(self) -> str:
        return self.tr("Copy store")

    def shortHelpString(self) -> str:
        return self.tr(
            "Copies everything in one store into another without loss: incidents, areas, "
            "safety surveys, measures with their evaluation, sync state and rejected records, "
            "with every field. INPUT and "
            "OUTPUT are a GeoPackage file or a PostGIS store (a QGIS connection, service=… or "
            "postgresql://…, optionally with kommun=0682 for one municipality in a region). "
            "Records are updated by key, so an interrupted copy can run again and a second "
            "copy changes nothing.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            "INPUT", self.tr("From store (GeoPackage or PostGIS)")))
        self.addParameter(QgsProcessingParameterString(
            "OUTPUT", self.tr("To store (GeoPackage or PostGIS; created when missing)")))
        self.add_count_outputs((("INCIDENTS", self.tr("Incidents")),
                                ("AREAS", self.tr("Areas")),
                                ("SURVEY_RESULTS", self.tr("Survey results")),
                                ("SURVEY_PLACES", self.tr("Unsafe places")),
                                ("MEASURES", self.tr("Measures")),
                                ("SYNC_STATES", self.tr("Sync states")),
                                ("REJECTED", self.tr("Rejected records")),
                                ("ROWS", self.tr("Rows in all"))),
                               ("SUMMARY", self.tr("Summary")))

    def work(self, parameters, context, feedback) -> dict:
        source = self.parameterAsString(parameters, "INPUT", context).strip()
        target = self.parameterAsString(parameters, "OUTPUT", context).strip()
        with open_store(source, create=False) as src, open_store(target) as dst:
            feedback.pushInfo(self.tr("Copying {source} → {target}").format(source=src.uri,
                                                                          target=dst.uri))
            result = copy_store(src, dst, progress=feedback.setProgress,
                                cancelled=feedback.isCanceled)
            feedback.pushInfo(result.summary())
            out = {name: result.tables.get(table).total if table in result.tables else 0
                   for name, table in COUNTED.items()}
            out.update({"ROWS": result.rows, "SUMMARY": result.summary(), "OUTPUT": dst.uri})
            return out
