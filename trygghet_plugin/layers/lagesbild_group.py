"""The lägesbild on the municipal map: one layer group "Trygghet – lägesbild <period>".

Two steps, so the map never freezes:

1. :func:`build_lagesbild_data` reads the store and computes everything the layers show
   (counts and rates per area, police counts per area, hot spots, emerging hot spots, the
   density raster) and writes it to a cache folder next to the store (one GeoPackage and one
   GeoTIFF per build). It touches no project and no widget, so it runs in a QgsTask.
2. :func:`add_lagesbild_group` (main thread) opens the layers, styles them and adds the group.
   Called without data it does step 1 itself (Processing, tests, scripts).

The group, top to bottom:

=======================================  =====================================================
Ovanligt just nu                         clusters of hexagons with more incidents than their
                                         own history makes expected (analysis/unusual.py)
Händelser (exakt plats)                  the store's incidents of the period with an exact or
                                         street location, by category (colours and icons),
                                         temporal on occurred_at
Polisens händelser per område            police events of the period that have no point of
                                         their own: counts on the area named in the event,
                                         or on the kommun (layers/police.py's style)
Var händelserna koncentreras (Gi*)       hexagons with Gi* classes (hotspots.qml)
Framväxande hotspots                     the last 26 14-day periods (emerging.qml), hidden
Täthet (intern)                          kernel density GeoTIFF (heatmap.qml), hidden
Händelser per 1 000 invånare (<kind>)    counts and rates per area, graduated
Trygghetsmätning <survey>                the latest survey's choropleth (layers/surveys.py),
                                         hidden
Kommungräns                              the kommun outline
=======================================  =====================================================

Police events placed on an area's or the kommun's centre are never drawn as points. Layers
the store cannot fill (no areas, no survey, no police events) are left out with a note in the
log. The base map (setting ``base_map_url``) goes to the bottom of the project.
"""

from __future__ import annotations

import math
import time
import uuid
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from ..analysis.areas import finest_areas, kommun_boundary_wkt
from ..analysis.coverage import latest_occurred
from ..analysis.density import period_density, write_geotiff
from ..analysis.emerging import period_emerging
from ..analysis.errors import AnalysisError
from ..analysis.expected import history_bins
from ..analysis.figures import kommun_figures
from ..analysis.hotspots import CELL_SIZE, period_hotspots
from ..analysis.periods import (
    FIRST_PERIOD_START,
    Period,
    last_complete_period,
    last_complete_tertial,
    local_date,
    period_ending,
    periods_back,
)
from ..analysis.select import PRECISE, incident_mask, load_frame
from ..domain import clock
from ..domain.area import KIND_LABELS, AreaKind
from ..i18n import translator
from ..store.base import Store
from .filters import AREAS, INCIDENTS, POLICE, FilterSpec, build_filter, frame_mask, mark_layer

tr = translator("Layers")

GROUP_PREFIX = "Trygghet – lägesbild"
INCIDENTS_NAME = "Händelser (exakt plats)"
HOTSPOTS_NAME = "Var händelserna koncentreras (Gi*)"
EMERGING_NAME = "Framväxande hotspots"
HEATMAP_NAME = "Täthet (intern)"
RATES_PREFIX = "Händelser per 1 000 invånare"
SURVEY_PREFIX = "Trygghetsmätning"
EMERGING_PERIODS = 26
#: Frame columns the group reads.
COLUMNS = ("category", "subcategory", "status", "location_precision", "source",
           "reporter_org", "area_code", "kommunkod")
RATE_COLORS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
#: Cache tables.
AREAS_TABLE, POLICE_TABLE, HOTSPOTS_TABLE, EMERGING_TABLE = (
    "areas_rates", "police_counts", "hotspots", "emerging")
UNUSUAL_TABLE = "unusual_now"


class CancelledError(Exception):
    """The build was cancelled (the task's cancel button)."""


# -- names and periods --------------------------------------------------------------------

