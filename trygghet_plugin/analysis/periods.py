"""Reporting periods: 14-day periods on ISO weeks, tertials, and their UTC bounds.

A period is a run of whole local days in Europe/Stockholm, ``start`` inclusive and ``end``
exclusive; its bounds are local midnights converted to UTC for filtering the store's UTC
times. (Swedish clock changes happen at 02:00/03:00, so a local midnight always exists and is
unambiguous.)

* 14-day periods (``kind="days"``) are aligned to a first period start that is a Monday
  (default 2024-01-01, the settings' ``first_period_start``), so every period is two whole
  ISO weeks. Periods of another length (``days=7``, ``28``) are aligned the same way.
* Tertials (``kind="tertial"``): T1 January-April, T2 May-August, T3 September-December,
  named like ``"2026-T3"``.
* The previous period is the one just before (a tertial's is the tertial before); the same
  period a year earlier is 52 weeks (364 days) earlier for day periods, so it covers the same
  weekdays and stays on the 14-day grid, and the same tertial of the previous year for
  tertials. After a 53-week ISO year the week numbers of the year-earlier period differ by one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

import numpy as np

from ..domain import clock
from ..domain.timeutil import STOCKHOLM, summer_time_utc
from ..i18n import translator
from .errors import AnalysisError

tr = translator("Analysis")

FIRST_PERIOD_START = date(2024, 1, 1)
PERIOD_DAYS = 14
YEAR_BEFORE_DAYS = 364  # 52 weeks: same weekdays, same place on the 14-day grid

MONTHS_SV = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov",
             "dec")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec")
#: Titles by language: (week, weeks, week across years, tertial). Swedish is what the printed
#: reports and the layers' names use; the docks show the user's language (shown_label).
_TITLES = {
    "sv": ("Vecka {w0} {y0}", "Vecka {w0}–{w1} {y0}", "Vecka {w0} {y0} – vecka {w1} {y1}",
           "Tertial {n} {year} ({first}–{last})"),
    "en": ("Week {w0} {y0}", "Weeks {w0}–{w1} {y0}", "Week {w0} {y0} – week {w1} {y1}",
           "Tertial {n} {year} ({first}–{last})"),
}
TERTIAL_MONTHS = {1: (1, 5), 2: (5, 9), 3: (9, 13)}  # first month, first month after


class PeriodError(AnalysisError):
    """A period the user asked for cannot be made; the message says why (Swedish / English)."""


@dataclass(frozen=True)
class Period:
    """Whole local days ``start`` (inclusive) to ``end`` (exclusive), Europe/Stockholm."""

    start: date
    end: date
    kind: str = "days"  # "days" (a run of whole days) or "tertial"

    def __post_init__(self):
        if self.end <= self.start:
            raise PeriodError(tr("The period ends before it starts: {start} – {end}").format(
                start=self.start, end=self.end))

    # -- size and bounds ----------------------------------------------------------------
    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def start_utc(self) -> datetime:
        return local_midnight_utc(self.start)

    @property
    def end_utc(self) -> datetime:
        return local_midnight_utc(self.end)

    def utc_bounds(self) -> tuple[np.datetime64, np.datetime64]:
        """Start (inclusive) and end (exclusive) as UTC ``datetime64[s]``, as the store's
        :class:`~trygghet_plugin.store.base.IncidentFrame` holds times."""
        return utc64(self.start_utc), utc64(self.end_utc)

    def contains(self, utc_times: np.ndarray) -> np.ndarray:
        """Boolean mask of the UTC ``datetime64`` times that fall in the period (NaT: no)."""
        lo, hi = self.utc_bounds()
        t = np.asarray(utc_times).astype("datetime64[s]")
        return (t >= lo) & (t < hi)

    def contains_day(self, day: date) -> bool:
        return self.start <= day < self.end

    # -- neighbours ---------------------------------------------------------------------
    def previous(self) -> Period:
        """The period just before: same length, or the tertial before."""
        if self.kind == "tertial":
            year, n = self.tertial
            return tertial(year - 1, 3) if n == 1 else tertial(year, n - 1)
        return Period(self.start - timedelta(days=self.days), self.start, self.kind)

    def next(self) -> Period:
        if self.kind == "tertial":
            year, n = self.tertial
            return tertial(year + 1, 1) if n == 3 else tertial(year, n + 1)
        return Period(self.end, self.end + timedelta(days=self.days), self.kind)

    def year_before(self) -> Period:
        """The same period a year earlier: 52 weeks earlier, or the same tertial last year."""
        if self.kind == "tertial":
            year, n = self.tertial
            return tertial(year - 1, n)
        shift = timedelta(days=YEAR_BEFORE_DAYS)
        return Period(self.start - shift, self.end - shift, self.kind)

    # -- names --------------------------------------------------------------------------
    @property
    def tertial(self) -> tuple[int, int]:
        """(year, 1..3) of a tertial period."""
        if self.kind != "tertial":
            raise PeriodError(tr("{period} is not a tertial").format(period=self))
        return self.start.year, (self.start.month - 1) // 4 + 1

    @property
    def iso_weeks(self) -> list[tuple[int, int]]:
        """(ISO year, ISO week) of every week the period touches, in order."""
        weeks: list[tuple[int, int]] = []
        day = self.start
        while day < self.end:
            iso = day.isocalendar()
            key = (iso[0], iso[1])
            if not weeks or weeks[-1] != key:
                weeks.append(key)
            day += timedelta(days=1)
        return weeks

    @property
    def weeks(self) -> list[int]:
        """ISO week numbers, for titles."""
        return [w for _, w in self.iso_weeks]

    @property
    def name(self) -> str:
        """Short stable name: ``2026-T3``, ``2026-v41-42``, or ``2026-10-05--2026-10-18``."""
        if self.kind == "tertial":
            year, n = self.tertial
            return f"{year}-T{n}"
        if self.kind == "days" and self.start.weekday() == 0 and self.days % 7 == 0:
            weeks = self.iso_weeks
            first, last = weeks[0], weeks[-1]
            if first[0] == last[0]:
                span = f"v{first[1]:02d}" if first == last else f"v{first[1]:02d}-{last[1]:02d}"
                return f"{first[0]}-{span}"
            return f"{first[0]}-v{first[1]:02d}--{last[0]}-v{last[1]:02d}"
        return f"{self.start.isoformat()}--{self.last_day.isoformat()}"

    @property
    def label(self) -> str:
        """Swedish title: ``Vecka 41–42 2026``, ``Tertial 3 2026 (sep–dec)``, or the dates."""
        return self.label_in("sv")

    def label_in(self, language: str) -> str:
        """The title in ``language`` ("sv" or "en": ``Weeks 41–42 2026``,
        ``Tertial 3 2026 (Sep–Dec)``)."""
        week, weeks_, across, tertial_ = _TITLES.get(language, _TITLES["sv"])
        months = _months(language)
        if self.kind == "tertial":
            year, n = self.tertial
            first, after = TERTIAL_MONTHS[n]
            return tertial_.format(n=n, year=year, first=months[first - 1],
                                   last=months[after - 2])
        if self.start.weekday() == 0 and self.days % 7 == 0:
            weeks = self.iso_weeks
            (y0, w0), (y1, w1) = weeks[0], weeks[-1]
            if y0 == y1:
                return (week if w0 == w1 else weeks_).format(w0=w0, w1=w1, y0=y0)
            return across.format(w0=w0, y0=y0, w1=w1, y1=y1)
        return self.date_range_in(language)

    @property
    def date_range(self) -> str:
        """Swedish dates: ``6–19 okt 2026``, ``28 sep – 11 okt 2026``, across years in full."""
        return self.date_range_in("sv")

    def date_range_in(self, language: str) -> str:
        """The dates in ``language`` (``6–19 Oct 2026`` in English)."""
        a, b = self.start, self.last_day
        months = _months(language)
        if a.year != b.year:
            return f"{_day_month(a, months)} {a.year} – {_day_month(b, months)} {b.year}"
        if a.month != b.month:
            return f"{_day_month(a, months)} – {_day_month(b, months)} {b.year}"
        if a == b:
            return f"{_day_month(a, months)} {a.year}"
        return f"{a.day}–{b.day} {months[a.month - 1]} {a.year}"

    def __str__(self) -> str:
        return f"{self.name} ({self.start.isoformat()} – {self.last_day.isoformat()})"


def _months(language: str) -> tuple[str, ...]:
    return MONTHS_EN if language == "en" else MONTHS_SV


def _day_month(d: date, months: tuple[str, ...] = MONTHS_SV) -> str:
    return f"{d.day} {months[d.month - 1]}"


def shown_label(period: Period) -> str:
    """The period's title in the language the plugin shows (docks, messages)."""
    from ..i18n import language

    return period.label_in(language())


