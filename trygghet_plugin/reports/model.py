"""What a printed picture shows, as plain data: the generators fill layouts from these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np


@dataclass
class FigureRow:
    """One line of key figures: this period's count against what its history expects
    (``expected_low``–``expected_high``, None without enough history; ``significant`` when
    the count lies outside after the table's FDR correction), with the previous period and a
    year earlier as context."""

    code: str
    label: str
    color: str
    count: int
    previous: int
    year_ago: int
    expected_low: int | None = None
    expected_high: int | None = None
    significant: bool = False
    direction: str = "none"  # "up" / "down" when significant
    #: column ("count", "previous", "year_ago") -> why it is not printed ("primary":
    #: a small count, "secondary": it would give a small one away); public output only
    hidden: dict[str, str] = field(default_factory=dict)

    @property
    def expected_text(self) -> str:
        """"28–46", or "–" without an expectation."""
        if self.expected_low is None or self.expected_high is None:
            return "–"
        if self.expected_low == self.expected_high:
            return str(self.expected_low)
        return f"{self.expected_low}–{self.expected_high}"

    @property
    def mark(self) -> str:
        """" ↑*" / " ↓*" after a count outside what is expected, else ""."""
        if not self.significant:
            return ""
        return " ↑*" if self.direction == "up" else " ↓*"

    @property
    def change_year(self) -> float | None:
        return (self.count - self.year_ago) / self.year_ago if self.year_ago else None


@dataclass
class Place:
    name: str
    count: int
    note: str = ""


@dataclass
class PoliceEvent:
    when: datetime
    kind: str
    place: str
    precision: str


@dataclass
class MeasureRow:
    """A measure active in the lägesbild's period, as its table prints it (Swedish)."""

    title: str
    type: str
    status: str
    dates: str
    organisation: str
    verdict: str
    color: str = "#7f7f7f"


@dataclass
class FlaggedPlace:
    """An unusual or hot place with no active measure nearby: what it is, where."""

    what: str
    where: str


@dataclass
class LagesbildReport:
    """What the printed 14-day lägesbild shows (not the map group: layers.lagesbild_group)."""

    kommun_name: str
    first_day: date  # local dates, inclusive
    last_day: date
    figures: list[FigureRow]
    total: FigureRow
    top_places: list[Place]
    weekday_hour: np.ndarray  # 7 × 24, Monday first, local hours
    trend_labels: list[str]
    trend_series: dict[str, list[int]]  # category code -> counts per period
    category_colors: dict[str, str]
    category_names: dict[str, str]
    reporters: list[tuple[str, int, int]]  # organisation, reports, active reporters
    police_events: list[PoliceEvent]
    sources: list[str]
    last_sync: datetime | None
    generated_at: datetime | None = None
    notes: list[str] = field(default_factory=list)
    figures_note: str = ""  # what the mark and "Väntat" mean, with the family's size
    stale_note: str = ""  # printed in red on page 1 when the data stop before the period ends
    method: list[str] = field(default_factory=list)  # "Så läses siffrorna", page 2
    measures: list[MeasureRow] = field(default_factory=list)  # active in the period, page 3
    uncovered: list[FlaggedPlace] = field(default_factory=list)  # no measure nearby, page 3
    measures_note: str = ""  # what the flag means, in plain Swedish


@dataclass
class AreaPage:
    """One atlas page of the board analysis: aggregated figures for one area."""

    code: str
    name: str
    population: int | None
    figures: list[FigureRow]  # per category, this tertial vs previous and a year earlier
    total: FigureRow
    survey_index: float | None = None
    survey_name: str | None = None
    hotspot_cells: int = 0


@dataclass
class MeasureTypeRow:
    """One line of the board analysis's "Åtgärder och effekter": the finished measures of one
    type (``code``; the total line has none) counted by their evaluation's verdict."""

    code: str | None
    label: str
    #: column -> number of measures (see board_measures.COLUMNS; "evaluated" is the sum)
    counts: dict[str, int]
    #: column -> why it is not printed ("primary" / "secondary"), as for FigureRow
    hidden: dict[str, str] = field(default_factory=dict)


@dataclass
class MeasuresSection:
    """The public section on measures: aggregated counts only, no titles, places or notes."""

    rows: list[MeasureTypeRow]  # one per type with a finished measure
    total: MeasureTypeRow
    not_evaluated: int = 0  # finished measures without a verdict yet
    available: bool = True  # False: the store does not hold measures


@dataclass
class BoardData:
    """The public four-monthly analysis: aggregated only, small counts suppressed later."""

    kommun_name: str
    tertial: str  # e.g. 2026-T3
    first_day: date
    last_day: date
    findings: list[str]
    figures: list[FigureRow]
    total: FigureRow
    trend_labels: list[str]  # tertials over three years
    trend_series: dict[str, list[int]]
    category_colors: dict[str, str]
    category_names: dict[str, str]
    areas: list[AreaPage]
    survey_rows: list[tuple[str, str, float | None, int | None]]  # area, question, index, n
    police_rows: list[tuple[str, int, int, int]]  # type, this tertial, previous, year ago
    method: list[str]
    sources: list[str]
    small_count_threshold: int = 2
    generated_at: datetime | None = None
    trend_notes: list[str] = field(default_factory=list)  # the trend chart in words
    survey_name: str | None = None  # the latest survey, shown on the survey page
    coverage_note: str = ""  # when the data begin within the trend's first tertials
    figures_note: str = ""  # what the mark and "Väntat" mean, with the family's size
    stale_note: str = ""  # printed in red on page 1 when the data stop before the period ends
    #: trend_series position of this tertial's columns ("count", "previous", "year_ago")
    trend_index: dict[str, int] = field(default_factory=dict)
    #: set by disclosure.protect(): hidden cells of the trend (category -> position ->
    #: reason) and of the police table (one dict per police row: column index -> reason)
    trend_hidden: dict[str, dict[int, str]] = field(default_factory=dict)
    police_hidden: list[dict[int, str]] = field(default_factory=list)
    disclosure: object | None = None  # the DisclosureSummary of the pass
    measures: MeasuresSection | None = None  # "Åtgärder och effekter"
