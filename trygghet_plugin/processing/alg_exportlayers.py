"""trygghet:exportlayers — the lägesbild's layers as one styled GeoPackage, for planners."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
)

from ..layers.export import ExportError, export_lagesbild
from ..layers.lagesbild_group import INCIDENTS_NAME, group_name
from .alg_hotspots import HotspotParameters, period_help


class ExportLayersAlgorithm(HotspotParameters):
    group_id = "map"
    icon_name = "project.svg"

    def name(self) -> str:
        return "exportlayers"

    def displayName(self) -> str:
        return self.tr("Export layers for planners")

    def shortHelpString(self) -> str:
        return "\n\n".join((self.tr(
            "Writes the situation picture's layers for the period to a GeoPackage in SWEREF 99 "
            "TM: incidents with exact places (without free text), the police's incidents per "
            "area, hot spots, emerging hot spots, incidents per 1,000 inhabitants per area, the "
            "safety survey and the municipality boundary – the layers the store has data for. "
            "Each layer's style (Swedish legends, icons) is saved in the file's layer_styles as "
            "its default style, so the layers open styled in any QGIS project, named as on the "
            "map. Next to it a layer definition file (.qlr) adds them to a project as one group "
            "with the filled layers switched off, so they do not cover the base map. The "
            "density map is internal and is not exported."), period_help()))

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.add_period_parameters()
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("GeoPackage"), "GeoPackage (*.gpkg)"))
        self.addOutput(QgsProcessingOutputNumber("LAYERS", self.tr("Layers")))
        self.addOutput(QgsProcessingOutputNumber(
            "INCIDENTS", self.tr("Incidents with exact places")))
        self.addOutput(QgsProcessingOutputString("PERIOD", self.tr("Period")))
        self.addOutput(QgsProcessingOutputFile(
            "DEFINITION", self.tr("Layer definition file (the layers as one group)")))

    def work(self, parameters, context, feedback) -> dict:
        period = self.period(parameters, context)
        out = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        if out.suffix.lower() != ".gpkg":
            out = out.with_suffix(".gpkg")
        feedback.pushInfo(f"{group_name(period)} ({period.date_range})")
        with self.open_store(parameters, context) as store:
            try:
                result = export_lagesbild(store, period, out, is_cancelled=feedback.isCanceled,
                                          progress=feedback.setProgress)
            except (ExportError, OSError) as exc:
                raise QgsProcessingException(str(exc)) from exc
        feedback.pushInfo(result.summary())
        incidents = next((n for name, _, n in result.layers if name == INCIDENTS_NAME), 0)
        return {"OUTPUT": str(result.path), "LAYERS": len(result.layers),
                "INCIDENTS": incidents, "PERIOD": period.name,
                "DEFINITION": str(result.definition or "")}
