"""Safety survey results (trygghetsmätning) per area and question, and places marked unsafe.

Results come as a CSV or .xlsx table, one row per survey, area and question, in one of
three forms (recognised by the columns):

- index values: ``undersokning; omrade; fraga; index; andel_otrygga; svarande`` (the
  police's 0-6 problem index; share unsafe in percent; respondents);
- answer distributions, wide: one column per answer option ("Mycket stort problem", ...);
- answer distributions, long: a column with the option and one with its count or share.

Distributions are turned into the index and the share unsafe with the weights in
``resources/survey_weights.json``. Several surveys (years) can be in one file, side by side.
Areas are named by code (or by a name that is unique among the stored areas); a code that
matches no stored area is rejected with the reason and listed, never dropped silently.

Places marked unsafe are points (GeoJSON, GeoPackage, ...) with a reason.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from ..domain import clock
from ..domain.area import Area, AreaKind
from ..domain.incident import Rejected, to_utc_text
from ..domain.survey import (
    INDEX_MAX,
    INDEX_MIN,
    METHOD_DISTRIBUTION,
    METHOD_INDEX,
    SurveyPlace,
    SurveyResult,
    SurveyWeights,
    fold,
    perceived_vs_reported,
    survey_year,
)
from ..i18n import translator
from ..paths import resource
from ..store.base import Store, refused_text
from .areas import open_layer
from .crs import to_store_transform
from .http import SourceError
from .tabular import Row, find_column, parse_number, read_table

tr = translator("Sources")

SOURCE = "survey"
SURVEY_COLUMNS = ("undersokning", "undersökning", "survey", "matning", "mätning",
                  "trygghetsmatning")
AREA_COLUMNS = ("omrade", "område", "omradeskod", "områdeskod", "area", "area_code", "desokod",
                "regsokod", "kod")
QUESTION_COLUMNS = ("fraga", "fråga", "question", "pastaende", "påstående")
INDEX_COLUMNS = ("index", "problemindex", "indexvarde", "indexvärde", "index_value")
SHARE_COLUMNS = ("andel_otrygga", "andel otrygga", "andel_stort_problem", "share_unsafe",
                 "andel")
RESPONDENT_COLUMNS = ("svarande", "antal svarande", "antal_svarande", "respondents", "n")
OPTION_COLUMNS = ("svarsalternativ", "svar", "alternativ", "answer", "option")
COUNT_COLUMNS = ("antal", "andel", "procent", "count", "share", "varde", "värde")
PLACE_REASON_FIELDS = ("reason", "orsak", "anledning", "skal", "skäl", "varfor", "varför")


def weights_file() -> Path:
    return resource("survey_weights.json")


def load_weights(path: Path | None = None) -> SurveyWeights:
    """The answer-option weights; SourceError when the (user-editable) file is broken."""
    path = Path(path or weights_file())
    try:
        return SurveyWeights.load(path)
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise SourceError(tr("{file} could not be read: {error}.").format(
            file=path.name, error=exc)) from exc


@dataclass
class SurveyImportResult:
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    method: str = ""
    surveys: list[str] = field(default_factory=list)
    unknown_areas: list[str] = field(default_factory=list)
    reasons: Counter = field(default_factory=Counter)
    places_new: int = 0
    places_updated: int = 0
    places_unchanged: int = 0
    places_rejected: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = tr("Safety survey ({surveys}): {read} rows, {new} new, {updated} updated, "
                  "{unchanged} unchanged, {rejected} rejected.").format(
            surveys=", ".join(self.surveys) or "–", read=self.read, new=self.new,
            updated=self.updated, unchanged=self.unchanged, rejected=self.rejected)
        if self.unknown_areas:
            text += " " + tr("Unknown area codes (not among the areas): {codes}.").format(
                codes=", ".join(self.unknown_areas[:20]))
        if self.reasons:
            text += " " + tr("Rejected: {reasons}.").format(reasons=", ".join(
                f"{r} ({n})" for r, n in self.reasons.most_common(5)))
        if self.places_new or self.places_updated or self.places_unchanged or \
                self.places_rejected:
            text += " " + tr("Unsafe places: {new} new, {updated} updated, {unchanged} "
                             "unchanged, {rejected} rejected.").format(
                new=self.places_new, updated=self.places_updated,
                unchanged=self.places_unchanged, rejected=self.places_rejected)
        for warning in self.warnings:
            text += " " + warning
        return text


def survey_name(text: str | None) -> str | None:
    """A survey's name as given; a bare year becomes "Trygghetsmätning <year>"."""
    value = (text or "").strip()
    if not value:
        return None
    return f"Trygghetsmätning {value}" if re.fullmatch(r"\d{4}", value) else value


