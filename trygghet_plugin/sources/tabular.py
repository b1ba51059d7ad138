"""Tables as municipalities receive them: CSV (UTF-8 or Windows-1252, ``;`` or ``,``, BOMs,
decimal commas) and Excel .xlsx (read through OGR). One reader for exports, police crime
lists and survey results.

Rows come back as dicts of text keyed by the header (trimmed), with the 1-based line or row
number, so a row that cannot be taken can be reported with where it was.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import translator
from .http import SourceError

tr = translator("Sources")


@dataclass(frozen=True)
class Row:
    number: int  # line in the CSV file / row in the sheet, header = 1
    values: dict[str, str | None]

    def raw(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.values.items())


@dataclass
class Table:
    path: Path
    columns: list[str]
    rows: list[Row]
    encoding: str | None = None
    delimiter: str | None = None
    empty_rows: int = 0
    duplicate_rows: int = 0


def read_table(path: Path | str, *, sheet: str | None = None) -> Table:
    """Read a .csv/.txt or .xlsx file; raises SourceError with a clear message."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(tr("The file does not exist: {path}").format(path=path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xls", ".ods"):
        return _read_sheet(path, sheet)
    return _read_csv(path)


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding: UTF-8 (with or without BOM) when it decodes, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_delimiter(text: str) -> str:
    """``;`` (the Swedish Excel default), ``,``, tab or ``|``, by what splits the header best."""
    lines = [ln for ln in text.splitlines()[:20] if ln.strip()]
    if not lines:
        return ";"
    best, best_score = ";", -1
    for delim in (";", ",", "\t", "|"):
        counts = [len(next(csv.reader([ln], delimiter=delim))) for ln in lines]
        # A delimiter that gives the same number of columns on every line, and more than one.
        if counts[0] > 1:
            score = counts[0] * 10 + sum(1 for c in counts if c == counts[0])
            if score > best_score:
                best, best_score = delim, score
    return best


def _read_csv(path: Path) -> Table:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(tr("Cannot read {name}: {error}").format(name=path.name, error=exc)
                          ) from exc
    if not data.strip():
        raise SourceError(tr("{name} is empty.").format(name=path.name))
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration as exc:
        raise SourceError(tr("{name} has no header row.").format(name=path.name)) from exc
    return _table(path, header, ((reader.line_num, r) for r in reader), encoding, delimiter)


def _read_sheet(path: Path, sheet: str | None) -> Table:
    from osgeo import gdal, ogr

    # The XLSX driver reads lazily: the options must hold until the rows are read.
    options = {"OGR_XLSX_HEADERS": "FORCE", "OGR_XLSX_FIELD_TYPES": "STRING"}
    previous = {k: gdal.GetConfigOption(k) for k in options}
    for key, value in options.items():
        gdal.SetConfigOption(key, value)
    try:
        ds = ogr.Open(str(path))
        if ds is None or ds.GetLayerCount() == 0:
            raise SourceError(tr("{name} could not be read as a spreadsheet.").format(
                name=path.name))
        layer = ds.GetLayerByName(sheet) if sheet else ds.GetLayer(0)
        if layer is None:
            raise SourceError(tr("The sheet '{sheet}' does not exist in {name}.").format(
                sheet=sheet, name=path.name))
        defn = layer.GetLayerDefn()
        header = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        rows = [(n, [f.GetFieldAsString(i) if f.IsFieldSetAndNotNull(i) else ""
                     for i in range(len(header))]) for n, f in enumerate(layer, start=2)]
    finally:
        for key, value in previous.items():
            gdal.SetConfigOption(key, value)
    return _table(path, header, rows, None, None)


def _table(path: Path, header: list[str], rows, encoding, delimiter) -> Table:
    columns = [h.strip().lstrip("\ufeff") for h in header]
    if not any(columns):
        raise SourceError(tr("{name} has no header row.").format(name=path.name))
    table = Table(path, columns, [], encoding, delimiter)
    seen: set[tuple] = set()
    for number, values in rows:
        cells = [v.strip() if isinstance(v, str) else v for v in values]
        if not any(cells):
            table.empty_rows += 1
            continue
        key = tuple(cells)
        if key in seen:
            table.duplicate_rows += 1
            continue
        seen.add(key)
        cells += [""] * (len(columns) - len(cells))
        table.rows.append(Row(number, {c: (v if v != "" else None)
                                       for c, v in zip(columns, cells)}))
    return table


_NUMBER = re.compile(r"^[+-]?(\d{1,3}([ \u00a0\u202f]\d{3})+|\d+)([.,]\d+)?$")


def parse_number(text: str | None) -> float | None:
    """``1 234,5``, ``1234.5``, ``0,75`` → float; empty → None; else ValueError."""
    if text is None:
        return None
    s = str(text).strip()
    if not s:
        return None
    if not _NUMBER.match(s):
        raise ValueError(f"not a number: {text!r}")
    s = s.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(",", ".")
    return float(s)


def find_column(columns: list[str], *candidates: str) -> str | None:
    """The first column whose folded name matches one of the candidates."""
    folded = {_fold(c): c for c in columns}
    for cand in candidates:
        hit = folded.get(_fold(cand))
        if hit:
            return hit
    return None


def _fold(name: str) -> str:
    table = str.maketrans("åäöÅÄÖéÉ", "aaoAAOeE")
    return re.sub(r"[^a-z0-9]", "", name.translate(table).lower())
