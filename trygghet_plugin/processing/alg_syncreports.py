"""trygghet:syncreports — pull reports from the collection service into the store."""

from __future__ import annotations

import json

from qgis.core import (
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import Qt

from ..jobs.sync import prepare_sync, run_sync, saved_connection
from ..sources.connections import Connection
from ..sources.http import SourceError
from .base import STORE, TrygghetAlgorithm

SOURCES = ("oapif", "open311", "file")


class SyncReportsAlgorithm(TrygghetAlgorithm):
    group_id = "data"
    icon_name = "sync.svg"

    def name(self) -> str:
        return "syncreports"

    def displayName(self) -> str:
        return self.tr("Sync reports")

    def shortHelpString(self) -> str:
        return self.tr(
            "Fetches reports from the collection service into the store. New and changed "
            "reports are added or updated (by id); records that cannot be taken in are saved in "
            "the table rejected with the reason. An interrupted sync continues where it "
            "stopped. Reports that have disappeared from the source in a full fetch get the "
            "status 'deleted'.\n\n"
            "SOURCE: oapif (OGC API – Features: URL and COLLECTION), open311 (GeoReport v2: "
            "URL) or file (FILE: CSV, Excel or GeoJSON). CONNECTION: the name of a connection "
            "saved in the sync panel (replaces the other source parameters). MAPPING: field "
            "mapping as JSON, e.g. {\"id\": \"Ärende\"}. FULL: fetch everything.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            "SOURCE", self.tr("Source type (oapif, open311, file)"),
            defaultValue="oapif"))
        self.addParameter(QgsProcessingParameterString(
            "URL", self.tr("Service URL"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "COLLECTION", self.tr("Collection"), defaultValue="reports",
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "FILE", self.tr("Export file"), optional=True))
        self.addParameter(QgsProcessingParameterAuthConfig(
            "AUTHCFG", self.tr("Authentication"), optional=True))
        self.add_store_parameter()
        advanced = [
            QgsProcessingParameterString(
                "CONNECTION", self.tr("Saved connection"), optional=True),
            QgsProcessingParameterBoolean(
                "FULL", self.tr("Fetch everything (full sync)"), defaultValue=False),
            QgsProcessingParameterString(
                "MAPPING", self.tr("Field mapping (JSON)"),
                optional=True),
            QgsProcessingParameterBoolean(
                "ALLOW_HTTP", self.tr("Allow unencrypted http"),
                defaultValue=False),
            QgsProcessingParameterNumber(
                "LIMIT", self.tr("Records per page"),
                QgsProcessingParameterNumber.Type.Integer, 10000, minValue=1, maxValue=100000),
            QgsProcessingParameterString(
                "KOMMUNKOD", self.tr("Municipality code"), optional=True),
            QgsProcessingParameterString(
                "HISTORY_FROM", self.tr("History from (YYYY-MM-DD, Open311)"), optional=True),
            QgsProcessingParameterBoolean(
                "OTHER_ORIGINS", self.tr("Follow links to other addresses (without "
                                         "credentials)"), defaultValue=False),
            QgsProcessingParameterString(
                "ALIASES", self.tr("The source's category words (JSON), e.g. "
                                   "{\"Graffiti Removal\": \"klotter\"}"), optional=True),
            QgsProcessingParameterString(
                "NAIVE_TIMES", self.tr("Times without a zone: utc or stockholm (empty: UTC for "
                                       "services, Swedish time for files)"), optional=True),
            QgsProcessingParameterNumber(
                "TIME_LIMIT", self.tr("Time limit for the sync (minutes, 0 = none)"),
                QgsProcessingParameterNumber.Type.Double, 240.0, minValue=0.0),
        ]
        self.add_advanced(*advanced)
        self.add_count_outputs((("NEW", self.tr("New")), ("UPDATED", self.tr("Updated")),
                                ("UNCHANGED", self.tr("Unchanged")),
                                ("REJECTED", self.tr("Rejected")),
                                ("DELETED", self.tr("Deleted at the source")),
                                ("TOTAL", self.tr("Total")),
                                ("MEASURES_NEW", self.tr("New measures")),
                                ("MEASURES_UPDATED", self.tr("Updated measures"))),
                               ("STORE_PATH", self.tr("Store")))

    def connection(self, parameters, context) -> Connection:
        """The saved connection named CONNECTION, or one made of the parameters."""
        name = self.parameterAsString(parameters, "CONNECTION", context).strip()
        authcfg = self.parameterAsString(parameters, "AUTHCFG", context)
        if name:
            saved = saved_connection(name)
            if authcfg:
                saved.authcfg = authcfg
            return self._limits(saved, parameters, context)
        source = self.parameterAsString(parameters, "SOURCE", context).strip().lower() or "oapif"
        if source.isdigit() and int(source) < len(SOURCES):
            source = SOURCES[int(source)]
        if source not in SOURCES:
            raise SourceError(self.tr("Unknown source type '{source}': choose oapif, open311 "
                                      "or file.").format(source=source))
        mapping_text = self.parameterAsString(parameters, "MAPPING", context).strip()
        try:
            mapping = json.loads(mapping_text) if mapping_text else {}
        except ValueError as exc:
            raise SourceError(self.tr("MAPPING is not valid JSON: {error}").format(
                error=exc)) from exc
        if not isinstance(mapping, dict):
            raise SourceError(self.tr("MAPPING must be a JSON object, e.g. "
                                      "{\"id\": \"Ärende\"}."))
        return self._limits(Connection(
            name="processing", kind=source,
            url=self.parameterAsString(parameters, "URL", context),
            collection=self.parameterAsString(parameters, "COLLECTION", context) or "reports",
            file=self.parameterAsString(parameters, "FILE", context),
            authcfg=authcfg,
            allow_http=self.parameterAsBool(parameters, "ALLOW_HTTP", context),
            limit=self.parameterAsInt(parameters, "LIMIT", context),
            kommunkod=self.parameterAsString(parameters, "KOMMUNKOD", context),
            mapping={str(k): str(v) for k, v in mapping.items()},
            history_from=self.parameterAsString(parameters, "HISTORY_FROM", context).strip()),
            parameters, context, keep_history=True)

    def _limits(self, connection: Connection, parameters, context, *,
                keep_history: bool = False) -> Connection:
        """The run's own limits over a connection's saved ones."""
        history = self.parameterAsString(parameters, "HISTORY_FROM", context).strip()
        if history and not keep_history:
            connection.history_from = history
        aliases_text = self.parameterAsString(parameters, "ALIASES", context).strip()
        if aliases_text:
            try:
                aliases = json.loads(aliases_text)
            except ValueError as exc:
                raise SourceError(self.tr("ALIASES is not valid JSON: {error}").format(
                    error=exc)) from exc
            if not isinstance(aliases, dict):
                raise SourceError(self.tr("ALIASES must be a JSON object, e.g. "
                                          "{\"Graffiti Removal\": \"klotter\"}."))
            connection.aliases = {**connection.aliases,
                                  **{str(k): str(v) for k, v in aliases.items()}}
        naive = self.parameterAsString(parameters, "NAIVE_TIMES", context).strip().lower()
        if naive:
            connection.naive_times = naive
        if self.parameterAsBool(parameters, "OTHER_ORIGINS", context):
            connection.follow_other_origins = True
        if parameters.get("TIME_LIMIT") is not None:
            connection.sync_deadline_min = self.parameterAsDouble(parameters, "TIME_LIMIT",
                                                                  context)
        return connection

    def work(self, parameters, context, feedback) -> dict:
        job = prepare_sync(self.connection(parameters, context),
                           self.parameterAsString(parameters, STORE, context))

        # Processing's Cancel also cuts the request in flight (a slow server cannot hold it).
        # Direct: the cancel comes from another thread than this one, which has no event
        # loop to deliver a queued call; abort() is thread-safe.
        feedback.canceled.connect(job.session.abort, Qt.ConnectionType.DirectConnection)
        if feedback.isCanceled():
            job.session.abort()

        def progress(pages: int, records: int, matched) -> bool:
            if matched:
                feedback.setProgress(min(100.0, 100.0 * records / max(matched, 1)))
            feedback.pushInfo(self.tr("Page {page}: {records} records").format(
                page=pages, records=records))
            return not feedback.isCanceled()

        done = run_sync(job, force_full=self.parameterAsBool(parameters, "FULL", context),
                        feedback=progress)
        result = done.result
        feedback.pushInfo(result.summary())
        return {"NEW": result.new, "UPDATED": result.updated,
                "UNCHANGED": result.unchanged, "REJECTED": result.rejected,
                "DELETED": result.deleted, "TOTAL": done.total, "STORE_PATH": done.store_uri,
                "MEASURES_NEW": result.measures.new,
                "MEASURES_UPDATED": result.measures.updated}
