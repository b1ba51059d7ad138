"""Loading and unloading the plugin leaves QGIS exactly as it was."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QToolBar


def flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def trygghet_toolbars(main):
    return [t for t in main.findChildren(QToolBar) if t.objectName() == "TrygghetToolbar"]


def test_init_gui_adds_toolbar_menu_and_provider(plugin, recording_iface):
    main = recording_iface.mainWindow()
    (toolbar,) = trygghet_toolbars(main)
    assert toolbar.windowTitle() == "Trygghet"
    texts = [a.text() for a in toolbar.actions()]
    assert "Synka rapporter" in texts
    menu = recording_iface.plugin_menus["&Trygghet"]
    assert {a.text() for a in menu.actions()} >= {"Synka rapporter", "Hjälp"}
    provider = QgsApplication.processingRegistry().providerById("trygghet")
    assert provider is not None
    ids = {a.id() for a in provider.algorithms()}
    assert {"trygghet:syncreports", "trygghet:makeproject"} <= ids


def test_unload_removes_everything_it_added(recording_iface):
    from trygghet_plugin import classFactory

    main = recording_iface.mainWindow()
    before_actions = len(main.findChildren(QAction))
    plugin = classFactory(recording_iface)
    plugin.initGui()
    plugin.sync_action.trigger()  # the sync dock is made on first use
    plugin.lagesbild_action.trigger()
    plugin.filter_action.trigger()
    assert {d.objectName() for d in main.findChildren(QDockWidget)} >= {
        "TrygghetSyncDock", "TrygghetLagesbildDock", "TrygghetFilterDock"}
    plugin.unload()
    flush_deletes()
    assert main.findChildren(QDockWidget) == []
    assert trygghet_toolbars(main) == []
    assert recording_iface.plugin_menus == {}
    assert len(main.findChildren(QAction)) == before_actions
    assert QgsApplication.processingRegistry().providerById("trygghet") is None


def test_load_unload_load_works(recording_iface):
    from trygghet_plugin import classFactory

    for _ in range(2):
        plugin = classFactory(recording_iface)
        plugin.initGui()
        assert QgsApplication.processingRegistry().providerById("trygghet") is not None
        assert len(trygghet_toolbars(recording_iface.mainWindow())) == 1
        plugin.unload()
        flush_deletes()
    assert QgsApplication.processingRegistry().providerById("trygghet") is None


def test_init_processing_is_idempotent(recording_iface):
    from trygghet_plugin import classFactory

    plugin = classFactory(recording_iface)
    plugin.initProcessing()
    first = plugin.provider
    plugin.initProcessing()
    assert plugin.provider is first
    assert len([p for p in QgsApplication.processingRegistry().providers()
                if p.id() == "trygghet"]) == 1
    plugin.unload()


def test_settings_round_trip_under_the_plugin_group():
    from qgis.core import QgsSettings

    from trygghet_plugin.settings import Settings, SettingsManager

    manager = SettingsManager()
    manager.save(Settings())
    manager.set("cell_size_m", "500")
    manager.set("debug_log", "true")
    loaded = manager.load()
    assert (loaded.cell_size_m, loaded.debug_log) == (500, True)
    assert QgsSettings().value("trygghet/cell_size_m") in (500, "500")
    manager.save(Settings())
    assert manager.load() == Settings()


def test_logger_writes_to_the_trygghet_tab_and_the_message_bar(qgis_iface):
    from qgis.core import Qgis

    from trygghet_plugin.log import TAB, PluginLogger

    seen = []

    def record(message, tag, level):
        seen.append((message, tag))

    QgsApplication.messageLog().messageReceived.connect(record)
    try:
        PluginLogger(qgis_iface).warning("Synk misslyckades", push=True)
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(record)
    assert ("Synk misslyckades", TAB) in seen
    assert any("Synk misslyckades" in m for m in qgis_iface.messageBar().get_messages(Qgis.Warning))