def period_title(period: Period) -> str:
    """``v. 45–46 2026``, ``tertial 3 2026`` or the dates."""
    if period.kind == "tertial":
        year, n = period.tertial
        return f"tertial {n} {year}"
    if period.start.weekday() == 0 and period.days % 7 == 0:
        (y0, w0), (y1, w1) = period.iso_weeks[0], period.iso_weeks[-1]
        if y0 == y1:
            return f"v. {w0} {y0}" if w0 == w1 else f"v. {w0}–{w1} {y0}"
        return f"v. {w0} {y0} – v. {w1} {y1}"
    return period.date_range


def group_name(period: Period) -> str:
    return f"{GROUP_PREFIX} {period_title(period)}"


def default_period(store: Store | None = None, now: datetime | None = None, *,
                   days: int = 14, first_start=FIRST_PERIOD_START,
                   kind: str = "days") -> Period:
    """The last complete period (``kind`` "days": ``days`` long on the grid from
    ``first_start``; "tertial": a tertial). When the store's newest incident is older than
    that period, the last complete period of the store's data instead (a store not synced
    lately, or the sample), so the picture is not empty."""
    now = now or clock.now()

    def last(moment):
        if kind == "tertial":
            return last_complete_tertial(moment)
        return last_complete_period(moment, days, first_start)

    period = last(now)
    latest = latest_occurred(store) if store is not None else None
    if latest is not None and local_date(latest) < period.start:
        period = last(local_date(latest) + timedelta(days=1))
    return period


def cache_dir(store: Store) -> Path:
    """``<store folder>/<store name>_cache`` for a GeoPackage store: the computed layers live
    next to the store. A database store's go to the QGIS profile (``trygghet_cache``)."""
    uri = Path(str(store.uri))
    if uri.suffix.lower() == ".gpkg":
        return uri.with_name(f"{uri.stem}_cache")
    from qgis.core import QgsApplication

    return Path(QgsApplication.qgisSettingsDirPath()) / "trygghet_cache"


# -- the data (any thread) ----------------------------------------------------------------

@dataclass(frozen=True)
class RateClass:
    lower: float
    upper: float
    label: str
    color: str


@dataclass(frozen=True)
class SurveyChoice:
    survey: str
    question: str


@dataclass
class LagesbildData:
    """What :func:`build_lagesbild_data` made; paths are None for layers left out."""

    period: Period
    spec: FilterSpec
    gpkg: Path | None = None
    heatmap: Path | None = None
    area_kind: str | None = None
    rate_classes: list[RateClass] = field(default_factory=list)
    has_areas: bool = False
    has_police: bool = False
    has_hotspots: bool = False
    has_emerging: bool = False
    has_unusual: bool = False
    has_kommun: bool = False
    survey: SurveyChoice | None = None
    incidents: int = 0           # in the period (after the filter), every precision
    precise: int = 0             # of which drawn as points
    police_area: int = 0         # police events counted on an area
    police_kommun: int = 0       # police events counted on the kommun
    emerging_periods: list[Period] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def table_uri(self, table: str) -> str:
        return f"{self.gpkg}|layername={table}"


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

        writer = _GpkgWriter(data.gpkg)
        with clock("areas"):
            _area_rates(data, frame, refs, areas, writer, history)
            _police_counts(data, frame, areas, writer)
        step(0.45)
        if not boundary:
            data.notes.append(tr("The store has no kommun boundary: hot spots and density are "
                                 "computed over the incidents' extent."))
        with clock("hotspots"):
            _hotspots(data, frame, boundary, cell_size, writer)
        step(0.6)
        with clock("emerging"):
            _emerging(data, frame, boundary, cell_size, writer)
        with clock("unusual"):
            _unusual(data, frame, boundary, cell_size, writer, history)
        step(0.8)
        with clock("heatmap"):
            _heatmap(data, frame, boundary, heatmap)
        with clock("surveys"):
            _survey(data, store)
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


