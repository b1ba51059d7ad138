"""Reports from an export file: CSV (UTF-8 or Windows-1252, ``;`` or ``,``, decimal commas),
Excel .xlsx (through OGR) or GeoJSON.

Columns are taken from the connection's field mapping, else found by their usual Swedish
and English names. Coordinates are lat/lon (WGS 84) or SWEREF 99 TM northing/easting: which
one is told by the numbers themselves (their ranges over Sweden do not overlap), so swapped
or oddly named columns still work, and a row whose numbers fit neither (RT 90, a point
abroad, a typo) is rejected with its line number and the reason.

A file is imported whole, in batches, each written with the position reached; an import
stopped half-way continues with the same file. An unchanged file (same SHA-1) is not read
again. A file says nothing about deletions (an export may cover only a period), so none are
inferred from it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import tzinfo
from itertools import islice
from pathlib import Path
from typing import TypeVar

from ..domain.incident import Incident, Rejected
from ..domain.taxonomy import Taxonomy
from ..domain.timeutil import STOCKHOLM
from ..i18n import translator
from ..paths import taxonomy_file
from ..store.base import Store
from . import crs
from .crs import lonlat_to_sweref
from .http import SourceError
from .records import (
    MAPPED_FIELDS,
    DuplicateIds,
    FieldMapping,
    RecordParser,
    clean_text,
    duplicate_id_reason,
    field_label,
    raw_text,
)
from .seen import SeenSet, hashes
from .sync import REPORTS_SOURCE, Feedback, PassRunner, SyncPolicy, SyncResult
from .tabular import BadRow, Row, find_column, open_table, parse_number

tr = translator("Sources")

BATCH_ROWS = 5000
T = TypeVar("T")
TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xls", ".ods")
GEOJSON_SUFFIXES = (".geojson", ".json")

#: Usual column names per store field, tried when the mapping's name is not a column.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "ärende", "ärendenummer", "ärende-id", "ärendenr", "rapport-id", "rapportnr",
           "nr", "löpnummer", "service_request_id"),
    "category": ("category", "kategori", "händelsetyp", "typ", "ärendetyp", "service_name"),
    "subcategory": ("subcategory", "underkategori", "undertyp"),
    "occurred_at": ("occurred_at", "händelsetid", "tidpunkt", "inträffade", "händelsedatum",
                    "datum", "tid"),
    "reported_at": ("reported_at", "rapporterad", "inrapporterad", "rapporttid", "skapad",
                    "registrerad", "requested_datetime"),
    "updated_at": ("updated_at", "ändrad", "senast ändrad", "uppdaterad", "updated_datetime"),
    "status": ("status", "tillstånd"),
    "reporter_org": ("reporter_org", "organisation", "rapportörens organisation",
                     "förvaltning", "rapportör"),
    "description": ("description", "beskrivning", "kommentar", "fritext", "text"),
    "reporter_id": ("reporter_id", "rapportör-id", "rapportörsid", "användar-id"),
}
# Coordinate column pairs, in order of preference; which is which is checked by the numbers.
COORDINATE_PAIRS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("lat", "latitud", "latitude", "wgs84_lat", "breddgrad"),
     ("lon", "lng", "long", "longitud", "longitude", "wgs84_lon", "längdgrad")),
    (("northing", "nord", "norr", "n", "sweref_n", "n_sweref", "nordkoordinat"),
     ("easting", "öst", "ost", "e", "sweref_e", "e_sweref", "östkoordinat", "ostkoordinat")),
    (("x", "x_koordinat", "koordinat_x"), ("y", "y_koordinat", "koordinat_y")),
)

# Over Sweden: latitude 55-69.1, longitude 10.9-24.2; SWEREF 99 TM N 6.1-7.7 M, E 0.18-1.0 M.
WGS84, SWEREF = "WGS 84 (lat/lon)", "SWEREF 99 TM (N/E)"
_SYSTEM_LABELS = {crs.WGS84: WGS84, crs.SWEREF: SWEREF}


@dataclass
class CoordinateCheck:
    """What the coordinates in a file turned out to be."""

    systems: Counter = field(default_factory=Counter)
    swapped: int = 0  # rows whose numbers sat in each other's columns

    def note(self) -> str:
        if not self.systems:
            return ""
        found = ", ".join(f"{name}: {n}" for name, n in self.systems.most_common())
        text = tr("Coordinates: {found}.").format(found=found)
        if self.swapped:
            text += " " + tr("{count} rows had the coordinates in reverse order (corrected)."
                             ).format(count=self.swapped)
        return text


def classify_pair(a: float, b: float) -> tuple[str, float, float, bool] | str:
    """Two numbers of a row, expected as lat/lon or N/E, as (system, lon-or-easting,
    lat-or-northing, swapped), or the reason they are neither lat/lon nor SWEREF 99 TM within
    Sweden."""
    found = crs.classify_pair(a, b)
    if found is None:
        return tr("the coordinate ({a}, {b}) is neither lat/lon nor SWEREF 99 TM within Sweden"
                  ).format(a=a, b=b)
    system, x, y = found
    if system == crs.RT90:
        return tr("the coordinate ({a}, {b}) looks like RT 90, not SWEREF 99 TM: export in "
                  "SWEREF 99 TM or WGS 84").format(a=a, b=b)
    return _SYSTEM_LABELS[system], x, y, x == a


def file_source_key(path: Path | str) -> str:
    return f"file:{Path(path).resolve()}"


def file_sha1(path: Path) -> str:
    digest = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Batch:
    incidents: list[Incident]
    rejected: list[Rejected]
    rows: int  # rows (or features) read so far, this batch included
    last: bool


class ExportReader:
    """Reads one export file into batches of incidents and rejected records."""

    def __init__(self, path: Path | str, parser: RecordParser):
        self.path = Path(path)
        self.parser = parser
        self.coordinates = CoordinateCheck()
        self.skipped_notes: list[str] = []
        suffix = self.path.suffix.lower()
        if not self.path.is_file():
            raise SourceError(tr("The file does not exist: {path}").format(path=self.path))
        if suffix not in TABLE_SUFFIXES + GEOJSON_SUFFIXES:
            raise SourceError(tr("{name}: the file type {suffix} is not supported; use CSV, "
                                 "Excel (.xlsx) or GeoJSON.").format(
                name=self.path.name, suffix=suffix or tr("(none)")))
        self.kind = "geojson" if suffix in GEOJSON_SUFFIXES else "table"

    def _parser_for(self, mapping: dict[str, str | None]) -> RecordParser:
        # A field the file lacks gets a name no column has, so it reads as empty.
        names = FieldMapping(**{k: v or f"\0{k}" for k, v in mapping.items()})
        parser = replace(self.parser, mapping=names)
        parser.unknown_categories = self.parser.unknown_categories  # one count for the file
        return parser

    def batches(self, skip: int = 0) -> Iterator[Batch]:
        if self.kind == "geojson":
            return self._geojson_batches(skip)
        return self._table_batches(skip)

    # -- CSV and Excel ----------------------------------------------------------------------
    def _table_batches(self, skip: int) -> Iterator[Batch]:
        # Streamed, and identical rows and repeated ids kept track of in 8 bytes a row:
        # a million-line file keeps memory flat.
        table = open_table(self.path, dedupe=False)
        columns = table.columns
        mapping = resolve_mapping(columns, self.parser.mapping)
        missing = [field_label(f) for f in ("id",) if mapping.get(f) is None]
        if mapping.get("occurred_at") is None and mapping.get("reported_at") is None:
            missing.append(field_label("occurred_at"))
        pair = find_coordinate_columns(columns)
        if pair is None:
            missing.append(tr("coordinates (Lat/Lon or N/E)"))
        if missing:
            raise SourceError(tr(
                "{name} has no columns for: {missing}. Its columns are: {columns}. Set them in "
                "the field mapping.").format(name=self.path.name, missing=", ".join(missing),
                                             columns=", ".join(columns)))
        parser = self._parser_for(mapping)
        first, second = pair
        rows_seen, ids_seen = SeenSet(), SeenSet()
        duplicates = 0
        done = 0
        for chunk, last in _chunks(iter(table), BATCH_ROWS):
            new_rows = rows_seen.first_seen(hashes(
                tuple(row.values.values()) if isinstance(row, Row) else ("bad", row.number)
                for row in chunk))
            duplicates += int(len(chunk) - new_rows.sum())
            chunk = [row for row, keep in zip(chunk, new_rows) if keep]
            done += len(chunk)
            if done <= skip:
                continue  # written by the run that stopped
            incidents: list[Incident] = []
            rejected: list[Rejected] = []
            points: list[tuple[float, float, str] | str] = []
            for row in chunk:
                points.append(tr("the row could not be read") if isinstance(row, BadRow)
                              else self._row_point(row.values.get(first),
                                                   row.values.get(second)))
            lonlats = [p for p in points if not isinstance(p, str) and p[2] == WGS84]
            converted = iter(lonlat_to_sweref([(p[0], p[1]) for p in lonlats]))
            for row, point in zip(chunk, points):
                if isinstance(row, BadRow):
                    rejected.append(Rejected(self.parser.source,
                                             f"{self.path.name} rad {row.number}: {row.raw}",
                                             row.reason))
                    continue
                raw = f"{self.path.name} rad {row.number}: {row.raw()}"
                sid = row.values.get(mapping["id"]) if mapping["id"] else None
                if isinstance(point, str):
                    rejected.append(Rejected(self.parser.source, raw, point, sid or None))
                    continue
                x, y = next(converted) if point[2] == WGS84 else (point[0], point[1])
                record = parser.parse(row.values, x, y, raw)
                (incidents if isinstance(record, Incident) else rejected).append(record)
            once = ids_seen.first_seen(hashes(i.source_id for i in incidents))
            if not once.all():
                rejected += [Rejected(i.source, raw_text(vars(i)), duplicate_id_reason(
                    i.source_id), i.source_id) for i, keep in zip(incidents, once) if not keep]
                incidents = [i for i, keep in zip(incidents, once) if keep]
            yield Batch(incidents, rejected, done, last)
        if duplicates:
            self.skipped_notes.append(tr("{count} identical rows were read once.").format(
                count=duplicates))
        if done <= skip:
            yield Batch([], [], done, True)

    def _row_point(self, first: str | None, second: str | None
                   ) -> tuple[float, float, str] | str:
        try:
            a, b = parse_number(first), parse_number(second)
        except ValueError:
            return tr("unreadable coordinate ({a}, {b})").format(a=repr(first), b=repr(second))
        if a is None or b is None:
            return tr("no coordinates")
        found = classify_pair(a, b)
        if isinstance(found, str):
            return found
        system, x, y, swapped = found
        self.coordinates.systems[system] += 1
        self.coordinates.swapped += swapped
        return x, y, system

    # -- GeoJSON ----------------------------------------------------------------------------
    def _geojson_batches(self, skip: int) -> Iterator[Batch]:
        try:
            doc = json.loads(self.path.read_bytes())
        except RecursionError as exc:
            raise SourceError(tr("{name} is nested too deeply to be read.").format(
                name=self.path.name)) from exc
        except (OSError, ValueError) as exc:
            raise SourceError(tr("{name} is not valid GeoJSON: {error}").format(
                name=self.path.name, error=exc)) from exc
        features = doc.get("features") if isinstance(doc, dict) else None
        if not isinstance(features, list):
            raise SourceError(tr("{name} is not a GeoJSON FeatureCollection.").format(
                name=self.path.name))
        keys = sorted({str(k) for f in features[:200] if isinstance(f, dict)
                       and isinstance(f.get("properties"), dict) for k in f["properties"]})
        parser = self._parser_for(resolve_mapping(keys, self.parser.mapping))
        id_field = parser.mapping.id
        ids = DuplicateIds()
        for lo in range(skip, len(features), BATCH_ROWS):
            chunk = features[lo:lo + BATCH_ROWS]
            incidents: list[Incident] = []
            rejected: list[Rejected] = []
            points = [self._feature_point(f) for f in chunk]
            lonlats = [p for p in points if not isinstance(p, str) and p[2] == WGS84]
            converted = iter(lonlat_to_sweref([(p[0], p[1]) for p in lonlats]))
            for feature, point in zip(chunk, points):
                # Taken for every WGS 84 point, so the converted points stay in step.
                xy = next(converted) if not isinstance(point, str) and point[2] == WGS84 \
                    else None
                props = feature.get("properties") if isinstance(feature, dict) else None
                if not isinstance(feature, dict) or not isinstance(props, (dict, type(None))):
                    rejected.append(Rejected(self.parser.source, raw_text(feature),
                                             tr("not a GeoJSON feature")))
                    continue
                props = dict(props or {})
                if props.get(id_field) in (None, "") and feature.get("id") is not None:
                    props[id_field] = feature["id"]
                if isinstance(point, str):
                    sid = props.get(id_field)
                    rejected.append(Rejected(self.parser.source, raw_text(feature), point,
                                             None if sid in (None, "") else
                                             clean_text(str(sid))))
                    continue
                x, y = xy if xy is not None else (point[0], point[1])
                record = ids.check(parser.parse(props, x, y, feature), feature)
                (incidents if isinstance(record, Incident) else rejected).append(record)
            yield Batch(incidents, rejected, lo + len(chunk),
                        lo + len(chunk) >= len(features))
        if skip >= len(features):
            yield Batch([], [], len(features), True)

    def _feature_point(self, feature) -> tuple[float, float, str] | str:
        geom = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(geom, dict) or geom.get("type") != "Point":
            return tr("no geometry")
        try:
            lon, lat = float(geom["coordinates"][0]), float(geom["coordinates"][1])
        except (KeyError, TypeError, ValueError, IndexError, OverflowError):
            return tr("unreadable geometry")
        # GeoJSON is lon/lat; a SWEREF export (older GeoJSON with a crs member) is told
        # apart by its numbers, as in tables.
        found = classify_pair(lat, lon)
        if isinstance(found, str):
            return found
        system, x, y, swapped = found
        self.coordinates.systems[system] += 1
        self.coordinates.swapped += swapped and system == WGS84
        return x, y, system


def _chunks(rows: Iterator[T], size: int) -> Iterator[tuple[list[T], bool]]:
    """Lists of up to ``size`` items, each with whether it is the last."""
    chunk = list(islice(rows, size))
    while chunk:
        following = list(islice(rows, size))
        yield chunk, not following
        chunk = following


def resolve_mapping(columns: list[str], mapping: FieldMapping) -> dict[str, str | None]:
    """Store field -> the file's column: the mapping's name if it is a column (any case),
    else the first usual name found, else None."""
    resolved: dict[str, str | None] = {}
    for name in MAPPED_FIELDS:
        wanted = getattr(mapping, name, None)
        hit = find_column(columns, wanted) if wanted else None
        resolved[name] = hit or find_column(columns, *COLUMN_NAMES[name])
    return resolved


def find_coordinate_columns(columns: list[str]) -> tuple[str, str] | None:
    for first_names, second_names in COORDINATE_PAIRS:
        first, second = find_column(columns, *first_names), find_column(columns, *second_names)
        if first and second:
            return first, second
    return None


def sync_file(store: Store, path: Path | str, *, mapping: FieldMapping | None = None,
              taxonomy: Taxonomy | None = None, kommunkod: str | None = None, boundary=None,
              source: str = REPORTS_SOURCE, force: bool = False,
              naive_tz: tzinfo = STOCKHOLM,
              feedback: Feedback | None = None) -> SyncResult:
    """Import an export file into the store; an unchanged file is skipped unless ``force``.
    Times without a zone are Swedish time (what Swedish exports mean) unless ``naive_tz``."""
    path = Path(path)
    parser = RecordParser(source, taxonomy or Taxonomy.load(taxonomy_file()),
                          mapping or FieldMapping.default_for("file"), kommunkod, boundary,
                          naive_tz)
    reader = ExportReader(path, parser)
    sha = file_sha1(path)
    run = PassRunner(store, file_source_key(path), source,
                     SyncPolicy(force_full=True, detect_deletions=False), feedback,
                     parser.taxonomy)
    cursor = run.cursor
    unfinished = cursor.get("file_sha1") == sha and cursor.get("file_rows_done") is not None
    if not unfinished and not force and cursor.get("file_done_sha1") == sha:
        run.start(False)
        run.result.complete = True
        run.result.notes.append(tr("The file has not changed since the last import."))
        return run.result
    run.start(unfinished)
    skip = int(cursor.get("file_rows_done") or 0) if unfinished else 0
    for batch in reader.batches(skip):
        position = {"file_sha1": sha, "file_rows_done": None if batch.last else batch.rows}
        if batch.last:
            position["file_done_sha1"] = sha
        if not run.write(batch.incidents, batch.rejected, position, done=batch.last,
                         request=str(path), fetched=len(batch.incidents) + len(batch.rejected)):
            break
    result = run.finish(parser)
    for note in (reader.coordinates.note(), *reader.skipped_notes):
        if note:
            result.notes.append(note)
    return result

