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