class _GpkgWriter:
    """Layers into one GeoPackage with QgsVectorFileWriter (safe outside the main thread)."""

    def __init__(self, path: Path):
        self.path = path
        self.written: list[str] = []

    def write(self, table: str, fields, geometry_type, features, description: str = "") -> None:
        from qgis.core import (
            QgsCoordinateReferenceSystem,
            QgsCoordinateTransformContext,
            QgsFeatureSink,
            QgsVectorFileWriter,
        )

        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.fileEncoding = "UTF-8"
        on_existing = QgsVectorFileWriter.ActionOnExistingFile
        options.actionOnExistingFile = (on_existing.CreateOrOverwriteLayer if self.written
                                        else on_existing.CreateOrOverwriteFile)
        if description:
            options.layerOptions = [f"DESCRIPTION={description}"]
        writer = QgsVectorFileWriter.create(
            str(self.path), fields, geometry_type, QgsCoordinateReferenceSystem("EPSG:3006"),
            QgsCoordinateTransformContext(), options)
        if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise OSError(tr("Could not write {path}: {error}").format(
                path=self.path, error=writer.errorMessage()))
        for feature in features:
            writer.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        del writer  # flushes and closes
        self.written.append(table)


def _fields(spec):
    from qgis.core import QgsField, QgsFields

    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields


def _polygon(wkb: bytes):
    from qgis.core import QgsGeometry

    geometry = QgsGeometry()
    geometry.fromWkb(bytes(wkb))
    return geometry


def vs_expected_label(expected) -> str:
    """The area's count against its expected range, in the layer's attribute (Swedish, as
    the map's legends)."""
    if expected is None or not expected.testable:
        return "För kort historik"
    return {"up": "Fler än väntat", "down": "Färre än väntat"}.get(expected.direction,
                                                                   "Inom det väntade")


def _area_rates(data: LagesbildData, frame, refs: Sequence[Period], areas, writer,
                history: Sequence[Period] = ()) -> None:
    """Counts per area and rates per 1,000 inhabitants: precise points by point-in-polygon,
    area-level events by their area code; kommun-level events count on no area."""
    from qgis.core import QgsFeature, QgsWkbTypes

    from .fields import DOUBLE, INT, STRING

    chosen = finest_areas(areas)
    if not chosen:
        data.notes.append(tr("The store has no areas (DeSO, RegSO or districts): the layer "
                             "{layer} is left out.").format(layer=RATES_PREFIX))
        return
    kind = chosen[0].kind
    rows = np.zeros(len(frame), dtype=bool)
    for p in [*refs, *history]:
        rows |= incident_mask(frame, p)
    sub = frame.take(np.flatnonzero(rows))
    known = {a.code for a in chosen}
    # The same function as the PDFs' figures: one count per area, whichever door asks.
    figures = kommun_figures(sub, data.period, chosen)
    by_code = {f.key: f for f in figures.by_area}
    fields = _fields((("code", STRING), ("name", STRING),
                      ("kind", STRING), ("population", INT),
                      ("incidents", INT), ("per_1000", DOUBLE),
                      ("expected", STRING), ("vs_expected", STRING),
                      ("previous", INT), ("year_before", INT),
                      ("period", STRING)))

    def features():
        for area in chosen:
            f = by_code.get(area.code)
            feature = QgsFeature(fields)
            feature.setGeometry(_polygon(area.wkb))
            rate = f.rate if f is not None else None
            feature.setAttributes([
                area.code, area.label, area.kind, area.population,
                f.count if f else 0, None if rate is None else round(rate, 3),
                f.expected.interval_text if f and f.expected else "–",
                vs_expected_label(f.expected if f else None),
                f.previous if f else 0, f.year_before if f else 0,
                data.period.name])
            yield feature

    writer.write(AREAS_TABLE, fields, QgsWkbTypes.Type.MultiPolygon, features(),
                 f"{RATES_PREFIX} {data.period.label}")
    data.has_areas, data.area_kind = True, kind
    data.rate_classes = rate_classes([f.rate for f in figures.by_area if f.key in known])
    missing = [a.label for a in chosen if not a.population]
    if missing:
        data.notes.append(tr("{n} areas have no population and get no rate per 1,000 "
                             "inhabitants ({areas}).").format(n=len(missing),
                                                             areas=", ".join(missing[:5])))


