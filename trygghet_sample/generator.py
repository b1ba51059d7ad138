"""``generate()``: put the geography, reports, police events and surveys together."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from . import stockholm
from .burst import plant_burst
from .geography import KOMMUN_NAME, KOMMUNKOD, geography
from .model import SampleMunicipality
from .police import generate_police_events
from .reports import Calendar, generate_reports
from .surveys import survey_places, survey_results

DEFAULT_END = date(2026, 10, 31)
MAX_SIZE = 5_000_000


def window(end: date, years: int) -> tuple[date, int]:
    """First day and last second (UTC epoch) of ``years`` whole years ending on ``end``."""
    try:
        before = end.replace(year=end.year - years)
    except ValueError:  # 29 February
        before = end.replace(year=end.year - years, day=28)
    start = before + timedelta(days=1)
    next_midnight = (stockholm.epoch_day(end) + 1) * 86400
    end_ts = int(stockholm.local_to_utc(np.array([next_midnight]))[0]) - 1
    return start, end_ts


def generate(size: int = 5000, seed: int = 1, end: date = DEFAULT_END,
             years: int = 3) -> SampleMunicipality:
    """A Nässjö-like kommun with ``size`` reports over ``years`` years ending on ``end``.

    Deterministic for a seed. The geography is the same for every seed; the reports, police
    events and surveys are drawn from independent streams, so changing ``size`` leaves the
    police events as they were.
    """
    if not 1 <= size <= MAX_SIZE:
        raise ValueError(f"size must be 1..{MAX_SIZE}, not {size}")
    if years < 1:
        raise ValueError("years must be at least 1")
    geo = geography()
    start, end_ts = window(end, years)
    # The burst's stream comes last, so the first three are the same as before it existed.
    report_rng, police_rng, survey_rng, burst_rng = (
        np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(4))
    cal = Calendar(start, (end - start).days + 1)
    reports, comps = generate_reports(geo, report_rng, size, cal, end_ts)
    hotspots = [{"name": c.name, "x": c.x, "y": c.y, "spread": c.spread,
                 "life": c.hotspot_life, "component": i}
                for i, c in enumerate(comps) if c.kind == "hotspot"]
    town = next(i for i, c in enumerate(comps) if c.kind == "town" and c.name == geo.nassjo.name)
    planted, bursts = plant_burst(reports, geo, town, start, end, burst_rng)
    return SampleMunicipality(
        kommunkod=KOMMUNKOD, kommun_name=KOMMUN_NAME, boundary_wkt=geo.boundary_wkt,
        areas=list(geo.areas), reports=planted,
        police_events=generate_police_events(police_rng, start, end, KOMMUN_NAME),
        survey_results=survey_results(survey_rng, geo, reports, end),
        survey_places=survey_places(survey_rng, geo, reports, comps, end),
        seed=seed, start=start, end=end, hotspots=hotspots, bursts=bursts)
