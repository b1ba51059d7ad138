"""Did a measure work? Before and after, in the target area, around it and elsewhere.

The design follows the crime-prevention evaluations the EST way of working refers to:

* **Windows.** The measure's own period (at least :data:`MIN_WINDOW_DAYS`, starting on its
  first day) is the *after* window; the same number of days just before the start is the
  *before* window. The same two windows 52 weeks earlier (the same weekdays) are the
  seasonal match: what the same step from before to after looked like a year earlier,
  without the measure.
* **Zones.** The target area R is where the measure acts (a point or a line acts on the area
  within :data:`POINT_RADIUS_M` of it); the buffer D is the ring :data:`BUFFER_M` wide
  around R, where crime may move (displacement) or also fall (diffusion of benefit); the
  comparison area C is the rest of the kommun outside R and D (or a chosen similar area
  outside them) and outside other measures' places, which carries what changed everywhere
  (season, trend, a new reporter).
* **Weighted Displacement Quotient** (Bowers, K. J. & Johnson, S. D. (2003). Measuring the
  geographical displacement and diffusion of benefit effects of crime prevention activity.
  *Journal of Quantitative Criminology* 19(3), 275–301), with their definitions, subscript
  b before and a after::

      success measure                 SM  = Ra/Ca − Rb/Cb         (< 0: the target improved
                                                                   relative to the control)
      buffer displacement measure     BDM = Da/Ca − Db/Cb         (> 0: displacement,
                                                                   < 0: diffusion of benefit)
      WDQ = BDM / SM

  Bowers & Johnson read the WDQ only when SM < 0 (the measure succeeded): WDQ > 1 diffusion
  of benefit greater than the direct effect; 0 < WDQ ≤ 1 diffusion smaller than the direct
  effect; WDQ = 0 neither; −1 ≤ WDQ < 0 displacement smaller than the direct effect (a net
  gain); WDQ < −1 displacement greater than the direct effect (a net loss).
* **Effect.** The ratio of ratios (Ra/Rb) / (Ca/Cb) — Farrington's relative effect size
  turned upside down, so 0.6 reads "40 % fewer than expected from the comparison area". Its
  log has the Poisson variance 1/Ra + 1/Rb + 1/Ca + 1/Cb (Farrington, D. P. & Welsh, B. C.
  (2002), *Improved street lighting and crime prevention*, Justice Quarterly 19(2)), which
  understates the noise of incident counts; each zone's part is multiplied by that zone's
  quasi-Poisson dispersion φ (Pearson χ² over degrees of freedom of its weekly counts around
  each window's mean, never below 1), and the 95 % interval uses Student's t with the
  target's degrees of freedom (φ is itself estimated). A zero count adds ½ to all four.
* **Verdict**, in plain words: too few incidents in the target (fewer than
  :data:`MIN_TARGET_EVENTS` before and after together) is not judged; a decrease is called
  so only when the whole interval lies below 1 and the seasonal match does not show the
  same fall a year earlier without the measure; the buffer's own ratio of ratios (its
  interval above or below 1) says whether incidents probably moved there or fell there too.

Numpy and OGR only (no scipy at run time).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from ..domain.measure import Measure
from ..i18n import translator
from .areas import _geometry, _rings, points_in_rings
from .errors import AnalysisError
from .periods import Period, local_midnight_utc, utc64

tr = translator("Analysis")

BUFFER_M = 250.0
POINT_RADIUS_M = 100.0
MIN_WINDOW_DAYS = 28
MIN_TARGET_EVENTS = 10
YEAR_DAYS = 364
Z_975 = 1.959963984540054

TARGET, BUFFER, COMPARISON = 0, 1, 2
BEFORE, AFTER, BEFORE_YEAR, AFTER_YEAR = 0, 1, 2, 3

# Verdict codes, as stored on the measure.
DECREASED = "decreased"
DECREASED_DIFFUSION = "decreased_diffusion"
DECREASED_PARTLY_DISPLACED = "decreased_partly_displaced"
DISPLACED = "displaced"
INCREASED = "increased"
NO_CHANGE = "no_change"
TOO_FEW = "too_few"
NOT_OVER = "not_over"
#: Verdicts that say the measure worked in its target area.
EFFECTIVE = (DECREASED, DECREASED_DIFFUSION, DECREASED_PARTLY_DISPLACED)


def verdict_text(code: str | None) -> str:
    """The verdict in plain words (Swedish in the Swedish UI)."""
    texts = {
        DECREASED: tr("decreased"),
        DECREASED_DIFFUSION: tr("decreased, also in the surroundings"),
        DECREASED_PARTLY_DISPLACED: tr("decreased, but some probably moved to the "
                                       "surroundings"),
        DISPLACED: tr("probably moved to the surroundings"),
        INCREASED: tr("increased"),
        NO_CHANGE: tr("no certain change"),
        TOO_FEW: tr("too few incidents to judge"),
        NOT_OVER: tr("the period after is not over yet"),
    }
    return texts.get(code or "", code or "")


# -- statistics ---------------------------------------------------------------------------
def t_quantile_975(df: float) -> float:
    """The 97.5 % quantile of Student's t with ``df`` degrees of freedom (Cornish–Fisher
    expansion in 1/df; within 0.005 of the exact value at 3 degrees of freedom, 0.001 from
    4 up; an evaluation has at least 6)."""
    if not math.isfinite(df) or df > 1e6:
        return Z_975
    z = Z_975
    g1 = (z ** 3 + z) / 4.0
    g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96.0
    g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384.0
    g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160.0
    v = max(float(df), 1.0)
    return z + g1 / v + g2 / v ** 2 + g3 / v ** 3 + g4 / v ** 4


@dataclass(frozen=True)
class WdqParts:
    """Bowers & Johnson's (2003) success measure, buffer displacement measure and WDQ
    (None where a denominator is zero)."""

    success: float | None
    buffer_displacement: float | None
    wdq: float | None

    @property
    def readable_wdq(self) -> float | None:
        """The WDQ where Bowers & Johnson read it: only when the target improved (SM < 0)."""
        return self.wdq if self.success is not None and self.success < 0 else None


def weighted_displacement(rb: float, ra: float, db: float, da: float, cb: float, ca: float
                          ) -> WdqParts:
    """WDQ = (Da/Ca − Db/Cb) / (Ra/Ca − Rb/Cb), Bowers & Johnson (2003)."""
    if cb <= 0 or ca <= 0:
        return WdqParts(None, None, None)
    success = ra / ca - rb / cb
    bdm = da / ca - db / cb
    wdq = bdm / success if success != 0 else None
    return WdqParts(success, bdm, wdq)


def dispersion(bins: np.ndarray, bin_days: np.ndarray) -> tuple[float, int]:
    """Quasi-Poisson dispersion φ (at least 1) of one zone's counts, windows × bins, around
    each window's mean rate (bins may differ in length), and its degrees of freedom."""
    bins = np.asarray(bins, dtype=float)
    share = np.asarray(bin_days, dtype=float) / float(np.sum(bin_days))
    expected = bins.sum(axis=1, keepdims=True) * share[None, :]
    used = bins.sum(axis=1) > 0
    df = int(used.sum() * (bins.shape[1] - 1))
    if df <= 0:
        return 1.0, 0
    e = expected[used]
    pearson = float((((bins[used] - e) ** 2) / e).sum())
    return max(1.0, pearson / df), df


