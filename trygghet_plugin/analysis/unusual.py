"""Ovanligt just nu: places whose count this period is unusual against their own history.

Gi* (:mod:`.gistar`) answers "where do incidents concentrate" and so paints the town centre
red every fortnight. This module answers "where is there more than usual *now*": each place
is compared with its own past, not with the rest of the kommun.

The method (numpy only; the guide's section "Ovanligt just nu" says the same in Swedish):

1. **Cells and windows.** The project's hexagon grid (default 250 m). Each cell is the
   centre of a *window*: the cell and its six neighbours (7 hexagons, about 750 m across),
   so a burst of incidents within 150 m that straddles a cell border lies whole in at least
   one window. Only incidents with an exact or street-level place count.
2. **History.** The same-length periods before this one, up to three years
   (:func:`.expected.history_bins`). A window's *share* of the kommun's incidents is learnt
   from them, the same time of year weighted up (a von Mises kernel on the day of the year,
   concentration 1: the same season counts 7 times the opposite one), so a park that is
   busy every summer is not "unusual" each summer.
3. **Expected count.** The window's share times the kommun's total of this period. Like
   Kulldorff's space–time permutation scan (2005) the test conditions on the period's total:
   a kommun-wide rise is the change table's question (:mod:`.expected`), not the map's; here a
   place is unusual only when it has more than its share. The share is an empirical-Bayes
   (Gamma–Poisson) estimate: a weak prior (half an incident) at the average window's share,
   so a window that never had an incident still expects a little, and the uncertainty of a
   share learnt from few incidents widens its band.
4. **Overdispersion.** Reports come in bursts (one reporter files five at one place), so
   counts are negative binomial, variance ``e + alpha * e**2``: one cell-level ``alpha``
   estimated from the history (each earlier period predicted from the others; the Pearson
   moment equation), scaled to each window by how its expected incidents spread over its
   seven cells (a window fed by one cell is as restless as that cell).
5. **Test.** The upper tail ``P(X >= observed)`` of the window's predictive negative
   binomial (dispersion ``alpha`` plus the share's own uncertainty). Benjamini–Hochberg over
   all windows of the grid (5 % false discovery rate): the family is every window, so
   nothing is chosen after looking; overlapping windows count as one discovery in the
   ranks (:func:`cluster_bh`, stricter than plain BH). A window is flagged when q <= 5 %
   **and** it holds at least five incidents, so a single event never flags.
6. **Clusters.** Flagged windows that touch or overlap are merged; a cluster is the cells of
   its windows that hold more incidents than they expect. It carries its count, expected
   count, ratio and the smallest p and q of its windows.

With less than a year of history nothing is tested and the result says so.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from ..constants import DEFAULT_CELL_SIZE_M
from ..i18n import translator
from .expected import bin_index, history_bins
from .hexgrid import HexGrid, convex_hull_wkt, grid_over_boundary
from .negbin import nb_logpmf
from .periods import Period
from .select import incident_mask, load_frame
from .stats import benjamini_hochberg

tr = translator("Analysis")

CELL_SIZE = float(DEFAULT_CELL_SIZE_M)
ALPHA = 0.05
MIN_COUNT = 5
#: Concentration of the seasonal kernel (von Mises on the day of the year).
SEASON_CONCENTRATION = 1.0
#: Weight of the prior share, in incidents.
PRIOR_INCIDENTS = 0.5
#: The Pearson equation for the common dispersion uses cells expecting at least this.
DISPERSION_MIN_EXPECTED = 0.5
_YEAR_DAYS = 365.2425
SHORT_HISTORY = "short_history"


@dataclass(frozen=True)
class UnusualCluster:
    """Adjacent flagged windows, drawn as the cells holding their excess."""

    cells: np.ndarray  # grid rows
    count: int
    expected: float
    p: float
    q: float
    windows: int

    @property
    def ratio(self) -> float:
        return self.count / self.expected if self.expected > 0 else math.inf


@dataclass(frozen=True)
class UnusualResult:
    """Cells and windows of one period against their history, and the flagged clusters."""

    grid: HexGrid
    period: Period
    n: np.ndarray                 # per cell, this period
    expected: np.ndarray          # per cell, this period (NaN without history)
    window_n: np.ndarray          # per window (centred on each cell)
    window_expected: np.ndarray
    p: np.ndarray                 # per window, upper tail
    q: np.ndarray                 # per window, BH over all windows
    flagged: np.ndarray           # per window
    clusters: list[UnusualCluster]
    dispersion: float
    history: int                  # history periods that hold incidents
    incidents: int
    outside: int = 0
    imprecise: int = 0
    categories: tuple[str, ...] = ()
    reason: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def testable(self) -> bool:
        return not self.reason

    def summary(self) -> str:
        if not self.testable:
            return tr("Unusual now: too little history to tell what is usual ({n} earlier "
                      "periods with incidents; a year is needed).").format(n=self.history)
        return tr("Unusual now: {clusters} clusters ({windows} of {cells} windows flagged); "
                  "{incidents} incidents, dispersion {alpha:.2f}, {history} earlier "
                  "periods").format(clusters=len(self.clusters),
                                    windows=int(self.flagged.sum()), cells=len(self.grid),
                                    incidents=self.incidents, alpha=self.dispersion,
                                    history=self.history)


# -- the negative binomial's upper tail, many at once ------------------------------------

def nb_upper_tail(k: np.ndarray, mu: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """P(X >= k) for X ~ NB2(mu, alpha), elementwise. Above the mean the tail is summed
    upwards from k (the terms fall geometrically); at or below it, 1 - P(X < k)."""
    k = np.asarray(k, dtype=float)
    mu = np.broadcast_to(np.asarray(mu, dtype=float), k.shape).copy()
    alpha = np.broadcast_to(np.maximum(np.asarray(alpha, dtype=float), 1e-9), k.shape).copy()
    out = np.ones(k.shape)
    r = 1.0 / alpha
    ratio = mu / (r + mu)
    upper = (k > 0) & (k > mu)
    if upper.any():
        kk, rr, qq = k[upper], r[upper], ratio[upper]
        term = np.exp(nb_logpmf(kk, mu[upper], alpha[upper]))
        total = term.copy()
        j = kk.copy()
        active = np.ones(kk.shape, dtype=bool)
        for _ in range(100_000):
            term = np.where(active, term * (j + rr) / (j + 1.0) * qq, 0.0)
            total += term
            j += 1.0
            active &= term > total * 1e-15
            if not active.any():
                break
        out[upper] = np.minimum(total, 1.0)
    lower = (k > 0) & ~upper
    if lower.any():
        kk, rr, qq = k[lower], r[lower], ratio[lower]
        term = np.exp(rr * np.log(rr / (rr + mu[lower])))  # P(X = 0)
        below = term.copy()
        top = int(kk.max())
        for j in range(1, top):
            term = term * (j - 1.0 + rr) / j * qq
            below += np.where(j < kk, term, 0.0)
        out[lower] = np.clip(1.0 - below, 0.0, 1.0)
    return out


# -- the parts ----------------------------------------------------------------------------

def _season_weights(bins: Sequence[Period], target: Period) -> np.ndarray:
    """Kernel weights (history bins x target and each history bin), mean 1 per column."""
    def phase(p: Period) -> float:
        return 2 * math.pi * (p.start.timetuple().tm_yday - 1 + p.days / 2.0) / _YEAR_DAYS

    angles = np.array([phase(b) for b in bins])
    columns = np.array([*angles, phase(target)])
    return np.exp(SEASON_CONCENTRATION * np.cos(angles[:, None] - columns[None, :]))


def _window_sums(values: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Sum over each window (rows of the neighbour table, -1 for none) of per-cell values
    (cells, or cells x bins)."""
    padded = np.concatenate([values, np.zeros((1, *values.shape[1:]), values.dtype)])
    out = np.zeros(values.shape, dtype=float)
    for j in range(table.shape[1]):
        out += padded[table[:, j]]
    return out


