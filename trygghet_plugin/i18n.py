"""Installs the plugin's translation for the language chosen in the settings.

The texts in the code and forms are Swedish; ``resources/i18n/trygghet_<lang>.qm`` translates
them (built from the .ts files by ``make translations``). ``language`` is "sv" (the default:
no translation needed), "en", or "auto" (QGIS's own locale).
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from .paths import resource

LANGUAGES = ("sv", "en", "auto")
_translator: QTranslator | None = None


def qgis_locale() -> str:
    value = QgsSettings().value("locale/userLocale", "") or QgsApplication.locale() or "sv"
    return str(value)[:2]


def language() -> str:
    """The two-letter language the plugin shows, from the ``language`` setting."""
    from .settings import SettingsManager

    chosen = str(SettingsManager().get("language") or "sv").strip().lower()
    if chosen == "auto":
        return qgis_locale()
    return chosen if chosen in LANGUAGES else "sv"


# Kept for callers of the old name.
locale = language


def install() -> None:
    """Load ``resources/i18n/trygghet_<lang>.qm`` once, when it exists."""
    global _translator
    if _translator is not None:
        return
    qm = resource("i18n", f"trygghet_{language()}.qm")
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


def reinstall() -> None:
    """After the language setting changed: new docks and dialogs use the new language."""
    uninstall()
    install()
