"""Put the plugin into a QGIS profile and enable it: from the zip, or linked to the work tree.

    python -m tools.profile install-zip dist/trygghet_plugin-0.1.0.zip --config-path /tmp/qgis
    python -m tools.profile link                       # the user's default profile

A throw-away profile is a QGIS_CUSTOM_CONFIG_PATH folder; its default profile lives in
``<path>/profiles/default``.
"""

from __future__ import annotations

import argparse
import configparser
import os
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = "trygghet_plugin"


def default_profile_dir() -> Path:
    custom = os.environ.get("QGIS_CUSTOM_CONFIG_PATH")
    if custom:
        return Path(custom) / "profiles" / "default"
    if sys.platform == "win32":
        base = Path(os.environ["APPDATA"]) / "QGIS" / "QGIS3"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "QGIS" / "QGIS3"
    else:
        base = Path.home() / ".local" / "share" / "QGIS" / "QGIS3"
    return base / "profiles" / "default"


def enable(profile: Path, name: str = SLUG) -> None:
    """Mark the plugin enabled in the profile's QGIS3.ini (what the Plugin Manager does)."""
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    parser = configparser.RawConfigParser(strict=False)
    parser.optionxform = str  # QGIS's keys are case-sensitive
    if ini.exists():
        parser.read(ini, encoding="utf-8")
    if not parser.has_section("PythonPlugins"):
        parser.add_section("PythonPlugins")
    parser.set("PythonPlugins", name, "true")
    with open(ini, "w", encoding="utf-8") as fh:
        parser.write(fh, space_around_delimiters=False)


def install_zip(zip_path: Path, profile: Path) -> Path:
    plugins = profile / "python" / "plugins"
    target = plugins / SLUG
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    plugins.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(plugins)
    enable(profile)
    return target


def link_worktree(profile: Path, build_dir: Path = ROOT / "build" / "dev-plugin") -> Path:
    """A folder of symlinks that looks like the installed plugin, linked into the profile.

    Edits in the work tree show in QGIS after a plugin reload; nothing is copied.
    """
    staged = build_dir / SLUG
    if staged.exists():
        shutil.rmtree(staged)
    staged.mkdir(parents=True)
    for item in (ROOT / SLUG).iterdir():
        if item.name != "__pycache__":
            (staged / item.name).symlink_to(item)
    for name in ("metadata.txt", "LICENSE", "resources", "forms"):
        (staged / name).symlink_to(ROOT / name)
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    target = plugins / SLUG
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    target.symlink_to(staged, target_is_directory=True)
    enable(profile)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("install-zip", "link"))
    parser.add_argument("zip", nargs="?", type=Path)
    parser.add_argument("--config-path", type=Path,
                        help="QGIS_CUSTOM_CONFIG_PATH of a throw-away profile")
    args = parser.parse_args(argv)
    profile = (args.config_path / "profiles" / "default") if args.config_path \
        else default_profile_dir()
    if args.command == "install-zip":
        if not args.zip:
            parser.error("install-zip needs the zip")
        target = install_zip(args.zip, profile)
    else:
        target = link_worktree(profile)
    print(f"{SLUG} installed and enabled in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
