"""The plugin's page in QGIS's Options dialog (Settings → Options → Trygghet).

The page shows :class:`~trygghet_plugin.settings.Settings` and writes them back through
:class:`~trygghet_plugin.settings.SettingsManager` when the user clicks OK (``apply()``).
"""

from __future__ import annotations

from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtGui import QDesktopServices, QIcon

from ..i18n import translator
from ..log import logger
from ..paths import form, resource
from ..settings import Settings, SettingsManager
from .browse import choose_folder, choose_store, choose_template
from .help import help_url

FORM, _ = uic.loadUiType(str(form("settings_page.ui")))

PAGE_SIZES = ("A3", "A4")
DATE_FORMAT = "yyyy-MM-dd"


tr = translator("SettingsPage")


def language_change_note() -> str:
    return tr("The new language applies when QGIS is restarted (the printed PDFs stay "
              "Swedish).")


def language_choices() -> tuple[tuple[str, str], ...]:
    return (("sv", tr("Swedish")), ("en", tr("English")),
            ("auto", tr("Same as QGIS")))


class SettingsPage(QgsOptionsPageWidget, FORM):
    """The form; ``apply()`` saves what it shows."""

    def __init__(self, parent=None, manager: SettingsManager | None = None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("TrygghetSettingsPage")
        self.manager = manager or SettingsManager()
        for size in PAGE_SIZES:
            self.pageSizeCombo.addItem(size, size)
        for code, label in language_choices():
            self.languageCombo.addItem(label, code)
        self.show_settings(self.manager.load())
        self.languageNote.setVisible(False)
        self.languageCombo.currentIndexChanged.connect(self._language_chosen)
        #: Opens a URL; replaced in tests.
        self.open_url = QDesktopServices.openUrl
        self.helpButton.clicked.connect(self.open_help)
        self.storeBrowseButton.clicked.connect(self.browse_store)
        self.lagesbildTemplateBrowseButton.clicked.connect(
            lambda: self.browse_template(self.lagesbildTemplateEdit))
        self.boardTemplateBrowseButton.clicked.connect(
            lambda: self.browse_template(self.boardTemplateEdit))
        self.reportDirBrowseButton.clicked.connect(self.browse_report_dir)

    # -- browsing ---------------------------------------------------------------------------
    def browse_store(self) -> None:
        """An existing GeoPackage or a new file name (the store is made on the first sync)."""
        path = choose_store(self, self.storeEdit.text(), new=True)
        if path:
            self.storeEdit.setText(path)

    def browse_template(self, edit) -> None:
        path = choose_template(self, edit.text())
        if path:
            edit.setText(path)

    def browse_report_dir(self) -> None:
        path = choose_folder(self, tr("Report folder"), self.reportDirEdit.text())
        if path:
            self.reportDirEdit.setText(path)

    def _language_chosen(self) -> None:
        """Say at once, under the choice, that another language needs a restart."""
        changed = self.languageCombo.currentData() != self.manager.load().language
        self.languageNote.setText(language_change_note() if changed else "")
        self.languageNote.setVisible(changed)

    def open_help(self) -> None:
        self.open_url(help_url())

    def show_settings(self, settings: Settings) -> None:
        self.storeEdit.setText(settings.store_path)
        first = QDate.fromString(settings.first_period_start, DATE_FORMAT)
        self.firstPeriodEdit.setDate(first if first.isValid() else QDate(2024, 1, 1))
        self.periodDaysSpin.setValue(settings.period_days)
        self.cellSizeSpin.setValue(settings.cell_size_m)
        self.smallCountSpin.setValue(settings.small_count_threshold)
        self.pageSizeCombo.setCurrentIndex(max(0, self.pageSizeCombo.findData(
            settings.page_size)))
        self.lagesbildTemplateEdit.setText(settings.layout_template_lagesbild)
        self.boardTemplateEdit.setText(settings.layout_template_board)
        self.baseMapEdit.setText(settings.base_map_url)
        self.reportDirEdit.setText(settings.report_dir)
        self.languageCombo.setCurrentIndex(max(0, self.languageCombo.findData(
            settings.language)))
        self.debugCheck.setChecked(settings.debug_log)

    def settings(self) -> Settings:
        """What the form shows, over the saved settings (dock state and the like kept)."""
        current = self.manager.load()
        current.store_path = self.storeEdit.text().strip()
        current.first_period_start = self.firstPeriodEdit.date().toString(DATE_FORMAT)
        current.period_days = self.periodDaysSpin.value()
        current.cell_size_m = self.cellSizeSpin.value()
        current.small_count_threshold = self.smallCountSpin.value()
        current.page_size = self.pageSizeCombo.currentData() or "A3"
        current.layout_template_lagesbild = self.lagesbildTemplateEdit.text().strip()
        current.layout_template_board = self.boardTemplateEdit.text().strip()
        current.base_map_url = self.baseMapEdit.text().strip()
        current.report_dir = self.reportDirEdit.text().strip()
        current.language = self.languageCombo.currentData() or "sv"
        current.debug_log = self.debugCheck.isChecked()
        return current

    def apply(self) -> None:
        settings = self.settings()
        changed = settings.language != self.manager.load().language
        self.manager.save(settings)
        if changed:
            logger.info(language_change_note(), push=True, duration=0)


class SettingsPageFactory(QgsOptionsWidgetFactory):
    """Makes the page each time QGIS opens its Options dialog."""

    def __init__(self):
        super().__init__("Trygghet", QIcon(str(resource("icons", "trygghet.svg"))))

    def icon(self) -> QIcon:
        return QIcon(str(resource("icons", "trygghet.svg")))

    def createWidget(self, parent=None) -> SettingsPage:
        return SettingsPage(parent)
