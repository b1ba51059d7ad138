"""From the store to what the layouts print: the lägesbild's and the board analysis' data.

Everything is computed by the analysis core (periods, figures with tested changes, hot spots);
this module only selects and arranges it for print.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np

from ..analysis.areas import (
    FINEST_FIRST,
    KOMMUN_ONLY,
    area_display_name,
    assign_areas,
    incident_area_codes,
    kommun_boundary_wkt,
)
from ..analysis.coverage import first_incident, staleness
from ..analysis.expected import adjust as expected_adjust
from ..analysis.figures import (
    Figure,
    PeriodFigures,
    figures_periods,
    first_local_day,
    kommun_figures,
    period_figures,
)
from ..analysis.hotspots import HotspotResult, period_hotspots
from ..analysis.periods import Period, periods_back
from ..analysis.select import incident_mask, load_frame
from ..constants import DEFAULT_CELL_SIZE_M, POLICE_SOURCE
from ..domain import clock
from ..domain.incident import from_utc_text
from ..domain.taxonomy import Taxonomy
from ..domain.timeutil import local
from ..store.base import Store
from . import disclosure
from .board_measures import measures_section
from .formatting import MONTHS_SHORT, number
from .model import (
    AreaPage,
    BoardData,
    FigureRow,
    FlaggedPlace,
    LagesbildReport,
    MeasureRow,
    Place,
    PoliceEvent,
)
from .privacy import count_text, shown

TREND_PERIODS = 12


@dataclass
class StoreContext:
    """What every picture needs from the store besides the incidents."""

    kommun_name: str
    boundary_wkt: str | None
    areas: list  # domain Area objects of the finest kind present
    population: dict[str, int]
    area_names: dict[str, str]
    sources: list[str]
    last_sync: datetime | None


def store_context(store: Store, kommun_name: str | None = None) -> StoreContext:
    areas: list = []
    reader = getattr(store, "areas", None)
    if reader is not None:
        for kind in FINEST_FIRST:
            areas = reader(kind=kind)
            if areas:
                break
        kommuner = reader(kind="kommun")
        if not kommun_name and kommuner:
            kommun_name = kommuner[0].name
    population = {a.code: a.population for a in areas if a.population}
    names = {a.code: area_display_name(a) for a in areas}
    sources, last_sync = _sync_lines(store)
    # Police events imported from a file leave no sync state; they are a source all the same.
    if not any("polis" in line for line in sources) and \
            store.count("incidents", "source = ?", (POLICE_SOURCE,)):
        sources.append("polisens händelser (import)")
    return StoreContext(kommun_name or "kommunen", kommun_boundary_wkt(store), areas,
                        population, names, sources, last_sync)


SOURCE_LABELS = {"oapif": "rapporter från insamlingstjänsten (OGC API Features)",
                 "open311": "rapporter från insamlingstjänsten (Open311)",
                 "file": "rapporter från exportfil", "polisen": "polisens händelser",
                 POLICE_SOURCE: "polisens händelser"}


def _sync_lines(store: Store) -> tuple[list[str], datetime | None]:
    """One line per kind of source with its latest successful sync; the latest of all."""
    latest: dict[str, datetime | None] = {}
    states = getattr(store, "sync_states", None)
    for state in (states() if states else []):
        kind = state.source_key.partition(":")[0]
        label = SOURCE_LABELS.get(kind, kind)
        when = from_utc_text(state.last_success) if state.last_success else None
        if label not in latest or (when and (latest[label] is None or when > latest[label])):
            latest[label] = when
    lines = [f"{label} (senast {local(when):%Y-%m-%d %H:%M})" if when else label
             for label, when in latest.items()]
    stamps = [w for w in latest.values() if w]
    return lines or ["rapporter från kommunens insamlingstjänst"], max(stamps, default=None)


def _row(figure: Figure, taxonomy: Taxonomy | None = None) -> FigureRow:
    color = taxonomy.color(figure.key) if taxonomy and figure.group == "category" else "#000000"
    e = figure.expected
    return FigureRow(figure.key or figure.group, figure.label, color, figure.count,
                     figure.previous, figure.year_before,
                     e.low if e is not None else None, e.high if e is not None else None,
                     figure.significant, figure.direction)


def _in_taxonomy_order(rows: list[FigureRow], taxonomy: Taxonomy) -> list[FigureRow]:
    order = {code: i for i, code in enumerate(taxonomy.categories)}
    return sorted(rows, key=lambda r: order.get(r.code, len(order)))


def _area_codes(frame, ctx: StoreContext) -> np.ndarray | None:
    """The area of every incident, as precisely as its place is known (one
    point-in-polygon pass for all areas)."""
    return incident_area_codes(frame, ctx.areas) if ctx.areas else None


def _figures(frame, period: Period, ctx: StoreContext, taxonomy: Taxonomy,
             codes: np.ndarray | None = None) -> PeriodFigures:
    return kommun_figures(frame, period, ctx.areas, area_codes=codes,
                          categories={c: cat.sv for c, cat in taxonomy.categories.items()})


def _category_index(frame, taxonomy: Taxonomy) -> np.ndarray:
    """Each row's taxonomy category as its position in ``taxonomy.categories`` (-1: none)."""
    text = getattr(frame, "text", {})
    if "category" not in text:
        return np.full(len(frame), -1, dtype=np.int64)
    index = {code: i for i, code in enumerate(taxonomy.categories)}
    category = np.fromiter((index.get(c, -1) for c in frame["category"]), np.int64, len(frame))
    if "subcategory" in text:  # a subcategory given as a category code counts for it too
        sub = np.fromiter((index.get(c, -1) for c in frame["subcategory"]), np.int64,
                          len(frame))
        category = np.where(category >= 0, category, sub)
    return category


