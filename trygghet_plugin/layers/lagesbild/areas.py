"""The period's figures per area for the map: incidents and rates per 1,000 inhabitants
against the expected range, and the police's events counted on the area or kommun they
name."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ...analysis.areas import finest_areas
from ...analysis.figures import kommun_figures
from ...analysis.periods import Period
from ...analysis.select import PRECISE, incident_mask
from ...domain.area import AreaKind
from ...i18n import translator
from .cache import AREAS_TABLE, POLICE_TABLE, fields_of, polygon
from .legend import rate_classes
from .model import LagesbildData
from .names import RATES_PREFIX

tr = translator("Layers")


def vs_expected_label(expected) -> str:
    """The area's count against its expected range, in the layer's attribute (Swedish, as
    the map's legends)."""
    if expected is None or not expected.testable:
        return "För kort historik"
    return {"up": "Fler än väntat", "down": "Färre än väntat"}.get(expected.direction,
                                                                   "Inom det väntade")


def area_rates(data: LagesbildData, frame, refs: Sequence[Period], areas, writer,
                history: Sequence[Period] = ()) -> None:
    """Counts per area and rates per 1,000 inhabitants: precise points by point-in-polygon,
    area-level events by their area code; kommun-level events count on no area."""
    from qgis.core import QgsFeature, QgsWkbTypes
    from qgis.PyQt.QtCore import QVariant

    chosen = finest_areas(areas)
    if not chosen:
        data.notes.append(tr("The store has no areas (DeSO, RegSO or districts): the layer "
                             "{layer} is left out.").format(layer=RATES_PREFIX))
        return
    kind = chosen[0].kind
    rows = np.zeros(len(frame), dtype=bool)
    for p in [*refs, *history]:
        rows |= incident_mask(frame, p)
    sub = frame.take(np.flatnonzero(rows))
    known = {a.code for a in chosen}
    # The same function as the PDFs' figures: one count per area, whichever door asks.
    figures = kommun_figures(sub, data.period, chosen)
    by_code = {f.key: f for f in figures.by_area}
    fields = fields_of((("code", QVariant.String), ("name", QVariant.String),
                      ("kind", QVariant.String), ("population", QVariant.Int),
                      ("incidents", QVariant.Int), ("per_1000", QVariant.Double),
                      ("expected", QVariant.String), ("vs_expected", QVariant.String),
                      ("previous", QVariant.Int), ("year_before", QVariant.Int),
                      ("period", QVariant.String)))

    def features():
        for area in chosen:
            f = by_code.get(area.code)
            feature = QgsFeature(fields)
            feature.setGeometry(polygon(area.wkb))
            rate = f.rate if f is not None else None
            feature.setAttributes([
                area.code, area.label, area.kind, area.population,
                f.count if f else 0, None if rate is None else round(rate, 3),
                f.expected.interval_text if f and f.expected else "–",
                vs_expected_label(f.expected if f else None),
                f.previous if f else 0, f.year_before if f else 0,
                data.period.name])
            yield feature

    writer.write(AREAS_TABLE, fields, QgsWkbTypes.MultiPolygon, features(),
                 f"{RATES_PREFIX} {data.period.label}")
    data.has_areas, data.area_kind = True, kind
    data.rate_classes = rate_classes([f.rate for f in figures.by_area if f.key in known])
    missing = [a.label for a in chosen if not a.population]
    if missing:
        data.notes.append(tr("{n} areas have no population and get no rate per 1,000 "
                             "inhabitants ({areas}).").format(n=len(missing),
                                                             areas=", ".join(missing[:5])))


def police_counts(data: LagesbildData, frame, areas, writer) -> None:
    """Police events of the period without a point of their own, counted where the feed
    placed them: on the named area, or on the kommun as a whole."""
    from qgis.core import QgsFeature, QgsWkbTypes
    from qgis.PyQt.QtCore import QVariant

    now = incident_mask(frame, data.period) & (frame["source"] == "police") & \
        ~np.isin(frame["location_precision"], PRECISE)
    if not now.any():
        return
    if not areas:
        data.notes.append(tr("{n} of the police's events have no place and are not shown: "
                             "the store has no areas and no kommun boundary.").format(
            n=int(now.sum())))
        return
    precision = frame["location_precision"][now]
    on_area: dict[str, int] = {}
    for code in frame["area_code"][now][precision == "area"]:
        if code:
            on_area[code] = on_area.get(code, 0) + 1
    on_kommun: dict[str, int] = {}
    for code in frame["kommunkod"][now][precision == "kommun"]:
        if code:
            on_kommun[code] = on_kommun.get(code, 0) + 1
    rows = [a for a in areas if (a.kind == AreaKind.KOMMUN.value and a.code in on_kommun
                                 or a.kind != AreaKind.KOMMUN.value and a.code in on_area)]
    kommuner = [a for a in areas if a.kind == AreaKind.KOMMUN.value]
    rows += [a for a in kommuner if a not in rows]  # the kommun shows, with 0 when none
    fields = fields_of((("code", QVariant.String), ("name", QVariant.String),
                      ("kind", QVariant.String), ("kommunkod", QVariant.String),
                      ("population", QVariant.Int), ("events", QVariant.Int),
                      ("events_area", QVariant.Int), ("events_kommun", QVariant.Int),
                      ("per_1000", QVariant.Double), ("period", QVariant.String)))

    def features():
        for area in rows:
            n_area = on_area.get(area.code, 0) if area.kind != AreaKind.KOMMUN.value else 0
            n_kommun = on_kommun.get(area.code, 0) if area.kind == AreaKind.KOMMUN.value else 0
            events = n_area + n_kommun
            feature = QgsFeature(fields)
            feature.setGeometry(polygon(area.wkb))
            feature.setAttributes([
                area.code, area.label, area.kind, area.kommunkod, area.population, events,
                n_area, n_kommun,
                round(1000.0 * events / area.population, 3) if area.population else None,
                data.period.name])
            yield feature

    writer.write(POLICE_TABLE, fields, QgsWkbTypes.MultiPolygon, features(),
                 f"Polisens händelser per område {data.period.label}")
    data.has_police = True
    data.police_area = sum(n for c, n in on_area.items() if any(a.code == c for a in rows))
    data.police_kommun = sum(n for c, n in on_kommun.items()
                             if any(a.code == c for a in kommuner))
    lost = int(now.sum()) - data.police_area - data.police_kommun
    if lost:
        data.notes.append(tr("{n} of the police's events have neither a known area nor a "
                             "kommun in the store and are not shown.").format(n=lost))
