"""trygghet:syncreports — pull reports from the collection service into the store."""

from __future__ import annotations

import json

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..settings import ConnectionStore
from ..sources.auth import apply_authcfg
from ..sources.connections import Connection, run_connection
from ..sources.http import SourceError, make_session
from .base import TrygghetAlgorithm

SOURCES = ("oapif", "open311", "file")


class SyncReportsAlgorithm(TrygghetAlgorithm):
    group_id = "data"
    icon_name = "sync.svg"

    def name(self) -> str:
        return "syncreports"

    def displayName(self) -> str:
        return self.tr("Synka rapporter / Sync reports")


    def shortHelpString(self) -> str:
        return self.tr(
            "Hämtar rapporter från insamlingstjänsten till databasen. Nya och ändrade rapporter "
            "läggs till eller uppdateras (efter id); poster som inte kan tas emot sparas i "
            "tabellen rejected med orsak. En avbruten synk fortsätter där den slutade. Rapporter "
            "som försvunnit ur källan vid en hel hämtning får status 'deleted'.\n\n"
            "SOURCE: oapif (OGC API – Features: URL och COLLECTION), open311 (GeoReport v2: "
            "URL) eller file (FILE: CSV, Excel eller GeoJSON). CONNECTION: namnet på en "
            "anslutning sparad i synkpanelen (ersätter de andra källparametrarna). MAPPING: "
            "fältmappning som JSON, t.ex. {\"id\": \"Ärende\"}. FULL: hämta allt.\n\n"
            "Pulls reports from the collection service into the store: upserts by id, keeps "
            "records that cannot be taken in 'rejected' with the reason, resumes where an "
            "interrupted sync stopped, and marks reports gone from the source as 'deleted' "
            "after a full pull. SOURCE: oapif, open311 or file; CONNECTION: a connection saved "
            "in the sync dock.")

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
            QgsProcessingParameterString(
                "CONNECTION", self.tr("Sparad anslutning / Saved connection"), optional=True),
            QgsProcessingParameterBoolean(
                "FULL", self.tr("Hämta allt (full synk) / Full sync"), defaultValue=False),
            QgsProcessingParameterString(
                "MAPPING", self.tr("Fältmappning (JSON) / Field mapping (JSON)"),
                optional=True),
            QgsProcessingParameterBoolean(
                "ALLOW_HTTP", self.tr("Tillåt okrypterad http / Allow plain http"),
                defaultValue=False),
            QgsProcessingParameterNumber(
                "LIMIT", self.tr("Poster per sida / Records per page"),
                QgsProcessingParameterNumber.Integer, 10000, minValue=1, maxValue=100000),
            QgsProcessingParameterString(
                "KOMMUNKOD", self.tr("Kommunkod / Municipality code"), optional=True),
        ]
        self.add_advanced(*advanced)
        for name, label in (("NEW", "Nya / New"), ("UPDATED", "Ändrade / Updated"),
                            ("UNCHANGED", "Oförändrade / Unchanged"),
                            ("REJECTED", "Avvisade / Rejected"),
                            ("DELETED", "Borttagna i källan / Deleted at the source"),
                            ("TOTAL", "Totalt / Total")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("STORE_PATH", self.tr("Databas / Store")))

    def connection(self, parameters, context) -> Connection:
        """The saved connection named CONNECTION, or one made of the parameters."""
        name = self.parameterAsString(parameters, "CONNECTION", context).strip()
        authcfg = self.parameterAsString(parameters, "AUTHCFG", context)
        if name:
            saved = ConnectionStore().find(name)
            if saved is None:
                raise SourceError(f"Ingen sparad anslutning heter '{name}'. / No saved "
                                  f"connection is called '{name}'.")
            if authcfg:
                saved.authcfg = authcfg
            return saved
        source = self.parameterAsString(parameters, "SOURCE", context).strip().lower() or "oapif"
        if source.isdigit() and int(source) < len(SOURCES):
            source = SOURCES[int(source)]
        if source not in SOURCES:
            raise SourceError(f"Okänd källtyp '{source}': välj oapif, open311 eller file. / "
                              f"Unknown SOURCE '{source}': use oapif, open311 or file.")
        mapping_text = self.parameterAsString(parameters, "MAPPING", context).strip()
        try:
            mapping = json.loads(mapping_text) if mapping_text else {}
        except ValueError as exc:
            raise SourceError(f"MAPPING är inte giltig JSON: {exc} / MAPPING is not valid "
                              "JSON.") from exc
        if not isinstance(mapping, dict):
            raise SourceError("MAPPING ska vara ett JSON-objekt, t.ex. {\"id\": \"Ärende\"}. / "
                              "MAPPING must be a JSON object.")
        return Connection(
            name="processing", kind=source,
            url=self.parameterAsString(parameters, "URL", context),
            collection=self.parameterAsString(parameters, "COLLECTION", context) or "reports",
            file=self.parameterAsString(parameters, "FILE", context),
            authcfg=authcfg,
            allow_http=self.parameterAsBool(parameters, "ALLOW_HTTP", context),
            limit=self.parameterAsInt(parameters, "LIMIT", context),
            kommunkod=self.parameterAsString(parameters, "KOMMUNKOD", context),
            mapping={str(k): str(v) for k, v in mapping.items()})

    def work(self, parameters, context, feedback) -> dict:
        connection = self.connection(parameters, context)
        connection.validate()
        session = make_session()
        apply_authcfg(session, connection.authcfg)

        def progress(pages: int, records: int, matched) -> bool:
            if matched:
                feedback.setProgress(min(100.0, 100.0 * records / max(matched, 1)))
            feedback.pushInfo(f"Sida {pages}: {records} poster / page {pages}: {records} records")
            return not feedback.isCanceled()

        with self.open_store(parameters, context) as store:
            result = run_connection(
                connection, store, session=session,
                force_full=self.parameterAsBool(parameters, "FULL", context),
                feedback=progress)
            feedback.pushInfo(result.summary())
            return {"NEW": result.new, "UPDATED": result.updated,
                    "UNCHANGED": result.unchanged, "REJECTED": result.rejected,
                    "DELETED": result.deleted, "TOTAL": store.count("incidents"),
                    "STORE_PATH": store.uri}
