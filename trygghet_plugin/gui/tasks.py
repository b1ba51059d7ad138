"""Background work for the docks: a sync as a QgsTask with progress and cancel.

The task opens its own store connection in the worker thread and gets a ready HTTP session
(credentials are applied on the main thread, where the QGIS auth manager is used). Its
``finished()`` runs on the main thread and tells the dock through ``sync_finished``.
"""

from __future__ import annotations

import traceback

from qgis.core import Qgis, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal

from ..log import TAB
from ..sources.connections import Connection, run_connection
from ..sources.http import SourceError
from ..sources.sync import SyncResult
from ..store import StoreError, open_store


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncTask", text)


class SyncTask(QgsTask):
    """Runs one connection's sync; ``result`` or ``error`` tell how it went."""

    #: pages, records: emitted after each page is written (from the worker thread).
    page_written = pyqtSignal(int, int)
    #: ok: emitted on the main thread when the task has ended, cancelled ones included.
    sync_finished = pyqtSignal(bool)

    def __init__(self, connection: Connection, store_uri: str, session, *,
                 force_full: bool = False, expected: int = 0):
        super().__init__(tr("Trygghet: syncing {name}").format(name=connection.name),
                         QgsTask.CanCancel)
        self.connection = connection
        self.store_uri = store_uri
        self.session = session
        self.force_full = force_full
        self.expected = expected  # records the last sync saw, for a progress estimate
        self.result: SyncResult | None = None
        self.error: str | None = None

    def run(self) -> bool:
        try:
            with open_store(self.store_uri) as store:
                self.result = run_connection(self.connection, store, session=self.session,
                                             force_full=self.force_full,
                                             feedback=self._feedback)
            return True
        except (SourceError, StoreError) as exc:
            self.error = str(exc)
        except Exception as exc:  # a bug, not the user's doing: a message, and the trace logged
            QgsMessageLog.logMessage(traceback.format_exc(), TAB, Qgis.Critical)
            self.error = tr("Unexpected error during the sync: {error}. Details are in the log "
                            "(the {tab} tab).").format(error=exc, tab=TAB)
        return False

    def _feedback(self, pages: int, records: int, matched: int | None) -> bool:
        total = matched or self.expected
        if total:
            self.setProgress(min(99.0, 100.0 * records / total))
        self.page_written.emit(pages, records)
        return not self.isCanceled()

    def finished(self, ok: bool) -> None:
        self.sync_finished.emit(ok)
