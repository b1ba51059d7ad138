"""Build the lägesbild's data: read the store once, compute every layer's content and write
it to the cache. Touches no project and no widget, so it runs in a QgsTask."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import numpy as np

from ...analysis.areas import kommun_boundary_wkt
from ...analysis.expected import history_bins
from ...analysis.hotspots import CELL_SIZE
from ...analysis.periods import Period, period_ending, periods_back
from ...analysis.select import incident_mask, load_frame
from ...domain.area import AreaKind
from ...i18n import translator
from ...store.base import Store
from ..filters import FilterSpec, frame_mask
from .areas import area_rates, police_counts
from .cache import GpkgWriter, cache_dir, cache_files, remove_cache_files
from .cells import emerging_layer, heatmap_raster, hotspots_layer, unusual_layer
from .measures import measure_layers
from .model import CancelledError, LagesbildData, SurveyChoice

tr = translator("Layers")

EMERGING_PERIODS = 26
#: Frame columns the group reads.
COLUMNS = ("category", "subcategory", "status", "location_precision", "source",
           "reporter_org", "area_code", "kommunkod")


def build_lagesbild_data(store: Store, period: Period, *, spec: FilterSpec | None = None,
                         cache: Path | None = None, cell_size: float = CELL_SIZE,
                         emerging_periods: int = EMERGING_PERIODS,
                         is_cancelled: Callable[[], bool] | None = None,
                         progress: Callable[[float], None] | None = None) -> LagesbildData:
    """Compute the lägesbild's layers for ``period`` (the incident filters of ``spec`` apply
    to every count and map) and write them to ``cache`` (default: next to the store)."""
    spec = (spec or FilterSpec()).with_period(period)
    data = LagesbildData(period, spec)

    def clock(name: str):
        return _timed(data.seconds, name)

    def step(share: float) -> None:
        if is_cancelled is not None and is_cancelled():
            raise CancelledError()
        if progress is not None:
            progress(share)

    cache = Path(cache) if cache is not None else cache_dir(store)
    cache.mkdir(parents=True, exist_ok=True)
    stem = f"lagesbild_{period.name}_{datetime.now():%Y%m%dT%H%M%S}_{uuid.uuid4().hex[:6]}"
    data.gpkg = cache / f"{stem}.gpkg"
    heatmap = cache / f"{stem.replace('lagesbild_', 'tathet_')}.tif"

    try:
        # One read for every period the group needs: the period, its references, and the
        # emerging hot spots' 14-day periods.
        last14 = period if (period.kind == "days" and period.days == 14) else \
            period_ending(period.last_day, 14)
        data.emerging_periods = periods_back(last14, emerging_periods)
        refs = [period, period.previous(), period.year_before()]
        history = history_bins(period)  # what expected counts and unusual now learn from
        with clock("read"):
            frame = load_frame(store, refs + data.emerging_periods + history, COLUMNS)
            frame = frame.take(np.flatnonzero(frame_mask(frame, spec)))
            boundary = kommun_boundary_wkt(store)
            areas = store.areas()
        step(0.25)
        now = incident_mask(frame, period)
        precise = now & incident_mask(frame, None, precise_only=True)
        data.incidents, data.precise = int(now.sum()), int(precise.sum())
        if data.incidents > data.precise:
            data.notes.append(tr("{n} incidents without an exact place (the police's events "
                                 "on an area or kommun, among others) are not drawn as points.")
                              .format(n=data.incidents - data.precise))

        writer = GpkgWriter(data.gpkg)
        with clock("areas"):
            area_rates(data, frame, refs, areas, writer, history)
            police_counts(data, frame, areas, writer)
        step(0.45)
        if not boundary:
            data.notes.append(tr("The store has no kommun boundary: hot spots and density are "
                                 "computed over the incidents' extent."))
        with clock("hotspots"):
            hot = hotspots_layer(data, frame, boundary, cell_size, writer)
        step(0.6)
        with clock("emerging"):
            emerging_layer(data, frame, boundary, cell_size, writer)
        with clock("unusual"):
            unusual = unusual_layer(data, frame, boundary, cell_size, writer, history)
        with clock("measures"):
            measure_layers(data, store, hot, unusual, areas, writer)
        step(0.8)
        with clock("heatmap"):
            heatmap_raster(data, frame, boundary, heatmap)
        with clock("surveys"):
            survey_choice(data, store)
        data.has_kommun = any(a.kind == AreaKind.KOMMUN.value for a in areas)
        step(1.0)
    except BaseException:
        data.heatmap = heatmap
        remove_cache_files(cache_files(data), [])  # no half build stays behind
        raise
    if not writer.written:
        data.gpkg = None
    return data


@contextmanager
def _timed(seconds: dict[str, float], name: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started


def survey_choice(data: LagesbildData, store: Store) -> None:
    from ..surveys import default_question

    results = store.survey_results()
    if not results:
        data.notes.append(tr("The store has no safety surveys: the survey layer is left "
                             "out."))
        return
    latest = max({r.survey for r in results})
    questions = sorted({r.question for r in results if r.survey == latest})
    data.survey = SurveyChoice(latest, default_question(questions))
