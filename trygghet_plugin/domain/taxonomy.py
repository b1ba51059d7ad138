"""The category taxonomy: codes, Swedish and English labels, colours, and source words."""

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
        return cls(cats, subs, data.get("fallback", "ovrigt"), words)

    def classify(self, word: str | None, sub_word: str | None = None) -> Classified:
        """Map a source's category (and optional subcategory) words onto the taxonomy.

        A word may hold both, as "Kategori – underkategori" or "Kategori / underkategori".
        Unknown words go to the fallback category with ``known=False`` so callers can list them.
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
        return Taxonomy(self.categories, self.subcategories, self.fallback, words)

    def label(self, code: str, language: str = "sv") -> str:
        item = self.categories.get(code) or self.subcategories.get(code)
        return item.label(language) if item else code

    def color(self, code: str) -> str:
        item = self.categories.get(code) or self.subcategories.get(code)
        return item.color if item else self.categories[self.fallback].color
