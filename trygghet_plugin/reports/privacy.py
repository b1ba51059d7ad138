"""Rules for public output: aggregated only, small counts suppressed, no free text and no
reporter identities. The board analysis passes every number it prints through here."""

from __future__ import annotations

from .formatting import DASH, number, percent
from .model import FigureRow


def is_small(count: int | None, threshold: int) -> bool:
    return count is not None and 0 < count <= threshold


def count_text(count: int | None, threshold: int) -> str:
    """``0`` stays 0 (nothing happened is not identifying); 1..threshold → ``<threshold+1``."""
    if count is None:
        return DASH
    if is_small(count, threshold):
        return f"<{threshold + 1}"
    return number(count)


def change_text(row: FigureRow, which: str, threshold: int) -> str:
    """A change in percent (context, not tested), hidden when either side is a suppressed
    small count (the change would give the small count away)."""
    base = row.previous if which == "previous" else row.year_ago
    if is_small(row.count, threshold) or is_small(base, threshold) or not base:
        return DASH
    return percent((row.count - base) / base, sign=True)


def marked_count_text(row: FigureRow, threshold: int) -> str:
    """The count with its "outside the expected" mark; a suppressed count carries no mark
    (the mark would say on which side of the expected range it lies)."""
    text = count_text(row.count, threshold)
    return text if is_small(row.count, threshold) else text + row.mark


def rate_text(count: int | None, population: int | None, threshold: int) -> str:
    """Per 1,000 inhabitants, hidden for suppressed counts or tiny populations."""
    if count is None or not population or is_small(count, threshold) or population < 50:
        return DASH
    return number(count / population * 1000, 1)
