"""Statistical disclosure control for the public board analysis: one pass over the finished
model, after the figures are computed and before anything is written in words.

What the document publishes, seen as tables of counts (one per column: this tertial, the
previous one, a year earlier):

* rows: the kommun and each area; columns: each category and the total;
* each row's total is the sum of its categories, and the areas add up to the kommun but for
  what is placed no closer than the kommun (police events at its centre point): that rest
  is a row of its own that the document does not print, so every column is a table with
  both margins. None of the rest's cells is printed: each is an unknown to the reader,
  from 0 to the police's count of that type (the method section says the rest is the
  police's kommun-level events). What the printed totals say about it (the kommun's total
  minus the areas' totals) is the balance of the totals' column, so a cycle through the
  rest's total needs another hidden total;
* the trend (text and chart) repeats the kommun's row for every tertial of three years;
* the police's counts per type are a part of the kommun's counts of that type.

Primary suppression hides every count 1..threshold (shown ``<threshold+1``). Secondary
(complementary) suppression then hides as few other counts as it can so that no hidden count
can be worked out: a table with both margins is a network (a row node per kommun/area, a
column node per category/total, a cell an arc between them; the margins keep the flow in
balance), and the values its hidden cells can take move together exactly along cycles of
hidden cells. A hidden cell can take more than one value if, and only if, it lies on a
cycle in which every cell can move the way the cycle moves it (a count at its lowest
possible value can only grow). For each hidden cell without such a cycle, the cheapest path
of published cells that closes one is hidden as well (Dijkstra over the table; small cells
and inner cells are cheap, margins dear): the shortest-path method of τ-ARGUS and sdcTable
for two-dimensional tables with margins. A count hidden for another's sake is never 0 and
always above the threshold (shown ``..``); the method section says so. "<3" means 0, 1 or
2 to the reader: where all of a line's non-zero counts are small (1 + 1 = 2), a 0 of the
line is shown as "<3" too, since no larger count could protect them.

A percent change, a rate per 1,000, a chart bar or a significance star that uses a hidden
count is hidden with it (see :mod:`.privacy` and the text builders in :mod:`.data`).
"""

from __future__ import annotations

import heapq
import time
from dataclasses import dataclass, field

from .model import BoardData, FigureRow, MeasuresSection

PRIMARY, SECONDARY = "primary", "secondary"
#: The rest row's categories: not printed, so free for a reader (0 or more).
UNPUBLISHED = "unpublished"
REST = "\x00rest"  # row key of what the kommun counts in no area
COLUMNS = ("count", "previous", "year_ago")
KOMMUN, TOTAL = "", "\x00total"  # row key of the kommun, column key of the totals
INF = float("inf")
#: extra cost of hiding the kommun's total (quoted in the findings and the trend)
GRAND_TOTAL_COST = 20.0


@dataclass
class DisclosureSummary:
    """What the pass hid, for the method section, the Processing log and the benchmark."""

    threshold: int
    published: int = 0  # counts the document prints (tables, trend, police)
    primary: int = 0
    secondary: int = 0
    unprotected: int = 0  # hidden counts no cycle could be found for (none expected)
    seconds: float = 0.0

    @property
    def hidden(self) -> int:
        return self.primary + self.secondary

    @property
    def loss(self) -> float:
        """Share of the published counts that are hidden (information loss)."""
        return self.hidden / self.published if self.published else 0.0