def _police_counts(data: LagesbildData, frame, areas, writer) -> None:
    """Police events of the period without a point of their own, counted where the feed
    placed them: on the named area, or on the kommun as a whole."""
    from qgis.core import QgsFeature, QgsWkbTypes

    from .fields import DOUBLE, INT, STRING

    now = incident_mask(frame, data.period) & (frame["source"] == "police") & \
        ~np.isin(frame["location_precision"], PRECISE)
    if not now.any():
        return
    if not areas:
        data.notes.append(tr("{n} of the police's events have no place and are not shown: "
                             "the store has no areas and no kommun boundary.").format(
            n=int(now.sum())))
        return
    precision = frame["location_precision"][now]
    on_area: dict[str, int] = {}
    for code in frame["area_code"][now][precision == "area"]:
        if code:
            on_area[code] = on_area.get(code, 0) + 1
    on_kommun: dict[str, int] = {}
    for code in frame["kommunkod"][now][precision == "kommun"]:
        if code:
            on_kommun[code] = on_kommun.get(code, 0) + 1
    rows = [a for a in areas if (a.kind == AreaKind.KOMMUN.value and a.code in on_kommun
                                 or a.kind != AreaKind.KOMMUN.value and a.code in on_area)]
    kommuner = [a for a in areas if a.kind == AreaKind.KOMMUN.value]
    rows += [a for a in kommuner if a not in rows]  # the kommun shows, with 0 when none
    fields = _fields((("code", STRING), ("name", STRING),
                      ("kind", STRING), ("kommunkod", STRING),
                      ("population", INT), ("events", INT),
                      ("events_area", INT), ("events_kommun", INT),
                      ("per_1000", DOUBLE), ("period", STRING)))

    def features():
        for area in rows:
            n_area = on_area.get(area.code, 0) if area.kind != AreaKind.KOMMUN.value else 0
            n_kommun = on_kommun.get(area.code, 0) if area.kind == AreaKind.KOMMUN.value else 0
            events = n_area + n_kommun
            feature = QgsFeature(fields)
            feature.setGeometry(_polygon(area.wkb))
            feature.setAttributes([
                area.code, area.label, area.kind, area.kommunkod, area.population, events,
                n_area, n_kommun,
                round(1000.0 * events / area.population, 3) if area.population else None,
                data.period.name])
            yield feature

    writer.write(POLICE_TABLE, fields, QgsWkbTypes.Type.MultiPolygon, features(),
                 f"Polisens händelser per område {data.period.label}")
    data.has_police = True
    data.police_area = sum(n for c, n in on_area.items() if any(a.code == c for a in rows))
    data.police_kommun = sum(n for c, n in on_kommun.items()
                             if any(a.code == c for a in kommuner))
    lost = int(now.sum()) - data.police_area - data.police_kommun
    if lost:
        data.notes.append(tr("{n} of the police's events have neither a known area nor a "
                             "kommun in the store and are not shown.").format(n=lost))


def _hotspots(data: LagesbildData, frame, boundary, cell_size: float, writer) -> None:
    from qgis.core import QgsWkbTypes

    from .hotspots import hotspot_features, hotspot_fields

    if data.precise == 0:
        data.notes.append(tr("No incidents with an exact place in the period: hot spots are "
                             "left out."))
        return
    try:
        result = period_hotspots(frame, data.period, boundary, cell_size)
    except AnalysisError as exc:
        data.notes.append(tr("Hot spots could not be computed: {error}").format(error=exc))
        return
    fields = hotspot_fields()
    writer.write(HOTSPOTS_TABLE, fields, QgsWkbTypes.Type.Polygon,
                 hotspot_features(result, fields), f"Hotspots {data.period.label}")
    data.has_hotspots = True