def _category_counts(frame, periods: list[Period], taxonomy: Taxonomy,
                     sources: tuple[str, ...] | None = None,
                     category: np.ndarray | None = None) -> np.ndarray:
    """Counts per taxonomy category (rows) and period (columns), the same rows as
    ``incident_mask(frame, p, categories=[code], sources=sources)`` counts, in one pass over
    the frame instead of one per category and period. ``category``: the frame's
    :func:`_category_index`, when already known."""
    codes = list(taxonomy.categories)
    counts = np.zeros((len(codes), len(periods)), dtype=np.int64)
    if not len(frame):
        return counts
    if category is None:
        category = _category_index(frame, taxonomy)
    keep = incident_mask(frame, None, sources=sources) & (category >= 0)
    for j, period in enumerate(periods):
        rows = keep & period.contains(frame.occurred_at)
        counts[:, j] = np.bincount(category[rows], minlength=len(codes))
    return counts


def _trend(frame, periods: list[Period], taxonomy: Taxonomy,
           sources: tuple[str, ...] | None = None,
           category: np.ndarray | None = None) -> dict[str, list[int]]:
    counts = _category_counts(frame, periods, taxonomy, sources, category)
    return {code: row for code, row in zip(taxonomy.categories, counts.tolist()) if any(row)}


def _period_label(p: Period) -> str:
    weeks = p.weeks
    return f"v.{weeks[0]}–{weeks[-1]}" if len(weeks) > 1 else f"v.{weeks[0]}"


def lagesbild_periods(period: Period) -> list[Period]:
    """Every period the lägesbild counts: the period, its references and the trend."""
    return [*figures_periods(period), *periods_back(period, TREND_PERIODS)]


def lagesbild_data(store: Store, period: Period, taxonomy: Taxonomy, *,
                   kommun_name: str | None = None, cell_size: float = DEFAULT_CELL_SIZE_M,
                   frame=None) -> tuple[LagesbildReport, HotspotResult, StoreContext]:
    """``frame``: the incidents of :func:`lagesbild_periods`, when the caller has read them."""
    ctx = store_context(store, kommun_name)
    trend_periods = periods_back(period, TREND_PERIODS)
    if frame is None:
        frame = load_frame(store, lagesbild_periods(period))
    figures = _figures(frame, period, ctx, taxonomy)
    hot = period_hotspots(frame, period, ctx.boundary_wkt, cell_size)
    stale = staleness(store, period)
    shown = [f for f in figures.by_category if f.count or f.previous or f.year_before]
    rows = _in_taxonomy_order([_row(f, taxonomy) for f in shown], taxonomy)
    total_row = _row(figures.total)
    if stale is not None:
        rows, (total_row,) = _unstarred(rows), _unstarred([total_row])
    places = _top_places(figures, hot, stale=stale is not None)
    police = [PoliceEvent(local(i.occurred_at), _police_text(i, taxonomy),
                          ctx.area_names.get(i.area_code or "", ctx.kommun_name),
                          _precision_sv(i.location_precision))
              for i in _police_in(store, period)]
    data = LagesbildReport(
        ctx.kommun_name, period.start, period.last_day, rows, total_row, places,
        figures.weekday_hour, [_period_label(p) for p in trend_periods],
        _trend(frame, trend_periods, taxonomy),
        {c: cat.color for c, cat in taxonomy.categories.items()},
        {c: cat.sv for c, cat in taxonomy.categories.items()},
        [(o.organisation, o.reports, (o.reporters or 0) if _has_reporter_ids(frame) else 0)
         for o in figures.organisations if o.reports],
        police, ctx.sources, ctx.last_sync, clock.now(),
        notes=[hot_cells_note(hot, cell_size)],
        figures_note=figures_note([figures.total, *shown], stale=stale is not None),
        stale_note=stale.text_sv() if stale is not None else "",
        method=lagesbild_method(cell_size))
    return data, hot, ctx


