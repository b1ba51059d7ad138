"""trygghet:unusualnow — "Ovanligt just nu": clusters of hexagons whose count this period is
unusual against their own history (analysis/unusual.py has the method)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from ..analysis.unusual import MIN_COUNT, store_unusual
from ..layers.unusual import (
    UNUSUAL_NAME,
    style_unusual_on_completion,
    unusual_features,
    unusual_fields,
)
from .alg_hotspots import (
    SWEREF99TM,
    HotspotParameters,
    boundary_help,
    cell_size_help,
    period_help,
)


class UnusualNowAlgorithm(HotspotParameters):
    def name(self) -> str:
        return "unusualnow"

    def displayName(self) -> str:
        return self.tr("Unusual now")

    def shortHelpString(self) -> str:
        return "\n\n".join((self.tr(
            "Finds places where there are more incidents this period than the place's own "
            "history makes expected. Each hexagon with its six neighbours (a window of seven "
            "cells) is compared with its share of the kommun's incidents in up to three years "
            "of earlier periods of the same length (the same time of year weighted up), times "
            "the period's total; counts are negative binomial with one overdispersion "
            "estimated from the history. The p-value is the upper tail; Benjamini–Hochberg "
            "over all windows (5 % false discovery rate) corrects for the many places "
            "compared, and a window needs at least {min} incidents. Flagged windows that touch "
            "are merged into clusters: the output has one polygon per cluster (the cells that "
            "hold more incidents than expected) with count, expected, ratio, p and q. With "
            "less than a year of history nothing is flagged.").format(min=MIN_COUNT),
            self.tr("Gi* (Hot spots) answers another question: where incidents concentrate, "
                    "compared with the rest of the kommun."),
            cell_size_help(), period_help(), boundary_help()))

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.add_period_parameters()
        self.add_cell_size_parameter()
        self.add_filter_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Unusual now"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.add_count_outputs((("CLUSTERS", self.tr("Clusters")),
                                ("INCIDENTS", self.tr("Incidents in the grid")),
                                ("HISTORY", self.tr("Earlier periods with incidents"))),
                               ("PERIOD", self.tr("Period")), ("NOTE", self.tr("Note")))

    def work(self, parameters, context, feedback) -> dict:
        period = self.period(parameters, context)
        categories = self.categories(parameters, context)
        cell_size = self.parameterAsDouble(parameters, "CELL_SIZE", context)
        with self.open_store(parameters, context) as store:
            boundary, boundary_from = self.boundary(parameters, context, store)
            feedback.pushInfo(self.tr("Period: {period} ({dates}); boundary: {boundary}")
                              .format(period=period.label, dates=period.date_range,
                                      boundary=boundary_from))
            result = store_unusual(store, period, boundary, cell_size, categories)
        sink, dest_id = self.parameterAsSink(
            parameters, "OUTPUT", context, unusual_fields(), QgsWkbTypes.Type.MultiPolygon,
            QgsCoordinateReferenceSystem(SWEREF99TM))
        if sink is None:
            raise QgsProcessingException(self.tr("Cannot write the result (OUTPUT)"))
        for feature in unusual_features(result):
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        note = result.summary()
        if result.testable:
            feedback.pushInfo(note)
        else:
            feedback.pushWarning(note)
        if result.imprecise:
            feedback.pushInfo(self.tr("{count} incidents without a precise location are not "
                                      "counted").format(count=result.imprecise))
        style_unusual_on_completion(context, dest_id, f"{UNUSUAL_NAME} {period.label}")
        return {"OUTPUT": dest_id, "CLUSTERS": len(result.clusters),
                "INCIDENTS": result.incidents, "HISTORY": result.history,
                "PERIOD": period.name, "NOTE": note}
