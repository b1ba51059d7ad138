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
from .alg_hotspots import COLUMNS, HotspotParameters, boundary_help, period_help


class HeatmapAlgorithm(HotspotParameters):
    def name(self) -> str:
        return "heatmap"

    def displayName(self) -> str:
        return self.tr("Heatmap (internal)")

    def shortHelpString(self) -> str:
        return "\n\n".join((self.tr(
            "Kernel density (quartic kernel) of the incidents as a GeoTIFF in SWEREF 99 TM, in "
            "incidents per km² over the period; for internal use. Bandwidth BANDWIDTH: 300 m "
            "unless given otherwise (about one block, resolves places 30–150 m across); 0 = "
            "rule of thumb (ArcGIS's spatial Silverman rule, 150–1000 m) – in a municipality "
            "with several towns it often comes out at 500–900 m. Computed in numpy (binning + "
            "FFT) instead of QGIS's Heatmap algorithm: the same result without a layer, fast "
            "for millions of points and without QGIS in the analysis core."),
            period_help(),
            boundary_help() + " " + self.tr(
                "Outside the boundary: nodata (without a boundary: the extent of the "
                "incidents).")))

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.add_period_parameters()
        self.add_filter_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            "BANDWIDTH", self.tr("Bandwidth in metres (0 = rule of thumb)"),
            QgsProcessingParameterNumber.Type.Double, DEFAULT_BANDWIDTH, minValue=0.0,
            maxValue=10000.0))
        pixel = QgsProcessingParameterNumber(
            "PIXEL_SIZE", self.tr("Pixel size in metres"),
            QgsProcessingParameterNumber.Type.Double, PIXEL, minValue=1.0, maxValue=1000.0)
        self.add_advanced(pixel)
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT", self.tr("Density"), defaultValue=None))
        self.addOutput(QgsProcessingOutputNumber("INCIDENTS", self.tr("Incidents")))
        self.addOutput(QgsProcessingOutputNumber(
            "BANDWIDTH_USED", self.tr("Bandwidth used (m)")))

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
        feedback.pushInfo(self.tr(
            "Period: {period}; boundary: {boundary}; {count} incidents; bandwidth "
            "{bandwidth} m ({rule}); pixel {pixel} m").format(
                period=period.label, boundary=boundary_from, count=raster.points,
                bandwidth=f"{raster.bandwidth:.0f}", rule=raster.bandwidth_rule,
                pixel=f"{raster.pixel:g}"))
        style_on_completion(context, out, HEATMAP_QML, f"Täthet {period.label} (intern)")
        return {"OUTPUT": out, "INCIDENTS": raster.points,
                "BANDWIDTH_USED": raster.bandwidth}
