"""Measures (åtgärder): what the municipality and its partners do on the ground after the
lägesbild — lighting, pruning, cameras, clean-up, patrols, dialogue — and their small,
editable taxonomy of types (``resources/measure_types.json``)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .taxonomy import _fold

#: Status codes as stored, with their Swedish and English labels.
PLANNED, ONGOING, FINISHED = "planerad", "pagaende", "avslutad"
STATUS_LABELS: dict[str, tuple[str, str]] = {
    PLANNED: ("planerad", "planned"),
    ONGOING: ("pågående", "ongoing"),
    FINISHED: ("avslutad", "finished"),
}
_STATUS_WORDS = {
    **{_fold(w): PLANNED for w in ("planerad", "planned", "plan", "planerat")},
    **{_fold(w): ONGOING for w in ("pågående", "pagaende", "ongoing", "active", "pågår",
                                   "aktiv", "in progress")},
    **{_fold(w): FINISHED for w in ("avslutad", "finished", "done", "klar", "avslutat",
                                    "completed", "closed")},
}


def status_code(word: str | None) -> str | None:
    """The status code a word (Swedish or English, any case) means; None when unknown."""
    return _STATUS_WORDS.get(_fold(word)) if word else None


@dataclass(frozen=True)
class MeasureType:
    code: str
    sv: str
    en: str
    color: str = "#7f7f7f"
    aliases: tuple[str, ...] = ()

    def label(self, language: str = "sv") -> str:
        return self.sv if language.startswith("sv") else self.en


@dataclass
class MeasureTypes:
    """The types of measures, and the words (codes, labels, aliases) that name them."""

    types: dict[str, MeasureType]
    fallback: str = "annat"
    _words: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> MeasureTypes:
        if path is None:
            from ..paths import resource

            path = resource("measure_types.json")
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        types: dict[str, MeasureType] = {}
        words: dict[str, str] = {}
        for item in data["types"]:
            t = MeasureType(item["code"], item["sv"], item["en"], item.get("color", "#7f7f7f"),
                            tuple(item.get("aliases", ())))
            types[t.code] = t
            for word in (t.code, t.sv, t.en, *t.aliases):
                words.setdefault(_fold(word), t.code)
        return cls(types, data.get("fallback", "annat"), words)

    def code(self, word: str | None) -> str | None:
        """The type code a word names; None when the taxonomy does not know it."""
        return self._words.get(_fold(word)) if word else None

    def label(self, code: str, language: str = "sv") -> str:
        t = self.types.get(code)
        return t.label(language) if t else code


@dataclass(frozen=True)
class Measure:
    """One measure. ``wkb`` is where it acts (point, line or polygon, EPSG:3006, ISO WKB);
    ``start``/``end`` are local dates (both days included); ``categories`` the incident
    category codes it targets (empty: all)."""

    uid: str
    title: str
    type: str
    status: str
    start: date | None = None
    end: date | None = None
    organisation: str | None = None
    categories: tuple[str, ...] = ()
    notes: str | None = None  # internal only
    kommunkod: str | None = None
    wkb: bytes | None = None
    source: str = "manual"
    # The latest evaluation (analysis/measures.py), kept on the measure.
    verdict: str | None = None
    effect: float | None = None
    effect_low: float | None = None
    effect_high: float | None = None
    wdq: float | None = None
    evaluated_at: str | None = None

    @property
    def duration_days(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1


def new_uid() -> str:
    return f"m-{uuid.uuid4().hex[:12]}"


def categories_text(categories: tuple[str, ...] | list[str]) -> str | None:
    """Stored (and CSV) form of target categories: codes joined by ';' (None for all)."""
    return ";".join(categories) if categories else None


def categories_from_text(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(c.strip() for c in str(text).replace(",", ";").split(";") if c.strip())
