"""make demo: the main job end to end on the bundled sample, with the real QGIS.

Generates the sample municipality, serves its reports from a real OGC API – Features server
(pygeoapi on 127.0.0.1), installs the packaged plugin into a throw-away QGIS profile, runs the
pipeline through qgis_process and writes the store, a QGIS project and (as they land) the PDFs
into out/demo/. The server is stopped also when a step fails.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from tools import package, profile
from tools.oapif_server import OapifServer
from tools.qgis_process import QgisProcessError, loaded_plugins, run_algorithm
from trygghet_plugin.sample import write_sample

ROOT = Path(__file__).resolve().parent.parent


def step(text: str) -> None:
    print(f"\n== {text}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "demo")
    parser.add_argument("--size", type=int, default=20000, help="number of reports")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    out: Path = args.out
    started = time.monotonic()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    step(f"Genererar exempelkommunen / generating the sample ({args.size} reports)")
    files = write_sample(out / "sample", size=args.size, seed=args.seed)
    for name, path in files.items():
        print(f"   {name:15s} {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    step("Paketerar och installerar pluginet i en tillfällig QGIS-profil / packaging")
    zip_path = package.build(out / "dist")
    config = out / "qgis-profile"
    profile.install_zip(zip_path, config / "profiles" / "default")
    plugins = loaded_plugins(config)
    print(f"   qgis_process plugins: loaded {', '.join(plugins)}")
    if "trygghet_plugin" not in plugins:
        print("FEL: trygghet_plugin laddades inte i qgis_process / plugin not loaded",
              file=sys.stderr)
        return 1

    store = out / "nassjo.gpkg"
    project = out / "trygghet.qgz"
    try:
        step("Startar insamlingstjänsten (pygeoapi) / starting the collection service")
        with OapifServer(files["reports"], "reports", max_items=10000) as server:
            print(f"   {server.collection_url}")
            params = {"SOURCE": "oapif", "URL": server.url, "COLLECTION": "reports",
                      "STORE": store, "KOMMUNKOD": "0682"}
            step("qgis_process run trygghet:syncreports (full)")
            first = run_algorithm("trygghet:syncreports", params, config)
            print(f"   new {first['NEW']:.0f}, updated {first['UPDATED']:.0f}, "
                  f"rejected {first['REJECTED']:.0f}, total {first['TOTAL']:.0f}")
            step("qgis_process run trygghet:syncreports (incremental: nothing changed)")
            t = time.monotonic()
            second = run_algorithm("trygghet:syncreports", params, config)
            print(f"   new {second['NEW']:.0f}, updated {second['UPDATED']:.0f}, "
                  f"unchanged {second['UNCHANGED']:.0f} in {time.monotonic() - t:.1f} s")
        step("qgis_process run trygghet:makeproject")
        run_algorithm("trygghet:makeproject", {"STORE": store, "OUTPUT": project}, config)
    except QgisProcessError as exc:
        print(f"FEL / ERROR: {exc}", file=sys.stderr)
        return 1

    step(f"Klart på {time.monotonic() - started:.0f} s / done. Outputs in {out}:")
    for path in (store, project, zip_path):
        print(f"   {path}  ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"   {out / 'sample'}/  (the generated sources)")
    print(f"   {config}/  (the throw-away QGIS profile)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
