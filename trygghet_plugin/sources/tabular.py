"""Tables as municipalities receive them: CSV (UTF-8 or Windows-1252, ``;`` or ``,``, BOMs,
decimal commas) and Excel .xlsx (read through OGR). One reader for exports, police crime
lists and survey results.

Rows come back as dicts of text keyed by the header (trimmed), with the 1-based line or row
number, so a row that cannot be taken can be reported with where it was.
"""

from __future__ import annotations

import codecs
import csv
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class BadRow:
    """A row the reader could not split into cells (e.g. a field over the size limit)."""

    number: int
    reason: str
    raw: str = ""


@dataclass
class Table:
    path: Path
    columns: list[str]
    rows: list[Row]
    encoding: str | None = None
    delimiter: str | None = None
    empty_rows: int = 0
    duplicate_rows: int = 0
    bad_rows: list[BadRow] = field(default_factory=list)


#: A CSV cell may be this large (csv's own default of 131,072 characters is too small for
#: long free-text descriptions); a larger one makes its row a BadRow, not a crash.
MAX_FIELD_CHARS = 8 * 1024 * 1024


class TableStream:
    """A table read row by row (memory stays flat for a million-line CSV).

    ``columns`` is known at once; iterating gives Row or BadRow in file order, skipping
    empty rows and rows identical to an earlier one (counted in ``empty_rows`` and
    ``duplicate_rows``)."""

    def __init__(self, path: Path, columns: list[str], rows: Iterator[tuple[int, list] | BadRow],
                 encoding: str | None, delimiter: str | None, *, dedupe: bool = True):
        self.path = path
        self.columns = [h.strip().lstrip("\ufeff") for h in columns]
        if not any(self.columns):
            raise SourceError(tr("{name} has no header row.").format(name=path.name))
        self._rows = rows
        self.encoding = encoding
        self.delimiter = delimiter
        self.empty_rows = 0
        self.duplicate_rows = 0
        #: False: identical rows are left to the caller (which may keep them more compactly).
        self.dedupe = dedupe

    def __iter__(self) -> Iterator[Row | BadRow]:
        columns = self.columns
        seen: set[int] = set()  # hashes of the rows so far: 8 bytes a row, not the rows
        for item in self._rows:
            if isinstance(item, BadRow):
                yield item
                continue
            number, values = item
            cells = [v.strip() if isinstance(v, str) else v for v in values]
            if not any(cells):
                self.empty_rows += 1
                continue
            if self.dedupe:
                key = hash(tuple(cells))
                if key in seen:
                    self.duplicate_rows += 1
                    continue
                seen.add(key)
            cells += [""] * (len(columns) - len(cells))
            yield Row(number, {c: (v if v != "" else None) for c, v in zip(columns, cells)})


def read_table(path: Path | str, *, sheet: str | None = None) -> Table:
    """Read a .csv/.txt or .xlsx file; raises SourceError with a clear message."""
    stream = open_table(path, sheet=sheet)
    table = Table(stream.path, stream.columns, [], stream.encoding, stream.delimiter)
    for row in stream:
        if isinstance(row, BadRow):
            table.bad_rows.append(row)
        else:
            table.rows.append(row)
    table.empty_rows, table.duplicate_rows = stream.empty_rows, stream.duplicate_rows
    return table


def open_table(path: Path | str, *, sheet: str | None = None,
               dedupe: bool = True) -> TableStream:
    """A .csv/.txt or .xlsx file as a TableStream; SourceError with a clear message."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(tr("The file does not exist: {path}").format(path=path))
    suffix = path.suffix.lower()
    stream = _open_sheet(path, sheet) if suffix in (".xlsx", ".xls", ".ods") else \
        _open_csv(path)
    stream.dedupe = dedupe
    return stream


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'-be' when the bytes look like UTF-16 text without a BOM: in Latin text
    every other byte is a NUL, which no UTF-8 or Windows-1252 text has."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding: a BOM's, UTF-16 without a BOM, UTF-8 when it decodes, else
    Windows-1252."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name  # the codec takes the BOM
    wide = _utf16_without_bom(data[:65536])
    if wide:
        return data.decode(wide, errors="replace"), wide
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def file_encoding(path: Path) -> str:
    """The encoding ``decode`` would choose, found without reading the file into memory."""
    with open(path, "rb") as fh:
        head = fh.read(65536)
        for bom, name in _BOMS:
            if head.startswith(bom):
                return name
        wide = _utf16_without_bom(head)
        if wide:
            return wide
        checker = codecs.getincrementaldecoder("utf-8")()
        try:
            checker.decode(head)
            for block in iter(lambda: fh.read(1 << 20), b""):
                checker.decode(block)
            checker.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def sniff_delimiter(text: str) -> str:
    """``;`` (the Swedish Excel default), ``,``, tab or ``|``, by what splits the header best."""
    lines = [ln for ln in text.splitlines()[:20] if ln.strip()]
    if not lines:
        return ";"
    best, best_score = ";", -1
    for delim in (";", ",", "\t", "|"):
        try:
            counts = [len(next(csv.reader([ln], delimiter=delim))) for ln in lines]
        except csv.Error:
            continue
        # A delimiter that gives the same number of columns on every line, and more than one.
        if counts[0] > 1:
            score = counts[0] * 10 + sum(1 for c in counts if c == counts[0])
            if score > best_score:
                best, best_score = delim, score
    return best


def _open_csv(path: Path) -> TableStream:
    try:
        encoding = file_encoding(path)
        fh = open(path, encoding=encoding, errors="replace", newline="")
    except OSError as exc:
        raise SourceError(tr("Cannot read {name}: {error}").format(name=path.name, error=exc)
                          ) from exc
    head = fh.read(65536)
    if not head.strip():
        fh.close()
        raise SourceError(tr("{name} is empty.").format(name=path.name))
    delimiter = sniff_delimiter(head)
    fh.seek(0)
    if csv.field_size_limit() < MAX_FIELD_CHARS:
        csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(fh, delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        fh.close()
        raise SourceError(tr("{name} has no header row.").format(name=path.name)) from exc
    return TableStream(path, header, _csv_rows(fh, reader), encoding, delimiter)


def _csv_rows(fh, reader) -> Iterator[tuple[int, list] | BadRow]:
    with fh:
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                # The reader goes on with the next line: one broken row is one rejection.
                yield BadRow(reader.line_num, tr("the row could not be read: {error}").format(
                    error=exc))
                continue
            yield reader.line_num, values


def _open_sheet(path: Path, sheet: str | None) -> TableStream:
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
    return TableStream(path, header, iter(rows), None, None)


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
    number = float(s)
    if not math.isfinite(number):  # 400 digits read as inf: no count or share is that large
        raise ValueError(f"not a number: {text!r}")
    return number


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
