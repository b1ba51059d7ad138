"""trygghet:hotspots — a hexagon grid over the municipality with counts and Getis-Ord Gi*.

The parameters shared with trygghet:emerginghotspots and trygghet:heatmap (period, cell
size, category, boundary) live in :class:`HotspotParameters`; the numbers come from
:mod:`trygghet_plugin.analysis`.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
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
from ..domain.taxonomy import Taxonomy
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

SWEREF99TM = "EPSG:3006"
#: The incident columns the hot spot analyses read.
COLUMNS = ("category", "subcategory", "status", "location_precision")

CELL_SIZE_HELP = (
    "Cellstorlek: avståndet mellan hexagonens motstående raka sidor (= avståndet mellan "
    "grannceller), i meter. 250 m ger sidan 144 m och 5,4 ha per cell. Cellerna är alla hela "
    "hexagoner som skär kommungränsen; rutnätet är förankrat i SWEREF 99 TM:s origo, så samma "
    "storlek ger samma celler i varje körning.")
CELL_SIZE_HELP_EN = (
    "CELL_SIZE: the distance between opposite flat sides of a hexagon (= between the centres "
    "of neighbouring cells), in metres; 250 m gives 144 m sides and 5.4 ha cells. The grid "
    "holds every whole hexagon that intersects the municipality boundary and is anchored at "
    "the origin of SWEREF 99 TM, so a size always gives the same cells.")
BOUNDARY_HELP = (
    "Gränsen: BOUNDARY om angiven, annars kommunens yta ur databasens areas (kind 'kommun'), "
    "annars det konvexa höljet kring händelserna.")
PERIOD_HELP = (
    "Perioden: PERIOD_DAYS dagar som slutar med PERIOD_END (sista dagen, svensk tid). Utan "
    "PERIOD_END: den senaste hela 14-dagarsperioden (två ISO-veckor, räknat från "
    "inställningen first_period_start). Händelser räknas efter när de inträffade; borttagna "
    "räknas inte, och bara händelser med exakt läge eller gatuläge används.")


class HotspotParameters(TrygghetAlgorithm):
    """Period, cell size, category and boundary parameters, and reading them."""

    group_id = "analysis"

    def add_period_parameters(self) -> None:
        end = QgsProcessingParameterDateTime(
            "PERIOD_END", self.tr("Periodens sista dag (tom: senaste hela perioden) / "
                                  "Last day of the period (empty: the last complete one)"),
            QgsProcessingParameterDateTime.Date, optional=True)
        self.addParameter(end)
        self.addParameter(QgsProcessingParameterNumber(
            "PERIOD_DAYS", self.tr("Periodens längd i dagar / Period length in days"),
            QgsProcessingParameterNumber.Integer, 14, minValue=1, maxValue=366))

    def add_cell_size_parameter(self) -> None:
        default = SettingsManager().get("cell_size_m") or 250
        self.addParameter(QgsProcessingParameterNumber(
            "CELL_SIZE", self.tr("Cellstorlek i meter (mellan motstående sidor) / "
                                 "Cell size in metres (flat side to flat side)"),
            QgsProcessingParameterNumber.Double, float(default), minValue=25.0,
            maxValue=5000.0))

    def add_filter_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterString(
            "CATEGORY", self.tr("Kategorier, kommaseparerade (tom: alla) / "
                                "Categories, comma-separated (empty: all)"), optional=True))
        boundary = QgsProcessingParameterFeatureSource(
            "BOUNDARY", self.tr("Gräns (tom: kommunen ur databasen) / "
                                "Boundary (empty: the kommun from the store)"),
            [QgsProcessing.TypeVectorPolygon], optional=True)
        self.add_advanced(boundary)

    # -- reading ------------------------------------------------------------------------
    def period(self, parameters, context) -> Period:
        days = self.parameterAsInt(parameters, "PERIOD_DAYS", context) or 14
        end = None
        if parameters.get("PERIOD_END") not in (None, ""):
            qdate = self.parameterAsDateTime(parameters, "PERIOD_END", context).date()
            if not qdate.isValid():
                raise PeriodError(f"Ogiltigt datum PERIOD_END: {parameters['PERIOD_END']} / "
                                  "invalid PERIOD_END")
            end = date(qdate.year(), qdate.month(), qdate.day())
        if end is not None:
            return period_ending(end, days)
        first = check_first_start(SettingsManager().get("first_period_start"))
        return last_complete_period(datetime.now(timezone.utc), days, first)

    def categories(self, parameters, context) -> tuple[str, ...]:
        text = self.parameterAsString(parameters, "CATEGORY", context)
        return category_codes(text, Taxonomy.load(taxonomy_file()))

    def boundary(self, parameters, context, store) -> tuple[str | None, str]:
        """(WKT in EPSG:3006 or None, where it came from, in Swedish)."""
        source = self.parameterAsSource(parameters, "BOUNDARY", context)
        if source is not None:
            wkt = boundary_wkt_from_source(source, context)
            if wkt:
                return wkt, "angiven gräns"
        wkt = kommun_boundary_wkt(store)
        if wkt:
            return wkt, "kommunens gräns ur databasen"
        return None, "konvext hölje kring händelserna"

    def write_cells(self, parameters, context, feedback, fields, features, total: int
                    ) -> str:
        """Write one feature per grid cell to OUTPUT (EPSG:3006) with progress; the id of
        the written layer."""
        sink, dest_id = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, QgsWkbTypes.Polygon,
            QgsCoordinateReferenceSystem(SWEREF99TM))
        if sink is None:
            raise QgsProcessingException("Kan inte skriva resultatet / cannot write OUTPUT")
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
        return self.tr("Hotspots (Gi*) / Hot spots (Gi*)")


    def shortHelpString(self) -> str:
        return self.tr(
            "Räknar händelser i ett hexagonrutnät över kommunen och beräknar Getis-Ord Gi* "
            "för varje cell (binära grannvikter, de sex grannarna och cellen själv). Resultatet "
            "har alla celler, även tomma, med fälten n (antal i cellen), nb_n och nb_expected "
            "(antal i cellen med grannar, och väntat antal om händelserna vore jämnt spridda), "
            "gi_z (z-värde), gi_p (p-värde, tvåsidigt, normalapproximation), gi_q (p justerat "
            "för många test med Benjamini–Hochberg, FDR), exact_p / exact_q (exakt binomialtest "
            "av nb_n, och dess FDR), gi_class (-3..3) och label: Hotspot 99/95/90 %, Inte "
            "signifikant, Kallt område 90/95/99 %. Klassen bygger på gi_q, men bara så långt "
            "det exakta testet håller med: vid få händelser ger normalapproximationen annars "
            "falska hotspots (en enda händelse på landsbygden får z ≈ 6).\n\n"
            f"{CELL_SIZE_HELP}\n\n{PERIOD_HELP}\n\n{BOUNDARY_HELP}\n\n"
            "Counts incidents in a hexagon grid over the municipality and computes Getis-Ord "
            "Gi* per cell (binary weights over the six neighbours and the cell itself; z equals "
            "PySAL esda's G_Local star). Every cell is output, empty ones too, with n, nb_n, "
            "nb_expected, gi_z, gi_p (two-sided normal), gi_q (Benjamini-Hochberg FDR), exact_p "
            "/ exact_q (exact binomial test of the neighbourhood count), gi_class (-3..3, from "
            "gi_q, capped by exact_q so sparse counts do not make false hot spots) and a "
            f"Swedish label. {CELL_SIZE_HELP_EN} PERIOD_END is the last day of the period "
            "(default: the end of the last complete 14-day period); BOUNDARY defaults to the "
            "kommun polygon in the store's areas, else the convex hull of the incidents.")

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.add_period_parameters()
        self.add_cell_size_parameter()
        self.add_filter_parameters()
        fdr = QgsProcessingParameterBoolean(
            "FDR", self.tr("Korrigera för många test (FDR) / Correct for multiple tests (FDR)"),
            defaultValue=True)
        self.add_advanced(fdr)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Hotspots"), QgsProcessing.TypeVectorPolygon))
        for name, label in (("CELLS", "Celler / Cells"),
                            ("INCIDENTS", "Händelser i rutnätet / Incidents in the grid"),
                            ("HOT_CELLS", "Hotspotceller / Hot spot cells"),
                            ("COLD_CELLS", "Kalla celler / Cold spot cells")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("PERIOD", self.tr("Period")))

    def work(self, parameters, context, feedback) -> dict:
        period = self.period(parameters, context)
        categories = self.categories(parameters, context)
        cell_size = self.parameterAsDouble(parameters, "CELL_SIZE", context)
        with self.open_store(parameters, context) as store:
            boundary, boundary_from = self.boundary(parameters, context, store)
            frame = load_frame(store, [period], COLUMNS)
        feedback.pushInfo(f"Period: {period.label} ({period.date_range}); gräns: "
                          f"{boundary_from}")
        result = period_hotspots(
            frame, period, boundary, cell_size, categories=categories,
            fdr=self.parameterAsBool(parameters, "FDR", context))
        dest_id = self.write_cells(parameters, context, feedback, hotspot_fields(),
                                   hotspot_features(result), len(result.grid))
        if result.outside:
            feedback.pushInfo(f"{result.outside} händelser utanför gränsen räknas inte / "
                              "incidents outside the boundary are not counted")
        if result.imprecise:
            feedback.pushInfo(f"{result.imprecise} händelser utan exakt läge räknas inte / "
                              "incidents without a precise location are not counted")
        feedback.pushInfo(result.summary())
        style_on_completion(context, dest_id, HOTSPOTS_QML, f"Hotspots {period.label}")
        counts = result.class_counts()
        return {"OUTPUT": dest_id, "CELLS": len(result.grid), "INCIDENTS": result.incidents,
                "HOT_CELLS": sum(v for k, v in counts.items() if k > 0),
                "COLD_CELLS": sum(v for k, v in counts.items() if k < 0),
                "PERIOD": period.name}