def shown_date_range(period: Period) -> str:
    """The period's dates in the language the plugin shows."""
    from ..i18n import language

    return period.date_range_in(language())


# -- making periods -----------------------------------------------------------------------

def weekday_name(weekday: int) -> str:
    """The name of a weekday (0 = Monday), in the user's language."""
    return (tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"), tr("Friday"),
            tr("Saturday"), tr("Sunday"))[weekday]


def check_first_start(first_start: date | str | None) -> date:
    """The first period start as a date; it must be a Monday so periods are whole ISO weeks."""
    if first_start is None or first_start == "":
        return FIRST_PERIOD_START
    if isinstance(first_start, str):
        try:
            first_start = date.fromisoformat(first_start.strip())
        except ValueError as exc:
            raise PeriodError(tr("Invalid start date '{date}' (YYYY-MM-DD)").format(
                date=first_start)) from exc
    if isinstance(first_start, datetime):
        first_start = first_start.date()
    if first_start.weekday() != 0:
        raise PeriodError(tr("The first period must start on a Monday, not {date} "
                             "({weekday}).").format(date=first_start,
                                                   weekday=weekday_name(first_start.weekday())))
    return first_start


def period_containing(day: date | datetime, days: int = PERIOD_DAYS,
                      first_start: date | str | None = FIRST_PERIOD_START) -> Period:
    """The aligned ``days``-long period that holds ``day`` (a datetime counts by its
    Stockholm date). The grid runs backwards from the first start as well."""
    if days < 1:
        raise PeriodError(tr("A period of {days} days is not possible.").format(days=days))
    first = check_first_start(first_start)
    day = local_date(day)
    index = (day - first).days // days
    start = first + timedelta(days=index * days)
    return Period(start, start + timedelta(days=days), "days")


