"""Measures with known effects, for the demo and the tests.

A product of its own, apart from :func:`..generate`: the sample's incidents stay exactly as
they are; this adds measures and the incidents around them in which the effect is planted.

* "Ny belysning och röjning i Stadsparken" (lighting, a 250 m square): in the after window
  damage falls by 40 % (:data:`PLANTED_EFFECT`) and half of what was prevented happens in
  the 250 m ring around it instead (:data:`PLANTED_DISPLACED`) — a true WDQ of −0.5.
* "Kamerabevakning vid resecentrum" (cameras, a point): no effect at all.
* "Trygghetsvandring Västra" (dialogue, planned): not evaluated.
* with ``ongoing``: "Ökad närvaro vid resecentrum" (patrols at the station, ongoing since
  ``start``): the measure the demo's lägesbild shows as active in its period.

Counts follow ``profile`` (the kommun's daily level, mean 1) so that the comparison area's
seasons and trend are shared, as in a real kommun; ``background_per_day`` adds incidents
spread over the rest of a square around the places, for tests without the whole sample.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import numpy as np

from trygghet_plugin.domain.incident import Incident
from trygghet_plugin.domain.measure import FINISHED, ONGOING, PLANNED, Measure
from trygghet_plugin.domain.timeutil import STOCKHOLM

PLANTED_EFFECT = 0.6
PLANTED_DISPLACED = 0.5
WINDOW_DAYS = 56
#: Nässjö town (SWEREF 99 TM): the lit park north-west of the centre, the camera south-east.
PARK = (481_200.0, 6_390_700.0)
STATION = (482_600.0, 6_389_500.0)
PARK_SIDE = 250.0
CAMERA_RADIUS = 100.0
BUFFER = 250.0
SOURCE = "reports"


@dataclass
class MeasureSample:
    measures: list[Measure]
    incidents: list[Incident]
    #: uid -> (planted ratio of ratios, share of the prevented displaced to the buffer)
    planted: dict[str, tuple[float, float]] = field(default_factory=dict)


def _square(x: float, y: float, side: float) -> str:
    h = side / 2
    return (f"POLYGON (({x - h} {y - h}, {x + h} {y - h}, {x + h} {y + h}, {x - h} {y + h}, "
            f"{x - h} {y - h}))")


def _wkb(wkt: str) -> bytes:
    from osgeo import ogr

    return bytes(ogr.CreateGeometryFromWkt(wkt).ExportToIsoWkb())


def _in_square(rng, n, x, y, half):
    return x + rng.uniform(-half, half, n), y + rng.uniform(-half, half, n)


def _in_ring(rng, n, inside: Callable, outer_half: float, x: float, y: float):
    """n points uniform in the square of half-side ``outer_half`` minus ``inside``."""
    xs, ys = [np.zeros(0)], [np.zeros(0)]
    while sum(len(a) for a in xs) < n:
        px, py = _in_square(rng, 4 * n + 8, x, y, outer_half)
        keep = ~inside(px, py)
        xs.append(px[keep])
        ys.append(py[keep])
    return np.concatenate(xs)[:n], np.concatenate(ys)[:n]


def plant_measures(*, start: date, seed: int = 16, kommunkod: str = "0682",
                   profile: Callable[[date], float] | None = None,
                   target_per_day: float = 3.0, buffer_per_day: float = 1.0,
                   camera_per_day: float = 1.2, background_per_day: float = 0.0,
                   days: int = WINDOW_DAYS, ongoing: bool = False) -> MeasureSample:
    """The three measures (the finished ones ran ``days`` days from ``start``) and the
    incidents from a year before the before window to the end of the after window."""
    rng = np.random.default_rng(seed)
    level = profile or (lambda day: 1.0)
    end = start + timedelta(days=days - 1)
    park = Measure(uid="m-exempel-park", title="Ny belysning och röjning i Stadsparken",
                   type="belysning", status=FINISHED, start=start, end=end,
                   organisation="Nässjö kommun – gatuavdelningen",
                   categories=("skadegorelse",), kommunkod=kommunkod,
                   notes="Planterad effekt: −40 %, hälften flyttad till närområdet.",
                   wkb=_wkb(_square(*PARK, PARK_SIDE)), source="sample")
    camera = Measure(uid="m-exempel-kamera", title="Kamerabevakning vid resecentrum",
                     type="kamerabevakning", status=FINISHED, start=start, end=end,
                     organisation="Polisen", categories=("skadegorelse",),
                     kommunkod=kommunkod, notes="Planterad effekt: ingen.",
                     wkb=_wkb(f"POINT ({STATION[0]} {STATION[1]})"), source="sample")
    walk = Measure(uid="m-exempel-dialog", title="Trygghetsvandring Västra", type="dialog",
                   status=PLANNED, organisation="Nässjö kommun – säkerhetsenheten",
                   kommunkod=kommunkod, wkb=_wkb(_square(480_600.0, 6_390_200.0, 400.0)),
                   source="sample")
    first = start - timedelta(days=364 + days)
    after = (start, start + timedelta(days=days))
    half = PARK_SIDE / 2

    def in_park(px, py):
        return (np.abs(px - PARK[0]) <= half) & (np.abs(py - PARK[1]) <= half)

    def near_station(px, py):
        return np.hypot(px - STATION[0], py - STATION[1]) <= CAMERA_RADIUS

    incidents: list[Incident] = []
    day = first
    n = 0
    while day < after[1]:
        f = level(day)
        acting = after[0] <= day < after[1]
        prevented = target_per_day * f * (1 - PLANTED_EFFECT) if acting else 0.0
        places = []
        k = rng.poisson(target_per_day * f - prevented)
        places.append(_in_square(rng, k, *PARK, half))
        k = rng.poisson(buffer_per_day * f + prevented * PLANTED_DISPLACED)
        places.append(_in_ring(rng, k, in_park, half + BUFFER - 20, *PARK))
        k = rng.poisson(camera_per_day * f)
        r = CAMERA_RADIUS * np.sqrt(rng.uniform(0, 1, k))
        a = rng.uniform(0, 2 * np.pi, k)
        places.append((STATION[0] + r * np.cos(a), STATION[1] + r * np.sin(a)))
        k = rng.poisson(0.5 * f)  # the camera's surroundings
        places.append(_in_ring(rng, k, near_station, CAMERA_RADIUS + BUFFER - 20, *STATION))
        if background_per_day:
            k = rng.poisson(background_per_day * f)
            clear = 4000.0

            def near_any(px, py):
                return (np.hypot(px - PARK[0], py - PARK[1]) < half * 1.5 + BUFFER + 50) | \
                    (np.hypot(px - STATION[0], py - STATION[1]) < CAMERA_RADIUS + BUFFER + 50)

            places.append(_in_ring(rng, k, near_any, clear, *PARK))
        for xs, ys in places:
            for x, y in zip(xs.tolist(), ys.tolist()):
                n += 1
                # Local (Swedish) days, as the evaluation's windows count them.
                moment = (datetime.combine(day, time(0), tzinfo=STOCKHOLM) + timedelta(
                    minutes=int(rng.integers(6 * 60, 23 * 60)))).astimezone(timezone.utc)
                incidents.append(Incident(
                    SOURCE, f"atg-{seed}-{n:06d}", "skadegorelse", round(x, 1), round(y, 1),
                    moment, subcategory="klotter", reported_at=moment,
                    location_precision="exact", kommunkod=kommunkod,
                    reporter_org="Nässjö kommun – gatuavdelningen"))
        day += timedelta(days=1)
    planted = [park, camera, walk]
    if ongoing:  # no incidents of its own: it is there to be seen, not evaluated
        planted.append(Measure(
            uid="m-exempel-narvaro", title="Ökad närvaro vid resecentrum", type="narvaro",
            status=ONGOING, start=start, organisation="Polisen", kommunkod=kommunkod,
            wkb=_wkb(f"POINT ({STATION[0]} {STATION[1]})"), source="sample"))
    return MeasureSample(planted, incidents,
                         {park.uid: (PLANTED_EFFECT, PLANTED_DISPLACED), camera.uid: (1.0, 0.0)})


def report_profile(sample, category: str = "Skadegörelse", smooth_days: int = 28
                   ) -> Callable[[date], float]:
    """The daily level (mean 1) of the sample's reports of one category, smoothed over
    ``smooth_days``: what the planted places share with the rest of the kommun."""
    from .profiles import KEYS

    keys = np.array([k.category == category for k in KEYS])
    reports = sample.reports
    days = (reports.occurred_at[keys[reports.key]] // 86400).astype(np.int64)
    first, last = int(days.min()), int(days.max())
    daily = np.bincount(days - first, minlength=last - first + 1).astype(float)
    kernel = np.ones(smooth_days) / smooth_days
    smooth = np.convolve(np.pad(daily, smooth_days // 2, mode="edge"), kernel, "same")
    smooth = smooth[smooth_days // 2: smooth_days // 2 + daily.size]
    smooth /= smooth.mean()
    epoch = date(1970, 1, 1)

    def level(day: date) -> float:
        i = (day - epoch).days - first
        return float(smooth[min(max(i, 0), smooth.size - 1)])

    return level


#: File names of the measure sample (next to the sample's own files).
MEASURE_FILES = {"measure_incidents": "atgarder_handelser.csv", "measures": "atgarder.csv"}


def write_measure_sample(out_dir: Path, planted: MeasureSample) -> dict[str, Path]:
    """The planted incidents as a collection-service export (CSV, Swedish time, SWEREF 99
    TM) and the measures as a planner's CSV, as ``syncreports SOURCE=file`` and
    ``importmeasures`` read them."""
    import csv

    from osgeo import ogr

    from trygghet_plugin.domain.measure import STATUS_LABELS, MeasureTypes

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {name: out_dir / file for name, file in MEASURE_FILES.items()}
    with open(paths["measure_incidents"], "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["id", "kategori", "underkategori", "tidpunkt", "n", "e",
                         "organisation"])
        for i in planted.incidents:
            local = i.occurred_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")
            writer.writerow([i.source_id, "Skadegörelse", "Klotter", local, f"{i.y:.1f}",
                             f"{i.x:.1f}", i.reporter_org])
    types = MeasureTypes.load()
    with open(paths["measures"], "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["id", "titel", "typ", "status", "start", "slut", "ansvarig",
                         "kategorier", "anteckningar", "kommunkod", "wkt"])
        for m in planted.measures:
            writer.writerow([m.uid, m.title, types.label(m.type), STATUS_LABELS[m.status][0],
                             m.start.isoformat() if m.start else "",
                             m.end.isoformat() if m.end else "", m.organisation or "",
                             ";".join(m.categories), m.notes or "", m.kommunkod or "",
                             ogr.CreateGeometryFromWkb(m.wkb).ExportToIsoWkt()])
    return paths
