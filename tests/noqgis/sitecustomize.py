"""Put first on PYTHONPATH, this makes ``import qgis`` (and PyQt, sip) fail in that Python, as on
a machine without QGIS: `make test-noqgis` runs the unit tests marked ``noqgis`` that way."""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder

BLOCKED = ("qgis", "PyQt5", "PyQt6", "sip", "pytest_qgis")


class _NoQgis(MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {fullname!r} (blocked: no QGIS here)")
        return None


sys.meta_path.insert(0, _NoQgis())
