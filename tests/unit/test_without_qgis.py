"""domain/ and analysis/ work where QGIS is not installed (DESIGN.md: "domain: no Qt, no QGIS").

Each test starts a plain Python whose ``import qgis`` (and PyQt, sip) fails, by putting
tests/noqgis/sitecustomize.py first on its PYTHONPATH, as on a machine without QGIS.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BLOCKER = ROOT / "tests" / "noqgis"


def run_without_qgis(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(BLOCKER), str(ROOT)]))
    env.pop("TRYGGHET_NOW", None)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_the_blocker_makes_import_qgis_fail():
    done = run_without_qgis("-c", "import qgis.core")
    assert done.returncode != 0
    assert "blocked: no QGIS here" in done.stderr


def test_every_domain_and_analysis_module_imports_and_works_without_qgis():
    script = textwrap.dedent("""
        import importlib, json, pkgutil, sys
        from datetime import date
        import trygghet_plugin.analysis as analysis
        import trygghet_plugin.domain as domain

        names = []
        for package in (domain, analysis):
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
                importlib.import_module(info.name)
                names.append(info.name)
        from trygghet_plugin.analysis.change import compare_counts
        from trygghet_plugin.analysis.periods import PeriodError, period_containing
        from trygghet_plugin.i18n import translator

        change = compare_counts(30, 10)
        try:
            period_containing(date(2026, 11, 4), 14, first_start=date(2024, 1, 3))
            message = ""
        except PeriodError as error:
            message = str(error)
        print(json.dumps({
            "modules": names,
            "qt_loaded": sorted(m for m in sys.modules if m.split(".")[0] in ("qgis", "PyQt5")),
            "tr": translator("Store")("The store is locked."),
            "significant": bool(change.significant),
            "period_error": message,
        }))
    """)
    done = run_without_qgis("-c", script)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert "trygghet_plugin.domain.incident" in seen["modules"]
    assert "trygghet_plugin.analysis.gistar" in seen["modules"]
    assert len(seen["modules"]) >= 20
    assert seen["qt_loaded"] == []
    assert seen["tr"] == "The store is locked."  # English as written: no Qt to translate
    assert seen["significant"] is True  # 30 against 10 is a real change
    assert "Monday" in seen["period_error"]  # a user's mistake still gets its message


@pytest.mark.slow
def test_the_unit_tests_marked_noqgis_pass_without_qgis():
    # As `make test-noqgis`; without pytest-qgis its ini option is unknown, which is no fault.
    done = run_without_qgis("-m", "pytest", "-q", "-p", "no:pytest_qgis", "-p", "no:cacheprovider",
                            "-W", "ignore::pytest.PytestConfigWarning",
                            "-m", "noqgis", "tests/unit")
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in last and "failed" not in last and "error" not in last