def _dispersion(y: np.ndarray, e: np.ndarray, extra: np.ndarray) -> float:
    """The common alpha solving sum (y - e)**2 / (e + (alpha + extra * (1 + alpha)) e**2) = n,
    the Pearson moment equation (0 when the counts are no more variable than Poisson)."""
    keep = e >= DISPERSION_MIN_EXPECTED
    y, e, extra = y[keep], e[keep], extra[keep]
    n = y.size
    if n < 10:
        return 0.0

    def pearson(a: float) -> float:
        return float(((y - e) ** 2 / (e + (a + extra * (1 + a)) * e * e)).sum()) - n

    if pearson(0.0) <= 0:
        return 0.0
    lo, hi = 0.0, 50.0
    if pearson(hi) > 0:
        return hi
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if pearson(mid) > 0 else (lo, mid)
    return (lo + hi) / 2


def cluster_bh(p: np.ndarray, table: np.ndarray, alpha: float = ALPHA) -> np.ndarray:
    """Benjamini–Hochberg q-values over all windows, with discoveries counted in clusters:
    the rank of the j-th smallest p is the number of separate groups of overlapping windows
    among the first j, not j. Overlapping windows see the same incidents, so one real burst
    makes many small p-values; counted one by one they would lower the bar for every other
    window (a true cluster of eight windows let chance clusters through in simulations)."""
    m = p.size
    q = np.maximum(benjamini_hochberg(p), p)
    candidates = np.flatnonzero(p <= alpha)
    if not candidates.size:
        return q
    order = candidates[np.argsort(p[candidates], kind="mergesort")]
    parent: dict[int, int] = {}
    holds: set[int] = set()

    def find(a: int) -> int:
        parent.setdefault(a, a)
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    groups = np.empty(order.size)
    count = 0
    for j, w in enumerate(order.tolist()):
        roots = {find(c) for c in table[w].tolist() if c >= 0}
        count += 1 - len(roots & holds)
        top = roots.pop()
        for r in roots:
            parent[r] = top
        holds -= roots
        holds.add(top)
        groups[j] = count
    ranked = np.minimum.accumulate((p[order] * m / groups)[::-1])[::-1]
    q[order] = np.minimum(ranked, 1.0)
    return q


