"""A throw-away PostgreSQL + PostGIS server on 127.0.0.1, for the tests and the benchmark.

``initdb`` into a fresh directory, ``pg_ctl start`` on a free port with the unix socket in
that directory, a superuser with a random password (TCP asks for it: scram-sha-256), then
``CREATE EXTENSION postgis`` in a database ``trygghet``. PostgreSQL refuses to run as root,
so as root the server runs as the ``postgres`` system user (Debian's package creates it).
``stop()`` stops the server and removes the directory; it is safe to call more than once.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_ROOT = Path("/usr/lib/postgresql")
RUN_AS = "postgres"
SUPERUSER = "trygghet_admin"
DATABASE = "trygghet"


def installed_version() -> str | None:
    """The newest PostgreSQL major installed the Debian way (/usr/lib/postgresql/N/bin), the
    one with PostGIS first: each release has its own (bookworm 15, trixie 17)."""
    found = sorted((d for d in PG_ROOT.glob("[0-9]*") if (d / "bin" / "initdb").exists()),
                   key=lambda d: int(d.name) if d.name.isdigit() else 0, reverse=True)
    with_postgis = [d for d in found if postgis_control(d.name).exists()]
    chosen = (with_postgis or found or [None])[0]
    return chosen.name if chosen else None


def postgis_control(version: str) -> Path:
    return Path(f"/usr/share/postgresql/{version}/extension/postgis.control")


PG_VERSION = installed_version()
BIN = PG_ROOT / (PG_VERSION or "N") / "bin"


def missing() -> str | None:
    """Why a cluster cannot be started here, or None when it can."""
    if PG_VERSION is None or not (BIN / "pg_ctl").exists():
        return (f"PostgreSQL is not installed ({PG_ROOT}/N/bin/initdb missing): make setup "
                "installs the release's postgresql-N")
    if not postgis_control(PG_VERSION).exists():
        return (f"PostGIS is not installed ({postgis_control(PG_VERSION)} missing): make setup "
                f"installs postgresql-{PG_VERSION}-postgis-3")
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam(RUN_AS)
        except KeyError:
            return f"running as root and there is no '{RUN_AS}' user to run PostgreSQL as"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TempCluster:
    """One server. ``dsn(user=..., dbname=...)`` gives a libpq keyword/value string."""

    def __init__(self, *, settings: dict[str, str] | None = None):
        self.root = Path(tempfile.mkdtemp(prefix="trygghet-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.password = secrets.token_hex(16)
        self.settings = {"fsync": "off", "synchronous_commit": "off",
                         "full_page_writes": "off", "shared_buffers": "128MB",
                         "max_connections": "40", **(settings or {})}
        self._started = False
        self._as_root = os.geteuid() == 0

    # -- running commands as the server's user -----------------------------------------
    def _cmd(self, args: list[str]) -> list[str]:
        return ["runuser", "-u", RUN_AS, "--", *args] if self._as_root else args

    def _run(self, args: list[str], **kwargs) -> subprocess.CompletedProcess:
        proc = subprocess.run(self._cmd(args), capture_output=True, text=True,
                              cwd=self.root, **kwargs)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed ({proc.returncode}): "
                               f"{proc.stdout[-800:]}{proc.stderr[-800:]}")
        return proc

    def start(self) -> TempCluster:
        try:
            pwfile = self.root / "pw"
            pwfile.write_text(self.password + "\n")
            if self._as_root:
                shutil.chown(self.root, RUN_AS)
                shutil.chown(pwfile, RUN_AS)
            os.chmod(self.root, 0o700)
            self._run([str(BIN / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
                       f"--pwfile={pwfile}", "--auth-local=trust",
                       "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
                       "--no-sync"])
            pwfile.unlink()
            options = " ".join(f"-c {k}={v}" for k, v in {
                "listen_addresses": "127.0.0.1", "port": str(self.port),
                "unix_socket_directories": str(self.root), **self.settings}.items())
            self._run([str(BIN / "pg_ctl"), "-D", str(self.data), "-l",
                       str(self.root / "server.log"), "-w", "-t", "60", "-o", options, "start"])
            self._started = True
            self.psql("postgres", f"CREATE DATABASE {DATABASE}")
            self.psql(DATABASE, "CREATE EXTENSION postgis")
        except BaseException:
            self.stop()
            raise
        return self

    def psql(self, dbname: str, sql: str) -> str:
        """Run SQL as the superuser over the unix socket (trust), returning psql's output."""
        return self._run([str(BIN / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h",
                          str(self.root), "-p", str(self.port), "-U", SUPERUSER, "-d", dbname,
                          "-At", "-c", sql]).stdout

    def dsn(self, *, user: str = SUPERUSER, password: str | None = None,
            dbname: str = DATABASE) -> str:
        pw = self.password if password is None and user == SUPERUSER else password
        parts = [f"host=127.0.0.1 port={self.port} dbname={dbname} user={user}"]
        if pw:
            parts.append(f"password={pw}")
        return " ".join(parts)

    def url(self, *, user: str = SUPERUSER, dbname: str = DATABASE) -> str:
        """A postgresql:// address without the password (that comes from a pgpass file)."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def write_pgpass(self, path: Path, entries: list[tuple[str, str]]) -> Path:
        """A ~/.pgpass-style file with (user, password) lines for this server."""
        lines = [f"127.0.0.1:{self.port}:*:{user}:{pw}" for user, pw in entries]
        path.write_text("\n".join(lines) + "\n")
        os.chmod(path, 0o600)
        return path

    def stop(self) -> None:
        if self._started:
            self._started = False
            subprocess.run(self._cmd([str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                                      "-w", "-t", "30", "stop"]),
                           capture_output=True, cwd=self.root)
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> TempCluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
