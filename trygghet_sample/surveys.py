"""The police's local safety survey (trygghetsmätning): results per area and unsafe places.

Each survey asks how big a problem something is on a 0-6 scale. Here the index of a question
in an area follows the rate of matching reports (per resident) in the twelve months before the
September fieldwork, on a log scale and with some noise, so surveys and report hotspots agree
without being copies of each other.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from . import stockholm
from .geography import Geography
from .model import ReportTable
from .profiles import KEY_INDEX, KEYS
from .reports import Component

# question -> the category keys whose reports drive it (None: all of them)
QUESTIONS: dict[str, tuple[str, ...] | None] = {
    "Nedskräpning": ("skrap",),
    "Klotter": ("klotter",),
    "Skadegörelse": ("glas", "brand", "skada"),
    "Bråk och oväsen": ("brak", "ordning", "samling"),
    "Personer som är påverkade": ("narkotika", "samling"),
    "Otrygg ute sent på kvällen": None,
}

_REASONS = {
    "Resecentrum": ("Folksamlingar", "Klotter och skadegörelse", "Påverkade personer"),
    "Stadsparken": ("Dålig belysning", "Skymd sikt", "Folksamlingar", "Påverkade personer"),
    "Högstadieskolan": ("Klotter och skadegörelse", "Ödslig plats"),
    "Fritidsgården": ("Folksamlingar",),
    "Handelsområdet": ("Folksamlingar", "Påverkade personer", "Dålig belysning"),
    "Gamla busstorget": ("Klotter och skadegörelse", "Ödslig plats"),
    "Parkeringen vid Brogatan": ("Påverkade personer", "Dålig belysning"),
    "Bodafors station": ("Ödslig plats", "Dålig belysning", "Klotter och skadegörelse"),
}
_OTHER_REASONS = ("Dålig belysning", "Skymd sikt", "Ödslig plats", "Trafik")
PLACES_PER_SURVEY = 120


def survey_years(end: date) -> tuple[int, int]:
    return end.year - 2, end.year - 1


def survey_name(year: int) -> str:
    return f"Trygghetsmätning {year}"


def _window(year: int) -> tuple[int, int]:
    """UTC seconds of the twelve months before the survey's September fieldwork."""
    bounds = [stockholm.epoch_day(date(y, 9, 1)) * 86400 for y in (year - 1, year)]
    start, stop = stockholm.local_to_utc(np.array(bounds)).tolist()
    return int(start), int(stop)


def survey_results(rng: np.random.Generator, geo: Geography, reports: ReportTable,
                   end: date) -> list[dict]:
    population = np.array([a.population for a in geo.areas], dtype=np.float64)
    respondents_base = 20 + 130 * np.sqrt(population / population.max())
    rows = []
    for year in survey_years(end):
        start, stop = _window(year)
        inside = (reports.occurred_at >= start) & (reports.occurred_at < stop)
        for question, keys in QUESTIONS.items():
            match = inside.copy()
            if keys is not None:
                match &= np.isin(reports.key, [KEY_INDEX[k] for k in keys])
            counts = np.bincount(reports.area[match], minlength=len(geo.areas))
            rate = np.log1p(counts / (population + 300) * 1000)
            score = rate / rate.max() if rate.max() > 0 else rate
            index = np.clip(0.7 + 4.3 * score + rng.normal(0, 0.25, score.size), 0, 6)
            unsafe = np.clip(8 + 9 * index + rng.normal(0, 3, score.size), 1, 90)
            answered = np.clip(np.round(respondents_base + rng.normal(0, 8, score.size)), 20,
                               150)
            for area, i, u, n in zip(geo.areas, index.tolist(), unsafe.tolist(),
                                     answered.tolist()):
                rows.append({"undersokning": survey_name(year), "omrade": area.code,
                             "fraga": question, "index": round(i, 1),
                             "andel_otrygga": round(u, 1), "svarande": int(n)})
    return rows


def survey_places(rng: np.random.Generator, geo: Geography, reports: ReportTable,
                  comps: list[Component], end: date) -> list[dict]:
    """Points respondents marked as unsafe, mostly at the hotspots active before the survey."""
    spots = [i for i, c in enumerate(comps) if c.kind == "hotspot"]
    small_towns = [t for t in geo.towns if t is not geo.nassjo]
    places = []
    for year in survey_years(end):
        start, stop = _window(year)
        inside = (reports.occurred_at >= start) & (reports.occurred_at < stop)
        counts = np.bincount(reports.component[inside], minlength=len(comps))[spots] + 0.5
        n = PLACES_PER_SURVEY
        kind = rng.choice(3, size=n, p=(0.55, 0.30, 0.15))
        pick = rng.choice(len(spots), size=n, p=counts / counts.sum())
        town = rng.integers(0, len(small_towns), n)
        cx = np.where(kind == 0, [comps[spots[p]].x for p in pick],
                      np.where(kind == 1, geo.nassjo.x, [small_towns[t].x for t in town]))
        cy = np.where(kind == 0, [comps[spots[p]].y for p in pick],
                      np.where(kind == 1, geo.nassjo.y, [small_towns[t].y for t in town]))
        spread = np.where(kind == 0, [comps[spots[p]].spread * 1.5 for p in pick],
                          np.where(kind == 1, geo.nassjo.spread,
                                   [small_towns[t].spread for t in town]))
        x, y = geo.scatter(rng, cx, cy, spread)
        area = geo.area_index(x, y)
        for k in range(n):
            options = (_REASONS[comps[spots[pick[k]]].name] if kind[k] == 0
                       else _OTHER_REASONS)
            places.append({"survey": survey_name(year), "reason": str(rng.choice(options)),
                           "x": float(x[k]), "y": float(y[k]),
                           "omrade": geo.areas[int(area[k])].code})
    return places


def question_keys(question: str) -> list[int]:
    """The category key indices behind a survey question (for tests and charts)."""
    keys = QUESTIONS[question]
    return list(range(len(KEYS))) if keys is None else [KEY_INDEX[k] for k in keys]