# -- measures in the lägesbild ------------------------------------------------------------

#: The evaluation's verdicts as the lägesbild prints them (print stays Swedish).
VERDICTS_SV = {
    "decreased": "minskade", "decreased_diffusion": "minskade, även i närområdet",
    "decreased_partly_displaced": "minskade, en del flyttade troligen till närområdet",
    "displaced": "flyttade troligen till närområdet", "increased": "ökade",
    "no_change": "ingen säker förändring", "too_few": "för få händelser för att bedöma",
    "not_over": "efterperioden är inte slut",
}


def _measure_dates(measure) -> str:
    if measure.start is None:
        return "pågår" if measure.end is None else f"– {measure.end:%Y-%m-%d}"
    return f"{measure.start:%Y-%m-%d} – {measure.end:%Y-%m-%d}" if measure.end else \
        f"{measure.start:%Y-%m-%d} – pågår"


@dataclass
class LagesbildMeasures:
    """The period's active measures and its places without one, for the table and the map."""

    rows: list[MeasureRow]
    flagged: list[FlaggedPlace]
    active: list            # domain Measure objects
    places: list            # analysis.uncovered.Place objects, as ``flagged``
    note: str


def lagesbild_measures(store: Store, period: Period, hot: HotspotResult | None, unusual,
                       ctx: StoreContext) -> LagesbildMeasures:
    """Measures active in ``period`` and the unusual or hot places no active measure acts
    near (:mod:`..analysis.uncovered`): the same rule as the map's layers."""
    from ..analysis.uncovered import (
        NEARBY_M,
        active_measures,
        describe_sv,
        place_area_names,
        uncovered_places,
    )
    from ..domain.measure import STATUS_LABELS, MeasureTypes
    from ..store.base import StoreError

    try:
        measures = store.measures()
        missing = ""
    except StoreError:
        measures, missing = [], " Databasen håller inga åtgärder: alla platser saknar åtgärd."
    types = MeasureTypes.load()
    active = sorted(active_measures(measures, period.start, period.last_day),
                    key=lambda m: (m.start or period.start, m.title))
    rows = [MeasureRow(m.title, types.label(m.type), STATUS_LABELS.get(m.status, (m.status,))[0],
                       _measure_dates(m), m.organisation or "–",
                       VERDICTS_SV.get(m.verdict or "", m.verdict or "–"),
                       types.types[m.type].color if m.type in types.types else "#7f7f7f")
            for m in active]
    places = uncovered_places(unusual, hot, measures, period.start, period.last_day)
    where = place_area_names(places, ctx.areas, ctx.kommun_name)
    flagged = [FlaggedPlace(describe_sv(p), name) for p, name in zip(places, where)]
    note = (f"Åtgärder i perioden: åtgärder som pågick någon del av perioden (startade senast "
            f"periodens sista dag och avslutades tidigast dess första dag). Senaste bedömning: "
            f"den senaste utvärderingen av en avslutad åtgärd (före och efter, i området, runt "
            f"det och i resten av kommunen). Ovanligt/het plats utan åtgärd (streckad orange "
            f"kant på kartan): en plats som är ovanlig just nu eller het (Gi*) och där ingen "
            f"åtgärd som pågår i perioden verkar inom {NEARBY_M:g} m. Det säger inte att något "
            f"är fel, bara att platsen kan behöva en åtgärd – eller en förklaring. Åtgärder "
            f"utan plats räknas inte.{missing}")
    return LagesbildMeasures(rows, flagged, [m for m in active if m.wkb], places, note)


