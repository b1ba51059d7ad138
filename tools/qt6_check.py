"""`make lint`'s Qt6 check: fails on what QGIS's PyQt5 → PyQt6 migration script would rewrite.

QGIS 4 runs on Qt6 (PyQt6), which drops what PyQt5 tolerated. QGIS ships a script that rewrites
a plugin for it (scripts/pyqt5_to_pyqt6 in the QGIS repository); this check reports the same
things without rewriting anything, so the code stays valid on QGIS 3.22 *and* Qt6:

- Q601 unscoped enum values of Qt and QGIS classes (``Qt.UserRole`` → ``Qt.ItemDataRole.UserRole``);
  found by asking the installed PyQt/PyQGIS which enum a value belongs to. When this QGIS has
  only the unscoped form (the scoped one does not exist yet), the use is allowed and listed
  with ``--list``.
- Q602 enum values Qt6 removed under their old name
  (``Qt.MidButton`` → ``Qt.MouseButton.MiddleButton``).
- Q603 ``QVariant.Int`` & co. as types: Qt6 wants ``QMetaType.Type``; fields are made through
  ``trygghet_plugin.layers.fields``, the one place allowed to name them (``# qt6: ok``).
- Q604 ``QVariant()`` as NULL (use ``qgis.core.NULL``), Q605 ``exec_`` (use ``exec``),
  Q606 ``PyQt5`` imports (use ``qgis.PyQt``), Q607 ``qApp``, Q608 ``QRegExp``,
  Q609 ``resources_rc``, Q610 ``qgis.PyQt.Qt``, Q611 ``QFontMetrics.width``,
  Q612 ``activated[str]``, Q613 ``desktop()``/``QDesktopWidget``, Q614 ``addAction`` with
  four or more arguments, Q615 ``QDateTime`` from eight numbers or from a bare ``QDate``,
  Q616 ``QVariant.Type.X``, Q617 ``QAction`` & co. from QtWidgets (Qt6 has them in QtGui).

A line that must keep one of these (a compat branch for QGIS 3) says ``# qt6: ok``.

    python -m tools.qt6_check [--list] [PATH ...]
    (default: trygghet_plugin trygghet_sample tests tools bench)
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = ("trygghet_plugin", "trygghet_sample", "tests", "tools", "bench")
PRAGMA = "# qt6: ok"


@dataclass(frozen=True)
class EnumFact:
    """What the installed Qt/QGIS says of ``Class.Member``: an enum value of ``enum``."""

    enum: str
    #: The scoped spelling that works on this QGIS (``Qt.ItemDataRole.UserRole``); None where
    #: this QGIS has only the unscoped form.
    replacement: str | None


#: (class name, member) → the enum it belongs to, or None when it is no enum value.
EnumLookup = Callable[[str, str], Optional[EnumFact]]


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    code: str
    message: str
    #: False for what is listed but allowed (3.22 has only the unscoped enum).
    fails: bool = True

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col + 1}: {self.code} {self.message}"


# Enum values Qt6 removed; their replacement has another name (facts from Qt's docs).
RENAMED_ENUMS = {
    ("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
    ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
    ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole",
    ("QPainter", "HighQualityAntialiasing"): "QPainter.RenderHint.Antialiasing",
}

# QVariant.Type names whose QMetaType.Type member is called otherwise.
QMETATYPE_NAMES = {
    "Invalid": "UnknownType", "BitArray": "QBitArray", "ByteArray": "QByteArray",
    "Char": "QChar", "Color": "QColor", "Date": "QDate", "DateTime": "QDateTime",
    "Font": "QFont", "Hash": "QVariantHash", "Icon": "QIcon", "Image": "QImage",
    "List": "QVariantList", "Map": "QVariantMap", "Point": "QPoint", "PointF": "QPointF",
    "Rect": "QRect", "RectF": "QRectF", "Size": "QSize", "SizeF": "QSizeF",
    "String": "QString", "StringList": "QStringList", "Time": "QTime", "Url": "QUrl",
    "Uuid": "QUuid", "UserType": "User",
}  # fmt: skip

# Classes Qt6 moved from QtWidgets to QtGui (imported from QtWidgets only as a Qt5 fallback).
MOVED_TO_QTGUI = (
    "QAction",
    "QActionGroup",
    "QShortcut",
    "QFileSystemModel",
    "QUndoCommand",
    "QUndoGroup",
    "QUndoStack",
)

REMOVED_IMPORTS = {
    "QRegExp": ("Q608", "QRegExp is gone in Qt6: use QRegularExpression"),
    "QDesktopWidget": ("Q613", "QDesktopWidget is gone in Qt6: use QGuiApplication.screens()"),
    "qApp": ("Q607", "qApp is gone in PyQt6: use QApplication.instance()"),
}  # fmt: skip


def _is_qt_module(module: str) -> bool:
    return module == "qgis" or module.startswith(("qgis.", "PyQt5", "PyQt6"))


def check_source(
    source: str, path: str = "<snippet>", lookup: EnumLookup | None = None
) -> list[Finding]:
    """The findings in one file's text; ``lookup`` tells enum values (None: enums not checked)."""
    tree = ast.parse(source, filename=path)
    lines = source.splitlines()
    found = [f for f in _visit(tree, path, lookup) if not _silenced(lines, f.line)]
    return sorted(found, key=lambda f: (f.line, f.col, f.code))


