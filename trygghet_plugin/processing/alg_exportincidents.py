"""trygghet:exportincidents — the filtered incidents to CSV, Excel or GeoPackage, as the
Filter dock exports them (one core: layers.incident_export)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..analysis.periods import Period
from ..analysis.select import category_codes
from ..domain.taxonomy import Taxonomy
from ..layers.export import ExportError
from ..layers.filters import FilterSpec
from ..layers.incident_export import export_filtered
from ..paths import taxonomy_file
from .base import TrygghetAlgorithm


def _words(text: str) -> tuple[str, ...] | None:
    """Comma-separated words; None (no filter) when there are none."""
    words = tuple(w.strip() for w in (text or "").split(",") if w.strip())
    return words or None


class ExportIncidentsAlgorithm(TrygghetAlgorithm):
    group_id = "data"
    icon_name = "project.svg"

    def name(self) -> str:
        return "exportincidents"

    def displayName(self) -> str:
        return self.tr("Export filtered incidents")

    def shortHelpString(self) -> str:
        return self.tr(
            "Writes the incidents the filter keeps to a CSV for Excel (.csv), an Excel workbook "
            "(.xlsx) or a GeoPackage (.gpkg), as the Filter panel's export does. The filter: "
            "PERIOD_START and PERIOD_END (days, Swedish time; empty: no limit), CATEGORY "
            "(categories or subcategories, comma-separated), AREAS (area codes, "
            "comma-separated) and SOURCES (e.g. reports, police). An area code the store has "
            "no area for selects nothing, and the log says so. Deleted incidents and those "
            "placed only on an area or the kommun are left out. Text cells that a spreadsheet "
            "would run as a formula (starting with = + - @, tab or CR) are written with a "
            "leading apostrophe; numbers stay numbers.")

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        for key, label in (("PERIOD_START", self.tr("First day (empty: no limit)")),
                           ("PERIOD_END", self.tr("Last day (empty: no limit)"))):
            self.addParameter(QgsProcessingParameterDateTime(
                key, label, QgsProcessingParameterDateTime.Type.Date, optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CATEGORY", self.tr("Categories, comma-separated (empty: all)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "AREAS", self.tr("Area codes, comma-separated (empty: all)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "SOURCES", self.tr("Sources, comma-separated (empty: all)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Output file"),
            self.tr("CSV for Excel (*.csv);;Excel (*.xlsx);;GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Incidents exported")))

    def _day(self, parameters, key: str, context) -> date | None:
        if parameters.get(key) in (None, ""):
            return None
        qdate = self.parameterAsDateTime(parameters, key, context).date()
        if not qdate.isValid():
            raise QgsProcessingException(self.tr("Invalid date {key}: {value}").format(
                key=key, value=parameters[key]))
        return date(qdate.year(), qdate.month(), qdate.day())

    def work(self, parameters, context, feedback) -> dict:
        first = self._day(parameters, "PERIOD_START", context)
        last = self._day(parameters, "PERIOD_END", context)
        period = None
        if first is not None or last is not None:
            period = Period(first or date(1900, 1, 1),
                            (last or date(2199, 12, 31)) + timedelta(days=1))
        categories = category_codes(self.parameterAsString(parameters, "CATEGORY", context),
                                    Taxonomy.load(taxonomy_file()))
        spec = FilterSpec(
            period=period, categories=categories or None,
            areas=_words(self.parameterAsString(parameters, "AREAS", context)),
            sources=_words(self.parameterAsString(parameters, "SOURCES", context)))
        out = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        with self.open_store(parameters, context) as store:
            try:
                result = export_filtered(store, spec, out, is_cancelled=feedback.isCanceled)
            except ExportError as exc:
                raise QgsProcessingException(str(exc)) from exc
        for note in result.notes:
            feedback.reportError(note, False)
        feedback.pushInfo(result.summary())
        return {"OUTPUT": str(result.path), "COUNT": result.count}