@dataclass
class _Cell:
    row: str
    col: str
    value: int
    lower: int = 0  # what the reader knows: the police's count of the type, at least
    hidden: str | None = None
    figure: FigureRow | None = field(default=None, repr=False)
    upper: float = INF  # an unprinted cell's most, as the reader sees it (see _rest_row)
    #: an unprinted cell whose smallest possible value would pin a hidden count (the
    #: police's): it must be able to shrink along a cycle
    needs_shrink: bool = False

    def bounds(self, threshold: int, strict: bool) -> tuple[float, float]:
        """The values a reader knows a hidden cell may take (``strict``: a reader who
        takes every "<3" for 1 or 2)."""
        if self.hidden == UNPUBLISHED:
            return 0, self.upper
        if self.hidden == PRIMARY:
            return (max(1, self.lower) if self.value and strict else self.lower), threshold
        return max(threshold + 1, self.lower), INF

    def moves(self, threshold: int, strict: bool) -> tuple[bool, bool]:
        """(can grow, can shrink) if hidden, at its present value."""
        low, high = self.bounds(threshold, strict)
        return self.value < high, self.value > low

    def arc(self) -> tuple[str, str]:
        """Nodes of the arc that carries an increase of the cell (see the module doc)."""
        row, col = f"r:{self.row}", f"c:{self.col}"
        if self.row != KOMMUN and self.col != TOTAL:
            return row, col
        if self.row != KOMMUN:  # an area's total
            return col, row
        if self.col != TOTAL:  # the kommun's count of a category
            return col, row
        return row, col  # the grand total

    @property
    def margin(self) -> bool:
        return self.row == KOMMUN or self.col == TOTAL


class _Table:
    """One column of the document (e.g. this tertial) as a table with both margins."""

    def __init__(self, cells: list[_Cell], threshold: int):
        self.cells = cells
        self.n = threshold
        self.strict = True
        self.scale = max((c.value for c in cells), default=1) or 1

    def _arcs(self, skip: _Cell | None, with_published: bool
              ) -> dict[str, list[tuple[str, float, _Cell]]]:
        out: dict[str, list[tuple[str, float, _Cell]]] = {}
        for cell in self.cells:
            if cell is skip:
                continue
            if cell.hidden:
                cost = 0.0
            elif with_published and cell.value > 0:
                cost = 1.0 + (2.0 if cell.margin else 0.0) + cell.value / (cell.value + 50.0)
                if cell.row == KOMMUN and cell.col == TOTAL:
                    cost += GRAND_TOTAL_COST  # the headline number: the last resort
            else:
                continue
            grow, shrink = _moves_if_hidden(cell, self.n, self.strict)
            u, v = cell.arc()
            if grow:
                out.setdefault(u, []).append((v, cost, cell))
            if shrink:
                out.setdefault(v, []).append((u, cost, cell))
        return out

    def _path(self, cell: _Cell, with_published: bool) -> list[_Cell] | None:
        """The cheapest cycle through ``cell``: the cells that close it (None: none)."""
        grow, shrink = cell.moves(self.n, self.strict)
        grow = grow and not cell.needs_shrink
        u, v = cell.arc()
        arcs = self._arcs(cell, with_published)
        best: tuple[float, list[_Cell]] | None = None
        for ok, start, goal in ((grow, v, u), (shrink, u, v)):
            if not ok:
                continue
            found = _dijkstra(arcs, start, goal)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        return None if best is None else best[1]

    def protect(self) -> int:
        """Hide cells until every hidden cell lies on a cycle, first for a reader who takes
        "<3" for 1 or 2 (a line that cannot be protected for that reader gets a 0 shown as
        <3, see :meth:`_blur`), then for the reader the method section speaks to ("<3" is
        0, 1 or 2). Returns the cells left without a cycle (none expected)."""
        self.strict = True
        self._protect()
        self.strict = False
        return self._protect()

    def _protect(self) -> int:
        unprotected = 0
        done: set[int] = set()
        while True:
            pinned = [c for c in self.cells if c.hidden
                      and (c.hidden != UNPUBLISHED or c.needs_shrink)
                      and id(c) not in done and self._path(c, with_published=False) is None]
            if not pinned:
                return unprotected
            # The smallest first: its cycle often protects others on the way.
            cell = min(pinned, key=lambda c: (c.value, c.row, c.col))
            path = self._path(cell, with_published=True)
            if path is None:
                unprotected += not (self.strict and self._blur(cell))
                done.add(id(cell))
                continue
            for other in path:
                if not other.hidden:
                    other.hidden = SECONDARY


    def _blur(self, cell: _Cell) -> bool:
        """A line whose every non-zero count is already small and hidden (say 1 + 1 = 2,
        each shown <3) cannot be protected with larger counts: show a 0 of the same
        category or area as <3 too, so that "<3" means 0, 1 or 2 to the reader, as the
        method section says (the 0 is then protected like any hidden cell). A 0 in a line
        whose total is a printed 0 would protect nothing. True when a 0 was found."""
        totals = {(c.row, c.col): c for c in self.cells if c.row == KOMMUN or c.col == TOTAL}

        def open_line(c: _Cell) -> bool:
            row, col = totals.get((c.row, TOTAL)), totals.get((KOMMUN, c.col))
            return all(t is None or t.hidden or t.value > 0 for t in (row, col))

        zeros = [c for c in self.cells if not c.hidden and c.value == 0 and not c.margin
                 and c.row != REST and (c.col == cell.col or c.row == cell.row)
                 and open_line(c)]
        zeros.sort(key=lambda c: not any(t.hidden for t in (
            totals.get((c.row, TOTAL)), totals.get((KOMMUN, c.col))) if t is not None))
        for zero in zeros[:1]:
            zero.hidden = PRIMARY
        return bool(zeros)