def _silenced(lines: list[str], line: int) -> bool:
    return 0 < line <= len(lines) and PRAGMA in lines[line - 1]


def _qt_names(tree: ast.AST) -> set[str]:
    """Names the file imports from Qt or QGIS: only those are looked up as enum owners."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and _is_qt_module(node.module):
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def _visit(tree: ast.AST, path: str, lookup: EnumLookup | None) -> Iterator[Finding]:
    qt_names = _qt_names(tree)
    # An attribute that is itself the owner of a further attribute (Qt.ItemDataRole in
    # Qt.ItemDataRole.UserRole) is not a value: only the outermost is judged.
    owners = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    fallbacks = _import_fallbacks(tree)
    for node in ast.walk(tree):

        def at(code: str, message: str, fails: bool = True, where: ast.AST = node) -> Finding:
            return Finding(path, where.lineno, where.col_offset, code, message, fails)  # type: ignore[attr-defined]

        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.startswith("PyQt5"):
                yield at("Q606", f"import from {module}: import from qgis.PyQt instead")
            if module == "qgis.PyQt.Qt":
                yield at("Q610", "qgis.PyQt.Qt is gone in Qt6: import Qt from qgis.PyQt.QtCore")
            for alias in node.names:
                if (
                    module.endswith("QtWidgets")
                    and alias.name in MOVED_TO_QTGUI
                    and id(node) not in fallbacks
                ):
                    yield at(
                        "Q617",
                        f"{alias.name} is in QtGui in Qt6: import it from "
                        "qgis.PyQt.QtGui, with QtWidgets as the ImportError fallback",
                    )
                if alias.name in REMOVED_IMPORTS:
                    yield at(*REMOVED_IMPORTS[alias.name])
                if alias.name == "resources_rc":
                    yield at(
                        "Q609", "compiled resources are gone in Qt6: load icons and forms by path"
                    )
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("PyQt5"):
                    yield at("Q606", f"import {alias.name}: import from qgis.PyQt instead")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "exec_":
            yield at("Q605", "def exec_: PyQt6 calls exec")
        elif isinstance(node, ast.Call):
            yield from _visit_call(node, at)
        elif isinstance(node, ast.Subscript):
            value, index = node.value, node.slice
            if (
                isinstance(value, ast.Attribute)
                and value.attr == "activated"
                and isinstance(index, ast.Name)
                and index.id == "str"
            ):
                yield at("Q612", "activated[str] is gone in Qt6: use textActivated")
        elif isinstance(node, ast.Name) and node.id == "qApp" and isinstance(node.ctx, ast.Load):
            yield at("Q607", "qApp is gone in PyQt6: use QApplication.instance()")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            yield from _visit_attribute(
                node, node.value.id, id(node) in owners, qt_names, lookup, at
            )


def _import_fallbacks(tree: ast.AST) -> set[int]:
    """The imports in an ``except ImportError`` branch: the Qt5 fallback of a Qt6 import."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        for handler in node.handlers:
            caught = handler.type
            names = (caught.elts if isinstance(caught, ast.Tuple) else [caught]) if caught else []
            if caught is None or any(
                isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError")
                for n in names
            ):
                found.update(
                    id(n)
                    for stmt in handler.body
                    for n in ast.walk(stmt)
                    if isinstance(n, ast.ImportFrom)
                )
    return found


def _visit_call(node: ast.Call, at: Callable[..., Finding]) -> Iterator[Finding]:
    func = node.func
    if isinstance(func, ast.Attribute):
        if func.attr == "exec_":
            yield at("Q605", "exec_() is gone in PyQt6: call exec()")
        elif func.attr == "addAction" and len(node.args) >= 4:
            yield at(
                "Q614", "addAction with 4+ arguments breaks in Qt6: make the QAction, then add it"
            )
        elif func.attr == "desktop" and not node.args:
            yield at("Q613", "QApplication.desktop() is gone in Qt6: use QScreen")
        elif func.attr == "width" and isinstance(func.value, ast.Call):
            maker = func.value.func
            if (isinstance(maker, ast.Attribute) and maker.attr == "fontMetrics") or (
                isinstance(maker, ast.Name) and maker.id in ("QFontMetrics", "QFontMetricsF")
            ):
                yield at("Q611", "QFontMetrics.width() is gone in Qt6: use horizontalAdvance()")
    elif isinstance(func, ast.Name):
        if func.id == "QVariant" and (
            not node.args
            or (
                len(node.args) == 1
                and isinstance(node.args[0], ast.Attribute)
                and isinstance(node.args[0].value, ast.Name)
                and node.args[0].value.id == "QVariant"
            )
        ):
            yield at("Q604", "QVariant() as NULL: use qgis.core.NULL")
        elif func.id == "QDateTime":
            first = node.args[0] if node.args else None
            if len(node.args) == 8 or (
                len(node.args) == 1
                and isinstance(first, ast.Call)
                and isinstance(first.func, ast.Name)
                and first.func.id == "QDate"
            ):
                yield at(
                    "Q615",
                    "this QDateTime constructor is gone in Qt6: QDateTime(QDate(..), QTime(..))",
                )


