"""The Lägesbild dock: pick a period or a tertial, make the lägesbild or the board analysis.

The widget only gathers input and shows results. The numbers are computed in a
:class:`~trygghet_plugin.gui.tasks.CoreTask` (off the main thread); the layout is then built,
filled and exported on the main thread, because QGIS layouts and map layers are not thread-safe
(``reports.generate``'s two steps). The layout is added to the project's layout manager
(an earlier one of the same period is kept: the new one gets the next free name) and opened in
the Layout Designer, and the PDF is one click away.
"""

from __future__ import annotations

import re
import traceback
from datetime import date
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProject
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QDockWidget, QPushButton

from ..analysis.coverage import staleness
from ..analysis.periods import (
    Period,
    PeriodError,
    last_complete_period,
    last_complete_tertial,
    parse_tertial,
    period_ending,
    shown_date_range,
    shown_label,
)
from ..domain import clock
from ..errors import USER_ERRORS
from ..i18n import translator
from ..log import TAB, logger
from ..paths import form
from ..reports import generate
from ..reports.layout import LayoutError, load_template
from ..settings import SettingsManager
from ..store import StoreError, open_store
from ..store.base import is_postgis_store
from ..store.empty import check_has_incidents
from .browse import choose_folder, choose_store, choose_template
from .flow import reflow
from .status import show_status
from .tasks import CoreTask

FORM, _ = uic.loadUiType(str(form("lagesbild_dock.ui")))


tr = translator("LagesbildDock")


LAGESBILD, BOARD = generate.LAGESBILD, generate.BOARD
TERTIALS_SHOWN = 9  # three years back
CACHE_DIR = "trygghet-cache"


def page_sizes() -> tuple[tuple[str, str], ...]:
    return (("A3", tr("A3 landscape")), ("A4", tr("A4 landscape")))


def template_help() -> str:
    return tr(
        "<b>Your own template with the municipality's logo and colours</b><ol><li>Click <i>Open "
        "in the Layout Designer</i>: the shipped template (or your own) opens in QGIS's Layout "
        "Designer. The shipped templates are in the plugin's folder <tt>resources/layouts/</tt> "
        "(<tt>lagesbild_a3.qpt</tt>, <tt>lagesbild_a4.qpt</tt>, <tt>board_a4.qpt</tt>); they can "
        "also be opened with <i>Project → Layout Manager → New from template</i>.</li><li>Add a "
        "logo (<i>Add Picture</i>), change the colours of the bands, fonts and texts, move and "
        "resize items.</li><li>Keep the items' <b>ids</b> (such as <tt>map_main</tt>, "
        "<tt>key_figures</tt>, <tt>area_map</tt>): the plugin fills the items by id. An item you "
        "remove is skipped.</li><li>Save with <i>Layout → Save as Template…</i> (a .qpt file, "
        "preferably in a shared place).</li><li>Choose the file with <b>…</b> above. <i>Reset to "
        "the shipped template</i> goes back to the shipped template.</li></ol>The setting also "
        "applies to the Processing algorithms (<tt>trygghet:lagesbild</tt>, "
        "<tt>trygghet:boardanalysis</tt>) when no template is given there.")


