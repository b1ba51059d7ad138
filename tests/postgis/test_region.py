"""A region in one database: several kommuner side by side, each analyst's picture filtered
to their own kommun, and the kommuner compared for the board."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import numpy as np
import pytest

from trygghet_plugin.analysis.periods import Period, last_complete_period
from trygghet_plugin.analysis.region import FROM_AREAS, SCB_2024, region_summary
from trygghet_plugin.domain.incident import Incident
from trygghet_plugin.store import open_store
from trygghet_sample import generate

END = date(2026, 10, 31)


def jonkoping_reports(n: int = 700) -> list[Incident]:
    """Jönköping's reports from its own collection service (own source name, own ids)."""
    return [replace(i, source="reports-0680", kommunkod="0680")
            for i in generate(size=n, seed=23).iter_incidents()]


@pytest.fixture
def region(pg_uri, fill_store):
    """Nässjö filled by its analyst through a scoped store, Jönköping's reports through
    another; returns the region's STORE."""
    with open_store(f"{pg_uri}&kommun=0682") as nassjo:
        fill_store(nassjo)
    with open_store(f"{pg_uri}&kommun=0680") as jonkoping:
        jonkoping.upsert_incidents(replace(i, kommunkod=None) for i in jonkoping_reports())
    return pg_uri


def test_each_kommun_sees_only_its_own_and_the_region_sees_all(region, qgis_app):
    from qgis.core import QgsVectorLayer

    with open_store(region) as whole, open_store(f"{region}&kommun=0682") as nassjo, \
            open_store(f"{region}&kommun=0680") as jonkoping:
        n_nassjo = whole.count("incidents", "kommunkod = ?", ("0682",))
        assert whole.count("incidents", "kommunkod = ?", ("0680",)) == 700  # stamped
        assert nassjo.count("incidents") == n_nassjo and jonkoping.count("incidents") == 700
        assert whole.count("incidents") == n_nassjo + 700
        assert set(nassjo.incident_frame()["kommunkod"]) == {"0682"}
        assert {i.kommunkod for i in jonkoping.iter_incidents()} == {"0680"}
        assert len(nassjo.areas()) == 41 and jonkoping.areas() == []
        assert nassjo.survey_results() == whole.survey_results()
        assert jonkoping.survey_results() == [] and jonkoping.count("survey_places") == 0
        assert jonkoping.count("police_areas") == 0 and nassjo.count("police_areas") > 0
        assert jonkoping.incident_counts_by_area("deso") == {}
        # Layers keep the scope, also when a filter is set on them.
        layer = QgsVectorLayer(jonkoping.layer_source("incidents").uri, "h", "postgres")
        assert layer.isValid() and layer.featureCount() == 700
        layer.setSubsetString("category = 'skadegorelse'")
        assert layer.featureCount() == jonkoping.count("incidents", "category = ?",
                                                       ("skadegorelse",))
        areas = QgsVectorLayer(jonkoping.layer_source("areas").uri, "a", "postgres")
        assert areas.isValid() and areas.featureCount() == 0


def test_another_kommuns_records_are_rejected_not_overwritten(region):
    with open_store(f"{region}&kommun=0680") as jonkoping:
        nassjo_report = next(open_store(f"{region}&kommun=0682").iter_incidents())
        counts = jonkoping.write_batch([
            replace(nassjo_report, category="ovrigt", kommunkod=None),  # Nässjö's uid
            Incident("police", "P1", "misshandel", 470000.0, 6390000.0, None,
                     kommunkod="0682"),                                  # another kommun
            Incident("reports-0680", "NEW1", "ovrigt", 440000.0, 6400000.0, None)])
        assert (counts.new, counts.rejected) == (1, 2)
        reasons = [r.reason for r in jonkoping.rejected() if r.source_id in
                   (nassjo_report.source_id, "P1")]
        assert len(reasons) == 2 and all("hör till kommun 0682" in r for r in reasons)
    with open_store(region) as whole:
        (kept,) = whole.iter_incidents("uid = ?", (nassjo_report.uid,))
        assert kept == nassjo_report  # untouched


