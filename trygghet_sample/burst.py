"""The sample's planted space–time cluster: a spate of reports at a normally quiet place.

In the last complete 14-day period of the window (on the grid of 14-day periods from Monday
2024-01-01, so the lägesbild's default period for the sample), some of the Nässjö town
background's reports of that period are moved to within 120 m of the sports ground on the
town's north-eastern edge, where there is otherwise about one report a month. Their times,
categories and reporters stay; only the place changes, so every total and every other period
is as before. ``SampleMunicipality.bursts`` holds the ground truth ("ovanligt just nu" must
find it in its period).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import numpy as np

from . import stockholm
from .geography import Geography
from .model import ReportTable

NAME = "Idrottsplatsen"
DX, DY = 2100.0, 1900.0       # metres from Nässjö's centre
RADIUS = 120.0
GRID_START = date(2024, 1, 1)
#: Reports moved: 15, or more in a large sample (so the cluster stands out the same way).
MIN_COUNT = 15
SHARE = 0.0007


def burst_period(end: date) -> tuple[date, date]:
    """First day and the day after the last complete 14-day period ending by ``end``."""
    k = ((end + timedelta(days=1)) - GRID_START).days // 14
    stop = GRID_START + timedelta(days=14 * k)
    return stop - timedelta(days=14), stop


def plant_burst(reports: ReportTable, geo: Geography, town_component: int, start: date,
                end: date, rng: np.random.Generator) -> tuple[ReportTable, list[dict]]:
    first, stop = burst_period(end)
    if first < start:
        return reports, []
    lo = int(stockholm.local_to_utc(np.array([stockholm.epoch_day(first) * 86400]))[0])
    hi = int(stockholm.local_to_utc(np.array([stockholm.epoch_day(stop) * 86400]))[0])
    pool = np.flatnonzero((reports.occurred_at >= lo) & (reports.occurred_at < hi)
                          & (reports.component == town_component))
    count = min(pool.size, max(MIN_COUNT, round(len(reports) * SHARE)))
    if count == 0:
        return reports, []
    rows = np.sort(rng.choice(pool, size=count, replace=False))
    cx, cy = geo.nassjo.x + DX, geo.nassjo.y + DY
    r = RADIUS * np.sqrt(rng.random(count))
    t = rng.random(count) * 2 * np.pi
    x, y = reports.x.copy(), reports.y.copy()
    x[rows], y[rows] = cx + r * np.cos(t), cy + r * np.sin(t)
    area = reports.area.copy()
    area[rows] = geo.area_index(x[rows], y[rows])
    truth = {"name": NAME, "x": cx, "y": cy, "radius": RADIUS, "start": first,
             "end": stop, "count": int(count)}
    return replace(reports, x=x, y=y, area=area), [truth]
