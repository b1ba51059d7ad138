"""Stockholm time without the tz database, and the time forms the sources write."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from trygghet_plugin.domain.timeutil import STOCKHOLM, local, parse_time, summer_time_utc

# Also run where `import qgis` fails (make test-noqgis, tests/unit/test_without_qgis.py).
pytestmark = pytest.mark.noqgis

zoneinfo = pytest.importorskip("zoneinfo")
REFERENCE = zoneinfo.ZoneInfo("Europe/Stockholm")


def test_matches_the_tz_database_every_half_hour_over_three_years():
    t = datetime(2023, 1, 1, tzinfo=timezone.utc)
    while t < datetime(2026, 1, 1, tzinfo=timezone.utc):
        ours, ref = t.astimezone(STOCKHOLM), t.astimezone(REFERENCE)
        assert (ours.replace(tzinfo=None), ours.utcoffset(), ours.fold) == \
            (ref.replace(tzinfo=None), ref.utcoffset(), ref.fold), t
        wall = ref.replace(tzinfo=None)
        assert wall.replace(tzinfo=STOCKHOLM, fold=ref.fold).astimezone(timezone.utc) == t
        t += timedelta(minutes=30)


def test_summer_time_bounds_2026():
    start, end = summer_time_utc(2026)
    assert start == datetime(2026, 3, 29, 1, tzinfo=timezone.utc)
    assert end == datetime(2026, 10, 25, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize("text,expected_utc", [
    ("2025-06-07 7:32:06 +02:00", "2025-06-07T05:32:06+00:00"),   # police feed, hour unpadded
    ("2025-06-07T21:14:00+02:00", "2025-06-07T19:14:00+00:00"),
    ("2025-06-07T05:32:06Z", "2025-06-07T05:32:06+00:00"),
    ("2025-01-05 08:00", "2025-01-05T07:00:00+00:00"),            # naive: Stockholm winter
    ("2025-07-05 08:00", "2025-07-05T06:00:00+00:00"),            # naive: Stockholm summer
    ("7.6.2025 21:14", "2025-06-07T19:14:00+00:00"),              # Swedish day.month.year
    ("2025-06-07", "2025-06-06T22:00:00+00:00"),
])
def test_parse_time_forms(text, expected_utc):
    assert parse_time(text).astimezone(timezone.utc).isoformat() == expected_utc


@pytest.mark.parametrize("text", ["igår", "2025-13-45", "32.1.2025"])
def test_parse_time_refuses_non_times(text):
    with pytest.raises(ValueError):
        parse_time(text)


def test_empty_is_none_and_local_shows_wall_clock():
    assert parse_time("") is None and parse_time(None) is None
    assert local(datetime(2025, 6, 7, 19, 14, tzinfo=timezone.utc)).hour == 21