class LagesbildDock(QDockWidget, FORM):
    """Dock for the lägesbild and the board analysis; ``report_done`` carries the
    :class:`~trygghet_plugin.reports.generate.ReportResult` after each report (None when it
    failed)."""

    report_done = pyqtSignal(object)

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("TrygghetLagesbildDock")
        self.iface = iface
        self.settings = SettingsManager()
        self.task: CoreTask | None = None
        self.last_result: generate.ReportResult | None = None
        #: Opens a file or folder for the user; replaced in tests.
        self.open_url = QDesktopServices.openUrl

        # Rows of buttons wrap when the dock is narrow (QGIS opens docks about 300 px wide).
        reflow(self.periodButtons, self.lagesbildLayout)
        reflow(self.lagesbildTemplateButtons, self.templateGrid)
        reflow(self.boardTemplateButtons, self.templateGrid)
        values = self.settings.load()
        self.period_days = values.period_days
        self.first_period_start = values.first_period_start
        self.period = self._latest_period()
        self.lagesbildGroup.setTitle(tr("Situation picture (internal, {days} days)").format(
            days=self.period_days))
        for size, label in page_sizes():
            self.pageSizeCombo.addItem(label, size)
        self.pageSizeCombo.setCurrentIndex(max(0, self.pageSizeCombo.findData(values.page_size)))
        tertial = last_complete_tertial()
        for _ in range(TERTIALS_SHOWN):
            self.tertialCombo.addItem(shown_label(tertial), tertial.name)
            tertial = tertial.previous()
        self.endDateEdit.setDate(_qdate(self.period.last_day))
        self.endDateEdit.setEnabled(False)
        self.storeEdit.setText(values.store_path)
        self.lagesbildTemplateEdit.setText(values.layout_template_lagesbild)
        self.boardTemplateEdit.setText(values.layout_template_board)
        self.outputDirEdit.setText(values.report_dir)
        self.templateHelpLabel.setText(template_help())
        self.templateHelpLabel.setVisible(False)
        self.templateGroup.setToolTip(self.templateGroup.toolTip() + "\n\n" + _plain(
            template_help()))
        self.cancelButton.setEnabled(False)

        self.storeEdit.editingFinished.connect(self._store_changed)
        self.storeBrowseButton.clicked.connect(self._browse_store)
        self.previousPeriodButton.clicked.connect(self.previous_period)
        self.nextPeriodButton.clicked.connect(self.next_period)
        self.latestPeriodButton.clicked.connect(self.latest_period)
        self.customEndCheck.toggled.connect(self._custom_end_toggled)
        self.endDateEdit.dateChanged.connect(self._end_date_changed)
        self.pageSizeCombo.currentIndexChanged.connect(self._page_size_changed)
        self.lagesbildButton.clicked.connect(self.make_lagesbild)
        self.boardButton.clicked.connect(self.make_board_analysis)
        self.cancelButton.clicked.connect(self.cancel)
        self.lagesbildTemplateEdit.editingFinished.connect(
            lambda: self._template_changed(LAGESBILD))
        self.boardTemplateEdit.editingFinished.connect(lambda: self._template_changed(BOARD))
        self.lagesbildTemplateBrowseButton.clicked.connect(
            lambda: self._browse_template(LAGESBILD))
        self.boardTemplateBrowseButton.clicked.connect(lambda: self._browse_template(BOARD))
        self.lagesbildTemplateResetButton.clicked.connect(
            lambda: self.reset_template(LAGESBILD))
        self.boardTemplateResetButton.clicked.connect(lambda: self.reset_template(BOARD))
        self.lagesbildTemplateOpenButton.clicked.connect(lambda: self.open_template(LAGESBILD))
        self.boardTemplateOpenButton.clicked.connect(lambda: self.open_template(BOARD))
        self.outputDirEdit.editingFinished.connect(self._output_dir_changed)
        self.outputDirBrowseButton.clicked.connect(self._browse_output_dir)
        self.templateHelpButton.toggled.connect(self.templateHelpLabel.setVisible)
        self.statusLabel.linkActivated.connect(lambda link: self.open_url(QUrl(link)))
        self._show_period()

    # -- choosing the period ----------------------------------------------------------------
    def _latest_period(self) -> Period:
        return last_complete_period(days=self.period_days, first_start=self.first_period_start)

    def previous_period(self) -> None:
        self._set_period(self.period.previous())

    def next_period(self) -> None:
        if self._complete(self.period.next()):
            self._set_period(self.period.next())

    def latest_period(self) -> None:
        self.customEndCheck.setChecked(False)
        self._set_period(self._latest_period())

    def _set_period(self, period: Period) -> None:
        self.period = period
        self.endDateEdit.blockSignals(True)
        self.endDateEdit.setDate(_qdate(period.last_day))
        self.endDateEdit.blockSignals(False)
        self._show_period()

    def _custom_end_toggled(self, checked: bool) -> None:
        self.endDateEdit.setEnabled(checked)
        if checked:
            self._end_date_changed(self.endDateEdit.date())
        else:
            self._set_period(self._latest_period())

    def _end_date_changed(self, qdate: QDate) -> None:
        if not self.customEndCheck.isChecked():
            return
        try:
            self.period = period_ending(_pydate(qdate), self.period_days)
        except PeriodError as exc:
            self._status(str(exc), error=True)
            return
        self._show_period()

    def set_end_date(self, day: date) -> None:
        """Choose the period that ends on ``day`` (as "Eget slutdatum" does)."""
        self.customEndCheck.setChecked(True)
        self.endDateEdit.setDate(_qdate(day))

    def _show_period(self) -> None:
        p = self.period
        text = f"<b>{shown_label(p)}</b><br>{shown_date_range(p)} " + tr(
            "({days} days)").format(days=p.days)
        if not self._complete(p):
            text += "<br><span style='color:#b00020'>" + tr("The period has not ended yet.") \
                + "</span>"
        elif (missing := self._days_without_data(p)) is not None:
            text += "<br><span style='color:#b00020'>" + tr(
                "The data stop {days} days before the period ends: sync first. The picture "
                "will mark no changes.").format(days=missing) + "</span>"
        self.periodLabel.setText(text)
        self.nextPeriodButton.setEnabled(self._complete(p.next()))

    def _days_without_data(self, period: Period) -> int | None:
        """How many of the period's last days the store has no data for (None: covered, or
        no store to ask)."""
        uri = self.store_path()
        if not uri:
            return None
        try:
            with open_store(uri, create=False) as store:
                stale = staleness(store, period)
        except (StoreError, OSError):
            return None
        return stale.missing_days if stale is not None else None

    @staticmethod
    def _complete(period: Period) -> bool:
        return period.last_day < clock.today()

    def chosen_tertial(self) -> Period:
        return parse_tertial(self.tertialCombo.currentData() or last_complete_tertial().name)

    def set_tertial(self, name: str) -> None:
        """Choose a tertial such as ``2026-T2`` (added to the list when it is older)."""
        period = parse_tertial(name)
        index = self.tertialCombo.findData(period.name)
        if index < 0:
            self.tertialCombo.addItem(shown_label(period), period.name)
            index = self.tertialCombo.count() - 1
        self.tertialCombo.setCurrentIndex(index)

    # -- making a report --------------------------------------------------------------------
    def store_path(self) -> str:
        return self.storeEdit.text().strip()

    def page_size(self) -> str:
        return self.pageSizeCombo.currentData() or "A3"

    def make_lagesbild(self) -> CoreTask | None:
        return self._start(LAGESBILD, self.period)

    def make_board_analysis(self) -> CoreTask | None:
        return self._start(BOARD, self.chosen_tertial())

    def _start(self, kind: str, period: Period) -> CoreTask | None:
        if self.task is not None:
            return self.task
        problem = self._check_inputs(kind)
        if problem:
            self._fail(problem)
            return None
        values = self.settings.load()
        store_uri = self.store_path()
        self.settings.set("store_path", store_uri)

        def compute(task):
            """Worker thread: read the store and compute the report's numbers."""
            task.setProgress(5)
            with open_store(store_uri, create=False) as store:
                check_has_incidents(store)
                task.setProgress(10)
                inputs = generate.report_inputs(
                    kind, store, period, cell_size=values.cell_size_m,
                    small_count_threshold=values.small_count_threshold)
            task.setProgress(80)
            return inputs

        what = tr("Trygghet: situation picture {period}") if kind == LAGESBILD \
            else tr("Trygghet: board analysis {period}")
        task = CoreTask(what.format(period=period.name), compute)
        task.progressChanged.connect(self._progress)
        task.done.connect(self._task_finished)
        self.task = task
        self.progressBar.setValue(0)
        what = tr("Computing the situation picture for {period} …") if kind == LAGESBILD \
            else tr("Computing the board analysis for {period} …")
        self._status(what.format(period=shown_label(period)))
        self._update_buttons()
        QgsApplication.taskManager().addTask(task)
        return task

    def _check_inputs(self, kind: str) -> str | None:
        """A message for what the user must fix before a report can be made, or None."""
        store = self.store_path()
        if not store:
            return tr("Choose the store first.")
        if not is_postgis_store(store) and not Path(store).is_file():
            return tr("The store {store} does not exist. Choose an existing .gpkg (it is made "
                      "when reports are synced or imported).").format(store=store)
        template = self._template(kind)
        if template and not Path(template).is_file():
            return tr("The template {template} does not exist. Choose another template or click "
                      "'Reset to the shipped template'.").format(
                template=template)
        return None

    def cancel(self) -> None:
        if self.task is not None:
            # Status first: a task that has not started yet ends inside cancel(), and its
            # "Avbrutet" must not be overwritten by "Avbryter".
            self._status(tr("Cancelling …"))
            self.cancelButton.setEnabled(False)  # until the computation has stopped
            self.task.cancelled = True
            self.task.cancel()

    def _progress(self, value: float) -> None:
        self.progressBar.setValue(int(value))

    def _task_finished(self, ok: bool) -> None:
        task = self.task
        if task is None:
            return
        try:
            self._report_from(task)
        finally:
            self.task = None
            self._update_buttons()

    def _report_from(self, task: CoreTask) -> None:
        """Main thread, after the task: the layout and the PDF, or the message why not. The
        buttons stay disabled meanwhile (the PDF export lets events through)."""
        inputs = task.result
        if task.error or inputs is None or task.cancelled:
            self._fail(task.error or tr("Cancelled."))
            return
        if inputs.empty:
            what = tr("the period {period} ({dates})") if inputs.kind == LAGESBILD \
                else tr("the tertial {period}")
            what = what.format(period=shown_label(inputs.period),
                               dates=shown_date_range(inputs.period))
            self._fail(tr("There are no incidents in the store for {what}. Choose another "
                          "period, or sync and import first.").format(what=what))
            return
        self._status(tr("Writing the PDF …"))
        self.progressBar.setValue(90)
        QgsApplication.processEvents()
        try:
            result = self._build_and_export(inputs)
        except USER_ERRORS as exc:
            self._fail(str(exc))
            return
        except Exception as exc:  # a bug: a message, the trace logged
            QgsMessageLog.logMessage(traceback.format_exc(), TAB, Qgis.Critical)
            self._fail(tr("Unexpected error while making the layout: {error}. Details are in the "
                          "log (the {tab} tab).").format(error=exc, tab=TAB))
            return
        self.progressBar.setValue(0)  # at rest: the status line and the message bar say done
        self._show_result(result)

    def _build_and_export(self, inputs) -> generate.ReportResult:
        """Main thread: the report into the open project, and its layout in the Layout
        Designer."""
        project = QgsProject.instance()
        # A report made again keeps the earlier one (its layout may have been edited, its PDF
        # sent round): the new one gets the next free name.
        title, pdf = generate.unused_names(project, inputs.title,
                                           self.output_dir() / generate.pdf_name(inputs))
        result = generate.add_to_project(
            inputs, project, pdf, size=self.page_size(),
            template=self._template(inputs.kind) or None,
            work_dir=self.cache_dir() / _slug(title), title=title)
        opener = getattr(self.iface, "openLayoutDesigner", None)
        if opener is not None:
            opener(result.layout)
        return result

    def _show_result(self, result: generate.ReportResult) -> None:
        self.last_result = result
        pdf_url = QUrl.fromLocalFile(str(result.pdf)).toString()
        folder_url = QUrl.fromLocalFile(str(result.pdf.parent)).toString()
        # The public report says what it hid: the user sees it before sending the PDF on.
        hidden = generate.disclosure_message(result.disclosure) \
            if result.disclosure is not None else ""
        self._status(tr("Done: <b>{file}</b> ({pages} pages). The layout '{title}' is in the "
                        "Layout Manager. <a href='{pdf_url}'>Open PDF</a> · <a "
                        "href='{folder_url}'>Show the folder</a>").format(
            file=result.pdf.name, pages=result.pages, title=result.title, pdf_url=pdf_url,
            folder_url=folder_url) + (f"<br>{hidden}" if hidden else ""))
        message = tr("{title}: {pdf} ({pages} pages)").format(
            title=result.title, pdf=result.pdf, pages=result.pages)
        if hidden:
            message += " " + hidden
        logger.info(message)
        self._push_pdf_message(result)
        self.report_done.emit(result)

    def _push_pdf_message(self, result: generate.ReportResult) -> None:
        bar = self.iface.messageBar() if self.iface is not None else None
        if bar is None:
            return
        item = bar.createMessage("Trygghet", tr("{title} is ready: {file}").format(
            title=result.title, file=result.pdf.name))
        button = QPushButton(tr("Open PDF"), item)
        button.clicked.connect(lambda: self.open_url(QUrl.fromLocalFile(str(result.pdf))))
        item.layout().addWidget(button)
        bar.pushWidget(item, Qgis.Success, 15)

    def _fail(self, message: str) -> None:
        self._status(message, error=True)
        self.progressBar.setValue(0)
        self.report_done.emit(None)

    # -- folders and templates --------------------------------------------------------------
    def _base_dir(self) -> Path:
        store = self.store_path()
        if store and not is_postgis_store(store):
            return Path(store).expanduser().resolve().parent
        home = QgsProject.instance().homePath()
        return Path(home) if home else Path.home()

    def output_dir(self) -> Path:
        chosen = self.outputDirEdit.text().strip()
        return Path(chosen).expanduser() if chosen else self._base_dir()

    def cache_dir(self) -> Path:
        """Chart SVGs and map layers of the layouts in the project: the layouts read them
        whenever they are drawn, so they live next to the store, not in a temporary
        folder."""
        return self._base_dir() / CACHE_DIR

    def _template(self, kind: str) -> str:
        edit = self.lagesbildTemplateEdit if kind == LAGESBILD else self.boardTemplateEdit
        return edit.text().strip()

    def _template_setting(self, kind: str) -> str:
        return "layout_template_lagesbild" if kind == LAGESBILD else "layout_template_board"

    def _template_changed(self, kind: str) -> None:
        self.settings.set(self._template_setting(kind), self._template(kind))

    def set_template(self, kind: str, path: str) -> None:
        edit = self.lagesbildTemplateEdit if kind == LAGESBILD else self.boardTemplateEdit
        edit.setText(path)
        self._template_changed(kind)

    def reset_template(self, kind: str) -> None:
        self.set_template(kind, "")
        self._status(tr("The shipped template is used again."))

    def open_template(self, kind: str):
        """Load the template (the municipality's own, else the shipped one) as a layout in
        the project and open it in the Layout Designer, to be edited and saved as a new
        template."""
        size = self.page_size() if kind == LAGESBILD else "A4"
        custom = self._template(kind)
        if custom and not Path(custom).is_file():
            self._fail(tr("The template {template} does not exist.").format(template=custom))
            return None
        path = generate.template_path(kind, size, custom or None)
        if path is None:
            self._fail(tr("No template found."))
            return None
        project = QgsProject.instance()
        name = (tr("Template – situation picture ({name})") if kind == LAGESBILD
                else tr("Template – board analysis ({name})")).format(name=path.stem)
        try:
            layout = load_template(project, path, name)
        except LayoutError as exc:
            self._fail(str(exc))
            return None
        manager = project.layoutManager()
        old = manager.layoutByName(name)
        if old is not None:
            manager.removeLayout(old)
        manager.addLayout(layout)
        opener = getattr(self.iface, "openLayoutDesigner", None)
        if opener is not None:
            opener(layout)
        self._status(tr("The template {file} is open in the Layout Designer. Add logo and "
                        "colours, keep the items' ids and save with <i>Layout → Save as "
                        "Template…</i>; then choose the new .qpt file with <b>…</b>.").format(
            file=path.name))
        self.templateHelpButton.setChecked(True)
        return layout

    def _browse_template(self, kind: str) -> None:
        path = choose_template(self, self._template(kind))
        if path:
            self.set_template(kind, path)

    def _output_dir_changed(self) -> None:
        self.settings.set("report_dir", self.outputDirEdit.text().strip())

    def _browse_output_dir(self) -> None:
        path = choose_folder(self, tr("PDF folder"), str(self.output_dir()))
        if path:
            self.outputDirEdit.setText(path)
            self._output_dir_changed()

    def _store_changed(self) -> None:
        self.settings.set("store_path", self.store_path())

    def _browse_store(self) -> None:
        path = choose_store(self, self.store_path())
        if path:
            self.storeEdit.setText(path)
            self._store_changed()

    def _page_size_changed(self) -> None:
        self.settings.set("page_size", self.page_size())

    # -- small helpers ----------------------------------------------------------------------
    def _status(self, text: str, *, error: bool = False, push: bool = True) -> None:
        show_status(self.statusLabel, text, error=error, push=push)

    def _update_buttons(self) -> None:
        running = self.task is not None
        self.lagesbildButton.setEnabled(not running)
        self.boardButton.setEnabled(not running)
        self.cancelButton.setEnabled(running)

    def shutdown(self) -> None:
        """Before the plugin unloads: stop a running computation and let go of it."""
        task, self.task = self.task, None
        if task is not None:
            try:
                task.done.disconnect(self._task_finished)
                task.progressChanged.disconnect(self._progress)
            except TypeError:
                pass
            task.cancel()
            task.waitForFinished(30000)


def _slug(text: str) -> str:
    ascii_text = text.lower().translate(str.maketrans("åäöé", "aaoe"))
    return re.sub(r"[^a-z0-9-]+", "_", ascii_text).strip("_")


def _plain(html: str) -> str:
    text = re.sub(r"<li>", "\n• ", html)
    return re.sub(r"<[^>]+>", "", text).strip()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())
