"""trygghet:hotspots — a hexagon grid over the municipality with counts and Getis-Ord Gi*.

The parameters shared with trygghet:emerginghotspots and trygghet:heatmap (period, cell
size, category, boundary) live in :class:`HotspotParameters`; the numbers come from
:mod:`trygghet_plugin.analysis`.
"""

from __future__ import annotations

from datetime import date

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..analysis.areas import kommun_boundary_wkt
from ..analysis.hotspots import period_hotspots
from ..analysis.periods import (
    Period,
    PeriodError,
    check_first_start,
    last_complete_period,
    period_ending,
)
from ..analysis.select import category_codes, load_frame
from ..constants import DEFAULT_CELL_SIZE_M, SWEREF99TM
from ..domain import clock
from ..domain.taxonomy import Taxonomy
from ..i18n import translator
from ..layers.hotspots import (
    HOTSPOTS_QML,
    boundary_wkt_from_source,
    hotspot_features,
    hotspot_fields,
    style_on_completion,
)
from ..paths import taxonomy_file
from ..settings import SettingsManager
from .base import TrygghetAlgorithm

tr = translator("Processing")

#: The incident columns the hot spot analyses read.
COLUMNS = ("category", "subcategory", "status", "location_precision")


def cell_size_help() -> str:
    return tr(
        "Cell size: the distance between the hexagon's opposite flat sides (= the distance "
        "between neighbouring cells), in metres. 250 m gives 144 m sides and 5.4 ha per cell. "
        "The cells are all whole hexagons that intersect the municipality boundary; the grid is "
        "anchored at the origin of SWEREF 99 TM, so the same size gives the same cells in every "
        "run.")


def boundary_help() -> str:
    return tr(
        "The boundary: BOUNDARY when given, else the municipality's polygon from the store's "
        "areas (kind 'kommun'), else the convex hull around the incidents.")


def period_help() -> str:
    return tr(
        "The period: PERIOD_DAYS days ending with PERIOD_END (the last day, Swedish time). "
        "Without PERIOD_END: the last complete 14-day period (two ISO weeks, counted from the "
        "setting first_period_start). Incidents are counted by when they happened; deleted ones "
        "are not counted, and only incidents with an exact or street-level location are used.")


class HotspotParameters(TrygghetAlgorithm):
    """Period, cell size, category and boundary parameters, and reading them."""

    group_id = "analysis"

    def add_period_parameters(self) -> None:
        end = QgsProcessingParameterDateTime(
            "PERIOD_END", self.tr("Last day of the period (empty: the last complete one)"),
            QgsProcessingParameterDateTime.Date, optional=True)
        self.addParameter(end)
        self.addParameter(QgsProcessingParameterNumber(
            "PERIOD_DAYS", self.tr("Period length in days"),
            QgsProcessingParameterNumber.Integer, 14, minValue=1, maxValue=366))

    def add_cell_size_parameter(self) -> None:
        default = SettingsManager().get("cell_size_m") or DEFAULT_CELL_SIZE_M
        self.addParameter(QgsProcessingParameterNumber(
            "CELL_SIZE", self.tr("Cell size in metres (flat side to flat side)"),
            QgsProcessingParameterNumber.Double, float(default), minValue=25.0,
            maxValue=5000.0))

    def add_filter_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterString(
            "CATEGORY", self.tr("Categories, comma-separated (empty: all)"), optional=True))
        boundary = QgsProcessingParameterFeatureSource(
            "BOUNDARY", self.tr("Boundary (empty: the municipality from the store)"),
            [QgsProcessing.TypeVectorPolygon], optional=True)
        self.add_advanced(boundary)

    # -- reading ------------------------------------------------------------------------
    def period(self, parameters, context) -> Period:
        days = self.parameterAsInt(parameters, "PERIOD_DAYS", context) or 14
        end = None
        if parameters.get("PERIOD_END") not in (None, ""):
            qdate = self.parameterAsDateTime(parameters, "PERIOD_END", context).date()
            if not qdate.isValid():
                raise PeriodError(self.tr("Invalid date PERIOD_END: {value}").format(
                    value=parameters["PERIOD_END"]))
            end = date(qdate.year(), qdate.month(), qdate.day())
        if end is not None:
            return period_ending(end, days)
        first = check_first_start(SettingsManager().get("first_period_start"))
        return last_complete_period(clock.now(), days, first)

    def categories(self, parameters, context) -> tuple[str, ...]:
        text = self.parameterAsString(parameters, "CATEGORY", context)
        return category_codes(text, Taxonomy.load(taxonomy_file()))

    def boundary(self, parameters, context, store) -> tuple[str | None, str]:
        """(WKT in EPSG:3006 or None, where it came from, for the log)."""
        source = self.parameterAsSource(parameters, "BOUNDARY", context)
        if source is not None:
            wkt = boundary_wkt_from_source(source, context)
            if wkt:
                return wkt, self.tr("the given boundary")
        wkt = kommun_boundary_wkt(store)
        if wkt:
            return wkt, self.tr("the municipality boundary from the store")
        return None, self.tr("the convex hull around the incidents")

    def write_cells(self, parameters, context, feedback, fields, features, total: int
                    ) -> str:
        """Write one feature per grid cell to OUTPUT (EPSG:3006) with progress; the id of
        the written layer."""
        sink, dest_id = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, QgsWkbTypes.Polygon,
            QgsCoordinateReferenceSystem(SWEREF99TM))
        if sink is None:
            raise QgsProcessingException(self.tr("Cannot write the result (OUTPUT)"))
        total = max(total, 1)
        for i, feature in enumerate(features):
            if feedback.isCanceled():
                break
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
            if i % 1000 == 0:
                feedback.setProgress(100.0 * i / total)
        return dest_id


