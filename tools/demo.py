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
from datetime import date, timedelta
from pathlib import Path

from tools import package, profile
from tools.oapif_server import OapifServer
from tools.qgis_process import QgisProcessError, loaded_plugins, run_algorithm
from trygghet_sample import generate, write_sample
from trygghet_sample.measures import (
    WINDOW_DAYS,
    plant_measures,
    report_profile,
    write_measure_sample,
)

ROOT = Path(__file__).resolve().parent.parent


def step(text: str) -> None:
    print(f"\n== {text}", flush=True)


def _fmt(value) -> str:
    return f"{value:.0f}" if isinstance(value, float) else str(value)


def show_verdicts(path: Path) -> None:
    """One line per evaluated measure: the verdict, the effect and the WDQ."""
    from osgeo import ogr

    ds = ogr.Open(str(path))
    layer = ds.GetLayer(0)
    for f in layer:
        def num(name: str, f=f) -> str:
            value = f.GetField(name)
            return "–" if value is None else f"{value:.2f}"

        # The WDQ is given only when the target improved (Bowers & Johnson): "–" otherwise.
        shown = "" if f.GetField("effect") is None else (
            f" · effekt {num('effect')} ({num('effect_low')}–{num('effect_high')}), "
            f"WDQ {num('wdq')}")
        print(f"   {f.GetField('title')}: {f.GetField('verdict_text')}{shown}")
    ds = None


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
    # The sample runs up to yesterday, so "the last complete period" has data in it.
    generated = generate(size=args.size, seed=args.seed, end=date.today() - timedelta(days=1))
    files = write_sample(out / "sample", sample=generated)
    # Measures with known effects, beside the sample (its reports stay as they are): a 40 %
    # drop with half of it displaced, and cameras with no effect, both over two weeks ago.
    planted = plant_measures(start=generated.end - timedelta(days=WINDOW_DAYS + 14),
                             seed=args.seed, profile=report_profile(generated),
                             ongoing=True)
    files.update(write_measure_sample(out / "sample", planted))
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
    lagesbild = out / "lagesbild.pdf"
    board = out / "namndanalys.pdf"
    sample = out / "sample"

    def run(alg: str, params: dict, show: tuple[str, ...] = ()) -> dict:
        step(f"qgis_process run trygghet:{alg}")
        t = time.monotonic()
        result = run_algorithm(f"trygghet:{alg}", {"STORE": store, **params}, config)
        shown = ", ".join(f"{k} {_fmt(result[k])}" for k in show if k in result)
        print(f"   {shown}{' · ' if shown else ''}{time.monotonic() - t:.1f} s")
        return result

    try:
        run("importareas", {"INPUT": files["areas"], "LAYER": "kommun", "KIND": "kommun",
                            "CODE_FIELD": "kommunkod", "NAME_FIELD": "kommunnamn"},
            ("SUMMARY",))
        run("importareas", {"INPUT": files["areas"], "LAYER": "DeSO_2025", "KIND": "deso",
                            "CODE_FIELD": "desokod", "NAME_FIELD": "regsonamn",
                            "KOMMUNKOD": "0682",
                            "POPULATION": files["population"]}, ("SUMMARY",))
        step("Startar insamlingstjänsten (pygeoapi) / starting the collection service")
        with OapifServer(files["reports"], "reports", max_items=10000) as server:
            print(f"   {server.collection_url}")
            params = {"SOURCE": "oapif", "URL": server.url, "COLLECTION": "reports",
                      "KOMMUNKOD": "0682"}
            run("syncreports", params, ("NEW", "UPDATED", "REJECTED", "TOTAL"))
            step("(again: an incremental sync when nothing changed)")
            run("syncreports", params, ("NEW", "UPDATED", "UNCHANGED"))
        run("importpolice", {"INPUT": files["police_events"], "KOMMUN": "Nässjö"},
            ("SUMMARY",))
        run("importsurvey", {"INPUT": files["survey_results"], "PLACES": files["survey_places"]},
            ("SUMMARY",))
        # The incidents around the planted measures arrive as a collection-service export,
        # the measures as a planner's CSV; then the finished ones are evaluated.
        run("syncreports", {"SOURCE": "file", "FILE": files["measure_incidents"],
                            "KOMMUNKOD": "0682"}, ("NEW", "REJECTED"))
        run("importmeasures", {"INPUT": files["measures"]}, ("NEW", "REJECTED"))
        run("evaluatemeasures", {"OUTPUT": out / "atgarder.gpkg"}, ("EVALUATED", "NOTE"))
        show_verdicts(out / "atgarder.gpkg")
        run("hotspots", {"OUTPUT": out / "hotspots.gpkg"}, ())
        # The sample plants a burst in the last complete period: "ovanligt just nu" finds it.
        run("unusualnow", {"OUTPUT": out / "ovanligt.gpkg"}, ("CLUSTERS", "NOTE"))
        run("lagesbild", {"OUTPUT": lagesbild}, ("PAGES",))
        run("boardanalysis", {"OUTPUT": board}, ("PAGES",))
        run("makeproject", {"OUTPUT": project})
    except QgisProcessError as exc:
        print(f"FEL / ERROR: {exc}", file=sys.stderr)
        return 1

    step(f"Klart på {time.monotonic() - started:.0f} s / done. Outputs in {out}:")
    for path in (lagesbild, board, store, project, out / "hotspots.gpkg",
                 out / "ovanligt.gpkg", out / "atgarder.gpkg", zip_path):
        print(f"   {path}  ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"   {sample}/  (the generated sources)")
    print(f"   {config}/  (the throw-away QGIS profile)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
