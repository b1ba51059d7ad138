"""The figures of a lägesbild or board analysis: counts and rates, each against what its own
history expects (see :mod:`.expected`), with the previous period and the same period a year
earlier as plain context.

``period_figures(frame, period, ...)`` takes the store's incidents as numpy columns (an
:class:`~trygghet_plugin.store.base.IncidentFrame`, e.g. from :func:`.select.load_frame`)
and returns a :class:`PeriodFigures`: totals, per category, per area (with rates per 1,000
inhabitants where the population is known), per source, a weekday x hour table in local
time, and reports and active reporters per organisation.

The rows of one table are one family for the Benjamini-Hochberg adjustment of the
expected-vs-observed tests: the total with the categories (the key figures), the areas, the
sources. Only rows with enough history are in a family. Incidents placed no closer than the
kommun (police events at the kommun's centre point) count in the total and their category,
and in an area row of their own, never in an area.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .areas import KOMMUN_ONLY, area_display_name, finest_areas, incident_area_codes
from .change import ALPHA, Change, compare_counts
from .coverage import first_incident
from .expected import Expected, adjust, bin_index, expected_counts, history_bins, target_bins
from .periods import Period, local_date, weekday_hour
from .select import incident_mask

TOTAL, CATEGORY, AREA, SOURCE = "total", "category", "area", "source"
UNKNOWN_KEY = ""
UNKNOWN_LABELS = {CATEGORY: "Okänd kategori", AREA: "Okänt område", SOURCE: "Okänd källa",
                  "organisation": "Okänd organisation"}
KOMMUN_ONLY_LABEL = "Plats ej angiven närmare än kommunen"


@dataclass(frozen=True)
class Figure:
    """One row of a figures table: a count now against what its history expects, with the
    previous period and a year ago as context (their changes are not tested).

    ``group`` is "total", "category", "area" or "source"; ``key`` the code ("" = unknown).
    Rates are per 1,000 inhabitants over the period, when ``population`` is known.
    """

    group: str
    key: str
    label: str
    count: int
    vs_previous: Change
    vs_year_before: Change
    population: int | None = None
    expected: Expected | None = None

    @property
    def previous(self) -> int:
        return self.vs_previous.previous

    @property
    def year_before(self) -> int:
        return self.vs_year_before.previous

    def _rate(self, count: int) -> float | None:
        if not self.population:
            return None
        return 1000.0 * count / self.population

    @property
    def rate(self) -> float | None:
        return self._rate(self.count)

    @property
    def rate_previous(self) -> float | None:
        return self._rate(self.previous)

    @property
    def significant(self) -> bool:
        """The count lies outside what its history expects (after the family's FDR)."""
        return self.expected is not None and self.expected.significant

    @property
    def direction(self) -> str:
        return self.expected.direction if self.expected is not None else "none"


@dataclass(frozen=True)
class OrganisationFigure:
    """Reports per reporting organisation; ``reporters`` counts distinct active reporters
    when the data carries reporter ids (None otherwise)."""

    organisation: str
    reports: int
    previous: int
    year_before: int
    reporters: int | None = None


@dataclass(frozen=True)
class PeriodFigures:
    period: Period
    previous_period: Period
    year_before_period: Period
    total: Figure
    by_category: tuple[Figure, ...]
    by_area: tuple[Figure, ...]
    by_source: tuple[Figure, ...]
    weekday_hour: np.ndarray  # 7 x 24 counts in the period, Monday first, local hours
    organisations: tuple[OrganisationFigure, ...]
    alpha: float = ALPHA

    def figures(self) -> list[Figure]:
        return [self.total, *self.by_category, *self.by_area, *self.by_source]

    def significant(self) -> list[Figure]:
        """Rows with a change that passed the test (after FDR), in table order."""
        return [f for f in self.figures() if f.significant]

    def figure(self, group: str, key: str) -> Figure:
        for f in self.figures():
            if f.group == group and f.key == key:
                return f
        raise KeyError((group, key))


def _keys(values: np.ndarray) -> np.ndarray:
    """Text keys with None/NaN as "" so they sort and compare."""
    arr = np.asarray(values, dtype=object)
    missing = np.array([v is None or v != v for v in arr], dtype=bool) if arr.size else \
        np.zeros(0, dtype=bool)
    out = arr.copy()
    out[missing] = UNKNOWN_KEY
    return out.astype(str)


def _count_by(values: np.ndarray, masks: list[np.ndarray],
              always: Iterable[str] = ()) -> tuple[list[str], np.ndarray]:
    """Distinct keys (those seen in any mask, plus ``always``) and counts (keys x masks)."""
    union = np.zeros(len(values), dtype=bool)
    for m in masks:
        union |= m
    keys = _keys(np.asarray(values, dtype=object)[union])
    names = sorted(set(np.unique(keys).tolist()) | {str(k) for k in always})
    counts = np.zeros((len(names), len(masks)), dtype=np.int64)
    if not names:
        return names, counts
    sorter = np.array(names)
    for j, m in enumerate(masks):
        picked = m[union]
        if picked.any():
            pos = np.searchsorted(sorter, keys[picked])
            counts[:, j] = np.bincount(pos, minlength=len(names))
    return names, counts


def period_figures(frame, period: Period, *, previous: Period | None = None,
                   year_before: Period | None = None,
                   population: Mapping[str, int] | None = None,
                   area_codes: np.ndarray | None = None,
                   labels: Mapping[str, Mapping[str, str]] | None = None,
                   categories: Iterable[str] = (), areas: Iterable[str] = (),
                   alpha: float = ALPHA, data_start=None) -> PeriodFigures:
    """All figures of ``period`` from the incidents in ``frame``.

    ``previous`` / ``year_before`` default to ``period.previous()`` / ``period.year_before()``.
    ``population`` maps area code -> inhabitants. ``area_codes`` overrides the frame's
    ``area_code`` column (one code per row), e.g. after a point-in-polygon assignment.
    ``labels`` maps a group ("category", "area", "source") to {code: display name}.
    ``categories`` / ``areas`` are listed even when they have no incidents at all.
    ``data_start`` (a date): where the data begin, so no history bin before it counts as
    quiet; default the frame's first incident. The frame must hold the history bins
    (:func:`figures_periods`).
    """
    previous = previous or period.previous()
    year_before = year_before or period.year_before()
    refs = (previous, year_before)
    masks = [incident_mask(frame, p) for p in (period, *refs)]
    ratios = [period.days / r.days for r in refs]
    labels = labels or {}
    population = dict(population or {})
    text = getattr(frame, "text", {})

    def rows(group: str, keys: np.ndarray | None, always: Iterable[str] = ()):
        if keys is None:
            return []
        names, counts = _count_by(keys, masks, always)
        out = []
        for name, (now, *before) in zip(names, counts.tolist()):
            label = labels.get(group, {}).get(name) or \
                (UNKNOWN_LABELS.get(group, "Okänd") if name == UNKNOWN_KEY else
                 KOMMUN_ONLY_LABEL if name == KOMMUN_ONLY else name)
            pop = population.get(name) if group == AREA else None
            out.append((group, name, label, now, before, pop))
        return out

    table = [(TOTAL, "", "Totalt", int(masks[0].sum()), [int(m.sum()) for m in masks[1:]],
              sum(population.values()) if population else None)]
    table += rows(CATEGORY, frame["category"] if "category" in text else None, categories)
    area_keys = area_codes if area_codes is not None else \
        (frame["area_code"] if "area_code" in text else None)
    table += rows(AREA, area_keys, areas)
    table += rows(SOURCE, frame["source"] if "source" in text else None)

    if data_start is None:
        data_start = first_local_day(frame)
    hist = history_bins(period, data_start)
    bins = [*hist, *target_bins(period)]
    which = bin_index(frame.occurred_at, bins)
    which[~incident_mask(frame, None)] = -1
    keys_of = {CATEGORY: frame["category"] if "category" in text else None,
               AREA: area_keys, SOURCE: frame["source"] if "source" in text else None}
    binned: dict[tuple[str, str], np.ndarray] = {(TOTAL, ""): np.bincount(
        which[which >= 0], minlength=len(bins))}
    for group, keys in keys_of.items():
        if keys is not None:
            binned.update({(group, k): v for k, v in _bin_counts(keys, which, len(bins))})
    expectations: dict[tuple[str, str], Expected] = {}
    for family in ((TOTAL, CATEGORY), (AREA,), (SOURCE,)):
        members = [(g, k, now) for g, k, _, now, _, _ in table if g in family]
        if not members:
            continue
        history = np.array([binned.get((g, k), np.zeros(len(bins)))[:len(hist)]
                            for g, k, _ in members])
        found = adjust(expected_counts(history, [now for _, _, now in members], hist,
                                       bins[len(hist):]), alpha)
        expectations.update({(g, k): e for (g, k, _), e in zip(members, found)})
    figures = [Figure(group, key, label, now,
                      compare_counts(now, before[0], ratios[0], alpha),
                      compare_counts(now, before[1], ratios[1], alpha), pop,
                      expectations.get((group, key)))
               for group, key, label, now, before, pop in table]

    by = {g: tuple(f for f in figures if f.group == g) for g in (CATEGORY, AREA, SOURCE)}
    return PeriodFigures(period, previous, year_before, figures[0], by[CATEGORY], by[AREA],
                         by[SOURCE], weekday_hour_table(frame.occurred_at[masks[0]]),
                         organisation_figures(frame, masks), alpha)


def figures_periods(period: Period, data_start=None) -> list[Period]:
    """Every period the figures of ``period`` count: the period, its two references and the
    history its expectations learn from (for :func:`.select.load_frame`)."""
    return [period, period.previous(), period.year_before(),
            *history_bins(period, data_start)]


def kommun_figures(frame, period: Period, areas: Sequence = (), *,
                   categories: Mapping[str, str] | None = None,
                   area_codes: np.ndarray | None = None) -> PeriodFigures:
    """The period's figures as every door shows them — the lägesbild map group, the docks,
    the lägesbild and the board analysis call this one function, so a count on the map is
    the count in the PDF.

    ``frame``: the store's incidents of :func:`figures_periods` (more is fine). ``areas``:
    the store's areas; the finest kind present is counted (:func:`.areas.finest_areas`),
    each incident in an area only as far as its place says
    (:func:`.areas.incident_area_codes`). ``categories``: taxonomy code -> display name,
    listed even when empty. ``area_codes``: the frame's incident_area_codes for those
    areas, when the caller needs them too (computed here otherwise).
    """
    chosen = finest_areas(areas)
    codes = area_codes if area_codes is not None or not chosen else \
        incident_area_codes(frame, chosen)
    names = {a.code: area_display_name(a) for a in chosen}
    labels = {"area": names}
    if categories:
        labels["category"] = dict(categories)
    return period_figures(frame, period, area_codes=codes, labels=labels,
                          population={a.code: a.population for a in chosen if a.population},
                          categories=list(categories or ()), areas=list(names))


def first_local_day(frame):
    """The Stockholm date of the frame's first incident (None: no incidents)."""
    first = first_incident(frame)
    return local_date(first) if first is not None else None


def _bin_counts(values: np.ndarray, which: np.ndarray, nbins: int):
    """(key, counts per bin) for every key seen in a bin."""
    inside = which >= 0
    keys = _keys(np.asarray(values, dtype=object)[inside])
    names, pos = np.unique(keys, return_inverse=True)
    cells = np.bincount(pos * nbins + which[inside], minlength=len(names) * nbins)
    return zip(names.tolist(), cells.reshape(len(names), nbins))


def category_labels(taxonomy=None, language: str = "sv") -> dict[str, str]:
    """{code: name} of every category and subcategory of the taxonomy (default: the
    plugin's), for ``period_figures(labels={"category": category_labels()})``."""
    if taxonomy is None:
        from ..domain.taxonomy import Taxonomy
        from ..paths import taxonomy_file

        taxonomy = Taxonomy.load(taxonomy_file())
    items = {**taxonomy.categories, **taxonomy.subcategories}
    return {code: item.label(language) for code, item in items.items()}


def weekday_hour_table(utc_times: np.ndarray) -> np.ndarray:
    """Counts per local weekday (rows, Monday first) and hour (columns 0..23)."""
    weekday, hour = weekday_hour(utc_times)
    ok = weekday >= 0
    cells = np.bincount(weekday[ok] * 24 + hour[ok], minlength=7 * 24)
    return cells.reshape(7, 24).astype(np.int64)


def organisation_figures(frame, masks: list[np.ndarray]) -> tuple[OrganisationFigure, ...]:
    """Reports per organisation in the period and both references (masks: now, previous,
    year before), most reports first; active reporters when ``reporter_id`` is a column."""
    text = getattr(frame, "text", {})
    if "reporter_org" not in text:
        return ()
    names, counts = _count_by(frame["reporter_org"], masks)
    reporters: dict[str, int] = {}
    if "reporter_id" in text and masks[0].any():
        orgs = _keys(frame["reporter_org"][masks[0]])
        ids = _keys(frame["reporter_id"][masks[0]])
        for org in np.unique(orgs):
            reporters[str(org)] = int(np.unique(ids[orgs == org]).size)
    out = [OrganisationFigure(name or UNKNOWN_LABELS["organisation"], int(c[0]), int(c[1]),
                              int(c[2]), reporters.get(name) if reporters else None)
           for name, c in zip(names, counts.tolist())]
    return tuple(sorted(out, key=lambda o: (-o.reports, o.organisation)))
