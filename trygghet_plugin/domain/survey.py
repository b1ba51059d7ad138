"""Safety surveys (trygghetsmätning): results per area and question, places marked unsafe,
the 0-6 problem index and its classes, and "perceived against reported" per area.

The police's local safety surveys ask how big a problem something is in the area; the
answers are summarised as a problem index on a 0-6 scale (0-1 no problems ... above 3 large
problems). A survey that delivers answer distributions instead is turned into that index
with the weights in ``resources/survey_weights.json``, which the user can edit.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..i18n import translator

tr = translator("Analysis")

INDEX_MIN = 0.0
INDEX_MAX = 6.0

METHOD_INDEX = "index"  # index values delivered as they are
METHOD_DISTRIBUTION = "fordelning"  # computed from answer distributions with the weights


@dataclass(frozen=True)
class IndexClass:
    lower: float
    upper: float
    sv: str
    en: str
    color: str

    @property
    def legend(self) -> str:
        low = f"{self.lower:g}".replace(".", ",")
        high = f"{self.upper:g}".replace(".", ",")
        span = f"över {low}" if self.upper >= INDEX_MAX else f"{low}–{high}"
        return f"{span}: {self.sv}"


#: Classes on the problem-index scale, as the police's survey reports read them.
INDEX_CLASSES: tuple[IndexClass, ...] = (
    IndexClass(0.0, 1.0, "Inga eller mycket små problem", "No or very small problems", "#1a9641"),
    IndexClass(1.0, 2.0, "Små problem", "Small problems", "#a6d96a"),
    IndexClass(2.0, 3.0, "Vissa problem", "Some problems", "#fdae61"),
    IndexClass(3.0, INDEX_MAX, "Stora problem", "Large problems", "#d7191c"),
)


def index_class(value: float | None) -> IndexClass | None:
    if value is None:
        return None
    for cls in INDEX_CLASSES:
        if value < cls.upper or cls.upper >= INDEX_MAX:
            return cls
    return None


@dataclass(frozen=True)
class SurveyResult:
    """One question in one area of one survey."""

    survey: str
    area_code: str
    question: str
    index_value: float | None
    share_unsafe: float | None = None  # percent of those who answered, 0-100
    respondents: int | None = None
    survey_year: int | None = None
    method: str = METHOD_INDEX

    @property
    def key(self) -> str:
        return f"{self.survey}|{self.area_code}|{self.question}"


@dataclass(frozen=True)
class SurveyPlace:
    """A place respondents marked as unsafe; x/y in SWEREF 99 TM (EPSG:3006)."""

    uid: str
    survey: str
    x: float
    y: float
    reason: str | None = None
    area_code: str | None = None


def survey_year(name: str) -> int | None:
    """The year in a survey's name ("Trygghetsmätning 2024" -> 2024), if there is one."""
    years = re.findall(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)", name or "")
    return int(years[-1]) if years else None


