"""Generate the reports: what, where, when, by whom, how late, and the later edits.

Every step is one vectorised draw over all reports; the only Python loops run over the few
hundred (component, category) combinations, never over the reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from . import stockholm
from .geography import Geography
from .model import DescriptionTable, ReportTable
from .profiles import (
    CORRECTED_FROM,
    HOTSPOTS,
    KEY_INDEX,
    KEYS,
    LITTER_KEY,
    RURAL_MIX,
    RURAL_PLACES,
    RURAL_SHARE,
    TOWN_MIX,
    TOWN_SHARES,
    festive,
    lifecycle,
    mix_vector,
    school_holiday,
    season,
    small_town_places,
)
from .reporters import build_reporters

TREND_PER_YEAR = 0.08        # a gentle rise: more people use the service each year
EDITED_SHARE = 0.10
CORRECTION_SHARE = 0.30      # of the edits whose category has a usual mistake
MAX_DELAY_DAYS = 20
_STREET_ORG = "Nässjö kommun – gatuavdelningen"


def sample_rows(weights: np.ndarray, row: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One column index per record, drawn from the weights in the record's row.

    Rows are stacked into one cumulative table offset by the row number, so a single
    ``searchsorted`` serves every record whatever its row.
    """
    weights = np.asarray(weights, dtype=np.float64)
    rows, cols = weights.shape
    cdf = np.cumsum(weights, axis=1)
    total = cdf[:, -1:]
    empty = total[:, 0] <= 0
    if empty.any():  # nothing to go on: fall back to uniform
        cdf[empty] = np.arange(1, cols + 1)
        total = cdf[:, -1:]
    cdf = cdf / total
    cdf[:, -1] = 1.0
    flat = (cdf + np.arange(rows)[:, None]).ravel()
    pos = np.searchsorted(flat, row + rng.random(row.size), side="right")
    return np.minimum(pos - row.astype(np.int64) * cols, cols - 1)