def _moves_if_hidden(cell: _Cell, threshold: int, strict: bool) -> tuple[bool, bool]:
    if cell.hidden:
        return cell.moves(threshold, strict)
    low = max(threshold + 1, cell.lower)
    return True, cell.value > low


def _dijkstra(arcs: dict[str, list[tuple[str, float, _Cell]]], start: str, goal: str
              ) -> tuple[float, list[_Cell]] | None:
    queue: list[tuple[float, int, str]] = [(0.0, 0, start)]
    best = {start: 0.0}
    came: dict[str, tuple[str, _Cell]] = {}
    tie = 0
    while queue:
        dist, _, node = heapq.heappop(queue)
        if node == goal:
            path = []
            while node != start:
                node, cell = came[node]
                path.append(cell)
            return dist, path
        if dist > best.get(node, INF):
            continue
        for nxt, cost, cell in arcs.get(node, ()):
            d = dist + cost
            if d < best.get(nxt, INF):
                best[nxt] = d
                came[nxt] = (node, cell)
                tie += 1
                heapq.heappush(queue, (d, tie, nxt))
    return None


def _rows(data: BoardData) -> list[tuple[str, list[FigureRow], FigureRow]]:
    return [(KOMMUN, data.figures, data.total)] + \
        [(area.code, area.figures, area.total) for area in data.areas]


def protect(data: BoardData, threshold: int | None = None) -> DisclosureSummary:
    """Hide, in place, every count of ``data`` that is small or would give a small one away;
    sets ``FigureRow.hidden``, ``BoardData.trend_hidden`` and ``BoardData.police_hidden``."""
    started = time.perf_counter()
    n = data.small_count_threshold if threshold is None else threshold
    summary = DisclosureSummary(n)
    police_lower = _police_lower(data, n)
    police = {col: {label: values[i] for label, *values in data.police_rows}
              for i, col in enumerate(COLUMNS)}
    for col in COLUMNS:
        cells = []
        for row, figures, total in _rows(data):
            for figure in [*figures, total]:
                key = TOTAL if figure is total else figure.code
                value = int(getattr(figure, col) or 0)
                lower = police_lower.get((figure.label, col), 0) if row == KOMMUN else 0
                cell = _Cell(row, key, value, lower, figure=figure)
                if 0 < value <= n:
                    cell.hidden = PRIMARY
                cells.append(cell)
        cells += _rest_row(cells, police.get(col, {}), n)
        if data.areas:
            summary.unprotected += _Table(cells, n).protect()
        else:
            summary.unprotected += _protect_lone_row(cells, n)
        for cell in cells:
            figure = cell.figure
            if figure is None:  # the rest row is not printed
                continue
            if cell.hidden:
                figure.hidden[col] = cell.hidden
            else:
                figure.hidden.pop(col, None)
            summary.published += 1
            summary.primary += cell.hidden == PRIMARY
            summary.secondary += cell.hidden == SECONDARY
    _protect_trend(data, n, summary)
    _protect_police(data, n, summary)
    summary.seconds = time.perf_counter() - started
    data.disclosure = summary
    return summary


