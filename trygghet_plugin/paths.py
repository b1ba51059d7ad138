"""Where the plugin's resources and forms are: in the source tree and in the installed zip.

Source tree: ``<repo>/trygghet_plugin`` next to ``<repo>/resources``, ``<repo>/forms`` and
``<repo>/metadata.txt``. Installed: all of them inside the ``trygghet_plugin`` folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def plugin_root() -> Path:
    """The folder that holds metadata.txt, resources/ and forms/."""
    for candidate in (PACKAGE_DIR, PACKAGE_DIR.parent):
        if (candidate / "metadata.txt").is_file() and (candidate / "resources").is_dir():
            return candidate
    raise FileNotFoundError(f"metadata.txt and resources/ not found next to {PACKAGE_DIR}")


def resource(*parts: str) -> Path:
    return plugin_root().joinpath("resources", *parts)


def form(name: str) -> Path:
    return plugin_root().joinpath("forms", name)


def metadata_file() -> Path:
    return plugin_root() / "metadata.txt"


def taxonomy_file() -> Path:
    return resource("taxonomy.json")
