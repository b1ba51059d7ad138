"""Fixtures for tests that need QGIS: an iface that records what a plugin adds, and the plugin."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar


class RecordingIface:
    """The parts of QgisInterface a plugin uses, on a real QMainWindow, so a test can see
    exactly which menus, toolbars and docks exist after initGui() and after unload()."""

    def __init__(self, main_window: QMainWindow, message_bar):
        self._main = main_window
        self._bar = message_bar
        self.plugin_menus: dict[str, QMenu] = {}
        self.options_factories: list = []

    def mainWindow(self):
        return self._main

    def messageBar(self):
        return self._bar

    def addToolBar(self, name: str) -> QToolBar:
        return self._main.addToolBar(name)

    def addPluginToMenu(self, name: str, action) -> None:
        menu = self.plugin_menus.get(name)
        if menu is None:
            menu = self.plugin_menus[name] = QMenu(name, self._main)
        menu.addAction(action)

    def removePluginMenu(self, name: str, action) -> None:
        menu = self.plugin_menus.get(name)
        if menu is not None:
            menu.removeAction(action)
            if not menu.actions():
                menu.deleteLater()
                del self.plugin_menus[name]

    def addDockWidget(self, area, dock: QDockWidget) -> None:
        self._main.addDockWidget(area, dock)

    def removeDockWidget(self, dock: QDockWidget) -> None:
        self._main.removeDockWidget(dock)

    def addTabifiedDockWidget(self, area, dock, tab_with=(), raise_tab=False) -> None:
        self._main.addDockWidget(area, dock)

    def mapCanvas(self):
        return None

    def registerOptionsWidgetFactory(self, factory) -> None:
        self.options_factories.append(factory)

    def unregisterOptionsWidgetFactory(self, factory) -> None:
        self.options_factories.remove(factory)


@pytest.fixture(autouse=True)
def docks_closed_at_start():
    """Each test starts as after a restart with every dock closed: the plugin reopens the
    docks that were open when it last unloaded."""
    from trygghet_plugin.settings import SettingsManager

    manager = SettingsManager()
    for name in ("sync_dock_visible", "lagesbild_dock_visible", "filter_dock_visible",
                 "data_dock_visible", "measures_dock_visible"):
        manager.set(name, False)
    manager.set("filter_period_kind", "days")
    yield


@pytest.fixture
def recording_iface(qgis_iface):
    main = QMainWindow()
    iface = RecordingIface(main, qgis_iface.messageBar())
    yield iface
    main.deleteLater()


@pytest.fixture
def plugin(recording_iface):
    """The plugin after initGui(); unload() always runs after the test."""
    from trygghet_plugin import classFactory

    instance = classFactory(recording_iface)
    instance.initGui()
    yield instance
    instance.unload()


@pytest.fixture
def provider_loaded(qgis_processing, layer_tree_view):
    """The Trygghet Processing provider registered (as initProcessing() does), and removed."""
    from trygghet_plugin.plugin import TrygghetPlugin

    plugin = TrygghetPlugin(None)
    plugin.initProcessing()
    yield
    plugin.unload()


@pytest.fixture
def layer_tree_view(qgis_iface, monkeypatch):
    """A real layer tree view over the project behind the iface, as in the desktop: QGIS 3.44's
    Processing hands ``iface.layerTreeView()`` to QgsProcessingGuiUtils.addResultLayers when
    runAndLoadResults loads the outputs, and that C++ call refuses the stub iface's MagicMock."""
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView

    view = QgsLayerTreeView()
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
    monkeypatch.setattr(qgis_iface, "layerTreeView", lambda: view, raising=False)
    yield view
    view.deleteLater()


@pytest.fixture
def no_saved_connections():
    """No saved sync connection before or after the test (the QGIS settings are shared)."""
    from trygghet_plugin.settings import ConnectionStore

    store = ConnectionStore()
    for connection in store.list():
        store.remove(connection.id)
    yield
    for connection in store.list():
        store.remove(connection.id)