@dataclass(frozen=True)
class RatioEstimate:
    """(Xa/Xb) / (Ca/Cb) with its 95 % interval."""

    ratio: float
    low: float
    high: float
    df: int

    @property
    def below_one(self) -> bool:
        return self.high < 1.0

    @property
    def above_one(self) -> bool:
        return self.low > 1.0


def ratio_of_ratios(xb: float, xa: float, cb: float, ca: float, phi_x: float, phi_c: float,
                    df: int) -> RatioEstimate:
    """The ratio of ratios of zone X against the comparison C, with an interval whose
    variance is each zone's Poisson variance times its dispersion."""
    cells = np.array([xb, xa, cb, ca], dtype=float)
    if (cells == 0).any():
        cells = cells + 0.5  # Haldane: a zero count still gives a (wide) finite interval
    xb, xa, cb, ca = cells
    log_ratio = math.log((xa / xb) / (ca / cb))
    se = math.sqrt(phi_x * (1 / xa + 1 / xb) + phi_c * (1 / ca + 1 / cb))
    t = t_quantile_975(df) if df > 0 else Z_975
    return RatioEstimate(math.exp(log_ratio), math.exp(log_ratio - t * se),
                         math.exp(log_ratio + t * se), int(df))


# -- the evaluation of counts -------------------------------------------------------------
@dataclass(frozen=True)
class Evaluation:
    """One measure's evaluation. ``counts`` is zones (target, buffer, comparison) ×
    windows (before, after, before a year earlier, after a year earlier)."""

    verdict: str
    counts: np.ndarray
    wdq: WdqParts = WdqParts(None, None, None)
    effect: RatioEstimate | None = None
    buffer_effect: RatioEstimate | None = None
    seasonal_effect: RatioEstimate | None = None
    dispersion: tuple[float, float, float] = (1.0, 1.0, 1.0)
    windows: Windows | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def verdict_text(self) -> str:
        return verdict_text(self.verdict)

    @property
    def effective(self) -> bool:
        return self.verdict in EFFECTIVE

    def count(self, zone: int, window: int) -> int:
        return int(self.counts[zone, window])


