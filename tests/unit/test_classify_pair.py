"""One rule for which coordinate system a pair of numbers is in (sources.crs.classify_pair),
used by both the report export files and the police crime exports."""

from __future__ import annotations

from trygghet_plugin.sources import crs, exportfile, police_exports


def test_a_pair_is_told_apart_in_either_order():
    assert crs.classify_pair(14.6968, 57.6531) == (crs.WGS84, 14.6968, 57.6531)
    assert crs.classify_pair(57.6531, 14.6968) == (crs.WGS84, 14.6968, 57.6531)
    assert crs.classify_pair(6_393_000, 480_000) == (crs.SWEREF, 480_000, 6_393_000)
    assert crs.classify_pair(1_420_000, 6_395_000)[0] == crs.RT90
    assert crs.classify_pair(2.35, 48.85) is None  # Paris


def test_both_importers_read_the_same_pair_the_same_way():
    for a, b in ((57.6531, 14.6968), (6_393_000, 480_000), (54.6, 10.1), (69.4, 24.4)):
        system, x, y, _swapped = exportfile.classify_pair(a, b)
        assert police_exports.classify_pair(a, b)[1:] == (x, y), (a, b)
    assert "RT 90" in exportfile.classify_pair(6_395_000, 1_420_000)
    assert police_exports.classify_pair(6_395_000, 1_420_000)[0] == crs.RT90
