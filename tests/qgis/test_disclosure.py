"""The public board analysis gives no one away: a reader with nothing but the PDF's text
cannot work out any hidden count (see pdf_attacker for what the reader knows)."""

from __future__ import annotations

import re

import pytest
from pdf_attacker import KOMMUN, ROW, attack, read
from test_reports import pdf_pages

SEEDS = range(1, 21)


def _store(path, size: int, seed: int):
    from trygghet_plugin.sources import polisen
    from trygghet_plugin.sources.kommuner import registry
    from trygghet_plugin.store import open_store
    from trygghet_sample import generate

    sample = generate(size=size, seed=seed)
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        store.upsert_areas(sample.store_areas())
        polisen.import_events(store, sample.police_events, kommun=registry().resolve("0682"))
    return path


def _board(store, out, **extra) -> tuple[dict, list[str]]:
    import processing

    result = processing.run("trygghet:boardanalysis", {"STORE": str(store), "TERTIAL": "2026-T2",
                                                        "OUTPUT": str(out), **extra})
    return result, pdf_pages(out)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """The demo's size: 20,000 reports, seed 1, with the police's events."""
    return _store(tmp_path_factory.mktemp("disclosure") / "demo.gpkg", 20000, 1)


@pytest.fixture(scope="module")
def demo_board(provider_loaded_module, demo_store):
    return _board(demo_store, demo_store.with_name("namndanalys.pdf"))


@pytest.fixture(scope="module")
def provider_loaded_module(qgis_processing):
    from trygghet_plugin.plugin import TrygghetPlugin

    plugin = TrygghetPlugin(None)
    plugin.initProcessing()
    yield
    plugin.unload()


def test_no_hidden_count_of_the_demo_can_be_worked_out(demo_board):
    result, pages = demo_board
    found = attack(pages)
    assert found.rest_assumed  # the reader knows what lies in no area is the police's
    assert len(found.hidden) >= 60  # small counts and those that protect them
    assert found.pinned == [], found.pinned[:5]
    assert result["HIDDEN_SMALL"] > 0 and result["HIDDEN_PROTECTING"] > 0
    assert 0 < result["INFORMATION_LOSS"] < 30


def test_the_demo_says_what_is_hidden_and_why(demo_board):
    result, pages = demo_board
    text = "\n".join(" ".join(p.split()) for p in pages)
    assert "<3" in text and ".." in text
    method = " ".join(pages[-1].split())
    assert "Röjandekontroll" in method and "<3 betyder 0–2" in method
    counts = re.search(r"Av rapportens (\d+) antal är (\d+) \(([\d,]+) %\) dolda: (\d+) små "
                       r"antal och (\d+) för att skydda dem", method)
    assert counts, method
    published, hidden, share, small, protecting = counts.groups()
    assert (int(small), int(protecting)) == (result["HIDDEN_SMALL"],
                                             result["HIDDEN_PROTECTING"])
    assert int(hidden) == int(small) + int(protecting)
    assert float(share.replace(",", ".")) == pytest.approx(result["INFORMATION_LOSS"], abs=0.06)
    assert ".. = dolt för att skydda ett litet antal" in " ".join(pages[0].split())


def test_a_hidden_counts_change_rate_and_chart_bar_are_hidden_too(demo_board):
    _, pages = demo_board
    reading = read(pages)
    rows = [m for page in pages for m in map(ROW.match, page.splitlines()) if m]
    assert len(rows) > 100
    hidden = ("<3", "..")
    for row in rows:  # Antal, Väntat, Föreg., Ett år sedan, Förändr. (against a year ago)
        if row["c"] in hidden or row["y"] in hidden:
            assert row["cy"] == "–", row.group(0)
        if row["c"] in hidden:  # no mark says on which side of "Väntat" it lies
            assert not re.search(r"(<\d|\.\.) ?[↑↓]", row.group(0)), row.group(0)
    for page in pages[2:]:
        total = re.search(r"^\s*Totalt\s+(<3|\.\.)\s", page, re.M)
        if total:
            assert "per 1 000 invånare i tertialen: –." in page
    trend = " ".join(pages[1].split())
    left_out = re.search(r"visas inte i diagrammet \(små antal publiceras inte\): (.+?)\.", trend)
    hidden_categories = {k[1] for k in reading.hidden() if k[0] == KOMMUN}
    assert left_out and hidden_categories <= set(left_out.group(1).split(", "))


def test_the_threshold_is_a_parameter(demo_store, demo_board, tmp_path):
    result, pages = _board(demo_store, tmp_path / "n.pdf", SMALL_COUNT=4)
    assert "små antal visas som <5" in pages[0]
    assert result["HIDDEN_SMALL"] > demo_board[0]["HIDDEN_SMALL"]
    assert attack(pages).pinned == []


def test_a_threshold_of_zero_hides_nothing_and_says_so(demo_store, demo_board, tmp_path):
    result, pages = _board(demo_store, tmp_path / "zero.pdf", SMALL_COUNT=0)
    text = "\n".join(" ".join(p.split()) for p in pages)
    assert (result["HIDDEN_SMALL"], result["HIDDEN_PROTECTING"]) == (0, 0)
    assert "<1" not in text and " .. " not in text and "visas som <" not in text
    assert "gränsen för små antal är satt till 0, så inga antal döljs" in text
    assert "Publik version – aggregerade uppgifter" in pages[0]


def test_the_internal_lagesbild_stays_exact_and_marked_internal(provider_loaded_module,
                                                                demo_store, tmp_path):
    """The 14-day picture is for the safety unit only: its small counts are printed as they
    are, nothing is hidden, and every page says it is internal."""
    import processing

    out = tmp_path / "lagesbild.pdf"
    processing.run("trygghet:lagesbild", {"STORE": str(demo_store), "PERIOD_END": "2026-06-14",
                                          "OUTPUT": str(out)})
    pages = pdf_pages(out)
    assert all("INTERNT – innehåller exakta platser" in page for page in pages)
    rows = [m for m in map(ROW.match, pages[0].splitlines()) if m]
    assert len(rows) >= 5
    counts = [row[g] for row in rows for g in ("c", "p", "y")]
    assert not [c for c in counts if c.startswith("<") or c == ".."], counts
    assert {"1", "2"} & set(counts), counts  # small counts, exactly
    assert "Röjandekontroll" not in "\n".join(pages)


@pytest.fixture(scope="module")
def seed_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("seeds")


@pytest.mark.slow
@pytest.mark.sweep
@pytest.mark.parametrize("seed", SEEDS)
def test_no_hidden_count_can_be_worked_out_for_any_seed(provider_loaded_module, seed_folder,
                                                        seed):
    """Small samples (1,500 reports over three years): many small counts in small areas."""
    store = _store(seed_folder / f"s{seed}.gpkg", 1500, seed)
    _, pages = _board(store, seed_folder / f"s{seed}.pdf")
    found = attack(pages)
    assert found.hidden and found.pinned == [], found.pinned[:5]
