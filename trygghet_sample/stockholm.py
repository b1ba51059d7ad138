"""Europe/Stockholm wall-clock time for numpy arrays of UTC epoch seconds.

The EU rule is coded by hand (summer time from the last Sunday of March 01:00 UTC to the last
Sunday of October 01:00 UTC, CET+1 otherwise) because QGIS on Windows often ships without the
tz database that ``zoneinfo`` needs, and because a vectorised rule is far faster for a million
timestamps than one ``zoneinfo`` call per value.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import numpy as np

from trygghet_plugin.domain.timeutil import summer_time_utc

# datetime.UTC needs Python 3.11; QGIS 3.22 on Windows ships 3.9
UTC = timezone.utc
STANDARD = 3600
SUMMER = 7200
_EPOCH_DAY = date(1970, 1, 1)


def summer_time_bounds(year: int) -> tuple[int, int]:
    """UTC epoch seconds at which summer time starts and ends in ``year``."""
    start, end = summer_time_utc(year)
    return int(start.timestamp()), int(end.timestamp())


def _bounds_for(seconds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    years = seconds.astype("datetime64[s]").astype("datetime64[Y]").astype(np.int64) + 1970
    first, last = int(years.min()), int(years.max())
    table = np.array([summer_time_bounds(y) for y in range(first, last + 1)], dtype=np.int64)
    index = years - first
    return table[index, 0], table[index, 1]


def utc_offset(utc: np.ndarray) -> np.ndarray:
    """Offset from UTC in seconds (3600 or 7200) at each UTC instant."""
    utc = np.asarray(utc, dtype=np.int64)
    if utc.size == 0:
        return np.zeros(0, dtype=np.int64)
    start, end = _bounds_for(utc)
    return np.where((utc >= start) & (utc < end), SUMMER, STANDARD).astype(np.int64)


def local_to_utc(local: np.ndarray) -> np.ndarray:
    """UTC seconds for naive Stockholm wall-clock seconds (counted as if the clock were UTC).

    Like ``zoneinfo`` with fold=0: a time in the spring gap is read with the winter offset
    (so 02:30 becomes 03:30 summer time) and an ambiguous autumn time takes the summer offset.
    """
    local = np.asarray(local, dtype=np.int64)
    if local.size == 0:
        return np.zeros(0, dtype=np.int64)
    as_summer = local - SUMMER
    start, end = _bounds_for(as_summer)
    in_summer = (as_summer >= start) & (as_summer < end)
    return np.where(in_summer, as_summer, local - STANDARD)


def local_seconds(utc: np.ndarray) -> np.ndarray:
    """Naive Stockholm wall-clock seconds for UTC seconds."""
    utc = np.asarray(utc, dtype=np.int64)
    return utc + utc_offset(utc)


def iso_local(utc: np.ndarray) -> list[str]:
    """ISO 8601 texts with the Stockholm offset, e.g. ``2025-06-07T21:14:00+02:00``."""
    utc = np.asarray(utc, dtype=np.int64)
    offset = utc_offset(utc)
    wall = np.datetime_as_string((utc + offset).astype("datetime64[s]"), unit="s")
    return [f"{w}{'+02:00' if o == SUMMER else '+01:00'}" for w, o in zip(wall.tolist(),
                                                                         offset.tolist())]


def aware_local(utc: int) -> datetime:
    """One UTC epoch second as an aware datetime with the Stockholm offset of that moment."""
    offset = int(utc_offset(np.array([utc]))[0])
    return datetime.fromtimestamp(utc, timezone(timedelta(seconds=offset)))


def epoch_day(day: date) -> int:
    return (day - _EPOCH_DAY).days
