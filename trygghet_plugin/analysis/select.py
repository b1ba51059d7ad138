"""Which incidents an analysis counts, and reading just the rows it needs from the store.

Rules, the same for every figure and map:

* incidents deleted at the source (``status = 'deleted'``) are never counted;
* an incident belongs to a period by ``occurred_at`` (when it happened, not when reported);
* hot spots and density use only points placed precisely (``location_precision`` exact or
  street): an incident placed at an area's or the municipality's centre would otherwise make
  a false hot spot there. Counts and rates use every incident.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

import numpy as np

from ..i18n import translator
from .errors import AnalysisError
from .periods import Period

tr = translator("Analysis")

#: Location precisions good enough for hot spots and density.
PRECISE = ("exact", "street")
DELETED = "deleted"


def incident_mask(frame, period: Period | None = None, *,
                  categories: Iterable[str] | None = None,
                  sources: Iterable[str] | None = None,
                  precise_only: bool = False) -> np.ndarray:
    """Rows of ``frame`` (an :class:`~trygghet_plugin.store.base.IncidentFrame`) to count.

    ``categories`` match the category or the subcategory code. Columns the frame lacks do
    not filter.
    """
    n = len(frame)
    mask = np.ones(n, dtype=bool)
    text = getattr(frame, "text", {})
    if "status" in text:
        mask &= frame["status"] != DELETED
    if period is not None:
        mask &= period.contains(frame.occurred_at)
    if categories:
        wanted = list(categories)
        hit = np.isin(frame["category"], wanted) if "category" in text else np.zeros(n, bool)
        if "subcategory" in text:
            hit |= np.isin(frame["subcategory"], wanted)
        mask &= hit
    if sources:
        mask &= np.isin(frame["source"], list(sources))
    if precise_only:
        mask &= np.isfinite(frame.x) & np.isfinite(frame.y)
        if "location_precision" in text:
            mask &= np.isin(frame["location_precision"], PRECISE)
    return mask


def category_codes(text: str | None, taxonomy) -> tuple[str, ...]:
    """Category or subcategory codes from a user's comma-separated words (codes, Swedish or
    English names, known aliases); raises AnalysisError naming the words it does not know."""
    if not text or not text.strip():
        return ()
    codes: list[str] = []
    unknown: list[str] = []
    for word in (w.strip() for w in text.split(",")):
        if not word:
            continue
        hit = taxonomy.classify(word)
        if not hit.known:
            unknown.append(word)
            continue
        code = hit.subcategory or hit.category
        if code not in codes:
            codes.append(code)
    if unknown:
        known = ", ".join(sorted(taxonomy.categories))
        raise AnalysisError(tr("Unknown category: {words}. Choose among {known} (or a "
                               "subcategory).").format(words=", ".join(unknown), known=known))
    return tuple(codes)


def load_frame(store, periods: Sequence[Period], columns: Sequence[str] | None = None):
    """The store's incidents that occurred within the periods (each widened by a day; the
    exact cut is :func:`incident_mask`'s), as an IncidentFrame. Periods far apart (a period
    and the same period a year earlier) are read as separate windows, not as the whole span.
    """
    from ..store.base import FRAME_COLUMNS

    margin = timedelta(days=1)
    windows: list[list] = []
    for start, end in sorted((p.start_utc - margin, p.end_utc + margin) for p in periods):
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    where = " OR ".join("(occurred_at >= ? AND occurred_at < ?)" for _ in windows)
    params = tuple(t.strftime("%Y-%m-%dT%H:%M:%S") for window in windows for t in window)
    return store.incident_frame(
        where, params, columns=tuple(columns) if columns is not None else FRAME_COLUMNS)