class _AreaIndex:
    """Stored areas by code, and by name where a name is unique."""

    def __init__(self, areas: list[Area]):
        self.codes = {a.code: a for a in areas}
        names: dict[str, list[Area]] = {}
        for a in areas:
            if a.name:
                names.setdefault(fold(a.name), []).append(a)
        self.names = {k: v[0] for k, v in names.items() if len(v) == 1}

    def find(self, text: str) -> Area | None:
        return self.codes.get(text) or self.codes.get(text.upper()) or self.names.get(
            fold(text))


def import_results(store: Store, path: Path | str, *, survey: str | None = None,
                   weights: SurveyWeights | None = None,
                   result: SurveyImportResult | None = None) -> SurveyImportResult:
    """Read one results table and upsert it; rejected rows keep their reason."""
    result = result or SurveyImportResult()
    stored = store.areas()
    if not stored:
        raise SourceError(tr("There are no areas in the store: import the areas first "
                             "(trygghet:importareas)."))
    index = _AreaIndex(stored)
    table = read_table(path)
    name = Path(path).name
    cols = table.columns
    c_survey = find_column(cols, *SURVEY_COLUMNS)
    c_area = find_column(cols, *AREA_COLUMNS)
    c_question = find_column(cols, *QUESTION_COLUMNS)
    c_index = find_column(cols, *INDEX_COLUMNS)
    c_share = find_column(cols, *SHARE_COLUMNS)
    c_resp = find_column(cols, *RESPONDENT_COLUMNS)
    missing = [label for label, col in ((tr("area"), c_area),
                                        (tr("question"), c_question)) if col is None]
    if c_survey is None and not survey:
        missing.append(tr("survey (or set SURVEY)"))
    if missing:
        raise SourceError(tr("{file}: columns missing: {missing}. Columns in the file: "
                             "{columns}.").format(file=name, missing="; ".join(missing),
                                                  columns=", ".join(cols)))
    weights = weights or load_weights()
    if table.empty_rows or table.duplicate_rows:
        result.warnings.append(tr("{empty} empty rows and {duplicates} duplicates were "
                                  "skipped.").format(empty=table.empty_rows,
                                                     duplicates=table.duplicate_rows))

    def ident(row: Row) -> tuple[str | None, str, str]:
        return (survey_name(row.values.get(c_survey)) if c_survey else None) or \
            survey_name(survey), (row.values.get(c_area) or "").strip(), \
            (row.values.get(c_question) or "").strip()

    rejected: list[Rejected] = []
    results: dict[str, SurveyResult] = {}
    unknown: set[str] = set()

    def reject(row: Row, reason: str, key: str | None) -> None:
        rejected.append(Rejected(SOURCE, f"{name} rad {row.number}: {row.raw()}", reason, key))

    for bad in table.bad_rows:
        result.read += 1
        rejected.append(Rejected(SOURCE, f"{name} rad {bad.number}: {bad.raw}", bad.reason))

    def take(row: Row, item: SurveyResult) -> None:
        if item.key in results and results[item.key] != item:
            reject(row, tr("the row is already there with other values ({survey}, {area}, "
                           "{question})").format(survey=item.survey, area=item.area_code,
                                                 question=item.question), item.key)
            return
        results[item.key] = item

    def check(row: Row, name_: str | None, area_text: str, question: str
              ) -> tuple[Area | None, str | None]:
        if not name_:
            return None, tr("no survey name")
        if not area_text:
            return None, tr("no area")
        if not question:
            return None, tr("no question")
        area = index.find(area_text)
        if area is None:
            unknown.add(area_text)
            return None, tr("the area code '{code}' matches no area").format(code=area_text)
        return area, None

    if c_index is not None:
        result.method = METHOD_INDEX
        for row in table.rows:
            result.read += 1
            name_, area_text, question = ident(row)
            key = f"{name_}|{area_text}|{question}"
            area, reason = check(row, name_, area_text, question)
            if reason:
                reject(row, reason, key)
                continue
            try:
                value = parse_number(row.values.get(c_index))
                share = parse_number(row.values.get(c_share)) if c_share else None
                respondents = parse_number(row.values.get(c_resp)) if c_resp else None
            except ValueError as exc:
                text = str(exc).replace("not a number: ", "")
                reject(row, tr("unreadable number {value}").format(value=text), key)
                continue
            if value is None:
                reject(row, tr("no index value"), key)
                continue
            reason = _range_problem(value, share, respondents)
            if reason:
                reject(row, reason, key)
                continue
            take(row, SurveyResult(name_, area.code, question, value, share,
                                   int(respondents) if respondents is not None else None,
                                   survey_year(name_), METHOD_INDEX))
    else:
        result.method = METHOD_DISTRIBUTION
        for key, (row, counts, respondents, problem) in _distributions(
                table.rows, cols, ident, c_resp, weights, name).items():
            result.read += 1
            name_, area_text, question = key
            rkey = f"{name_}|{area_text}|{question}"
            area, reason = check(row, name_, area_text, question)
            reason = reason or problem
            if reason:
                reject(row, reason, rkey)
                continue
            value, share, answered = weights.summarise(counts)
            if value is None:
                reject(row, tr("no answers that count in the index (only 'don't know'?)"),
                       rkey)
                continue
            reason = _range_problem(value, share, respondents)
            if reason:
                reject(row, reason, rkey)
                continue
            take(row, SurveyResult(name_, area.code, question, round(value, 3),
                                   round(share, 2) if share is not None else None,
                                   int(respondents if respondents is not None else answered),
                                   survey_year(name_), METHOD_DISTRIBUTION))
    counts = store.upsert_survey_results(results.values(), rejected)
    result.new += counts.new
    result.updated += counts.updated
    result.unchanged += counts.unchanged
    result.rejected += counts.rejected
    if counts.refused:
        result.warnings.append(refused_text(counts.refused))
    result.unknown_areas = sorted(set(result.unknown_areas) | unknown)
    result.reasons.update(r.reason.split(":")[0] for r in rejected)
    result.surveys = sorted(set(result.surveys) | {r.survey for r in results.values()})
    return result


