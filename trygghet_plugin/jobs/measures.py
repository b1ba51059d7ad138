"""Measures, the use cases both doors call: add one, import and export a planner's CSV,
and evaluate the finished ones (the method is :mod:`..analysis.measures`)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..analysis.areas import kommun_boundary_wkt
from ..analysis.errors import AnalysisError
from ..analysis.measures import (
    BUFFER_M,
    NOT_OVER,
    POINT_RADIUS_M,
    Evaluation,
    MeasureOutcome,
    evaluate_incidents,
    evaluation_windows,
    measure_zones,
)
from ..analysis.select import category_codes, incident_mask, load_frame
from ..constants import SWEREF_BOUNDS
from ..domain import clock
from ..domain.incident import Rejected, to_utc_text
from ..domain.measure import (
    FINISHED,
    PLANNED,
    STATUS_LABELS,
    Measure,
    MeasureTypes,
    categories_text,
    new_uid,
    status_code,
)
from ..domain.taxonomy import Taxonomy
from ..i18n import translator
from ..paths import taxonomy_file
from ..sources.tabular import BadRow, find_column, open_table, parse_number
from ..store.base import Store, WriteCounts, read_wkb

tr = translator("Measures")

REJECT_SOURCE = "measures"


class MeasureError(AnalysisError):
    """A measure that cannot be taken; the message says why."""


# -- one measure from words -------------------------------------------------------------------
def _day(text: str | None, what: str) -> date | None:
    if text is None or not str(text).strip():
        return None
    s = str(text).strip()[:10]
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise MeasureError(tr("{what} is not a date (YYYY-MM-DD): {text}").format(
            what=what, text=text)) from None


def _geometry_wkb(wkt: str | None, x: str | None, y: str | None) -> bytes | None:
    from osgeo import ogr

    if wkt and wkt.strip():
        geom = ogr.CreateGeometryFromWkt(wkt.strip())
        if geom is None or geom.IsEmpty():
            raise MeasureError(tr("The geometry is not readable WKT: {text}").format(
                text=wkt[:80]))
    elif (x and x.strip()) or (y and y.strip()):
        try:
            px, py = parse_number(x), parse_number(y)
        except ValueError:
            px = py = None
        if px is None or py is None:
            raise MeasureError(tr("The coordinates are not numbers: x={x}, y={y}").format(
                x=x, y=y))
        geom = ogr.Geometry(ogr.wkbPoint)
        geom.AddPoint_2D(px, py)
    else:
        return None
    return check_geometry(bytes(geom.ExportToIsoWkb()))


def check_geometry(wkb: bytes) -> bytes:
    """``wkb`` when it lies in Sweden in SWEREF 99 TM (EPSG:3006); MeasureError otherwise."""
    geom = read_wkb(wkb)
    if geom is None:
        raise MeasureError(tr("The measure's geometry is empty or unreadable."))
    minx, maxx, miny, maxy = geom.GetEnvelope()
    # A point outside is in another reference system (most often WGS 84 degrees).
    if not (SWEREF_BOUNDS[0] <= minx and maxx <= SWEREF_BOUNDS[1] and SWEREF_BOUNDS[2] <= miny
            and maxy <= SWEREF_BOUNDS[3]):
        raise MeasureError(tr("The geometry does not lie in Sweden in SWEREF 99 TM "
                              "(EPSG:3006): {x:.0f}, {y:.0f}").format(x=minx, y=miny))
    return bytes(geom.ExportToIsoWkb())


def make_measure(*, title: str | None, type_word: str | None, status_word: str | None = None,
                 start: str | date | None = None, end: str | date | None = None,
                 organisation: str | None = None, categories: str | None = None,
                 notes: str | None = None, kommunkod: str | None = None,
                 wkb: bytes | None = None, uid: str | None = None, source: str = "manual",
                 types: MeasureTypes | None = None, taxonomy: Taxonomy | None = None
                 ) -> Measure:
    """A valid measure from a user's words (type and status in Swedish or English, dates as
    YYYY-MM-DD, categories as codes or names separated by commas or semicolons); raises
    MeasureError naming the first problem."""
    types = types or MeasureTypes.load()
    taxonomy = taxonomy or Taxonomy.load(taxonomy_file())
    title = (title or "").strip()
    if not title:
        raise MeasureError(tr("A measure needs a title."))
    type_code = types.code(type_word)
    if type_code is None:
        raise MeasureError(tr("Unknown type of measure: {word}. Choose among: {known}.").format(
            word=type_word or "", known=", ".join(types.types)))
    status = status_code(status_word) if status_word and status_word.strip() else PLANNED
    if status is None:
        raise MeasureError(tr("Unknown status: {word}. Choose among: {known}.").format(
            word=status_word, known=", ".join(v[0] for v in STATUS_LABELS.values())))
    first = start if isinstance(start, date) or start is None else _day(start, tr("Start"))
    last = end if isinstance(end, date) or end is None else _day(end, tr("End"))
    if first and last and last < first:
        raise MeasureError(tr("The measure ends ({end}) before it starts ({start}).").format(
            end=last, start=first))
    if status != PLANNED and first is None:
        raise MeasureError(tr("A measure that has started needs a start date."))
    if status == FINISHED and last is None:
        raise MeasureError(tr("A finished measure needs an end date."))
    codes = category_codes((categories or "").replace(";", ","), taxonomy)
    kommun = (kommunkod or "").strip() or None
    if kommun is not None and not (len(kommun) == 4 and kommun.isdigit()):
        raise MeasureError(tr("The municipality code must be four digits: {code}").format(
            code=kommun))
    return Measure(uid=(uid or "").strip() or new_uid(), title=title, type=type_code,
                   status=status, start=first, end=last,
                   organisation=(organisation or "").strip() or None, categories=codes,
                   notes=(notes or "").strip() or None, kommunkod=kommun,
                   wkb=check_geometry(wkb) if wkb else None, source=source)


def add_measure(store: Store, measure: Measure) -> WriteCounts:
    """Save a new measure, or update one by its uid. An update without a place keeps the
    place it has (closing a measure needs no new drawing)."""
    if measure.wkb is None:
        stored = store.measures([measure.uid])
        if stored and stored[0].wkb:
            measure = replace(measure, wkb=stored[0].wkb)
    return store.upsert_measures([measure])


def union_wkb(shapes: Sequence[bytes]) -> bytes | None:
    """One geometry for the features a measure was drawn from: their union (several points
    make a multipoint, touching polygons one polygon); None for none."""
    from osgeo import ogr

    union = None
    dims = set()
    for wkb in shapes:
        geom = ogr.CreateGeometryFromWkb(bytes(wkb))
        if geom is None or geom.IsEmpty():
            continue
        dims.add(geom.GetDimension())
        union = geom.Clone() if union is None else union.Union(geom)
    if len(dims) > 1:
        raise MeasureError(tr("The features mix points, lines and polygons: choose features "
                              "of one kind for a measure."))
    return None if union is None else bytes(union.ExportToIsoWkb())


# -- CSV for those who plan in Excel ----------------------------------------------------------
#: Column -> the header names a planner's file may use (Swedish first, as exported).
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "uid": ("id", "uid", "åtgärdsid"),
    "title": ("titel", "title", "namn", "åtgärd"),
    "type": ("typ", "type"),
    "status": ("status",),
    "start": ("start", "startdatum", "start date", "från"),
    "end": ("slut", "slutdatum", "end", "end date", "till"),
    "organisation": ("ansvarig", "ansvarig organisation", "organisation", "organization",
                     "responsible"),
    "categories": ("kategorier", "categories", "kategori"),
    "notes": ("anteckningar", "notes", "kommentar"),
    "kommunkod": ("kommunkod", "municipality code"),
    "wkt": ("wkt", "geometri", "geometry"),
    "x": ("x", "e", "easting", "x sweref99tm"),
    "y": ("y", "n", "northing", "y sweref99tm"),
}
EXPORT_HEADERS = ("id", "titel", "typ", "status", "start", "slut", "ansvarig", "kategorier",
                  "anteckningar", "kommunkod", "wkt", "bedömning", "effekt", "effekt_låg",
                  "effekt_hög", "wdq", "utvärderad")


@dataclass
class MeasureImport:
    counts: WriteCounts
    rejected: list[Rejected]
    path: Path


def import_measures_csv(store: Store, path: Path | str) -> MeasureImport:
    """Measures from a CSV or Excel file (one row each, the headers of :data:`CSV_COLUMNS`);
    rows that cannot be taken are kept in ``rejected`` with the reason and the row."""
    stream = open_table(path, dedupe=False)
    cols = {key: find_column(stream.columns, *names) for key, names in CSV_COLUMNS.items()}
    if cols["title"] is None or cols["type"] is None:
        raise MeasureError(tr("The file needs at least the columns titel (title) and typ "
                              "(type); it has: {columns}").format(
                                  columns=", ".join(stream.columns)))
    types = MeasureTypes.load()
    taxonomy = Taxonomy.load(taxonomy_file())
    taken: dict[str, Measure] = {}
    rejected: list[Rejected] = []
    name = Path(path).name
    for row in stream:
        if isinstance(row, BadRow):
            rejected.append(Rejected(REJECT_SOURCE, row.raw, row.reason,
                                     f"{name}:{row.number}"))
            continue

        def value(key: str, row=row) -> str | None:
            col = cols[key]
            return row.values.get(col) if col else None

        try:
            measure = make_measure(
                title=value("title"), type_word=value("type"), status_word=value("status"),
                start=value("start"), end=value("end"), organisation=value("organisation"),
                categories=value("categories"), notes=value("notes"),
                kommunkod=value("kommunkod"),
                wkb=_geometry_wkb(value("wkt"), value("x"), value("y")),
                uid=value("uid"), source="csv", types=types, taxonomy=taxonomy)
        except AnalysisError as exc:
            rejected.append(Rejected(REJECT_SOURCE, row.raw(), tr("Row {n}: {reason}").format(
                n=row.number, reason=exc), f"{name}:{row.number}"))
            continue
        if measure.uid in taken:
            rejected.append(Rejected(REJECT_SOURCE, row.raw(), tr(
                "Row {n}: the id {uid} is already used by an earlier row.").format(
                    n=row.number, uid=measure.uid), f"{name}:{row.number}"))
            continue
        taken[measure.uid] = measure
    counts = store.upsert_measures(taken.values(), rejected)
    return MeasureImport(counts, rejected, Path(path))


def export_measures_csv(store: Store, path: Path | str) -> int:
    """Every measure as a CSV for Swedish Excel (UTF-8 with BOM, ``;``), in the form the
    import reads back; no cell a spreadsheet would run as a formula."""
    from osgeo import ogr

    from ..layers.export import spreadsheet_safe

    types = MeasureTypes.load()
    measures = store.measures()
    path = Path(path)
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh, delimiter=";")
            out.writerow(EXPORT_HEADERS)
            for m in measures:
                wkt = ogr.CreateGeometryFromWkb(m.wkb).ExportToIsoWkt() if m.wkb else None
                texts = (m.uid, m.title, types.label(m.type), STATUS_LABELS[m.status][0]
                         if m.status in STATUS_LABELS else m.status,
                         _iso(m.start), _iso(m.end), m.organisation,
                         categories_text(m.categories), m.notes, m.kommunkod, wkt, m.verdict)
                numbers = (m.effect, m.effect_low, m.effect_high, m.wdq)
                out.writerow([spreadsheet_safe(t) if t else "" for t in texts]
                             + [_decimal(n) for n in numbers] + [m.evaluated_at or ""])
    except OSError as exc:
        raise MeasureError(tr("Could not write {path}: {error}").format(path=path, error=exc)
                           ) from exc
    return len(measures)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _decimal(value: float | None) -> str:
    # Swedish Excel reads a decimal comma.
    return "" if value is None else f"{value:.3f}".replace(".", ",")


# -- evaluation -------------------------------------------------------------------------------
def chosen_measures(store: Store, uids: Iterable[str] | None) -> list[Measure]:
    """The measures a user named (all of them must exist), or every finished one."""
    wanted = [u.strip() for u in (uids or ()) if u and u.strip()]
    if not wanted:
        return store.measures(status=FINISHED)
    found = store.measures(wanted)
    missing = sorted(set(wanted) - {m.uid for m in found})
    if missing:
        raise MeasureError(tr("No measure has the id {ids}.").format(ids=", ".join(missing)))
    return found


def evaluate_measures(store: Store, measures: Sequence[Measure], *,
                      buffer_m: float = BUFFER_M, point_radius_m: float = POINT_RADIUS_M,
                      comparison: bytes | None = None, days: int | None = None,
                      save: bool = True) -> list[MeasureOutcome]:
    """Evaluate each measure against the store's incidents (those it targets, placed
    precisely); with ``save`` the verdict and effect are kept on the measure."""
    today = clock.today()
    outcomes = []
    boundaries: dict[str | None, str | None] = {}
    # Other measures that have acted (ongoing or finished) are no fair comparison: their
    # places are left out of the comparison area.
    places = {m.uid: m.wkb for m in store.measures() if m.wkb and m.status != PLANNED}
    for measure in measures:
        others = [wkb for uid, wkb in places.items() if uid != measure.uid]
        outcome = _evaluate_one(store, measure, buffer_m, point_radius_m, comparison, days,
                                today, boundaries, others)
        outcomes.append(outcome)
        ev = outcome.evaluation
        if save and ev is not None:
            effect = ev.effect
            store.save_measure_evaluation(
                measure.uid, ev.verdict, effect.ratio if effect else None,
                effect.low if effect else None, effect.high if effect else None,
                ev.wdq.readable_wdq)
    return outcomes


def _evaluate_one(store: Store, measure: Measure, buffer_m: float, point_radius_m: float,
                  comparison: bytes | None, days: int | None, today: date,
                  boundaries: dict, others: Sequence[bytes] = ()) -> MeasureOutcome:
    if measure.wkb is None:
        return MeasureOutcome(measure, message=tr("The measure has no place (geometry): it "
                                                  "cannot be evaluated."))
    if measure.start is None:
        return MeasureOutcome(measure, message=tr("The measure has no start date: it cannot "
                                                  "be evaluated."))
    windows = evaluation_windows(measure.start, measure.end, days)
    if measure.kommunkod not in boundaries:
        boundaries[measure.kommunkod] = kommun_boundary_wkt(store, measure.kommunkod) \
            or kommun_boundary_wkt(store)
    zones = measure_zones(measure.wkb, buffer_m=buffer_m, point_radius_m=point_radius_m,
                          boundary=boundaries[measure.kommunkod], comparison=comparison,
                          exclude=others)
    if windows.after.end > today:
        import numpy as np

        ev = Evaluation(NOT_OVER, np.zeros((3, 4)), windows=windows, notes=(tr(
            "The period after ends {day}: evaluate then.").format(
                day=windows.after.last_day),))
        return MeasureOutcome(measure, ev, zones)
    frame = load_frame(store, list(windows.all()),
                       ("category", "subcategory", "status", "location_precision"))
    rows = incident_mask(frame, None, categories=measure.categories or None,
                         precise_only=True)
    history_from = to_utc_text(windows.before_year.start_utc)
    seasonal = store.count("incidents", "occurred_at < ?", (history_from,)) > 0
    ev = evaluate_incidents(frame.x[rows], frame.y[rows], frame.occurred_at[rows], zones,
                            windows, seasonal=seasonal)
    if not seasonal:
        ev = replace(ev, notes=ev.notes + (tr(
            "The store has no incidents from a year before: no seasonal match."),))
    return MeasureOutcome(measure, ev, zones)
