"""Shared fixtures. pytest-qgis starts a headless QGIS (offscreen) with a throw-away profile."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def swedish_qm():
    """The Swedish translation, built from the .ts when it is missing or older."""
    from tools import translations

    if translations.lrelease() is not None:
        translations.build(only_missing=True)
    return translations.qm_file("sv")


@pytest.fixture(autouse=True)
def swedish_ui(swedish_qm):
    """Every test sees what users see by default: the plugin in Swedish (the code's texts are
    English, the Swedish comes from the translation). A test may switch the language."""
    from trygghet_plugin import i18n

    i18n.install()
    yield


@pytest.fixture(autouse=True)
def running_clock():
    """Each test starts with the plugin's clock running (a test that fixed it leaves no
    trace)."""
    from trygghet_plugin.domain import clock

    clock.set_now(None)
    yield
    clock.set_now(None)


@pytest.fixture
def clock_at():
    """Fix the plugin's clock: ``clock_at(date(2026, 11, 2))``. A test about "the last
    complete period" or "now" sets the day it means instead of following the calendar."""
    from trygghet_plugin.domain import clock

    return clock.set_now


@pytest.fixture(scope="session")
def taxonomy():
    from trygghet_plugin.domain.taxonomy import Taxonomy
    from trygghet_plugin.paths import taxonomy_file

    return Taxonomy.load(taxonomy_file())


@pytest.fixture
def store_path(tmp_path) -> Path:
    return tmp_path / "nassjo.gpkg"


@pytest.fixture
def store(store_path):
    from trygghet_plugin.store import open_store

    with open_store(store_path) as s:
        yield s
