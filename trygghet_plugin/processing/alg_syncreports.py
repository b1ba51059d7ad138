"""trygghet:syncreports — pull reports from the collection service into the store."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..sources.auth import apply_authcfg
from ..sources.http import SourceError, make_session
from ..sources.sync import sync_oapif
from .base import TrygghetAlgorithm

SOURCES = ("oapif", "open311", "file")


class SyncReportsAlgorithm(TrygghetAlgorithm):
    icon_name = "sync.svg"

    def name(self) -> str:
        return "syncreports"

    def displayName(self) -> str:
        return self.tr("Synka rapporter / Sync reports")

    def group(self) -> str:
        return self.tr("Data")

    def groupId(self) -> str:
        return "data"

    def shortHelpString(self) -> str:
        return self.tr(
            "Hämtar rapporter från insamlingstjänsten till databasen. Nya och ändrade rapporter "
            "läggs till eller uppdateras (efter id); poster som inte kan tas emot sparas i "
            "tabellen rejected med orsak. En avbruten synk fortsätter där den slutade.\n\n"
            "SOURCE: oapif (OGC API – Features), open311 eller file.\n\n"
            "Pulls reports from the collection service into the store: upserts by id, keeps "
            "records that cannot be taken in 'rejected' with the reason, and resumes where an "
            "interrupted sync stopped.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            "SOURCE", self.tr("Källtyp (oapif, open311, file) / Source type"),
            defaultValue="oapif"))
        self.addParameter(QgsProcessingParameterString(
            "URL", self.tr("Tjänstens adress / Service URL"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "COLLECTION", self.tr("Samling / Collection"), defaultValue="reports",
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "FILE", self.tr("Exportfil / Export file"), optional=True))
        self.addParameter(QgsProcessingParameterAuthConfig(
            "AUTHCFG", self.tr("Autentisering / Authentication"), optional=True))
        self.add_store_parameter()
        advanced = [
            QgsProcessingParameterBoolean(
                "ALLOW_HTTP", self.tr("Tillåt okrypterad http / Allow plain http"),
                defaultValue=False),
            QgsProcessingParameterNumber(
                "LIMIT", self.tr("Poster per sida / Records per page"),
                QgsProcessingParameterNumber.Integer, 10000, minValue=1, maxValue=100000),
            QgsProcessingParameterString(
                "KOMMUNKOD", self.tr("Kommunkod / Municipality code"), optional=True),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(param)
        for name, label in (("NEW", "Nya / New"), ("UPDATED", "Ändrade / Updated"),
                            ("UNCHANGED", "Oförändrade / Unchanged"),
                            ("REJECTED", "Avvisade / Rejected"), ("TOTAL", "Totalt / Total")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("STORE_PATH", self.tr("Databas / Store")))

    def work(self, parameters, context, feedback) -> dict:
        source = self.parameterAsString(parameters, "SOURCE", context).strip().lower() or "oapif"
        if source.isdigit() and int(source) < len(SOURCES):
            source = SOURCES[int(source)]
        if source not in SOURCES:
            raise SourceError(f"Okänd källtyp '{source}': välj oapif, open311 eller file. / "
                              f"Unknown SOURCE '{source}': use oapif, open311 or file.")
        if source != "oapif":
            raise SourceError(f"Källtypen '{source}' kommer i en senare version. / "
                              f"SOURCE '{source}' is not supported yet.")
        url = self.parameterAsString(parameters, "URL", context)
        collection = self.parameterAsString(parameters, "COLLECTION", context) or "reports"
        session = make_session()
        apply_authcfg(session, self.parameterAsString(parameters, "AUTHCFG", context))

        def progress(pages: int, records: int, matched) -> bool:
            if matched:
                feedback.setProgress(min(100.0, 100.0 * records / max(matched, 1)))
            feedback.pushInfo(f"Sida {pages}: {records} poster / page {pages}: {records} records")
            return not feedback.isCanceled()

        with self.open_store(parameters, context) as store:
            result = sync_oapif(
                store, url, collection, session=session,
                kommunkod=self.parameterAsString(parameters, "KOMMUNKOD", context) or None,
                limit=self.parameterAsInt(parameters, "LIMIT", context),
                allow_http=self.parameterAsBool(parameters, "ALLOW_HTTP", context),
                feedback=progress)
            feedback.pushInfo(result.summary())
            return {"NEW": result.new, "UPDATED": result.updated,
                    "UNCHANGED": result.unchanged, "REJECTED": result.rejected,
                    "TOTAL": store.count("incidents"), "STORE_PATH": store.uri}
