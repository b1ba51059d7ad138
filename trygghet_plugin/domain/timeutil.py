"""Times as the users see them (Europe/Stockholm) and as the store keeps them (UTC).

Sweden follows the EU rule: summer time from the last Sunday of March 01:00 UTC to the last
Sunday of October 01:00 UTC. It is written out here rather than taken from zoneinfo because
QGIS on Windows often ships Python without the tz database.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo

_CET = timedelta(hours=1)
_CEST = timedelta(hours=2)


def _last_sunday(year: int, month: int) -> date:
    d = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
    return d - timedelta(days=(d.weekday() + 1) % 7)


def summer_time_utc(year: int) -> tuple[datetime, datetime]:
    """The UTC instants summer time starts and ends in ``year``."""
    start = datetime.combine(_last_sunday(year, 3), datetime.min.time()).replace(
        hour=1, tzinfo=timezone.utc)
    end = datetime.combine(_last_sunday(year, 10), datetime.min.time()).replace(
        hour=1, tzinfo=timezone.utc)
    return start, end


class _Stockholm(tzinfo):
    def utcoffset(self, dt):
        if dt is None:
            return _CET
        start, end = summer_time_utc(dt.year)
        naive = dt.replace(tzinfo=None)
        # Local wall-clock bounds: 02:00 CET jumps to 03:00; 03:00 CEST falls back to 02:00.
        local_start = start.replace(tzinfo=None) + _CET
        local_end = end.replace(tzinfo=None) + _CEST
        if local_start <= naive < local_end - timedelta(hours=1):
            return _CEST
        if local_end - timedelta(hours=1) <= naive < local_end:
            # The repeated hour: fold=0 is the first (summer) pass, fold=1 the second.
            return _CET if dt.fold else _CEST
        return _CET

    def dst(self, dt):
        return self.utcoffset(dt) - _CET

    def tzname(self, dt):
        return "CEST" if self.utcoffset(dt) == _CEST else "CET"

    def fromutc(self, dt):
        start, end = summer_time_utc(dt.year)
        utc = dt.replace(tzinfo=timezone.utc)
        if start <= utc < end:
            local = (utc + _CEST).replace(tzinfo=self)
            if end - timedelta(hours=1) <= utc < end:
                return local.replace(fold=0)
            return local
        local = (utc + _CET).replace(tzinfo=self)
        if end <= utc < end + timedelta(hours=1):
            return local.replace(fold=1)
        return local

    def __repr__(self):
        return "Europe/Stockholm"


STOCKHOLM = _Stockholm()

# Date part also as 2025/06/07 (how OGR reads Excel date cells); the clock may follow a
# Swedish "kl." and use a dot ("2025-06-07 kl. 21.14").
_CLOCK_START = r"(?:[ T]|\s+kl\.?\s*)"
_SPACE_FORM = re.compile(
    r"^(\d{4})([-/])(\d{1,2})\2(\d{1,2})" + _CLOCK_START +
    r"(\d{1,2})([:.])(\d{2})(?:\6(\d{2})(?:[.,](\d+))?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$")
_DATE_ONLY = re.compile(r"^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$")
_SWEDISH_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:" + _CLOCK_START +
                           r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$")


def parse_time(text, *, default_tz: tzinfo = STOCKHOLM) -> datetime | None:
    """Parse the time forms the sources use; naive times are taken as Stockholm local time.

    Accepts ISO 8601 (with or without offset, ``T`` or space, hours not zero-padded as the
    police feed writes them), ``2025-06-07 7:32:06 +02:00``, ``2025-06-07``, Excel's
    ``2025/06/07 21:14:00`` (as OGR reads date cells), and the Swedish ``7.6.2025 21:14`` /
    ``07/06/2025`` / ``2025-06-07 kl. 21.14``. Returns None for empty input; raises ValueError for
    text that is not a time.
    """
    if text is None:
        return None
    if isinstance(text, datetime):
        value = text
    else:
        s = str(text).strip()
        if not s:
            return None
        value = None
        m = _SPACE_FORM.match(s)
        if m:
            y, _, mo, d, h, _, mi, sec, frac, zone = m.groups()
            micro = int((frac or "0")[:6].ljust(6, "0"))
            value = datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec or 0), micro)
            if zone:
                value = value.replace(tzinfo=_offset(zone))
        elif _DATE_ONLY.match(s):
            y, _, mo, d = _DATE_ONLY.match(s).groups()
            value = datetime(int(y), int(mo), int(d))
        else:
            m = _SWEDISH_DATE.match(s)
            if m:
                d, mo, y, h, mi, sec = m.groups()
                value = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0),
                                 int(sec or 0))
        if value is None:
            raise ValueError(f"not a time: {s!r}")
    if value.tzinfo is None:
        value = value.replace(tzinfo=default_tz)
    return value


def _offset(zone: str) -> timezone:
    if zone == "Z":
        return timezone.utc
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))


def local(value: datetime) -> datetime:
    """The Stockholm wall-clock time of an aware datetime."""
    return value.astimezone(STOCKHOLM)
