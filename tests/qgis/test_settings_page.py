"""The Trygghet page in QGIS's Options dialog: what the user types there is what the plugin
reads afterwards."""

from __future__ import annotations

from datetime import date

import pytest
from qgis.PyQt.QtCore import QDate

from trygghet_plugin.settings import Settings, SettingsManager


@pytest.fixture
def saved_settings():
    manager = SettingsManager()
    before = manager.load()
    manager.save(Settings())
    yield manager
    manager.save(before)


def test_page_shows_the_saved_settings(saved_settings):
    from trygghet_plugin.gui.settings_page import SettingsPage

    saved_settings.set("cell_size_m", 400)
    saved_settings.set("language", "en")
    page = SettingsPage()
    assert page.cellSizeSpin.value() == 400
    assert page.languageCombo.currentData() == "en"
    assert page.pageSizeCombo.currentText() == "A3"
    assert page.firstPeriodEdit.date() == QDate(2024, 1, 1)
    page.deleteLater()


def test_apply_writes_every_field(saved_settings):
    from trygghet_plugin.gui.settings_page import SettingsPage

    page = SettingsPage()
    page.storeEdit.setText("/data/trygghet.gpkg")
    page.firstPeriodEdit.setDate(QDate(2025, 1, 6))
    page.periodDaysSpin.setValue(28)
    page.cellSizeSpin.setValue(500)
    page.smallCountSpin.setValue(4)
    page.pageSizeCombo.setCurrentIndex(page.pageSizeCombo.findData("A4"))
    page.lagesbildTemplateEdit.setText("/mallar/lagesbild.qpt")
    page.boardTemplateEdit.setText("/mallar/board.qpt")
    page.baseMapEdit.setText("https://tile.example/{z}/{x}/{y}.png")
    page.reportDirEdit.setText("/rapporter")
    page.languageCombo.setCurrentIndex(page.languageCombo.findData("auto"))
    page.debugCheck.setChecked(True)
    page.apply()
    page.deleteLater()

    loaded = SettingsManager().load()
    assert loaded.store_path == "/data/trygghet.gpkg"
    assert loaded.first_period_start == "2025-01-06"
    assert (loaded.period_days, loaded.cell_size_m, loaded.small_count_threshold) == (28, 500, 4)
    assert loaded.page_size == "A4"
    assert loaded.layout_template_lagesbild == "/mallar/lagesbild.qpt"
    assert loaded.layout_template_board == "/mallar/board.qpt"
    assert loaded.base_map_url == "https://tile.example/{z}/{x}/{y}.png"
    assert loaded.report_dir == "/rapporter"
    assert loaded.language == "auto"
    assert loaded.debug_log is True


def test_swedish_is_the_default_language(saved_settings):
    from trygghet_plugin import i18n

    assert saved_settings.load().language == "sv"
    assert i18n.language() == "sv"


def test_the_help_button_opens_the_user_guide(saved_settings):
    from trygghet_plugin.gui.settings_page import SettingsPage

    page = SettingsPage()
    opened = []
    page.open_url = opened.append
    page.helpButton.click()
    assert [url.fileName() for url in opened] == ["guide.md"]
    page.deleteLater()


def test_browse_buttons_fill_the_fields(saved_settings, monkeypatch, tmp_path):
    """The file fields have a "…" button: the chosen file or folder lands in the field (a new
    store name gets .gpkg), and a cancelled dialog leaves the field as it was."""
    from qgis.PyQt.QtWidgets import QFileDialog

    from trygghet_plugin.gui.settings_page import SettingsPage

    asked = []

    def save_name(_parent, caption, start, _filter, **_kw):
        asked.append((caption, start))
        return str(tmp_path / "ny_databas"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(tmp_path / "mall.qpt"), ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    page = SettingsPage()
    page.storeEdit.setText(str(tmp_path / "gammal.gpkg"))
    page.storeBrowseButton.click()
    assert page.storeEdit.text() == str(tmp_path / "ny_databas.gpkg")
    assert asked == [("Databas (GeoPackage)", str(tmp_path / "gammal.gpkg"))]
    page.lagesbildTemplateBrowseButton.click()
    page.boardTemplateBrowseButton.click()
    page.reportDirBrowseButton.click()
    assert page.lagesbildTemplateEdit.text() == str(tmp_path / "mall.qpt")
    assert page.boardTemplateEdit.text() == str(tmp_path / "mall.qpt")
    assert page.reportDirEdit.text() == str(tmp_path)
    page.apply()
    assert saved_settings.load().store_path == str(tmp_path / "ny_databas.gpkg")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: "")
    page.reportDirEdit.setText("/rapporter")
    page.reportDirBrowseButton.click()
    assert page.reportDirEdit.text() == "/rapporter"
    page.deleteLater()


def test_auto_follows_the_qgis_locale(saved_settings):
    """"Same as QGIS": Swedish in a Swedish QGIS, English (the source) in any other."""
    from qgis.core import QgsSettings

    from trygghet_plugin import i18n

    qsettings = QgsSettings()
    before = qsettings.value("locale/userLocale", "")
    saved_settings.set("language", "auto")
    try:
        qsettings.setValue("locale/userLocale", "sv_SE")
        assert i18n.language() == "sv"
        qsettings.setValue("locale/userLocale", "de_DE")
        assert i18n.language() == "en"
    finally:
        qsettings.setValue("locale/userLocale", before)


def test_a_language_change_says_when_it_applies(saved_settings, plugin, recording_iface):
    """The note under the choice appears as soon as another language is picked, and OK puts
    it on the message bar (not only in a tooltip)."""
    from qgis.core import Qgis

    from trygghet_plugin.gui.settings_page import SettingsPage

    bar = recording_iface.messageBar()
    bar.clear_messages()
    page = SettingsPage()
    assert not page.languageNote.isVisibleTo(page)
    page.languageCombo.setCurrentIndex(page.languageCombo.findData("en"))
    assert page.languageNote.isVisibleTo(page)
    assert "när QGIS startas om" in page.languageNote.text()
    page.languageCombo.setCurrentIndex(page.languageCombo.findData("sv"))
    assert not page.languageNote.isVisibleTo(page)  # back to what applies now
    page.languageCombo.setCurrentIndex(page.languageCombo.findData("en"))
    page.apply()
    assert any("när QGIS startas om" in text for text in bar.get_messages(Qgis.MessageLevel.Info))
    page.deleteLater()


def test_english_mode_shows_periods_and_tertials_in_english(saved_settings, recording_iface,
                                                            clock_at):
    """With English chosen (after a restart), the docks' period and tertial labels are
    English too."""
    from trygghet_plugin import classFactory, i18n

    clock_at(date(2026, 10, 28))
    saved_settings.set("language", "en")
    i18n.uninstall()  # as after a restart
    plugin = classFactory(recording_iface)
    plugin.initGui()
    try:
        plugin.filter_action.trigger()
        assert plugin.filter_dock.periodLabel.text() == "Weeks 41–42 2026\n5–18 Oct 2026"
        plugin.filter_dock.choose_period_kind("tertial")
        assert plugin.filter_dock.periodLabel.text().startswith("Tertial 2 2026 (May–Aug)")
        plugin.lagesbild_action.trigger()
        dock = plugin.lagesbild_dock
        assert dock.tertialCombo.itemText(0) == "Tertial 2 2026 (May–Aug)"
        assert "Weeks 41–42 2026" in dock.periodLabel.text()
        assert "5–18 Oct 2026 (14 days)" in dock.periodLabel.text()
    finally:
        plugin.unload()
        saved_settings.set("language", "sv")