def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive key for answer options and column names."""
    value = unicodedata.normalize("NFKD", str(text).strip().lower())
    value = "".join(c for c in value if not unicodedata.combining(c))
    return " ".join(re.sub(r"[_\-/]", " ", value).split())


@dataclass
class SurveyWeights:
    """Weight of each answer option on the 0-6 scale (None: not counted, e.g. "Vet ej") and
    the options that count as feeling unsafe / seeing a big problem."""

    weights: dict[str, float | None]
    unsafe: frozenset[str]
    labels: dict[str, str]

    @classmethod
    def load(cls, path: Path) -> SurveyWeights:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        weights: dict[str, float | None] = {}
        labels: dict[str, str] = {}
        for option, weight in data["options"].items():
            if weight is not None and not INDEX_MIN <= float(weight) <= INDEX_MAX:
                raise ValueError(tr("the weight of {option} is outside {low}–{high}").format(
                    option=repr(option), low=f"{INDEX_MIN:g}", high=f"{INDEX_MAX:g}"))
            weights[fold(option)] = None if weight is None else float(weight)
            labels[fold(option)] = option
        unsafe = frozenset(fold(o) for o in data.get("unsafe", ()))
        missing = unsafe - weights.keys()
        if missing:
            raise ValueError(tr("unsafe options without a weight: {options}").format(
                options=", ".join(sorted(missing))))
        return cls(weights, unsafe, labels)

    def knows(self, option: str) -> bool:
        return fold(option) in self.weights

    def summarise(self, counts: dict[str, float]) -> tuple[float | None, float | None, float]:
        """(index, share unsafe in percent, everyone who answered incl. "vet ej") of one
        answer distribution; counts or percentages both work. Unknown options raise KeyError.
        """
        weighted = valid = unsafe = total = 0.0
        for option, count in counts.items():
            key = fold(option)
            if key not in self.weights:
                raise KeyError(option)
            if count is None:
                continue
            total += count
            weight = self.weights[key]
            if weight is None:
                continue
            valid += count
            weighted += weight * count
            if key in self.unsafe:
                unsafe += count
        if valid <= 0:
            return None, None, total
        return weighted / valid, 100.0 * unsafe / valid, total


# -- perceived against reported ------------------------------------------------------------
@dataclass(frozen=True)
class ComparisonClass:
    code: str
    sv: str
    en: str
    color: str


#: How far apart the two ranks must be (as a share of the ranking) to count as a mismatch.
GAP_THRESHOLD = 1 / 3

COMPARISON_CLASSES: tuple[ComparisonClass, ...] = (
    ComparisonClass("otrygg_fa_rapporter", "Upplevd otrygghet men få rapporter",
                    "Feel unsafe, few reports", "#7b3294"),
    ComparisonClass("samstammigt", "Upplevelse och rapporter stämmer överens",
                    "Perception and reports agree", "#f7f7f7"),
    ComparisonClass("rapporter_men_tryggt", "Många rapporter men upplevs tryggt",
                    "Many reports, feel safe", "#008837"),
    ComparisonClass("underlag_saknas", "Underlag saknas (index eller befolkning)",
                    "No data (index or population)", "#bdbdbd"),
)


@dataclass(frozen=True)
class AreaComparison:
    area_code: str
    index_value: float | None
    reports: int
    population: int | None
    rate_per_1000: float | None
    index_rank: float | None
    rate_rank: float | None
    gap: float | None
    class_code: str


def percentile_ranks(values: Sequence[float]) -> list[float]:
    """Rank of each value as a share of the ranking: 0 lowest, 1 highest; ties share the
    mean of their ranks."""
    n = len(values)
    if n == 0:
        return []
    if n == 1:
        return [0.5]
    order = sorted(range(n), key=lambda i: values[i])
    ranks = [0.0] * n
    i = 0
    while i < n:
        j = i
        while j + 1 < n and values[order[j + 1]] == values[order[i]]:
            j += 1
        mean = (i + j) / 2
        for k in range(i, j + 1):
            ranks[order[k]] = mean / (n - 1)
        i = j + 1
    return ranks


def perceived_vs_reported(rows: Sequence[tuple[str, float | None, int, int | None]],
                          threshold: float = GAP_THRESHOLD) -> list[AreaComparison]:
    """Compare, per area, the survey's problem index with the reports per 1,000 inhabitants.

    ``rows`` are (area code, mean problem index, reports in the window, population). Both
    measures are turned into percentile ranks among the areas that have both; the gap is
    index rank minus rate rank. A gap of at least ``threshold`` means people feel unsafe
    while few reports come in; at most ``-threshold``, many reports while people feel safe.
    Fewer than three comparable areas give no ranking at all.
    """
    usable = [r for r in rows if r[1] is not None and r[3]]
    rates = {code: 1000.0 * count / pop for code, _, count, pop in usable}
    index_ranks: dict[str, float] = {}
    rate_ranks: dict[str, float] = {}
    if len(usable) >= 3:
        codes = [r[0] for r in usable]
        index_ranks = dict(zip(codes, percentile_ranks([float(r[1]) for r in usable])))
        rate_ranks = dict(zip(codes, percentile_ranks([rates[c] for c in codes])))
    out = []
    for code, index, count, population in rows:
        if code in index_ranks:
            gap = index_ranks[code] - rate_ranks[code]
            cls = ("otrygg_fa_rapporter" if gap >= threshold - 1e-9 else
                   "rapporter_men_tryggt" if gap <= -threshold + 1e-9 else "samstammigt")
            out.append(AreaComparison(code, index, count, population, rates[code],
                                      index_ranks[code], rate_ranks[code], gap, cls))
        else:
            out.append(AreaComparison(code, index, count, population, rates.get(code), None,
                                      None, None, "underlag_saknas"))
    return out
