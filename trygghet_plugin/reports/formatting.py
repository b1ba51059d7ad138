"""Swedish number and date forms for everything printed: decimal comma, space as thousands
separator, Swedish month names, week numbers."""

from __future__ import annotations

import math
from datetime import date

NBSP = "\u00a0"  # keeps "1 234" and "12 %" on one line

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")
MONTHS_SHORT = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov",
                "dec")
WEEKDAYS_SHORT = ("mån", "tis", "ons", "tor", "fre", "lör", "sön")
DASH = "\u2013"
MINUS = "\u2212"


def number(value: float | int | None, decimals: int = 0) -> str:
    """``12345.6`` → ``12 345,6``; None → ``–``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    text = f"{abs(value):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return (MINUS if value < 0 and float(f"{abs(value):.{decimals}f}") != 0 else "") + text


def signed(value: float | int | None, decimals: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    if round(value, decimals) == 0:
        return number(0, decimals)
    return ("+" if value > 0 else "") + number(value, decimals)


def percent(share: float | None, decimals: int = 0, *, sign: bool = False) -> str:
    """A share (0.123) as ``12 %``; with sign ``+12 %``."""
    if share is None or (isinstance(share, float) and (math.isnan(share) or math.isinf(share))):
        return DASH
    text = signed(share * 100, decimals) if sign else number(share * 100, decimals)
    return f"{text}{NBSP}%"


def day_month(d: date, *, year: bool = False) -> str:
    text = f"{d.day} {MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if year else text


def date_range(first: date, last: date) -> str:
    """``12–25 oktober 2026``, ``28 september – 11 oktober 2026``,
    ``22 december 2025 – 4 januari 2026``."""
    if first.year != last.year:
        return f"{day_month(first, year=True)} {DASH} {day_month(last, year=True)}"
    if first.month != last.month:
        return f"{day_month(first)} {DASH} {day_month(last, year=True)}"
    return f"{first.day}{DASH}{day_month(last, year=True)}"


def weeks(first: date, last: date) -> str:
    """``v. 42–43`` (ISO weeks)."""
    w1, w2 = first.isocalendar()[1], last.isocalendar()[1]
    return f"v.{NBSP}{w1}" if w1 == w2 else f"v.{NBSP}{w1}{DASH}{w2}"
