"""Statistical and administrative areas: DeSO, RegSO, the municipality's own districts and
the kommun itself, with population so rates per 1,000 inhabitants can be computed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class AreaKind(str, Enum):
    DESO = "deso"
    REGSO = "regso"
    DISTRICT = "district"  # the municipality's own districts (stadsdelar, kommundelar)
    KOMMUN = "kommun"


#: Swedish labels of the kinds, as the legend and the messages show them.
KIND_LABELS = {"deso": "DeSO", "regso": "RegSO", "district": "Kommundelar", "kommun": "Kommunen"}


@dataclass(frozen=True)
class Area:
    """One area. ``wkb`` is its (multi)polygon in SWEREF 99 TM (EPSG:3006), ISO WKB."""

    code: str
    kind: str
    wkb: bytes
    name: str | None = None
    kommunkod: str | None = None
    population: int | None = None
    parent_code: str | None = None  # e.g. the RegSO of a DeSO
    source: str | None = None  # where it was imported from (file, layer or WFS)

    @property
    def label(self) -> str:
        return self.name or self.code


def rate_per_1000(count: int, population: int | None) -> float | None:
    """Events per 1,000 inhabitants; None when the population is unknown or zero."""
    if not population:
        return None
    return 1000.0 * count / population