def _range_problem(value: float, share: float | None, respondents: float | None) -> str | None:
    if not INDEX_MIN <= value <= INDEX_MAX:
        return tr("the index value {value} is outside {low}–{high}").format(
            value=f"{value:g}", low=f"{INDEX_MIN:g}", high=f"{INDEX_MAX:g}")
    if share is not None and not 0 <= share <= 100:
        return tr("the share {value} is outside 0–100 %").format(value=f"{share:g}")
    if respondents is not None and (respondents < 0 or respondents != int(respondents)):
        return tr("invalid number of respondents {value}").format(value=f"{respondents:g}")
    return None


def _distributions(rows: list[Row], cols: list[str], ident, c_resp: str | None,
                   weights: SurveyWeights, name: str) -> dict:
    """(survey, area, question) -> (first row, {option: count}, respondents, problem)."""
    c_option = find_column(cols, *OPTION_COLUMNS)
    c_count = find_column(cols, *COUNT_COLUMNS) if c_option else None
    base = {find_column(cols, *names) for names in (SURVEY_COLUMNS, AREA_COLUMNS,
                                                    QUESTION_COLUMNS)} | {c_resp}
    if c_option is None:
        options = [c for c in cols if c not in base and c]
        unknown = [c for c in options if not weights.knows(c)]
        if unknown or not options:
            raise SourceError(tr(
                "{file}: neither an index column nor known answer options. Unknown columns: "
                "{columns}. Add the answer options to survey_weights.json.").format(
                file=name, columns=", ".join(unknown) or "–"))
    elif c_count is None:
        raise SourceError(tr("{file}: the column with the count or share per answer option is "
                             "missing.").format(file=name))
    out: dict = {}
    for row in rows:
        key = ident(row)
        entry = out.setdefault(key, [row, {}, None, None])
        try:
            if c_resp and row.values.get(c_resp):
                entry[2] = parse_number(row.values[c_resp])
            if c_option is None:
                for option in options:
                    entry[1][option] = parse_number(row.values.get(option))
            else:
                option = (row.values.get(c_option) or "").strip()
                if not weights.knows(option):
                    entry[3] = entry[3] or tr("unknown answer option '{option}': add it to "
                                              "survey_weights.json").format(option=option)
                    continue
                entry[1][option] = (entry[1].get(option) or 0) + (
                    parse_number(row.values.get(c_count)) or 0)
        except ValueError as exc:
            text = str(exc).replace("not a number: ", "")
            entry[3] = entry[3] or tr("unreadable number {value}").format(value=text)
    for entry in out.values():
        if entry[3] is None and any(v is not None and v < 0 for v in entry[1].values()):
            entry[3] = tr("negative count")
    return {k: tuple(v) for k, v in out.items()}


