"""What one build of the lägesbild made (any thread), and how a build is cancelled."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...analysis.periods import Period
from ...errors import CancelledError  # noqa: F401 - the build's cancel is the plugin's one
from ..filters import FilterSpec
from .legend import RateClass


@dataclass(frozen=True)
class SurveyChoice:
    survey: str
    question: str


@dataclass
class LagesbildData:
    """What :func:`build_lagesbild_data` made; paths are None for layers left out."""

    period: Period
    spec: FilterSpec
    gpkg: Path | None = None
    heatmap: Path | None = None
    area_kind: str | None = None
    rate_classes: list[RateClass] = field(default_factory=list)
    has_areas: bool = False
    has_police: bool = False
    has_hotspots: bool = False
    has_emerging: bool = False
    has_unusual: bool = False
    has_kommun: bool = False
    has_measures: bool = False
    has_uncovered: bool = False
    survey: SurveyChoice | None = None
    incidents: int = 0           # in the period (after the filter), every precision
    precise: int = 0             # of which drawn as points
    police_area: int = 0         # police events counted on an area
    police_kommun: int = 0       # police events counted on the kommun
    measures: int = 0            # measures active in the period
    uncovered: int = 0           # unusual or hot places with no active measure nearby
    emerging_periods: list[Period] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def table_uri(self, table: str) -> str:
        return f"{self.gpkg}|layername={table}"
