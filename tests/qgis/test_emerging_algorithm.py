"""trygghet:emerginghotspots as an analyst runs it from the toolbox: a store where each
place has a history built by hand, and the layer that comes out names each place by ArcGIS
Pro's Emerging Hot Spot category, in Swedish, on the map and in the legend."""

from __future__ import annotations

from datetime import date, datetime, timezone

import numpy as np
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsProject

from trygghet_plugin.analysis.emerging import EMERGING_COLORS, EMERGING_LABELS, PATTERNS
from trygghet_plugin.analysis.hexgrid import grid_over_boundary
from trygghet_plugin.analysis.periods import period_ending, periods_back

PERIOD_END = "2026-10-18"
PERIODS = periods_back(period_ending(date(2026, 10, 18), 14), 12)
X0, Y0, SIDE = 480000, 6390000, 4500
SQUARE = (f"POLYGON (({X0} {Y0}, {X0 + SIDE} {Y0}, {X0 + SIDE} {Y0 + SIDE}, "
          f"{X0} {Y0 + SIDE}, {X0} {Y0}))")
BACKGROUND = 5  # incidents per cell and period, everywhere
T = len(PERIODS)

#: place -> (x, y from the square's corner, incidents added per cell of the place in each
#: period; "quiet": none at all; "swing": none until a busy final period)
PLACES = {
    "Ihållande hotspot": (750, 750, [10] * T),
    "Intensifierande hotspot": (2250, 750, [6 + k for k in range(T)]),
    "Avtagande hotspot": (3750, 750, [20 - k for k in range(T)]),
    "Ny hotspot": (750, 2250, [0] * (T - 1) + [15]),
    "Sammanhängande hotspot": (2250, 2250, [0] * (T - 3) + [12] * 3),
    "Sporadisk hotspot": (3750, 2250, [11 if k in (1, 4, 5, 8, 11) else 0 for k in range(T)]),
    "Historisk hotspot": (750, 3750, [10] * (T - 1) + [0]),
    "Ihållande kallt område": (2250, 3750, "quiet"),
    "Växlande hotspot": (3750, 3750, "swing"),
}


def _incidents():
    """Every cell gets the background; each place (the cells within 300 m of its centre)
    gets its own history on top."""
    from trygghet_plugin.domain.incident import Incident

    grid = grid_over_boundary(SQUARE, 250)
    cx, cy = grid.centres
    rng = np.random.default_rng(3)
    near = {}
    for name, (dx, dy, _) in PLACES.items():
        row = grid.locate(np.array([X0 + dx + 0.0]), np.array([Y0 + dy + 0.0]))[0]
        near[name] = np.hypot(cx - cx[row], cy - cy[row]) < 300
    number = 0
    for k, period in enumerate(PERIODS):
        lo, hi = (t.astype(np.int64) for t in period.utc_bounds())
        counts = rng.poisson(BACKGROUND, len(grid))
        for name, (_, _, extra) in PLACES.items():
            if extra == "quiet" or (extra == "swing" and k < T - 1):
                counts[near[name]] = 0
            elif extra == "swing":
                counts[near[name]] += 20
            else:
                counts[near[name]] += extra[k]
        for x, y, seconds in zip(np.repeat(cx, counts), np.repeat(cy, counts),
                                 rng.integers(lo, hi, counts.sum()).tolist()):
            number += 1
            yield Incident("reports", f"E{number}", "nedskrapning", float(x), float(y),
                           datetime.fromtimestamp(seconds, timezone.utc))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    from trygghet_plugin.domain.area import Area
    from trygghet_plugin.store import open_store

    path = tmp_path_factory.mktemp("emerging") / "framvaxande.gpkg"
    with open_store(path) as store:
        store.upsert_incidents(_incidents())
        wkb = ogr.CreateGeometryFromWkt(SQUARE).ExportToIsoWkb()
        store.upsert_areas([Area(code="0682", kind="kommun", wkb=bytes(wkb), name="Nässjö",
                                 kommunkod="0682", population=31615)])
    return path