def _protect_lone_row(cells: list[_Cell], n: int) -> int:
    """Without areas the kommun's line is the only table: its total less its printed
    categories would give a lone hidden count away. A count that can move both ways (at
    least two above the threshold and its lower bound) is hidden with it, so that any hidden
    count can trade with it; the total only when no category can. Returns 0, or 1 when
    nothing could protect the line."""
    row = [c for c in cells if c.row == KOMMUN]
    total = next((c for c in row if c.col == TOTAL), None)
    categories = [c for c in row if c.col != TOTAL]
    if total is None or total.hidden or not any(c.hidden for c in categories):
        return 0

    def movable(c: _Cell) -> bool:
        return c.value >= max(n + 1, c.lower) + 1

    if any(c.hidden == SECONDARY and movable(c) for c in categories):
        return 0
    candidates = sorted((c for c in categories if not c.hidden and movable(c)),
                        key=lambda c: c.value)
    if candidates:
        candidates[0].hidden = SECONDARY
        return 0
    if total.value > n:
        total.hidden = SECONDARY
        return 0
    return 1


def protect_measures(section: MeasuresSection, n: int, summary: DisclosureSummary,
                     evaluated: str = "evaluated") -> None:
    """The measures table (a line per type and the total line; the verdict columns and
    their sum, ``evaluated``) is a table with both margins like one column of the figures:
    small counts hidden, and as few others as a cycle needs so that none can be worked out
    from the sums. Sets ``MeasureTypeRow.hidden`` and counts what it hid in ``summary``."""
    if not section.rows:
        return  # nothing is printed but a line saying so
    rows = [(row.code or "", row) for row in section.rows] + [(KOMMUN, section.total)]
    cells = []
    for key, row in rows:
        row.hidden = {}
        for col, value in row.counts.items():
            cell = _Cell(key or KOMMUN, TOTAL if col == evaluated else col, int(value))
            cell.figure = row  # type: ignore[assignment]  # the line, to write back
            if 0 < value <= n:
                cell.hidden = PRIMARY
            cells.append((col, cell))
    if n > 0:
        summary.unprotected += _Table([c for _, c in cells], n).protect()
    for col, cell in cells:
        if cell.hidden:
            cell.figure.hidden[col] = cell.hidden
        summary.published += 1
        summary.primary += cell.hidden == PRIMARY
        summary.secondary += cell.hidden == SECONDARY


def _rest_row(cells: list[_Cell], police: dict[str, int], n: int) -> list[_Cell]:
    """The kommun's counts that lie in no area (kommun minus the areas), as an unprinted
    row: every cell an unknown to the reader (the network's balances say what the printed
    totals give away about it). The method section says that what lies in no area is the
    police's events placed only on the kommun, so a reader takes a category's rest to be at
    most the police's printed count of that type (``n`` when that is shown <n+1, 0 for a
    type the police table does not list). Where the rest is as large as a hidden police
    count can be, a rest that cannot shrink would pin that police count: it must shrink
    along a cycle like any hidden count."""
    areas = [c for c in cells if c.row not in (KOMMUN, REST)]
    if not areas:
        return []
    rest: dict[str, int] = {}
    for c in cells:
        if c.row == KOMMUN:
            rest[c.col] = rest.get(c.col, 0) + c.value
    for c in areas:
        rest[c.col] = rest.get(c.col, 0) - c.value
    if not any(rest.values()) or min(rest.values()) < 0:
        return []  # the areas hold everything (or the tables do not add up: no row)
    labels = {c.col: c.figure.label for c in cells if c.row == KOMMUN and c.figure}
    out = []
    for col, value in rest.items():
        cell = _Cell(REST, col, value, hidden=UNPUBLISHED)
        if col != TOTAL:
            seen = police.get(labels.get(col, ""), 0)
            hidden = 0 < seen <= n
            # never below the true value: a rest that holds more than the police's events
            # (a point outside every area) is no bound a reader can rely on
            cell.upper = max(value, n if hidden else seen)
            cell.needs_shrink = hidden and value >= n
        out.append(cell)
    return out


