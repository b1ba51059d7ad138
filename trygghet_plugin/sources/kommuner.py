"""Sweden's 290 kommuner and 21 län: codes, names and the centre points the police feed uses.

From ``resources/police/kommuner.csv`` and ``lan.csv`` (codes and names from Statistics
Sweden; centres as the polisen.se feed gives them). Names match case-insensitively and
with ``-`` or spaces alike, but never accent-insensitively: Habo and Håbo are two kommuner.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..i18n import translator
from ..paths import resource
from .http import SourceError

tr = translator("Sources")


@dataclass(frozen=True)
class Kommun:
    code: str
    name: str
    lan_code: str
    lan: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Lan:
    code: str
    name: str
    lat: float
    lon: float


def name_key(text: str) -> str:
    """How names are compared: lower case, '-' as a space, single spaces; accents kept."""
    return " ".join(str(text).strip().lower().replace("-", " ").split())


class Registry:
    def __init__(self, kommuner: list[Kommun], lan: list[Lan]):
        self.kommuner = {k.code: k for k in kommuner}
        self.lan = {item.code: item for item in lan}
        self._by_name = {name_key(k.name): k for k in kommuner}
        self._lan_by_name = {name_key(item.name): item for item in lan}

    @classmethod
    def load(cls, folder: Path | None = None) -> Registry:
        folder = folder or resource("police")
        with open(folder / "kommuner.csv", encoding="utf-8", newline="") as fh:
            kommuner = [Kommun(r["kommunkod"], r["kommun"], r["lanskod"], r["lan"],
                               float(r["lat"]), float(r["lon"]))
                        for r in csv.DictReader(fh, delimiter=";")]
        with open(folder / "lan.csv", encoding="utf-8", newline="") as fh:
            lan = [Lan(r["lanskod"], r["lan"], float(r["lat"]), float(r["lon"]))
                   for r in csv.DictReader(fh, delimiter=";")]
        return cls(kommuner, lan)

    def kommun_by_name(self, name: str | None) -> Kommun | None:
        return self._by_name.get(name_key(name)) if name else None

    def lan_by_name(self, name: str | None) -> Lan | None:
        return self._lan_by_name.get(name_key(name)) if name else None

    def kommuner_in(self, lan_code: str) -> list[Kommun]:
        return [k for k in self.kommuner.values() if k.lan_code == lan_code]

    def resolve(self, text: str | None) -> Kommun | None:
        """A kommun from its code ("0682": exactly four ASCII digits) or its name ("Nässjö",
        "Nässjö kommun"); None for empty text; SourceError (with suggestions) for text that
        names none."""
        value = (text or "").strip(" ")
        if not value.strip():
            return None
        if any(ch.isdigit() for ch in value):
            hit = self.kommuner.get(check_kommunkod(value))
            if hit is None:
                raise SourceError(tr("No kommun has the code {code}.").format(code=value))
            return hit
        key = re.sub(r"\s+(kommun|stad)$", "", name_key(value))
        hit = self._by_name.get(key)
        if hit is None:
            close = [k.name for n, k in self._by_name.items() if n[:3] == key[:3]][:5]
            hint = (" " + tr("Did you mean: {names}?").format(names=", ".join(close))
                    if close else "")
            raise SourceError(tr("No kommun is named '{name}'.{hint} Give a name or a code "
                                 "(e.g. 0682).").format(name=value, hint=hint))
        return hit


def check_kommunkod(code: str) -> str:
    """The code when it is exactly four ASCII digits, else a SourceError: "0682\\n", "682"
    or Arabic-Indic digits would otherwise match nothing, or the wrong thing, silently."""
    if not re.fullmatch(r"[0-9]{4}", code or ""):
        raise SourceError(tr("A kommun code is exactly four digits 0–9, e.g. 0682 (got {code})."
                             ).format(code=repr(code)))
    return code


@lru_cache(maxsize=1)
def registry() -> Registry:
    return Registry.load()
