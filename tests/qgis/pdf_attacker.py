"""A curious reader of the public board analysis, with nothing but the PDF's text.

Reads every count the document prints (key figures, the area pages, the trend chart in
words, the police table, the findings), writes down every linear relation between them that
the document publishes, and asks a linear programme for the smallest and largest value each
hidden count can take:

* each table's total row is the sum of its category rows (per column);
* the area tables add up to at most the kommun table (per category and column, and the
  totals; what is placed only on the kommun is in no area);
* a percent change ties a count to the count it is compared with (rounded to whole %);
* a rate per 1,000 with the population beside it pins an area's total (rounded to 0,1);
* the trend text repeats the kommun's counts of this tertial and a year ago;
* the police's counts per type are part of the kommun's counts of that type (≤);
* what the kommun counts in no area is, as the method section says, the police's events
  placed only on the kommun: the kommun minus the areas is at most the police's count of
  that type (a reader who finds that contradicted drops it).

A hidden count shown as ``<n`` lies in 1..n-1 (0..n-1 when the method section says that
``<n`` may stand for 0 too); one hidden for another's sake (shown ``..``) is at least n, as
the method section says. A hidden count is *pinned* when only one whole
number fits. scipy is used here only: the plugin never needs it.

Run by hand: ``python tests/qgis/pdf_attacker.py namndanalys.pdf``.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

NUM = r"(?:\d{1,3}(?: \d{3})*|<\d+|\.\.|–)"
CHANGE = r"(?:[+−]?\d{1,3}(?: \d{3})* ?%|–)"
EXPECTED = r"(?:\d+(?:–\d+)?|–)"  # "Väntat": a range from the row's history, or "–"
ROW = re.compile(rf"^\s*(?P<label>\S.*?)\s+(?P<c>{NUM})(?: ?[↑↓]\*)?\s+(?P<e>{EXPECTED})"
                 rf"\s+(?P<p>{NUM})\s+(?P<y>{NUM})\s+(?P<cy>{CHANGE})\s*$")
UNLABELLED = re.compile(rf"^\s*(?P<c>{NUM})(?: ?[↑↓]\*)?\s+(?P<e>{EXPECTED})"
                        rf"\s+(?P<p>{NUM})\s+(?P<y>{NUM})\s+(?P<cy>{CHANGE})\s*$")
POLICE_ROW = re.compile(rf"^\s*(?P<label>\S.*?)\s+(?P<c>{NUM})\s+(?P<p>{NUM})\s+(?P<y>{NUM})\s*$")
COLUMNS = ("count", "previous", "year_ago")
KOMMUN = "__kommun__"
TOTAL = "Totalt"


def pdf_pages(path) -> list[str]:
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout).group(1))
    return [unicodedata.normalize("NFKC", subprocess.run(
        ["pdftotext", "-layout", "-f", str(i), "-l", str(i), str(path), "-"],
        capture_output=True, text=True, check=True).stdout) for i in range(1, count + 1)]


@dataclass
class Reading:
    """What the reader wrote down: the cells and the relations between them."""

    threshold: int = 2
    zero_possible: bool = False  # the document says "<n" may stand for 0
    values: dict[tuple, str] = field(default_factory=dict)  # cell -> printed text
    equal: list[tuple[dict[tuple, float], float]] = field(default_factory=list)
    at_most: list[tuple[dict[tuple, float], float]] = field(default_factory=list)
    #: the reader's assumption that the rest is the police's kommun-level events
    rest_is_police: list[tuple[dict[tuple, float], float]] = field(default_factory=list)

    def cell(self, key: tuple, text: str) -> None:
        old = self.values.get(key)
        if old is None or _hidden(old) and not _hidden(text):
            self.values[key] = text

    def hidden(self) -> list[tuple]:
        return [k for k, v in self.values.items() if _hidden(v)]


def _hidden(text: str) -> bool:
    return text.startswith("<") or text == ".."


def _int(text: str) -> int:
    return int(text.replace(" ", ""))


def _percent(text: str) -> float | None:
    if text == "–":
        return None
    return float(text.replace("%", "").replace("*", "").replace(" ", "").replace("−", "-"))


def _table_rows(page: str) -> list[dict]:
    """The rows of the page's figures table. A long category name may wrap in its cell
    (QGIS 3.40 does, 3.22 does not): the text lines just above and below a row without a
    label are its name."""
    lines = page.splitlines()
    start = next((i for i, ln in enumerate(lines) if re.match(r"\s*Kategori\s+Antal", ln)), None)
    if start is None:
        return []
    rows: list[dict] = []
    before: list[str] = []  # name fragments waiting for their row
    open_row: dict | None = None  # a row whose name may go on below it
    for line in lines[start + 1:]:
        bare = UNLABELLED.match(line)
        m = ROW.match(line) if bare is None else None
        text = line.strip()
        if bare is not None:
            open_row = {**bare.groupdict(), "label": " ".join(before)}
            rows.append(open_row)
            before = []
        elif m is not None:
            rows.append(m.groupdict())
            open_row, before = None, []
        elif text and len(text) <= 40 and not re.search(r"\d", text):
            if open_row is not None:
                open_row["label"] = f"{open_row['label']} {text}".strip()
                open_row = None
            else:
                before.append(text)
        elif rows and text:
            break
    return rows


def _read_table(reading: Reading, area: str, rows: list[dict], tertial: str) -> None:
    labels = []
    for m in rows:
        label = m["label"].strip()
        labels.append(label)
        for col, group in zip(COLUMNS, ("c", "p", "y")):
            reading.cell((area, label, col), m[group])
        pct = _percent(m["cy"])  # the change against a year earlier (context)
        if pct is not None:
            reading.equal.append(({"pct": (area, label, "count", "year_ago", pct)}, 0.0))
    for col in COLUMNS:  # the total row is the sum of the category rows
        terms = {(area, label, col): 1.0 for label in labels if label != TOTAL}
        terms[(area, TOTAL, col)] = -1.0
        reading.equal.append((terms, 0.0))


def read(pages: list[str]) -> Reading:
    reading = Reading()
    mark = re.search(r"visas som <(\d+)", pages[0])
    reading.threshold = int(mark.group(1)) - 1 if mark else 2
    n = reading.threshold
    reading.zero_possible = any(f"betyder 0–{n}" in " ".join(p.split()) for p in pages)
    tertial = re.search(r"Tertial (\d{4}-T\d)", pages[0]).group(1)
    year_ago = f"{int(tertial[:4]) - 1}{tertial[4:]}"
    areas: list[str] = []
    labels_by_area: dict[str, set[str]] = {}
    for number, page in enumerate(pages):
        rows = _table_rows(page)
        if number == 0:
            _read_table(reading, KOMMUN, rows, tertial)
            labels_by_area[KOMMUN] = {m["label"].strip() for m in rows}
            _read_findings(reading, page)
        elif rows:
            code = re.search(r"\((\w{9,})\)\s*$", page.split("Invånare")[0].strip(), re.M)
            area = code.group(1) if code else f"page{number + 1}"
            areas.append(area)
            _read_table(reading, area, rows, tertial)
            labels_by_area[area] = {m["label"].strip() for m in rows}
            _read_rate(reading, area, page)
        if "Samma tertial de senaste åren" in page:
            _read_trend(reading, page, tertial, year_ago)
        if "Händelsetyp" in page:
            _read_police(reading, page)
    # The area tables add up to at most the kommun table (incidents placed no closer than
    # the kommun count in the kommun, in no area, and the document says so); a row missing
    # from a table is 0.
    every = set().union(*labels_by_area.values()) if labels_by_area else set()
    for label in every:
        for col in COLUMNS:
            terms: dict[tuple, float] = defaultdict(float)
            for area in areas:
                if label in labels_by_area[area]:
                    terms[(area, label, col)] += 1.0
            if label in labels_by_area.get(KOMMUN, ()):
                terms[(KOMMUN, label, col)] -= 1.0
            reading.at_most.append((dict(terms), 0.0))
            if label != TOTAL and label in labels_by_area.get(KOMMUN, ()):
                rest = {k: -v for k, v in terms.items()}  # kommun minus the areas
                rest[("police", label, col)] = -1.0  # a type the police omit is 0
                reading.rest_is_police.append((rest, 0.0))
    return reading


def _read_rate(reading: Reading, area: str, page: str) -> None:
    pop = re.search(r"Invånare: ([\d ]+)\.", page)
    rate = re.search(r"per 1 000 invånare i tertialen: ([\d ]+,\d)\.", page)
    if pop and rate:
        p = _int(pop.group(1))
        r = float(rate.group(1).replace(" ", "").replace(",", "."))
        key = (area, TOTAL, "count")  # r - 0.05 <= 1000 x / p <= r + 0.05
        reading.at_most.append(({key: 1000.0 / p}, r + 0.05))
        reading.at_most.append(({key: -1000.0 / p}, -(r - 0.05)))


def _read_trend(reading: Reading, page: str, tertial: str, year_ago: str) -> None:
    text = " ".join(page.split())
    for m in re.finditer(r"• ([^•:]+?): ((?:" + NUM + r" \(\d{4}-T\d\)(?:, )?)+)\.", text):
        label = m.group(1).strip()
        for value, when in re.findall(r"(" + NUM + r") \((\d{4}-T\d)\)", m.group(2)):
            col = {tertial: "count", year_ago: "year_ago"}.get(when)
            reading.cell((KOMMUN, label, col) if col else (KOMMUN, label, when), value)


def _read_police(reading: Reading, page: str) -> None:
    lines = page.splitlines()
    start = next(i for i, ln in enumerate(lines) if "Händelsetyp" in ln)
    for line in lines[start + 1:]:
        m = POLICE_ROW.match(line)
        if not m:
            continue
        label = m["label"].strip()
        for col, group in zip(COLUMNS, ("c", "p", "y")):
            reading.cell(("police", label, col), m[group])
            # the police's events of a type are among the kommun's events of that type
            reading.at_most.append(({("police", label, col): 1.0,
                                     (KOMMUN, label, col): -1.0}, 0.0))


def _read_findings(reading: Reading, page: str) -> None:
    text = " ".join(page.split("Det viktigaste", 1)[-1].split("Kategori")[0].split())
    m = re.search(r"kom ([\d ]+?) rapporter och händelser", text)
    if m:
        reading.cell((KOMMUN, TOTAL, "count"), m.group(1).strip())
    m = re.search(r"Samma tertial året innan kom ([\d ]+?) \((\d+) % (fler|färre) i år\)", text)
    if m:
        reading.cell((KOMMUN, TOTAL, "year_ago"), m.group(1).strip())
        sign = 1 if m.group(3) == "fler" else -1
        reading.equal.append(({"pct": (KOMMUN, TOTAL, "count", "year_ago",
                                       sign * float(m.group(2)))}, 0.0))


@dataclass
class Attack:
    hidden: list[tuple]
    ranges: dict[tuple, tuple[float, float]]
    rest_assumed: bool = False  # the rest taken as the police's kommun-level events

    @property
    def pinned(self) -> list[tuple]:
        return [k for k, (lo, hi) in self.ranges.items()
                if math.isfinite(hi) and math.floor(hi + 1e-6) <= math.ceil(lo - 1e-6)]


def attack(pages: list[str], *, strict: bool = False) -> Attack:
    """The feasible range of every hidden count. ``strict``: the reader takes every "<n"
    for 1..n-1 whatever the document says."""
    import numpy as np
    from scipy.optimize import linprog

    reading = read(pages)
    n = reading.threshold
    hidden = reading.hidden()
    index = {k: i for i, k in enumerate(hidden)}
    lower_labels = {(k[0], k[1].lower()): k[1] for k in reading.values}

    def value(key):
        text = reading.values.get(key)
        if text is None:
            return 0.0  # a row a table leaves out is zero
        return None if _hidden(text) else float(_int(text)) if text != "–" else None

    a_eq, b_eq, a_ub, b_ub = [], [], [], []

    def add(terms: dict, rhs: float, rows: list, rhs_list: list) -> None:
        row = np.zeros(len(hidden))
        for key, coef in terms.items():
            if key in index:
                row[index[key]] += coef
            else:
                v = value(key)
                if v is None:
                    return  # a relation with an unknown that is not a count (–)
                rhs -= coef * v
        if row.any():
            rows.append(row)
            rhs_list.append(rhs)

    for terms, rhs in reading.equal:
        if "pct" in terms:
            spec = terms["pct"]
            if spec[0].startswith("lower:"):
                label = lower_labels.get((KOMMUN, spec[0][6:]))
                if label is None:
                    continue
                area, now, before, pct = KOMMUN, (KOMMUN, label, spec[1]), \
                    (KOMMUN, label, spec[2]), spec[3]
            else:
                area, label, col, ref, pct = spec
                now, before = (area, label, col), (area, label, ref)
            if now not in index and before not in index:
                continue
            # |now - before (1 + pct/100)| <= before / 200 (the % is rounded)
            k = 1 + pct / 100
            add({now: 1.0, before: -k - 0.005}, 0.0, a_ub, b_ub)
            add({now: -1.0, before: k - 0.005}, 0.0, a_ub, b_ub)
            continue
        add(terms, rhs, a_eq, b_eq)
    for terms, rhs in reading.at_most:
        add(terms, rhs, a_ub, b_ub)
    small = 0 if reading.zero_possible and not strict else 1
    bounds = [(small, n) if reading.values[k].startswith("<") else (n + 1, None)
              for k in hidden]
    ranges = {}

    def constraints(ub: list, b: list) -> dict:
        return dict(A_eq=np.array(a_eq) if a_eq else None, b_eq=b_eq or None,
                    A_ub=np.array(ub) if ub else None, b_ub=b or None, bounds=bounds,
                    method="highs")

    kwargs = constraints(a_ub, b_ub)
    with_rest_ub, with_rest_b = list(a_ub), list(b_ub)
    for terms, rhs in reading.rest_is_police:
        add(terms, rhs, with_rest_ub, with_rest_b)
    rest_assumed = bool(hidden) and linprog(
        np.zeros(len(hidden)), **constraints(with_rest_ub, with_rest_b)).status != 2
    if rest_assumed:
        kwargs = constraints(with_rest_ub, with_rest_b)
    for key, i in index.items():
        c = np.zeros(len(hidden))
        c[i] = 1.0
        low = linprog(c, **kwargs)
        high = linprog(-c, **kwargs)
        if low.status == 2:
            raise AssertionError(f"the relations read from the PDF contradict each other: "
                                 f"{low.message}")
        ranges[key] = (low.fun if low.status == 0 else -math.inf,
                       -high.fun if high.status == 0 else math.inf)
    return Attack(hidden, ranges, rest_assumed)


if __name__ == "__main__":
    strict = "--strict" in sys.argv
    result = attack(pdf_pages(next(a for a in sys.argv[1:] if a != "--strict")), strict=strict)
    print(f"hidden {len(result.hidden)}, pinned {len(result.pinned)}"
          + (" (strict reader)" if strict else "")
          + (", rest taken as the police's kommun-level events" if result.rest_assumed
             else ""))
    for key in result.pinned:
        print("  pinned", key, result.ranges[key])
