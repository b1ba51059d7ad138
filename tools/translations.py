"""The plugin's translations: find the translatable texts, keep the .ts files up to date and
compile them to .qm with Qt's ``lrelease``.

The source language is English; ``resources/i18n/trygghet_sv.ts`` holds the Swedish
translation, which is what users see by default. Texts come from two places:

- ``forms/*.ui``: every ``<string>`` not marked ``notr``, in the context of the form's class;
- data files the code translates (``DATA_FILES``: the police's not-event reasons);
- Python (every module of ``trygghet_plugin``): calls ``tr("…")`` (context: the literal in the
  module's ``def tr`` or in ``tr = translator("…")``), ``self.tr("…")`` in the Processing
  algorithms (context ``Processing``) and ``QCoreApplication.translate("Context", "…")``.

``python -m tools.translations update`` adds new texts to the .ts (as unfinished) and keeps the
translations there; ``python -m tools.translations merge FILE.json`` adds translations from
``[[context, source, translation], …]``; ``python -m tools.translations build`` writes the .qm
files.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("sv",)
SOURCE_LANGUAGE = "en"
PACKAGE = ROOT / "trygghet_plugin"
#: Context of ``self.tr()`` in the modules of a sub-package (their base class's ``tr``).
METHOD_CONTEXTS = {"processing": "Processing"}
FORMS = ROOT / "forms"


def ts_file(lang: str) -> Path:
    return I18N / f"trygghet_{lang}.ts"


def qm_file(lang: str) -> Path:
    return I18N / f"trygghet_{lang}.qm"


# -- finding the texts -------------------------------------------------------------------------
def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


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
        elif (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
              and _call_name(node.value) == "translator" and node.value.args
              and any(isinstance(t, ast.Name) and t.id == "tr" for t in node.targets)):
            module_context = _literal(node.value.args[0])
    relative = path.relative_to(PACKAGE).parts if path.is_relative_to(PACKAGE) else ()
    method_context = METHOD_CONTEXTS.get(relative[0]) if len(relative) > 1 else None
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _call_name(node)
        if name == "tr":
            text = _literal(node.args[0])
            context = module_context if isinstance(node.func, ast.Name) else method_context
            if text is not None:
                if context is None:
                    raise ValueError(f"{path}:{node.lineno}: tr() without a context "
                                     "(no 'def tr' or 'tr = translator(...)')")
                found.append((context, text))
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


#: Texts shipped in data files that the code passes through tr(): (file, context, reader).
DATA_FILES = (
    (ROOT / "resources" / "police" / "event_types.json", "Sources",
     lambda data: list(data.get("not_events", {}).values())),
)


def data_messages() -> list[tuple[str, str]]:
    """(context, text) of the shipped texts in DATA_FILES (a municipality's own additions to
    those files are shown as written)."""
    found = []
    for path, context, read in DATA_FILES:
        found += [(context, text) for text in read(json.loads(path.read_text(encoding="utf-8")))]
    return found


def all_messages() -> list[tuple[str, str]]:
    """Every translatable (context, text), in order, without duplicates."""
    seen: dict[tuple[str, str], None] = {}
    for path in sorted(FORMS.glob("*.ui")):
        seen.update(dict.fromkeys(form_messages(path)))
    for path in python_files():
        seen.update(dict.fromkeys(python_messages(path)))
    seen.update(dict.fromkeys(data_messages()))
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
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage=SOURCE_LANGUAGE)
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


def update(lang: str, extra: dict[tuple[str, str], str] | None = None) -> list[tuple[str, str]]:
    """Add new texts to the .ts of ``lang``, drop gone ones; returns the untranslated.

    ``extra`` holds translations to add (they win over the ones in the file)."""
    old = read_ts(ts_file(lang))
    old.update(extra or {})
    fresh = {key: old.get(key) for key in all_messages()}
    write_ts(ts_file(lang), lang, fresh)
    return [key for key, text in fresh.items() if not text]


def read_json(path: Path) -> dict[tuple[str, str], str]:
    """``[[context, source, translation], …]`` -> {(context, source): translation}."""
    return {(c, s): t for c, s, t in json.loads(path.read_text(encoding="utf-8")) if t}


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
    parser.add_argument("command", choices=("update", "merge", "build"))
    parser.add_argument("files", nargs="*", type=Path, help="JSON translations (merge)")
    args = parser.parse_args(argv)
    if args.command in ("update", "merge"):
        extra: dict[tuple[str, str], str] = {}
        for path in args.files:
            extra.update(read_json(path))
        for lang in LANGUAGES:
            missing = update(lang, extra)
            print(f"{ts_file(lang).relative_to(ROOT)}: {len(missing)} untranslated")
            for context, source in missing[:20]:
                print(f"   [{context}] {source[:90]!r}")
            if len(missing) > 20:
                print(f"   … and {len(missing) - 20} more")
        return 0
    for qm in build():
        print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
