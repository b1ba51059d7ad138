"""trygghet:exportlayers — the lägesbild's layers as one styled GeoPackage, for planners."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
)

from ..layers.export import ExportError, export_lagesbild
from ..layers.lagesbild_group import INCIDENTS_NAME, group_name
from .alg_hotspots import PERIOD_HELP, HotspotParameters


class ExportLayersAlgorithm(HotspotParameters):
    group_id = "map"
    icon_name = "project.svg"

    def name(self) -> str:
        return "exportlayers"

    def displayName(self) -> str:
        return self.tr("Exportera lager för planerare / Export layers for planners")

    def shortHelpString(self) -> str:
        return self.tr(
            "Skriver lägesbildens lager för perioden till en GeoPackage i SWEREF 99 TM: "
            "händelser med exakt plats (utan fritext), polisens händelser per område, "
            "hotspots, framväxande hotspots, händelser per 1 000 invånare per område, "
            "trygghetsmätningen och kommungränsen – de lager databasen har data för. Varje "
            "lagers stil (svenska teckenförklaringar, ikoner) sparas i filens layer_styles "
            "som standardstil, så lagren öppnas med stil i vilket QGIS-projekt som helst. "
            "Täthetskartan är intern och exporteras inte.\n\n"
            f"{PERIOD_HELP}\n\n"
            "Writes the lägesbild's layers of the period into one GeoPackage (EPSG:3006) with "
            "each layer's style stored as its default in layer_styles, so planners can add "
            "them, styled, to their own projects. Free text is left out; the density raster "
            "is internal and not exported.")

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.add_period_parameters()
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("GeoPackage"), "GeoPackage (*.gpkg)"))
        self.addOutput(QgsProcessingOutputNumber("LAYERS", self.tr("Lager / Layers")))
        self.addOutput(QgsProcessingOutputNumber(
            "INCIDENTS", self.tr("Händelser med exakt plats / Incidents with exact places")))
        self.addOutput(QgsProcessingOutputString("PERIOD", self.tr("Period")))

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
                "INCIDENTS": incidents, "PERIOD": period.name}
