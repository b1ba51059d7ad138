"""Loading and unloading the plugin leaves QGIS exactly as it was."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QDockWidget, QToolBar
from qt_wait import flush_deletes

try:  # Qt6 has QAction in QtGui
    from qgis.PyQt.QtGui import QAction
except ImportError:
    from qgis.PyQt.QtWidgets import QAction


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


def test_toolbar_buttons_show_and_raise_their_dock(plugin, recording_iface):
    main = recording_iface.mainWindow()
    main.show()
    (toolbar,) = trygghet_toolbars(main)
    assert "Hjälp" in [a.text() for a in toolbar.actions()]
    for _ in range(2):  # a second click on an open dock leaves it open
        plugin.sync_action.trigger()
        plugin.filter_action.trigger()
        plugin.lagesbild_action.trigger()
        assert all(dock.isVisibleTo(main) for dock in (
            plugin.sync_dock, plugin.filter_dock, plugin.lagesbild_dock))
    # Short tab titles: four tabs share a dock about 300 px wide.
    assert [plugin.sync_dock.windowTitle(), plugin.filter_dock.windowTitle(),
            plugin.lagesbild_dock.windowTitle()] == ["Synk", "Filter", "Lägesbild"]
    assert "Ctrl+Alt+Shift+S" in plugin.sync_action.toolTip()
    main.hide()


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
    assert recording_iface.options_factories == []
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


def test_options_page_is_registered_while_loaded(plugin, recording_iface):
    from trygghet_plugin.gui.settings_page import SettingsPage

    (factory,) = recording_iface.options_factories
    assert factory.title() == "Trygghet"
    page = factory.createWidget(recording_iface.mainWindow())
    assert isinstance(page, SettingsPage)
    page.deleteLater()


def test_open_docks_come_back_after_a_restart(recording_iface):
    from trygghet_plugin import classFactory

    main = recording_iface.mainWindow()
    first = classFactory(recording_iface)
    first.initGui()
    assert (first.sync_dock, first.lagesbild_dock, first.filter_dock) == (None, None, None)
    first.sync_action.trigger()
    first.filter_action.trigger()
    first.filter_dock.choose_period_kind("tertial")
    first.unload()  # as when QGIS quits
    flush_deletes()
    assert main.findChildren(QDockWidget) == []

    second = classFactory(recording_iface)
    second.initGui()
    assert second.lagesbild_dock is None
    assert second.sync_dock is not None and not second.sync_dock.isHidden()
    assert second.filter_dock is not None and not second.filter_dock.isHidden()
    assert second.sync_dock.isVisibleTo(main) and second.filter_dock.isVisibleTo(main)
    assert second.filter_dock.period_kind() == "tertial"
    second.sync_dock.close()  # the user closes a dock
    second.unload()
    flush_deletes()

    third = classFactory(recording_iface)
    third.initGui()
    assert third.sync_dock is None
    assert third.filter_dock is not None
    third.unload()
    flush_deletes()


def test_help_opens_the_user_guide():
    from trygghet_plugin.plugin import help_url

    url = help_url()
    assert url.isValid()
    assert url.toString().endswith("docs/guide.md")


def test_english_when_the_language_setting_is_en(recording_iface):
    from tools import translations
    from trygghet_plugin import classFactory, i18n
    from trygghet_plugin.settings import SettingsManager

    if not translations.qm_file("sv").is_file():
        pytest.skip("lrelease (qttools5-dev-tools) missing and no trygghet_sv.qm built")
    manager = SettingsManager()
    manager.set("language", "en")
    i18n.uninstall()
    try:
        plugin = classFactory(recording_iface)
        plugin.initGui()
        try:
            menu = recording_iface.plugin_menus["&Trygghet"]
            assert {"Sync reports", "Help", "Situation picture"} <= {
                a.text() for a in menu.actions()}
            plugin.sync_action.trigger()
            assert plugin.sync_dock.windowTitle() == "Sync"
            assert plugin.sync_dock.syncButton.text() == "Sync now"
            # The Processing toolbox and the messages from the store speak English too.
            alg = QgsApplication.processingRegistry().algorithmById("trygghet:lagesbild")
            assert alg.displayName() == "Situation picture (PDF)"
            assert alg.group() == "Reports"
            from trygghet_plugin.store import StoreError, open_store
            with pytest.raises(StoreError, match="does not exist"):
                open_store("/nonexistent/nassjo.gpkg", create=False)
        finally:
            plugin.unload()
            flush_deletes()
        assert QCoreApplication.translate("TrygghetPlugin", "Help") == "Help"
    finally:
        manager.set("language", "sv")
        i18n.reinstall()
    # Back in Swedish (the default) once the setting says so.
    assert QCoreApplication.translate("TrygghetPlugin", "Help") == "Hjälp"
    assert QCoreApplication.translate("Processing", "Situation picture (PDF)") \
        == "Lägesbild (PDF)"


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
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("Synk misslyckades" in m for m in warnings)


def test_an_error_on_the_message_bar_links_to_the_details_in_the_log(qgis_app):
    from qgis.gui import QgsMessageBar
    from qgis.PyQt.QtWidgets import QPushButton

    from trygghet_plugin.log import PluginLogger

    class Iface:
        def __init__(self):
            self.bar = QgsMessageBar()
            self.opened = 0

        def messageBar(self):
            return self.bar

        def openMessageLog(self):
            self.opened += 1

    iface = Iface()
    seen = []
    QgsApplication.messageLog().messageReceived.connect(lambda m, tag, level: seen.append(m))
    PluginLogger(iface).error("Synken misslyckades.", push=True,
                              details="Serverfel 500 från http://127.0.0.1/collections")
    (item,) = iface.bar.items()
    (button,) = item.findChildren(QPushButton)
    assert button.text() == "Visa logg"
    button.click()
    assert iface.opened == 1
    assert any("Serverfel 500" in m for m in seen)  # the details are in the log