def hot_cells_note(hot: HotspotResult, cell_size: float) -> str:
    """How many cells the map shows hot, per level, as the legend classes them."""
    levels = [(int((hot.gi_class == c).sum()), pct) for c, pct in ((3, 99), (2, 95), (1, 90))]
    shown = ", ".join(f"{n} på {pct} %-nivån" for n, pct in levels if n) or "inga"
    return (f"Hotspots (var händelserna koncentreras): Getis-Ord Gi* på sexhörningar "
            f"{cell_size:g} m; heta rutor av {len(hot.n)}: {shown} (efter korrektion för "
            "många jämförelser).")


def lagesbild_method(cell_size: float) -> list[str]:
    """What each number and map class of the lägesbild means and how it is tested, in
    plain Swedish (issue: every test named with its null, neighbourhood and correction)."""
    return [
        "Väntat: det antal som radens egen historik förutsäger för perioden – en negativ "
        "binomialmodell på upp till tre års 14-dagarsperioder före perioden, med årstid "
        "(samma veckor tidigare år), trend och den extra slumpvariation som rapporter har. "
        "Intervallet rymmer antalet 95 gånger av 100 när inget särskilt har hänt.",
        "↑* / ↓*: antalet ligger utanför det väntade. Nollhypotesen är att perioden är som "
        "historiken förutsäger; testet är tvåsidigt mot modellens fördelning, med "
        "Benjamini–Hochbergs korrektion över tabellens rader (falsk upptäcktsrisk 5 %). Rader "
        "med mindre än ett års historik prövas inte. Föregående period och ett år sedan är "
        "sammanhang, inte test.",
        "Ovanligt just nu (violett) visar platser med fler händelser än platsens egen "
        "historia gör väntat: varje sexhörning med sina sex grannar jämförs med sin andel av "
        "kommunens händelser under upp till tre år (samma tid på året väger tyngst) gånger "
        "periodens antal; nollhypotesen är att platsen har sin vanliga andel. Negativ "
        "binomialfördelning, minst fem händelser, Benjamini–Hochberg över kommunens alla "
        "fönster.",
        f"Hotspots (Gi*) visar var händelserna koncentreras, inte vad som är nytt: varje "
        f"sexhörning ({cell_size:g} m) och dess sex grannar jämförs med en jämn fördelning "
        "över kommunen; klass 90/95/99 % efter Benjamini–Hochbergs korrektion över "
        "kommunens rutor.",
        "Platser: en händelse räknas i ett område bara när platsen är känd inom området. "
        "Polisens händelser som bara anges på kommunnivå räknas i totalen och på en egen "
        "rad, aldrig i området där kommunens mittpunkt ligger.",
    ]


def _has_reporter_ids(frame) -> bool:
    """Whether the store knows who reported (older stores and some sources do not; an
    unknown reporter must not count as one active reporter per organisation)."""
    ids = getattr(frame, "text", {}).get("reporter_id")
    return ids is not None and bool(np.any(ids != None))  # noqa: E711 - elementwise


def _police_text(incident, taxonomy: Taxonomy) -> str:
    """"Misshandel: Man misshandlad på Rådhusgatan." from the feed's title and summary (the
    title repeats the time and the kommun; the URL is not for print)."""
    lines = [ln.strip() for ln in (incident.description or "").splitlines() if ln.strip()]
    title = lines[0] if lines else ""
    parts = [p.strip() for p in title.split(",")]
    kind = ", ".join(parts[1:-1]) if len(parts) >= 3 else \
        taxonomy.label(incident.subcategory or incident.category)
    summary = next((ln for ln in lines[1:] if not ln.startswith("http")), "")
    text = f"{kind}: {summary}" if summary else kind
    return text if len(text) <= 110 else text[:107].rstrip() + "…"


def _precision_sv(value: str | None) -> str:
    return {"exact": "exakt", "street": "gata", "area": "område",
            "kommun": "kommun (polisens mittpunkt)"}.get(value or "", value or "")


def _police_in(store: Store, period: Period):
    start, end = period.start_utc, period.end_utc
    return list(store.iter_incidents(
        "source = ? AND occurred_at >= ? AND occurred_at < ?",
        (POLICE_SOURCE, start.strftime("%Y-%m-%dT%H:%M:%S"), end.strftime("%Y-%m-%dT%H:%M:%S"))))