def test_police_counts_are_refreshed_per_kommun(region):
    with open_store(f"{region}&kommun=0682") as nassjo:
        before = nassjo.count("police_area_counts")
    with open_store(f"{region}&kommun=0680") as jonkoping:
        jonkoping.refresh_police_area_counts()
    with open_store(f"{region}&kommun=0682") as nassjo:
        assert nassjo.count("police_area_counts") == before > 0


def test_region_summary_counts_and_rates_per_kommun(pg_uri):
    period = Period(date(2026, 9, 1), date(2026, 9, 15))
    at = datetime(2026, 9, 3, 12, tzinfo=timezone.utc)
    before = datetime(2026, 8, 25, 12, tzinfo=timezone.utc)

    def batch(kommun: str, n: int, when: datetime, status: str = "open") -> list[Incident]:
        return [Incident(f"r{kommun}", f"{when:%m%d}-{status}-{i}", "skadegorelse", 470000.0,
                         6390000.0, when, kommunkod=kommun, status=status) for i in range(n)]

    with open_store(pg_uri) as whole:
        whole.write_batch(batch("0682", 12, at) + batch("0682", 4, before)
                          + batch("0680", 30, at) + batch("0680", 3, at, status="deleted")
                          + batch("0687", 2, before))
        rows = {r.kommunkod: r for r in region_summary(whole, period)}
    assert set(rows) == {"0680", "0682", "0687"}
    nassjo, jonkoping, tranas = rows["0682"], rows["0680"], rows["0687"]
    assert (nassjo.name, nassjo.incidents, nassjo.previous, nassjo.change) == \
        ("Nässjö", 12, 4, 8)
    assert nassjo.population == 31615 and nassjo.population_source == SCB_2024
    assert nassjo.per_1000 == pytest.approx(1000 * 12 / 31615)
    assert (jonkoping.incidents, jonkoping.population) == (30, 147526)  # deleted not counted
    assert (tranas.incidents, tranas.previous) == (0, 2) and tranas.per_1000 == 0.0
    with open_store(f"{pg_uri}&kommun=0680") as scoped:
        (only,) = region_summary(scoped, period)
        assert (only.kommunkod, only.incidents) == ("0680", 30)


def test_region_summary_takes_population_from_the_kommun_area(region):
    period = last_complete_period(END)
    with open_store(region) as whole:
        rows = {r.kommunkod: r for r in region_summary(whole, period)}
        frame = whole.incident_frame("kommunkod = ? AND (status IS NULL OR status <> ?)",
                                     ("0682", "deleted"))
    nassjo = rows["0682"]
    assert nassjo.population_source == FROM_AREAS and nassjo.population == 31615
    assert nassjo.incidents == int(period.contains(frame.occurred_at).sum()) > 0
    assert rows["0680"].population_source == SCB_2024


def test_a_kommuns_lagesbild_from_the_region_equals_its_own_store(region, store, fill_store,
                                                                  taxonomy):
    from trygghet_plugin.reports.data import lagesbild_data

    fill_store(store)  # Nässjö alone, in its own GeoPackage
    period = last_complete_period(END)
    with open_store(f"{region}&kommun=0682") as nassjo:
        shared, hot_shared, _ = lagesbild_data(nassjo, period, taxonomy)
    own, hot_own, _ = lagesbild_data(store, period, taxonomy)
    assert shared.kommun_name == own.kommun_name == "Nässjö"
    assert shared.total == own.total and shared.total.count > 0
    assert shared.figures == own.figures
    assert shared.trend_series == own.trend_series
    assert shared.top_places == own.top_places
    assert shared.police_events == own.police_events
    with open_store(f"{region}&kommun=0682") as nassjo:
        police = "source = 'police'"
        assert nassjo.count("incidents", police) == store.count("incidents", police) > 0
    assert np.array_equal(hot_shared.n, hot_own.n)
