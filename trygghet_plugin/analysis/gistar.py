"""Getis-Ord Gi* hot spots: z-scores, p-values, FDR and the seven classes of a hot-spot map.

Gi* with binary weights, the cell itself included (``w_ii = 1``), over a neighbour table
(cells x k, -1 for "no neighbour"; :meth:`HexGrid.neighbours` makes one)::

    z_i = (sum_j w_ij x_j - xbar * W_i) / (S * sqrt((n * W_i - W_i**2) / (n - 1)))

with ``W_i`` the number of cells in i's neighbourhood (itself included), ``xbar`` the mean and
``S`` the population standard deviation of all n cells' counts (Getis & Ord 1992, Ord & Getis
1995). This is exactly PySAL esda's ``G_Local(y, w, transform="B", star=True)`` z (``Zs``), a
test checks it. p is two-sided under the normal approximation; q is the Benjamini-Hochberg
FDR-adjusted p over all cells, and the class uses q, as ArcGIS's hot spot analysis with FDR
correction does.

**The small-count guard.** The normal approximation behind p fails for sparse counts, which
is what incidents over a municipality of mostly empty cells are: in a 14-day period with a
few hundred incidents, one incident in an otherwise empty corner of the countryside gets
z = 6, and uniformly random points make hundreds of "99 % hot spots". So, for counts, a cell
is classed only as far as an exact test agrees: its neighbourhood count (itself and its
neighbours) against Binomial(N, W_i / n), what N incidents spread evenly over the n cells
would put there (two-sided, doubled smaller tail), FDR-adjusted the same way (``exact_q``).
The class is the lower of the two confidence levels. z, p and q stay esda's and ArcGIS's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .stats import benjamini_hochberg, binom_tails, norm_two_sided_p

#: gi_class -> Swedish legend label.
GI_CLASS_LABELS: dict[int, str] = {
    3: "Hotspot 99 %",
    2: "Hotspot 95 %",
    1: "Hotspot 90 %",
    0: "Inte signifikant",
    -1: "Kallt område 90 %",
    -2: "Kallt område 95 %",
    -3: "Kallt område 99 %",
}
GI_CLASS_LABELS_EN: dict[int, str] = {
    3: "Hot spot 99 %", 2: "Hot spot 95 %", 1: "Hot spot 90 %", 0: "Not significant",
    -1: "Cold spot 90 %", -2: "Cold spot 95 %", -3: "Cold spot 99 %",
}
#: gi_class -> fill colour, as standard hot-spot maps (deep red ... light grey ... deep blue).
GI_CLASS_COLORS: dict[int, str] = {
    3: "#c1272d", 2: "#e6735c", 1: "#f5b7a1", 0: "#e4e4e4",
    -1: "#a8c6e2", -2: "#5a8ec6", -3: "#22569c",
}
#: Confidence levels behind classes 3, 2, 1: significant when q (or p) <= alpha.
CLASS_ALPHAS: tuple[tuple[int, float], ...] = ((3, 0.01), (2, 0.05), (1, 0.10))


@dataclass(frozen=True)
class GiStar:
    """Gi* per cell: z-score, two-sided normal p, FDR q, the class -3..3, and the exact check
    (neighbourhood count, its expected value, exact two-sided p and its FDR q; NaN when the
    values are not counts or the check was not asked for)."""

    z: np.ndarray
    p: np.ndarray
    q: np.ndarray
    gi_class: np.ndarray
    nb_n: np.ndarray
    nb_expected: np.ndarray
    exact_p: np.ndarray
    exact_q: np.ndarray

    @property
    def labels(self) -> list[str]:
        return [GI_CLASS_LABELS[int(c)] for c in self.gi_class]

    def class_counts(self) -> dict[int, int]:
        """Cells per class, every class listed."""
        return {c: int((self.gi_class == c).sum()) for c in GI_CLASS_LABELS}


def neighbourhood_sums(values: np.ndarray, neighbours: np.ndarray
                       ) -> tuple[np.ndarray, np.ndarray]:
    """(sum of values, number of cells) over each row's neighbourhood."""
    x = np.asarray(values, dtype=float)
    table = np.asarray(neighbours)
    padded = np.append(x, 0.0)
    lag = padded[np.where(table < 0, x.size, table)].sum(axis=1)
    return lag, (table >= 0).sum(axis=1).astype(float)