def last_complete_period(before: date | datetime | None = None, days: int = PERIOD_DAYS,
                         first_start: date | str | None = FIRST_PERIOD_START) -> Period:
    """The last aligned period that has ended by ``before`` (default: now).

    ``before`` is a moment: a date means its local midnight, so on a Monday the period
    that ended on Sunday night is complete; at any time on a Sunday it is not.
    """
    if before is None:
        before = clock.now()
    # The period holding ``before``'s date has not ended; the one before it ended at the
    # latest at that date's midnight.
    return period_containing(before, days, first_start).previous()


def period_ending(last_day: date | datetime, days: int = PERIOD_DAYS) -> Period:
    """The ``days``-long period whose last (inclusive) day is ``last_day``: the form the
    algorithms' PERIOD_END parameter takes. It need not be on the 14-day grid."""
    if days < 1:
        raise PeriodError(tr("A period of {days} days is not possible.").format(days=days))
    end = local_date(last_day) + timedelta(days=1)
    start = end - timedelta(days=days)
    return Period(start, end, "days")


def periods_back(last: Period, count: int) -> list[Period]:
    """``count`` consecutive periods ending with ``last``, oldest first."""
    out = [last]
    for _ in range(count - 1):
        out.append(out[-1].previous())
    return out[::-1]


