"""Hot spots of one period: counts per hexagon over the municipality and Gi* per cell.

``hotspots(x, y, boundary_wkt, cell_size)`` is the core (numpy in, a dataclass out);
``period_hotspots(frame, period, ...)`` applies the usual selection first (see
:mod:`.select`). The study area is every whole hexagon that intersects the boundary, so
empty cells count too: Gi* compares each neighbourhood with the whole municipality.

Without a boundary the study area is the convex hull of the period's incidents (all
categories, so a category's map has the same cells), widened by half a cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from ..constants import DEFAULT_CELL_SIZE_M
from ..i18n import translator
from .gistar import GI_CLASS_LABELS, GiStar, gi_star
from .hexgrid import HexGrid, convex_hull_wkt, grid_over_boundary
from .periods import Period
from .select import incident_mask

tr = translator("Analysis")

CELL_SIZE = float(DEFAULT_CELL_SIZE_M)


@dataclass(frozen=True)
class HotspotResult:
    """Per cell of ``grid``: count ``n`` and Gi* (``z``, ``p``, ``q``, ``gi_class``).

    ``incidents`` points were counted in cells, ``outside`` fell outside the study area and
    ``imprecise`` were left out for an imprecise location.
    """

    grid: HexGrid
    n: np.ndarray
    gi: GiStar
    incidents: int
    outside: int = 0
    imprecise: int = 0
    period: Period | None = None
    categories: tuple[str, ...] = ()
    boundary_source: str = ""  # "boundary" or "convex hull"
    extra: dict = field(default_factory=dict)

    @property
    def cell_size(self) -> float:
        return self.grid.size

    @property
    def z(self) -> np.ndarray:
        return self.gi.z

    @property
    def p(self) -> np.ndarray:
        return self.gi.p

    @property
    def q(self) -> np.ndarray:
        return self.gi.q

    @property
    def gi_class(self) -> np.ndarray:
        return self.gi.gi_class

    @property
    def labels(self) -> list[str]:
        return self.gi.labels

    def class_counts(self) -> dict[int, int]:
        return self.gi.class_counts()

    def summary(self) -> str:
        """One line for logs and feedback."""
        counts = self.class_counts()
        hot = sum(v for k, v in counts.items() if k > 0)
        cold = sum(v for k, v in counts.items() if k < 0)
        return tr("{cells} cells of {size} m, {incidents} incidents; {hot} hot spot cells, "
                  "{cold} cold cells ({classes})").format(
            cells=len(self.grid), size=f"{self.cell_size:g}", incidents=self.incidents,
            hot=hot, cold=cold,
            classes=", ".join(f"{GI_CLASS_LABELS[k]}: {v}" for k, v in counts.items() if v))


def hotspots(x: np.ndarray, y: np.ndarray, boundary_wkt: str | None,
             cell_size: float = CELL_SIZE, *, fdr: bool = True) -> HotspotResult:
    """Counts per hexagon over the boundary (EPSG:3006) and Gi* with FDR classes."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    source = "boundary"
    if not boundary_wkt:
        boundary_wkt = convex_hull_wkt(x, y, buffer=cell_size / 2)
        source = "convex hull"
    grid = grid_over_boundary(boundary_wkt, cell_size)
    n, outside = grid.counts(x, y)
    gi = gi_star(n, grid.neighbours(include_self=True), fdr=fdr)
    return HotspotResult(grid, n, gi, int(n.sum()), outside, boundary_source=source)


def period_hotspots(frame, period: Period | None, boundary_wkt: str | None = None,
                    cell_size: float = CELL_SIZE, *,
                    categories: Iterable[str] | None = None,
                    fdr: bool = True) -> HotspotResult:
    """Hot spots of the incidents in ``frame`` that occurred in ``period`` (all when None),
    optionally only some categories (category or subcategory codes). Without a boundary the
    grid covers the convex hull of all the period's precisely placed incidents."""
    cats = tuple(categories or ())
    wanted = incident_mask(frame, period, categories=cats)
    located = incident_mask(frame, None, precise_only=True)
    precise = wanted & located
    if not boundary_wkt and cats:
        # The same study area whatever the category: the hull of all the period's incidents.
        everything = located & incident_mask(frame, period)
        boundary_wkt = convex_hull_wkt(frame.x[everything], frame.y[everything],
                                       buffer=cell_size / 2)
    result = hotspots(frame.x[precise], frame.y[precise], boundary_wkt, cell_size, fdr=fdr)
    return HotspotResult(result.grid, result.n, result.gi, result.incidents, result.outside,
                         int(wanted.sum() - precise.sum()), period, cats,
                         result.boundary_source)
