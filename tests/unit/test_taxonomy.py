"""The category taxonomy maps each source's words, and says when it does not know one."""

from __future__ import annotations

import pytest

# Also run where `import qgis` fails (make test-noqgis, tests/unit/test_without_qgis.py).
pytestmark = pytest.mark.noqgis


@pytest.mark.parametrize("word,sub,expected", [
    ("Skadegörelse", "Klotter", ("skadegorelse", "klotter")),
    ("graffiti", None, ("skadegorelse", "klotter")),
    ("KLOTTER", None, ("skadegorelse", "klotter")),
    ("Nedskräpning", None, ("nedskrapning", None)),
    ("Otrygghetsskapande samling av personer", None, ("samling", None)),
    ("Annat ordningsstörande", "Narkotika", ("ordningsstorning", "narkotika")),
    ("Otrygg plats", "Bristande belysning", ("otrygg_plats", "belysning")),
    ("otrygg plats", "mörkt", ("otrygg_plats", "belysning")),
])
def test_source_words_map_to_codes(taxonomy, word, sub, expected):
    got = taxonomy.classify(word, sub)
    assert (got.category, got.subcategory) == expected
    assert got.known


def test_unknown_words_go_to_ovrigt_and_are_flagged(taxonomy):
    got = taxonomy.classify("Hundbajs")
    assert (got.category, got.known) == ("ovrigt", False)


def test_every_category_has_swedish_and_english_labels_and_a_colour(taxonomy):
    for cat in taxonomy.categories.values():
        assert cat.sv and cat.en and cat.color.startswith("#")
    assert taxonomy.label("skadegorelse") == "Skadegörelse"
    assert taxonomy.label("skadegorelse", "en") == "Vandalism"