def tertial(year: int, n: int) -> Period:
    """Tertial ``n`` (1..3) of ``year``: T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec."""
    if n not in TERTIAL_MONTHS:
        raise PeriodError(tr("There is no tertial {n} (1–3).").format(n=n))
    first, after = TERTIAL_MONTHS[n]
    end = date(year + 1, 1, 1) if after == 13 else date(year, after, 1)
    return Period(date(year, first, 1), end, "tertial")


def tertial_of(day: date | datetime) -> Period:
    d = local_date(day)
    return tertial(d.year, (d.month - 1) // 4 + 1)


def parse_tertial(text: str) -> Period:
    """``"2026-T3"`` (also ``2026-t3``, ``2026 T3``, ``T3 2026``) -> the tertial."""
    cleaned = text.strip().upper().replace(" ", "-")
    parts = [p for p in cleaned.split("-") if p]
    year = next((p for p in parts if p.isdigit() and len(p) == 4), None)
    n = next((p[1:] for p in parts if p.startswith("T") and p[1:].isdigit()), None)
    if year is None or n is None:
        raise PeriodError(tr("'{text}' is not a tertial (write e.g. 2026-T3).").format(
            text=text))
    return tertial(int(year), int(n))


def last_complete_tertial(before: date | datetime | None = None) -> Period:
    if before is None:
        before = clock.now()
    return tertial_of(before).previous()


# -- time helpers -------------------------------------------------------------------------

def local_date(moment: date | datetime) -> date:
    """The Stockholm calendar date of a moment (naive datetimes are taken as local)."""
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(STOCKHOLM)
        return moment.date()
    return moment


def local_midnight_utc(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=STOCKHOLM).astimezone(timezone.utc)


def utc64(moment: datetime) -> np.datetime64:
    """An aware datetime as UTC ``datetime64[s]``."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the time zone must be known")
    return np.datetime64(moment.astimezone(timezone.utc).replace(tzinfo=None), "s")


def local_times(utc_times: np.ndarray) -> np.ndarray:
    """Stockholm wall-clock ``datetime64[s]`` for UTC ``datetime64`` times (NaT stays NaT).

    Vectorised over millions of values with the EU summer-time rule of
    :mod:`trygghet_plugin.domain.timeutil`.
    """
    t = np.asarray(utc_times).astype("datetime64[s]")
    if t.size == 0:
        return t.copy()
    valid = ~np.isnat(t)
    if not valid.any():
        return t.copy()
    years = t[valid].astype("datetime64[Y]").astype(np.int64) + 1970
    switches = []
    for year in range(int(years.min()), int(years.max()) + 1):
        start, end = summer_time_utc(year)
        switches += [utc64(start), utc64(end)]
    edges = np.array(switches, dtype="datetime64[s]")
    # Odd number of switches passed = summer time.
    summer = (np.searchsorted(edges, t, side="right") % 2) == 1
    offset = np.where(summer, 7200, 3600).astype("timedelta64[s]")
    out = t + offset
    out[~valid] = np.datetime64("NaT")
    return out


def weekday_hour(utc_times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Local weekday (0 = Monday) and hour (0..23) of UTC times; NaT gives -1."""
    local = local_times(utc_times)
    valid = ~np.isnat(local)
    days = local.astype("datetime64[D]")
    # 1970-01-01 was a Thursday (weekday 3).
    weekday = np.where(valid, (days.astype(np.int64) + 3) % 7, -1)
    hour = np.where(valid, (local - days).astype("timedelta64[h]").astype(np.int64), -1)
    return weekday.astype(np.int64), hour.astype(np.int64)
