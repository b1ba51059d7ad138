"""The lägesbild layer group on a store of 1,000,000 incidents, side by side with QGIS.

Ours: ``build_lagesbild_data`` (what the QgsTask runs: read the period, its references and
the 26 periods of the emerging hot spots; counts and rates per DeSO; police counts per area;
hot spots; emerging hot spots; the density GeoTIFF; all written to the cache GeoPackage),
then opening, styling and adding every layer of the group to a project (the main thread's
part). The goal: the whole group in under 10 s.

Peers, on the same period's incidents (exact and street locations, as a filtered layer over
the store) and the same DeSO polygons:
  * ``native:countpointsinpolygon`` against our counts per area (ours also counts the
    previous period and a year earlier, tests the changes and computes rates);
  * ``qgis:heatmapkerneldensityestimation`` (quartic, radius 300 m, pixel 25 m, raw
    values) against our density raster (same kernel, radius and pixel; ours is clipped to
    the kommun and scaled to incidents per km²).

The store is the 1,000,000-incident sample store of bench_gistar (out/bench/
store_1000000.gpkg, made there when missing), copied once to out/bench/
layers_store_1000000.gpkg with the sample's DeSO areas, kommun boundary, police events and
survey results added.

Run: ``python -m bench layers`` (``--quick``: 20,000 incidents) or
``python -m bench.bench_layers [--store-size N]``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import peak_rss_mb, ratio_line  # noqa: E402
from bench.common import size as bench_size  # noqa: E402

_APP = None


def qgis_app():
    """A headless QGIS with Processing's providers (native and the Python "qgis" one)."""
    global _APP
    from qgis.core import QgsApplication

    if QgsApplication.instance() is None:
        _APP = QgsApplication([], False)
        _APP.initQgis()
    if QgsApplication.processingRegistry().providerById("qgis") is None:
        plugins = Path(QgsApplication.pkgDataPath()) / "python" / "plugins"
        if str(plugins) not in sys.path:
            sys.path.append(str(plugins))
        from processing.core.Processing import Processing

        Processing.initialize()
    return QgsApplication.instance()


def prepare_store(size: int, workdir: Path) -> tuple[Path, object]:
    """The bench store with areas, police events and surveys; made once and kept."""

    from trygghet_plugin.sources import polisen, surveys
    from trygghet_plugin.sources.kommuner import registry
    from trygghet_plugin.store import open_store
    from trygghet_sample import generate
    from trygghet_sample.writer import write_survey_csv

    sample = generate(size=1000, seed=1)  # the geography, police and surveys (any size)
    path = workdir / f"layers_store_{size}.gpkg"
    if path.exists():
        with open_store(path) as store:
            if store.count("areas") and store.count("incidents",
                                                    "source = 'reports'") == size:
                return path, sample
        path.unlink()
    base = workdir / f"store_{size}.gpkg"
    with open_store(base) as store:
        if store.count("incidents") != size:
            print(f"  making the {size:,}-incident store (once) …", flush=True)
            t = time.perf_counter()
            store.upsert_incidents(generate(size=size, seed=1).iter_incidents())
            print(f"  loaded in {time.perf_counter() - t:.0f} s", flush=True)
    shutil.copyfile(base, path)
    with open_store(path) as store:
        store.upsert_areas(sample.store_areas())
        polisen.import_events(store, sample.police_events, kommun=registry().resolve("0682"))
        csv = workdir / "layers_survey.csv"
        write_survey_csv(csv, sample)
        surveys.import_results(store, csv)
    return path, sample


def run_ours(path: Path, period) -> dict:
    from qgis.core import QgsProject

    from trygghet_plugin.layers.lagesbild_group import (
        add_lagesbild_group,
        build_lagesbild_data,
    )
    from trygghet_plugin.store import open_store

    out: dict = {}
    with open_store(path) as store:
        t = time.perf_counter()
        data = build_lagesbild_data(store, period)
        out["task"] = time.perf_counter() - t
        out["steps"] = dict(data.seconds)
        project = QgsProject()
        t = time.perf_counter()
        group = add_lagesbild_group(project, store, period, data, base_map_url="")
        out["main"] = time.perf_counter() - t
        out["layers"] = [(n.layer().name(), n.layer().featureCount()
                          if hasattr(n.layer(), "featureCount") else None)
                         for n in group.findLayers()]
        out["data"] = data
        project.clear()
    return out


def tidy(data) -> None:
    """The bench's cache files go when it is done (each run writes new ones)."""
    from trygghet_plugin.layers.lagesbild_group import cache_files, remove_cache_files

    remove_cache_files(cache_files(data), [])


