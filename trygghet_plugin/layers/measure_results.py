"""The evaluated measures as a polygon layer (each measure's target area) with the counts,
the effect, the WDQ and the verdict in words. Nothing is computed here."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from qgis.core import QgsFeature, QgsField, QgsFields, QgsGeometry
from qgis.PyQt.QtCore import QVariant

from ..analysis.measures import AFTER, AFTER_YEAR, BEFORE, BEFORE_YEAR, BUFFER, COMPARISON, TARGET
from ..domain.measure import MeasureTypes
from ..jobs.measures import MeasureOutcome

RESULTS_NAME = "Åtgärder – utvärdering"
#: Output fields of trygghet:evaluatemeasures, in order.
RESULT_FIELDS = (
    ("uid", QVariant.String), ("title", QVariant.String), ("type", QVariant.String),
    ("status", QVariant.String), ("start_date", QVariant.String),
    ("end_date", QVariant.String), ("before_from", QVariant.String),
    ("after_to", QVariant.String), ("verdict", QVariant.String),
    ("verdict_text", QVariant.String),
    ("target_before", QVariant.Int), ("target_after", QVariant.Int),
    ("buffer_before", QVariant.Int), ("buffer_after", QVariant.Int),
    ("comparison_before", QVariant.Int), ("comparison_after", QVariant.Int),
    ("target_before_year", QVariant.Int), ("target_after_year", QVariant.Int),
    ("effect", QVariant.Double), ("effect_low", QVariant.Double),
    ("effect_high", QVariant.Double), ("buffer_effect", QVariant.Double),
    ("buffer_low", QVariant.Double), ("buffer_high", QVariant.Double),
    ("seasonal_effect", QVariant.Double), ("success_measure", QVariant.Double),
    ("buffer_displacement", QVariant.Double), ("wdq", QVariant.Double),
    ("dispersion", QVariant.Double), ("note", QVariant.String),
)


def result_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in RESULT_FIELDS:
        fields.append(QgsField(name, kind))
    return fields


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
