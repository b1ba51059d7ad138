"""Police event and crime types onto the taxonomy, from ``resources/police/event_types.json``.

Shared by the polisen.se events feed and the geocoded crime exports. See the file's
``_doc`` for the order in which a type is looked up.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.taxonomy import Classified, Taxonomy, _fold
from ..i18n import translator
from ..paths import resource
from .http import SourceError

tr = translator("Sources")


def types_file() -> Path:
    return resource("police", "event_types.json")


@dataclass(frozen=True)
class NotAnEvent:
    """A type that is no event (a summary, a notice); kept in 'rejected' with ``reason``."""

    reason: str


@dataclass
class PoliceTypeMap:
    taxonomy: Taxonomy
    types: dict[str, tuple[str, str | None]]
    keywords: list[tuple[re.Pattern, tuple[str, str | None]]]
    codes: dict[str, tuple[str, str | None]]
    not_events: list[tuple[str, str]]
    unknown: Counter = field(default_factory=Counter)
    _cache: dict[str, Classified | NotAnEvent] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, taxonomy: Taxonomy, path: Path | None = None) -> PoliceTypeMap:
        """The mapping from ``event_types.json``; SourceError when the (user-editable) file
        cannot be read."""
        path = Path(path or types_file())
        try:
            return cls._load(taxonomy, json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, AttributeError) as exc:
            raise SourceError(tr("{file} could not be read: {error}. Correct the file or "
                                 "restore it from the plugin.").format(file=path.name, error=exc)
                              ) from exc

    @classmethod
    def _load(cls, taxonomy: Taxonomy, data: dict) -> PoliceTypeMap:

        def target(text: str) -> tuple[str, str | None]:
            cat, _, sub = text.partition("/")
            if cat not in taxonomy.categories or (sub and sub not in taxonomy.subcategories):
                raise ValueError(f"{text!r} is not a taxonomy code (event_types.json)")
            return cat, sub or None

        return cls(
            taxonomy,
            {_fold(k): target(v) for k, v in data.get("types", {}).items()},
            [(re.compile(r"\b" + re.escape(_fold(word))), target(code))
             for word, code in data.get("keywords", [])],
            {str(k).strip(): target(v) for k, v in data.get("codes", {}).items()},
            # The shipped reasons are in the .ts (tools/translations.DATA_FILES).
            [(_fold(prefix), tr(reason)) for prefix, reason in data.get("not_events", {}).items()],
        )

    def classify(self, police_type: str | None, code: str | None = None, *,
                 count: bool = True) -> Classified | NotAnEvent:
        """The taxonomy category of a police type (or crime code); unknown ones become the
        fallback category and are counted in ``unknown``."""
        if code and code.strip() in self.codes:
            cat, sub = self.codes[code.strip()]
            return Classified(cat, sub, True)
        text = (police_type or "").strip()
        hit = self._cache.get(text)
        if hit is None:
            hit = self._classify(_fold(text))
            self._cache[text] = hit
        if count and isinstance(hit, Classified) and not hit.known:
            self.unknown[text or (f"kod {code}" if code else "(tom)")] += 1
        return hit

    def _classify(self, key: str) -> Classified | NotAnEvent:
        for prefix, reason in self.not_events:
            if key.startswith(prefix):
                return NotAnEvent(reason)
        for candidate in (key, key.split(",")[0].strip()):
            if candidate in self.types:
                cat, sub = self.types[candidate]
                return Classified(cat, sub, True)
        for pattern, (cat, sub) in self.keywords:
            if pattern.search(key):
                return Classified(cat, sub, True)
        return self.taxonomy.classify(key) if key else Classified(self.taxonomy.fallback,
                                                                  None, False)