def run_peers(path: Path, data, workdir: Path) -> dict:
    from qgis.core import (
        QgsApplication,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsVectorLayer,
    )

    from trygghet_plugin.layers.filters import build_filter

    incidents = QgsVectorLayer(f"{path}|layername=incidents", "incidents", "ogr")
    incidents.setSubsetString(build_filter(data.spec))
    areas = QgsVectorLayer(f"{path}|layername=areas", "areas", "ogr")
    areas.setSubsetString("kind = 'deso'")
    registry = QgsApplication.processingRegistry()
    out = {}
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()

    t = time.perf_counter()
    alg = registry.createAlgorithmById("native:countpointsinpolygon")
    result, ok = alg.run({"POLYGONS": areas, "POINTS": incidents, "FIELD": "NUMPOINTS",
                          "OUTPUT": "TEMPORARY_OUTPUT"}, context, feedback)
    out["count"] = time.perf_counter() - t
    counted = context.getMapLayer(result["OUTPUT"]) if ok else None
    out["count_total"] = sum(f["NUMPOINTS"] for f in counted.getFeatures()) if counted else None

    tif = workdir / "layers_peer_kde.tif"
    incidents = QgsVectorLayer(f"{path}|layername=incidents", "incidents", "ogr")
    incidents.setSubsetString(build_filter(data.spec))
    t = time.perf_counter()
    alg = registry.createAlgorithmById("qgis:heatmapkerneldensityestimation")
    result, ok = alg.run({"INPUT": incidents, "RADIUS": 300, "PIXEL_SIZE": 25, "KERNEL": 0,
                          "OUTPUT_VALUE": 0, "DECAY": 0, "OUTPUT": str(tif),
                          }, context, feedback)
    out["kde"] = time.perf_counter() - t
    if not ok or not tif.is_file():
        raise RuntimeError("qgis:heatmapkerneldensityestimation failed")
    return out


def main(store_size: int | None = None) -> None:
    from trygghet_plugin.layers.lagesbild_group import default_period

    size = store_size or bench_size(1_000_000, 20_000)
    workdir = ROOT / "out" / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    qgis_app()
    t = time.perf_counter()
    path, sample = prepare_store(size, workdir)
    prepared = time.perf_counter() - t
    from trygghet_plugin.store import open_store

    with open_store(path) as store:
        period = default_period(store, sample_now(sample))
    ours = run_ours(path, period)
    data = ours["data"]
    peers = run_peers(path, data, workdir)
    steps = ours["steps"]
    print(f"Store {path.name}: {size:,} incidents (prepared in {prepared:.1f} s); period "
          f"{period.label} ({period.date_range}): {data.incidents:,} incidents, "
          f"{data.precise:,} as points")
    print(f"  group data in the task  {ours['task']:6.2f} s  ("
          + ", ".join(f"{k} {v:.2f}" for k, v in steps.items()) + ")")
    print(f"  layers on main thread   {ours['main']:6.2f} s")
    total = ours["task"] + ours["main"]
    verdict = "within" if total < 10 else "OVER"
    print(f"  whole group             {total:6.2f} s  ({verdict} the 10 s goal; peak "
          f"{peak_rss_mb():.0f} MB)")
    for name, count in ours["layers"]:
        print(f"    {name}: {count if count is not None else 'raster'}")
    print(ratio_line("  counts per DeSO (+ 2 references, tests, rates)", steps["areas"],
                     peers["count"], "native:countpointsinpolygon"))
    print(f"    points counted: ours {sum_area_counts(data):,}, "
          f"QGIS {int(peers['count_total'] or 0):,}")
    print(ratio_line("  density raster (quartic, 300 m, 25 m)", steps["heatmap"],
                     peers["kde"], "qgis:heatmapkerneldensityestimation"))
    tidy(data)


def sample_now(sample):
    """'Now' for the sample: the day after its last day (the data ends there)."""
    from datetime import datetime, timezone

    return datetime.combine(sample.end + timedelta(days=1), datetime.min.time(),
                            tzinfo=timezone.utc)


def sum_area_counts(data) -> int:
    from qgis.core import QgsVectorLayer

    from trygghet_plugin.layers.lagesbild_group import AREAS_TABLE

    layer = QgsVectorLayer(data.table_uri(AREAS_TABLE), "a", "ogr")
    return int(sum(f["incidents"] for f in layer.getFeatures()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store-size", type=int, default=None,
                        help="incidents in the store (default 1,000,000)")
    main(parser.parse_args().store_size)
