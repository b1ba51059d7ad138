"""The Data dock: areas, police data and safety surveys into the store, each with a file picker
and a line on what the file must hold.

The imports are :mod:`..jobs.imports` (the same use cases as ``trygghet:importareas``,
``importpolice`` and ``importsurvey``), run in a :class:`~trygghet_plugin.gui.tasks.CoreTask`;
``imported`` tells the plugin to refresh the other docks and the store's layers."""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsApplication
from qgis.PyQt import uic
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QDockWidget, QFileDialog

from ..i18n import translator
from ..jobs import imports
from ..log import logger
from ..paths import form
from ..settings import SettingsManager
from .browse import choose_store, start_dir
from .status import show_status
from .tasks import CoreTask

FORM, _ = uic.loadUiType(str(form("data_dock.ui")))

tr = translator("DataDock")


class DataDock(QDockWidget, FORM):
    """Dock for importing data; ``imported(kind)`` after each import that went through."""

    imported = pyqtSignal(str)

    KINDS = ("areas", "police", "survey")

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("TrygghetDataDock")
        self.iface = iface
        self.settings = SettingsManager()
        self.task: CoreTask | None = None
        self.last_summary = ""
        #: Asks for a file to read; replaced in tests.
        self.ask_open_path = self._ask_open_path

        self.storeEdit.setText(self.settings.get("store_path"))
        self.storeEdit.editingFinished.connect(self._store_changed)
        self.storeBrowseButton.clicked.connect(self._browse_store)
        for edit, button, title, filters in (
                (self.areasFileEdit, self.areasBrowseButton, tr("Area file"),
                 tr("Geodata (*.gpkg *.shp *.geojson *.json *.gml *.fgb);;All files (*)")),
                (self.populationFileEdit, self.populationBrowseButton,
                 tr("Population per area"), tr("Tables (*.csv *.txt *.xlsx);;All files (*)")),
                (self.policeFileEdit, self.policeBrowseButton, tr("Police file"),
                 tr("Police data (*.json *.gz *.jsonl *.csv *.xlsx *.geojson);;All files (*)")),
                (self.surveyFileEdit, self.surveyBrowseButton, tr("Survey results"),
                 tr("Results (*.csv *.txt *.xlsx);;All files (*)"))):
            button.clicked.connect(
                lambda _checked=False, e=edit, t=title, f=filters: self._browse(e, t, f))
        self.areasImportButton.clicked.connect(self.import_areas)
        self.policeImportButton.clicked.connect(self.import_police)
        self.surveyImportButton.clicked.connect(self.import_survey)

    # -- the three imports ------------------------------------------------------------------
    def store_path(self) -> str:
        return self.storeEdit.text().strip()

    def import_areas(self) -> CoreTask | None:
        layer, kommun = self.areasLayerEdit.text().strip(), self.areasKommunEdit.text().strip()
        population = self.populationFileEdit.text().strip()
        return self._start("areas", self.areasFileEdit, lambda store, path, task: (
            imports.import_areas(store, path, layer_name=layer, kommunkod=kommun,
                                 population=population, cancelled=task.isCanceled)))

    def import_police(self) -> CoreTask | None:
        kommun = self.policeKommunEdit.text().strip()
        return self._start("police", self.policeFileEdit, lambda store, path, task: (
            imports.import_police(store, path, kommun=kommun, cancelled=task.isCanceled)))

    def import_survey(self) -> CoreTask | None:
        survey = self.surveyNameEdit.text().strip()
        return self._start("survey", self.surveyFileEdit, lambda store, path, _task: (
            imports.import_survey(store, path, survey=survey or None)))

    def _start(self, kind: str, file_edit,
               job: Callable[[str, str, CoreTask], imports.Imported]) -> CoreTask | None:
        if self.task is not None:
            return self.task
        path, store = file_edit.text().strip(), self.store_path()
        if not store:
            self._status(tr("Choose the store first."), error=True)
            return None
        if not path:
            self._status(tr("Choose a file first (…)."), error=True)
            file_edit.setFocus()
            return None
        self.settings.set("store_path", store)
        task = CoreTask(tr("Trygghet: importing {file}").format(file=path),
                        lambda t: job(store, path, t))
        task.kind = kind
        task.progressChanged.connect(lambda value: self.progressBar.setValue(int(value)))
        task.done.connect(self._finished)
        self.task = task
        self.progressBar.setValue(0)
        self._status(tr("Importing …"), push=False)
        self._update_buttons()
        QgsApplication.taskManager().addTask(task)
        return task

    def _finished(self, ok: bool) -> None:
        task, self.task = self.task, None
        self._update_buttons()
        self.progressBar.setValue(0)
        if task is None:
            return
        if task.error or task.result is None:
            self._status(task.error or tr("Cancelled."), error=bool(task.error))
            return
        self.last_summary = task.result.summary
        self._status(self.last_summary)
        logger.success(self.last_summary, push=True)
        self.imported.emit(task.kind)

    # -- small helpers ----------------------------------------------------------------------
    def _status(self, text: str, *, error: bool = False, push: bool = True) -> None:
        show_status(self.statusLabel, text, error=error, push=push)

    def _update_buttons(self) -> None:
        idle = self.task is None
        for button in (self.areasImportButton, self.policeImportButton,
                       self.surveyImportButton):
            button.setEnabled(idle)

    def _ask_open_path(self, title: str, current: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self, title, start_dir(current), filters)
        return path

    def _browse(self, edit, title: str, filters: str) -> None:
        path = self.ask_open_path(title, edit.text(), filters)
        if path:
            edit.setText(path)

    def _store_changed(self) -> None:
        self.settings.set("store_path", self.store_path())

    def _browse_store(self) -> None:
        path = choose_store(self, self.store_path(), new=True)
        if path:
            self.storeEdit.setText(path)
            self._store_changed()

    def shutdown(self) -> None:
        """Before the plugin unloads: stop a running import and let go of it."""
        task, self.task = self.task, None
        if task is not None:
            try:
                task.done.disconnect(self._finished)
                task.cancel()
                task.waitForFinished(30000)
            except (RuntimeError, TypeError):
                pass
