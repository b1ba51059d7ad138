"""trygghet:heatmap — a kernel-density raster of incidents for internal use (GeoTIFF)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ..analysis.density import DEFAULT_BANDWIDTH, PIXEL, period_density, write_geotiff
from ..analysis.select import load_frame
from ..layers.hotspots import HEATMAP_QML, style_on_completion
from .alg_hotspots import BOUNDARY_HELP, COLUMNS, PERIOD_HELP, HotspotParameters


class HeatmapAlgorithm(HotspotParameters):
    def name(self) -> str:
        return "heatmap"

    def displayName(self) -> str:
        return self.tr("Täthetskarta (intern) / Heatmap (internal)")


    def shortHelpString(self) -> str:
        return self.tr(
            "Kärntäthet (kvartisk kärna) av händelserna som GeoTIFF i SWEREF 99 TM, i händelser "
            "per km² under perioden; för internt bruk. Sökradie BANDWIDTH: 300 m om inget annat "
            "anges (ungefär ett kvarter, löser upp platser 30–150 m stora); 0 = tumregel "
            "(ArcGIS rumsliga Silverman-regel, 150–1000 m) – den blir ofta 500–900 m i en "
            "kommun med flera orter. Beräknas i numpy (binning + FFT) i stället för QGIS "
            "Heatmap-algoritmen: samma resultat utan lager, snabbt för miljoner punkter och "
            "utan QGIS i analysdelen.\n\n"
            f"{PERIOD_HELP}\n\n{BOUNDARY_HELP} Utanför gränsen: nodata (utan gräns: "
            "händelsernas utbredning).\n\n"
            "Quartic kernel density of the incidents as a GeoTIFF (EPSG:3006), incidents per "
            "km2 over the period, internal use. BANDWIDTH 300 m by default; 0 picks ArcGIS's "
            "spatial Silverman rule clamped to 150-1000 m. Computed in numpy (binning + FFT) "
            "rather than with QGIS's heatmap algorithm: no layer needed, fast for millions of "
            "points, and the analysis core stays free of QGIS.")

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.add_period_parameters()
        self.add_filter_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            "BANDWIDTH", self.tr("Sökradie i meter (0 = tumregel) / Bandwidth in metres "
                                 "(0 = rule of thumb)"),
            QgsProcessingParameterNumber.Double, DEFAULT_BANDWIDTH, minValue=0.0,
            maxValue=10000.0))
        pixel = QgsProcessingParameterNumber(
            "PIXEL_SIZE", self.tr("Pixelstorlek i meter / Pixel size in metres"),
            QgsProcessingParameterNumber.Double, PIXEL, minValue=1.0, maxValue=1000.0)
        self.add_advanced(pixel)
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT", self.tr("Täthet / Density"), defaultValue=None))
        self.addOutput(QgsProcessingOutputNumber("INCIDENTS", self.tr("Händelser / Incidents")))
        self.addOutput(QgsProcessingOutputNumber(
            "BANDWIDTH_USED", self.tr("Använd sökradie (m) / Bandwidth used (m)")))

    def work(self, parameters, context, feedback) -> dict:
        period = self.period(parameters, context)
        categories = self.categories(parameters, context)
        bandwidth = self.parameterAsDouble(parameters, "BANDWIDTH", context)
        pixel = self.parameterAsDouble(parameters, "PIXEL_SIZE", context)
        out = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        with self.open_store(parameters, context) as store:
            boundary, boundary_from = self.boundary(parameters, context, store)
            frame = load_frame(store, [period], COLUMNS)
        raster = period_density(frame, period, boundary, categories=categories, pixel=pixel,
                                bandwidth=bandwidth or None)
        write_geotiff(raster, out, boundary)
        feedback.pushInfo(f"Period: {period.label}; gräns: {boundary_from}; {raster.points} "
                          f"händelser; sökradie {raster.bandwidth:.0f} m "
                          f"({raster.bandwidth_rule}); pixel {raster.pixel:g} m")
        style_on_completion(context, out, HEATMAP_QML, f"Täthet {period.label} (intern)")
        return {"OUTPUT": out, "INCIDENTS": raster.points,
                "BANDWIDTH_USED": raster.bandwidth}
