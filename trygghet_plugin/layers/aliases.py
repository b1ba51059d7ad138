"""Readable names (aliases) and sensible rounding for the fields a user sees in Identify, the
attribute table and the planners' GeoPackage, instead of column names such as ``gi_z`` or
``raw_hash``."""

from __future__ import annotations

from qgis.core import QgsEditorWidgetSetup, QgsVectorLayer

from ..i18n import translator

tr = translator("FieldAliases")


def field_aliases() -> dict[str, str]:
    return {
        # hot spots (trygghet:hotspots, the lägesbild group)
        "cell_id": tr("Cell"), "n": tr("Incidents in the cell"),
        "nb_n": tr("Incidents in the neighbourhood"),
        "nb_expected": tr("Expected in the neighbourhood"), "gi_z": tr("Gi* z-score"),
        "gi_p": tr("p-value (Gi*)"), "gi_q": tr("q-value (Gi*, after correction)"),
        "exact_p": tr("p-value (exact test)"), "exact_q": tr("q-value (exact test)"),
        "gi_class": tr("Class"), "label": tr("Result"), "period": tr("Period"),
        # emerging hot spots
        "n_last": tr("Incidents in the latest period"), "hot_periods": tr("Periods hot"),
        "cold_periods": tr("Periods cold"), "trend_z": tr("Trend (z-score)"),
        "trend_p": tr("p-value (trend)"), "gi_z_last": tr("Gi* z-score, latest period"),
        "pattern": tr("Pattern (code)"), "periods": tr("Periods"),
        # unusual now (clusters)
        "cluster": tr("Cluster"), "count": tr("Incidents in the cluster"),
        "expected": tr("Expected"), "ratio": tr("Observed / expected"),
        "p": tr("p-value (upper tail)"), "q": tr("q-value (after correction)"),
        "cells": tr("Cells"), "windows": tr("Windows flagged"),
        # measures (the Åtgärder layer)
        "uid": tr("Id"), "title": tr("Title"), "type": tr("Type (code)"),
        "type_label": tr("Type"), "status": tr("Status (code)"), "status_label": tr("Status"),
        "start_date": tr("Start date"), "end_date": tr("End date"),
        "organisation": tr("Responsible organisation"), "categories": tr("Target categories"),
        "notes": tr("Internal notes"), "verdict": tr("Verdict"),
        # rejected records
        "source": tr("Source"), "source_id": tr("Id in the source"),
        "raw": tr("Record as received"), "reason": tr("Reason"),
        "rejected_at": tr("Rejected at"), "raw_hash": tr("Checksum"),
        "times_seen": tr("Times seen"), "last_seen": tr("Last seen"),
    }


#: Decimals shown for real-valued fields: scores with two, probabilities with three.
DECIMALS = {"nb_expected": 1, "ratio": 1, "gi_z": 2, "trend_z": 2, "gi_z_last": 2,
            "gi_p": 3, "gi_q": 3, "exact_p": 3, "exact_q": 3, "trend_p": 3}


def describe_fields(layer: QgsVectorLayer) -> int:
    """Set the aliases and the rounding on ``layer``'s known fields; returns how many."""
    if not isinstance(layer, QgsVectorLayer):
        return 0
    aliases, count = field_aliases(), 0
    for index, field in enumerate(layer.fields()):
        name = field.name()
        if name in aliases:
            layer.setFieldAlias(index, aliases[name])
            count += 1
        if name in DECIMALS:
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("Range", {
                "Precision": DECIMALS[name], "Style": "SpinBox", "Min": -1e12, "Max": 1e12,
                "AllowNull": True}))
    return count
