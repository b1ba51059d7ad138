"""From a source's record (properties + lon/lat or SWEREF point) to an Incident or a Rejected.

Every record either becomes an incident or is kept as rejected with its reason: nothing is
dropped silently.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from ..domain.incident import Incident, LocationPrecision, Rejected
from ..domain.taxonomy import Taxonomy
from ..domain.timeutil import parse_time
from ..i18n import translator

tr = translator("Sources")

# Rough bounds of SWEREF 99 TM over Sweden: a point outside is not a Swedish point.
SWEREF_BOUNDS = (180000.0, 1000000.0, 6100000.0, 7700000.0)


@dataclass
class FieldMapping:
    """Which source field feeds which store field. Defaults fit the common collection service."""

    id: str = "id"
    category: str = "category"
    subcategory: str = "subcategory"
    occurred_at: str = "occurred_at"
    reported_at: str = "reported_at"
    updated_at: str = "updated_at"
    status: str = "status"
    reporter_org: str = "reporter_org"
    description: str = "description"
    reporter_id: str = "reporter_id"

    @classmethod
    def from_dict(cls, data: dict[str, str] | None) -> FieldMapping:
        known = {k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__ and v}
        return cls(**known)

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def default_for(cls, kind: str) -> FieldMapping:
        """The usual field names of a source type (oapif, open311, file)."""
        return cls(**DEFAULT_MAPPINGS.get(kind, {}))


#: The store fields a source's fields are mapped to, in the order the dock lists them.
MAPPED_FIELDS: tuple[str, ...] = (
    "id", "category", "subcategory", "occurred_at", "reported_at", "updated_at", "status",
    "reporter_org", "description", "reporter_id",
)


def field_labels() -> dict[str, str]:
    """Store field -> its label in the plugin's language (for the dock's mapping table)."""
    return {
        "id": tr("Id"),
        "category": tr("Category"),
        "subcategory": tr("Subcategory"),
        "occurred_at": tr("Occurred at"),
        "reported_at": tr("Reported at"),
        "updated_at": tr("Updated at"),
        "status": tr("Status"),
        "reporter_org": tr("Reporter's organisation"),
        "description": tr("Description"),
        "reporter_id": tr("Reporter (pseudonymous id)"),
    }


def field_label(name: str) -> str:
    """The label of one store field (the field's own name when it has none)."""
    return field_labels().get(name, name)


#: Defaults per source type; a field left out keeps the FieldMapping default.
DEFAULT_MAPPINGS: dict[str, dict[str, str]] = {
    "oapif": {},
    # GeoReport v2 has no event time: the request time stands in for it.
    "open311": {"id": "service_request_id", "category": "service_code",
                "subcategory": "service_subcode", "occurred_at": "requested_datetime",
                "reported_at": "requested_datetime", "updated_at": "updated_datetime",
                "status": "status", "reporter_org": "agency_responsible",
                "description": "description"},
    # Export files: these names, else the column is looked up by its usual Swedish names.
    "file": {},
}


_STATUS_WORDS = {
    "open": "open", "öppen": "open", "ny": "open", "new": "open", "pågående": "open",
    "in_progress": "open", "acknowledged": "open", "closed": "closed", "stängd": "closed",
    "avslutad": "closed", "åtgärdad": "closed", "klar": "closed", "done": "closed",
    "resolved": "closed", "deleted": "deleted", "borttagen": "deleted", "raderad": "deleted",
}


@dataclass
class RecordParser:
    """Turns one source's records into incidents, with the reason when it cannot."""

    source: str
    taxonomy: Taxonomy
    mapping: FieldMapping = field(default_factory=FieldMapping)
    kommunkod: str | None = None
    boundary: Any = None  # an ogr.Geometry in EPSG:3006, or None to skip the check
    unknown_categories: Counter = field(default_factory=Counter)
    _classified: dict = field(default_factory=dict, repr=False)

    def parse(self, props: dict[str, Any], x: float | None, y: float | None,
              raw: dict[str, Any] | str) -> Incident | Rejected:
        m = self.mapping
        source_id = _text(props.get(m.id))

        def reject(reason: str) -> Rejected:
            text = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False,
                                                                default=str)
            return Rejected(self.source, text, reason, source_id)

        if not source_id:
            return reject(tr("no id (field '{field}')").format(field=m.id))
        if x is None or y is None:
            return reject(tr("no geometry"))
        if not (SWEREF_BOUNDS[0] <= x <= SWEREF_BOUNDS[1]
                and SWEREF_BOUNDS[2] <= y <= SWEREF_BOUNDS[3]):
            return reject(tr("the coordinate lies outside Sweden ({x}, {y})").format(
                x=f"{x:.0f}", y=f"{y:.0f}"))
        if self.boundary is not None and not _contains(self.boundary, x, y):
            return reject(tr("the location lies outside the kommun"))
        times = {}
        for name in ("occurred_at", "reported_at", "updated_at"):
            value = props.get(getattr(m, name))
            try:
                times[name] = parse_time(value)
            except (ValueError, TypeError):
                return reject(tr("unreadable time in '{field}': {value}").format(
                    field=getattr(m, name), value=repr(value)))
        if times["occurred_at"] is None:
            times["occurred_at"] = times["reported_at"]
        if times["occurred_at"] is None:
            return reject(tr("no time ('{field}')").format(field=m.occurred_at))
        cat_word = _text(props.get(m.category))
        sub_word = _text(props.get(m.subcategory))
        key = (cat_word, sub_word)
        classified = self._classified.get(key)
        if classified is None:  # a source uses few words: classify each pair once
            classified = self._classified[key] = self.taxonomy.classify(cat_word, sub_word)
        if not classified.known:
            self.unknown_categories[cat_word or tr("(empty)")] += 1
        status_word = (_text(props.get(m.status)) or "open").lower()
        return Incident(
            source=self.source, source_id=source_id,
            category=classified.category, subcategory=classified.subcategory,
            x=float(x), y=float(y),
            occurred_at=times["occurred_at"], reported_at=times["reported_at"],
            updated_at=times["updated_at"] or times["reported_at"],
            status=_STATUS_WORDS.get(status_word, status_word),
            reporter_org=_text(props.get(m.reporter_org)),
            reporter_id=_text(props.get(m.reporter_id)),
            description=_text(props.get(m.description)),
            location_precision=LocationPrecision.EXACT.value,
            kommunkod=self.kommunkod,
        )


def counts_text(counter: Counter, most: int = 10) -> str:
    """"Hundbajs (40), Elsparkcyklar (20)": the most common names with their counts, for the
    summaries' lists of unknown categories and types."""
    return ", ".join(f"{name} ({n})" for name, n in counter.most_common(most))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _contains(boundary, x: float, y: float) -> bool:
    from osgeo import ogr

    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(x, y)
    return boundary.Contains(point)
