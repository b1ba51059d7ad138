"""A pygeoapi server that *does* apply ``datetime=``: the TinyDB provider.

`tools.oapif_server` serves files with pygeoapi's GeoJSON/OGR/SQLiteGPKG providers, which
ignore ``datetime`` (tools/README.md, finding 1). Clients must also be right against a
server that honours it, so this variant converts a GeoJSON file into a TinyDB database in
the work directory and serves it with pygeoapi's TinyDB provider, whose ``time_field``
(``updated_at``) filters ``datetime=start/..`` by comparing the ISO text. Everything else
(subprocess, readiness, stop) is `tools.oapif_server`'s.

    with HonouringOapifServer(Path("reports.geojson"), "reports") as server:
        server.honours_datetime  # True

It reads the whole database for each request: for tests with a few thousand features.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from tools import oapif_server as base

DB_NAME = "reports.tinydb.json"
OPTIONS_NAME = "honouring-options.json"


def to_tinydb(geojson: Path, db_path: Path, id_field: str = "id") -> int:
    """Write the features of ``geojson`` as a TinyDB table; returns how many."""
    doc = json.loads(Path(geojson).read_text(encoding="utf-8"))
    table = {}
    for n, feature in enumerate(doc["features"], start=1):
        props = feature.get("properties") or {}
        table[str(n)] = {"type": "Feature", "id": props.get(id_field, n),
                         "geometry": feature.get("geometry"), "properties": props}
    db_path.write_text(json.dumps({"_default": table}, ensure_ascii=False), encoding="utf-8")
    return len(table)


def build_config(data: Path, collection: str, url: str, workdir: Path, **kwargs: Any
                 ) -> dict[str, Any]:
    """`tools.oapif_server.build_config` for the GeoJSON file, with TinyDB as provider."""
    kwargs["provider"] = "GeoJSON"
    config = _original_build_config(data, collection, url, workdir, **kwargs)
    db_path = workdir / DB_NAME
    to_tinydb(Path(data), db_path, kwargs.get("id_field", "id"))
    resource = config["resources"][collection]
    provider = resource["providers"][0]
    resource["providers"] = [{
        "type": "feature", "name": "TinyDB", "editable": False, "data": str(db_path),
        "id_field": provider["id_field"], "time_field": base.DEFAULT_TIME_FIELD}]
    options_path = workdir / OPTIONS_NAME
    options = json.loads(options_path.read_text()) if options_path.is_file() else {}
    begin, end = (_rfc3339(t) for t in options.get("temporal_extent") or (None, None))
    # A bounded extent makes pygeoapi answer 400 "datetime parameter out of range" for an
    # interval wholly outside it, as some real services are configured.
    resource["extents"]["temporal"] = {"begin": begin, "end": end}
    if options.get("on_exceed"):
        config["server"]["limits"]["on_exceed"] = options["on_exceed"]
    return config


_original_build_config = base.build_config


def _rfc3339(text: str | None) -> datetime | None:
    # pygeoapi wants YAML timestamps here (unquoted), which yaml writes for datetimes.
    return None if text is None else datetime.fromisoformat(text.replace("Z", "+00:00"))


class HonouringOapifServer(base.OapifServer):
    """pygeoapi + TinyDB on 127.0.0.1: ``datetime=`` filters on ``updated_at``."""

    def __init__(self, data: Path, collection: str = "reports", *,
                 temporal_extent: tuple[str | None, str | None] | None = None,
                 on_exceed: str | None = None, **kwargs: Any) -> None:
        """``temporal_extent``: (begin, end) ISO times for a bounded extent; ``on_exceed``:
        "error" makes a ``limit`` above ``max_items`` a 400 instead of a silent throttle."""
        kwargs.pop("provider", None)
        super().__init__(data, collection, provider="GeoJSON", **kwargs)
        self.options = {"temporal_extent": temporal_extent, "on_exceed": on_exceed}

    def replace_data(self, geojson: Path) -> None:
        """Serve the features of ``geojson`` from the next request on (no restart)."""
        tmp = self.workdir / (DB_NAME + ".tmp")
        to_tinydb(Path(geojson), tmp, self.id_field)
        tmp.replace(self.workdir / DB_NAME)

    def start(self) -> HonouringOapifServer:
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / OPTIONS_NAME).write_text(json.dumps(self.options), encoding="utf-8")
        super().start()
        return self

    @property
    def honours_datetime(self) -> bool:
        return True

    def command(self) -> list[str]:
        command = super().command()
        command[command.index("tools.oapif_server")] = "tools.oapif_honouring"
        return command


def main(argv: list[str] | None = None) -> int:
    base.build_config = build_config  # serve() looks it up in its module
    return base.serve(base.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