def _emerging(data: LagesbildData, frame, boundary, cell_size: float, writer) -> None:
    from qgis.core import QgsWkbTypes

    from .hotspots import emerging_features, emerging_fields

    periods = data.emerging_periods
    located = incident_mask(frame, None, precise_only=True)
    first, last = periods[0].start_utc, periods[-1].end_utc
    lo = np.datetime64(first.replace(tzinfo=None), "s")
    hi = np.datetime64(last.replace(tzinfo=None), "s")
    if not (located & (frame.occurred_at >= lo) & (frame.occurred_at < hi)).any():
        data.notes.append(tr("No incidents with an exact place in the last {n} periods: "
                             "emerging hot spots are left out.").format(n=len(periods)))
        return
    try:
        result = period_emerging(frame, periods, boundary, cell_size)
    except AnalysisError as exc:
        data.notes.append(tr("Emerging hot spots could not be computed: {error}").format(
            error=exc))
        return
    data.notes.extend(result.warnings)  # e.g. few periods for a trend test
    fields = emerging_fields()
    writer.write(EMERGING_TABLE, fields, QgsWkbTypes.Type.Polygon,
                 emerging_features(result, fields), f"Framväxande hotspots {periods[-1].label}")
    data.has_emerging = True


def _unusual(data: LagesbildData, frame, boundary, cell_size: float, writer,
             history: Sequence[Period]) -> None:
    from qgis.core import QgsWkbTypes

    from ..analysis.unusual import period_unusual
    from .unusual import UNUSUAL_NAME, unusual_features, unusual_fields

    try:
        result = period_unusual(frame, data.period, boundary, cell_size, history=history)
    except AnalysisError as exc:
        data.notes.append(tr("Unusual now could not be computed: {error}").format(error=exc))
        return
    if not result.testable:
        data.notes.append(result.summary())
    fields = unusual_fields()
    writer.write(UNUSUAL_TABLE, fields, QgsWkbTypes.Type.MultiPolygon,
                 unusual_features(result, fields), f"{UNUSUAL_NAME} {data.period.label}")
    data.has_unusual = True


def _heatmap(data: LagesbildData, frame, boundary, path: Path) -> None:
    if data.precise == 0:
        data.notes.append(tr("No incidents with an exact place in the period: the density is "
                             "left out."))
        return
    try:
        raster = period_density(frame, data.period, boundary)
    except AnalysisError as exc:
        data.notes.append(tr("The density could not be computed: {error}").format(error=exc))
        return
    data.heatmap = write_geotiff(raster, path, boundary)


def _survey(data: LagesbildData, store: Store) -> None:
    from .surveys import default_question

    results = store.survey_results()
    if not results:
        data.notes.append(tr("The store has no safety surveys: the survey layer is left "
                             "out."))
        return
    latest = max({r.survey for r in results})
    questions = sorted({r.question for r in results if r.survey == latest})
    data.survey = SurveyChoice(latest, default_question(questions))


# -- legend classes -----------------------------------------------------------------------

def _nice(value: float, up: bool = False) -> float:
    """``value`` rounded to two significant digits (up for the top edge)."""
    if value <= 0:
        return 0.0
    step = 10 ** (math.floor(math.log10(value)) - 1)
    n = value / step
    return (math.ceil(n - 1e-9) if up else round(n)) * step