def _top_places(figures: PeriodFigures, hot: HotspotResult, limit: int = 8, *,
                stale: bool = False) -> list[Place]:
    """The areas with the most incidents (placed in the area: incidents known no closer
    than the kommun are not a place)."""
    places: list[Place] = []
    areas = sorted((f for f in figures.by_area if f.key and f.key != KOMMUN_ONLY and f.count),
                   key=lambda f: -f.count)
    for f in areas[:limit]:
        note = []
        if f.significant and not stale:
            word = "fler" if f.direction == "up" else "färre"
            note.append(f"{word} än väntat ({f.expected.interval_text})")
        if f.rate is not None:
            note.append(f"{number(f.rate, 1)} per 1 000 inv.")
        places.append(Place(f.label, f.count, ", ".join(note)))
    if places:
        return places
    order = np.argsort(-hot.n)[:limit]
    cx, cy = hot.grid.centres
    return [Place(f"Cell vid {cx[i]:.0f}, {cy[i]:.0f}", int(hot.n[i]), hot.labels[i])
            for i in order if hot.n[i] > 0]


def _unstarred(rows: list[FigureRow]) -> list[FigureRow]:
    """No row is marked when the data do not cover the period (the counts are short)."""
    return [replace(r, significant=False, direction="none") for r in rows]


def figures_note(figures: list[Figure], *, stale: bool = False) -> str:
    """What the table's mark and "Väntat" mean, in plain Swedish, with the family's size."""
    tested = sum(1 for f in figures if f.expected is not None and f.expected.testable)
    short = len(figures) - tested
    if stale:
        return ("Inga rader markeras: underlaget täcker inte hela perioden. "
                "Väntat = det antal radens egen historik förutsäger.")
    if not tested:
        return ("Väntat saknas: historiken är kortare än ett år, så inget kan jämföras med "
                "det normala och inga rader markeras.")
    text = (f"↑* / ↓* = fler / färre än väntat. Väntat = 95 %-intervall för antalet enligt "
            "radens egen historik (samma tid på året tidigare år, trend och normal "
            f"slumpvariation). Testat med Benjamini–Hochbergs korrektion över tabellens "
            f"{tested} rader (falsk upptäcktsrisk 5 %).")
    if short:
        text += f" {short} rader har för kort historik (–) och prövas inte."
    return text


