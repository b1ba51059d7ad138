"""Rules for public output: aggregated only, small counts suppressed, no free text and no
reporter identities. The board analysis prints every number through here; which counts are
hidden is decided once for the whole document by :func:`.disclosure.protect`."""

from __future__ import annotations

from .formatting import DASH, number, percent
from .model import FigureRow

#: how a count hidden for another's sake is printed (official statistics' "..")
SECONDARY_MARK = ".."


def is_small(count: int | None, threshold: int) -> bool:
    return count is not None and 0 < count <= threshold


def count_text(count: int | None, threshold: int, hidden: str | None = None) -> str:
    """``0`` stays 0 (nothing happened is not identifying); 1..threshold → ``<threshold+1``;
    a count hidden to protect a small one (``hidden="secondary"``) → ``..``."""
    if count is None:
        return DASH
    if is_small(count, threshold) or hidden == "primary":
        return f"<{threshold + 1}"
    if hidden:
        return SECONDARY_MARK
    return number(count)


def cell_text(row: FigureRow, column: str, threshold: int) -> str:
    """A table cell of ``row`` ("count", "previous" or "year_ago")."""
    return count_text(getattr(row, column), threshold, row.hidden.get(column))


def shown(row: FigureRow, column: str, threshold: int) -> bool:
    return not row.hidden.get(column) and not is_small(getattr(row, column), threshold)


def change_text(row: FigureRow, which: str, threshold: int) -> str:
    """A change in percent (context, not tested), hidden when either side is hidden: the
    change would give the hidden count away."""
    column = "previous" if which == "previous" else "year_ago"
    base = getattr(row, column)
    if not shown(row, "count", threshold) or not shown(row, column, threshold) or not base:
        return DASH
    return percent((row.count - base) / base, sign=True)


def marked_count_text(row: FigureRow, threshold: int) -> str:
    """The count cell with its "outside the expected" mark; a hidden count carries no mark
    (the mark would say on which side of the expected range it lies)."""
    text = cell_text(row, "count", threshold)
    return text + row.mark if shown(row, "count", threshold) else text


def rate_text(count: int | None, population: int | None, threshold: int,
              hidden: bool = False) -> str:
    """Per 1,000 inhabitants, hidden for hidden counts or tiny populations."""
    if count is None or not population or hidden or is_small(count, threshold) \
            or population < 50:
        return DASH
    return number(count / population * 1000, 1)
