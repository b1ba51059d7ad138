"""The sync dock: connections (add, edit, remove), "Synka nu", the last sync's counts and
the rejected records. The widget only gathers input and shows results: the sync itself is
`jobs.sync` (set up here, run in a `SyncTask`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsTask, QgsVectorLayer
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QMessageBox,
    QTableWidgetItem,
)

from ..domain.timeutil import local
from ..i18n import translator
from ..jobs.sync import prepare_sync
from ..layers.aliases import describe_fields
from ..log import logger
from ..paths import form
from ..settings import ConnectionStore, SettingsManager
from ..sources.auth import apply_authcfg
from ..sources.connections import (
    Connection,
    aliases_text,
    kind_labels,
    last_sync,
    naive_time_labels,
    parse_aliases,
)
from ..sources.http import SourceError, make_session
from ..sources.oapif import OapifClient
from ..sources.records import FieldMapping, counts_text, field_labels
from ..sources.sync import REPORTS_SOURCE, SyncResult
from ..store import StoreError, open_store
from .browse import choose_store
from .field_choice import SourceFieldDelegate
from .flow import narrow_combos, reflow
from .status import show_status
from .tasks import SyncTask

FORM, _ = uic.loadUiType(str(form("sync_dock.ui")))


tr = translator("SyncDock")


class SyncDock(QDockWidget, FORM):
    """Dock for syncing reports; ``sync_done`` carries the result after each sync."""

    sync_done = pyqtSignal(object)  # SyncResult, or None when the sync failed

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("TrygghetSyncDock")
        self.iface = iface
        self.connections = ConnectionStore()
        self.settings = SettingsManager()
        self.task: SyncTask | None = None
        self._discover_task = None
        self._probe_task = None
        self._editing: Connection | None = None
        self.last_result: SyncResult | None = None
        #: Asks the user to confirm; replaced in tests.
        self.confirm = self._ask

        self.auth_select = QgsAuthConfigSelect(self.authContainer)
        self.auth_select.setObjectName("authSelect")
        self.authLayout.addWidget(self.auth_select)
        narrow_combos(self.auth_select)
        # Rows of buttons wrap when the dock is narrow (QGIS opens docks about 300 px wide).
        reflow(self.connectionButtons, self.connectionsLayout)
        reflow(self.editorButtons, self.editorLayout)
        reflow(self.syncButtons, self.syncLayout)
        for kind, label in kind_labels().items():
            self.kindCombo.addItem(label, kind)
        for value, label in naive_time_labels().items():
            self.naiveTimesCombo.addItem(label, value)
        labels = field_labels()
        self.mappingTable.setRowCount(len(labels))
        # Both columns share the width: at a narrow dock the texts are elided, never cut off.
        self.mappingTable.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.mappingTable.verticalHeader().setVisible(False)
        self.field_delegate = SourceFieldDelegate(self.mappingTable)
        self.mappingTable.setItemDelegateForColumn(1, self.field_delegate)
        for row, (name, label) in enumerate(labels.items()):
            item = QTableWidgetItem(label)
            item.setData(Qt.UserRole, name)
            item.setFlags(item.flags() & ~Qt.ItemIsEditable)
            item.setToolTip(name)
            self.mappingTable.setItem(row, 0, item)
            self.mappingTable.setItem(row, 1, QTableWidgetItem(""))

        self.storeEdit.setText(self.settings.get("store_path"))
        self.storeEdit.editingFinished.connect(self._store_changed)
        self.storeBrowseButton.clicked.connect(self._browse_store)
        self.connectionList.currentItemChanged.connect(self._selection_changed)
        self.connectionList.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.addButton.clicked.connect(self.add_connection)
        self.editButton.clicked.connect(self.edit_selected)
        self.removeButton.clicked.connect(self.remove_selected)
        self.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self.discoverButton.clicked.connect(self.discover_collections)
        self.fileBrowseButton.clicked.connect(self._browse_file)
        self.saveButton.clicked.connect(self.save_connection)
        self.testButton.clicked.connect(self.test_connection)
        self.cancelEditButton.clicked.connect(self._close_editor)
        self.syncButton.clicked.connect(self.start_sync)
        self.cancelSyncButton.clicked.connect(self.cancel_sync)
        self.rejectedButton.clicked.connect(self.show_rejected)

        self.editorGroup.setVisible(False)
        self.reload_connections()

    # -- connections ------------------------------------------------------------------------
    def reload_connections(self, select_id: str | None = None) -> None:
        current = select_id or (self.selected().id if self.selected() else None)
        self.connectionList.clear()
        for connection in self.connections.list():
            item = QListWidgetItem(connection.name)
            item.setData(Qt.UserRole, connection.id)
            item.setToolTip(connection.describe())
            self.connectionList.addItem(item)
            if connection.id == current:
                self.connectionList.setCurrentItem(item)
        if self.connectionList.currentItem() is None and self.connectionList.count():
            self.connectionList.setCurrentRow(0)
        self._update_buttons()

    def selected(self) -> Connection | None:
        item = self.connectionList.currentItem()
        return self.connections.get(item.data(Qt.UserRole)) if item is not None else None

    def add_connection(self) -> None:
        self._open_editor(Connection(name="", collection=""))

    def edit_selected(self) -> None:
        connection = self.selected()
        if connection is not None:
            self._open_editor(connection)

    def remove_selected(self) -> None:
        connection = self.selected()
        if connection is None:
            return
        if not self.confirm(tr("Remove the connection '{name}'? The reports in the store "
                               "stay.").format(name=connection.name)):
            return
        self.connections.remove(connection.id)
        self.reload_connections()
        self._show_last_sync()

    def _ask(self, text: str) -> bool:
        return QMessageBox.question(self, "Trygghet", text) == QMessageBox.Yes

    # -- the editor -------------------------------------------------------------------------
    def _open_editor(self, connection: Connection) -> None:
        self._editing = connection
        self.nameEdit.setText(connection.name)
        self.kindCombo.setCurrentIndex(max(0, self.kindCombo.findData(connection.kind)))
        self.urlEdit.setText(connection.url)
        self.collectionCombo.clear()
        self.collectionCombo.setEditText(connection.collection)
        self.fileEdit.setText(connection.file)
        self.auth_select.setConfigId(connection.authcfg)
        self.sourceEdit.setText(connection.source)
        self.allowHttpCheck.setChecked(connection.allow_http)
        self.deletionsCheck.setChecked(connection.detect_deletions)
        self.otherOriginsCheck.setChecked(connection.follow_other_origins)
        self.historyEdit.setText(connection.history_from)
        self.naiveTimesCombo.setCurrentIndex(
            max(0, self.naiveTimesCombo.findData(connection.naive_times)))
        self.aliasesEdit.setPlainText(aliases_text(connection.aliases))
        self.field_delegate.fields = []  # another source: its fields are learnt anew
        self._fill_mapping(connection.field_mapping())
        self._kind_changed()
        self.editorGroup.setVisible(True)
        self.nameEdit.setFocus()

    def _close_editor(self) -> None:
        self._editing = None
        self.editorGroup.setVisible(False)

    def _kind_changed(self) -> None:
        kind = self.kindCombo.currentData()
        remote = kind != "file"
        for widget in (self.urlLabel, self.urlEdit, self.authLabel, self.authContainer,
                       self.allowHttpCheck, self.otherOriginsCheck):
            widget.setVisible(remote)
        for widget in (self.historyLabel, self.historyEdit):
            widget.setVisible(kind == "open311")
        for widget in (self.collectionLabel, self.collectionCombo, self.discoverButton):
            widget.setVisible(kind == "oapif")
        for widget in (self.fileLabel, self.fileEdit, self.fileBrowseButton):
            widget.setVisible(not remote)
        self.deletionsCheck.setVisible(remote)
        self.deletionsLabel.setVisible(remote)
        if self._editing is not None and not self._editing.mapping:
            self._fill_mapping(FieldMapping.default_for(kind))

    def _fill_mapping(self, mapping: FieldMapping) -> None:
        values = mapping.to_dict()
        for row in range(self.mappingTable.rowCount()):
            name = self.mappingTable.item(row, 0).data(Qt.UserRole)
            self.mappingTable.item(row, 1).setText(values.get(name, ""))

    def _mapping_from_table(self, kind: str) -> dict[str, str]:
        """Only the choices that differ from the kind's defaults are kept."""
        defaults = FieldMapping.default_for(kind).to_dict()
        chosen = {}
        for row in range(self.mappingTable.rowCount()):
            name = self.mappingTable.item(row, 0).data(Qt.UserRole)
            value = self.mappingTable.item(row, 1).text().strip()
            if value and value != defaults.get(name):
                chosen[name] = value
        return chosen

    def connection_from_editor(self) -> Connection:
        """The connection being edited with the form's fields over it (what the form does not
        show, e.g. the page size or the deadlines, stays as saved)."""
        kind = self.kindCombo.currentData()
        return replace(
            self._editing or Connection(name=""), name=self.nameEdit.text().strip(),
            kind=kind, url=self.urlEdit.text().strip(), collection=self._collection_id(),
            file=self.fileEdit.text().strip(), authcfg=self.auth_select.configId() or "",
            allow_http=self.allowHttpCheck.isChecked(),
            source=self.sourceEdit.text().strip() or REPORTS_SOURCE,
            mapping=self._mapping_from_table(kind),
            history_from=self.historyEdit.text().strip(),
            detect_deletions=self.deletionsCheck.isChecked(),
            follow_other_origins=self.otherOriginsCheck.isChecked(),
            naive_times=self.naiveTimesCombo.currentData() or "",
            aliases=parse_aliases(self.aliasesEdit.toPlainText()))

    def _collection_id(self) -> str:
        """The picked collection's id, or what the user typed."""
        combo = self.collectionCombo
        text, index = combo.currentText().strip(), combo.currentIndex()
        if index >= 0 and combo.itemText(index) == text and combo.itemData(index):
            return str(combo.itemData(index))
        return text

    def save_connection(self) -> bool:
        try:
            connection = self.connection_from_editor()
            self.connections.save(connection)
        except SourceError as exc:
            self._status(str(exc), error=True)
            return False
        self._close_editor()
        self.reload_connections(select_id=connection.id)
        self._status(tr("The connection '{name}' is saved.").format(
            name=connection.name))
        if connection.kind != "file":
            self._probe(connection, saved=True)  # saved all the same; a dead server is said
        return True

    def test_connection(self):
        """Try the connection in the form without saving or syncing; the source's fields
        become the mapping's choices."""
        try:
            connection = self.connection_from_editor()
            connection.validate()
        except SourceError as exc:
            self._status(str(exc), error=True)
            return None
        return self._probe(connection, saved=False)

    def _probe(self, connection: Connection, *, saved: bool):
        from ..sources.probe import probe_connection

        try:
            session = make_session(timeout=(5, 30))
            apply_authcfg(session, connection.authcfg)
        except SourceError as exc:
            self._status(str(exc), error=True)
            return None
        self.testButton.setEnabled(False)
        if not saved:
            self._status(tr("Testing the connection …"))

        def probe(_task):
            return probe_connection(connection, session)

        def done(exception, result=None):
            self._probe_task = None
            try:
                self._probed(connection, exception, result, saved)
            except RuntimeError:
                pass  # the dock went away while the task ran

        self._probe_task = QgsTask.fromFunction(tr("Trygghet: testing the connection"), probe,
                                                on_finished=done)
        QgsApplication.taskManager().addTask(self._probe_task)
        return self._probe_task

    def _probed(self, connection: Connection, exception, result, saved: bool) -> None:
        self.testButton.setEnabled(True)
        saved_text = tr("The connection '{name}' is saved.").format(name=connection.name)
        # After a save, the check must not hide what the user did since (a sync's status).
        quiet = saved and self.statusLabel.text() != saved_text
        if exception is not None:
            text = str(exception)
            if saved:
                text = tr("The connection '{name}' is saved, but the server did not answer: "
                          "{error} Check the address, or sync when the server is up.").format(
                              name=connection.name, error=text)
            if quiet:
                logger.warning(text, push=True, duration=10)
            else:
                self._status(text, error=True)
            return
        if quiet:
            return
        self.field_delegate.fields = list(result.fields)
        text = result.message
        if saved:
            text = saved_text + " " + text
        elif result.fields:
            text += " " + tr("Its fields can now be picked in the mapping.")
        self._status(text)

    def discover_collections(self) -> None:
        """List the service's collections in the background, for the user to pick one."""
        url = self.urlEdit.text().strip()
        try:
            session = make_session(timeout=(5, 30))
            apply_authcfg(session, self.auth_select.configId())
            client = OapifClient(url, session, allow_http=self.allowHttpCheck.isChecked())
        except SourceError as exc:
            self._status(str(exc), error=True)
            return
        self.discoverButton.setEnabled(False)
        self._status(tr("Fetching collections …"))

        def fetch(_task):
            return client.collections()

        def done(exception, collections=None):
            self._discover_task = None
            try:
                self._show_collections(exception, collections)
            except RuntimeError:
                pass  # the dock went away (plugin unloaded) while the task ran

        self._discover_task = QgsTask.fromFunction(tr("Trygghet: fetching collections"), fetch,
                                                   on_finished=done)
        QgsApplication.taskManager().addTask(self._discover_task)

    def _show_collections(self, exception, collections) -> None:
        self.discoverButton.setEnabled(True)
        if exception is not None:
            self._status(str(exception), error=True)
            return
        current = self.collectionCombo.currentText()
        self.collectionCombo.clear()
        for collection in collections or ():
            self.collectionCombo.addItem(f"{collection.title} ({collection.id})",
                                         collection.id)
        index = self.collectionCombo.findData(current)
        self.collectionCombo.setCurrentIndex(index if index >= 0 else 0)
        n = len(collections or ())
        self._status(tr("1 collection found.") if n == 1
                     else tr("{n} collections found.").format(n=n))

    # -- syncing ----------------------------------------------------------------------------
    def store_path(self) -> str:
        return self.storeEdit.text().strip()

    def start_sync(self) -> SyncTask | None:
        connection = self.selected()
        if connection is None:
            self._status(tr("Choose or add a connection first."), error=True)
            return None
        if self.task is not None:
            return self.task
        store_uri = self.store_path()
        try:
            job = prepare_sync(connection, store_uri)
        except (SourceError, StoreError) as exc:
            self._status(str(exc), error=True)
            return None
        self.settings.set("store_path", store_uri)
        task = SyncTask(job, force_full=self.fullCheck.isChecked())
        task.progressChanged.connect(lambda value: self.progressBar.setValue(int(value)))
        task.page_written.connect(self._page_written)
        task.done.connect(self._sync_finished)
        self.task = task
        self.progressBar.setValue(0)
        self._status(tr("Syncing {name} …").format(name=connection.name))
        self._update_buttons()
        QgsApplication.taskManager().addTask(task)
        return task

    def cancel_sync(self) -> None:
        if self.task is not None:
            # Status first: a task that has not started ends inside cancel() and reports.
            self._status(tr("Stopping …"))
            self.cancelSyncButton.setEnabled(False)
            self.task.cancel()

    def _page_written(self, pages: int, records: int) -> None:
        self._status(tr("page {pages}: {records} records").format(pages=pages, records=records))

    def _sync_finished(self, ok: bool) -> None:
        task, self.task = self.task, None
        self._update_buttons()
        if task is None:
            return
        result = task.result
        if result is None:
            message = task.error or tr("The sync was cancelled before it started.")
            self._status(message, error=True, push=False)
            logger.error(message, push=True)  # with a button to the log
            self.sync_done.emit(None)
            return
        self.last_result = result
        if result.complete:
            self.fullCheck.setChecked(False)  # a full sync is a one-off: the next is incremental
        self.progressBar.setValue(0)  # at rest: the counts and the message say how it went
        self._show_result(result)
        self._status(result.summary())
        logger.log(result.summary(), "success" if result.complete else "warning", push=True)
        refresh_store_layers(self.store_path())
        self.sync_done.emit(result)

    # -- showing results --------------------------------------------------------------------
    def _selection_changed(self, *_args) -> None:
        self._update_buttons()
        self._show_last_sync()

    def _show_last_sync(self) -> None:
        connection = self.selected()
        when, counts = None, {}
        if connection is not None and Path(self.store_path()).is_file():
            try:
                with open_store(self.store_path(), create=False) as store:
                    when, counts = last_sync(store, connection)
            except (StoreError, SourceError):
                pass
        self._show_counts(when, counts, None)

    def _show_result(self, result: SyncResult) -> None:
        connection = self.selected()
        when = None
        if connection is not None:
            try:
                with open_store(self.store_path(), create=False) as store:
                    when, _ = last_sync(store, connection)
            except (StoreError, SourceError):
                pass
        self._show_counts(when, result.counts(), result)

    def _show_counts(self, when, counts: dict, result: SyncResult | None) -> None:
        self.lastSyncLabel.setText(local(when).strftime("%Y-%m-%d %H:%M") if when else "–")
        for name, label in (("new", self.newLabel), ("updated", self.updatedLabel),
                            ("rejected", self.rejectedLabel), ("deleted", self.deletedLabel)):
            label.setText(str(counts[name]) if name in counts else "–")
        unknown = result.unknown_categories if result is not None else {}
        if unknown:
            words = counts_text(unknown)
            self.unknownLabel.setText(tr("Unknown categories, filed as Other: {words}").format(
                words=words))
        else:
            self.unknownLabel.setText("")

    def show_rejected(self) -> QgsVectorLayer | None:
        """Open the store's rejected records as a QGIS attribute table (readable column
        names); with none rejected, say so instead of an empty table."""
        try:
            with open_store(self.store_path(), create=False) as store:
                source = store.layer_source("rejected")
                rejected = store.count("rejected")
        except (StoreError, SourceError) as exc:
            self._status(str(exc), error=True)
            return None
        if rejected == 0:
            self._status(tr("No reports have been rejected: everything synced was taken in."))
            return None
        layer = next((lyr for lyr in QgsProject.instance().mapLayers().values()
                      if lyr.source() == source.uri), None)
        if layer is None:
            layer = QgsVectorLayer(source.uri, tr("Rejected reports"), source.provider)
            if not layer.isValid():
                self._status(tr("The rejected table could not be opened."), error=True)
                return None
            describe_fields(layer)
            QgsProject.instance().addMapLayer(layer)
        else:
            layer.reload()
        self.iface.showAttributeTable(layer)
        return layer

    # -- small helpers ----------------------------------------------------------------------
    def _status(self, text: str, *, error: bool = False, push: bool = True) -> None:
        show_status(self.statusLabel, text, error=error, push=push)

    def _update_buttons(self) -> None:
        has = self.connectionList.currentItem() is not None
        running = self.task is not None
        self.editButton.setEnabled(has)
        self.removeButton.setEnabled(has and not running)
        self.syncButton.setEnabled(has and not running)
        self.cancelSyncButton.setEnabled(running)

    def _store_changed(self) -> None:
        self.settings.set("store_path", self.store_path())
        self._show_last_sync()

    def _browse_store(self) -> None:
        path = choose_store(self, self.store_path(), new=True)
        if path:
            self.storeEdit.setText(path)
            self._store_changed()

    def _browse_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Export file"), self.fileEdit.text(),
            tr("Export files (*.csv *.txt *.xlsx *.geojson *.json);;All files (*)"))
        if path:
            self.fileEdit.setText(path)

    def shutdown(self) -> None:
        """Before the plugin unloads: stop a running sync and let go of it."""
        for name in ("_discover_task", "_probe_task"):
            running = getattr(self, name)
            setattr(self, name, None)
            if running is not None:
                try:
                    running.cancel()
                    if name == "_probe_task":  # after a save it may be the user's last act
                        running.waitForFinished(30000)
                except RuntimeError:
                    pass  # already finished and deleted by the task manager
        task, self.task = self.task, None
        if task is not None:
            try:
                task.done.disconnect(self._sync_finished)
                task.page_written.disconnect(self._page_written)
            except TypeError:
                pass
            task.cancel()
            task.waitForFinished(30000)


def refresh_store_layers(store_uri: str) -> int:
    """Reload and repaint every project layer read from the store; returns how many."""
    if not store_uri:
        return 0
    target = Path(store_uri).resolve()
    count = 0
    for layer in QgsProject.instance().mapLayers().values():
        path = layer.source().split("|")[0]
        try:
            same = Path(path).resolve() == target
        except (OSError, ValueError):
            same = False
        if same:
            layer.reload()
            layer.triggerRepaint()
            count += 1
    return count