# -- places marked unsafe ------------------------------------------------------------------
def import_places(store: Store, path: Path | str, *, survey: str | None = None,
                  result: SurveyImportResult | None = None) -> SurveyImportResult:
    """Points that respondents marked as unsafe, with their reason."""
    from osgeo import ogr

    from ..constants import SWEREF_BOUNDS
    from .crs import lonlat_to_sweref

    result = result or SurveyImportResult()
    ds, layer = open_layer(str(path))
    defn = layer.GetLayerDefn()
    fields = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    f_survey = find_column(fields, *SURVEY_COLUMNS)
    f_reason = find_column(fields, *PLACE_REASON_FIELDS)
    f_id = find_column(fields, "id", "uid", "punkt_id")
    srs = layer.GetSpatialRef()
    lonlat = srs is None or srs.IsGeographic()
    transform = to_store_transform(srs) if srs is not None and not srs.IsGeographic() \
        else None
    rows = []
    for number, feature in enumerate(layer, start=1):
        values = {f: feature.GetFieldAsString(f) if feature.IsFieldSetAndNotNull(f) else None
                  for f in fields}
        geom = feature.GetGeometryRef()
        point = None
        if geom is not None and not geom.IsEmpty() and \
                ogr.GT_Flatten(geom.GetGeometryType()) == ogr.wkbPoint:
            geom = geom.Clone()
            if transform is not None:
                geom.Transform(transform)
            point = (geom.GetX(), geom.GetY())
        rows.append((number, values, point))
    del layer, ds  # rows are read: close the file
    if lonlat:
        ll = [p for _, _, p in rows if p is not None and -180 <= p[0] <= 180
              and -90 <= p[1] <= 90]
        converted = dict(zip(ll, lonlat_to_sweref(ll)))
        rows = [(n, v, converted.get(p, p) if p is not None else None) for n, v, p in rows]
    locator = _Locator(store)
    name = Path(path).name
    places: list[SurveyPlace] = []
    rejected: list[Rejected] = []
    seen: Counter = Counter()
    for number, values, point in rows:
        raw = f"{name} objekt {number}: " + "; ".join(f"{k}={v}" for k, v in values.items()) + (
            f"; punkt={point[0]:.1f} {point[1]:.1f}" if point else "")
        survey_ = (survey_name(values.get(f_survey)) if f_survey else None) or survey_name(survey)
        reason = (values.get(f_reason) or "").strip() or None if f_reason else None
        if not survey_:
            rejected.append(Rejected(SOURCE, raw, tr("no survey name (set SURVEY)")))
            continue
        if point is None:
            rejected.append(Rejected(SOURCE, raw, tr("no point geometry")))
            continue
        x, y = point
        if not (SWEREF_BOUNDS[0] <= x <= SWEREF_BOUNDS[1]
                and SWEREF_BOUNDS[2] <= y <= SWEREF_BOUNDS[3]):
            rejected.append(Rejected(SOURCE, raw, tr("the point is outside Sweden")))
            continue
        area = locator.area_of(x, y)
        if locator.has_boundary and area is None:
            rejected.append(Rejected(SOURCE, raw, tr("the point is outside the kommun")))
            continue
        given = (values.get(f_id) or "").strip() if f_id else ""
        basis = given or f"{x:.1f}|{y:.1f}|{reason or ''}"
        seen[(survey_, basis)] += 1
        if seen[(survey_, basis)] > 1:
            if given:
                rejected.append(Rejected(SOURCE, raw, tr("id {id} occurs more than once")
                                         .format(id=given)))
                continue
            basis += f"#{seen[(survey_, basis)]}"  # the same mark twice: two respondents
        digest = hashlib.sha1(f"{survey_}|{basis}".encode()).hexdigest()[:16]
        places.append(SurveyPlace(f"{SOURCE}:{digest}", survey_, x, y, reason,
                                  area.code if area else None))
    counts = store.upsert_survey_places(places, rejected)
    result.places_new += counts.new
    result.places_updated += counts.updated
    result.places_unchanged += counts.unchanged
    result.places_rejected += counts.rejected
    result.rejected += counts.rejected
    if counts.refused:
        result.warnings.append(refused_text(counts.refused))
    result.reasons.update(r.reason for r in rejected)
    result.surveys = sorted(set(result.surveys) | {p.survey for p in places})
    return result