def _police_lower(data: BoardData, n: int) -> dict[tuple[str, str], int]:
    """The police's counts a reader sees: a part of the kommun's count of the same type."""
    out = {}
    for label, *values in data.police_rows:
        for col, value in zip(COLUMNS, values):
            out[(label, col)] = 1 if 0 < value <= n else int(value)
    return out


def _protect_trend(data: BoardData, n: int, summary: DisclosureSummary) -> None:
    """The trend repeats the kommun's row: the tertial, the previous one and a year earlier
    follow the tables; the older tertials stand alone (small counts only)."""
    linked = {data.trend_index.get(col): col for col in COLUMNS
              if data.trend_index.get(col) is not None}
    kommun = {f.code: f for f in data.figures}
    data.trend_hidden = {}
    for code, values in data.trend_series.items():
        hidden: dict[int, str] = {}
        for j, value in enumerate(values):
            col = linked.get(j)
            reason = kommun[code].hidden.get(col) if col and code in kommun else None
            if reason is None and 0 < value <= n:
                reason = PRIMARY
            if reason:
                hidden[j] = reason
            if col is None:  # the linked ones are counted with the tables
                summary.published += 1
                summary.primary += reason == PRIMARY
        if hidden:
            data.trend_hidden[code] = hidden


def _protect_police(data: BoardData, n: int, summary: DisclosureSummary) -> None:
    data.police_hidden = []
    for _label, *values in data.police_rows:
        hidden = {j: PRIMARY for j, value in enumerate(values) if 0 < value <= n}
        data.police_hidden.append(hidden)
        summary.published += len(values)
        summary.primary += len(hidden)


def small_counts(n: int) -> str:
    """"1–2" (or "1" when the threshold is 1): the counts shown as ``<n+1``."""
    return "1" if n == 1 else f"1–{n}"


def method_text(summary: DisclosureSummary) -> str:
    """The method section's paragraph on what is hidden and why, in plain Swedish."""
    n = summary.threshold
    share = f"{summary.loss * 100:.1f}".replace(".", ",")
    if n <= 0:  # the municipality chose to hide nothing: say so, claim no protection
        return (f"Röjandekontroll: gränsen för små antal är satt till 0, så inga antal "
                f"döljs. Alla rapportens {summary.published} antal visas.")
    return (
        f"Röjandekontroll: små antal kan peka ut enskilda personer. Antal {small_counts(n)} "
        f"visas därför som <{n + 1} (där det behövs för skyddet även 0, så <{n + 1} betyder "
        f"0–{n}). Eftersom tabellernas summor, föregående perioder, "
        "procentförändringar, antal per 1 000 invånare och områdessidorna (som tillsammans "
        "blir kommunens tabell) annars skulle göra det möjligt att räkna fram ett dolt antal, "
        "döljs också några andra antal, så få och så små som möjligt. De visas som .. och är "
        f"alltid större än {n}. En procentförändring, ett antal per 1 000 invånare eller en "
        "stjärna som bygger på ett dolt antal visas som –, och en kategori med något dolt "
        f"antal visas inte i diagrammet. Av rapportens {summary.published} antal är "
        f"{summary.hidden} ({share} %) dolda: {summary.primary} små antal och "
        f"{summary.secondary} för att skydda dem.")
