"""Build dist/trygghet_plugin-<version>.zip, the file QGIS's Plugin Manager installs.

One top folder ``trygghet_plugin/`` holding the package, metadata.txt, LICENSE, resources/,
forms/, the compiled translations (*.qm, built here when missing) and the user guide
(docs/guide.md with its images, opened by the plugin's Help action).
"""

from __future__ import annotations

import argparse
import configparser
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP = "trygghet_plugin"
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts", ".pro"}


def version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def plugin_files() -> list[tuple[Path, str]]:
    """(source path, path inside the zip) for everything the installed plugin needs."""
    items: list[tuple[Path, str]] = []
    for folder, prefix in ((ROOT / TOP, TOP), (ROOT / "resources", f"{TOP}/resources"),
                           (ROOT / "forms", f"{TOP}/forms")):
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder)
            if path.is_dir() or SKIP_DIRS.intersection(rel.parts):
                continue
            if path.suffix in SKIP_SUFFIXES:
                continue
            items.append((path, f"{prefix}/{rel.as_posix()}"))
    for name in ("metadata.txt", "LICENSE", "docs/guide.md"):
        items.append((ROOT / name, f"{TOP}/{name}"))
    for path in sorted((ROOT / "docs" / "images").glob("*.png")):
        items.append((path, f"{TOP}/docs/images/{path.name}"))
    return items


def build(out_dir: Path = ROOT / "dist") -> Path:
    from tools import translations

    try:
        translations.build(only_missing=True)
    except RuntimeError as exc:  # no lrelease: the plugin still works, in Swedish only
        print(f"warning: {exc}; the zip has no .qm translations", file=sys.stderr)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{TOP}-{version()}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, arcname in plugin_files():
            zf.write(path, arcname)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    target = build(args.out)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
