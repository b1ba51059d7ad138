"""One error base: every error the plugin raises for the user derives from TrygghetError, and
one rule (errors.USER_ERRORS) decides what the doors show as a plain message."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from trygghet_plugin.errors import TrygghetError, is_user_error

PACKAGE = Path(__file__).resolve().parents[2] / "trygghet_plugin"
# Cancelling is the user's act, not an error to show (the lägesbild build, the request in flight).
NOT_USER_ERRORS = {"CancelledError", "RequestCancelledError"}


def _error_classes() -> list[tuple[str, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name.endswith("Error"):
                found.append((module, node.name))
    return found


def test_every_error_class_derives_from_the_one_base():
    classes = [(m, n) for m, n in _error_classes()
               if n not in NOT_USER_ERRORS and n != "TrygghetError"]
    assert len(classes) >= 7
    for module, name in classes:
        cls = getattr(importlib.import_module(module), name)
        assert issubclass(cls, TrygghetError), f"{module}.{name}"


def test_the_errors_module_imports_nothing_of_the_project():
    tree = ast.parse((PACKAGE / "errors.py").read_text(encoding="utf-8"))
    imports = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert all(isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in imports)


def test_a_users_error_is_told_apart_from_a_bug():
    from trygghet_plugin.analysis.periods import PeriodError
    from trygghet_plugin.sources.http import SourceError
    from trygghet_plugin.store import StoreError

    assert is_user_error(SourceError("Servern svarar inte."))
    assert is_user_error(StoreError("Lagret kan inte öppnas."))
    assert is_user_error(PeriodError("Ingen sådan period."))
    assert is_user_error(FileNotFoundError("nej.csv"))
    assert not is_user_error(KeyError("a bug"))
    assert not is_user_error(TypeError("a bug"))


def test_the_plugin_does_not_import_the_sample_generator():
    """trygghet_sample (the demo's, the tests' and the benchmarks' kommun) is not in the zip."""
    for path in PACKAGE.rglob("*.py"):
        assert "trygghet_sample" not in path.read_text(encoding="utf-8"), path
