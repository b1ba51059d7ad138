"""A store on a read-only file system (a share mounted read-only, a copy on a DVD) opens for
reading: the lägesbild and the board analysis are made from it, its layers open; a sync into
it is refused with a message, not a sqlite3 traceback.

The read-only place is a real read-only bind mount (root can write to any file whose mode
says read-only, so permissions alone would not test it); without the right to mount, the test
is skipped."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def read_only_store(tmp_path_factory):
    from trygghet_plugin.store import open_store
    from trygghet_sample import generate

    source = tmp_path_factory.mktemp("rw")
    with open_store(source / "nassjo.gpkg") as store:
        sample = generate(size=3000, seed=11)
        store.upsert_incidents(sample.iter_incidents())
        store.upsert_areas(sample.store_areas())
    target = tmp_path_factory.mktemp(f"ro-{uuid.uuid4().hex[:6]}")
    if not (_mount("--bind", str(source), str(target))
            and _mount("-o", "remount,ro,bind", str(target))):
        _mount_cleanup(target)
        pytest.skip("no right to make a read-only bind mount here")
    try:
        yield target / "nassjo.gpkg"
    finally:
        _mount_cleanup(target)
        shutil.rmtree(source, ignore_errors=True)


def _mount_cleanup(target: Path) -> None:
    # Lazy: a layer or connection still open must not leave the mount behind.
    subprocess.run(["umount", "-l", str(target)], capture_output=True)


def test_the_file_system_really_is_read_only(read_only_store):
    with pytest.raises(OSError):
        (read_only_store.parent / "probe.txt").write_text("x")


def test_reading_works(read_only_store):
    from trygghet_plugin.store import open_store

    with open_store(read_only_store, create=False) as store:
        assert store.count("incidents") > 0 and store.areas()
        source = store.layer_source("incidents")
    layer = QgsVectorLayer(source.uri, "Händelser", source.provider)
    assert layer.isValid() and layer.featureCount() > 0


def test_the_lagesbild_and_the_board_analysis_are_made(provider_loaded, read_only_store,
                                                       tmp_path):
    import processing

    out = tmp_path / "lagesbild.pdf"
    result = processing.run("trygghet:lagesbild", {"STORE": str(read_only_store),
                                                   "PERIOD_END": "2026-10-25",
                                                   "OUTPUT": str(out)})
    assert result["PAGES"] == 3 and out.stat().st_size > 0
    board = tmp_path / "namnd.pdf"
    processing.run("trygghet:boardanalysis", {"STORE": str(read_only_store),
                                              "TERTIAL": "2026-T2", "OUTPUT": str(board)})
    assert board.stat().st_size > 0


def test_a_sync_into_it_is_refused_with_a_message(provider_loaded, read_only_store, tmp_path):
    import processing

    export = tmp_path / "export.csv"
    export.write_text("Ärende;Händelsetyp;Tidpunkt;Lat;Lon\n1;Klotter;2025-06-07 21:14;57,6531;"
                      "14,6968\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="skrivskyddad"):
        processing.run("trygghet:syncreports", {"SOURCE": "file", "FILE": str(export),
                                                "STORE": str(read_only_store)})
