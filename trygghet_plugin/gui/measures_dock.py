"""The Åtgärder (Measures) dock: the store's measures in a list (filtered by status), new ones
from the selected hot spot cells or "ovanligt just nu" clusters, a drawn polygon or chosen
areas, the form for each (a dialog), close, delete, CSV in and out, and the evaluation's
verdict in the list. The measures layer on the map follows every change.

Nothing is decided here: the use cases are :mod:`..jobs.measure_edits` and
:mod:`..jobs.measures` (the same functions as the ``trygghet:*measure*`` algorithms), the layer
is :mod:`..layers.measures`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QIcon, QPixmap
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
)

from ..analysis.errors import AnalysisError
from ..domain.measure import STATUS_LABELS
from ..i18n import language, translator
from ..jobs import measure_edits
from ..jobs.measures import (
    add_measure,
    chosen_measures,
    evaluate_measures,
    export_measures_csv,
    import_measures_csv,
)
from ..layers.measures import show_measures_layer
from ..layers.sweref import sweref_geometries, to_sweref
from ..paths import form
from ..settings import SettingsManager
from ..store import StoreError, open_store
from .browse import choose_store, start_dir
from .status import show_status
from .tasks import CoreTask

FORM, _ = uic.loadUiType(str(form("measures_dock.ui")))

tr = translator("MeasuresDock")

#: Fields that tell the plugin's layers apart: hot spot cells and unusual-now clusters.
HOTSPOT_FIELDS = {"cell_id", "gi_class"}
UNUSUAL_FIELDS = {"cluster", "ratio", "windows"}
USER_ERRORS = (AnalysisError, StoreError, OSError)


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def layers_with(fields: set[str], project=None) -> list[QgsVectorLayer]:
    project = project or QgsProject.instance()
    return [layer for layer in project.mapLayers().values()
            if isinstance(layer, QgsVectorLayer) and fields <= set(layer.fields().names())]


def selected_shapes(layers) -> tuple[list[bytes], int]:
    """The selected features' geometries (EPSG:3006 WKB) over ``layers``, and how many."""
    shapes = []
    context = QgsProject.instance().transformContext()
    for layer in layers:
        shapes += [bytes(g.asWkb())
                   for g in sweref_geometries(layer.selectedFeatures(), layer.crs(), context)]
    return shapes, len(shapes)


