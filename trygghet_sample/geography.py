"""The sample kommun's geography: boundary, towns and a made-up DeSO-like partition.

Everything here is fixed (independent of the generator's seed): the municipality is the same
place in every sample, only the reports differ. Work is in SWEREF 99 TM (EPSG:3006).

The areas are Voronoi cells around seeds (many in Nässjö town, one or two per smaller town,
a few spread over the countryside) clipped to the kommun boundary, so they tile it without gaps
or overlaps, and a point belongs to the area of its nearest seed.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from osgeo import ogr, osr

from trygghet_plugin import paths

ogr.UseExceptions()
osr.UseExceptions()

KOMMUNKOD = "0682"
KOMMUN_NAME = "Nässjö"
POPULATION = 31_615

_RURAL_SEEDS = 8
_POPULATION_DRAWS = 200_000


@dataclass(frozen=True)
class Town:
    name: str
    x: float
    y: float
    population: int
    spread: float
    deso: int
    streets: tuple[str, ...]


@dataclass(frozen=True)
class SampleArea:
    """One DeSO-like area (EPSG:3006 WKT)."""

    code: str
    name: str
    regso_code: str
    regso_name: str
    population: int
    wkt: str


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    # x = easting/longitude first everywhere, whatever the EPSG axis order says
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


@cache
def sweref() -> osr.SpatialReference:
    return _srs(3006)


@cache
def _to_sweref() -> osr.CoordinateTransformation:
    return osr.CoordinateTransformation(_srs(4326), sweref())


@cache
def _to_lonlat() -> osr.CoordinateTransformation:
    return osr.CoordinateTransformation(sweref(), _srs(4326))


def _transform(ct: osr.CoordinateTransformation, a: np.ndarray,
               b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    out = np.empty((a.size, 2))
    step = 200_000
    for lo in range(0, a.size, step):
        chunk = np.column_stack((a[lo:lo + step], b[lo:lo + step]))
        out[lo:lo + step] = np.asarray(ct.TransformPoints(chunk))[:, :2]
    return out[:, 0], out[:, 1]


def to_sweref(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return _transform(_to_sweref(), lon, lat)


def to_lonlat(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return _transform(_to_lonlat(), x, y)


def _points_in_rings(x: np.ndarray, y: np.ndarray, rings: list[np.ndarray]) -> np.ndarray:
    """Even-odd ray casting, vectorised over the points (holes work as well)."""
    inside = np.zeros(x.shape, dtype=bool)
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring[:-1].tolist(), ring[1:].tolist()):
            if y1 == y2:
                continue
            crosses = (y1 > y) != (y2 > y)
            x_cross = x1 + (y - y1) * ((x2 - x1) / (y2 - y1))
            inside ^= crosses & (x < x_cross)
    return inside


def _clip_half_plane(poly: list[tuple[float, float]], px: float, py: float, nx: float,
                     ny: float) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: keep the part of a convex polygon where (p - P) . n <= 0."""
    out: list[tuple[float, float]] = []
    for i, cur in enumerate(poly):
        prev = poly[i - 1]
        d_cur = (cur[0] - px) * nx + (cur[1] - py) * ny
        d_prev = (prev[0] - px) * nx + (prev[1] - py) * ny
        if (d_cur <= 0) != (d_prev <= 0):
            t = d_prev / (d_prev - d_cur)
            out.append((prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])))
        if d_cur <= 0:
            out.append(cur)
    return out


def _voronoi_cell(seeds: np.ndarray, i: int, frame: tuple[float, float, float, float]):
    x0, x1, y0, y1 = frame
    poly = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    sx, sy = seeds[i]
    for j, (tx, ty) in enumerate(seeds.tolist()):
        if j != i:
            poly = _clip_half_plane(poly, (sx + tx) / 2, (sy + ty) / 2, tx - sx, ty - sy)
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for px, py in poly + poly[:1]:
        ring.AddPoint_2D(px, py)
    cell = ogr.Geometry(ogr.wkbPolygon)
    cell.AddGeometry(ring)
    return cell


