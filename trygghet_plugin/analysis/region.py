"""Comparing the kommuner of a region: incidents in a period, and per 1,000 inhabitants.

A shared store holds several kommuner (``kommunkod`` on every incident). The board analysis
of a region compares them: how many incidents each kommun had in the period and in the one
before, and how many per 1,000 inhabitants. The population is the kommun area's own (areas
of kind ``kommun``, imported with population) or else Statistics Sweden's 2024 figure
(``resources/sample/kommun_population_2024.csv``). The counting rules are the analysis'
(:func:`~trygghet_plugin.analysis.select.incident_mask`): never incidents deleted at the
source, a period by when the incident happened.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ..domain.area import AreaKind, rate_per_1000
from ..paths import resource
from .select import incident_mask, load_frame

if TYPE_CHECKING:
    from ..store.base import Store

POPULATION_FILE = ("sample", "kommun_population_2024.csv")
SCB_2024 = "SCB 2024"
FROM_AREAS = "områden"


@dataclass(frozen=True)
class KommunSummary:
    """One kommun's row: counts in the period and the one before, and the rates."""

    kommunkod: str | None  # None: incidents stored without a kommun
    name: str
    incidents: int
    previous: int
    population: int | None
    per_1000: float | None
    previous_per_1000: float | None
    population_source: str | None  # FROM_AREAS, SCB_2024 or None

    @property
    def change(self) -> int:
        return self.incidents - self.previous


@lru_cache(maxsize=1)
def scb_population() -> dict[str, tuple[str, int]]:
    """kommunkod -> (name, population 2024) for Sweden's 290 kommuner."""
    with open(resource(*POPULATION_FILE), encoding="utf-8", newline="") as fh:
        return {r["kommun_kod"]: (r["kommun_namn"], int(r["population"]))
                for r in csv.DictReader(fh)}


def region_summary(store: Store, period, *, categories: Iterable[str] | None = None,
                   sources: Iterable[str] | None = None) -> list[KommunSummary]:
    """One row per kommun of ``store`` (kommuner with incidents or a kommun area; a
    kommun-scoped store gives only its own), ordered by kommunkod, incidents stored without
    a kommun last. ``period`` is an :class:`~trygghet_plugin.analysis.periods.Period`."""
    previous = period.previous()
    frame = load_frame(store, [period, previous],
                       columns=("kommunkod", "status", "category", "subcategory", "source"))
    cats = list(categories) if categories else None
    srcs = list(sources) if sources else None
    counts = []
    for p in (period, previous):
        mask = incident_mask(frame, p, categories=cats, sources=srcs)
        codes = frame["kommunkod"][mask]
        counts.append(_tally(codes))
    kommun_areas = {a.code: a for a in store.areas(kind=AreaKind.KOMMUN.value)}
    known = set(counts[0]) | set(counts[1]) | set(kommun_areas)
    if store.kommun_scope:
        known &= {store.kommun_scope}
    scb = scb_population()
    rows = []
    for code in sorted(known, key=lambda c: (c is None, c or "")):
        area = kommun_areas.get(code) if code else None
        listed = scb.get(code) if code else None
        name = (area.name if area and area.name else None) or (listed[0] if listed else None) \
            or (code or "okänd kommun")
        population, source = None, None
        if area is not None and area.population:
            population, source = area.population, FROM_AREAS
        elif code in scb:
            population, source = scb[code][1], SCB_2024
        now, before = counts[0].get(code, 0), counts[1].get(code, 0)
        rows.append(KommunSummary(code, name, now, before, population,
                                  rate_per_1000(now, population),
                                  rate_per_1000(before, population), source))
    return rows


def _tally(codes: np.ndarray) -> dict[str | None, int]:
    out: dict[str | None, int] = {}
    for code in codes.tolist():
        key = code or None
        out[key] = out.get(key, 0) + 1
    return out
