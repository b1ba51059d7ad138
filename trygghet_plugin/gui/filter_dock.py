"""The Filter dock: a period (14 days, a tertial or dates of one's own; previous and next),
categories, sources, areas and organisations, applied to the plugin's layers as they change;
"Visa lägesbild på kartan" builds the layer group of the period; exports of the filtered
incidents (GeoPackage or CSV) and of the lägesbild's layers for planners.

The widget only gathers the choice and shows results: the filter is
:func:`~trygghet_plugin.layers.filters.build_filter`, the group
:mod:`~trygghet_plugin.layers.lagesbild_group` and the exports
:mod:`~trygghet_plugin.layers.export`; everything that reads or writes much runs in a
:class:`~trygghet_plugin.gui.tasks.CoreTask`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QDockWidget, QFileDialog, QListWidget, QListWidgetItem

from .. import i18n
from ..analysis.periods import Period, PeriodError, shown_date_range, shown_label
from ..constants import POLICE_SOURCE, REPORTS_SOURCE
from ..domain import clock
from ..domain.taxonomy import Taxonomy
from ..layers.filters import (
    FILTER_KIND,
    INCIDENTS,
    FilterOptions,
    FilterSpec,
    analysis_choice,
    apply_to_project,
    describe_categories,
    filter_options,
)
from ..layers.lagesbild_group import (
    CELL_SIZE,
    add_lagesbild_group,
    build_lagesbild_data,
    cache_files,
    default_period,
    find_lagesbild_groups,
    group_name,
    remove_cache_files,
)
from ..layers.temporal import show_period_in_time
from ..log import logger
from ..paths import form, taxonomy_file
from ..settings import SettingsManager
from ..store import StoreError, open_store
from ..store.empty import check_has_incidents
from .browse import choose_store
from .flow import reflow
from .status import show_status
from .tasks import CoreTask

FORM, _ = uic.loadUiType(str(form("filter_dock.ui")))

#: On a lägesbild group: the choice its computed layers were made with (analysis_choice).
BUILT_CHOICE = "trygghet/built_choice"
BUILT_CATEGORIES = "trygghet/built_categories"


tr = i18n.translator("FilterDock")


def period_kinds() -> tuple[tuple[str, str], ...]:
    return (("days", tr("14 days (two weeks)")), ("tertial", tr("Tertial (four months)")),
            ("custom", tr("Own dates")))


def source_labels() -> dict[str, str]:
    return {REPORTS_SOURCE: tr("Reports (collection service)"), POLICE_SOURCE: tr("Police")}



class FilterDock(QDockWidget, FORM):
    """Dock for filtering the plugin's layers; ``task_done(name, ok)`` after each task
    ("options", "build", "export_incidents", "export_layers")."""

    task_done = pyqtSignal(str, bool)

    def __init__(self, iface, parent=None, project: QgsProject | None = None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("TrygghetFilterDock")
        self.iface = iface
        self.project = project or QgsProject.instance()
        self.settings = SettingsManager()
        self.taxonomy = Taxonomy.load(taxonomy_file())
        self.tasks: dict[str, CoreTask] = {}
        self.options = FilterOptions()
        self.period: Period | None = None
        self.last_export: Path | None = None
        #: This session's builds: (cache files, when built), for tidying the cache.
        self.builds: list[tuple[list[Path], datetime]] = []
        #: Asks for a file to write; replaced in tests.
        self.ask_save_path = self._ask_save_path

        for kind, label in period_kinds():
            self.periodKindCombo.addItem(label, kind)
        # Rows of buttons wrap when the dock is narrow (QGIS opens docks about 300 px wide).
        reflow(self.checkButtons, self.mainLayout)
        reflow(self.buildButtons, self.mapLayout)
        self.customWidget.setVisible(False)
        self._fill(self.categoryList, [(code, cat.label(i18n.language()))
                                       for code, cat in self.taxonomy.categories.items()])

        self.storeEdit.setText(self.settings.get("store_path"))
        self.storeEdit.editingFinished.connect(self._store_changed)
        self.storeBrowseButton.clicked.connect(self._browse_store)
        self.periodKindCombo.currentIndexChanged.connect(self._kind_changed)
        self.prevButton.clicked.connect(lambda: self.step(-1))
        self.nextButton.clicked.connect(lambda: self.step(1))
        self.fromDate.dateChanged.connect(self._dates_changed)
        self.toDate.dateChanged.connect(self._dates_changed)
        for widget in self._lists():
            widget.itemChanged.connect(self._choice_changed)
        self.allButton.clicked.connect(lambda: self._check_all(self._current_list(), True))
        self.noneButton.clicked.connect(lambda: self._check_all(self._current_list(), False))
        self.resetButton.clicked.connect(self.reset)
        self.buildButton.clicked.connect(self.build_lagesbild)
        self.cancelButton.clicked.connect(self.cancel)
        self.exportIncidentsButton.clicked.connect(self.export_incidents)
        self.exportLayersButton.clicked.connect(self.export_layers)

        self._layers_tip = self.exportLayersButton.toolTip()
        self.project.layersRemoved.connect(self._layers_removed)
        self._update_buttons()
        self.set_period(self._default_period("days"), apply=False)
        self.reload_options()

    # -- the period -------------------------------------------------------------------------
    def _first_start(self) -> str:
        return self.settings.get("first_period_start") or "2024-01-01"

    def _default_period(self, kind: str) -> Period:
        store = None
        try:
            if self.store_ready():
                store = open_store(self.store_path(), create=False)
            return default_period(store, first_start=self._first_start(),
                                  days=int(self.settings.get("period_days") or 14),
                                  kind=kind)
        except (StoreError, PeriodError) as exc:
            self._status(str(exc), error=True)
            return default_period(None, kind=kind)
        finally:
            if store is not None:
                store.close()

    def set_period(self, period: Period, *, apply: bool = True) -> None:
        self.period = period
        self.nextButton.setEnabled(period.next().start <= clock.today())
        self.periodLabel.setText(f"{shown_label(period)}\n{shown_date_range(period)}")
        for widget, day in ((self.fromDate, period.start), (self.toDate, period.last_day)):
            widget.blockSignals(True)
            widget.setDate(QDate(day.year, day.month, day.day))
            widget.blockSignals(False)
        if apply:
            self.apply_filters()

    def step(self, direction: int) -> None:
        """The previous (-1) or next (1) period of the same kind and length; never one that
        has not begun."""
        if self.period is None:
            return
        period = self.period.previous() if direction < 0 else self.period.next()
        if period.start <= clock.today():
            self.set_period(period)

    def period_kind(self) -> str:
        return str(self.periodKindCombo.currentData() or "days")

    def choose_period_kind(self, kind: str) -> None:
        """Show periods of ``kind`` (as when the user picks it); unknown kinds are ignored."""
        index = self.periodKindCombo.findData(kind)
        if index >= 0 and index != self.periodKindCombo.currentIndex():
            self.periodKindCombo.setCurrentIndex(index)

    def _kind_changed(self) -> None:
        kind = self.periodKindCombo.currentData()
        self.customWidget.setVisible(kind == "custom")
        if kind == "custom":
            return  # the dates of the current period, until the user changes them
        self.set_period(self._default_period(kind))

    def _dates_changed(self) -> None:
        first, last = (_day(w.date()) for w in (self.fromDate, self.toDate))
        try:
            period = Period(first, last + timedelta(days=1), "days")
        except PeriodError as exc:
            self._status(str(exc), error=True)
            return
        self._status("")
        self.set_period(period)

    # -- the choice -------------------------------------------------------------------------
    def _lists(self) -> tuple[QListWidget, ...]:
        return (self.categoryList, self.sourceList, self.areaList, self.organisationList)

    def _current_list(self) -> QListWidget:
        return self._lists()[self.filterTabs.currentIndex()]

    @staticmethod
    def _fill(widget: QListWidget, values) -> None:
        """(value, label) rows, all checked; a value None is stored as such."""
        widget.blockSignals(True)
        widget.clear()
        for value, label in values:
            item = QListWidgetItem(label)
            item.setData(Qt.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            widget.addItem(item)
        widget.blockSignals(False)

    @staticmethod
    def checked(widget: QListWidget):
        """The checked values; None when all are checked (no filter)."""
        items = [widget.item(i) for i in range(widget.count())]
        chosen = tuple(i.data(Qt.UserRole) for i in items if i.checkState() == Qt.Checked)
        return None if len(chosen) == len(items) else chosen

    def _check_all(self, widget: QListWidget, on: bool, *, apply: bool = True) -> None:
        widget.blockSignals(True)
        for i in range(widget.count()):
            widget.item(i).setCheckState(Qt.Checked if on else Qt.Unchecked)
        widget.blockSignals(False)
        if apply:
            self.apply_filters()

    def reset(self) -> None:
        """Everything checked in every list: no filter but the period."""
        for widget in self._lists():
            self._check_all(widget, True, apply=False)
        self.apply_filters()

    def filter_spec(self) -> FilterSpec:
        return FilterSpec(period=self.period, categories=self.checked(self.categoryList),
                          sources=self.checked(self.sourceList),
                          areas=self.checked(self.areaList),
                          organisations=self.checked(self.organisationList))

    def _choice_changed(self, *_args) -> None:
        self.apply_filters()

    def apply_filters(self) -> int:
        """Filter every marked layer of the project; returns how many were filtered."""
        count = apply_to_project(self.project, self.filter_spec())
        self._show_count()
        return count

    def _show_count(self) -> None:
        layers = [layer for layer in self.project.mapLayers().values()
                  if layer.customProperty(FILTER_KIND) == INCIDENTS]
        if not layers or self.period is None:
            self.countLabel.setText("")
            return
        picture = [layer for layer in layers if any(
            group.findLayer(layer.id()) for group in find_lagesbild_groups(self.project))]
        n = (picture or layers)[0].featureCount()
        text = tr("{n} incidents with an exact location shown ({period}).").format(
            n=max(n, 0), period=shown_label(self.period))
        groups = find_lagesbild_groups(self.project)
        if groups:
            text += " " + self._computed_layers_note(groups[0])
        self.countLabel.setText(text)

    def _category_labels(self) -> dict[str, str]:
        items = [self.categoryList.item(i) for i in range(self.categoryList.count())]
        return {item.data(Qt.UserRole): item.text() for item in items}

    def _computed_layers_note(self, group) -> str:
        """What the computed layers (hot spots, density, rates) of the group on the map are
        for: they follow the period and the categories when the picture is shown, not at
        each click, so the dock says when they are for another choice than the one made."""
        spec = self.filter_spec()
        built = group.customProperty(BUILT_CHOICE)
        categories = group.customProperty(BUILT_CATEGORIES) or tr("all categories")
        if group.name() != group_name(self.period) or (
                built is not None and built != analysis_choice(spec)):
            return tr("Hot spots, density and areas show {group} for {categories}: click "
                      "\"Show the situation picture on the map\" to compute them for this "
                      "period and choice.").format(group=group.name(), categories=categories)
        text = tr("Hot spots and density are for {categories}.").format(categories=categories)
        if spec.areas is not None:
            text += " " + tr("They are computed over the whole kommun (each cell against its "
                             "neighbours); the area choice limits the incidents and areas "
                             "shown.")
        return text

    # -- options from the store -------------------------------------------------------------
    def store_path(self) -> str:
        return self.storeEdit.text().strip()

    def store_ready(self) -> bool:
        """A GeoPackage that exists, or a PostGIS store (which open_store checks)."""
        uri = self.store_path()
        return bool(uri) and (Path(uri).is_file() or not uri.lower().endswith(".gpkg"))

    def reload_options(self) -> CoreTask | None:
        """Read sources, organisations and areas from the store in the background."""
        uri = self.store_path()
        if not self.store_ready():
            return None

        def read(task):
            with open_store(uri, create=False) as store:
                return filter_options(store)

        running = self.tasks.get("options")
        if running is not None:
            return running  # reading another store: when it ends, this one is read
        task = self._start("options", tr("Trygghet: reading filter choices"), read,
                           self._options_read)
        task.store_uri = uri
        return task

    def _options_read(self, task: CoreTask) -> None:
        if task.result is None:
            return
        self.options = options = task.result
        labels = source_labels()
        self._fill(self.sourceList, [(s, labels.get(s, s)) for s in options.sources])
        self._fill(self.organisationList, [(o, o if o else tr("(no organisation)"))
                                           for o in options.organisations])
        self._fill(self.areaList, list(options.areas))
        self._show_count()  # the map changes when the user chooses, not when lists fill

    # -- the lägesbild group ----------------------------------------------------------------
    def build_lagesbild(self) -> CoreTask | None:
        """Compute the group's layers for the period in the background, then add them."""
        uri, period, spec = self.store_path(), self.period, self.filter_spec()
        if not self.store_ready() or period is None:
            self._status(tr("Choose a store first."), error=True)
            return None
        cell_size = float(self.settings.get("cell_size_m") or CELL_SIZE)

        def build(task):
            with open_store(uri, create=False) as store:
                check_has_incidents(store)
                return build_lagesbild_data(store, period, spec=spec, cell_size=cell_size,
                                            is_cancelled=task.isCanceled,
                                            progress=lambda f: task.setProgress(100 * f))

        self._status(tr("Building the situation picture for {period} …").format(
            period=shown_label(period)))
        return self._start("build", tr("Trygghet: situation picture {period}").format(
            period=shown_label(period)), build, self._lagesbild_built)

    def _lagesbild_built(self, task: CoreTask) -> None:
        data = task.result
        if data is None:
            return
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        show_period_in_time(self.project, data.period, canvas)  # before the layers come
        try:
            with open_store(self.store_path(), create=False) as store:
                group = add_lagesbild_group(self.project, store, data.period, data,
                                            taxonomy=self.taxonomy)
        except (StoreError, RuntimeError) as exc:
            self._status(str(exc), error=True)
            return
        group.setCustomProperty(BUILT_CHOICE, analysis_choice(data.spec))
        group.setCustomProperty(BUILT_CATEGORIES, describe_categories(
            data.spec.categories, self._category_labels()))
        self._tidy_cache()
        self._update_buttons()
        self.builds.append((cache_files(data), datetime.now(timezone.utc)))
        self.apply_filters()
        notes = f" {' '.join(data.notes)}" if data.notes else ""
        self._status(tr("{group}: {n} layers.").format(group=group.name(),
                                                      n=len(group.findLayers())) + notes)
        logger.success(tr("{group} on the map.").format(group=group.name()), push=True)

    def _tidy_cache(self) -> None:
        """Delete this session's replaced builds, unless the project was saved after one was
        made (a saved project may use it)."""
        saved = self.project.lastSaveDateTime()
        saved_at = saved.toUTC().toPyDateTime().replace(tzinfo=timezone.utc) \
            if saved.isValid() else None
        used = [layer.source() for layer in self.project.mapLayers().values()]
        keep = []
        for files, built_at in self.builds:
            if saved_at is not None and saved_at >= built_at:
                continue  # forget it: it stays on disk
            if not remove_cache_files(files, used) and any(f.exists() for f in files):
                keep.append((files, built_at))
        self.builds = keep

    # -- exports ----------------------------------------------------------------------------
    def _ask_save_path(self, title: str, filters: str, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, str(self._export_dir() / suggested),
                                              filters)
        if path:
            self.settings.set("export_dir", str(Path(path).parent))
        return path

    def _export_dir(self) -> Path:
        """The folder exported into last, else the store's folder, else the home folder."""
        for candidate in (self.settings.get("export_dir"), self.store_path()):
            if candidate and "://" not in candidate:
                folder = Path(candidate).expanduser()
                folder = folder if folder.is_dir() else folder.parent
                if folder.is_dir() and str(folder) != ".":
                    return folder
        return Path.home()

    def _suggested_name(self, stem: str, suffix: str) -> str:
        """``stem_2026-v41-42.gpkg``: the period in the name, so exports do not collide."""
        period = self.period.name if self.period is not None else ""
        return f"{stem}_{period}{suffix}" if period else f"{stem}{suffix}"

    def export_incidents(self) -> CoreTask | None:
        """The incidents the filter keeps, to a GeoPackage or a CSV for Excel."""
        uri = self.store_path()
        if not self.store_ready():
            self._status(tr("Choose a store first."), error=True)
            return None
        path = self.ask_save_path(tr("Export filtered incidents"),
                                  tr("GeoPackage (*.gpkg);;CSV for Excel (*.csv);;"
                                     "Excel (*.xlsx)"),
                                  self._suggested_name("handelser", ".gpkg"))
        if not path:
            return None
        spec = self.filter_spec()
        taxonomy = self.taxonomy

        def export(task):
            from ..layers.incident_export import export_filtered

            with open_store(uri, create=False) as store:
                return export_filtered(store, spec, path, taxonomy=taxonomy,
                                       is_cancelled=task.isCanceled)

        self._status(tr("Exporting …"))
        return self._start("export_incidents", tr("Trygghet: exporting incidents"), export,
                           self._incidents_exported)

    def _incidents_exported(self, task: CoreTask) -> None:
        if task.result is None:
            return
        self.last_export = task.result.path
        self._status(task.result.summary())

    def export_layers(self) -> CoreTask | None:
        """The lägesbild group's layers, styled, in one GeoPackage for planners."""
        from ..layers.export import items_from_layers

        groups = find_lagesbild_groups(self.project)
        if not groups:
            self._status(tr("Build the lägesbild first."), error=True)
            return None
        path = self.ask_save_path(tr("Export layers for planners"), "GeoPackage (*.gpkg)",
                                  self._suggested_name("trygghet_planering", ".gpkg"))
        if not path:
            return None
        items, skipped = items_from_layers(node.layer() for node in groups[0].findLayers())
        group = groups[0].name()

        def export(task):
            from ..layers.export import export_items

            result = export_items(items, path, is_cancelled=task.isCanceled,
                                  progress=task.setProgress, group=group)
            result.skipped += skipped
            return result

        self._status(tr("Exporting layers …"))
        return self._start("export_layers", tr("Trygghet: exporting layers"), export,
                           self._layers_exported)

    def _layers_exported(self, task: CoreTask) -> None:
        if task.result is None:
            return
        self.last_export = task.result.path
        self._status(task.result.summary())

    # -- tasks ------------------------------------------------------------------------------
    def _start(self, name: str, description: str, function, on_done) -> CoreTask:
        running = self.tasks.get(name)
        if running is not None:
            return running
        task = CoreTask(description, function)
        task.progressChanged.connect(lambda value: self.progressBar.setValue(int(value)))
        task.done.connect(lambda ok, name=name, task=task, on_done=on_done:
                          self._finished(name, task, on_done, ok))
        self.tasks[name] = task
        self._update_buttons()
        QgsApplication.taskManager().addTask(task)
        return task

    def _finished(self, name: str, task: CoreTask, on_done, ok: bool) -> None:
        self.tasks.pop(name, None)
        self._update_buttons()
        if name == "options" and getattr(task, "store_uri", None) != self.store_path():
            self.reload_options()  # the store changed while it ran: the new one's choices
            return
        self.progressBar.setValue(0)  # at rest; the status line says how it went
        if task.error:
            self._status(task.error, error=True)
        elif task.cancelled or (not ok and task.result is None):
            self._status(tr("Cancelled."))
        else:
            on_done(task)
        self.task_done.emit(name, bool(ok and task.result is not None))

    def cancel(self) -> None:
        self.cancelButton.setEnabled(False)  # until the tasks have stopped
        self._status(tr("Cancelling …"), push=False)
        for task in list(self.tasks.values()):
            task.cancel()

    def _layers_removed(self, _ids) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.buildButton.setEnabled("build" not in self.tasks)
        self.cancelButton.setEnabled(bool({"build", "export_incidents", "export_layers"}
                                          & set(self.tasks)))
        self.exportIncidentsButton.setEnabled("export_incidents" not in self.tasks)
        # Planners' layers exist only once the picture is on the map: until then the button
        # is off and says why.
        ready = bool(find_lagesbild_groups(self.project))
        self.exportLayersButton.setEnabled("export_layers" not in self.tasks and ready)
        self.exportLayersButton.setToolTip(
            self._layers_tip if ready else tr("Show the situation picture on the map first: "
                                              "its layers are what is exported."))

    # -- small helpers ----------------------------------------------------------------------
    def _status(self, text: str, *, error: bool = False, push: bool = True) -> None:
        show_status(self.statusLabel, text, error=error, push=push)

    def use_store(self, uri: str) -> CoreTask | None:
        """Read ``uri``'s choices again (after a sync or an import into it); the period the
        user chose stays."""
        self.storeEdit.setText(uri)
        self.settings.set("store_path", self.store_path())
        return self.reload_options()

    def _store_changed(self) -> None:
        self.settings.set("store_path", self.store_path())
        if self.periodKindCombo.currentData() != "custom":
            self.set_period(self._default_period(self.periodKindCombo.currentData()),
                            apply=False)
        self.reload_options()

    def _browse_store(self) -> None:
        path = choose_store(self, self.store_path())
        if path:
            self.storeEdit.setText(path)
            self._store_changed()

    def shutdown(self) -> None:
        """Before the plugin unloads: stop running tasks and let go of them."""
        try:
            self.project.layersRemoved.disconnect(self._layers_removed)
        except (RuntimeError, TypeError):
            pass
        tasks, self.tasks = list(self.tasks.values()), {}
        for task in tasks:
            try:
                task.done.disconnect()
                task.progressChanged.disconnect()
                task.cancel()
                task.waitForFinished(30000)
            except (RuntimeError, TypeError):
                pass  # already finished and deleted by the task manager


def _day(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())
