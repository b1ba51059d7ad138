"""What a printed picture shows, as plain data: the generators fill layouts from these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np


@dataclass
class FigureRow:
    """One line of key figures: this period against the previous one and a year earlier."""

    code: str
    label: str
    color: str
    count: int
    previous: int
    year_ago: int
    p_previous: float | None = None
    p_year: float | None = None
    significant_previous: bool = False
    significant_year: bool = False

    @property
    def change_previous(self) -> float | None:
        return (self.count - self.previous) / self.previous if self.previous else None

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
class LagesbildData:
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