class Feedback(QgsProcessingFeedback):
    """What the Processing dialog's log would show."""

    def __init__(self):
        super().__init__()
        self.warnings: list[str] = []
        self.infos: list[str] = []

    def pushWarning(self, text):
        self.warnings.append(text)
        super().pushWarning(text)

    def pushInfo(self, text):
        self.infos.append(text)
        super().pushInfo(text)


def test_each_place_is_named_by_its_history(provider_loaded, store_path):
    import processing

    project = QgsProject.instance()
    before = set(project.mapLayers())
    feedback = Feedback()
    result = processing.runAndLoadResults("trygghet:emerginghotspots", {
        "STORE": str(store_path), "PERIOD_END": PERIOD_END, "PERIODS": T,
        "OUTPUT": "memory:"}, feedback=feedback)
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        (layer,) = added
        assert layer.name() == f"Framväxande hotspots {PERIODS[0].label} – {PERIODS[-1].label}"
        assert result["CELLS"] == layer.featureCount() == len(grid_over_boundary(SQUARE, 250))
        assert result["WARNING"] == "" and feedback.warnings == []
        features = {f["cell_id"]: f for f in layer.getFeatures()}
        grid = grid_over_boundary(SQUARE, 250)
        by_label = {}
        for label, (dx, dy, _) in PLACES.items():
            row = grid.locate(np.array([X0 + dx + 0.0]), np.array([Y0 + dy + 0.0]))[0]
            feature = by_label[label] = features[grid.cell_ids[row]]
            assert feature["label"] == label, (label, feature["history"])
            assert feature["label"] == EMERGING_LABELS[feature["pattern"]]
            assert len(feature["history"]) == T
        # the histories the user can read in the attribute table
        assert by_label["Ny hotspot"]["history"] == "." * (T - 1) + "+"
        assert by_label["Växlande hotspot"]["history"] == "-" * (T - 1) + "+"
        assert by_label["Ihållande kallt område"]["history"] == "-" * T
        # diminishing: fewer incidents, and the trend says so
        diminishing = by_label["Avtagande hotspot"]
        assert diminishing["trend_z"] < 0 and diminishing["trend_p"] < 0.05
        assert result["PATTERN_CELLS"] == sum(1 for f in features.values() if f["pattern"])
        # the log lists the categories in Swedish
        assert any("Växlande hotspot:" in line for line in feedback.infos)
        # the legend shows every category in Swedish, hot and cold
        legend = [item.label() for item in layer.renderer().legendSymbolItems()]
        assert legend == [EMERGING_LABELS[c] for c in (*PATTERNS, *(-c for c in PATTERNS), 0)]
        assert {"Sammanhängande hotspot", "Växlande kallt område", "Historiskt kallt område",
                "Inget mönster"} <= set(legend)
        for category in layer.renderer().categories():
            colour = category.symbol().color().name()
            assert colour == EMERGING_COLORS[int(category.value())], category.label()
    finally:
        project.removeMapLayers([layer.id() for layer in added])


def test_too_few_periods_are_refused_and_few_are_warned_about(provider_loaded, store_path):
    import processing

    with pytest.raises(QgsProcessingException, match="minst 5 perioder, inte 4"):
        processing.run("trygghet:emerginghotspots", {
            "STORE": str(store_path), "PERIOD_END": PERIOD_END, "PERIODS": 4,
            "OUTPUT": "memory:"})
    feedback = Feedback()
    result = processing.run("trygghet:emerginghotspots", {
        "STORE": str(store_path), "PERIOD_END": PERIOD_END, "PERIODS": 6,
        "OUTPUT": "memory:"}, feedback=feedback)
    (warning,) = feedback.warnings
    assert warning.startswith("Bara 6 perioder") and "minst 10" in warning
    assert result["WARNING"] == warning and result["CELLS"] > 0
