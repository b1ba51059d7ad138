"""The packaged plugin in the real qgis_process binary, with a throw-away profile."""

from __future__ import annotations

import pytest

from tools import package, profile
from tools.oapif_server import OapifServer
from tools.qgis_process import QgisProcessError, call, loaded_plugins, run_algorithm
from trygghet_sample import write_sample

pytestmark = pytest.mark.qgis_process


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    """A QGIS_CUSTOM_CONFIG_PATH with the zip from `make package` installed and enabled."""
    root = tmp_path_factory.mktemp("qgis_process")
    zip_path = package.build(root / "dist")
    config = root / "config"
    profile.install_zip(zip_path, config / "profiles" / "default")
    return config


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory):
    return write_sample(tmp_path_factory.mktemp("sample"), size=1500, seed=3)


def test_the_zip_has_one_top_folder_with_everything_qgis_needs(tmp_path):
    import zipfile

    zip_path = package.build(tmp_path)
    assert zip_path.name == f"trygghet_plugin-{package.version()}.zip"
    names = zipfile.ZipFile(zip_path).namelist()
    assert {n.split("/")[0] for n in names} == {"trygghet_plugin"}
    for needed in ("trygghet_plugin/__init__.py", "trygghet_plugin/metadata.txt",
                   "trygghet_plugin/LICENSE", "trygghet_plugin/resources/taxonomy.json",
                   "trygghet_plugin/resources/icons/trygghet.svg"):
        assert needed in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    # The sample kommun's generator is for the demo, the tests and the benchmarks: not shipped.
    assert not [n for n in names if "sample" in n and n.endswith(".py")]


def test_qgis_process_loads_the_plugin_and_lists_its_algorithms(config):
    assert "trygghet_plugin" in loaded_plugins(config)
    listing = call(["list"], config).stdout
    assert "trygghet:syncreports" in listing
    assert "trygghet:makeproject" in listing


def test_sync_and_project_headless(config, sample_files, tmp_path):
    store = tmp_path / "nassjo.gpkg"
    with OapifServer(sample_files["reports"], "reports") as server:
        params = {"SOURCE": "oapif", "URL": server.url, "COLLECTION": "reports",
                  "STORE": store}
        first = run_algorithm("trygghet:syncreports", params, config)
        second = run_algorithm("trygghet:syncreports", params, config)
    assert (first["NEW"], first["TOTAL"]) == (1500, 1500)
    assert (second["NEW"], second["UPDATED"], second["UNCHANGED"]) == (0, 0, 1500)
    project = tmp_path / "lagesbild.qgz"
    out = run_algorithm("trygghet:makeproject", {"STORE": store, "OUTPUT": project}, config)
    assert out["OUTPUT"] == str(project) and project.stat().st_size > 1000


def test_a_bad_url_fails_with_a_message_not_a_traceback(config, tmp_path):
    with pytest.raises(QgisProcessError) as info:
        run_algorithm("trygghet:syncreports",
                      {"SOURCE": "oapif", "URL": "https://no-such-host.invalid/api",
                       "STORE": tmp_path / "s.gpkg"}, config)
    message = str(info.value)
    assert "DNS" in message
    assert "Traceback" not in message