class HotspotsAlgorithm(HotspotParameters):
    def name(self) -> str:
        return "hotspots"

    def displayName(self) -> str:
        return self.tr("Hot spots (Gi*)")


    def shortHelpString(self) -> str:
        return "\n\n".join((self.tr(
            "Counts incidents in a hexagon grid over the municipality and computes Getis-Ord "
            "Gi* for every cell (binary neighbour weights: the six neighbours and the cell "
            "itself). The result has every cell, empty ones too, with the fields n (count in "
            "the cell), nb_n and nb_expected (count in the cell with its neighbours, and the "
            "expected count if the incidents were spread evenly), gi_z (z-score), gi_p "
            "(p-value, two-sided, normal approximation), gi_q (p adjusted for multiple tests "
            "with Benjamini–Hochberg, FDR), exact_p / exact_q (exact binomial test of nb_n, and "
            "its FDR), gi_class (-3..3) and label: Hotspot 99/95/90 %, Inte signifikant, Kallt "
            "område 90/95/99 %. The class is based on gi_q, but only as far as the exact test "
            "agrees: with few incidents the normal approximation otherwise gives false hot "
            "spots (a single incident in the countryside gets z ≈ 6)."),
            cell_size_help(), period_help(), boundary_help()))

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.add_period_parameters()
        self.add_cell_size_parameter()
        self.add_filter_parameters()
        fdr = QgsProcessingParameterBoolean(
            "FDR", self.tr("Correct for multiple tests (FDR)"),
            defaultValue=True)
        self.add_advanced(fdr)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Hot spots"), QgsProcessing.TypeVectorPolygon))
        self.add_count_outputs((("CELLS", self.tr("Cells")),
                                ("INCIDENTS", self.tr("Incidents in the grid")),
                                ("HOT_CELLS", self.tr("Hot spot cells")),
                                ("COLD_CELLS", self.tr("Cold spot cells"))),
                               ("PERIOD", self.tr("Period")))

    def work(self, parameters, context, feedback) -> dict:
        period = self.period(parameters, context)
        categories = self.categories(parameters, context)
        cell_size = self.parameterAsDouble(parameters, "CELL_SIZE", context)
        with self.open_store(parameters, context) as store:
            boundary, boundary_from = self.boundary(parameters, context, store)
            frame = load_frame(store, [period], COLUMNS)
        feedback.pushInfo(self.tr("Period: {period} ({dates}); boundary: {boundary}").format(
            period=period.label, dates=period.date_range, boundary=boundary_from))
        result = period_hotspots(
            frame, period, boundary, cell_size, categories=categories,
            fdr=self.parameterAsBool(parameters, "FDR", context))
        dest_id = self.write_cells(parameters, context, feedback, hotspot_fields(),
                                   hotspot_features(result), len(result.grid))
        if result.outside:
            feedback.pushInfo(self.tr("{count} incidents outside the boundary are not "
                                      "counted").format(count=result.outside))
        if result.imprecise:
            feedback.pushInfo(self.tr("{count} incidents without a precise location are not "
                                      "counted").format(count=result.imprecise))
        feedback.pushInfo(result.summary())
        style_on_completion(context, dest_id, HOTSPOTS_QML, f"Hotspots {period.label}")
        counts = result.class_counts()
        return {"OUTPUT": dest_id, "CELLS": len(result.grid), "INCIDENTS": result.incidents,
                "HOT_CELLS": sum(v for k, v in counts.items() if k > 0),
                "COLD_CELLS": sum(v for k, v in counts.items() if k < 0),
                "PERIOD": period.name}
