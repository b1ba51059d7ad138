"""Pictures for the README: the first page of the demo's lägesbild and board analysis as PNG.

    make demo && python -m tools.readme_images

Renders page 1 of ``out/demo/lagesbild.pdf`` and ``out/demo/namndanalys.pdf`` with poppler's
``pdftoppm`` into ``docs/images/`` at about 70 dpi, lowering the resolution until each PNG
is under the size limit (300 kB), so the pictures stay light in git.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PICTURES = {"lagesbild.pdf": "lagesbild.png", "namndanalys.pdf": "namndanalys.png"}
MAX_BYTES = 300_000
DPIS = (70, 64, 58, 52, 46, 40)


def render_first_page(pdf: Path, png: Path, *, max_bytes: int = MAX_BYTES,
                      dpis: tuple[int, ...] = DPIS) -> tuple[int, int]:
    """Page 1 of ``pdf`` as ``png`` at the highest of ``dpis`` that stays under
    ``max_bytes``; returns (dpi, bytes)."""
    if shutil.which("pdftoppm") is None:
        raise RuntimeError("pdftoppm saknas: installera poppler-utils / pdftoppm is missing "
                           "(apt install poppler-utils)")
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="trygghet_png_") as tmp:
        for dpi in dpis:
            stem = Path(tmp) / f"page_{dpi}"
            subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1",
                            "-singlefile", str(pdf), str(stem)], check=True)
            made = stem.with_suffix(".png")
            size = made.stat().st_size
            if size <= max_bytes or dpi == dpis[-1]:
                shutil.copyfile(made, png)
                return dpi, size
    raise AssertionError("unreachable")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", type=Path, default=ROOT / "out" / "demo",
                        help="where make demo wrote the PDFs")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args(argv)
    missing = [name for name in PICTURES if not (args.demo / name).is_file()]
    if missing:
        print(f"Saknas: {', '.join(missing)} i {args.demo}. Kör 'make demo' först. / "
              "Run 'make demo' first.", file=sys.stderr)
        return 1
    for pdf_name, png_name in PICTURES.items():
        png = args.out / png_name
        dpi, size = render_first_page(args.demo / pdf_name, png)
        shown = png.relative_to(ROOT) if png.is_relative_to(ROOT) else png
        print(f"{shown}  ({dpi} dpi, {size / 1000:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
