"""The evaluated measures as a polygon layer (each measure's target area) with the counts,
the effect, the WDQ and the verdict in words. Nothing is computed here."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from qgis.core import QgsFeature, QgsFields, QgsGeometry

from ..analysis.measures import (
    AFTER,
    AFTER_YEAR,
    BEFORE,
    BEFORE_YEAR,
    BUFFER,
    COMPARISON,
    TARGET,
    MeasureOutcome,
)
from ..domain.measure import MeasureTypes
from .fields import DOUBLE, INT, STRING, make_fields

RESULTS_NAME = "Åtgärder – utvärdering"
#: Output fields of trygghet:evaluatemeasures, in order.
RESULT_FIELDS = (
    ("uid", STRING), ("title", STRING), ("type", STRING),
    ("status", STRING), ("start_date", STRING),
    ("end_date", STRING), ("before_from", STRING),
    ("after_to", STRING), ("verdict", STRING),
    ("verdict_text", STRING),
    ("target_before", INT), ("target_after", INT),
    ("buffer_before", INT), ("buffer_after", INT),
    ("comparison_before", INT), ("comparison_after", INT),
    ("target_before_year", INT), ("target_after_year", INT),
    ("effect", DOUBLE), ("effect_low", DOUBLE),
    ("effect_high", DOUBLE), ("buffer_effect", DOUBLE),
    ("buffer_low", DOUBLE), ("buffer_high", DOUBLE),
    ("seasonal_effect", DOUBLE), ("success_measure", DOUBLE),
    ("buffer_displacement", DOUBLE), ("wdq", DOUBLE),
    ("dispersion", DOUBLE), ("note", STRING),
)


def result_fields() -> QgsFields:
    return make_fields(RESULT_FIELDS)


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(float(value), digits)


def result_features(outcomes: Sequence[MeasureOutcome], fields: QgsFields | None = None
                    ) -> Iterator[QgsFeature]:
    """One feature per measure: its target area with the evaluation's figures."""
    fields = fields or result_fields()
    types = MeasureTypes.load()
    for outcome in outcomes:
        m, ev = outcome.measure, outcome.evaluation
        feature = QgsFeature(fields)
        if outcome.zones is not None:
            geometry = QgsGeometry.fromWkt(outcome.zones.target.ExportToWkt())
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
        values = {"uid": m.uid, "title": m.title, "type": types.label(m.type),
                  "status": m.status, "start_date": m.start.isoformat() if m.start else None,
                  "end_date": m.end.isoformat() if m.end else None}
        if ev is None:
            values["note"] = outcome.message
        else:
            c = ev.counts
            values.update(
                verdict=ev.verdict, verdict_text=ev.verdict_text,
                target_before=int(c[TARGET, BEFORE]), target_after=int(c[TARGET, AFTER]),
                buffer_before=int(c[BUFFER, BEFORE]), buffer_after=int(c[BUFFER, AFTER]),
                comparison_before=int(c[COMPARISON, BEFORE]),
                comparison_after=int(c[COMPARISON, AFTER]),
                target_before_year=int(c[TARGET, BEFORE_YEAR]),
                target_after_year=int(c[TARGET, AFTER_YEAR]),
                success_measure=_round(ev.wdq.success, 6),
                buffer_displacement=_round(ev.wdq.buffer_displacement, 6),
                wdq=_round(ev.wdq.readable_wdq), dispersion=_round(ev.dispersion[TARGET], 2),
                note=" ".join(ev.notes) or None)
            if ev.windows is not None:
                values["before_from"] = ev.windows.before.start.isoformat()
                values["after_to"] = ev.windows.after.last_day.isoformat()
            for prefix, est in (("effect", ev.effect), ("buffer", ev.buffer_effect)):
                if est is not None:
                    values[prefix if prefix == "effect" else "buffer_effect"] = \
                        _round(est.ratio)
                    values[f"{prefix}_low"] = _round(est.low)
                    values[f"{prefix}_high"] = _round(est.high)
            if ev.seasonal_effect is not None:
                values["seasonal_effect"] = _round(ev.seasonal_effect.ratio)
        feature.setAttributes([values.get(name) for name, _ in RESULT_FIELDS])
        yield feature
