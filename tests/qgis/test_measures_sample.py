"""The sample knows measures: planted beside the sample (its incidents untouched), written
as the files the demo feeds through the doors — a collection-service export and a planner's
CSV — and evaluated against the whole sample kommun as the comparison area."""

from __future__ import annotations

from datetime import timedelta

import pytest

from trygghet_plugin.store import open_store
from trygghet_sample.measures import (
    PLANTED_EFFECT,
    WINDOW_DAYS,
    plant_measures,
    report_profile,
    write_measure_sample,
)


@pytest.fixture(scope="module")
def sample():
    from trygghet_sample import generate

    return generate(size=8000, seed=5)


def test_planting_measures_leaves_the_sample_as_it_was(sample):
    from trygghet_sample import generate

    before = [i.uid for i in sample.iter_incidents()]
    planted = plant_measures(start=sample.end - timedelta(days=WINDOW_DAYS + 14),
                             profile=report_profile(sample))
    assert [i.uid for i in generate(size=8000, seed=5).iter_incidents()] == before
    assert not {i.uid for i in planted.incidents} & set(before)
    assert [m.status for m in planted.measures] == ["avslutad", "avslutad", "planerad"]


def test_the_demo_path_finds_the_planted_drop_and_no_effect(provider_loaded, sample,
                                                             tmp_path, clock_at):
    import processing

    start = sample.end - timedelta(days=WINDOW_DAYS + 14)
    planted = plant_measures(start=start, profile=report_profile(sample))
    files = write_measure_sample(tmp_path / "sample", planted)
    store = tmp_path / "nassjo.gpkg"
    with open_store(store) as s:
        s.upsert_incidents(sample.iter_incidents())
        s.upsert_areas(sample.store_areas(deso=False))
    clock_at(sample.end)
    synced = processing.run("trygghet:syncreports", {
        "STORE": str(store), "SOURCE": "file", "FILE": str(files["measure_incidents"]),
        "KOMMUNKOD": "0682"})
    assert synced["NEW"] == len(planted.incidents) and synced["REJECTED"] == 0
    imported = processing.run("trygghet:importmeasures", {
        "STORE": str(store), "INPUT": str(files["measures"])})
    assert (imported["NEW"], imported["REJECTED"]) == (3, 0)
    result = processing.run("trygghet:evaluatemeasures", {"STORE": str(store),
                                                          "OUTPUT": "memory:"})
    rows = {f["uid"]: f for f in result["OUTPUT"].getFeatures()}
    park, camera = rows["m-exempel-park"], rows["m-exempel-kamera"]
    assert park["effect_low"] <= PLANTED_EFFECT <= park["effect_high"] < 1
    assert park["wdq"] < 0
    assert camera["effect_low"] <= 1.0 <= camera["effect_high"]
    assert camera["verdict"] == "no_change"
    assert result["EFFECTIVE"] == 1
