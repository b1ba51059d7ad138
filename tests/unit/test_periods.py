"""Reporting periods as the säkerhetsenhet uses them: 14-day periods on ISO weeks, tertials,
and their bounds in Swedish time."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest

from trygghet_plugin.analysis.periods import (
    FIRST_PERIOD_START,
    Period,
    PeriodError,
    last_complete_period,
    last_complete_tertial,
    local_times,
    parse_tertial,
    period_containing,
    period_ending,
    periods_back,
    tertial,
    tertial_of,
    weekday_hour,
)
from trygghet_plugin.domain.timeutil import STOCKHOLM, summer_time_utc

UTC = timezone.utc


def utc(*args) -> np.datetime64:
    return np.datetime64(datetime(*args), "s")


def test_every_period_is_two_whole_iso_weeks_from_the_first_start():
    assert FIRST_PERIOD_START == date(2024, 1, 1)
    first = period_containing(date(2024, 1, 1))
    assert (first.start, first.end, first.weeks) == (date(2024, 1, 1), date(2024, 1, 15), [1, 2])
    day = date(2024, 1, 1)
    while day < date(2027, 1, 1):
        p = period_containing(day)
        assert p.start.weekday() == 0 and p.days == 14 and len(p.weeks) == 2
        assert p.contains_day(day)
        day += timedelta(days=5)


def test_titles_name_the_weeks_and_dates_in_swedish():
    p = period_containing(date(2026, 10, 7))
    assert (p.start, p.last_day) == (date(2026, 10, 5), date(2026, 10, 18))
    assert p.label == "Vecka 41–42 2026"
    assert p.date_range == "5–18 okt 2026"
    assert p.name == "2026-v41-42"
    # ISO weeks: the period of 29 Dec 2025 is weeks 1-2 of 2026
    newyear = period_containing(date(2026, 1, 2))
    assert newyear.start == date(2025, 12, 29) and newyear.label == "Vecka 1–2 2026"
    assert newyear.date_range == "29 dec 2025 – 11 jan 2026"
    # 2026 has 53 ISO weeks
    across = period_containing(date(2027, 1, 1))
    assert across.label == "Vecka 53 2026 – vecka 1 2027"


def test_last_complete_period_before_a_day():
    # Monday 19 October 2026: the period that ended on Sunday night is complete
    assert last_complete_period(date(2026, 10, 19)).last_day == date(2026, 10, 18)
    # Sunday 18 October, in the evening: it is not yet
    evening = datetime(2026, 10, 18, 21, 0, tzinfo=STOCKHOLM)
    assert last_complete_period(evening).last_day == date(2026, 10, 4)
    # just after midnight, Monday local time (still Sunday in UTC)
    after_midnight = datetime(2026, 10, 18, 22, 30, tzinfo=UTC)
    assert last_complete_period(after_midnight).last_day == date(2026, 10, 18)


def test_the_first_period_start_is_configurable_but_must_be_a_monday():
    p = period_containing(date(2026, 10, 7), first_start="2024-01-08")
    assert (p.start, p.weeks) == (date(2026, 9, 28), [40, 41])
    with pytest.raises(PeriodError, match="måndag"):
        period_containing(date(2026, 10, 7), first_start=date(2024, 1, 3))
    with pytest.raises(PeriodError, match="Ogiltigt startdatum"):
        period_containing(date(2026, 10, 7), first_start="första januari")
    weekly = period_containing(date(2026, 10, 7), days=7)
    assert weekly.weeks == [41] and weekly.label == "Vecka 41 2026"


def test_bounds_are_local_midnights_in_utc_across_the_clock_change():
    p = period_containing(date(2026, 3, 25))  # 23 March - 5 April; summer time from 29 March
    assert (p.start, p.end) == (date(2026, 3, 23), date(2026, 4, 6))
    assert p.start_utc == datetime(2026, 3, 22, 23, tzinfo=UTC)
    assert p.end_utc == datetime(2026, 4, 5, 22, tzinfo=UTC)
    times = np.array([utc(2026, 3, 22, 22, 59, 59),  # Sunday 23:59:59 before: out
                      utc(2026, 3, 22, 23, 0, 0),     # Monday 00:00 local: in
                      utc(2026, 4, 5, 21, 59, 59),    # last Sunday 23:59:59 summer time: in
                      utc(2026, 4, 5, 22, 0, 0),      # next Monday 00:00: out
                      np.datetime64("NaT")])
    assert p.contains(times).tolist() == [False, True, True, False, False]


def test_previous_and_year_before_stay_on_the_grid_and_the_weekdays():
    p = period_containing(date(2026, 10, 7))
    assert p.previous() == Period(date(2026, 9, 21), date(2026, 10, 5))
    year = p.year_before()
    assert (year.start, year.last_day) == (date(2025, 10, 6), date(2025, 10, 19))
    assert year.start.weekday() == 0 and year == period_containing(year.start)
    assert year.weeks == [41, 42]
    assert p.next().previous() == p
    back = periods_back(p, 26)
    assert len(back) == 26 and back[-1] == p and back[0].start == date(2025, 10, 20)
    assert all(a.end == b.start for a, b in zip(back, back[1:]))


def test_period_ending_on_a_given_day():
    p = period_ending(date(2026, 6, 14), 14)
    assert (p.start, p.last_day, p.days) == (date(2026, 6, 1), date(2026, 6, 14), 14)
    odd = period_ending(date(2026, 6, 17), 10)
    assert (odd.start, odd.last_day) == (date(2026, 6, 8), date(2026, 6, 17))
    assert odd.label == "8–17 jun 2026"


def test_tertials():
    t3 = parse_tertial("2026-T3")
    assert (t3.start, t3.end, t3.name) == (date(2026, 9, 1), date(2027, 1, 1), "2026-T3")
    assert t3.label == "Tertial 3 2026 (sep–dec)"
    assert tertial(2026, 1).days == 120 and tertial(2024, 1).days == 121  # leap year
    assert tertial(2026, 1).previous().name == "2025-T3"
    assert t3.previous().name == "2026-T2" and t3.year_before().name == "2025-T3"
    assert tertial_of(date(2026, 5, 1)).name == "2026-T2"
    assert tertial_of(datetime(2026, 4, 30, 22, 30, tzinfo=UTC)).name == "2026-T2"  # 00:30
    for text in ("2026-t3", "2026 T3", "T3 2026", " 2026-T3 "):
        assert parse_tertial(text) == t3
    with pytest.raises(PeriodError, match="2026-T3"):
        parse_tertial("hösten 2026")
    with pytest.raises(PeriodError):
        tertial(2026, 4)
    assert last_complete_tertial(date(2026, 11, 1)).name == "2026-T2"
    assert last_complete_tertial(date(2026, 1, 1)).name == "2025-T3"
    assert t3.iso_weeks[0] == (2026, 36)


def test_local_times_match_the_tz_database():
    zoneinfo = pytest.importorskip("zoneinfo")
    ref = zoneinfo.ZoneInfo("Europe/Stockholm")
    rng = np.random.default_rng(3)
    seconds = rng.integers(int(datetime(2023, 1, 1, tzinfo=UTC).timestamp()),
                           int(datetime(2027, 1, 1, tzinfo=UTC).timestamp()), 3000)
    # include the instants around the switches
    for year in (2024, 2025, 2026):
        for switch in summer_time_utc(year):
            at = int(switch.timestamp())
            seconds = np.append(seconds, [at - 1, at, at + 1])
    times = seconds.astype("datetime64[s]")
    ours = local_times(times)
    expected = [datetime.fromtimestamp(int(s), ref).replace(tzinfo=None) for s in seconds]
    assert ours.astype(object).tolist() == expected


def test_weekday_and_hour_are_local():
    # Friday 3 July 2026 22:30 UTC is Saturday 00:30 in Sweden
    weekday, hour = weekday_hour(np.array([utc(2026, 7, 3, 22, 30), utc(2026, 1, 5, 7, 0),
                                           np.datetime64("NaT")]))
    assert weekday.tolist() == [5, 0, -1] and hour.tolist() == [0, 8, -1]


def test_titles_in_english_for_an_english_ui_and_swedish_for_print():
    from trygghet_plugin.analysis.periods import Period, period_ending, tertial

    two = period_ending(date(2026, 11, 29))
    assert (two.label, two.label_in("en")) == ("Vecka 47–48 2026", "Weeks 47–48 2026")
    assert two.date_range_in("en") == "16–29 Nov 2026"
    assert tertial(2026, 2).label_in("en") == "Tertial 2 2026 (May–Aug)"
    assert tertial(2026, 2).label == "Tertial 2 2026 (maj–aug)"
    across = Period(date(2026, 12, 28), date(2027, 1, 11), "days")
    assert across.label_in("en") == "Week 53 2026 – week 1 2027"
    assert across.date_range_in("en") == "28 Dec 2026 – 10 Jan 2027"
