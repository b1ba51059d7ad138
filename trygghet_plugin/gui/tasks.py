"""Background work for the docks: QgsTasks with progress and cancel.

:class:`CoreTask` runs one core function in the worker thread. The function gets the task (for
``isCanceled`` and ``setProgress``) and opens whatever it needs itself (its own store
connection, its own layers). ``done(ok)`` is emitted on the main thread when the task has
ended; ``result``, ``error`` or ``cancelled`` tell how. Errors the user can act on are kept as
they are; anything else is a bug: a short message, and the trace in the log.

:class:`SyncTask` is a CoreTask that runs one connection's sync and reports each page written;
its cancel also cuts the HTTP request in flight.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from qgis.core import Qgis, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..analysis.errors import AnalysisError
from ..i18n import translator
from ..layers.export import ExportError
from ..layers.lagesbild_group import CancelledError
from ..log import TAB
from ..reports.layout import LayoutError
from ..sources.connections import Connection, run_connection
from ..sources.http import RequestCancelledError, SourceError
from ..store import StoreError, open_store

tr = translator("CoreTask")

#: Errors a user can cause and act on: shown as they are.
USER_ERRORS = (StoreError, AnalysisError, ExportError, SourceError, LayoutError, OSError)


class CoreTask(QgsTask):
    """Runs ``function(task)`` in the background; ``done(ok)`` on the main thread."""

    done = pyqtSignal(bool)

    def __init__(self, description: str, function: Callable[[QgsTask], object]):
        super().__init__(description, QgsTask.CanCancel)
        self.function = function
        self.result: object = None
        self.error: str | None = None
        #: Set when the function gave up, or on the main thread when the user cancels (the
        #: C++ task may be gone by the time the dock looks at it).
        self.cancelled = False

    def run(self) -> bool:
        try:
            self.result = self.function(self)
            return True
        except (CancelledError, RequestCancelledError):
            self.cancelled = True
        except USER_ERRORS as exc:
            self.error = str(exc)
        except Exception as exc:  # a bug, not the user's doing: a message, the trace logged
            QgsMessageLog.logMessage(traceback.format_exc(), TAB, Qgis.Critical)
            self.error = tr("Unexpected error: {error}. Details are in the log (the {tab} "
                            "tab).").format(error=exc, tab=TAB)
        return False

    def finished(self, ok: bool) -> None:
        self.done.emit(ok)


class SyncTask(CoreTask):
    """Runs one connection's sync; ``result`` is the SyncResult."""

    #: pages, records: emitted after each page is written (from the worker thread).
    page_written = pyqtSignal(int, int)

    def __init__(self, connection: Connection, store_uri: str, session, *,
                 force_full: bool = False, expected: int = 0):
        super().__init__(tr("Trygghet: syncing {name}").format(name=connection.name),
                         self._sync)
        self.connection = connection
        self.store_uri = store_uri
        self.session = session
        self.force_full = force_full
        self.expected = expected  # records the last sync saw, for a progress estimate

    def cancel(self) -> None:
        # Not only between pages: the request in flight is cut, so a slow server cannot
        # keep the user waiting (the pages written stay; the next sync goes on from there).
        super().cancel()
        abort = getattr(self.session, "abort", None)
        if abort is not None:
            abort()

    def _sync(self, _task) -> object:
        with open_store(self.store_uri) as store:
            return run_connection(self.connection, store, session=self.session,
                                  force_full=self.force_full, feedback=self._feedback)

    def _feedback(self, pages: int, records: int, matched: int | None) -> bool:
        total = matched or self.expected
        if total:
            self.setProgress(min(99.0, 100.0 * records / total))
        self.page_written.emit(pages, records)
        return not self.isCanceled()