def exact_neighbourhood_p(counts: np.ndarray, neighbours: np.ndarray
                          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(neighbourhood count, expected count, two-sided exact p) per cell: the count of a
    cell and its neighbours against Binomial(N, W_i / n), N incidents spread evenly."""
    counts = np.asarray(counts)
    lag, weight = neighbourhood_sums(counts, neighbours)
    n = counts.size
    total = int(round(float(counts.sum())))
    expected = total * weight / n
    p = np.ones(n)
    k = np.rint(lag).astype(np.int64)
    for w in np.unique(weight):
        rows = weight == w
        if total == 0:
            continue
        cdf, sf = binom_tails(total, min(1.0, w / n))
        p[rows] = np.minimum(1.0, 2.0 * np.minimum(cdf[k[rows]], sf[k[rows]]))
    return lag, expected, p


def gi_star_z(values: np.ndarray, neighbours: np.ndarray) -> np.ndarray:
    """Gi* z-scores with binary weights over a neighbour table that includes each cell.

    ``neighbours`` is (cells x k) of row indices, -1 where there is none; a row must hold
    the cell itself for Gi* (use ``HexGrid.neighbours(include_self=True)``). Cells get z = 0
    when all counts are equal or a neighbourhood spans every cell (nothing to compare).
    """
    x = np.asarray(values, dtype=float)
    n = x.size
    table = np.asarray(neighbours)
    if table.shape[0] != n:
        raise ValueError(f"{n} values but {table.shape[0]} neighbour rows")
    if n < 2:
        return np.zeros(n)
    lag, weight = neighbourhood_sums(x, table)
    mean = x.mean()
    spread = np.sqrt(max((x * x).mean() - mean * mean, 0.0))
    denominator = spread * np.sqrt((n * weight - weight * weight) / (n - 1))
    z = np.zeros(n)
    ok = denominator > 0
    z[ok] = (lag[ok] - mean * weight[ok]) / denominator[ok]
    return z


def classify(z: np.ndarray, p_or_q: np.ndarray) -> np.ndarray:
    """Class -3..3: sign of z times the highest confidence (99/95/90 %) reached."""
    z = np.asarray(z, dtype=float)
    p = np.asarray(p_or_q, dtype=float)
    level = np.zeros(z.shape, dtype=np.int8)
    for code, alpha in reversed(CLASS_ALPHAS):
        level[p <= alpha] = code
    return (np.sign(z).astype(np.int8) * level).astype(np.int8)


def _is_counts(values: np.ndarray) -> bool:
    x = np.asarray(values)
    if x.size == 0:
        return False
    if np.issubdtype(x.dtype, np.integer):
        return bool((x >= 0).all())
    return bool(np.isfinite(x).all() and (x >= 0).all() and (x == np.rint(x)).all())


def gi_star(values: np.ndarray, neighbours: np.ndarray, *, fdr: bool = True,
            exact_check: bool = True) -> GiStar:
    """Gi* z, p, q and classes for values per cell. With ``fdr`` (the default) the classes
    use Benjamini-Hochberg q-values over all cells, without it the raw p-values. With
    ``exact_check`` (the default) and count values, a class needs the exact neighbourhood
    test to agree at the same level (see the module notes)."""
    z = gi_star_z(values, neighbours)
    p = norm_two_sided_p(z)
    q = benjamini_hochberg(p)
    gi_class = classify(z, q if fdr else p)
    n = np.asarray(values).size
    nan = np.full(n, np.nan)
    lag, expected, exact_p, exact_q = nan, nan, nan, nan
    if exact_check and _is_counts(values):
        lag, expected, exact_p = exact_neighbourhood_p(values, neighbours)
        exact_q = benjamini_hochberg(exact_p)
        exact_class = classify(lag - expected, exact_q if fdr else exact_p)
        agree = np.sign(exact_class) == np.sign(gi_class)
        level = np.where(agree, np.minimum(np.abs(gi_class), np.abs(exact_class)), 0)
        gi_class = (np.sign(gi_class) * level).astype(np.int8)
    return GiStar(z, p, q, gi_class, lag, expected, exact_p, exact_q)
