"""Installs the plugin's translation for the user's QGIS locale (Swedish by default)."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from .paths import resource

_translator: QTranslator | None = None


def locale() -> str:
    value = QgsSettings().value("locale/userLocale", "") or QgsApplication.locale() or "sv"
    return str(value)[:2]


def install() -> None:
    """Load ``resources/i18n/trygghet_<lang>.qm`` once, when it exists."""
    global _translator
    if _translator is not None:
        return
    qm = resource("i18n", f"trygghet_{locale()}.qm")
    if not qm.is_file():
        return
    translator = QTranslator()
    if translator.load(str(qm)):
        QCoreApplication.installTranslator(translator)
        _translator = translator


def uninstall() -> None:
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
