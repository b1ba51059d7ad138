"""The plugin's languages: English in the code, Swedish as the shipped translation.

Every user-facing text is written in English in the code and the forms and goes through Qt's
translation (``tr``); ``resources/i18n/trygghet_sv.qm`` holds the Swedish (built from the .ts by
``make translations``). The ``language`` setting is "sv" (the default: Swedish users are who
the plugin is for), "en", or "auto" (QGIS's own locale: Swedish when QGIS runs in Swedish,
English otherwise).

Modules outside the GUI translate their messages with a function bound to a context::

    tr = translator("Store")
    raise StoreError(tr("The store {path} is locked.").format(path=path))

``tools/translations.py`` finds those calls (``tr = translator("…")``, ``def tr`` and
``QCoreApplication.translate("…", "…")``) and keeps the .ts files up to date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .paths import resource

try:
    from qgis.PyQt.QtCore import QCoreApplication
except ImportError:  # domain/ and analysis/ run without QGIS too (tests, scripts): English
    QCoreApplication = None  # type: ignore[assignment,misc]

if TYPE_CHECKING:
    from qgis.PyQt.QtCore import QTranslator

LANGUAGES = ("sv", "en", "auto")
#: Languages with a shipped translation (English is the source).
TRANSLATED = ("sv",)
_translator: QTranslator | None = None


def translator(context: str) -> Callable[[str], str]:
    """A ``tr(text)`` for one translation context (the text itself where Qt is absent)."""
    if QCoreApplication is None:
        return str

    def tr(text: str) -> str:
        return QCoreApplication.translate(context, text)

    return tr


def qgis_locale() -> str:
    from qgis.core import QgsApplication, QgsSettings

    value = QgsSettings().value("locale/userLocale", "") or QgsApplication.locale() or "sv"
    return str(value)[:2]


def language() -> str:
    """The two-letter language the plugin shows, from the ``language`` setting."""
    if QCoreApplication is None:
        return "en"  # without Qt nothing is translated: the texts stay as written
    from .settings import SettingsManager

    chosen = str(SettingsManager().get("language") or "sv").strip().lower()
    if chosen == "auto":
        return "sv" if qgis_locale() == "sv" else "en"
    return chosen if chosen in LANGUAGES else "sv"


def install() -> None:
    """Load ``resources/i18n/trygghet_<lang>.qm`` once, when the language needs one."""
    global _translator
    if _translator is not None or QCoreApplication is None:
        return
    lang = language()
    if lang not in TRANSLATED:
        return
    qm = resource("i18n", f"trygghet_{lang}.qm")
    if not qm.is_file():
        return
    from qgis.PyQt.QtCore import QTranslator

    loaded = QTranslator()
    if loaded.load(str(qm)):
        QCoreApplication.installTranslator(loaded)
        _translator = loaded


def uninstall() -> None:
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None


def reinstall() -> None:
    """After the language setting changed: new docks and dialogs use the new language."""
    uninstall()
    install()