def _polygonal(geom: ogr.Geometry) -> ogr.Geometry:
    """The polygon parts of an intersection result, as one MultiPolygon."""
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    flat = ogr.GT_Flatten(geom.GetGeometryType())
    if flat == ogr.wkbPolygon:
        multi.AddGeometry(geom)
    elif flat in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for k in range(geom.GetGeometryCount()):
            part = geom.GetGeometryRef(k)
            if ogr.GT_Flatten(part.GetGeometryType()) == ogr.wkbPolygon:
                multi.AddGeometry(part)
    return multi


_OCTANTS = ("öst", "nordost", "norr", "nordväst", "väst", "sydväst", "syd", "sydost")


def _direction(dx: float, dy: float) -> str:
    return _OCTANTS[round(math.atan2(dy, dx) / (math.pi / 4)) % 8]


class Geography:
    """Boundary, towns and areas of the sample kommun, with vectorised point lookups."""

    def __init__(self) -> None:
        source = json.loads(paths.resource("sample", "nassjo_kommun_boundary.geojson")
                            .read_text(encoding="utf-8"))
        geometry = source["features"][0]["geometry"] if "features" in source else source
        boundary = ogr.CreateGeometryFromJson(json.dumps(geometry))
        boundary.Transform(_to_sweref())
        self.boundary = boundary
        self.boundary_wkt: str = boundary.ExportToWkt()
        self.envelope = boundary.GetEnvelope()  # (minx, maxx, miny, maxy)
        self._rings = self._rings_of(boundary)
        self.towns = self._load_towns()
        self.nassjo = self.towns[0]
        seeds, meta = self._seeds()
        self.seeds = seeds
        self.areas = self._areas(seeds, meta)
        self.area_codes = tuple(a.code for a in self.areas)

    @staticmethod
    def _rings_of(geom: ogr.Geometry) -> list[np.ndarray]:
        rings = []
        polys = ([geom] if ogr.GT_Flatten(geom.GetGeometryType()) == ogr.wkbPolygon
                 else [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())])
        for poly in polys:
            for k in range(poly.GetGeometryCount()):
                rings.append(np.array(poly.GetGeometryRef(k).GetPoints())[:, :2])
        return rings

    def _load_towns(self) -> tuple[Town, ...]:
        data = json.loads(paths.resource("sample", "towns.json").read_text(encoding="utf-8"))
        lon = np.array([t["lon"] for t in data["towns"]])
        lat = np.array([t["lat"] for t in data["towns"]])
        xs, ys = to_sweref(lon, lat)
        towns = []
        for item, tx, ty in zip(data["towns"], xs.tolist(), ys.tolist()):
            if not self.contains(np.array([tx]), np.array([ty]))[0]:
                raise ValueError(f"town {item['name']} lies outside the kommun boundary")
            towns.append(Town(item["name"], tx, ty, int(item["population"]),
                              float(item["spread_m"]), int(item["deso"]), tuple(item["streets"])))
        return tuple(towns)

    def contains(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """True where a point (EPSG:3006) lies inside the kommun boundary."""
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        minx, maxx, miny, maxy = self.envelope
        box = (x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy)
        result = np.zeros(x.shape, dtype=bool)
        if box.any():
            result[box] = _points_in_rings(x[box], y[box], self._rings)
        return result

    def area_index(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Index into ``areas`` of the area holding each point (nearest seed = Voronoi cell)."""
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        best = np.zeros(x.shape, dtype=np.int16)
        best_d = np.full(x.shape, np.inf)
        for i, (sx, sy) in enumerate(self.seeds.tolist()):
            d = (x - sx) ** 2 + (y - sy) ** 2
            closer = d < best_d
            best[closer] = i
            best_d = np.where(closer, d, best_d)
        return best

    def uniform_points(self, rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Points spread evenly over the kommun (reject and redraw outside the boundary)."""
        minx, maxx, miny, maxy = self.envelope
        x = np.empty(n)
        y = np.empty(n)
        todo = np.arange(n)
        while todo.size:
            x[todo] = rng.uniform(minx, maxx, todo.size)
            y[todo] = rng.uniform(miny, maxy, todo.size)
            todo = todo[~self.contains(x[todo], y[todo])]
        return x, y

    # -- the partition --------------------------------------------------------------------

    def _seeds(self) -> tuple[np.ndarray, list[tuple[str, str, str]]]:
        """Seed points and, for each, (kind letter, area name, RegSO name)."""
        seeds: list[tuple[float, float]] = []
        meta: list[tuple[str, str, str]] = []
        town = self.nassjo
        seeds.append((town.x, town.y))
        meta.append(("C", "Nässjö centrum", "Nässjö centrum"))
        for k in range(5):
            a = math.pi / 2 + k * 2 * math.pi / 5
            seeds.append((town.x + 700 * math.cos(a), town.y + 700 * math.sin(a)))
            meta.append(("C", f"Nässjö centrum {_direction(math.cos(a), math.sin(a))}",
                         "Nässjö centrum"))
        for k in range(7):
            a = math.radians(20) + k * 2 * math.pi / 7
            seeds.append((town.x + 1800 * math.cos(a), town.y + 1800 * math.sin(a)))
            regso = "Nässjö norra" if math.sin(a) > 0 else "Nässjö södra"
            meta.append(("C", f"Nässjö {_direction(math.cos(a), math.sin(a))}", regso))
        regso_of = {"Anneberg": "Anneberg-Grimstorp", "Grimstorp": "Anneberg-Grimstorp",
                    "Ormaryd": "Solberga-Ormaryd", "Solberga": "Solberga-Ormaryd"}
        for town in self.towns[1:]:
            regso = regso_of.get(town.name, town.name)
            if town.deso == 1:
                seeds.append((town.x, town.y))
                meta.append(("B", town.name, regso))
                continue
            for k in range(town.deso):
                a = k * 2 * math.pi / town.deso
                seeds.append((town.x + 400 * math.cos(a), town.y + 400 * math.sin(a)))
                meta.append(("B", f"{town.name} {_direction(math.cos(a), math.sin(a))}", regso))
        rural = self._rural_seeds(np.array(seeds))
        centre = self.boundary.Centroid()
        used: dict[str, int] = {}
        for rx, ry in rural.tolist():
            name = f"Landsbygd {_direction(rx - centre.GetX(), ry - centre.GetY())}"
            used[name] = used.get(name, 0) + 1
            if used[name] > 1:
                name = f"{name} {used[name]}"
            regso = "Norra landsbygden" if ry > self.nassjo.y - 3000 else "Södra landsbygden"
            seeds.append((rx, ry))
            meta.append(("A", name, regso))
        return np.array(seeds), meta

    def _rural_seeds(self, taken: np.ndarray) -> np.ndarray:
        """Farthest-point picks on an interior grid, so the countryside is covered evenly."""
        minx, maxx, miny, maxy = self.envelope
        gx, gy = np.meshgrid(np.arange(minx, maxx, 500.0), np.arange(miny, maxy, 500.0))
        gx, gy = gx.ravel(), gy.ravel()
        keep = self.contains(gx, gy)
        gx, gy = gx[keep], gy[keep]
        # stay well away from the border so each rural cell is a compact piece of land
        edge = np.full(gx.shape, np.inf)
        for ring in self._rings:
            for (x1, y1), (x2, y2) in zip(ring[:-1].tolist(), ring[1:].tolist()):
                dx, dy = x2 - x1, y2 - y1
                t = np.clip(((gx - x1) * dx + (gy - y1) * dy) / (dx * dx + dy * dy), 0, 1)
                edge = np.minimum(edge, np.hypot(gx - x1 - t * dx, gy - y1 - t * dy))
        keep = edge > 2500
        gx, gy = gx[keep], gy[keep]
        nearest = np.min(np.hypot(gx[:, None] - taken[:, 0], gy[:, None] - taken[:, 1]), axis=1)
        picks = []
        for _ in range(_RURAL_SEEDS):
            i = int(np.argmax(nearest))
            picks.append((gx[i], gy[i]))
            nearest = np.minimum(nearest, np.hypot(gx - gx[i], gy - gy[i]))
        return np.array(picks)

    def _areas(self, seeds: np.ndarray, meta: list[tuple[str, str, str]]) -> tuple[SampleArea,
                                                                                     ...]:
        minx, maxx, miny, maxy = self.envelope
        frame = (minx - 10_000, maxx + 10_000, miny - 10_000, maxy + 10_000)
        wkts = []
        for i in range(len(seeds)):
            cell = _polygonal(_voronoi_cell(seeds, i, frame).Intersection(self.boundary))
            if cell.IsEmpty():
                raise ValueError(f"area seed {i} gives an empty area")
            wkts.append(cell.ExportToWkt())
        population = self._population(seeds)
        regso_names: list[str] = []
        for _, _, regso in meta:
            if regso not in regso_names:
                regso_names.append(regso)
        counters = {"A": 0, "B": 0, "C": 100}
        areas = []
        for (kind, name, regso), wkt, pop in zip(meta, wkts, population.tolist()):
            counters[kind] += 1
            code = f"{KOMMUNKOD}{kind}{counters[kind] * 10:04d}"
            regso_code = f"{KOMMUNKOD}R{regso_names.index(regso) + 1:03d}"
            areas.append(SampleArea(code, name, regso_code, regso, int(pop), wkt))
        return tuple(areas)

    def _population(self, seeds: np.ndarray) -> np.ndarray:
        """Residents per area: dense around town centres, thin in the countryside, exact sum."""
        rng = np.random.default_rng(682)
        town_total = sum(t.population for t in self.towns)
        counts = np.zeros(len(seeds))
        for town in self.towns:
            n = int(_POPULATION_DRAWS * town.population / POPULATION)
            x, y = self.scatter(rng, np.full(n, town.x), np.full(n, town.y),
                                np.full(n, town.spread))
            counts += np.bincount(self._nearest(seeds, x, y), minlength=len(seeds))
        n = int(_POPULATION_DRAWS * (POPULATION - town_total) / POPULATION)
        x, y = self.uniform_points(rng, n)
        counts += np.bincount(self._nearest(seeds, x, y), minlength=len(seeds))
        share = counts / counts.sum() * POPULATION
        whole = np.floor(share).astype(np.int64)
        rest = POPULATION - int(whole.sum())
        whole[np.argsort(-(share - whole), kind="stable")[:rest]] += 1
        return whole

    @staticmethod
    def _nearest(seeds: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        d = (x[:, None] - seeds[:, 0]) ** 2 + (y[:, None] - seeds[:, 1]) ** 2
        return np.argmin(d, axis=1)

    def scatter(self, rng: np.random.Generator, cx: np.ndarray, cy: np.ndarray,
                spread: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Gaussian points around centres, redrawn until every one is inside the kommun."""
        x = np.empty(cx.size)
        y = np.empty(cx.size)
        todo = np.arange(cx.size)
        while todo.size:
            x[todo] = cx[todo] + rng.normal(0, 1, todo.size) * spread[todo]
            y[todo] = cy[todo] + rng.normal(0, 1, todo.size) * spread[todo]
            todo = todo[~self.contains(x[todo], y[todo])]
        return x, y


@lru_cache(maxsize=1)
def geography() -> Geography:
    """The one shared geography (building it takes a fraction of a second)."""
    return Geography()