def evaluate_counts(bins: np.ndarray, bin_days: Sequence[int] | np.ndarray,
                    seasonal: bool = True, min_events: int = MIN_TARGET_EVENTS
                    ) -> Evaluation:
    """Judge a measure from its binned counts: ``bins`` is zones (target, buffer,
    comparison) × windows (before, after, and with ``seasonal`` the same two a year
    earlier) × bins of ``bin_days`` days (about a week each)."""
    bins = np.asarray(bins, dtype=float)
    if bins.shape[1] < 4:
        bins = np.concatenate([bins, np.zeros((3, 4 - bins.shape[1], bins.shape[2]))], axis=1)
        seasonal = False
    counts = bins.sum(axis=2)
    (rb, ra, rby, ray), (db, da, dby, day), (cb, ca, cby, cay) = counts.tolist()
    windows = slice(0, 4) if seasonal else slice(0, 2)
    phis = [dispersion(bins[z, windows], bin_days) for z in (TARGET, BUFFER, COMPARISON)]
    (phi_r, df_r), (phi_d, df_d), (phi_c, _) = phis
    phi = (phi_r, phi_d, phi_c)
    parts = weighted_displacement(rb, ra, db, da, cb, ca)
    if rb + ra < min_events or cb == 0 or ca == 0:
        return Evaluation(TOO_FEW, counts, parts, dispersion=phi, notes=(tr(
            "{n} incidents in the target area before and after together; at least {min} are "
            "needed to judge.").format(n=int(rb + ra), min=min_events),))
    effect = ratio_of_ratios(rb, ra, cb, ca, phi_r, phi_c, df_r)
    buffer_effect = (ratio_of_ratios(db, da, cb, ca, phi_d, phi_c, df_d)
                     if db + da >= min_events else None)
    seasonal_effect = (ratio_of_ratios(rby, ray, cby, cay, phi_r, phi_c, df_r)
                       if seasonal and rby + ray >= min_events and cby and cay else None)
    notes: list[str] = []
    if effect.below_one:
        if seasonal_effect is not None and seasonal_effect.below_one:
            verdict = NO_CHANGE
            notes.append(tr("The same weeks a year earlier, without the measure, show a like "
                            "fall in the target area: the fall is probably seasonal."))
        elif buffer_effect is not None and buffer_effect.above_one:
            displaced_all = parts.wdq is not None and parts.wdq < -1.0
            verdict = DISPLACED if displaced_all else DECREASED_PARTLY_DISPLACED
        elif buffer_effect is not None and buffer_effect.below_one:
            verdict = DECREASED_DIFFUSION
        else:
            verdict = DECREASED
    elif effect.above_one:
        verdict = INCREASED
    else:
        verdict = NO_CHANGE
    return Evaluation(verdict, counts, parts, effect, buffer_effect, seasonal_effect, phi,
                      notes=tuple(notes))


