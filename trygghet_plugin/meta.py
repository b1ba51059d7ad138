"""The plugin's metadata, read from metadata.txt: the single source of the version."""

from __future__ import annotations

import configparser
from functools import lru_cache

from .paths import metadata_file

PLUGIN_NAME = "Trygghet"
PROVIDER_ID = "trygghet"


@lru_cache(maxsize=1)
def metadata() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(metadata_file(), encoding="utf-8")
    return dict(parser["general"])


def version() -> str:
    return metadata()["version"]


def user_agent() -> str:
    return f"{PLUGIN_NAME}-QGIS-plugin/{version()} (+{metadata().get('homepage', '')})"