def _clusters(grid: HexGrid, table: np.ndarray, flagged: np.ndarray, n: np.ndarray,
              expected: np.ndarray, p: np.ndarray, q: np.ndarray) -> list[UnusualCluster]:
    """Merge flagged windows that share or touch cells; a cluster's cells are those of its
    windows with more incidents than expected."""
    windows = np.flatnonzero(flagged)
    if not windows.size:
        return []
    parent: dict[int, int] = {}

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    owner: dict[int, list[int]] = {}
    for w in windows.tolist():
        cells = [c for c in table[w].tolist() if c >= 0 and n[c] > 0 and n[c] > expected[c]]
        for c in cells:
            parent.setdefault(c, c)
            owner.setdefault(c, []).append(w)
        for c in cells[1:]:
            union(cells[0], c)
    neighbours = grid.neighbours(include_self=False)
    for c in list(parent):
        for d in neighbours[c].tolist():
            if d in parent:
                union(c, d)
    groups: dict[int, list[int]] = {}
    for c in parent:
        groups.setdefault(find(c), []).append(c)
    out = []
    for cells in groups.values():
        rows = np.array(sorted(cells), dtype=np.int64)
        ws = sorted({w for c in cells for w in owner[c]})
        out.append(UnusualCluster(rows, int(n[rows].sum()), float(expected[rows].sum()),
                                  float(p[ws].min()), float(q[ws].min()), len(ws)))
    out.sort(key=lambda c: (c.p, -c.count))
    return out


# -- the analysis -------------------------------------------------------------------------

