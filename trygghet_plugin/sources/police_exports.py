"""Geocoded police crime exports, as police–municipality partnerships deliver them.

CSV (any encoding, ``;`` or ``,``, decimal commas), .xlsx or GeoJSON, one crime a row: a
crime code and/or type, date and time (one column or two), coordinates and a place type.
Coordinates may be SWEREF 99 TM (either column order: Swedish exports often call the
northing X) or WGS 84 (lat/lon in either order); the system is detected from the values and
every row is checked against it. RT 90 is recognised and refused with a message.

Only crimes in public space are imported, by the place-type rule in
``resources/police/place_types.json``. Each crime becomes an incident ``police:export:<id>``
(the export's id column, or a stable hash of the row when it has none) with
``location_precision='exact'``; other rows are kept in ``rejected`` with the reason, those
outside public space without their coordinates.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.incident import Incident, LocationPrecision, Rejected, Status
from ..domain.taxonomy import Taxonomy
from ..domain.timeutil import parse_time
from ..i18n import translator
from ..paths import resource, taxonomy_file
from ..store.base import Store
from .crs import RT90, WGS84, classify_pair, lonlat_to_sweref
from .http import SourceError
from .kommuner import Kommun
from .police_types import NotAnEvent, PoliceTypeMap
from .polisen import SOURCE, ImportResult
from .records import checked_time, counts_text, raw_text, write_records
from .tabular import find_column, parse_number, read_table

tr = translator("Sources")

ID_COLUMNS = ("id", "diarienummer", "ärendenummer", "arendenummer", "anmälningsnummer",
              "händelsenummer", "brottsnummer", "k-nummer", "knummer", "löpnummer", "nr")
CODE_COLUMNS = ("brottskod", "brottskod_id", "kod", "code", "crime_code")
TYPE_COLUMNS = ("brottstyp", "brott", "brottsbenämning", "brottsbenamning", "rubricering",
                "brottsrubricering", "typ", "brottskategori", "kategori", "type", "crime_type")
DATETIME_COLUMNS = ("datum och tid", "datumtid", "tidpunkt", "brottstid", "händelsetid",
                    "datetime", "occurred_at")
DATE_COLUMNS = ("datum", "brottsdatum", "händelsedatum", "startdatum", "från datum",
                "fran_datum", "date")
TIME_COLUMNS = ("tid", "klockslag", "kl", "starttid", "time")
PLACE_COLUMNS = ("platstyp", "brottsplatstyp", "plats typ", "platskategori", "plats", "miljö",
                 "scen", "place_type")
# (first, second) column names of a coordinate pair; the values decide which is which.
COORD_PAIRS = (("x", "y"), ("x_koordinat", "y_koordinat"), ("koordinat x", "koordinat y"),
               ("xkoord", "ykoord"), ("e", "n"), ("ost", "nord"), ("easting", "northing"),
               ("sweref99_e", "sweref99_n"), ("lon", "lat"), ("lng", "lat"),
               ("longitud", "latitud"), ("longitude", "latitude"))



def rules_file() -> Path:
    return resource("police", "place_types.json")


def _key(text: str) -> str:
    value = unicodedata.normalize("NFKD", str(text).strip().lower())
    value = "".join(c for c in value if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", value).split())


@dataclass
class PlaceRule:
    """Public space or not, by place type (see ``place_types.json``)."""

    public: frozenset[str]
    not_public: frozenset[str]
    unknown: str = "reject"

    @classmethod
    def load(cls, path: Path | None = None) -> PlaceRule:
        path = Path(path or rules_file())
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            unknown = data.get("unknown", "reject")
            if unknown not in ("reject", "public", "not_public"):
                raise ValueError(tr("'unknown' must be reject, public or not_public"))
            return cls(frozenset(_key(w) for w in data.get("public", ())),
                       frozenset(_key(w) for w in data.get("not_public", ())), unknown)
        except (OSError, ValueError, AttributeError) as exc:
            raise SourceError(tr("{file} could not be read: {error}.").format(
                file=path.name, error=exc)) from exc

    def judge(self, place_type: str | None) -> str:
        """'public', 'not_public' or 'unknown'."""
        key = _key(place_type or "")
        if not key:
            return "unknown" if self.unknown == "reject" else self.unknown
        if key in self.public:
            return "public"
        if key in self.not_public:
            return "not_public"
        padded = f" {key} "
        if any(f" {w} " in padded for w in self.not_public):
            return "not_public"
        if any(f" {w} " in padded for w in self.public):
            return "public"
        return "unknown" if self.unknown == "reject" else self.unknown


@dataclass
class ExportRow:
    number: int
    values: dict[str, str | None]
    point: tuple[float, float] | None = None  # from a GeoJSON geometry, as given

    def raw(self, *, without: tuple[str, ...] = ()) -> str:
        values = {k: v for k, v in self.values.items() if k not in without}
        if self.point is not None and not without:
            values["geometry"] = f"{self.point[0]} {self.point[1]}"
        return json.dumps(values, ensure_ascii=False)


@dataclass
class Export:
    name: str
    columns: list[str]
    rows: list[ExportRow]
    empty_rows: int = 0
    duplicate_rows: int = 0
    bad_rows: list = field(default_factory=list)  # tabular.BadRow: rows that could not be split


def read_export(path: Path | str) -> Export:
    path = Path(path)
    if path.suffix.lower() in (".geojson", ".json"):
        return _read_geojson(path)
    table = read_table(path)
    export = Export(path.name, table.columns,
                    [ExportRow(r.number, r.values) for r in table.rows],
                    table.empty_rows, table.duplicate_rows)
    export.bad_rows = list(table.bad_rows)
    return export


def _read_geojson(path: Path) -> Export:
    from osgeo import gdal, ogr

    if not path.is_file():
        raise SourceError(tr("The file does not exist: {path}").format(path=path))
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = ogr.Open(str(path))
    except RuntimeError:  # when GDAL exceptions are on
        ds = None
    finally:
        gdal.PopErrorHandler()
    if ds is None or ds.GetLayerCount() == 0:
        raise SourceError(tr("{file} could not be read as GeoJSON.").format(file=path.name))
    layer = ds.GetLayer(0)
    defn = layer.GetLayerDefn()
    columns = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    rows = []
    for n, feature in enumerate(layer, start=1):
        values = {c: (feature.GetFieldAsString(i).strip() or None)
                  if feature.IsFieldSetAndNotNull(i) else None for i, c in enumerate(columns)}
        geom = feature.GetGeometryRef()
        point = None
        if geom is not None and not geom.IsEmpty() and \
                ogr.GT_Flatten(geom.GetGeometryType()) == ogr.wkbPoint:
            point = (geom.GetX(), geom.GetY())
        rows.append(ExportRow(n, values, point))
    return Export(path.name, columns, rows)


# -- coordinates ---------------------------------------------------------------------------
def detect_system(pairs: list[tuple[float, float]]) -> str:
    """The coordinate system most rows are in; SourceError when none or RT 90."""
    systems = Counter(hit[0] for a, b in pairs if (hit := classify_pair(a, b)) is not None)
    if not systems:
        raise SourceError(tr("The coordinates are not recognised as SWEREF 99 TM or WGS 84 in "
                             "Sweden."))
    system = systems.most_common(1)[0][0]
    if system == RT90:
        raise SourceError(tr("The coordinates look like RT 90, which is not supported: export "
                             "them in SWEREF 99 TM or WGS 84."))
    return system


@dataclass
class _Columns:
    id: str | None
    code: str | None
    type: str | None
    datetime: str | None
    date: str | None
    time: str | None
    place: str | None
    coords: tuple[str, str] | None


def _columns(export: Export, geometry: bool) -> _Columns:
    cols = export.columns
    found = _Columns(
        id=find_column(cols, *ID_COLUMNS), code=find_column(cols, *CODE_COLUMNS),
        type=find_column(cols, *TYPE_COLUMNS), datetime=find_column(cols, *DATETIME_COLUMNS),
        date=find_column(cols, *DATE_COLUMNS), time=None,
        place=find_column(cols, *PLACE_COLUMNS), coords=None)
    if found.date:
        found.time = find_column([c for c in cols if c != found.datetime], *TIME_COLUMNS)
    if not geometry:
        for first, second in COORD_PAIRS:
            a, b = find_column(cols, first), find_column(cols, second)
            if a and b:
                found.coords = (a, b)
                break
    missing = []
    if not (found.code or found.type):
        missing.append(tr("crime code or crime type"))
    if not (found.datetime or found.date):
        missing.append(tr("date (and time)"))
    if not geometry and found.coords is None:
        missing.append(tr("coordinates (e.g. X and Y, N and E, lat and lon)"))
    if not found.place:
        missing.append(tr("place type (to pick out public space)"))
    if missing:
        raise SourceError(tr("{file}: columns missing: {missing}. Columns in the file: "
                             "{columns}.").format(file=export.name, missing="; ".join(missing),
                                                  columns=", ".join(cols)))
    return found


# -- importing -----------------------------------------------------------------------------
@dataclass
class CrimeExportResult(ImportResult):
    system: str = ""
    not_public: int = 0
    place_types: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        text = tr("Crime export: {read} rows, {new} new, {updated} updated, {unchanged} "
                  "unchanged, {rejected} rejected (of which {not_public} not in public space). "
                  "Coordinates: {system}.").format(
            read=self.read, new=self.new, updated=self.updated, unchanged=self.unchanged,
            rejected=self.rejected, not_public=self.not_public, system=self.system)
        if self.unknown_types:
            words = counts_text(self.unknown_types)
            text += " " + tr("Unknown crime types were added as Other: {types}.").format(
                types=words)
        for warning in self.warnings:
            text += " " + warning
        return text


def import_export(store: Store, path: Path | str, *, kommun: Kommun | None = None,
                  taxonomy: Taxonomy | None = None, rule: PlaceRule | None = None,
                  boundary=None) -> CrimeExportResult:
    """Import one export file; ``boundary`` (ogr.Geometry, EPSG:3006) rejects crimes outside."""
    export = read_export(path)
    has_geometry = any(r.point is not None for r in export.rows)
    cols = _columns(export, has_geometry)
    types = PoliceTypeMap.load(taxonomy or Taxonomy.load(taxonomy_file()))
    rule = rule or PlaceRule.load()
    result = CrimeExportResult()
    if export.empty_rows or export.duplicate_rows:
        result.warnings.append(tr("{empty} empty rows and {duplicates} duplicates were "
                                  "skipped.").format(empty=export.empty_rows,
                                                     duplicates=export.duplicate_rows))
    raw_pairs: list[tuple[float, float] | None] = []
    bad_number: dict[int, str] = {}
    for i, row in enumerate(export.rows):
        if has_geometry:
            raw_pairs.append(row.point)
            continue
        try:
            a = parse_number(row.values.get(cols.coords[0]))
            b = parse_number(row.values.get(cols.coords[1]))
        except ValueError:
            bad_number[i] = tr("unreadable coordinate")
            a = b = None
        raw_pairs.append((a, b) if a is not None and b is not None else None)
    result.system = detect_system([p for p in raw_pairs if p is not None])
    classified = [classify_pair(*p) if p is not None else None for p in raw_pairs]
    wgs = [(c[1], c[2]) for c in classified if c is not None and c[0] == WGS84]
    converted = iter(lonlat_to_sweref(wgs))
    coordinate_columns = cols.coords or ()
    incidents: list[Incident] = []
    rejected: list[Rejected] = []
    ids_seen: set[str] = set()

    def reject(row: ExportRow, reason: str, source_id: str | None = None, *,
               private: bool = False) -> None:
        raw = row.raw(without=(*coordinate_columns, "geometry") if private else ())
        rejected.append(Rejected(SOURCE, raw, tr("row {number}: {reason}").format(
            number=row.number, reason=reason), source_id))
        result.reasons[reason] += 1

    for i, (row, hit) in enumerate(zip(export.rows, classified)):
        result.read += 1
        if hit is not None and hit[0] == WGS84:
            x, y = next(converted)
        elif hit is not None:
            x, y = hit[1], hit[2]
        v = row.values
        source_id = _row_id(row, cols)
        place = v.get(cols.place) if cols.place else None
        judged = rule.judge(place)
        result.place_types[place or "(tom)"] += 1
        if judged == "not_public":
            result.not_public += 1
            reject(row, tr("not public space (place type '{place}')").format(place=place),
                   source_id, private=True)
            continue
        if judged == "unknown":
            reject(row, tr("unknown place type '{place}': add it to place_types.json").format(
                place=place or ""), source_id)
            continue
        if i in bad_number:
            reject(row, bad_number[i], source_id)
            continue
        if hit is None:
            reject(row, tr("no coordinates or outside Sweden"), source_id)
            continue
        if hit[0] != result.system:
            reject(row, tr("the coordinate is in {system} but the rest of the file in "
                           "{file_system}").format(system=hit[0], file_system=result.system),
                   source_id)
            continue
        if boundary is not None and not _contains(boundary, x, y):
            reject(row, tr("the location is outside the kommun"), source_id)
            continue
        try:
            occurred = checked_time(_row_time(v, cols))
        except (ValueError, OverflowError):
            given = " ".join(v.get(c) or "" for c in (cols.datetime, cols.date, cols.time)
                             if c).strip()
            reject(row, tr("unreadable time {value}").format(value=f"'{given}'"), source_id)
            continue
        if occurred is None:
            reject(row, tr("no date"), source_id)
            continue
        crime_type = v.get(cols.type) if cols.type else None
        code = v.get(cols.code) if cols.code else None
        cls = types.classify(crime_type or code, code)
        if isinstance(cls, NotAnEvent):
            reject(row, cls.reason, source_id)
            continue
        if source_id in ids_seen:
            reject(row, tr("id {id} occurs more than once in the file").format(id=source_id),
                   source_id)
            continue
        ids_seen.add(source_id)
        result.precision[LocationPrecision.EXACT.value] += 1
        incidents.append(Incident(
            source=SOURCE, source_id=source_id, category=cls.category,
            subcategory=cls.subcategory, x=x, y=y, occurred_at=occurred,
            status=Status.CLOSED.value, reporter_org="Polisen",
            description=" – ".join(p for p in (crime_type or code, place) if p),
            location_precision=LocationPrecision.EXACT.value,
            kommunkod=kommun.code if kommun else None))
    for bad in export.bad_rows:
        result.read += 1
        rejected.append(Rejected(SOURCE, raw_text(bad.raw), tr("row {number}: {reason}").format(
            number=bad.number, reason=bad.reason)))
        result.reasons[bad.reason] += 1
    result.unknown_types = types.unknown
    result.add(write_records(store, incidents, rejected))
    return result


def _row_id(row: ExportRow, cols: _Columns) -> str:
    value = row.values.get(cols.id) if cols.id else None
    if value:
        return f"export:{value.strip()}"
    # No id column: the row's content is its identity, so a re-import finds it again.
    content = json.dumps([row.values.get(c) for c in sorted(row.values)] + [row.point],
                         ensure_ascii=False)
    return "export:" + hashlib.sha1(content.encode("utf-8")).hexdigest()[:16]


_SLASH_DATE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})")
_COMPACT_TIME = re.compile(r"^(\d{1,2})[:.]?(\d{2})(?:[:.](\d{2}))?$")


def _row_time(values: dict, cols: _Columns):
    """The crime's time from one date-and-time column, or from a date and a time column."""
    stamp = (values.get(cols.datetime) or "").strip() if cols.datetime else ""
    if stamp and not _COMPACT_TIME.match(stamp):
        return parse_time(_SLASH_DATE.sub(r"\1-\2-\3", stamp))
    date = (values.get(cols.date) or "").strip() if cols.date else ""
    if not date:
        return None
    date = _SLASH_DATE.sub(r"\1-\2-\3", date)
    clock = stamp or ((values.get(cols.time) or "").strip() if cols.time else "")
    if clock and " " not in date and "T" not in date:
        m = _COMPACT_TIME.match(clock)
        if not m:
            raise ValueError(f"{clock!r}")
        date = f"{date} {int(m.group(1))}:{m.group(2)}"
    return parse_time(date)


def _contains(boundary, x: float, y: float) -> bool:
    from osgeo import ogr

    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(x, y)
    return boundary.Contains(point)
