"""Measures that arrive with the reports: a record whose category the taxonomy marks as a
measure category (``"measures"`` in taxonomy.json, e.g. "Insats – Belysning") becomes a
measure in the store's measures table instead of an incident.

The record's fields, read by the same parser as every report, mean: the subcategory the type
of measure, the description its title (first line) and notes, the time it occurred its start,
the reporter's organisation the responsible one, the point where it acts. A finished record
(closed at the source) ends on the day it was last updated. A record that cannot be a
measure is kept in ``rejected`` with the reason, as every report that cannot be taken.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..domain.incident import Incident, Rejected, Status
from ..domain.measure import FINISHED, ONGOING, STATUS_LABELS, Measure, MeasureTypes, status_code
from ..domain.taxonomy import Taxonomy
from ..domain.timeutil import local
from ..i18n import translator
from .records import raw_text

tr = translator("Sources")

_WKB_POINT = struct.Struct("<BIdd")
_TITLE_CHARS = 120
# The parser's status words (records._STATUS_WORDS) as a measure's status.
_REPORT_STATUS = {Status.OPEN.value: ONGOING, Status.CLOSED.value: FINISHED}


@dataclass
class MeasureRecords:
    """One page's records split: the incidents, the measures, and the measure records that
    could not be taken (with the reason)."""

    incidents: list[Incident] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def split_measures(records: Sequence[Incident], taxonomy: Taxonomy,
                   types: MeasureTypes | None = None) -> MeasureRecords:
    """The records of measure categories turned into measures; the rest left as they are."""
    out = MeasureRecords()
    for record in records:
        if not taxonomy.is_measure(record.category):
            out.incidents.append(record)
            continue
        if types is None:
            types = MeasureTypes.load()
        taken = measure_from_record(record, taxonomy, types)
        (out.measures if isinstance(taken, Measure) else out.rejected).append(taken)
    return out


def measure_from_record(record: Incident, taxonomy: Taxonomy, types: MeasureTypes
                        ) -> Measure | Rejected:
    def reject(reason: str) -> Rejected:
        return Rejected(record.source, raw_text(vars(record)),
                        tr("a measure that cannot be taken: {reason}").format(reason=reason),
                        record.source_id)

    category = taxonomy.measures[record.category]
    word = record.subcategory
    if word:
        kind = types.code(word)
        if kind is None:
            return reject(tr("unknown type of measure '{word}' (known: {known})").format(
                word=word, known=", ".join(types.types)))
    elif category.measure_type and category.measure_type in types.types:
        kind = category.measure_type
    else:
        return reject(tr("no type of measure (the subcategory names none)"))
    if record.status == Status.DELETED.value:
        return reject(tr("deleted at the source"))
    status = _REPORT_STATUS.get(record.status) or status_code(record.status)
    if status is None:
        return reject(tr("unknown status '{word}' (known: {known})").format(
            word=record.status, known=", ".join(v[0] for v in STATUS_LABELS.values())))
    start = local(record.occurred_at).date() if record.occurred_at else None
    end = None
    if status == FINISHED:
        closed = record.updated_at or record.reported_at
        end = local(closed).date() if closed else None
        if end is None:
            return reject(tr("finished, but the record says no day it ended"))
        if start is not None and end < start:
            return reject(tr("it ends ({end}) before it starts ({start})").format(
                end=end, start=start))
    lines = (record.description or "").strip().splitlines()
    title = lines[0].strip()[:_TITLE_CHARS] if lines else types.label(kind)
    wkb = (_WKB_POINT.pack(1, 1, record.x, record.y)
           if record.x is not None and record.y is not None else None)
    return Measure(uid=record.uid, title=title, type=kind, status=status, start=start,
                   end=end, organisation=record.reporter_org, notes=record.description,
                   kommunkod=record.kommunkod, wkb=wkb, source=record.source)