def unusual_now(x: np.ndarray, y: np.ndarray, bin_of: np.ndarray, period: Period,
                history: Sequence[Period], grid: HexGrid, *, alpha: float = ALPHA,
                min_count: int = MIN_COUNT) -> UnusualResult:
    """The core: precise incidents at (x, y), ``bin_of`` their history bin (0..H-1), H for
    the period itself, -1 for neither; ``history`` the H earlier periods, oldest first."""
    h = len(history)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    bin_of = np.asarray(bin_of, dtype=np.int64)
    rows = grid.locate(x, y)
    inside = (rows >= 0) & (bin_of >= 0)
    outside = int(((rows < 0) & (bin_of == h)).sum())
    cells = len(grid)
    counts = np.bincount(rows[inside] * (h + 1) + bin_of[inside],
                         minlength=cells * (h + 1)).reshape(cells, h + 1).astype(float)
    n = counts[:, h].astype(np.int64)
    table = grid.neighbours(include_self=True)
    window_n = _window_sums(n.astype(float), table).astype(np.int64)
    totals = counts[:, :h].sum(axis=0)
    seen = totals > 0
    days_seen = sum(b.days for b, s in zip(history, seen) if s)
    nan = np.full(cells, np.nan)
    base = dict(grid=grid, period=period, n=n, window_n=window_n, history=int(seen.sum()),
                incidents=int(n.sum()), outside=outside)
    if days_seen < _YEAR_DAYS - 1 or seen.sum() < 8 or cells == 0:
        return UnusualResult(expected=nan, window_expected=nan, p=np.ones(cells),
                             q=np.ones(cells), flagged=np.zeros(cells, bool), clusters=[],
                             dispersion=float("nan"), reason=SHORT_HISTORY, **base)

    hist = counts[:, :h][:, seen]
    bins = [b for b, s in zip(history, seen) if s]
    totals = totals[seen]
    kernel = _season_weights(bins, period)          # bins x (bins + target)
    kernel = kernel / kernel.mean(axis=0, keepdims=True)
    windows_hist = _window_sums(hist, table)        # windows x bins
    # Effective number of incidents behind a weighted sum: weights of unequal size count less.
    inflation = (kernel ** 2).mean(axis=0) / kernel.mean(axis=0) ** 2

    # The period: each window's share from all history bins, weighted by season.
    w_t = kernel[:, -1]
    h_w = windows_hist @ w_t
    n_h = float(totals @ w_t)
    prior_share = float(h_w.sum()) / (cells * n_h) if n_h > 0 else 0.0
    prior_share = max(prior_share, 1e-12)
    shape = (PRIOR_INCIDENTS + h_w) / inflation[-1]
    share = (PRIOR_INCIDENTS + h_w) / (PRIOR_INCIDENTS / prior_share + n_h)
    total_now = float(n.sum())
    window_expected = share * total_now

    # The common dispersion of a cell's count: every history bin predicted from the others.
    k0 = kernel[:, :-1].copy()
    np.fill_diagonal(k0, 0.0)
    k0 *= (len(bins) - 1) / np.maximum(k0.sum(axis=0, keepdims=True), 1e-300) \
        if len(bins) > 1 else 1.0
    cell_prior = PRIOR_INCIDENTS / 7
    loo_h = hist @ k0                                # cells x bins
    loo_n = totals @ k0
    loo_inflation = (k0 ** 2).sum(axis=0) * (len(bins) - 1) / np.maximum(
        k0.sum(axis=0) ** 2, 1e-300)
    loo_e = (cell_prior + loo_h) / (PRIOR_INCIDENTS / prior_share + loo_n) * totals
    loo_extra = loo_inflation[None, :] / (cell_prior + loo_h)
    dispersion = _dispersion(hist.ravel(), loo_e.ravel(), loo_extra.ravel())

    # A window sums seven cells, each overdispersed on its own: its dispersion is the cells'
    # times sum(e_i**2) / (sum e_i)**2 — a window whose incidents come from one cell is as
    # restless as that cell, one spread over seven calmer.
    cell_h = hist @ kernel[:, -1]
    cell_share = (cell_prior + cell_h) / (PRIOR_INCIDENTS / prior_share + n_h)
    concentration = _window_sums(cell_share ** 2, table) / np.maximum(
        _window_sums(cell_share, table) ** 2, 1e-300)
    window_alpha = dispersion * concentration

    # The test: upper tail of each window's predictive NB, BH over every window.
    alpha_eff = window_alpha + (1.0 + window_alpha) / shape
    p = np.ones(cells)
    some = window_n > 0
    p[some] = nb_upper_tail(window_n[some], window_expected[some], alpha_eff[some])
    q = cluster_bh(p, table, alpha)
    flagged = (q <= alpha) & (window_n >= min_count) & (window_n > window_expected)

    # Per-cell expectation for the clusters' figures (the cell's own share, same way).
    cell_expected = cell_share * total_now
    clusters = _clusters(grid, table, flagged, n, cell_expected, p, q)
    return UnusualResult(expected=cell_expected, window_expected=window_expected, p=p, q=q,
                         flagged=flagged, clusters=clusters, dispersion=float(dispersion),
                         **base)


