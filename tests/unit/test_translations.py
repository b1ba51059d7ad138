"""Every text a user sees in the docks, actions and menus has its English translation: the
Swedish texts in the code and forms are the source, resources/i18n/trygghet_en.ts the
translation, and a missing or unfinished one fails here."""

from __future__ import annotations

import ast
import shutil

import pytest

from tools import translations

TS = translations.ts_file("en")


def test_the_english_ts_is_complete():
    messages = translations.read_ts(TS)
    assert messages, f"{TS} holds no messages"
    missing = [key for key, text in messages.items() if not text]
    assert missing == [], "untranslated in trygghet_en.ts (python -m tools.translations update)"


def test_every_translatable_text_is_in_the_ts():
    in_ts = set(translations.read_ts(TS))
    missing = [key for key in translations.all_messages() if key not in in_ts]
    assert missing == [], "new texts not in trygghet_en.ts: run python -m tools.translations update"


def test_the_scan_finds_the_tr_calls_of_every_module():
    """A small independent AST scan: each tr()/translate() literal of gui/ and plugin.py is
    among the messages (so the extractor cannot silently miss a module)."""
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
    assert {"Synka rapporter", "Hjälp", "Visa avvisade", "Skapa lägesbild"} <= sources


def test_placeholders_survive_translation():
    import string

    for (_context, source), text in translations.read_ts(TS).items():
        fields = {f for _, f, _, _ in string.Formatter().parse(source) if f}
        if "{" in source and fields:
            assert {f for _, f, _, _ in string.Formatter().parse(text) if f} <= fields, source


@pytest.mark.skipif(translations.lrelease() is None, reason="lrelease (qttools5-dev-tools) missing")
def test_the_compiled_qm_translates(tmp_path):
    from qgis.PyQt.QtCore import QTranslator

    ts = tmp_path / "trygghet_en.ts"
    shutil.copy(TS, ts)
    qm = tmp_path / "trygghet_en.qm"
    import subprocess

    subprocess.run([translations.lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    # QTranslator.translate() takes Latin-1 here; the non-ASCII texts are tested through
    # QCoreApplication.translate in tests/qgis/test_plugin_lifecycle.py.
    assert translator.translate("SyncDock", "Synka nu") == "Sync now"
    assert translator.translate("TrygghetPlugin", "Filter") == "Filter"


@pytest.mark.skipif(translations.lrelease() is None, reason="lrelease (qttools5-dev-tools) missing")
def test_the_zip_ships_the_qm_and_the_guide_but_not_the_ts(tmp_path):
    import zipfile

    from tools import package

    names = zipfile.ZipFile(package.build(tmp_path)).namelist()
    assert "trygghet_plugin/resources/i18n/trygghet_en.qm" in names
    assert "trygghet_plugin/docs/guide.md" in names
    assert "trygghet_plugin/forms/settings_page.ui" in names
    assert not [n for n in names if n.endswith(".ts")]
