"""From a source's record (properties + lon/lat or SWEREF point) to an Incident or a Rejected.

Every record either becomes an incident or is kept as rejected with its reason: nothing is
dropped silently, and nothing a record holds can raise out of here (a year-1 date, a lone
surrogate, a NUL, a nested object where text was expected): one bad record is one rejection,
never a lost batch or a sync that fails the same way every time.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

from ..constants import SWEREF_BOUNDS
from ..domain.incident import Incident, LocationPrecision, Rejected, to_utc_text
from ..domain.taxonomy import Taxonomy
from ..domain.timeutil import STOCKHOLM, parse_time
from ..i18n import translator

tr = translator("Sources")

# Times outside these years are errors in the data (0001-01-01 placeholders, 9999 "never").
EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(2200, 1, 1, tzinfo=timezone.utc)
MAX_RAW_CHARS = 1_000_000
# A report made this much before the event it reports is a clock or time zone problem.
EARLY_SLACK = timedelta(minutes=10)


def clean_text(text: str) -> str:
    """Text any store takes: no NUL (PostgreSQL refuses it) and no lone surrogates (neither
    SQLite nor PostgreSQL can encode them; JSON's \\ud800 escapes produce them)."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def raw_text(raw: Any) -> str:
    """A record as the text kept in ``rejected`` (never raising, however odd the record)."""
    if isinstance(raw, str):
        text = raw
    else:
        try:
            text = json.dumps(raw, ensure_ascii=False, default=str)
        except (RecursionError, ValueError, TypeError):
            text = repr(raw)[:MAX_RAW_CHARS] if not isinstance(raw, (dict, list)) else \
                tr("(a record nested too deeply to show)")
    if len(text) > MAX_RAW_CHARS:
        text = text[:MAX_RAW_CHARS] + "…"
    return clean_text(text)


def checked_time(value: datetime | None) -> datetime | None:
    """``value`` in UTC; ValueError when it lies outside the years data can mean."""
    if value is None:
        return None
    try:
        utc = value.astimezone(timezone.utc)
    except OverflowError as exc:
        raise ValueError(f"time out of range: {value!r}") from exc
    if not EARLIEST <= utc < LATEST:
        raise ValueError(f"time out of range: {value.isoformat()}")
    return utc


#: What a store raises for a value it cannot take (not for a locked or full store).
RECORD_ERRORS = (ValueError, TypeError, OverflowError, UnicodeError)


def unstorable(incident: Incident) -> str:
    """Why no store can take this incident (a time beyond UTC's range, text that cannot be
    encoded, a coordinate that is not a number), or ''."""
    try:
        for when in (incident.occurred_at, incident.reported_at, incident.updated_at):
            to_utc_text(when)
        for value in vars(incident).values():
            if isinstance(value, str):
                if "\x00" in value:
                    raise ValueError("NUL character in text")
                if not value.isascii():
                    value.encode("utf-8")
        if not (math.isfinite(float(incident.x)) and math.isfinite(float(incident.y))):
            raise ValueError("the coordinate is not a number")
    except RECORD_ERRORS as exc:
        return f"{type(exc).__name__}: {exc}"[:300]
    return ""


def cleaned(incident: Incident) -> Incident:
    """The incident with every text as any store takes it (see clean_text)."""
    changes = {name: clean_text(value) for name, value in vars(incident).items()
               if isinstance(value, str) and clean_text(value) is not value}
    return replace(incident, **changes) if changes else incident


def write_records(store, incidents: list[Incident], rejected: list[Rejected], sync=None):
    """``store.write_batch``, except that an incident no store can take (found only when the
    batch fails) goes to rejected with the reason, and the rest of the batch is written."""
    try:
        return store.write_batch(incidents, rejected, sync)
    except RECORD_ERRORS:
        good, extra = [], []
        for incident in map(cleaned, incidents):
            why = unstorable(incident)
            if why:
                extra.append(Rejected(incident.source, raw_text(vars(incident)), tr(
                    "the record could not be stored ({error})").format(error=why),
                    incident.source_id))
            else:
                good.append(incident)
        if not extra:
            raise  # not a record's fault: the store's own error, as it was
    return store.write_batch(good, [*rejected, *extra], sync)


def duplicate_id_reason(source_id: str) -> str:
    return tr("id {id} occurs more than once in the same delivery (the first is kept)").format(
        id=source_id)


class DuplicateIds:
    """Within one delivery (a file, an answer), an id seen before is a rejection: the first
    record is kept, and the user sees that the delivery repeats ids."""

    def __init__(self) -> None:
        self._seen: set[int] = set()  # hashes: 8 bytes an id

    def check(self, record: Incident | Rejected, raw: Any) -> Incident | Rejected:
        if not isinstance(record, Incident):
            return record
        key = hash(record.source_id)
        if key in self._seen:
            return Rejected(record.source, raw_text(raw), duplicate_id_reason(record.source_id),
                            record.source_id)
        self._seen.add(key)
        return record


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
    #: How times without a zone are read: UTC (as RFC 3339 servers mean them) or Swedish time.
    naive_tz: tzinfo = STOCKHOLM
    unknown_categories: Counter = field(default_factory=Counter)
    #: Incidents taken, and how many of them were reported before they occurred (a sign
    #: that times without a zone are read in the wrong zone).
    taken: int = 0
    reported_early: int = 0
    _classified: dict = field(default_factory=dict, repr=False)

    def parse(self, props: dict[str, Any], x: float | None, y: float | None,
              raw: dict[str, Any] | str) -> Incident | Rejected:
        try:
            return self._parse(props, x, y, raw)
        except Exception as exc:  # whatever a record holds, it is one rejection
            source_id = None
            try:
                source_id = _text(props.get(self.mapping.id))
            except Exception:
                pass
            return Rejected(self.source, raw_text(raw), tr(
                "the record could not be read ({error})").format(
                error=clean_text(f"{type(exc).__name__}: {exc}")[:300]), source_id)

    def _parse(self, props: dict[str, Any], x: float | None, y: float | None,
               raw: dict[str, Any] | str) -> Incident | Rejected:
        m = self.mapping
        source_id = _text(props.get(m.id))

        def reject(reason: str) -> Rejected:
            return Rejected(self.source, raw_text(raw), reason, source_id)

        if not source_id:
            return reject(tr("no id (field '{field}')").format(field=m.id))
        if x is None or y is None:
            return reject(tr("no geometry"))
        if not (SWEREF_BOUNDS[0] <= x <= SWEREF_BOUNDS[1]
                and SWEREF_BOUNDS[2] <= y <= SWEREF_BOUNDS[3]):
            return reject(tr("the coordinate lies outside Sweden ({x}, {y})").format(
                **_as_given(x, y)))
        if self.boundary is not None and not _contains(self.boundary, x, y):
            return reject(tr("the location lies outside the kommun"))
        times = {}
        for name in ("occurred_at", "reported_at", "updated_at"):
            value = props.get(getattr(m, name))
            try:
                when = parse_time(value, default_tz=self.naive_tz)
            except (ValueError, TypeError, OverflowError):
                return reject(tr("unreadable time in '{field}': {value}").format(
                    field=getattr(m, name), value=clean_text(repr(value))[:200]))
            try:
                times[name] = checked_time(when)
            except ValueError:
                return reject(tr("the time in '{field}' is out of range: {value}").format(
                    field=getattr(m, name), value=clean_text(repr(value))[:200]))
        if times["occurred_at"] is None:
            times["occurred_at"] = times["reported_at"]
        if times["occurred_at"] is None:
            return reject(tr("no time ('{field}')").format(field=m.occurred_at))
        self.taken += 1
        if times["reported_at"] is not None and \
                times["reported_at"] < times["occurred_at"] - EARLY_SLACK:
            self.reported_early += 1
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


def early_note(parser: RecordParser) -> str:
    """A warning when many reports seem reported before they occurred, else ''."""
    early, taken = parser.reported_early, parser.taken
    if early < 10 or early < 0.05 * taken:
        return ""
    zone = tr("UTC") if parser.naive_tz is timezone.utc else tr("Swedish time")
    return tr("{early} of {taken} reports seem reported before they occurred: perhaps the "
              "source's times without a zone are not in {zone}; check the connection's "
              "setting for times without a zone.").format(early=early, taken=taken, zone=zone)


def counts_text(counter: Counter, most: int = 10) -> str:
    """"Hundbajs (40), Elsparkcyklar (20)": the most common names with their counts, for the
    summaries' lists of unknown categories and types."""
    return ", ".join(f"{name} ({n})" for name, n in counter.most_common(most))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dict, list)):
        value = raw_text(value)
    text = clean_text(str(value).strip())
    return text or None


def _as_given(x: float, y: float) -> dict[str, str]:
    """A point outside Sweden as the user knows it: lat/long (the sources send WGS 84),
    not the SWEREF 99 TM numbers it was turned into."""
    try:
        from .crs import sweref_to_lonlat

        ((lon, lat),) = sweref_to_lonlat([(x, y)])
        if math.isfinite(lon) and math.isfinite(lat):
            return {"x": f"lat {lat:.5f}", "y": f"long {lon:.5f}"}
    except Exception:  # a message, never a crash
        pass
    return {"x": f"{x:.0f}", "y": f"{y:.0f}"}


def _contains(boundary, x: float, y: float) -> bool:
    from osgeo import ogr

    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(x, y)
    return boundary.Contains(point)
