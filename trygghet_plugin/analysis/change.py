"""A count against a reference period's count (the previous period, a year earlier).

The documents show these as context only: whether a count is unusual is decided against its
own history's expectation (:mod:`.expected`), not against one other period (summer against
winter is no change). The exact test below stays for callers that compare two counts.

A count is compared with the same thing's count in a reference period (the previous period,
or the same period a year earlier) by the exact conditional test for two Poisson counts
(:func:`.stats.poisson_rate_test`, two-sided), allowing for periods of different length.
When many comparisons are shown at once (every category and area, against both references)
some would look "significant" by chance, so the p-values of one report are adjusted together
with Benjamini-Hochberg: a change is called significant only when its q <= alpha (5 %).
Otherwise the direction is "none" — the number went up or down, but that is within noise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .stats import benjamini_hochberg, poisson_rate_test

ALPHA = 0.05
UP, DOWN, NONE = "up", "down", "none"
DIRECTION_LABELS = {UP: "Ökning", DOWN: "Minskning", NONE: "Ingen säker förändring"}


@dataclass(frozen=True)
class Change:
    """A count against its reference period's count.

    ``change`` is the difference in counts, ``change_pct`` the change of the rate per day in
    percent (None when the reference is 0). ``p`` is the exact test's two-sided p-value,
    ``q`` the FDR-adjusted one over the whole report (equal to p until adjusted),
    ``significant`` means q <= alpha and ``direction`` is "up", "down" or "none" (not
    significant).
    """

    count: int
    previous: int
    change: int
    change_pct: float | None
    p: float
    q: float
    significant: bool
    direction: str
    exposure_ratio: float = 1.0  # this period's length / the reference's

    @property
    def direction_label(self) -> str:
        return DIRECTION_LABELS[self.direction]



def compare_counts(count: int, previous: int, exposure_ratio: float = 1.0,
                   alpha: float = ALPHA) -> Change:
    """One comparison, unadjusted (q = p). Adjust a report's comparisons with
    :func:`adjust`."""
    count, previous = int(count), int(previous)
    p = poisson_rate_test(count, previous, exposure_ratio)
    expected = previous * exposure_ratio
    pct = None if previous == 0 else 100.0 * (count / exposure_ratio - previous) / previous
    return _decide(Change(count, previous, count - previous, pct, p, p, False, NONE,
                          exposure_ratio), p, alpha, expected)


def _decide(change: Change, q: float, alpha: float, expected: float | None = None) -> Change:
    if expected is None:
        expected = change.previous * change.exposure_ratio
    significant = bool(q <= alpha) and change.count != expected
    direction = NONE
    if significant:
        direction = UP if change.count > expected else DOWN
    return replace(change, q=float(q), significant=significant, direction=direction)


def adjust(changes: Sequence[Change], alpha: float = ALPHA) -> list[Change]:
    """The same comparisons with Benjamini-Hochberg q-values over all of them, and
    ``significant`` / ``direction`` decided on q."""
    if not changes:
        return []
    q = benjamini_hochberg(np.array([c.p for c in changes]))
    return [_decide(c, float(qi), alpha) for c, qi in zip(changes, q)]