# -- board analysis ---------------------------------------------------------------------
def board_data(store: Store, period: Period, taxonomy: Taxonomy, *,
               kommun_name: str | None = None, cell_size: float = DEFAULT_CELL_SIZE_M,
               small_count_threshold: int = 2
               ) -> tuple[BoardData, HotspotResult, StoreContext]:
    ctx = store_context(store, kommun_name)
    trend_periods = periods_back(period, 9)  # a tertial's previous is a tertial
    frame = load_frame(store, [*figures_periods(period), *trend_periods])
    area_codes = _area_codes(frame, ctx)
    category = _category_index(frame, taxonomy)
    figures = _figures(frame, period, ctx, taxonomy, area_codes)
    hot = period_hotspots(frame, period, ctx.boundary_wkt, cell_size)
    rows = _in_taxonomy_order([_row(f, taxonomy) for f in figures.by_category
                               if f.count or f.previous or f.year_before], taxonomy)
    total = _row(figures.total)
    year, n = period.tertial
    first, last = period.start, period.last_day
    hot_cells_by_area = _hot_cells_by_area(hot, ctx)
    latest_survey = _latest_survey(store)
    rows_by_area = _rows_by_area(area_codes, incident_mask(frame, None),
                                 [a.code for a in ctx.areas])
    data_start = first_local_day(frame)
    per_area = []
    for area in ctx.areas:
        in_area = frame.take(rows_by_area[area.code])
        per_area.append(period_figures(in_area, period, labels={
            "category": {c: cat.sv for c, cat in taxonomy.categories.items()}},
            categories=list(taxonomy.categories), data_start=data_start))
    per_area = _one_family(per_area)
    stale = staleness(store, period)
    area_pages = []
    for area, area_fig in zip(ctx.areas, per_area):
        survey = _survey_index(latest_survey, area.code)
        area_rows = _in_taxonomy_order([_row(f, taxonomy) for f in area_fig.by_category
                                        if f.count or f.previous or f.year_before], taxonomy)
        area_total = _row(area_fig.total)
        if stale is not None:
            area_rows, (area_total,) = _unstarred(area_rows), _unstarred([area_total])
        area_pages.append(AreaPage(
            area.code, area.label, area.population, area_rows, area_total,
            survey[1] if survey else None, survey[0] if survey else None,
            hot_cells_by_area.get(area.code, 0)))
    if stale is not None:
        rows, (total,) = _unstarred(rows), _unstarred([total])
    survey_rows = [(ctx.area_names.get(r.area_code, r.area_code), r.question, r.index_value,
                    r.respondents) for r in latest_survey]
    police_rows = _police_rows(frame, period, taxonomy, small_count_threshold, category)
    partly = _partly_covered(frame, trend_periods)
    method = [
        f"Underlaget är rapporter från kommunens rapportörsnätverk och polisens publicerade "
        f"händelser som inträffat {first.isoformat()}–{last.isoformat()} (tertial {year}-T{n}). "
        "Varje antal jämförs med föregående tertial och samma tertial året innan.",
        "Vad är normalt? Varje antal jämförs med det antal som dess egen historik förutsäger "
        "(väntat): en negativ binomialmodell skattad på upp till tre års månadsantal före "
        "tertialen, med årstid (samma tid på året tidigare år), trend och den extra "
        "slumpvariation som rapporter har (de kommer ofta flera åt gången). Väntat visas som "
        "ett intervall som antalet hamnar inom 95 gånger av 100 när inget särskilt har hänt. "
        "Nollhypotesen är att tertialen är som historiken förutsäger.",
        "Ett antal markeras med ↑* eller ↓* bara när det ligger utanför det väntade efter "
        "Benjamini–Hochbergs korrektion för många jämförelser (falsk upptäcktsrisk 5 %). "
        "Kommuntabellens kategorier och totalen är en grupp jämförelser; alla områdessidors "
        "rader tillsammans är en annan. Rader med mindre än ett års historik prövas inte "
        "och ingår inte i någon grupp. Föregående tertial och samma tertial året innan "
        "visas som sammanhang och prövas inte: sommar mot vinter är ingen förändring.",
        "Händelser som polisen bara anger på kommunnivå räknas i kommunens totaler men i "
        "inget område.",
        f"Hotspots beräknas med Getis-Ord Gi* på ett rutnät av sexhörningar, {cell_size:g} m "
        "mellan motstående sidor. Grannskapet är cellen själv och de sex celler som delar "
        "kant med den; nollhypotesen är att händelserna är jämnt fördelade över kommunen. "
        "Gi* visar alltså var händelserna är koncentrerade, inte vad som är nytt. Cellerna "
        "klassas som hotspot eller kallt område på 90, 95 och 99 % nivå efter "
        "Benjamini–Hochbergs korrektion över kommunens celler.",
        "Publicering: endast sammanräknade uppgifter per område eller ruta; inga exakta "
        "platser, inga fritexter och inga namn på rapportörer.",
        "En rapport ersätter aldrig en polisanmälan.",
    ]
    data = BoardData(
        ctx.kommun_name, f"{year}-T{n}", first, last, [], rows, total,
        [f"{p.tertial[0]}-T{p.tertial[1]}" + (" *" if p in partly else "")
         for p in trend_periods],
        _trend(frame, trend_periods, taxonomy, category=category),
        {c: cat.color for c, cat in taxonomy.categories.items()},
        {c: cat.sv for c, cat in taxonomy.categories.items()}, area_pages, survey_rows,
        police_rows, method,
        ctx.sources + ([f"{latest_survey[0].survey} (trygghetsmätning per område)"]
                       if latest_survey else []),
        small_count_threshold, clock.now(),
        survey_name=latest_survey[0].survey if latest_survey else None,
        coverage_note=_coverage_note(frame, trend_periods),
        figures_note=figures_note([figures.total, *(f for f in figures.by_category
                                                     if f.count or f.previous or f.year_before)],
                                  stale=stale is not None),
        stale_note=stale.text_sv() if stale is not None else "",
        trend_index={col: trend_periods.index(p) for col, p in
                     (("count", period), ("previous", period.previous()),
                      ("year_ago", period.year_before())) if p in trend_periods})
    # The whole document's numbers are known: decide once what may be printed, then write
    # the words from what is left.
    summary = disclosure.protect(data)
    data.measures = measures_section(store)
    disclosure.protect_measures(data.measures, small_count_threshold, summary)
    data.method.insert(len(data.method) - 1, disclosure.method_text(summary))
    data.findings = _findings(figures, hot, ctx, period, small_count_threshold, data,
                             stale is not None)
    data.trend_notes = _trend_notes(data, period, trend_periods, taxonomy)
    data.trend_series, hidden = _public_series(data.trend_series, small_count_threshold,
                                               data.trend_hidden)
    if hidden:
        data.trend_notes.append(
            "Kategorier med något dolt antal visas inte i diagrammet (små antal publiceras "
            f"inte): {', '.join(taxonomy.label(c) for c in hidden)}.")
    return data, hot, ctx