# -- windows, zones and counting incidents -------------------------------------------------
@dataclass(frozen=True)
class Windows:
    before: Period
    after: Period
    before_year: Period
    after_year: Period

    def all(self) -> tuple[Period, Period, Period, Period]:
        return self.before, self.after, self.before_year, self.after_year


def evaluation_windows(start: date, end: date | None, days: int | None = None) -> Windows:
    """The after window starts on the measure's first day and lasts ``days`` (default: the
    measure's own length, at least :data:`MIN_WINDOW_DAYS`); the before window is as long,
    just before it; both again 52 weeks earlier."""
    if days is None:
        length = (end - start).days + 1 if end is not None else MIN_WINDOW_DAYS
        days = max(length, MIN_WINDOW_DAYS)
    if days < 14:
        raise AnalysisError(tr("An evaluation window must be at least 14 days (two weeks of "
                               "counts to measure the noise)."))
    after = Period(start, start + timedelta(days=days))
    before = Period(start - timedelta(days=days), start)
    shift = timedelta(days=YEAR_DAYS)
    return Windows(before, after, Period(before.start - shift, before.end - shift),
                   Period(after.start - shift, after.end - shift))


def window_bins(period: Period) -> list[tuple[date, date]]:
    """About-a-week bins of a window (whole days; the last days spread over the bins)."""
    n = max(2, period.days // 7)
    edges = np.round(np.linspace(0, period.days, n + 1)).astype(int)
    return [(period.start + timedelta(days=int(a)), period.start + timedelta(days=int(b)))
            for a, b in zip(edges[:-1], edges[1:])]


@dataclass(frozen=True)
class Zones:
    """The target, buffer and comparison areas as OGR geometries (comparison None: every
    place outside the target and the buffer)."""

    target: object
    buffer: object
    comparison: object | None
    excluded: object | None = None  # other measures' places: not part of the comparison

    def wkt(self) -> tuple[str, str, str | None]:
        return (self.target.ExportToWkt(), self.buffer.ExportToWkt(),
                self.comparison.ExportToWkt() if self.comparison is not None else None)


def target_area(shape, *, point_radius_m: float = POINT_RADIUS_M):
    """Where a measure acts, as an OGR polygon (EPSG:3006): its own polygon, or the area within
    ``point_radius_m`` of a point or a line; None when it has no place."""
    from osgeo import ogr

    geom = _geometry(shape)
    if geom is None or geom.IsEmpty():
        return None
    dim = ogr.GT_Flatten(geom.GetGeometryType())
    polygonal = dim in (ogr.wkbPolygon, ogr.wkbMultiPolygon) and geom.GetArea() > 0
    return geom.Clone() if polygonal else geom.Buffer(point_radius_m)


def measure_zones(shape, *, buffer_m: float = BUFFER_M, point_radius_m: float = POINT_RADIUS_M,
                  boundary=None, comparison=None, exclude: Sequence = ()) -> Zones:
    """Target, buffer ring and comparison area for a measure acting at ``shape`` (WKB, WKT
    or OGR; EPSG:3006). ``boundary`` (the kommun) limits the comparison area; a chosen
    ``comparison`` area is used outside the target and buffer. ``exclude``: the places of
    other measures (with their buffers), which are no fair comparison — they were treated
    too."""
    target = target_area(shape, point_radius_m=point_radius_m)
    if target is None:
        raise AnalysisError(tr("The measure has no place (geometry) to evaluate."))
    if buffer_m <= 0:
        raise AnalysisError(tr("The buffer must be wider than 0 m."))
    outer = target.Buffer(buffer_m)
    ring = outer.Difference(target)
    area = None
    if comparison is not None:
        area = _geometry(comparison)
    elif boundary is not None:
        area = _geometry(boundary)
    if area is not None:
        area = area.Difference(outer)
        if area is None or area.IsEmpty():
            raise AnalysisError(tr("The comparison area lies inside the target area and its "
                                   "buffer: choose another."))
    excluded = None
    for other in exclude:
        g = _geometry(other)
        if g is None or g.IsEmpty():
            continue
        g = g.Buffer(buffer_m if g.GetDimension() == 2 else point_radius_m + buffer_m)
        excluded = g if excluded is None else excluded.Union(g)
    if excluded is not None:
        excluded = excluded.Difference(outer)
    return Zones(target, ring, area, excluded if excluded and not excluded.IsEmpty() else None)


def _inside(x: np.ndarray, y: np.ndarray, geom) -> np.ndarray:
    minx, maxx, miny, maxy = geom.GetEnvelope()
    out = np.zeros(x.shape, dtype=bool)
    rows = np.flatnonzero((x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy))
    if rows.size:
        out[rows] = points_in_rings(x[rows], y[rows], _rings(geom))
    return out


def zone_of_points(x: np.ndarray, y: np.ndarray, zones: Zones) -> np.ndarray:
    """0 target, 1 buffer, 2 comparison, −1 none of them, for each point."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)
    out = np.full(x.shape, -1, dtype=np.int8)
    target = ok & _inside(x, y, zones.target)
    ring = ok & ~target & _inside(x, y, zones.buffer)
    if zones.comparison is None:
        comparison = ok & ~target & ~ring
    else:
        comparison = ok & ~target & ~ring & _inside(x, y, zones.comparison)
    if zones.excluded is not None:
        comparison &= ~_inside(x, y, zones.excluded)
    out[comparison] = COMPARISON
    out[ring] = BUFFER
    out[target] = TARGET
    return out


def binned_counts(occurred_at: np.ndarray, zone: np.ndarray, windows: Windows
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Counts zones × windows × bins, and the bins' lengths in days (the same for every
    window: they are equally long)."""
    t = np.asarray(occurred_at).astype("datetime64[s]")
    bins_of = [window_bins(p) for p in windows.all()]
    n_bins = len(bins_of[0])
    out = np.zeros((3, 4, n_bins))
    for w, bins in enumerate(bins_of):
        edges = np.array([utc64(local_midnight_utc(a)) for a, _ in bins]
                         + [utc64(local_midnight_utc(bins[-1][1]))])
        idx = np.searchsorted(edges, t, side="right") - 1
        inside = (idx >= 0) & (idx < n_bins) & (zone >= 0)
        np.add.at(out, (zone[inside].astype(int), w, idx[inside]), 1)
    days = np.array([(b - a).days for a, b in bins_of[0]])
    return out, days


def evaluate_incidents(x: np.ndarray, y: np.ndarray, occurred_at: np.ndarray, zones: Zones,
                       windows: Windows, *, seasonal: bool = True,
                       min_events: int = MIN_TARGET_EVENTS) -> Evaluation:
    """Evaluate from incident points (already filtered to the categories the measure
    targets)."""
    zone = zone_of_points(x, y, zones)
    bins, days = binned_counts(occurred_at, zone, windows)
    result = evaluate_counts(bins if seasonal else bins[:, :2], days, seasonal, min_events)
    return _with_windows(result, windows)


def _with_windows(result: Evaluation, windows: Windows) -> Evaluation:
    from dataclasses import replace

    return replace(result, windows=windows)


@dataclass(frozen=True)
class MeasureOutcome:
    """One measure's evaluation, or why there is none (``message``)."""

    measure: Measure
    evaluation: Evaluation | None = None
    zones: Zones | None = None
    message: str | None = None

    @property
    def verdict(self) -> str | None:
        return self.evaluation.verdict if self.evaluation else None
