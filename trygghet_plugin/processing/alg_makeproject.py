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
        return self.tr("Make QGIS project")

    def shortHelpString(self) -> str:
        return self.tr(
            "Writes a QGIS project (.qgz) with the plugin's layers over the store, in SWEREF 99 "
            "TM.")

    def flags(self):
        # A project is built on the main thread: layers and QgsProject are not thread-safe.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Project file"), self.tr("QGIS project (*.qgz)")))

    def work(self, parameters, context, feedback) -> dict:
        out = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        with self.open_store(parameters, context) as store:
            write_project(store, out)
            feedback.pushInfo(self.tr("Project written: {path} ({count} incidents)").format(
                path=out, count=store.count("incidents")))
        return {"OUTPUT": str(out)}
