"""Run the real ``qgis_process`` with a given profile and read its JSON results.

Debian's ``qgis_process`` wrapper adds a flag 3.22 rejects, so the binary is called directly.
Only stdout is parsed: QGIS writes warnings and progress to stderr.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

BINARY_CANDIDATES = ("/usr/bin/qgis_process.bin", "qgis_process.bin", "qgis_process")


class QgisProcessError(RuntimeError):
    pass


def binary() -> str:
    for name in BINARY_CANDIDATES:
        found = shutil.which(name) if not os.path.isabs(name) else (
            name if os.access(name, os.X_OK) else None)
        if found:
            return found
    raise QgisProcessError("qgis_process not found: install Debian's qgis package "
                           "(make setup does)")


def environment(config_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(config_path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("XDG_RUNTIME_DIR", str(Path(config_path) / "runtime"))
    Path(env["XDG_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def call(args: list[str], config_path: Path, *, timeout: float = 600
         ) -> subprocess.CompletedProcess:
    return subprocess.run([binary(), *args], env=environment(config_path), capture_output=True,
                          text=True, timeout=timeout)


def loaded_plugins(config_path: Path) -> list[str]:
    """Names that ``qgis_process plugins`` marks as loaded (with a ``*``)."""
    done = call(["plugins"], config_path)
    return [line[1:].strip() for line in done.stdout.splitlines() if line.startswith("*")]


def run_algorithm(alg_id: str, params: dict[str, object], config_path: Path,
                  *, timeout: float = 600) -> dict:
    """Run one algorithm; returns its ``results``; raises with QGIS's own message on failure."""
    args = ["--json", "run", alg_id, "--"]
    args += [f"{key}={value}" for key, value in params.items()]
    done = call(args, config_path, timeout=timeout)
    if done.returncode != 0:
        lines = [ln for ln in done.stderr.splitlines()
                 if ln.strip() and "DeprecationWarning" not in ln and "XDG_RUNTIME" not in ln]
        raise QgisProcessError(f"{alg_id} failed (exit {done.returncode}): "
                               + "\n".join(lines[-10:]))
    try:
        return json.loads(done.stdout)["results"]
    except (ValueError, KeyError) as exc:
        raise QgisProcessError(f"{alg_id}: no JSON results on stdout: {done.stdout[-500:]}") \
            from exc
