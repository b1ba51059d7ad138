"""A real OGC API - Features server (pygeoapi) on 127.0.0.1 for tests, demos and benchmarks.

It stands in for a municipality's "collection service". Usage from Python::

    with OapifServer(Path("reports.gpkg"), "reports") as server:
        requests.get(server.items_url, params={"limit": 1000})

or from a shell (foreground until SIGTERM/SIGINT, prints the URL once ready)::

    python -m tools.oapif_server --data reports.gpkg --collection reports

`OapifServer` runs this module's CLI in a subprocess (own process group); the CLI
binds the socket, writes the pygeoapi config and OpenAPI document into a work
directory and serves pygeoapi's Flask app with werkzeug's threaded WSGI server.
See tools/README.md for what the pygeoapi providers do and do not support.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any

HOST = "127.0.0.1"
REPO_ROOT = Path(__file__).resolve().parents[1]
GEOJSON_SUFFIXES = (".geojson", ".json")
GPKG_SUFFIXES = (".gpkg",)
PROVIDERS = ("GeoJSON", "OGR", "SQLiteGPKG")
# Whether the pygeoapi 0.21 provider applies `datetime=` (found by experiment, see
# tools/README.md): none does; they answer 200 with the unfiltered features.
DATETIME_SUPPORT = {"GeoJSON": False, "OGR": False, "SQLiteGPKG": False}
DEFAULT_TITLE = "Trygghet test collection service"
DEFAULT_TIME_FIELD = "updated_at"
CONFIG_NAME = "pygeoapi-config.yml"
OPENAPI_NAME = "pygeoapi-openapi.yml"
LOG_NAME = "pygeoapi.log"
STDOUT_NAME = "server.stdout.log"
STDERR_NAME = "server.stderr.log"
URL_NAME = "server.url"


# --------------------------------------------------------------------------- helpers


class OapifServerError(RuntimeError):
    """The server did not start; the message ends with the tail of its stderr."""


def wait_until_ready(
    url: str, timeout: float = 30.0, proc: subprocess.Popen[bytes] | None = None
) -> None:
    """Poll the landing page `url` until it answers 200 with JSON.

    Raises TimeoutError after `timeout` seconds, or RuntimeError if `proc` exits first.
    """
    landing = url.rstrip("/") + "/?f=json"
    deadline = time.monotonic() + timeout
    last_error = "no attempt"
    while True:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server process exited with code {proc.returncode}")
        try:
            request = urllib.request.Request(landing, headers={"Accept": "application/json"})
            with urllib.request.urlopen(request, timeout=2.0) as response:
                if response.status == 200:
                    json.load(response)
                    return
                last_error = f"HTTP {response.status}"
        except (OSError, ValueError) as err:  # URLError, connection refused, bad JSON
            last_error = str(err)
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{landing} not ready after {timeout:.1f} s: {last_error}")
        time.sleep(0.05)


def _tail(path: Path, lines: int = 30) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no output)"
    return "\n".join(text.splitlines()[-lines:]) or "(empty)"


def choose_provider(data: Path, provider: str | None = None) -> str:
    """Provider name for `data`: GeoJSON for .geojson/.json, OGR for .gpkg."""
    suffix = data.suffix.lower()
    if provider is None:
        if suffix in GEOJSON_SUFFIXES:
            return "GeoJSON"
        if suffix in GPKG_SUFFIXES:
            return "OGR"
        raise ValueError(f"unsupported data file {data}: use .geojson/.json or .gpkg")
    if provider not in PROVIDERS:
        raise ValueError(f"unknown provider {provider!r}, expected one of {PROVIDERS}")
    suffixes = GEOJSON_SUFFIXES if provider == "GeoJSON" else GPKG_SUFFIXES
    if suffix not in suffixes:
        raise ValueError(f"the {provider} provider needs a {'/'.join(suffixes)} file")
    return provider


# --------------------------------------------------------------------------- config


def _inspect(data: Path, collection: str, provider: str) -> tuple[list[str], list[float]]:
    """Field names and [minx, miny, maxx, maxy] of the layer, read with OGR."""
    from osgeo import ogr

    ogr.UseExceptions()
    dataset = ogr.Open(str(data))
    layer = dataset.GetLayer(0) if provider == "GeoJSON" else dataset.GetLayerByName(collection)
    if layer is None:
        raise ValueError(f"{data} has no layer named {collection!r}")
    definition = layer.GetLayerDefn()
    fields = [definition.GetFieldDefn(i) for i in range(definition.GetFieldCount())]
    dated = [f.GetName() for f in fields if f.GetType() in (ogr.OFTDateTime, ogr.OFTDate)]
    if provider == "OGR" and dated:
        print(
            f"warning: {data.name}: the OGR provider renders DateTime fields {dated} as "
            "'YYYY/MM/DD HH:MM:SS+HH', not ISO 8601; store them as text instead "
            "(ogr2ogr -oo DATE_AS_STRING=YES, or OFTString fields)",
            file=sys.stderr,
        )
    empty = layer.GetFeatureCount() == 0
    minx, maxx, miny, maxy = (-180.0, 180.0, -90.0, 90.0) if empty else layer.GetExtent()
    return [f.GetName() for f in fields], [minx, miny, maxx, maxy]


def build_config(
    data: Path,
    collection: str,
    url: str,
    workdir: Path,
    *,
    id_field: str = "id",
    max_items: int = 10000,
    default_items: int = 1000,
    title: str = DEFAULT_TITLE,
    provider: str | None = None,
    time_field: str | None = DEFAULT_TIME_FIELD,
) -> dict[str, Any]:
    """A pygeoapi configuration serving one collection from `data`."""
    data = data.resolve()
    name = choose_provider(data, provider)
    fields, bbox = _inspect(data, collection, name)
    provider_def: dict[str, Any] = {"type": "feature", "name": name, "id_field": id_field}
    if name == "GeoJSON":
        provider_def["data"] = str(data)
    elif name == "OGR":
        provider_def["data"] = {
            "source_type": "GPKG",
            "source": str(data),
            # Without paging the OGR provider ignores `offset` (every page = page 1).
            "source_capabilities": {"paging": True},
        }
        provider_def["layer"] = collection
    else:
        provider_def["data"] = str(data)
        provider_def["table"] = collection
    resource: dict[str, Any] = {
        "type": "collection",
        "title": title,
        "description": f"{title}: {collection} served from {data.name}",
        "keywords": ["reports"],
        "extents": {
            "spatial": {"bbox": bbox, "crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"},
        },
        "providers": [provider_def],
    }
    if time_field and time_field in fields:
        provider_def["time_field"] = time_field
        # Open interval: a bounded one makes pygeoapi answer 400 for a datetime
        # filter outside it instead of an empty page.
        resource["extents"]["temporal"] = {"begin": None, "end": None}
    return {
        "server": {
            "bind": {"host": HOST, "port": int(url.rsplit(":", 1)[1])},
            "url": url,
            "mimetype": "application/json; charset=UTF-8",
            "encoding": "utf-8",
            "language": "en-US",
            "pretty_print": False,
            "limits": {
                "default_items": default_items,
                "max_items": max_items,
                "on_exceed": "throttle",
            },
            "map": {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "attribution": ""},
        },
        "logging": {"level": "ERROR", "logfile": str(workdir / LOG_NAME)},
        "metadata": {
            "identification": {
                "title": title,
                "description": "Local OGC API - Features server for tests and demos",
                "keywords": ["trygghet"],
                "keywords_type": "theme",
                "terms_of_service": "https://creativecommons.org/publicdomain/zero/1.0/",
                "url": url,
            },
            "license": {
                "name": "CC0-1.0",
                "url": "https://creativecommons.org/publicdomain/zero/1.0/",
            },
            "provider": {"name": "Trygghet"},
            "contact": {"name": "Trygghet"},
        },
        "resources": {collection: resource},
    }


# --------------------------------------------------------------------------- in-process serving


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text + "\n", encoding="utf-8")
    temporary.replace(path)  # readers never see half a line


def _exit_with_parent(parent_pid: int) -> None:
    """Daemon thread: SIGTERM ourselves once `parent_pid` is gone (we got reparented)."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _make_wsgi_server(listener: socket.socket, config: dict[str, Any], workdir: Path) -> Any:
    """Write the config and OpenAPI document, import pygeoapi's Flask app, wrap it."""
    import yaml

    config_path = workdir / CONFIG_NAME
    openapi_path = workdir / OPENAPI_NAME
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    os.environ["PYGEOAPI_CONFIG"] = str(config_path)
    os.environ["PYGEOAPI_OPENAPI"] = str(openapi_path)

    from pygeoapi.openapi import get_oas

    openapi_path.write_text(yaml.safe_dump(get_oas(config)), encoding="utf-8")

    # GDAL 3.6's Feature.ExportToJson() (the OGR provider's hot path) retries a failing
    # `import simplejson` for every feature: about half of the OGR provider's time.
    sys.modules.setdefault("simplejson", json)
    from pygeoapi.flask_app import APP  # reads the two environment variables on import
    from werkzeug.serving import WSGIRequestHandler, make_server

    class QuietRequestHandler(WSGIRequestHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            pass  # errors still reach pygeoapi.log / stderr

    return make_server(
        HOST, 0, APP, threaded=True, request_handler=QuietRequestHandler, fd=listener.fileno()
    )


def serve(args: argparse.Namespace) -> int:
    """Bind, configure and serve pygeoapi in this process until SIGTERM/SIGINT."""

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.parent_pid:
        _exit_with_parent(args.parent_pid)

    own_workdir = not args.workdir
    workdir = Path(tempfile.mkdtemp(prefix="oapif-")) if own_workdir else Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    server = None
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((HOST, args.port))
            listener.listen(128)
            url = f"http://{HOST}:{listener.getsockname()[1]}"
            config = build_config(
                Path(args.data),
                args.collection,
                url,
                workdir,
                id_field=args.id_field,
                max_items=args.max_items,
                default_items=args.default_items,
                title=args.title,
                provider=args.provider,
            )
            # The server keeps its own duplicate of the listening descriptor.
            server = _make_wsgi_server(listener, config, workdir)
        for target, text in ((args.pidfile, str(os.getpid())), (args.urlfile, url)):
            if target:
                _write_atomically(Path(target), text)
                written.append(Path(target))
        print(url, flush=True)
        server.serve_forever(poll_interval=0.2)
    except SystemExit:
        pass
    finally:
        if server is not None:
            server.server_close()
        for path in written:
            path.unlink(missing_ok=True)
        if own_workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


# --------------------------------------------------------------------------- subprocess wrapper


class OapifServer:
    """pygeoapi serving `data` as one collection, in a subprocess on 127.0.0.1.

    `data` is a GeoJSON file (pygeoapi GeoJSON provider) or a GeoPackage whose layer
    is named `collection` (OGR provider; pass provider="SQLiteGPKG" for the other one).
    Use as a context manager, or call start() and stop().
    """

    def __init__(
        self,
        data: Path,
        collection: str = "reports",
        *,
        id_field: str = "id",
        max_items: int = 10000,
        default_items: int = 1000,
        port: int = 0,
        title: str = DEFAULT_TITLE,
        workdir: Path | None = None,
        provider: str | None = None,
        startup_timeout: float = 30.0,
    ) -> None:
        self.data = Path(data).resolve()
        if not self.data.is_file():
            raise FileNotFoundError(self.data)
        self.collection = collection
        self.id_field = id_field
        self.max_items = max_items
        self.default_items = default_items
        self.port = port
        self.title = title
        self.provider = choose_provider(self.data, provider)
        self.startup_timeout = startup_timeout
        self._own_workdir = workdir is None
        self.workdir = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="oapif-"))
        self.url = ""
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def collection_url(self) -> str:
        return f"{self.url}/collections/{self.collection}"

    @property
    def items_url(self) -> str:
        return f"{self.collection_url}/items"

    @property
    def config_path(self) -> Path:
        return self.workdir / CONFIG_NAME

    @property
    def log_path(self) -> Path:
        return self.workdir / LOG_NAME

    @property
    def honours_datetime(self) -> bool:
        """Whether `datetime=` filters features (False: 200 with all of them)."""
        return DATETIME_SUPPORT[self.provider]

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def command(self) -> list[str]:
        urlfile = self.workdir / URL_NAME
        return [
            sys.executable, "-m", "tools.oapif_server",
            "--data", str(self.data),
            "--collection", self.collection,
            "--id-field", self.id_field,
            "--max-items", str(self.max_items),
            "--default-items", str(self.default_items),
            "--port", str(self.port),
            "--title", self.title,
            "--provider", self.provider,
            "--workdir", str(self.workdir),
            "--urlfile", str(urlfile),
            "--parent-pid", str(os.getpid()),
        ]  # fmt: skip

    def start(self) -> OapifServer:
        if self._proc is not None:
            raise RuntimeError("server already started")
        self.workdir.mkdir(parents=True, exist_ok=True)
        urlfile = self.workdir / URL_NAME
        urlfile.unlink(missing_ok=True)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p
        )
        with (
            open(self.workdir / STDOUT_NAME, "wb") as stdout,
            open(self.workdir / STDERR_NAME, "wb") as stderr,
        ):
            self._proc = subprocess.Popen(
                self.command(),
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=stderr,
                cwd=self.workdir,
                env=env,
                start_new_session=True,  # own process group: stop() kills all of it
            )
        try:
            self._wait_for_start(self._proc, urlfile)
        except BaseException as err:  # also KeyboardInterrupt: never leave the child behind
            self.stop(remove_workdir=False)  # the stderr tail first, then the files
            tail = _tail(self.workdir / STDERR_NAME)
            self.stop()
            if isinstance(err, (RuntimeError, TimeoutError)):
                raise OapifServerError(
                    f"pygeoapi for {self.data} did not start: {err}\n"
                    f"--- server stderr (tail) ---\n{tail}"
                ) from err
            raise
        return self

    def _wait_for_start(self, proc: subprocess.Popen[bytes], urlfile: Path) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while not urlfile.exists():
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with code {proc.returncode}")
            if time.monotonic() >= deadline:
                raise TimeoutError(f"server did not bind within {self.startup_timeout:.1f} s")
            time.sleep(0.05)
        self.url = urlfile.read_text(encoding="utf-8").strip()
        wait_until_ready(self.url, max(1.0, deadline - time.monotonic()), proc)

    def stop(self, grace: float = 5.0, *, remove_workdir: bool = True) -> None:
        """SIGTERM the process group, SIGKILL it after `grace` seconds. Idempotent."""
        proc, self._proc = self._proc, None
        if proc is not None:
            for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, grace)):
                try:
                    os.killpg(proc.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    proc.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if remove_workdir and self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> OapifServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __del__(self) -> None:  # last resort: never leave an orphan behind
        if getattr(self, "_proc", None) is not None:
            try:
                self.stop(grace=1.0)
            except Exception:  # interpreter shutdown: modules may be gone
                pass


# --------------------------------------------------------------------------- CLI


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tools.oapif_server",
        description="Serve a GeoJSON or GeoPackage file as OGC API - Features on 127.0.0.1.",
    )
    parser.add_argument("--data", required=True, help="GeoJSON (.geojson/.json) or .gpkg file")
    parser.add_argument("--collection", default="reports", help="collection id = GPKG layer")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--pidfile", help="write this process id here once ready")
    parser.add_argument("--urlfile", help="write the base URL here once ready")
    parser.add_argument("--workdir", help="config/log directory (default: a new temp dir)")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--max-items", type=int, default=10000)
    parser.add_argument("--default-items", type=int, default=1000)
    parser.add_argument("--title", default=DEFAULT_TITLE)
    parser.add_argument("--provider", choices=PROVIDERS, help="default: from the file suffix")
    parser.add_argument("--parent-pid", type=int, help=argparse.SUPPRESS)  # exit with it
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    return serve(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
