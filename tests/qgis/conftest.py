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