def _visit_attribute(
    node: ast.Attribute,
    owner: str,
    is_owner: bool,
    qt_names: set[str],
    lookup: EnumLookup | None,
    at: Callable[..., Finding],
) -> Iterator[Finding]:
    member = node.attr
    if owner == "QVariant":
        if member == "Type":
            if is_owner:
                yield at("Q616", "QVariant.Type.X does not exist: use QMetaType.Type")
        elif member[:1].isupper() and not is_owner:
            target = QMETATYPE_NAMES.get(member, member)
            yield at(
                "Q603",
                f"QVariant.{member} as a type is gone in Qt6: QMetaType.Type.{target} "
                "(fields: trygghet_plugin.layers.fields)",
            )
        return
    if (owner, member) in RENAMED_ENUMS:
        yield at("Q602", f"{owner}.{member} is gone in Qt6: use {RENAMED_ENUMS[owner, member]}")
        return
    if is_owner or lookup is None or owner not in qt_names or not member[:1].isupper():
        return
    fact = lookup(owner, member)
    if fact is None:
        return
    if fact.replacement:
        yield at("Q601", f"unscoped enum {owner}.{member}: use {fact.replacement}")
    else:
        yield at(
            "Q601",
            f"unscoped enum {owner}.{member} kept: this QGIS has no scoped {fact.enum}.{member}",
            fails=False,
        )


def live_lookup() -> EnumLookup:
    """Enum facts from the installed PyQt and PyQGIS (what QGIS's script reads from PyQt6)."""
    import enum
    import importlib

    names: dict[str, object] = {}
    for module in (
        "qgis.PyQt.QtCore",
        "qgis.PyQt.QtGui",
        "qgis.PyQt.QtWidgets",
        "qgis.PyQt.QtNetwork",
        "qgis.PyQt.QtXml",
        "qgis.PyQt.QtSvg",
        "qgis.PyQt.QtPrintSupport",
        "qgis.PyQt.QtSql",
        "qgis.PyQt.QtTest",
        "qgis.core",
        "qgis.gui",
        "qgis.analysis",
    ):
        try:
            names.update(vars(importlib.import_module(module)))
        except ImportError:
            continue

    def is_enum_type(kind: type) -> bool:
        # sip's enums (Qt5) have the metatype sip.enumtype; QGIS's Python-side enums are enum.Enum
        return type(kind).__name__ == "enumtype" or issubclass(kind, enum.Enum)

    @cache
    def lookup(owner_name: str, member: str) -> EnumFact | None:
        owner = names.get(owner_name)
        if not isinstance(owner, type):
            return None
        try:
            value = getattr(owner, member)
        except AttributeError:
            return None
        kind = type(value)
        if isinstance(value, type) or kind is owner or not is_enum_type(kind):
            return None
        # The enum under the class used (Qt.ItemDataRole) or where it is defined (an enum that
        # moved to Qgis keeps its old values on the old class: Qgis.VectorTemporalMode).
        for spelled in (f"{owner_name}.{kind.__name__}", kind.__qualname__):
            if resolve(f"{spelled}.{member}") is not None:
                return EnumFact(kind.__qualname__, f"{spelled}.{member}")
        # A value that moved to Qgis lost its prefix there (ModeX → Qgis.VectorTemporalMode.X).
        for name in dir(kind):
            if member.endswith(name) and name[:1].isupper() and getattr(kind, name) == value:
                return EnumFact(kind.__qualname__, f"{kind.__qualname__}.{name}")
        return EnumFact(kind.__qualname__, None)

    def resolve(dotted: str) -> object | None:
        head, *rest = dotted.split(".")
        found = names.get(head)
        for part in rest:
            found = getattr(found, part, None)
        return found

    return lookup


def python_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.py") if ".venv" not in p.parts)
        elif path.suffix == ".py":
            yield path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.qt6_check", description=__doc__.split("\n")[0]
    )
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--list", action="store_true", help="also list the allowed unscoped enums")
    args = parser.parse_args(argv)
    paths = args.paths or [ROOT / p for p in DEFAULT_PATHS]
    lookup = live_lookup()
    failing = allowed = 0
    for file in python_files(paths):
        shown = file.relative_to(ROOT) if file.is_relative_to(ROOT) else file
        for finding in check_source(file.read_text(encoding="utf-8"), str(shown), lookup):
            if finding.fails:
                failing += 1
                print(finding)
            else:
                allowed += 1
                if args.list:
                    print(f"{finding} (allowed)")
    sys.stdout.flush()
    if failing:
        print(f"qt6_check: {failing} thing(s) PyQt6 / QGIS 4 will not take", file=sys.stderr)
        return 1
    print(f"qt6_check: clean ({allowed} unscoped enum(s) kept where this QGIS has no scoped form)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
