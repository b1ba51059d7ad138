"""Every text a user sees has its Swedish translation: the English texts in the code and forms
are the source, resources/i18n/trygghet_sv.ts the translation (what users see by default), and
a missing or unfinished one fails here."""

from __future__ import annotations

import ast
import shutil

import pytest

from tools import translations

TS = translations.ts_file("sv")


def test_the_swedish_ts_is_complete():
    messages = translations.read_ts(TS)
    assert messages, f"{TS} holds no messages"
    missing = [key for key, text in messages.items() if not text]
    assert missing == [], "untranslated in trygghet_sv.ts (python -m tools.translations update)"


def test_every_translatable_text_is_in_the_ts():
    in_ts = set(translations.read_ts(TS))
    missing = [key for key in translations.all_messages() if key not in in_ts]
    assert missing == [], "new texts not in trygghet_sv.ts: run python -m tools.translations update"


def test_the_scan_finds_the_tr_calls_of_every_module():
    """A small independent AST scan: each tr()/translate() literal of the package is among the
    messages (so the extractor cannot silently miss a module)."""
    found = set()
    for path in translations.python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                args = [a.value for a in node.args[:2] if isinstance(a, ast.Constant)]
                if name == "tr" and args and isinstance(args[0], str):
                    found.add(args[0])
                elif name == "translate" and len(args) == 2:
                    found.add(args[1])
    sources = {text for _context, text in translations.read_ts(TS)}
    assert found and found <= sources, sorted(found - sources)
    assert {"Sync reports", "Help", "Show rejected", "Make situation picture"} <= sources


def test_placeholders_survive_translation():
    """Source and translation name the same {fields}: a field only the translation has would
    never be filled in English (or raise), one it drops loses information."""
    import string

    for (_context, source), text in translations.read_ts(TS).items():
        fields = {f for _, f, _, _ in string.Formatter().parse(source) if f}
        if "{" in source and fields:
            assert {f for _, f, _, _ in string.Formatter().parse(text) if f} <= fields, source
        assert {f for _, f, _, _ in string.Formatter().parse(text) if f} == fields, source


@pytest.mark.skipif(translations.lrelease() is None, reason="lrelease (qttools5-dev-tools) missing")
def test_the_compiled_qm_translates(tmp_path):
    from qgis.PyQt.QtCore import QTranslator

    ts = tmp_path / "trygghet_sv.ts"
    shutil.copy(TS, ts)
    qm = tmp_path / "trygghet_sv.qm"
    import subprocess

    subprocess.run([translations.lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    # QTranslator.translate() takes Latin-1 here; the non-ASCII texts are tested through
    # QCoreApplication.translate in tests/qgis/test_plugin_lifecycle.py.
    assert translator.translate("SyncDock", "Sync now") == "Synka nu"
    assert translator.translate("TrygghetPlugin", "Filter") == "Filter"


@pytest.mark.skipif(translations.lrelease() is None, reason="lrelease (qttools5-dev-tools) missing")
def test_the_zip_ships_the_qm_and_the_guide_but_not_the_ts(tmp_path):
    import zipfile

    from tools import package

    names = zipfile.ZipFile(package.build(tmp_path)).namelist()
    assert "trygghet_plugin/resources/i18n/trygghet_sv.qm" in names
    assert "trygghet_plugin/docs/guide.md" in names
    assert "trygghet_plugin/forms/settings_page.ui" in names
    assert not [n for n in names if n.endswith(".ts")]


# -- nothing a user reads bypasses the translation -----------------------------------------------
#: Exceptions whose text reaches the user (message bar, dock, Processing log).
USER_ERRORS = {"TrygghetError", "StoreError", "SourceError", "AnalysisError", "PeriodError",
               "LayoutError", "ExportError", "QgsProcessingException"}
#: Calls that put their text argument in front of the user.
USER_CALLS = {"setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setTitle",
              "pushInfo", "pushWarning", "reportError", "pushMessage", "_status", "_fail",
              "setProgressText", "setStatusTip", "createMessage"}


def _is_text(node) -> bool:
    """A literal or f-string with words in it (not "–", "0" or a path separator)."""
    import re

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        # The product's name is the same in every language.
        return node.value != "Trygghet" and bool(re.search(r"[A-Za-zÅÄÖåäö]{2,}", node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_is_text(v) for v in node.values)
    if isinstance(node, ast.BinOp):  # "…" + tr("…")
        return _is_text(node.left) or _is_text(node.right)
    return False


def untranslated_texts(path) -> list[str]:
    # The text items of the print layouts are the Swedish documents themselves (reports/):
    # only their error messages are checked there.
    documents = path.parent.name == "reports"
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        args = []
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            name = getattr(node.exc.func, "id", None) or getattr(node.exc.func, "attr", None)
            if name in USER_ERRORS:
                args = node.exc.args
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in USER_CALLS and not documents:
                args = node.args
        found += [f"{path.name}:{a.lineno}" for a in args if _is_text(a)]
    return found


def test_no_message_a_user_reads_bypasses_tr():
    """Error messages and texts put on widgets, the message bar or the Processing log go through
    tr(): a plain or f-string literal there would not be translated."""
    found = []
    for path in translations.python_files():
        found += untranslated_texts(path)
    assert found == []
