"""The plugin's translations: find the translatable texts, keep the .ts files up to date and
compile them to .qm with Qt's ``lrelease``.

The source language is Swedish (what users see by default); ``resources/i18n/trygghet_en.ts``
holds the English translation. Texts come from two places:

- ``forms/*.ui``: every ``<string>`` not marked ``notr``, in the context of the form's class;
- Python (``trygghet_plugin/plugin.py``, ``trygghet_plugin/gui/*.py``): calls
  ``tr("…")`` (context: the literal in the module's ``def tr``) and
  ``QCoreApplication.translate("Context", "…")``.

``python -m tools.translations update`` adds new texts to the .ts (as unfinished) and keeps the
translations there; ``python -m tools.translations build`` writes the .qm files.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("en",)
PY_SOURCES = ("trygghet_plugin/plugin.py", "trygghet_plugin/log.py", "trygghet_plugin/gui")
FORMS = ROOT / "forms"


def ts_file(lang: str) -> Path:
    return I18N / f"trygghet_{lang}.ts"


def qm_file(lang: str) -> Path:
    return I18N / f"trygghet_{lang}.qm"


# -- finding the texts -------------------------------------------------------------------------
def python_files() -> list[Path]:
    files: list[Path] = []
    for name in PY_SOURCES:
        path = ROOT / name
        files.extend(sorted(path.glob("*.py")) if path.is_dir() else [path])
    return files


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def python_messages(path: Path) -> list[tuple[str, str]]:
    """(context, text) of every tr()/translate() literal in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_context = None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and _call_name(call) == "translate" and call.args:
                    module_context = _literal(call.args[0])
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _call_name(node)
        if name == "tr" and isinstance(node.func, ast.Name):
            text = _literal(node.args[0])
            if text is not None:
                if module_context is None:
                    raise ValueError(f"{path}: tr() used but no 'def tr' with a context")
                found.append((module_context, text))
        elif name == "translate" and len(node.args) >= 2:
            context, text = _literal(node.args[0]), _literal(node.args[1])
            if context is not None and text is not None:
                found.append((context, text))
    return found


def form_messages(path: Path) -> list[tuple[str, str]]:
    """(context, text) of every translatable string of a Qt Designer form."""
    root = ET.parse(path).getroot()
    context = root.findtext("class") or path.stem
    found = []
    for element in root.iter("string"):
        if element.get("notr") == "true" or not (element.text or "").strip():
            continue
        found.append((context, element.text))
    return found


def all_messages() -> list[tuple[str, str]]:
    """Every translatable (context, text), in order, without duplicates."""
    seen: dict[tuple[str, str], None] = {}
    for path in sorted(FORMS.glob("*.ui")):
        seen.update(dict.fromkeys(form_messages(path)))
    for path in python_files():
        seen.update(dict.fromkeys(python_messages(path)))
    return list(seen)


# -- the .ts files -----------------------------------------------------------------------------
def read_ts(path: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation; None when it is missing or unfinished."""
    result: dict[tuple[str, str], str | None] = {}
    if not path.is_file():
        return result
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            unfinished = translation is not None and translation.get("type") in (
                "unfinished", "obsolete", "vanished")
            result[(name, source)] = None if unfinished or not text else text
    return result


def write_ts(path: Path, lang: str, translations: dict[tuple[str, str], str | None]) -> None:
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="sv")
    contexts: dict[str, ET.Element] = {}
    for (context, source), text in translations.items():
        element = contexts.get(context)
        if element is None:
            element = contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(element, "name").text = context
        message = ET.SubElement(element, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if text:
            translation.text = text
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def guess(source: str) -> str | None:
    """The English half of a bilingual "svenska / English" text, when there is one."""
    if " / " in source:
        english = source.split(" / ", 1)[1].strip()
        return english or None
    return None


def update(lang: str) -> list[tuple[str, str]]:
    """Add new texts to the .ts of ``lang``, drop gone ones; returns the untranslated."""
    old = read_ts(ts_file(lang))
    fresh = {key: old.get(key) or guess(key[1]) for key in all_messages()}
    write_ts(ts_file(lang), lang, fresh)
    return [key for key, text in fresh.items() if not text]


# -- compiling ---------------------------------------------------------------------------------
def lrelease() -> str | None:
    for name in ("lrelease", "lrelease-qt5"):
        found = shutil.which(name)
        if found:
            return found
    qt5 = Path("/usr/lib/qt5/bin/lrelease")
    return str(qt5) if qt5.is_file() else None


def build(*, only_missing: bool = False) -> list[Path]:
    """Compile every .ts to its .qm; returns the .qm files written."""
    tool = lrelease()
    written = []
    for ts in sorted(I18N.glob("trygghet_*.ts")):
        qm = ts.with_suffix(".qm")
        if only_missing and qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if tool is None:
            raise RuntimeError("lrelease not found: install qttools5-dev-tools (make setup)")
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("update", "build"))
    args = parser.parse_args(argv)
    if args.command == "update":
        for lang in LANGUAGES:
            missing = update(lang)
            print(f"{ts_file(lang).relative_to(ROOT)}: {len(missing)} untranslated")
            for context, source in missing:
                print(f"   [{context}] {source!r}")
        return 0
    for qm in build():
        print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
