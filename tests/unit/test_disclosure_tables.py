"""Disclosure control on hand-made tables: what the kommun counts in no area (police events
placed only at kommun level) is a rest a reader may work out from the totals, and a small
count that lies wholly in that rest must still not be pinned. Each hidden count's range is
taken with a linear programme over the relations the document publishes (scipy, tests only)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from scipy.optimize import linprog

from trygghet_plugin.reports.disclosure import COLUMNS, protect
from trygghet_plugin.reports.model import AreaPage, BoardData, FigureRow

# Also run where `import qgis` fails (make test-noqgis, tests/unit/test_without_qgis.py).
pytestmark = pytest.mark.noqgis

CATEGORIES = ("skade", "nedsk", "vald", "stold")


def _row(code: str, counts: tuple[int, int, int]) -> FigureRow:
    return FigureRow(code, code, "#000", *counts)


def _total(rows: list[FigureRow]) -> FigureRow:
    return FigureRow("total", "Totalt", "#000",
                     *(sum(getattr(r, c) for r in rows) for c in COLUMNS))


def _board(areas: dict[str, dict[str, tuple[int, int, int]]],
           rest: dict[str, tuple[int, int, int]], police: dict[str, tuple[int, int, int]]
           ) -> BoardData:
    kommun = []
    for cat in CATEGORIES:
        counts = [sum(a.get(cat, (0, 0, 0))[i] for a in areas.values())
                  + rest.get(cat, (0, 0, 0))[i] for i in range(3)]
        kommun.append(_row(cat, tuple(counts)))
    pages = []
    for code, cats in areas.items():
        rows = [_row(cat, cats[cat]) for cat in CATEGORIES if cat in cats]
        pages.append(AreaPage(code, code, 1000, rows, _total(rows)))
    return BoardData("Kommun", "2026-T2", date(2026, 5, 1), date(2026, 8, 31), [], kommun,
                     _total(kommun), [], {}, {}, {}, pages, [], [
                         (cat, *police[cat]) for cat in police], [], [])


def _ranges(data: BoardData, col: str) -> dict[tuple[str, str], tuple[float, float]]:
    """The reader's LP: rows add up, the areas add up to at most the kommun and the kommun
    minus the areas to at most the police's count of the type (as the method section says),
    the police's count of a type is part of the kommun's; "<3" is 0..2 and ".." at least 3."""
    j = COLUMNS.index(col)
    tables = [("kommun", data.figures, data.total)] + \
        [(a.code, a.figures, a.total) for a in data.areas]
    value = {(name, f.code): getattr(f, col) for name, rows, total in tables
             for f in [*rows, total]}
    reason = {(name, f.code): f.hidden.get(col) for name, rows, total in tables
              for f in [*rows, total]}
    for (label, *values), hidden in zip(data.police_rows, data.police_hidden):
        value[("police", label)] = values[j]
        reason[("police", label)] = hidden.get(j)
    hidden = [k for k, why in reason.items() if why]
    index = {k: i for i, k in enumerate(hidden)}
    eq, b_eq, ub, b_ub = [], [], [], []

    def add(terms: dict, rhs: float, rows: list, rhs_list: list) -> None:
        row = np.zeros(len(hidden))
        for key, coef in terms.items():
            if key in index:
                row[index[key]] += coef
            else:  # a cell no table prints is 0
                rhs -= coef * value.get(key, 0)
        rows.append(row)
        rhs_list.append(rhs)

    for name, rows, _ in tables:
        add({**{(name, f.code): 1.0 for f in rows}, (name, "total"): -1.0}, 0.0, eq, b_eq)
    for cat in (*CATEGORIES, "total"):
        areas = {(a.code, cat): 1.0 for a in data.areas}
        add({**areas, ("kommun", cat): -1.0}, 0.0, ub, b_ub)
        if cat != "total":  # what lies in no area is the police's kommun-level events
            add({**{k: -1.0 for k in areas}, ("kommun", cat): 1.0, ("police", cat): -1.0},
                0.0, ub, b_ub)
            add({("police", cat): 1.0, ("kommun", cat): -1.0}, 0.0, ub, b_ub)
    bounds = [(0, 2) if reason[k] == "primary" else (3, None) for k in hidden]
    out = {}
    for key, i in index.items():
        c = np.zeros(len(hidden))
        c[i] = 1
        lo = linprog(c, A_eq=eq, b_eq=b_eq, A_ub=ub or None, b_ub=b_ub or None,
                     bounds=bounds, method="highs")
        hi = linprog(-c, A_eq=eq, b_eq=b_eq, A_ub=ub or None, b_ub=b_ub or None,
                     bounds=bounds, method="highs")
        assert lo.status in (0, 3) and hi.status in (0, 3), (lo.message, hi.message)
        out[key] = (lo.fun if lo.status == 0 else -np.inf,
                    -hi.fun if hi.status == 0 else np.inf)
    return out


def _pinned(data: BoardData) -> list:
    return [(col, key) for col in COLUMNS for key, (lo, hi) in _ranges(data, col).items()
            if np.isfinite(hi) and np.floor(hi + 1e-6) <= np.ceil(lo - 1e-6)]


@pytest.mark.parametrize("theft", [1, 2])
def test_a_small_police_count_placed_only_on_the_kommun_is_not_pinned(theft):
    """Theft only in the rest (police events at the kommun's centre point), as small as the
    police's own count of it, and every other kommun count large: the kommun's total minus
    its published categories would give it, and the rest does not protect it alone."""
    areas = {
        "A1": {"skade": (20, 18, 25), "nedsk": (9, 7, 8)},
        "A2": {"skade": (31, 22, 27), "nedsk": (11, 13, 12)},
        "A3": {"skade": (14, 16, 19), "nedsk": (6, 8, 9)},
    }
    rest = {"vald": (6, 5, 7), "stold": (theft, theft, theft)}
    police = {"vald": (6, 5, 7), "stold": (theft, theft, theft)}
    data = _board(areas, rest, police)
    summary = protect(data)
    theft_row = next(f for f in data.figures if f.code == "stold")
    assert set(theft_row.hidden.values()) == {"primary"}
    assert summary.secondary > 0 and summary.unprotected == 0
    assert not data.total.hidden  # the kommun's total is the last thing to hide
    assert _pinned(data) == []


def test_a_hidden_police_count_is_not_pinned_by_the_rest():
    """Violence: 5 in the areas and 2 police events on the kommun only (shown <3 in the
    police table). Kommun 7 − areas 5 = 2 is at most the police's count, which is at most 2:
    the rest must be able to be smaller, or the police's count is given away."""
    areas = {
        "A1": {"skade": (20, 18, 25), "nedsk": (9, 7, 8), "vald": (3, 4, 5)},
        "A2": {"skade": (31, 22, 27), "nedsk": (11, 13, 12), "vald": (2, 6, 4)},
        "A3": {"skade": (14, 16, 19), "nedsk": (6, 8, 9)},
    }
    data = _board(areas, {"vald": (2, 2, 2)}, {"vald": (2, 2, 2)})
    summary = protect(data)
    assert data.police_hidden[0] == {0: "primary", 1: "primary", 2: "primary"}
    assert summary.secondary > 0 and summary.unprotected == 0
    assert _pinned(data) == []


def test_small_counts_in_areas_and_a_rest_are_protected_together():
    areas = {
        "A1": {"skade": (1, 18, 2), "nedsk": (9, 1, 8)},
        "A2": {"skade": (31, 2, 27), "nedsk": (11, 13, 1), "vald": (2, 0, 0)},
        "A3": {"skade": (14, 16, 19), "nedsk": (6, 8, 9)},
    }
    data = _board(areas, {"vald": (4, 1, 7), "stold": (1, 0, 2)},
                  {"vald": (4, 1, 7), "stold": (1, 0, 2)})
    summary = protect(data)
    assert summary.primary >= 8 and summary.unprotected == 0
    assert _pinned(data) == []


def _line_ranges(values: dict[str, int], hidden: dict[str, str], total: str
                 ) -> dict[str, tuple[float, float]]:
    """A reader's LP over one line whose ``total`` is the sum of the rest: "<3" is 0..2,
    ".." at least 3."""
    keys = [k for k in values if hidden.get(k)]
    row = np.array([-1.0 if k == total else 1.0 for k in keys])
    rhs = -sum((-1.0 if k == total else 1.0) * v for k, v in values.items() if k not in keys)
    bounds = [(0, 2) if hidden[k] == "primary" else (3, None) for k in keys]
    out = {}
    for i, key in enumerate(keys):
        c = np.zeros(len(keys))
        c[i] = 1
        lo = linprog(c, A_eq=[row], b_eq=[rhs], bounds=bounds, method="highs")
        hi = linprog(-c, A_eq=[row], b_eq=[rhs], bounds=bounds, method="highs")
        out[key] = (lo.fun, -hi.fun if hi.status == 0 else np.inf)
    return out


@pytest.mark.parametrize("small", [(1,), (2,), (1, 1), (1, 2)])
def test_a_kommun_without_areas_hides_a_count_beside_its_small_ones(small):
    """No areas imported: the kommun's line is the only table. Its total less the printed
    categories would give a lone small count away, so a larger one is hidden beside it."""
    counts = dict(zip(CATEGORIES, (40, 3, *small, 9, 12)))
    data = _board({}, {c: (v, v, v) for c, v in counts.items()}, {})
    summary = protect(data)
    assert summary.unprotected == 0 and summary.secondary == 3  # one per column
    assert not data.total.hidden  # the headline number stays
    for col in COLUMNS:
        values = {f.code: getattr(f, col) for f in [*data.figures, data.total]}
        hidden = {f.code: f.hidden.get(col) for f in [*data.figures, data.total]}
        assert sum(1 for v in hidden.values() if v == "secondary") == 1
        for key, (lo, hi) in _line_ranges(values, hidden, "total").items():
            assert hi - lo >= 1, (col, key, lo, hi)


def _measures(rows: dict[str, dict[str, int]]):
    from trygghet_plugin.reports.board_measures import COLUMNS as MCOLS
    from trygghet_plugin.reports.board_measures import EVALUATED, TOTAL_LABEL
    from trygghet_plugin.reports.model import MeasuresSection, MeasureTypeRow

    lines = []
    for code, counts in rows.items():
        full = {key: counts.get(key, 0) for key, _, _ in MCOLS}
        full[EVALUATED] = sum(v for k, v in full.items() if k != EVALUATED)
        lines.append(MeasureTypeRow(code, code, full))
    total = {key: sum(r.counts[key] for r in lines) for key, _, _ in MCOLS}
    return MeasuresSection(lines, MeasureTypeRow(None, TOTAL_LABEL, total))


def _measure_ranges(section) -> dict[tuple[str, str], tuple[float, float]]:
    """The reader's LP over the printed measures table: each line's "Utvärderade" is the sum
    of its verdicts, "Alla typer" the sum of the types."""
    lines = [*section.rows, section.total]
    cols = list(section.total.counts)
    value = {(r.label, c): r.counts[c] for r in lines for c in cols}
    reason = {(r.label, c): r.hidden.get(c) for r in lines for c in cols}
    hidden = [k for k, why in reason.items() if why]
    index = {k: i for i, k in enumerate(hidden)}
    eq, b_eq = [], []

    def add(terms: dict) -> None:
        row, rhs = np.zeros(len(hidden)), 0.0
        for key, coef in terms.items():
            if key in index:
                row[index[key]] += coef
            else:
                rhs -= coef * value[key]
        eq.append(row)
        b_eq.append(rhs)

    for r in lines:
        add({**{(r.label, c): 1.0 for c in cols[1:]}, (r.label, cols[0]): -1.0})
    for c in cols:
        add({**{(r.label, c): 1.0 for r in section.rows}, (section.total.label, c): -1.0})
    bounds = [(0, 2) if reason[k] == "primary" else (3, None) for k in hidden]
    out = {}
    for key, i in index.items():
        c = np.zeros(len(hidden))
        c[i] = 1
        lo = linprog(c, A_eq=eq, b_eq=b_eq, bounds=bounds, method="highs")
        hi = linprog(-c, A_eq=eq, b_eq=b_eq, bounds=bounds, method="highs")
        assert lo.status == 0 and hi.status in (0, 3), (lo.message, hi.message)
        out[key] = (lo.fun, -hi.fun if hi.status == 0 else np.inf)
    return out


def test_small_counts_of_measures_are_hidden_and_cannot_be_worked_out():
    from trygghet_plugin.reports.board_measures import table_rows
    from trygghet_plugin.reports.disclosure import DisclosureSummary, protect_measures

    section = _measures({
        "belysning": {"decreased": 6, "no_change": 4, "too_few": 1},
        "kamerabevakning": {"decreased": 3, "no_change": 7, "displaced": 2},
        "narvaro": {"decreased": 5, "no_change": 5, "increased": 4, "too_few": 3},
    })
    summary = DisclosureSummary(2)
    protect_measures(section, 2, summary)
    assert summary.primary >= 2 and summary.secondary >= 2 and summary.unprotected == 0
    assert summary.published == 4 * 6
    printed = {row[0]: row[1:] for row in table_rows(section, 2)}
    assert printed["belysning"][5] == "<3" and printed["kamerabevakning"][3] == "<3"
    assert ".." in [cell for row in printed.values() for cell in row]
    ranges = _measure_ranges(section)
    assert ranges and all(hi - lo >= 1 for lo, hi in ranges.values()), ranges


def test_a_threshold_of_zero_prints_every_measure_count():
    from trygghet_plugin.reports.board_measures import table_rows
    from trygghet_plugin.reports.disclosure import DisclosureSummary, protect_measures

    section = _measures({"belysning": {"decreased": 1}, "dialog": {"too_few": 2}})
    protect_measures(section, 0, DisclosureSummary(0))
    assert table_rows(section, 0) == [["belysning", "1", "1", "0", "0", "0", "0"],
                                      ["dialog", "2", "0", "0", "0", "0", "2"],
                                      ["Alla typer", "3", "1", "0", "0", "0", "2"]]