@dataclass(frozen=True)
class Calendar:
    """The days of the window and their calendar facts, as arrays over day 0..days-1."""

    start: date
    days: int

    @property
    def day0(self) -> int:
        return stockholm.epoch_day(self.start)

    def facts(self) -> dict[str, np.ndarray]:
        day = np.arange(self.days)
        dates = np.datetime64(self.start, "D") + day
        years = dates.astype("datetime64[Y]")
        months = dates.astype("datetime64[M]")
        month = (months - years).astype(np.int64) + 1
        dom = (dates - months).astype(np.int64) + 1
        doy = (dates - years).astype(np.int64) + 1
        dow = (dates.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
        week = (doy - (dow + 1) + 10) // 7  # ISO week (weeks 9 and 44 are all that matter)
        first_month = months[0].astype(np.int64)
        return {"doy": doy, "month": month, "md": month * 100 + dom, "dow": dow, "week": week,
                "f": day / max(self.days - 1, 1), "month_index": months.astype(np.int64)
                - first_month, "years": day / 365.25}

    @property
    def months(self) -> int:
        return int(self.facts()["month_index"][-1]) + 1


@dataclass(frozen=True)
class Component:
    """Where reports come from: a hotspot, a town's general background, or the countryside."""

    name: str
    kind: str           # hotspot | town | rural
    x: float
    y: float
    spread: float
    share: float
    mix: np.ndarray
    life: np.ndarray    # activity per day
    places: tuple[str, ...]
    locality: int       # 0 Nässjö town, 1 smaller towns, 2 countryside
    hotspot_life: str | None = None


def components(geo: Geography, cal: Calendar, f: np.ndarray,
               rng: np.random.Generator) -> list[Component]:
    towns = {t.name: t for t in geo.towns}
    out = []
    for spot in HOTSPOTS:
        town = towns[spot.town]
        out.append(Component(spot.name, "hotspot", town.x + spot.dx, town.y + spot.dy,
                             spot.spread, spot.share, mix_vector(spot.mix),
                             lifecycle(spot.life, f, rng), (spot.place,),
                             0 if town is geo.nassjo else 1, spot.life))
    for town in geo.towns:
        places = (tuple(f"vid {s}" for s in town.streets) if town is geo.nassjo
                  else small_town_places(town.name))
        out.append(Component(town.name, "town", town.x, town.y, town.spread,
                             TOWN_SHARES[town.name], mix_vector(TOWN_MIX), np.ones(cal.days),
                             places, 0 if town is geo.nassjo else 1))
    out.append(Component("Landsbygden", "rural", geo.nassjo.x, geo.nassjo.y, 0.0, RURAL_SHARE,
                         mix_vector(RURAL_MIX), np.ones(cal.days), RURAL_PLACES, 2))
    return out


def _shapes(facts: dict[str, np.ndarray]) -> np.ndarray:
    """Relative daily level of each category key (keys x days), before any hotspot life."""
    trend = 1 + TREND_PER_YEAR * facts["years"]
    youth = school_holiday(facts["md"], facts["week"]) * festive(facts["md"], facts["dow"])
    rows = []
    for key in KEYS:
        level = season(key.season, facts["doy"], facts["month"], facts["md"])
        level = level * np.asarray(key.week)[facts["dow"]] * trend
        rows.append(level * youth if key.youth else level)
    return np.array(rows)


def _delays(rng: np.random.Generator, n: int, fast: np.ndarray) -> np.ndarray:
    """Seconds from event to report: mostly hours, a heavy tail up to 20 days."""
    u = rng.random(n)
    quick = 120 + rng.exponential(5400, n)
    same_day = rng.lognormal(np.log(12 * 3600), 0.7, n)
    late = 86400 * (1 + np.minimum(MAX_DELAY_DAYS - 1, rng.pareto(1.3, n) * 1.5))
    delay = np.where(u < 0.55, quick, np.where(u < 0.85, same_day, late))
    return np.where(fast, delay * 0.35, delay).astype(np.int64)


def _next_workday_morning(rng: np.random.Generator, occurred: np.ndarray) -> np.ndarray:
    """UTC seconds on the next weekday 07-11 local: when street crews log weekend litter."""
    local_day = stockholm.local_seconds(occurred) // 86400 + 1
    dow = (local_day + 3) % 7
    local_day = local_day + np.select([dow == 5, dow == 6], [2, 1], 0)
    local = local_day * 86400 + 7 * 3600 + rng.integers(0, 4 * 3600, occurred.size)
    return stockholm.local_to_utc(local)


def _within(rng: np.random.Generator, after: np.ndarray, when: np.ndarray,
            end_ts: int) -> np.ndarray:
    """Redraw times past the window's end uniformly between ``after`` and the end."""
    over = when > end_ts
    if over.any():
        span = end_ts - after[over]
        when = when.copy()
        when[over] = after[over] + (rng.random(int(over.sum())) * (span + 1)).astype(np.int64)
    return when


def generate_reports(geo: Geography, rng: np.random.Generator, size: int, cal: Calendar,
                     end_ts: int) -> tuple[ReportTable, list[Component]]:
    facts = cal.facts()
    comps = components(geo, cal, facts["f"], rng)
    shapes = _shapes(facts)

    # what and which component: joint draw over the (component, category) pairs in use
    pairs = [(k, c) for k, comp in enumerate(comps) for c in range(len(KEYS))
             if comp.mix[c] > 0]
    pair_w = np.array([comps[k].share * comps[k].mix[c] for k, c in pairs])
    pair = rng.choice(len(pairs), size=size, p=pair_w / pair_w.sum())
    pair_comp = np.array([k for k, _ in pairs])
    pair_key = np.array([c for _, c in pairs])
    comp = pair_comp[pair].astype(np.int16)
    key = pair_key[pair].astype(np.int8)

    # when: the day from the pair's daily level, the hour from the category's day profile
    daily = np.array([comps[k].life * shapes[c] for k, c in pairs])
    day = sample_rows(daily, pair, rng)
    late = np.isin(facts["dow"][day], (4, 5))  # Friday and Saturday nights
    hours = np.array([h for k in KEYS for h in (k.hours, k.hours_late)])
    hour = sample_rows(hours, key.astype(np.int64) * 2 + late, rng)
    local = ((cal.day0 + day) * 86400 + hour * 3600 + rng.integers(0, 60, size) * 60)
    occurred = stockholm.local_to_utc(local.astype(np.int64))

    # where
    cx = np.array([c.x for c in comps])[comp]
    cy = np.array([c.y for c in comps])[comp]
    spread = np.array([c.spread for c in comps])[comp]
    rural = np.array([c.kind == "rural" for c in comps])[comp]
    x = np.empty(size)
    y = np.empty(size)
    x[~rural], y[~rural] = geo.scatter(rng, cx[~rural], cy[~rural], spread[~rural])
    x[rural], y[rural] = geo.uniform_points(rng, int(rural.sum()))

    # who: reporter by category, month and kind of place, weighted by activity
    team = build_reporters(rng, cal.months)
    month = facts["month_index"][day]
    locality = np.array([c.locality for c in comps])[comp]
    table = (team.affinity.T[:, None, None, :] * team.active.T[None, :, None, :]
             * team.home.T[None, None, :, :] * team.weight)
    row = (key.astype(np.int64) * cal.months + month) * 3 + locality
    reporter = sample_rows(table.reshape(-1, len(team)), row, rng).astype(np.int16)

    # how late
    reported = occurred + _delays(rng, size, team.fast[reporter])
    street_org = np.array([o == _STREET_ORG for o in team.orgs])[reporter]
    rounds = (key == LITTER_KEY) & (street_org | (rng.random(size) < 0.4))
    reported = np.where(rounds, _next_workday_morning(rng, occurred), reported)
    reported = _within(rng, occurred, reported + rng.integers(0, 60, size), end_ts)

    # later edits: close the report and/or correct a usual category mistake
    edited = (rng.random(size) < EDITED_SHARE) & (reported < end_ts - 600)
    edit_delay = 600 + np.minimum(rng.lognormal(np.log(3 * 86400), 1.0, size), 60 * 86400)
    updated = np.where(edited, reported + edit_delay.astype(np.int64), reported)
    updated = _within(rng, reported + 600, updated, end_ts)
    wrong_key = np.arange(len(KEYS))
    for right, wrong in CORRECTED_FROM.items():
        wrong_key[KEY_INDEX[right]] = KEY_INDEX[wrong]
    has_mistake = (wrong_key != np.arange(len(KEYS)))[key]
    corrected = edited & has_mistake & (rng.random(size) < CORRECTION_SHARE)
    first_key = np.where(corrected, wrong_key[key], key).astype(np.int8)
    closed = edited & (~corrected | (rng.random(size) < 0.6))

    # description: one of the category's phrasings + how the place is named
    place_start = np.cumsum([0] + [len(c.places) for c in comps])
    place = (place_start[:-1][comp]
             + (rng.random(size) * np.diff(place_start)[comp]).astype(np.int64))
    template_start = np.cumsum([0] + [len(k.templates) for k in KEYS])
    template = (template_start[:-1][key]
                + (rng.random(size) * np.diff(template_start)[key]).astype(np.int64))
    texts = DescriptionTable(tuple(t for k in KEYS for t in k.templates),
                             tuple(p for c in comps for p in c.places))

    order = np.lexsort((occurred, reported))
    table_out = ReportTable(
        number=np.arange(1, size + 1, dtype=np.int32), key=key[order],
        first_key=first_key[order], x=x[order], y=y[order], occurred_at=occurred[order],
        reported_at=reported[order], updated_at=updated[order], closed=closed[order],
        reporter=reporter[order], text=texts.index(template, place)[order],
        component=comp[order], area=geo.area_index(x[order], y[order]),
        reporters=team, texts=texts)
    return table_out, comps
