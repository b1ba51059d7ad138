"""What the Åtgärder dock does to measures, as use cases apart from the widget: list them for
the dock's table, take a place from map features or chosen areas, close one, delete one.

Saving a new or edited measure is :func:`.measures.add_measure`, the same call as
``trygghet:addmeasure``; import, export and evaluation are the algorithms' own functions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from ..analysis.measures import verdict_text
from ..domain import clock
from ..domain.measure import FINISHED, STATUS_LABELS, Measure, MeasureTypes
from ..i18n import translator
from ..store.base import Store
from .measures import MeasureError, add_measure, check_geometry, union_wkb

tr = translator("Measures")


@dataclass(frozen=True)
class MeasureRow:
    """One line of the dock's list, in the user's language."""

    uid: str
    title: str
    type_label: str
    status: str
    status_label: str
    start: str
    end: str
    verdict: str
    colour: str


def status_label(code: str, language: str = "sv") -> str:
    sv, en = STATUS_LABELS.get(code, (code, code))
    return sv if language.startswith("sv") else en


def measure_rows(store: Store, status: str | None = None, language: str = "sv",
                 types: MeasureTypes | None = None) -> list[MeasureRow]:
    """The store's measures (of one status, or all), the newest first: the one just made is
    at the top."""
    types = types or MeasureTypes.load()
    measures = list(reversed(store.measures(status=status)))
    rows = []
    for m in measures:
        kind = types.types.get(m.type)
        rows.append(MeasureRow(
            m.uid, m.title, types.label(m.type, language), m.status,
            status_label(m.status, language), m.start.isoformat() if m.start else "",
            m.end.isoformat() if m.end else "", verdict_text(m.verdict) if m.verdict else "",
            kind.color if kind else "#7f7f7f"))
    return rows


def one_measure(store: Store, uid: str) -> Measure:
    found = store.measures([uid])
    if not found:
        raise MeasureError(tr("No measure has the id {ids}.").format(ids=uid))
    return found[0]


def place_from_shapes(shapes: Iterable[bytes]) -> bytes:
    """One place (EPSG:3006 WKB) for a new measure from the features a user chose: selected
    hot spot cells, unusual clusters or a drawn polygon."""
    wkb = union_wkb([s for s in shapes if s])
    if wkb is None:
        raise MeasureError(tr("Nothing is selected: select hot spot cells or unusual "
                              "clusters on the map first."))
    return check_geometry(wkb)


def place_from_areas(store: Store, codes: Sequence[str]) -> bytes:
    """The union of the chosen areas (DeSO, RegSO, districts) as the measure's place."""
    if not codes:
        raise MeasureError(tr("Choose at least one area."))
    wanted = set(codes)
    shapes = [a.wkb for a in store.areas() if a.code in wanted]
    if not shapes:
        raise MeasureError(tr("None of the chosen areas is in the store."))
    return place_from_shapes(shapes)


def close_measure(store: Store, uid: str, end: date | None = None) -> Measure:
    """Mark a measure finished (avslutad), ending today unless a day is given (or its planned
    end, when that has passed); its place, start and everything else stay."""
    measure = one_measure(store, uid)
    today = clock.today()
    last = end or (min(measure.end, today) if measure.end else today)
    if measure.start is not None and last < measure.start:
        raise MeasureError(tr("The measure ends ({end}) before it starts ({start}).").format(
            end=last, start=measure.start))
    closed = replace(measure, status=FINISHED, end=last,
                     start=measure.start or last)  # a finished measure has a start
    add_measure(store, closed)
    return closed


def delete_measure(store: Store, uid: str) -> None:
    if not store.delete_measure(uid):
        raise MeasureError(tr("No measure has the id {ids}.").format(ids=uid))