def _one_family(pages: list[PeriodFigures]) -> list[PeriodFigures]:
    """The area pages' rows (every area's categories and total) as one family: their
    expectations adjusted together, as the method text says, not page by page."""
    rows = [(i, f) for i, page in enumerate(pages) for f in (page.total, *page.by_category)]
    adjusted = expected_adjust([f.expected for _, f in rows if f.expected is not None])
    it = iter(adjusted)
    new = {(i, f.group, f.key): replace(f, expected=next(it)) if f.expected is not None else f
           for i, f in rows}
    return [replace(page, total=new[(i, page.total.group, page.total.key)],
                    by_category=tuple(new[(i, f.group, f.key)] for f in page.by_category))
            for i, page in enumerate(pages)]


def _public_series(series: dict[str, list[int]], threshold: int,
                   hidden: dict[str, dict[int, str]] | None = None
                   ) -> tuple[dict[str, list[int]], list[str]]:
    """A public chart's bars must not give a hidden count away: a category with any hidden
    count (by default: any count 1..threshold) is left out of the chart (and named in the
    text, where its counts show as <n or ..)."""
    if hidden is None:
        hidden = {code: {j: "primary" for j, v in enumerate(row) if 0 < v <= threshold}
                  for code, row in series.items()}
    left_out = [code for code in series if hidden.get(code)]
    return {c: v for c, v in series.items() if c not in left_out}, left_out


def _rows_by_area(codes: np.ndarray | None, keep: np.ndarray, areas: list[str]
                  ) -> dict[str, np.ndarray]:
    """The frame rows of each area (kept rows only), from one sort instead of one scan of the
    whole frame per area."""
    if codes is None:
        return {code: np.zeros(0, dtype=np.int64) for code in areas}
    index = {code: i for i, code in enumerate(areas)}
    which = np.fromiter((index.get(c, -1) if c is not None else -1 for c in codes),
                        np.int64, len(codes))
    which[~keep] = -1
    order = np.argsort(which, kind="stable")
    bounds = np.searchsorted(which[order], np.arange(-1, len(areas) + 1))
    return {code: order[bounds[i + 1]:bounds[i + 2]] for i, code in enumerate(areas)}


def _trend_notes(data: BoardData, period: Period, trend_periods: list[Period],
                 taxonomy: Taxonomy) -> list[str]:
    """The trend chart in words: each category's tertial against the same tertial in the
    years before (newest first), hidden counts as the tables show them."""
    same = [j for j, p in enumerate(trend_periods) if p.tertial[1] == period.tertial[1]]
    notes = []
    for code, cat in taxonomy.categories.items():
        row = data.trend_series.get(code)
        if not row or not any(row[j] for j in same):
            continue
        hidden = data.trend_hidden.get(code, {})
        parts = [f"{count_text(row[j], data.small_count_threshold, hidden.get(j))} "
                 f"({trend_periods[j].tertial[0]}-T{trend_periods[j].tertial[1]})"
                 for j in same[::-1]]
        notes.append(f"{cat.sv}: " + ", ".join(parts) + ".")
    return notes


def _partly_covered(frame, periods: list[Period]) -> list[Period]:
    """The periods that began more than a week before the store's first incident: their
    counts are low because the data start later, not because less happened."""
    first = first_incident(frame)
    if first is None:
        return []
    return [p for p in periods if (first - p.start_utc).days > 7]


def _coverage_note(frame, periods: list[Period]) -> str:
    short = _partly_covered(frame, periods)
    if not short:
        return ""
    day = local(first_incident(frame)).date()
    names = ", ".join(f"{p.tertial[0]}-T{p.tertial[1]}" for p in short)
    what = "är därför ingen hel tertial" if len(short) == 1 else \
        "är därför inga hela tertialer"
    return (f"* Underlaget börjar {day.isoformat()}: {names} {what} och kan inte jämföras "
            "med de senare.")


def _hot_cells_by_area(hot: HotspotResult, ctx: StoreContext) -> dict[str, int]:
    if not ctx.areas:
        return {}
    cx, cy = hot.grid.centres
    hot_rows = np.flatnonzero(hot.gi_class >= 1)
    codes = assign_areas(cx[hot_rows], cy[hot_rows], [(a.code, a.wkb) for a in ctx.areas])
    out: dict[str, int] = {}
    for code in codes:
        if code:
            out[code] = out.get(code, 0) + 1
    return out


