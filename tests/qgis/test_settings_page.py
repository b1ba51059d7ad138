"""The Trygghet page in QGIS's Options dialog: what the user types there is what the plugin
reads afterwards."""

from __future__ import annotations

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
