"""trygghet:importmeasures and trygghet:exportmeasures — measures to and from a CSV, for
those who plan in Excel."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingParameterFile, QgsProcessingParameterFileDestination

from ..jobs.measures import CSV_COLUMNS, export_measures_csv, import_measures_csv
from .base import TrygghetAlgorithm


class ImportMeasuresAlgorithm(TrygghetAlgorithm):
    group_id = "data"

    def name(self) -> str:
        return "importmeasures"

    def displayName(self) -> str:
        return self.tr("Import measures (CSV)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Measures from a CSV or Excel file, one row each (';' or ',', UTF-8 or Windows-"
            "1252). Columns (Swedish or English names): id, titel, typ, status, start, slut, "
            "ansvarig, kategorier, anteckningar, kommunkod, and the place as wkt (SWEREF 99 "
            "TM) or x and y. A row with a known id updates that measure. Rows that cannot be "
            "taken are counted and kept in rejected with the reason; the file written by "
            "Export measures reads back as it is.") + "\n\n" + ", ".join(
                names[0] for names in CSV_COLUMNS.values())

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("CSV or Excel file"), QgsProcessingParameterFile.Behavior.File, "",
            None, False, self.tr("Tables (*.csv *.txt *.xlsx);;All files (*)")))
        self.add_store_parameter()
        self.add_count_outputs((("NEW", self.tr("New")), ("UPDATED", self.tr("Updated")),
                                ("UNCHANGED", self.tr("Unchanged")),
                                ("REJECTED", self.tr("Rejected"))))

    def work(self, parameters, context, feedback) -> dict:
        path = self.parameterAsFile(parameters, "INPUT", context)
        with self.open_store(parameters, context) as store:
            result = import_measures_csv(store, path)
        for rejected in result.rejected:
            feedback.pushWarning(rejected.reason)
        c = result.counts
        feedback.pushInfo(self.tr("{new} new, {updated} updated, {unchanged} unchanged, "
                                  "{rejected} rejected").format(
            new=c.new, updated=c.updated, unchanged=c.unchanged, rejected=c.rejected))
        return {"NEW": c.new, "UPDATED": c.updated, "UNCHANGED": c.unchanged,
                "REJECTED": c.rejected}


class ExportMeasuresAlgorithm(TrygghetAlgorithm):
    group_id = "data"

    def name(self) -> str:
        return "exportmeasures"

    def displayName(self) -> str:
        return self.tr("Export measures (CSV)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Every measure in the store as a CSV for Excel (UTF-8, ';'), with the latest "
            "evaluation; Import measures reads it back. Internal: it holds the notes.")

    def initAlgorithm(self, config=None):
        self.add_store_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("CSV file"), self.tr("CSV (*.csv)")))
        self.add_count_outputs((("COUNT", self.tr("Measures written")),))

    def work(self, parameters, context, feedback) -> dict:
        out = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        with self.open_store(parameters, context) as store:
            count = export_measures_csv(store, out)
        return {"OUTPUT": str(out), "COUNT": count}
