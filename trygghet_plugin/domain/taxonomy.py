"""The category taxonomy: codes, Swedish and English labels, colours, and source words.

Besides the incidents' categories the taxonomy names *measure categories* (``"measures"`` in
the file): words a collection service uses for the measures (insatser) its users register
beside the events. A record of such a category is a measure, not an incident; its
subcategory word names the type of measure (``resources/measure_types.json``), or the
category's own ``measure_type`` does when the record names none."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Category:
    code: str
    sv: str
    en: str
    color: str = "#7f7f7f"
    icon: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    #: A measure category: the type of measure its records are when they name none
    #: (None: they must name one).
    measure_type: str | None = None

    def label(self, language: str = "sv") -> str:
        return self.sv if language.startswith("sv") else self.en


@dataclass(frozen=True)
class Classified:
    category: str
    subcategory: str | None
    known: bool


def _fold(word: str) -> str:
    """Case-, accent- and space-insensitive key for matching a source's words."""
    text = unicodedata.normalize("NFKD", word.strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("_", " ").replace("-", " ").split())


_PAIR_SEPARATORS = ("–", "—", " / ", "/", " - ", ">")


def _split_pair(word: str) -> tuple[str, str] | None:
    """"Skadegörelse – Klotter" -> ("Skadegörelse", "Klotter"); None when not a pair."""
    for sep in _PAIR_SEPARATORS:
        if sep in word:
            first, _, rest = word.partition(sep)
            if first.strip() and rest.strip():
                return first.strip(), rest.strip()
    return None


@dataclass
class Taxonomy:
    categories: dict[str, Category]
    subcategories: dict[str, Category]
    fallback: str = "ovrigt"
    _words: dict[str, tuple[str, str | None]] = field(default_factory=dict, repr=False)
    #: Measure categories: records of these are measures (see the module's docstring).
    measures: dict[str, Category] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Taxonomy:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        cats: dict[str, Category] = {}
        subs: dict[str, Category] = {}
        words: dict[str, tuple[str, str | None]] = {}
        for item in data["categories"]:
            cat = Category(item["code"], item["sv"], item["en"], item.get("color", "#7f7f7f"),
                           item.get("icon"), None, tuple(item.get("aliases", ())))
            cats[cat.code] = cat
            for word in (cat.code, cat.sv, cat.en, *cat.aliases):
                words.setdefault(_fold(word), (cat.code, None))
            for sub_item in item.get("subcategories", ()):
                sub = Category(sub_item["code"], sub_item["sv"], sub_item["en"], cat.color,
                               cat.icon, cat.code, tuple(sub_item.get("aliases", ())))
                subs[sub.code] = sub
                for word in (sub.code, sub.sv, sub.en, *sub.aliases):
                    words.setdefault(_fold(word), (cat.code, sub.code))
        measures: dict[str, Category] = {}
        for item in data.get("measures", ()):
            cat = Category(item["code"], item["sv"], item["en"], item.get("color", "#7f7f7f"),
                           None, None, tuple(item.get("aliases", ())),
                           item.get("measure_type"))
            measures[cat.code] = cat
            for word in (cat.code, cat.sv, cat.en, *cat.aliases):
                words.setdefault(_fold(word), (cat.code, None))  # an incident's word wins
        return cls(cats, subs, data.get("fallback", "ovrigt"), words, measures)

    def classify(self, word: str | None, sub_word: str | None = None) -> Classified:
        """Map a source's category (and optional subcategory) words onto the taxonomy.

        A word may hold both, as "Kategori – underkategori" or "Kategori / underkategori".
        Unknown words go to the fallback category with ``known=False`` so callers can list them.
        For a measure category the subcategory is the source's own word (the type of measure,
        which :class:`.measure.MeasureTypes` reads).
        """
        if word and not sub_word and _fold(word) not in self._words:
            pair = _split_pair(word)
            if pair is not None:
                return self.classify(*pair)
        hit = self._words.get(_fold(word)) if word else None
        sub_hit = self._words.get(_fold(sub_word)) if sub_word else None
        if hit is None and sub_hit is not None and sub_hit[1] is not None:
            hit = sub_hit
        if hit is None:
            return Classified(self.fallback, None, False)
        code, sub = hit
        if code in self.measures:
            return Classified(code, sub_word.strip() if sub_word and sub_word.strip() else None,
                              True)
        if sub is None and sub_hit is not None and sub_hit[0] == code:
            sub = sub_hit[1]
        return Classified(code, sub, True)

    def with_aliases(self, aliases: dict[str, str] | None) -> Taxonomy:
        """A taxonomy that also knows a source's own words: ``{"Graffiti Removal":
        "klotter"}``; the target is a category or subcategory code, or any word the taxonomy
        knows ("Skadegörelse – Klotter"). Words whose target it does not know are left out."""
        if not aliases:
            return self
        words = dict(self._words)
        for word, target in aliases.items():
            hit = self.classify(str(target))
            if hit.known and str(word).strip():
                words[_fold(str(word))] = (hit.category, hit.subcategory)
        return Taxonomy(self.categories, self.subcategories, self.fallback, words, self.measures)

    def is_measure(self, code: str) -> bool:
        """Whether records of category ``code`` are measures rather than incidents."""
        return code in self.measures

    def label(self, code: str, language: str = "sv") -> str:
        item = (self.categories.get(code) or self.subcategories.get(code)
                or self.measures.get(code))
        return item.label(language) if item else code

    def color(self, code: str) -> str:
        item = self.categories.get(code) or self.subcategories.get(code)
        return item.color if item else self.categories[self.fallback].color
