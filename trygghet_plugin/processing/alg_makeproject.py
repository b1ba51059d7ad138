"""trygghet:makeproject — a QGIS project with the plugin's styled layers over the store."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingAlgorithm, QgsProcessingParameterFileDestination

from ..layers.project import write_project
from .base import TrygghetAlgorithm


class MakeProjectAlgorithm(TrygghetAlgorithm):
    group_id = "map"
    icon_name = "project.svg"

    def name(self) -> str:
        return "makeproject"

    def displayName(self) -> str:
        return self.tr("Skapa QGIS-projekt / Make QGIS project")


    def shortHelpString(self) -> str:
        return self.tr(
            "Skriver ett QGIS-projekt (.qgz) med pluginets lager över databasen, i SWEREF 99 TM."
            "\n\nWrites a QGIS project (.qgz) with the plugin's styled layers over the store.")

    def flags(self):
        # A project is built on the main thread: layers and QgsProject are not thread-safe.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Projektfil / Project file"), "QGIS project (*.qgz)"))

    def work(self, parameters, context, feedback) -> dict:
        out = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        with self.open_store(parameters, context) as store:
            write_project(store, out)
            feedback.pushInfo(f"Projekt skrivet: {out} ({store.count('incidents')} händelser)")
        return {"OUTPUT": str(out)}
