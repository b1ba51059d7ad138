"""Write the shipped layout templates (resources/layouts/*.qpt) from the layout builders.

    python -m tools.make_templates

A municipality opens these in the Layout Designer, adds its logo and colours, saves its own
copy and points the plugin's settings at it; the generators fill items by id.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    from qgis.core import QgsApplication, QgsProject

    app = QgsApplication([], False)
    app.initQgis()
    from trygghet_plugin.reports import board_layout, lagesbild_layout
    from trygghet_plugin.reports.layout import save_template

    out = ROOT / "resources" / "layouts"
    project = QgsProject()
    for size in ("A3", "A4"):
        path = save_template(lagesbild_layout.build_template(project, size),
                             out / f"lagesbild_{size.lower()}.qpt")
        print(path)
    print(save_template(board_layout.build_template(project), out / "board_a4.qpt"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