class _Locator:
    """Which stored area holds a point: the most detailed kind first."""

    def __init__(self, store: Store):
        from osgeo import ogr

        self._layers = []
        for kind in (AreaKind.DESO.value, AreaKind.DISTRICT.value, AreaKind.REGSO.value,
                     AreaKind.KOMMUN.value):
            items = [(a, ogr.CreateGeometryFromWkb(a.wkb)) for a in store.areas(kind=kind)]
            self._layers.append([(a, g, g.GetEnvelope()) for a, g in items])
        self.has_boundary = bool(self._layers[-1])
        self._point = ogr.Geometry(ogr.wkbPoint)

    def area_of(self, x: float, y: float) -> Area | None:
        self._point.SetPoint_2D(0, x, y)
        for layer in self._layers:
            for area, geom, (minx, maxx, miny, maxy) in layer:
                if minx <= x <= maxx and miny <= y <= maxy and geom.Contains(self._point):
                    return area
        return None


# -- perceived against reported ------------------------------------------------------------
def fieldwork_date(survey: str, given: date | None = None) -> date:
    """When a survey was answered: ``given``, else 1 September of the year in its name
    (the police's local surveys are usually answered in the autumn), else today."""
    if given is not None:
        return given
    year = survey_year(survey)
    return date(year, 9, 1) if year else clock.today()


def compare_with_reports(store: Store, surveys: Iterable[str], *,
                         fieldwork: date | None = None) -> dict[str, int]:
    """Refresh "perceived against reported" for each survey; survey -> areas compared.

    Perceived: the area's mean problem index over the survey's questions. Reported: the
    incidents with an exact location (reports and geocoded police crimes) inside the area in
    the 12 months before the fieldwork, per 1,000 inhabitants. Both ranked among the areas
    that have both; see ``domain.survey.perceived_vs_reported``.
    """
    done = {}
    areas = {a.code: a for a in store.areas()}
    for survey in surveys:
        results = store.survey_results(survey)
        by_area: dict[str, list[float]] = {}
        for r in results:
            if r.index_value is not None and r.area_code in areas:
                by_area.setdefault(r.area_code, []).append(r.index_value)
        if not by_area:
            continue
        kind = Counter(areas[c].kind for c in by_area).most_common(1)[0][0]
        end = fieldwork_date(survey, fieldwork)
        start = date(end.year - 1, end.month, min(end.day, 28))
        window = (to_utc_text(datetime(start.year, start.month, start.day,
                                       tzinfo=timezone.utc)),
                  to_utc_text(datetime(end.year, end.month, end.day, tzinfo=timezone.utc)))
        counts = store.incident_counts_by_area(
            kind, "location_precision = 'exact' AND occurred_at >= ? AND occurred_at < ?",
            window)
        rows = [(code, sum(v) / len(v), counts.get(code, 0), areas[code].population)
                for code, v in sorted(by_area.items()) if areas[code].kind == kind]
        done[survey] = store.save_survey_comparison(survey, perceived_vs_reported(rows),
                                                    *window)
    return done