def _survey_index(latest: list, area_code: str) -> tuple[str, float] | None:
    results = [r for r in latest if r.area_code == area_code and r.index_value is not None]
    if not results:
        return None
    return results[0].survey, float(np.mean([r.index_value for r in results]))


def _latest_survey(store: Store) -> list:
    reader = getattr(store, "survey_results", None)
    results = reader() if reader else []
    if not results:
        return []
    latest = max(results, key=lambda r: (r.survey_year or 0, r.survey)).survey
    return [r for r in results if r.survey == latest]


def _police_rows(frame, period: Period, taxonomy: Taxonomy, threshold: int,
                 category: np.ndarray | None = None) -> list[tuple[str, int, int, int]]:
    counts = _category_counts(frame, [period, period.previous(), period.year_before()],
                              taxonomy, (POLICE_SOURCE,), category)
    return [(cat.sv, *row) for cat, row in zip(taxonomy.categories.values(), counts.tolist())
            if any(row)]


def _findings(figures: PeriodFigures, hot: HotspotResult, ctx: StoreContext, period: Period,
              threshold: int, data: BoardData, stale: bool = False) -> list[str]:
    """The summary in words, from the protected model: a count or a change that uses a
    hidden count is not quoted."""
    total = figures.total
    rows = {r.code: r for r in data.figures}

    def count(f) -> str:
        """The count, or nothing when the table hides it."""
        row = rows.get(f.key)
        return number(f.count) if row is not None and shown(row, "count", threshold) else ""

    out = []
    month_span = f"{MONTHS_SHORT[period.start.month - 1]}–" \
                 f"{MONTHS_SHORT[period.last_day.month - 1]} {period.start.year}"
    whole = shown(data.total, "count", threshold)
    text = f"Under tertialen ({month_span}) kom " + \
        (f"{number(total.count)} rapporter och händelser" if whole
         else "rapporter och händelser")
    expected = total.expected
    if stale:
        text += " – men underlaget täcker inte hela tertialen, så antalen är för låga."
    elif expected is not None and expected.testable and whole:
        text += f" (väntat {expected.interval_text})"
        text += ", fler än väntat." if total.direction == "up" else \
            ", färre än väntat." if total.direction == "down" else ", inom det normala."
    else:
        text += "."
    out.append(text)
    if total.year_before and whole and shown(data.total, "year_ago", threshold):
        rel = (total.count - total.year_before) / total.year_before
        out.append(f"Samma tertial året innan kom {number(total.year_before)} "
                   f"({number(abs(rel) * 100)} % {'fler' if rel > 0 else 'färre'} i år).")

    def listed(fs) -> str:
        return ", ".join(f"{f.label.lower()} ({count(f)}, väntat {f.expected.interval_text})"
                         if count(f) else f"{f.label.lower()} (väntat "
                         f"{f.expected.interval_text})" for f in fs)

    # A hidden count is not said to lie above or below its range (that would bound it).
    marked = [f for f in figures.by_category if f.significant and count(f)] \
        if not stale else []
    ups = [f for f in marked if f.direction == "up"]
    downs = [f for f in marked if f.direction == "down"]
    if ups:
        out.append("Fler än väntat: " + listed(ups) + ".")
    if downs:
        out.append("Färre än väntat: " + listed(downs) + ".")
    if not ups and not downs and not stale:
        out.append("Ingen kategori avvek säkerställt från det väntade.")
    hot_cells = int((hot.gi_class >= 2).sum())
    if hot_cells:
        by_area = _hot_cells_by_area(hot, ctx)
        named = sorted(by_area.items(), key=lambda kv: -kv[1])[:3]
        where = ", ".join(ctx.area_names.get(c, c) for c, _ in named)
        out.append(f"{hot_cells} rutor är säkerställda hotspots (95 % eller mer)"
                   + (f", främst i {where}." if where else "."))
    areas_up = [f for f in figures.by_area if f.key and f.key != KOMMUN_ONLY
                and f.significant and f.direction == "up" and f.count > threshold] \
        if not stale else []
    if areas_up:
        out.append("Områden med fler händelser än väntat: "
                   + ", ".join(f.label for f in areas_up[:5]) + ".")
    return out
