"""trygghet:importareas — DeSO / RegSO / the municipality's own districts, with population."""

from __future__ import annotations

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..sources.areas import import_areas
from ..sources.http import SourceError
from .base import TrygghetAlgorithm

KINDS = ("deso", "regso", "district", "kommun")


class ImportAreasAlgorithm(TrygghetAlgorithm):
    group_id = "data"
    def name(self) -> str:
        return "importareas"

    def displayName(self) -> str:
        return self.tr("Importera områden / Import areas")


    def shortHelpString(self) -> str:
        return self.tr(
            "Områden till databasen: DeSO eller RegSO från SCB (GeoPackage eller WFS, t.ex. "
            "INPUT=https://geodata.scb.se/geoserver/stat/wfs LAYER=stat:DeSO_2025), "
            "kommunens egna kommundelar (valfritt polygonlager med kod- och namnfält) eller "
            "kommungränsen. Filtreras på KOMMUNKOD (kod eller namn). Befolkning per område "
            "från en CSV- eller Excelfil (kod + befolkning) ger tal per 1 000 invånare. Finns "
            "ingen kommungräns sparas områdenas union som kommungräns. Områden uppdateras "
            "efter kod; poster som inte kan tas emot sparas i rejected med orsak.\n\n"
            "KIND: deso, regso, district eller kommun (tomt: efter kodfältet).\n\n"
            "Areas into the store: DeSO/RegSO (GeoPackage or WFS), the municipality's own "
            "districts or the kommun boundary, filtered by KOMMUNKOD, with population from a "
            "CSV/xlsx for rates per 1,000 inhabitants. Upserts by code.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("Lager, fil eller WFS-adress / Layer, file or WFS URL"),
            QgsProcessingParameterFile.File, "", None, True,
            "Geodata (*.gpkg *.shp *.geojson *.json *.gml *.fgb);;Alla filer (*)"))
        self.addParameter(QgsProcessingParameterString(
            "LAYER", self.tr("Lagernamn (t.ex. DeSO_2025 eller stat:DeSO_2025) / Layer name"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CODE_FIELD", self.tr("Kodfält (t.ex. desokod) / Code field"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "NAME_FIELD", self.tr("Namnfält / Name field"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "KOMMUNKOD", self.tr("Kommun (kod eller namn) / Municipality (code or name)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "POPULATION", self.tr("Befolkning per område (CSV/xlsx) / Population per area"),
            QgsProcessingParameterFile.File, "", None, True,
            "Tabeller (*.csv *.txt *.xlsx);;Alla filer (*)"))
        self.add_store_parameter()
        kind = QgsProcessingParameterString(
            "KIND", self.tr("Områdestyp (deso, regso, district, kommun) / Area kind"),
            optional=True)
        self.add_advanced(kind)
        for name, label in (("NEW", "Nya / New"), ("UPDATED", "Ändrade / Updated"),
                            ("UNCHANGED", "Oförändrade / Unchanged"),
                            ("REJECTED", "Avvisade / Rejected"),
                            ("WITHOUT_POPULATION", "Utan befolkning / Without population"),
                            ("TOTAL", "Områden i databasen / Areas stored")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Sammanfattning / "
                                                                     "Summary")))

    def work(self, parameters, context, feedback) -> dict:
        source = self.parameterAsString(parameters, "INPUT", context).strip()
        layer_name = self.parameterAsString(parameters, "LAYER", context).strip() or None
        source, layer_name = _project_layer(source, layer_name, context)
        kind = self.parameterAsString(parameters, "KIND", context).strip().lower() or None
        if kind and kind not in KINDS:
            raise SourceError(f"Okänd områdestyp '{kind}': välj {', '.join(KINDS)}. / "
                              f"Unknown KIND '{kind}'.")
        with self.open_store(parameters, context) as store:
            result = import_areas(
                store, source or None, layer_name=layer_name,
                code_field=self.parameterAsString(parameters, "CODE_FIELD", context) or None,
                name_field=self.parameterAsString(parameters, "NAME_FIELD", context) or None,
                kind=kind,
                kommunkod=self.parameterAsString(parameters, "KOMMUNKOD", context) or None,
                population=self.parameterAsString(parameters, "POPULATION", context) or None,
                cancelled=feedback.isCanceled)
            feedback.pushInfo(result.summary())
            return {"NEW": result.new, "UPDATED": result.updated,
                    "UNCHANGED": result.unchanged, "REJECTED": result.rejected,
                    "WITHOUT_POPULATION": len(result.without_population),
                    "TOTAL": store.count("areas"), "SUMMARY": result.summary()}


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
    raise SourceError(f"Lagret '{source}' ({provider}) kan inte läsas här: välj en fil eller "
                      "en WFS-adress. / Use a file or a WFS URL.")