def format_number(value: float) -> str:
    """Swedish: decimal comma, at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def rate_classes(rates: Sequence[float | None], n: int = 5) -> list[RateClass]:
    """Up to ``n`` classes of rates per 1,000 inhabitants at quantiles, with round edges and
    Swedish labels ("1,5–3 per 1 000 inv.")."""
    values = np.array([r for r in rates if r is not None and r == r], dtype=float)
    if values.size == 0:
        return []
    top = _nice(float(values.max()), up=True)
    if top == 0:
        return [RateClass(0.0, 0.0, "0 per 1 000 inv.", RATE_COLORS[0])]
    inner = sorted({_nice(float(q)) for q in np.quantile(values, np.arange(1, n) / n)})
    edges = [0.0] + [e for e in inner if 0 < e < top] + [top]
    out = []
    colors = _spread(RATE_COLORS, len(edges) - 1)
    for lower, upper, color in zip(edges[:-1], edges[1:], colors):
        out.append(RateClass(lower, upper, f"{format_number(lower)}–{format_number(upper)} "
                                           "per 1 000 inv.", color))
    return out


def _spread(colors: Sequence[str], k: int) -> list[str]:
    if k >= len(colors):
        return list(colors)[:k]
    picks = np.linspace(0, len(colors) - 1, k).round().astype(int)
    return [colors[i] for i in picks]


# -- the layers (main thread) -------------------------------------------------------------

@dataclass
class GroupEntry:
    """One layer of the group; ``subgroup`` names a subgroup to put it in."""

    layer: object
    visible: bool = True
    subgroup: str | None = None


def lagesbild_layers(store: Store, data: LagesbildData, taxonomy=None) -> list[GroupEntry]:
    """The group's layers, styled, top first (not added to any project)."""
    from ..domain.taxonomy import Taxonomy
    from ..paths import taxonomy_file
    from .hotspots import EMERGING_QML, HOTSPOTS_QML, apply_style, heatmap_layer
    from .incidents import incidents_layer

    taxonomy = taxonomy or Taxonomy.load(taxonomy_file())
    entries: list[GroupEntry] = []
    if data.has_unusual:  # first: what is new this period leads the map
        from .unusual import UNUSUAL_NAME, style_unusual

        layer = _cache_layer(data, UNUSUAL_TABLE, UNUSUAL_NAME)
        style_unusual(layer)
        entries.append(GroupEntry(layer))
    incidents = incidents_layer(store, taxonomy, name=INCIDENTS_NAME)
    incidents.setSubsetString(build_filter(data.spec, INCIDENTS))
    entries.append(GroupEntry(incidents))
    if data.has_police:
        entries.append(GroupEntry(_police_layer(store, data)))
    if data.has_hotspots:
        layer = _cache_layer(data, HOTSPOTS_TABLE, HOTSPOTS_NAME)
        apply_style(layer, HOTSPOTS_QML)
        entries.append(GroupEntry(layer))
    if data.has_emerging:
        layer = _cache_layer(data, EMERGING_TABLE,
                             f"{EMERGING_NAME} ({len(data.emerging_periods)} perioder)")
        apply_style(layer, EMERGING_QML)
        entries.append(GroupEntry(layer, visible=False))
    if data.heatmap is not None:
        entries.append(GroupEntry(heatmap_layer(str(data.heatmap), HEATMAP_NAME),
                                  visible=False))
    if data.has_areas:
        entries.append(GroupEntry(_rates_layer(data)))
    if data.survey is not None:
        from .surveys import survey_layer

        layer = survey_layer(store, data.survey.survey, data.survey.question)
        mark_layer(layer, AREAS, layer.subsetString())
        layer.setSubsetString(build_filter(data.spec, AREAS, base=layer.subsetString()))
        name = data.survey.survey
        if SURVEY_PREFIX.lower() not in name.lower():
            name = f"{SURVEY_PREFIX} {name}"
        entries.append(GroupEntry(layer, visible=False, subgroup=name))
    if data.has_kommun:
        from .areas import KOMMUN_LAYER_NAME, outline_layer

        entries.append(GroupEntry(outline_layer(store, AreaKind.KOMMUN.value,
                                                KOMMUN_LAYER_NAME)))
    return entries


def _cache_layer(data: LagesbildData, table: str, name: str):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(data.table_uri(table), name, "ogr")
    if not layer.isValid():
        raise RuntimeError(f"could not open {data.table_uri(table)}")
    return layer


def _police_layer(store: Store, data: LagesbildData):
    """The period's police counts with the style of layers/police.py (rule labels say where
    the events are placed; the kommun's count is its label)."""
    from .police import POLICE_LAYER_NAME, police_areas_layer

    layer = _cache_layer(data, POLICE_TABLE, POLICE_LAYER_NAME)
    styled = police_areas_layer(store)
    layer.setRenderer(styled.renderer().clone())
    if styled.labeling() is not None:
        layer.setLabeling(styled.labeling().clone())
        layer.setLabelsEnabled(styled.labelsEnabled())
    mark_layer(layer, POLICE)
    layer.setSubsetString(build_filter(data.spec, POLICE))
    return layer