class AreaChoice(QDialog):
    """Tick the areas a measure acts on (too small a form for a .ui file of its own)."""

    def __init__(self, areas, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Areas of the measure"))
        self.list = QListWidget(self)
        for area in areas:
            item = QListWidgetItem(f"{area.label} ({area.code})")
            item.setData(Qt.ItemDataRole.UserRole, area.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def codes(self) -> list[str]:
        items = (self.list.item(r) for r in range(self.list.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items
                if i.checkState() == Qt.CheckState.Checked]


class MeasuresDock(QDockWidget, FORM):
    """``changed()`` after each change to the store's measures; ``evaluated()`` when an
    evaluation (a background task) has put its verdicts in the list."""

    changed = pyqtSignal()
    evaluated = pyqtSignal()

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("TrygghetMeasuresDock")
        self.iface = iface
        self.settings = SettingsManager()
        self.map_tool = None
        self._previous_tool = None
        self.last_outcomes: list = []
        self.evaluation: CoreTask | None = None  # the evaluation running in the background
        # The dialogs the dock opens; tests replace them (a modal dialog would wait for a
        # click nobody makes).
        self.run_form: Callable = lambda dialog: dialog.exec()
        self.choose_areas: Callable = self._choose_areas
        self.confirm: Callable[[str], bool] = self._confirm
        self.ask_open_path: Callable[[], str] = self._ask_open_path
        self.ask_save_path: Callable[[], str] = self._ask_save_path

        self.measureList.setSpacing(2)  # the two-line items apart
        self.filterLayout.setStretch(1, 1)
        self.statusFilterCombo.addItem(tr("All measures"), None)
        lang = language()
        for code, (sv, en) in STATUS_LABELS.items():
            self.statusFilterCombo.addItem(sv if lang.startswith("sv") else en, code)
        self.storeEdit.setText(self.settings.get("store_path"))
        self.storeEdit.editingFinished.connect(self._store_changed)
        self.storeBrowseButton.clicked.connect(self._browse_store)
        self.statusFilterCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.measureList.itemSelectionChanged.connect(self._update_buttons)
        self.measureList.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.fromHotspotsButton.clicked.connect(self.new_from_hotspots)
        self.fromUnusualButton.clicked.connect(self.new_from_unusual)
        self.drawButton.clicked.connect(self.draw_polygon)
        self.fromAreasButton.clicked.connect(self.new_from_areas)
        self.editButton.clicked.connect(self.edit_selected)
        self.closeButton.clicked.connect(self.close_selected)
        self.deleteButton.clicked.connect(self.delete_selected)
        self.importButton.clicked.connect(self.import_csv)
        self.exportButton.clicked.connect(self.export_csv)
        self.evaluateButton.clicked.connect(self.evaluate)
        self.showLayerButton.clicked.connect(self.show_layer)
        self.refresh()

    # -- the list ---------------------------------------------------------------------------
    def store_path(self) -> str:
        return self.storeEdit.text().strip()

    def _open_store(self):
        uri = self.store_path()
        if not uri:
            raise StoreError(tr("Choose the store first."))
        return open_store(uri)

    def refresh(self) -> int:
        """Read the measures again; returns how many the list shows."""
        selected = self.selected_uid()
        self.measureList.clear()
        rows = []
        if self.store_path():
            try:
                with self._open_store() as store:
                    rows = measure_edits.measure_rows(store, self.statusFilterCombo.currentData(),
                                                      language())
            except USER_ERRORS as exc:
                self._status(str(exc), error=True, push=False)
        for row in rows:
            dates = f"{row.start or '…'} – {row.end or '…'}" if row.start or row.end else \
                tr("no dates yet")
            second = " · ".join(t for t in (row.type_label, row.status_label, dates) if t)
            text = f"{row.title}\n{second}"
            if row.verdict:
                text += "\n" + tr("Verdict: {verdict}").format(verdict=row.verdict)
            item = QListWidgetItem(_swatch(row.colour), text)
            item.setData(Qt.ItemDataRole.UserRole, row.uid)
            item.setToolTip(text)
            self.measureList.addItem(item)
            if row.uid == selected:
                item.setSelected(True)
        self.emptyLabel.setVisible(not rows)
        self._update_buttons()
        return len(rows)

    def list_texts(self) -> list[str]:
        return [self.measureList.item(r).text() for r in range(self.measureList.count())]

    def selected_uid(self) -> str | None:
        items = self.measureList.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select(self, uid: str) -> None:
        for row in range(self.measureList.count()):
            item = self.measureList.item(row)
            item.setSelected(item.data(Qt.ItemDataRole.UserRole) == uid)

    # -- new measures -----------------------------------------------------------------------
    def new_from_hotspots(self) -> bool:
        layers = layers_with(HOTSPOT_FIELDS)
        if not layers:
            self._status(tr("No hot spot layer on the map: show the lägesbild on the map (the "
                            "Filter dock) or run Hot spots first."), error=True)
            return False
        shapes, n = selected_shapes(layers)
        return self._new_from_shapes(shapes, tr("selected hot spot cells ({n})").format(n=n))

    def new_from_unusual(self) -> bool:
        layers = layers_with(UNUSUAL_FIELDS)
        if not layers:
            self._status(tr("No \"unusual now\" layer on the map: show the lägesbild on the "
                            "map (the Filter dock) first."), error=True)
            return False
        shapes, n = selected_shapes(layers)
        return self._new_from_shapes(shapes, tr("selected unusual clusters ({n})").format(n=n))

    def draw_polygon(self) -> None:
        """Let the user draw the place on the canvas; the form opens when it is drawn."""
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is None:
            self._status(tr("There is no map to draw on."), error=True)
            return
        from .map_tools import PolygonMapTool

        if self.map_tool is None:
            self.map_tool = PolygonMapTool(canvas)
            self.map_tool.drawn.connect(self._drawn)
            self.map_tool.cancelled.connect(self._drawing_over)
        self._previous_tool = canvas.mapTool()
        canvas.setMapTool(self.map_tool)
        self._status(tr("Click the corners on the map; right-click ends, Esc cancels."))

    def _drawn(self, geometry: QgsGeometry) -> None:
        canvas = self.iface.mapCanvas()
        geometry = to_sweref(geometry, canvas.mapSettings().destinationCrs(),
                             QgsProject.instance().transformContext())
        self._drawing_over()
        self._new_from_shapes([bytes(geometry.asWkb())], tr("drawn polygon"))

    def _drawing_over(self) -> None:
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is not None and canvas.mapTool() is self.map_tool:
            if self._previous_tool is not None and self._previous_tool is not self.map_tool:
                canvas.setMapTool(self._previous_tool)
            else:
                canvas.unsetMapTool(self.map_tool)
        self._status("")

    def new_from_areas(self) -> bool:
        try:
            with self._open_store() as store:
                areas = store.areas()
                if not areas:
                    self._status(tr("The store has no areas: import them in the Data dock "
                                    "first."), error=True)
                    return False
                codes = self.choose_areas(areas)
                if not codes:
                    return False
                wkb = measure_edits.place_from_areas(store, codes)
        except USER_ERRORS as exc:
            self._status(str(exc), error=True)
            return False
        return self._open_form(None, wkb, tr("chosen areas ({n})").format(n=len(codes)))

    def _new_from_shapes(self, shapes, what: str) -> bool:
        try:
            wkb = measure_edits.place_from_shapes(shapes)
        except USER_ERRORS as exc:
            self._status(str(exc), error=True)
            return False
        return self._open_form(None, wkb, what)

    # -- the form ---------------------------------------------------------------------------
    def _open_form(self, measure, wkb: bytes | None, what: str) -> bool:
        from .measure_form import MeasureForm

        place = ""
        if wkb is not None:
            area = QgsGeometry()
            area.fromWkb(wkb)
            hectares = f"{area.area() / 1e4:.1f}"
            if language().startswith("sv"):
                hectares = hectares.replace(".", ",")  # a Swedish decimal comma
            place = tr("{what}, {ha} ha").format(what=what, ha=hectares)
        dialog = MeasureForm(self, measure=measure, wkb=wkb, place_text=place)
        if self.run_form(dialog) != QDialog.DialogCode.Accepted or dialog.measure is None:
            return False
        try:
            with self._open_store() as store:
                add_measure(store, dialog.measure)
        except USER_ERRORS as exc:
            self._status(str(exc), error=True)
            return False
        self._changed(tr("Saved: {title}").format(title=dialog.measure.title),
                      dialog.measure.uid)
        return True

    def edit_selected(self) -> bool:
        uid = self._need_selection()
        if uid is None:
            return False
        try:
            with self._open_store() as store:
                measure = measure_edits.one_measure(store, uid)
        except USER_ERRORS as exc:
            self._status(str(exc), error=True)
            return False
        return self._open_form(measure, None, "")

    # -- close, delete ----------------------------------------------------------------------
    def close_selected(self) -> bool:
        uid = self._need_selection()
        if uid is None:
            return False
        try:
            with self._open_store() as store:
                closed = measure_edits.close_measure(store, uid)
        except USER_ERRORS as exc:
            self._status(str(exc), error=True)
            return False
        self._changed(tr("Closed: {title} (ended {day})").format(title=closed.title,
                                                                  day=closed.end), uid)
        return True

    def delete_selected(self) -> bool:
        uid = self._need_selection()
        if uid is None:
            return False
        title = self.measureList.selectedItems()[0].text().split("\n")[0]
        if not self.confirm(tr("Delete the measure “{title}”? This cannot be undone.").format(
                title=title)):
            return False
        try:
            with self._open_store() as store:
                measure_edits.delete_measure(store, uid)
        except USER_ERRORS as exc:
            self._status(str(exc), error=True)
            return False
        self._changed(tr("Deleted: {title}").format(title=title))
        return True

    # -- CSV, evaluation, the layer ---------------------------------------------------------
    def import_csv(self) -> bool:
        path = self.ask_open_path()
        if not path:
            return False
        try:
            with self._open_store() as store:
                result = import_measures_csv(store, path)
        except USER_ERRORS as exc:
            self._status(str(exc), error=True)
            return False
        c = result.counts
        text = tr("Imported from {file}: {new} new, {updated} updated, {unchanged} "
                  "unchanged, {rejected} not taken.").format(
                      file=result.path.name, new=c.new, updated=c.updated,
                      unchanged=c.unchanged, rejected=len(result.rejected))
        if result.rejected:
            text += " " + result.rejected[0].reason
        self._changed(text, error=bool(result.rejected))
        return True

    def export_csv(self) -> bool:
        path = self.ask_save_path()
        if not path:
            return False
        if not path.lower().endswith(".csv"):
            path += ".csv"
        try:
            with self._open_store() as store:
                n = export_measures_csv(store, path)
        except USER_ERRORS as exc:
            self._status(str(exc), error=True)
            return False
        self._status(tr("{n} measures written to {path}.").format(n=n, path=path))
        return True

    def evaluate(self) -> CoreTask | None:
        """Evaluate the selected measure, or every finished one, in the background (a store
        of many measures reads many incidents); the verdicts are kept on the measures and
        shown in the list when it is done."""
        if self.evaluation is not None:
            return self.evaluation
        uid = self.selected_uid()
        try:
            with self._open_store() as store:
                if not chosen_measures(store, [uid] if uid else None):
                    self._status(tr("No finished measure to evaluate: close a measure "
                                    "first."), error=True)
                    return None
        except USER_ERRORS as exc:
            self._status(str(exc), error=True)
            return None
        store_uri = self.store_path()

        def run(_task):
            # Its own store connection: this runs in a worker thread.
            with open_store(store_uri, create=False) as store:
                return evaluate_measures(store, chosen_measures(store, [uid] if uid else None))

        task = CoreTask(tr("Trygghet: evaluating measures"), run)
        task.uid = uid
        task.done.connect(self._evaluated)
        self.evaluation = task
        self.evaluateButton.setEnabled(False)
        self._status(tr("Evaluating …"), push=False)
        QgsApplication.taskManager().addTask(task)
        return task

    def _evaluated(self, _ok: bool) -> None:
        task, self.evaluation = self.evaluation, None
        self.evaluateButton.setEnabled(True)
        if task is None:
            return
        if task.error or task.result is None:
            self._status(task.error or tr("Cancelled."), error=bool(task.error))
            return
        self.last_outcomes = task.result
        uid = task.uid
        judged = sum(o.evaluation is not None for o in self.last_outcomes)
        notes = [f"{o.measure.title}: {o.message}" for o in self.last_outcomes if o.message]
        text = tr("{n} of {total} measures evaluated.").format(n=judged,
                                                              total=len(self.last_outcomes))
        self._changed(" ".join([text, *notes]), uid, error=bool(notes))
        self.evaluated.emit()

    def show_layer(self):
        try:
            with self._open_store() as store:
                return show_measures_layer(QgsProject.instance(), store, self.store_path())
        except USER_ERRORS as exc:
            self._status(str(exc), error=True)
            return None

    # -- small helpers ----------------------------------------------------------------------
    def _changed(self, text: str, uid: str | None = None, *, error: bool = False) -> None:
        """After a change: the list, the layer on the map, the status line."""
        self.refresh()
        if uid:
            self.select(uid)
        self.show_layer()
        self._status(text, error=error)
        self.changed.emit()

    def _need_selection(self) -> str | None:
        uid = self.selected_uid()
        if uid is None:
            self._status(tr("Select a measure in the list first."), error=True)
        return uid

    def _status(self, text: str, *, error: bool = False, push: bool = True) -> None:
        show_status(self.statusLabel, text, error=error, push=push)

    def _update_buttons(self) -> None:
        chosen = self.selected_uid() is not None
        for button in (self.editButton, self.closeButton, self.deleteButton):
            button.setEnabled(chosen)

    def _choose_areas(self, areas) -> list[str]:
        dialog = AreaChoice(areas, self)
        return dialog.codes() if dialog.exec() == QDialog.DialogCode.Accepted else []

    def _confirm(self, question: str) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self, tr("Delete measure"), question,
                                      buttons.Yes | buttons.No, buttons.No)
        return answer == buttons.Yes

    def _ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Import measures"), start_dir(self.settings.get("report_dir")),
            tr("Tables (*.csv *.txt *.xlsx);;All files (*)"))
        return path

    def _ask_save_path(self) -> str:
        folder = start_dir(self.settings.get("report_dir"))
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export measures"), str(Path(folder) / "atgarder.csv"), tr("CSV (*.csv)"))
        return path

    def _store_changed(self) -> None:
        self.settings.set("store_path", self.store_path())
        self.refresh()

    def _browse_store(self) -> None:
        path = choose_store(self, self.store_path())
        if path:
            self.storeEdit.setText(path)
            self._store_changed()

    def shutdown(self) -> None:
        """Before the plugin unloads: give the canvas its tool back, and let a running
        evaluation end."""
        task, self.evaluation = self.evaluation, None
        if task is not None:
            try:
                task.done.disconnect(self._evaluated)
                task.waitForFinished(30000)
            except (RuntimeError, TypeError):
                pass  # already finished and deleted by the task manager
        if self.map_tool is not None:
            try:
                self._drawing_over()
            except RuntimeError:
                pass
            self.map_tool = None
