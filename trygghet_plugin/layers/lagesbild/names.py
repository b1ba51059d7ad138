"""Names of the lägesbild group and its layers, the period's title, and which period the
picture shows by default."""

from __future__ import annotations

from datetime import datetime, timedelta

from ...analysis.coverage import latest_occurred
from ...analysis.periods import (
    FIRST_PERIOD_START,
    Period,
    last_complete_period,
    last_complete_tertial,
    local_date,
)
from ...domain import clock
from ...store.base import Store

GROUP_PREFIX = "Trygghet – lägesbild"
INCIDENTS_NAME = "Händelser (exakt plats)"
HOTSPOTS_NAME = "Var händelserna koncentreras (Gi*)"
EMERGING_NAME = "Framväxande hotspots"
HEATMAP_NAME = "Täthet (intern)"
RATES_PREFIX = "Händelser per 1 000 invånare"
SURVEY_PREFIX = "Trygghetsmätning"
MEASURES_NAME = "Åtgärder i perioden"
UNCOVERED_NAME = "Ovanligt/het plats utan åtgärd"


def period_title(period: Period) -> str:
    """``v. 45–46 2026``, ``tertial 3 2026`` or the dates."""
    if period.kind == "tertial":
        year, n = period.tertial
        return f"tertial {n} {year}"
    if period.start.weekday() == 0 and period.days % 7 == 0:
        (y0, w0), (y1, w1) = period.iso_weeks[0], period.iso_weeks[-1]
        if y0 == y1:
            return f"v. {w0} {y0}" if w0 == w1 else f"v. {w0}–{w1} {y0}"
        return f"v. {w0} {y0} – v. {w1} {y1}"
    return period.date_range


def group_name(period: Period) -> str:
    return f"{GROUP_PREFIX} {period_title(period)}"


def default_period(store: Store | None = None, now: datetime | None = None, *,
                   days: int = 14, first_start=FIRST_PERIOD_START,
                   kind: str = "days") -> Period:
    """The last complete period (``kind`` "days": ``days`` long on the grid from
    ``first_start``; "tertial": a tertial). When the store's newest incident is older than
    that period, the last complete period of the store's data instead (a store not synced
    lately, or the sample), so the picture is not empty."""
    now = now or clock.now()

    def last(moment):
        if kind == "tertial":
            return last_complete_tertial(moment)
        return last_complete_period(moment, days, first_start)

    period = last(now)
    latest = latest_occurred(store) if store is not None else None
    if latest is not None and local_date(latest) < period.start:
        period = last(local_date(latest) + timedelta(days=1))
    return period
