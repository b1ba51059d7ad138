"""The column-wise read of places and times (GDAL's Arrow stream) gives exactly what the
row-by-row read gives: the same rows in the same order, NaT where a time is missing."""

from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pytest

from trygghet_plugin.domain.incident import Incident
from trygghet_plugin.store import open_store

# Also run where `import qgis` fails (make test-noqgis, tests/unit/test_without_qgis.py).
pytestmark = pytest.mark.noqgis


def test_places_and_times_read_column_wise_equal_the_row_read(tmp_path):
    with open_store(tmp_path / "s.gpkg") as store:
        store.write_batch([Incident(
            "reports", f"A{i}", "skadegorelse", 480000.5 + i, 6390000.25 - i,
            datetime(2026, 5, 1 + i % 20, i % 24, tzinfo=timezone.utc),
            reported_at=None if i % 3 == 0 else datetime(2026, 5, 22, tzinfo=timezone.utc),
            status="deleted" if i % 7 == 0 else None,
            location_precision="street" if i % 2 else "exact") for i in range(60)])
        where = "occurred_at >= ? AND (status IS NULL OR status != ?) AND location_precision " \
                "IN (?, ?)"
        params = ("2026-05-03T00:00:00", "deleted", "exact", "street")
        fast = store._points_frame(where, params)
        if fast is None:
            pytest.skip("GDAL without the Arrow stream (< 3.6): the row read is used")
        slow = store.incident_frame(where, params, ("status",))
    assert len(fast) == len(slow) > 30
    assert np.array_equal(fast.fid, slow.fid)
    assert np.array_equal(fast.x, slow.x) and np.array_equal(fast.y, slow.y)
    assert np.array_equal(fast.occurred_at, slow.occurred_at)
    assert np.array_equal(np.isnat(fast.reported_at), np.isnat(slow.reported_at))
    known = ~np.isnat(slow.reported_at)
    assert np.array_equal(fast.reported_at[known], slow.reported_at[known])
    assert np.isnat(fast.reported_at).any()


def test_a_quote_in_a_parameter_stays_a_value(tmp_path):
    with open_store(tmp_path / "s.gpkg") as store:
        store.write_batch([Incident("reports", "A1", "skadegorelse", 480000.0, 6390000.0,
                                    datetime(2026, 5, 1, tzinfo=timezone.utc))])
        frame = store.incident_frame("category = ?", ("x' OR '1'='1",), ())
    assert len(frame) == 0
