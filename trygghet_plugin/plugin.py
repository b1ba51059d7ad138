"""Wires the plugin into QGIS: toolbar, menu, docks, Processing provider; unload() removes
them."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon
from qgis.PyQt.QtWidgets import QAction

from . import i18n
from .log import logger
from .meta import PLUGIN_NAME, metadata
from .paths import plugin_root, resource
from .settings import SettingsManager

MENU = "&Trygghet"


tr = i18n.translator("TrygghetPlugin")


class TrygghetPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.toolbar = None
        self.actions: list[QAction] = []
        self.sync_dock = None
        self.sync_action: QAction | None = None
        self.lagesbild_dock = None
        self.lagesbild_action: QAction | None = None
        self.filter_dock = None
        self.filter_action: QAction | None = None
        self.data_dock = None
        self.data_action: QAction | None = None
        self.measures_dock = None
        self.measures_action: QAction | None = None
        self.options_factory = None

    # -- Processing -------------------------------------------------------------------------
    def initProcessing(self) -> None:
        if self.provider is not None:
            return
        i18n.install()
        from .processing.provider import TrygghetProvider

        self.provider = TrygghetProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    # -- GUI --------------------------------------------------------------------------------
    def initGui(self) -> None:
        i18n.install()
        logger.iface = self.iface
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(PLUGIN_NAME)
        self.toolbar.setObjectName("TrygghetToolbar")
        # The actions show and raise their dock (a click on an open tab must not hide it).
        self.sync_action = self._add_action("SyncReports", "sync.svg", tr("Sync reports"),
                                            self.show_sync_dock)
        self.sync_action.setShortcut("Ctrl+Alt+Shift+S")
        self.lagesbild_action = self._add_action("Lagesbild", "trygghet.svg", tr("Situation "
                                                                                 "picture"),
                                                 self.show_lagesbild_dock)
        self.lagesbild_action.setShortcut("Ctrl+Alt+Shift+L")
        self.filter_action = self._add_action("Filter", "filter.svg", tr("Filter"),
                                              self.show_filter_dock)
        self.filter_action.setShortcut("Ctrl+Alt+Shift+F")
        self.data_action = self._add_action("Data", "data.svg", tr("Import data"),
                                            self.show_data_dock)
        self.data_action.setShortcut("Ctrl+Alt+Shift+D")
        self.measures_action = self._add_action("Measures", "measures.svg", tr("Measures"),
                                                self.show_measures_dock)
        self.measures_action.setShortcut("Ctrl+Alt+Shift+M")
        self._add_action("MakeProject", "project.svg", tr("Make QGIS project"),
                         lambda: self._open_algorithm("trygghet:makeproject"))
        help_action = self._add_action("Help", "help.svg", tr("Help"), self._open_help)
        help_action.setToolTip(tr("Open the user guide"))
        for action in self.actions:
            if action.shortcut().toString():
                action.setToolTip(f"{action.text()} ({action.shortcut().toString()})")
        self._register_options_page()
        self._restore_docks()

    def _add_action(self, name: str, icon: str, text: str, slot, *,
                    toolbar: bool = True) -> QAction:
        action = QAction(QIcon(str(resource("icons", icon))), text, self.iface.mainWindow())
        action.setObjectName("Trygghet" + name)
        action.triggered.connect(slot)
        self.iface.addPluginToMenu(MENU, action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def show_sync_dock(self) -> None:
        if self.sync_dock is None:
            from .gui.sync_dock import SyncDock

            self.sync_dock = SyncDock(self.iface, self.iface.mainWindow())
            self.sync_dock.sync_done.connect(lambda result: self._store_changed())
            self._add_tabified(self.sync_dock)
        _show(self.sync_dock)

    def show_lagesbild_dock(self) -> None:
        if self.lagesbild_dock is None:
            from .gui.lagesbild_dock import LagesbildDock

            self.lagesbild_dock = LagesbildDock(self.iface, self.iface.mainWindow())
            self._add_tabified(self.lagesbild_dock)
        _show(self.lagesbild_dock)

    def show_filter_dock(self) -> None:
        if self.filter_dock is None:
            from .gui.filter_dock import FilterDock

            self.filter_dock = FilterDock(self.iface, self.iface.mainWindow())
            self.filter_dock.choose_period_kind(SettingsManager().get("filter_period_kind"))
            self._add_tabified(self.filter_dock)
        _show(self.filter_dock)

    def show_data_dock(self) -> None:
        if self.data_dock is None:
            from .gui.data_dock import DataDock

            self.data_dock = DataDock(self.iface, self.iface.mainWindow())
            self.data_dock.imported.connect(lambda _kind: self._store_changed())
            self._add_tabified(self.data_dock)
        _show(self.data_dock)

    def show_measures_dock(self) -> None:
        if self.measures_dock is None:
            from .gui.measures_dock import MeasuresDock

            self.measures_dock = MeasuresDock(self.iface, self.iface.mainWindow())
            self._add_tabified(self.measures_dock)
        _show(self.measures_dock)

    def _store_changed(self) -> None:
        """After a sync or an import: every open dock reads the store again (the Filter
        dock's areas, sources and organisations) and the store's layers are redrawn."""
        from .gui.sync_dock import refresh_store_layers

        store = SettingsManager().get("store_path")
        if self.filter_dock is not None:
            self.filter_dock.use_store(store)
        for dock in (self.sync_dock, self.lagesbild_dock, self.data_dock, self.measures_dock):
            if dock is not None and not dock.storeEdit.text().strip():
                dock.storeEdit.setText(store)
        if self.measures_dock is not None:
            self.measures_dock.refresh()
        refresh_store_layers(store)

    def _add_tabified(self, dock) -> None:
        """A tab beside the plugin's other docks on the right (QGIS 3.14+), else docked."""
        from qgis.PyQt.QtWidgets import QDockWidget

        main = self.iface.mainWindow()
        others = [d for d in main.findChildren(QDockWidget)
                  if d.objectName().startswith("Trygghet") and d is not dock]
        if hasattr(self.iface, "addTabifiedDockWidget"):
            self.iface.addTabifiedDockWidget(Qt.RightDockWidgetArea, dock,
                                             [d.objectName() for d in others], True)
            return
        self.iface.addDockWidget(Qt.RightDockWidgetArea, dock)
        if others:
            main.tabifyDockWidget(others[0], dock)

    def _open_algorithm(self, alg_id: str) -> None:
        import processing

        processing.execAlgorithmDialog(alg_id)

    def _open_help(self) -> None:
        QDesktopServices.openUrl(help_url())

    # -- the Options page -------------------------------------------------------------------
    def _register_options_page(self) -> None:
        if not hasattr(self.iface, "registerOptionsWidgetFactory"):
            return
        from .gui.settings_page import SettingsPageFactory

        self.options_factory = SettingsPageFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

    # -- the docks' state over a restart ----------------------------------------------------
    def _restore_docks(self) -> None:
        """Open the docks that were open when the plugin last unloaded."""
        settings = SettingsManager().load()
        for visible, show in ((settings.sync_dock_visible, self.show_sync_dock),
                              (settings.lagesbild_dock_visible, self.show_lagesbild_dock),
                              (settings.filter_dock_visible, self.show_filter_dock),
                              (settings.data_dock_visible, self.show_data_dock),
                              (settings.measures_dock_visible, self.show_measures_dock)):
            if visible:
                show()

    def _save_docks(self) -> None:
        # isHidden(), not isVisible(): when QGIS quits the main window is hidden first, but
        # a dock the user left open is not hidden itself.
        manager = SettingsManager()
        for name, dock in (("sync_dock_visible", self.sync_dock),
                           ("lagesbild_dock_visible", self.lagesbild_dock),
                           ("filter_dock_visible", self.filter_dock),
                           ("data_dock_visible", self.data_dock),
                           ("measures_dock_visible", self.measures_dock)):
            manager.set(name, dock is not None and not dock.isHidden())
        if self.filter_dock is not None:
            manager.set("filter_period_kind", self.filter_dock.period_kind())

    def unload(self) -> None:
        try:
            self._save_docks()
        except RuntimeError:
            pass  # a dock already deleted by Qt (QGIS closing): unload the rest all the same
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.sync_dock is not None:
            self.sync_dock.shutdown()
            self.iface.removeDockWidget(self.sync_dock)
            self.sync_dock.deleteLater()
            self.sync_dock = None
        self.sync_action = None
        if self.lagesbild_dock is not None:
            self.lagesbild_dock.shutdown()
            self.iface.removeDockWidget(self.lagesbild_dock)
            self.lagesbild_dock.deleteLater()
            self.lagesbild_dock = None
        self.lagesbild_action = None
        if self.filter_dock is not None:
            self.filter_dock.shutdown()
            self.iface.removeDockWidget(self.filter_dock)
            self.filter_dock.deleteLater()
            self.filter_dock = None
        self.filter_action = None
        if self.data_dock is not None:
            self.data_dock.shutdown()
            self.iface.removeDockWidget(self.data_dock)
            self.data_dock.deleteLater()
            self.data_dock = None
        self.data_action = None
        if self.measures_dock is not None:
            self.measures_dock.shutdown()
            self.iface.removeDockWidget(self.measures_dock)
            self.measures_dock.deleteLater()
            self.measures_dock = None
        self.measures_action = None
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        logger.iface = None
        i18n.uninstall()


def _show(dock) -> None:
    """Show the dock and bring its tab to the front."""
    dock.setVisible(True)
    dock.raise_()


def help_url() -> QUrl:
    """The user guide: docs/guide.md next to the plugin, else the guide on the homepage."""
    guide = plugin_root() / "docs" / "guide.md"
    if guide.is_file():
        return QUrl.fromLocalFile(str(guide))
    homepage = metadata().get("homepage", "").rstrip("/")
    return QUrl(f"{homepage}/blob/main/docs/guide.md" if homepage else "")