def period_unusual(frame, period: Period, boundary_wkt: str | None = None,
                   cell_size: float = CELL_SIZE, *, history: Sequence[Period] | None = None,
                   categories: Iterable[str] | None = None, alpha: float = ALPHA,
                   min_count: int = MIN_COUNT) -> UnusualResult:
    """"Ovanligt just nu" for the incidents in ``frame`` (an IncidentFrame holding the period
    and its history, :func:`unusual_periods`), optionally some categories only. Without a
    boundary the grid covers the convex hull of the precisely placed incidents."""
    cats = tuple(categories or ())
    history = list(history if history is not None else history_bins(period))
    located = incident_mask(frame, None, precise_only=True)
    wanted = incident_mask(frame, None, categories=cats)
    source = "boundary"
    if not boundary_wkt:
        boundary_wkt = convex_hull_wkt(frame.x[located], frame.y[located],
                                       buffer=cell_size / 2)
        source = "convex hull"
    grid = grid_over_boundary(boundary_wkt, cell_size)
    bins = [*history, period]
    index = bin_index(frame.occurred_at, bins)
    use = wanted & located & (index >= 0)
    result = unusual_now(frame.x[use], frame.y[use], index[use], period, history, grid,
                         alpha=alpha, min_count=min_count)
    now = wanted & incident_mask(frame, period)
    imprecise = int((now & ~located).sum())
    return UnusualResult(**{**result.__dict__, "imprecise": imprecise, "categories": cats,
                            "extra": {"boundary_source": source}})


def load_unusual_frame(store, period: Period, categories: Iterable[str] = ()):
    """Only the rows the layer counts, for the period and its history: placed precisely, not
    deleted, of the categories (codes), and no text columns — three years of a big store
    are a million rows, and building their text columns was most of the reading time."""
    from datetime import timedelta

    from .select import DELETED, PRECISE

    periods = unusual_periods(period)
    margin = timedelta(days=1)
    start, end = periods[0].start_utc - margin, period.end_utc + margin
    where = ("occurred_at >= ? AND occurred_at < ? AND (status IS NULL OR status != ?) "
             f"AND location_precision IN ({', '.join('?' for _ in PRECISE)})")
    params: list = [start.strftime("%Y-%m-%dT%H:%M:%S"), end.strftime("%Y-%m-%dT%H:%M:%S"),
                    DELETED, *PRECISE]
    cats = list(categories)
    if cats:
        marks = ", ".join("?" for _ in cats)
        where += f" AND (category IN ({marks}) OR subcategory IN ({marks}))"
        params += cats + cats
    return store.incident_frame(where, tuple(params), columns=())


def store_unusual(store, period: Period, boundary_wkt: str | None = None,
                  cell_size: float = CELL_SIZE, categories: Iterable[str] = ()
                  ) -> UnusualResult:
    """"Ovanligt just nu" straight from a store (the Processing algorithm's whole job): the
    slim read of the precisely placed rows of the period and its history, and the period's
    other incidents counted apart (they have no place to flag)."""
    cats = tuple(categories)
    result = period_unusual(load_unusual_frame(store, period, cats), period, boundary_wkt,
                            cell_size)
    others = load_frame(store, [period], ("category", "subcategory", "status",
                                          "location_precision"))
    wanted = incident_mask(others, period, categories=cats)
    located = incident_mask(others, None, precise_only=True)
    return replace(result, imprecise=int((wanted & ~located).sum()), categories=cats)


def unusual_periods(period: Period) -> list[Period]:
    """The periods to read from the store: the period and its history."""
    return [*history_bins(period), period]
