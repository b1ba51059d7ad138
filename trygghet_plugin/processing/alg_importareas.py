"""trygghet:importareas — DeSO / RegSO / the municipality's own districts, with population."""

from __future__ import annotations

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..i18n import translator
from ..jobs.imports import import_areas
from ..sources.http import SourceError
from .base import STORE, TrygghetAlgorithm

tr = translator("Processing")


class ImportAreasAlgorithm(TrygghetAlgorithm):
    group_id = "data"
    def name(self) -> str:
        return "importareas"

    def displayName(self) -> str:
        return self.tr("Import areas")

    def shortHelpString(self) -> str:
        return self.tr(
            "Areas into the store: DeSO or RegSO from Statistics Sweden (SCB) (GeoPackage or "
            "WFS, e.g. INPUT=https://geodata.scb.se/geoserver/stat/wfs LAYER=stat:DeSO_2025), "
            "the municipality's own districts (any polygon layer with code and name fields) or "
            "the municipality boundary. Filtered on KOMMUNKOD (code or name). Population per "
            "area from a CSV or Excel file (code + population) gives rates per 1,000 "
            "inhabitants. When there is no municipality boundary, the union of the areas is "
            "saved as the boundary. Areas are updated by code; records that cannot be taken in "
            "are saved in rejected with the reason.\n\n"
            "KIND: deso, regso, district or kommun (empty: from the code field).")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("Layer, file or WFS URL"),
            QgsProcessingParameterFile.File, "", None, True,
            self.tr("Geodata (*.gpkg *.shp *.geojson *.json *.gml *.fgb);;All files (*)")))
        self.addParameter(QgsProcessingParameterString(
            "LAYER", self.tr("Layer name (e.g. DeSO_2025 or stat:DeSO_2025)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CODE_FIELD", self.tr("Code field (e.g. desokod)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "NAME_FIELD", self.tr("Name field"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "KOMMUNKOD", self.tr("Municipality (code or name)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "POPULATION", self.tr("Population per area (CSV/xlsx)"),
            QgsProcessingParameterFile.File, "", None, True,
            self.tr("Tables (*.csv *.txt *.xlsx);;All files (*)")))
        self.add_store_parameter()
        kind = QgsProcessingParameterString(
            "KIND", self.tr("Area kind (deso, regso, district, kommun)"),
            optional=True)
        self.add_advanced(kind)
        self.add_count_outputs((("NEW", self.tr("New")), ("UPDATED", self.tr("Updated")),
                                ("UNCHANGED", self.tr("Unchanged")),
                                ("REJECTED", self.tr("Rejected")),
                                ("WITHOUT_POPULATION", self.tr("Without population")),
                                ("TOTAL", self.tr("Areas in the store"))),
                               ("SUMMARY", self.tr("Summary")))

    def work(self, parameters, context, feedback) -> dict:
        source = self.parameterAsString(parameters, "INPUT", context).strip()
        layer_name = self.parameterAsString(parameters, "LAYER", context).strip() or None
        source, layer_name = _project_layer(source, layer_name, context)
        done = import_areas(
            self.parameterAsString(parameters, STORE, context), source or None,
            layer_name=layer_name,
            code_field=self.parameterAsString(parameters, "CODE_FIELD", context) or None,
            name_field=self.parameterAsString(parameters, "NAME_FIELD", context) or None,
            kind=self.parameterAsString(parameters, "KIND", context),
            kommunkod=self.parameterAsString(parameters, "KOMMUNKOD", context) or None,
            population=self.parameterAsString(parameters, "POPULATION", context) or None,
            cancelled=feedback.isCanceled)
        feedback.pushInfo(done.summary)
        return done.outputs()


def _project_layer(source: str, layer_name: str | None, context):
    """A layer of the current project named in INPUT (by id or name) as its data source."""
    project = context.project() if context is not None else None
    if not source or project is None:
        return source, layer_name
    layer = project.mapLayer(source) or next(iter(project.mapLayersByName(source)), None)
    if layer is None:
        return source, layer_name
    provider = layer.providerType()
    if provider == "ogr":
        return layer.source(), layer_name
    if provider == "WFS":
        uri = QgsDataSourceUri(layer.source())
        return "WFS:" + uri.param("url"), layer_name or uri.param("typename")
    raise SourceError(tr("The layer '{layer}' ({provider}) cannot be read here: choose a file "
                         "or a WFS URL.").format(layer=source, provider=provider))
