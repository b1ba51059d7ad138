"""Background work for the docks: QgsTasks with progress and cancel.

:class:`CoreTask` runs one core function in the worker thread. The function gets the task (for
``isCanceled`` and ``setProgress``) and opens whatever it needs itself (its own store
connection, its own layers). ``done(ok)`` is emitted on the main thread when the task has
ended; ``result``, ``error`` or ``cancelled`` tell how. Errors the user can act on are kept as
they are; anything else is a bug: a short message, and the trace in the log.

:class:`SyncTask` is a CoreTask that runs one connection's sync (:mod:`..jobs.sync`) and reports
each page written; its cancel also cuts the HTTP request in flight.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from qgis.core import Qgis, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..errors import USER_ERRORS, CancelledError
from ..i18n import translator
from ..jobs.sync import SyncJob, run_sync
from ..log import TAB

tr = translator("CoreTask")


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
        except CancelledError:
            self.cancelled = True
        except USER_ERRORS as exc:  # the user's to act on: shown as it is
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

    def __init__(self, job: SyncJob, *, force_full: bool = False):
        super().__init__(tr("Trygghet: syncing {name}").format(name=job.connection.name),
                         self._sync)
        self.job = job
        self.force_full = force_full

    def cancel(self) -> None:
        # Not only between pages: the request in flight is cut, so a slow server cannot
        # keep the user waiting (the pages written stay; the next sync goes on from there).
        super().cancel()
        abort = getattr(self.job.session, "abort", None)
        if abort is not None:
            abort()

    def _sync(self, _task) -> object:
        return run_sync(self.job, force_full=self.force_full, feedback=self._feedback).result

    def _feedback(self, pages: int, records: int, matched: int | None) -> bool:
        total = matched or self.job.expected
        if total:
            self.setProgress(min(99.0, 100.0 * records / total))
        self.page_written.emit(pages, records)
        return not self.isCanceled()