def _rates_layer(data: LagesbildData):
    from qgis.core import QgsFillSymbol, QgsGraduatedSymbolRenderer, QgsRendererRange

    kind = KIND_LABELS.get(data.area_kind or "", data.area_kind or "")
    layer = _cache_layer(data, AREAS_TABLE, f"{RATES_PREFIX} ({kind})")
    ranges = []
    for cls in data.rate_classes:
        symbol = QgsFillSymbol.createSimple({"color": cls.color, "outline_color": "110,110,110,255",
                                             "outline_width": "0.2"})
        ranges.append(QgsRendererRange(cls.lower, cls.upper, symbol, cls.label))
    layer.setRenderer(QgsGraduatedSymbolRenderer("per_1000", ranges))
    layer.setOpacity(0.6)
    mark_layer(layer, AREAS)
    layer.setSubsetString(build_filter(data.spec, AREAS))
    return layer


def find_lagesbild_groups(project) -> list:
    return [g for g in project.layerTreeRoot().findGroups()
            if g.name().startswith(GROUP_PREFIX)]


def remove_lagesbild_groups(project) -> int:
    """Remove earlier lägesbild groups and their layers; returns where the first one was
    (its index at the top level of the layer tree, 0 when none was there)."""
    root = project.layerTreeRoot()
    index = None
    for group in find_lagesbild_groups(project):
        parent = group.parent() or root
        if index is None:
            index = next((i for i, node in enumerate(root.children())
                          if node.name() == group.name()), None)
        ids = [node.layerId() for node in group.findLayers()]
        parent.removeChildNode(group)
        project.removeMapLayers(ids)
    return index or 0


def add_lagesbild_group(project, store: Store, period: Period,
                        data: LagesbildData | None = None, *, spec: FilterSpec | None = None,
                        taxonomy=None, base_map_url: str | None = None,
                        replace: bool = True, cell_size: float | None = None):
    """Add the group "Trygghet – lägesbild <period>" to ``project`` (replacing an earlier
    one); ``data`` from :func:`build_lagesbild_data` (built here when None). The base map of
    ``base_map_url`` (default: the setting) goes to the bottom of the project."""
    from qgis.core import QgsCoordinateReferenceSystem

    from ..log import logger
    from .basemap import add_base_map

    if data is None:
        data = build_lagesbild_data(store, period, spec=spec,
                                    cell_size=cell_size or CELL_SIZE)
    entries = lagesbild_layers(store, data, taxonomy)
    if not project.crs().isValid():
        project.setCrs(QgsCoordinateReferenceSystem("EPSG:3006"))
    index = remove_lagesbild_groups(project) if replace else 0
    root = project.layerTreeRoot()
    group = root.insertGroup(index, group_name(data.period))
    subgroups = {}
    for entry in entries:
        project.addMapLayer(entry.layer, False)
        parent = group
        if entry.subgroup:
            parent = subgroups.get(entry.subgroup)
            if parent is None:
                parent = subgroups[entry.subgroup] = group.addGroup(entry.subgroup)
                parent.setItemVisibilityChecked(entry.visible)
        node = parent.addLayer(entry.layer)
        node.setItemVisibilityChecked(entry.visible or bool(entry.subgroup))
        if not entry.visible:
            node.setExpanded(False)
    add_base_map(project, base_map_url)
    for note in data.notes:
        logger.info(f"{group.name()}: {note}")
    return group


def cache_files(data: LagesbildData) -> list[Path]:
    """The files one build wrote (with their GeoPackage and GDAL side files)."""
    files = []
    for path in (data.gpkg, data.heatmap):
        if path is not None:
            files += [path, *(path.with_name(path.name + ext)
                              for ext in ("-wal", "-shm", ".aux.xml"))]
    return files


def remove_cache_files(files: Sequence[Path], used_sources: Sequence[str]) -> int:
    """Delete the given cache files unless a layer source in ``used_sources`` still uses
    them; returns how many were deleted. Only the caller knows which builds no saved project
    can refer to (the Filter dock: its own builds, replaced before the project was saved)."""
    used = {Path(s.split("|")[0]).name for s in used_sources}
    removed = 0
    for path in files:
        base = path.name.split(".")[0]
        if any(u.split(".")[0] == base for u in used) or not path.exists():
            continue
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass  # still open somewhere: it stays
    return removed
