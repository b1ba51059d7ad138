"""Counts, rates, period comparisons and hotspots: plain Python and numpy, no QGIS.

Inputs are numpy columns (the store's :class:`~trygghet_plugin.store.base.IncidentFrame`, or
plain x/y/time arrays); outputs are frozen dataclasses. Layers, layouts, docks and Processing
algorithms call these functions and compute nothing themselves.

========================  ======================================================================
periods                   :class:`Period`, 14-day periods on ISO weeks, tertials, UTC bounds
select                    which incidents count (not deleted, by occurred_at, precise points)
figures                   :func:`period_figures` -> :class:`PeriodFigures` of :class:`Figure`
change                    :class:`Change`: exact Poisson test and Benjamini-Hochberg FDR
hexgrid                   :class:`HexGrid` over the municipality (cell size = flat-to-flat)
gistar                    Getis-Ord Gi* z, p, q and the classes -3..3
hotspots                  :func:`period_hotspots` -> :class:`HotspotResult`
emerging                  :func:`period_emerging` -> :class:`EmergingResult` (Mann-Kendall)
density                   :func:`kernel_density` -> :class:`DensityRaster`, GeoTIFF writer
areas                     :func:`assign_areas`, :func:`kommun_boundary_wkt`
errors                    :class:`AnalysisError`: inputs a user can fix
stats                     normal tail, exact binomial/Poisson tests, BH, Mann-Kendall
========================  ======================================================================
"""

from .areas import assign_areas, kommun_boundary_wkt
from .change import Change, adjust, compare_counts
from .density import DensityRaster, kernel_density, period_density, write_geotiff
from .emerging import EMERGING_LABELS, EmergingResult, emerging_hotspots, period_emerging
from .errors import AnalysisError
from .figures import Figure, OrganisationFigure, PeriodFigures, category_labels, period_figures
from .gistar import GI_CLASS_COLORS, GI_CLASS_LABELS, GiStar, gi_star
from .hexgrid import HexGrid, grid_over_boundary
from .hotspots import HotspotResult, hotspots, period_hotspots
from .periods import (
    Period,
    PeriodError,
    last_complete_period,
    last_complete_tertial,
    parse_tertial,
    period_containing,
    period_ending,
    periods_back,
    tertial,
)
from .select import incident_mask, load_frame

__all__ = [
    "EMERGING_LABELS", "GI_CLASS_COLORS", "GI_CLASS_LABELS", "AnalysisError", "Change",
    "DensityRaster", "EmergingResult", "Figure", "GiStar", "HexGrid", "HotspotResult",
    "OrganisationFigure", "Period", "PeriodError", "PeriodFigures", "adjust", "assign_areas",
    "category_labels", "compare_counts", "emerging_hotspots", "gi_star", "grid_over_boundary",
    "hotspots", "incident_mask", "kernel_density", "kommun_boundary_wkt",
    "last_complete_period", "last_complete_tertial", "load_frame", "parse_tertial",
    "period_containing", "period_density", "period_emerging", "period_ending",
    "period_figures", "period_hotspots", "periods_back", "tertial", "write_geotiff",
]
