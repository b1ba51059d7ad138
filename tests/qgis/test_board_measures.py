"""The board analysis's public section "Åtgärder och effekter": the sample's planted measures
(a lighting measure with a 40 % drop, cameras with no effect, a planned dialogue) evaluated
through trygghet:evaluatemeasures and counted per type in trygghet:boardanalysis — counts
only, no titles, places or notes, small counts hidden like the rest of the document."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from pdf_attacker import attack
from test_reports import pdf_pages

from trygghet_plugin.store import open_store
from trygghet_sample.measures import WINDOW_DAYS, plant_measures, report_profile

SECTION = "Åtgärder och effekter"


@pytest.fixture(scope="module")
def provider_loaded_module(qgis_processing):
    from trygghet_plugin.plugin import TrygghetPlugin

    plugin = TrygghetPlugin(None)
    plugin.initProcessing()
    yield
    plugin.unload()


@pytest.fixture(scope="module")
def measures_store(tmp_path_factory, provider_loaded_module):
    """The sample kommun (no DeSO areas: the document without area pages) with the planted
    measures and their incidents, the finished ones evaluated through the Processing door."""
    import processing

    from trygghet_plugin.domain import clock
    from trygghet_sample import generate

    sample = generate(size=3000, seed=5)
    planted = plant_measures(start=sample.end - timedelta(days=WINDOW_DAYS + 14),
                             profile=report_profile(sample))
    path = tmp_path_factory.mktemp("board_measures") / "nassjo.gpkg"
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        store.write_batch(planted.incidents)
        store.upsert_areas(sample.store_areas(deso=False))
        store.upsert_measures(planted.measures)
    clock.set_now(sample.end + timedelta(days=1))
    try:
        result = processing.run("trygghet:evaluatemeasures", {"STORE": str(path),
                                                              "OUTPUT": "memory:"})
        verdicts = {f["uid"]: f["verdict"] for f in result["OUTPUT"].getFeatures()}
        yield path, verdicts
    finally:
        clock.set_now(None)


def _board(store, out, **extra) -> list[str]:
    import processing

    result = processing.run("trygghet:boardanalysis", {"STORE": str(store), "TERTIAL": "2026-T2",
                                                        "OUTPUT": str(out), **extra})
    pages = pdf_pages(out)
    assert result["PAGES"] == len(pages)
    return pages


def _section(pages: list[str]) -> str:
    (page,) = [p for p in pages if SECTION in p]
    return page


def _row(page: str, label: str) -> list[str]:
    line = re.search(rf"^\s*{label}\s+(.+)$", page, re.M)
    assert line, page
    return line.group(1).split()


def test_finished_measures_are_counted_per_type_and_verdict(measures_store, tmp_path):
    store, verdicts = measures_store
    assert verdicts["m-exempel-park"].startswith("decreased")  # the planted 40 % drop
    assert verdicts["m-exempel-kamera"] == "no_change"
    pages = _board(store, tmp_path / "exakt.pdf", SMALL_COUNT=0)
    # No areas: summary, trends, survey, police, measures, method (no area pages).
    assert len(pages) == 6 and "Metod och källor" in pages[-1]
    page = _section(pages)
    assert pages.index(page) == len(pages) - 2
    flat = " ".join(page.split())
    for heading in ("Typ av åtgärd", "Utvärderade", "Minskade", "Ingen säker", "förändring",
                    "Flyttade", "troligen", "Ökade", "För få för att", "bedöma"):
        assert heading in flat, heading  # long headings wrap in their cells
    #                                   evaluated, less, no change, moved, more, too few
    assert _row(page, "Belysning") == ["1", "1", "0", "0", "0", "0"]
    assert _row(page, "Kamerabevakning") == ["1", "0", "1", "0", "0", "0"]
    assert _row(page, "Alla typer") == ["2", "1", "1", "0", "0", "0"]
    assert "Dialog" not in page  # the planned measure is not finished
    # What the verdicts, the effect and the WDQ mean, in plain Swedish.
    assert "0,6 betyder 40 % färre händelser än väntat" in flat
    assert "WDQ (viktad förflyttningskvot, Bowers och Johnson 2003)" in flat
    assert "250 m runt den" in flat and "Med färre än 10 händelser" in flat
    # Nothing that could name a person, an address or a place.
    text = "\n".join(pages)
    for secret in ("Stadsparken", "resecentrum", "gatuavdelningen", "Planterad effekt",
                   "Trygghetsvandring", "m-exempel"):
        assert secret not in text, secret


def test_small_measure_counts_are_hidden_like_the_rest(measures_store, tmp_path):
    store, _ = measures_store
    pages = _board(store, tmp_path / "publik.pdf")
    page = _section(pages)
    # One measure of each type: every count of 1–2 is "<3", a 0 stays 0 unless it must hide.
    assert _row(page, "Belysning")[:2] == ["<3", "<3"]
    assert _row(page, "Kamerabevakning")[0] == "<3"
    assert _row(page, "Alla typer")[0] == "<3"
    assert not re.search(r"^\s*(Belysning|Kamerabevakning|Alla typer)\s.*\b[12]\b", page, re.M)
    assert "Antal 1–2 visas som <3" in " ".join(page.split())
    assert attack(pages).pinned == []


def test_without_measures_the_section_says_so_in_one_line(provider_loaded_module,
                                                            tmp_path):
    from trygghet_sample import generate

    sample = generate(size=1500, seed=3)
    path = tmp_path / "utan.gpkg"
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        store.upsert_areas(sample.store_areas(deso=False))
    page = _section(_board(path, tmp_path / "utan.pdf"))
    body = page.split(SECTION)[1].split("Trygghetsanalys")[0]
    assert [line.strip() for line in body.splitlines() if line.strip()] == [
        "Ingen avslutad åtgärd har utvärderats ännu."]
