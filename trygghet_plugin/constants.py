"""The plugin's one place for values several modules share: the reference system, the
sources' names, the default grid, Sweden's extent. Plain Python; imports nothing of the
project, so every layer (domain and analysis too) can use it."""

from __future__ import annotations

#: The store, the layers and the printed maps: SWEREF 99 TM throughout.
SWEREF99TM_EPSG = 3006
SWEREF99TM = f"EPSG:{SWEREF99TM_EPSG}"

#: Names of the sources in the incidents' ``source`` column (and the first part of a uid).
REPORTS_SOURCE = "reports"
POLICE_SOURCE = "police"

#: Hexagon size (flat side to flat side, metres) of the hot spot and "unusual now" grids
#: when the user has not chosen one: 144 m sides, 5.4 ha per cell.
DEFAULT_CELL_SIZE_M = 250

#: Sweden's extent with a margin, to tell coordinate systems apart and catch a point in the
#: wrong one: SWEREF 99 TM (min E, max E, min N, max N), WGS 84 latitude and longitude, and
#: the easting of the older RT 90 (its northing is SWEREF's).
SWEREF_BOUNDS = (180_000.0, 1_000_000.0, 6_100_000.0, 7_700_000.0)
WGS84_LAT = (54.5, 69.5)
WGS84_LON = (10.0, 24.5)
RT90_EAST = (1_100_000.0, 1_950_000.0)
