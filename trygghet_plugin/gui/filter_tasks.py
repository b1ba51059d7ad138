"""Background work of the Filter dock: one QgsTask that runs a core function.

The function gets the task (for ``isCanceled`` and ``setProgress``) and opens whatever it
needs itself (its own store connection, its own layers) in the worker thread. ``done`` is
emitted on the main thread when the task has ended; ``result`` or ``error`` tell how.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from qgis.core import Qgis, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal

from ..analysis.errors import AnalysisError
from ..layers.export import ExportError
from ..layers.lagesbild_group import CancelledError
from ..log import TAB
from ..sources.http import SourceError
from ..store import StoreError


def tr(text: str) -> str:
    return QCoreApplication.translate("CoreTask", text)


#: Errors a user can cause and act on: shown as they are.
USER_ERRORS = (StoreError, AnalysisError, ExportError, SourceError, OSError)


class CoreTask(QgsTask):
    """Runs ``function(task)`` in the background; ``done(ok)`` on the main thread."""

    done = pyqtSignal(bool)

    def __init__(self, description: str, function: Callable[[QgsTask], object]):
        super().__init__(description, QgsTask.CanCancel)
        self.function = function
        self.result: object = None
        self.error: str | None = None
        self.cancelled = False

    def run(self) -> bool:
        try:
            self.result = self.function(self)
            return True
        except CancelledError:
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
