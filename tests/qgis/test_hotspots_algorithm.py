"""trygghet:hotspots, emerginghotspots and heatmap as an analyst runs them from the toolbox:
a styled hexagon layer over the kommun, every cell with its Gi* fields."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from osgeo import gdal, ogr
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsProcessingException,
    QgsProject,
    QgsRasterLayer,
    QgsRenderContext,
    QgsVectorLayer,
)

from trygghet_plugin.analysis.hexgrid import grid_over_boundary
from trygghet_plugin.analysis.periods import period_ending
from trygghet_plugin.analysis.select import incident_mask
from trygghet_plugin.paths import resource

PERIOD_END = "2026-10-18"  # weeks 41-42 2026
PERIOD = period_ending(date(2026, 10, 18), 14)


@pytest.fixture(scope="module")
def sample():
    from trygghet_sample import generate

    return generate(size=25000, seed=5)


@pytest.fixture(scope="module")
def store_path(sample, tmp_path_factory):
    """A store with the sample's reports and the kommun polygon among its areas."""
    from trygghet_plugin.domain.area import Area
    from trygghet_plugin.store import open_store

    path = tmp_path_factory.mktemp("hotspots") / "nassjo.gpkg"
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
        wkb = ogr.CreateGeometryFromWkt(sample.boundary_wkt).ExportToIsoWkb()
        store.upsert_areas([Area(code="0682", kind="kommun", wkb=bytes(wkb), name="Nässjö",
                                 kommunkod="0682", population=31615)])
    return path


@pytest.fixture(scope="module")
def bare_store_path(sample, tmp_path_factory):
    """The same reports, no areas."""
    from trygghet_plugin.store import open_store

    path = tmp_path_factory.mktemp("bare") / "nassjo.gpkg"
    with open_store(path) as store:
        store.upsert_incidents(sample.iter_incidents())
    return path


def _period_frame(path):
    from trygghet_plugin.analysis.select import load_frame
    from trygghet_plugin.store import open_store

    with open_store(path) as store:
        return load_frame(store, [PERIOD])


def _features(layer) -> dict[str, list]:
    names = [f.name() for f in layer.fields()]
    rows = [f.attributes() for f in layer.getFeatures()]
    return {name: [r[i] for r in rows] for i, name in enumerate(names)}


def test_hotspots_writes_every_cell_of_the_kommun_with_gi_star(provider_loaded, sample,
                                                               store_path, tmp_path):
    import processing

    out = tmp_path / "hotspots.gpkg"
    result = processing.run("trygghet:hotspots", {
        "STORE": str(store_path), "PERIOD_END": PERIOD_END, "OUTPUT": str(out)})
    layer = QgsVectorLayer(result["OUTPUT"], "hotspots", "ogr")
    assert layer.isValid() and layer.crs().authid() == "EPSG:3006"
    cells = len(grid_over_boundary(sample.boundary_wkt, 250))
    assert result["CELLS"] == layer.featureCount() == cells
    assert result["PERIOD"] == "2026-v41-42"
    values = _features(layer)
    for field in ("cell_id", "n", "gi_z", "gi_p", "gi_q", "gi_class", "label", "nb_n",
                  "exact_q"):
        assert field in values
    frame = _period_frame(store_path)
    expected = int(incident_mask(frame, PERIOD, precise_only=True).sum())
    assert sum(values["n"]) == result["INCIDENTS"] == expected > 300
    assert values["n"].count(0) > 0.9 * cells  # the empty cells are there too
    assert set(values["gi_class"]) <= set(range(-3, 4))
    labels = dict(zip(values["gi_class"], values["label"]))
    assert labels[3] == "Hotspot 99 %" and labels[0] == "Inte signifikant"
    assert result["HOT_CELLS"] == sum(1 for c in values["gi_class"] if c > 0) > 0
    # the sample's lasting hot spots are the hottest class, where they are
    by_cell = {f["cell_id"]: (f["gi_class"], f["label"]) for f in layer.getFeatures()}
    grid = grid_over_boundary(sample.boundary_wkt, 250)
    for spot in sample.hotspots:
        if spot["life"] in ("persistent", "emerging"):
            row = grid.locate(np.array([spot["x"]]), np.array([spot["y"]]))[0]
            assert by_cell[grid.cell_ids[row]] == (3, "Hotspot 99 %"), spot["name"]


def test_the_output_is_styled_with_swedish_classes_when_loaded(provider_loaded, store_path,
                                                               tmp_path):
    import processing

    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults("trygghet:hotspots", {
        "STORE": str(store_path), "PERIOD_END": PERIOD_END,
        "OUTPUT": str(tmp_path / "styled.gpkg")})
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        (layer,) = added
        assert layer.name() == "Hotspots Vecka 41–42 2026"
        renderer = layer.renderer()
        assert isinstance(renderer, QgsCategorizedSymbolRenderer)
        assert renderer.classAttribute() == "gi_class"
        categories = renderer.categories()  # keep them: symbol() belongs to the copy
        legend = [(str(c.value()), c.label()) for c in categories]
        assert legend == [("3", "Hotspot 99 %"), ("2", "Hotspot 95 %"), ("1", "Hotspot 90 %"),
                          ("0", "Inte signifikant"), ("-1", "Kallt område 90 %"),
                          ("-2", "Kallt område 95 %"), ("-3", "Kallt område 99 %")]
        deep_blue = categories[-1].symbol().color()
        assert deep_blue.blue() > 120 > deep_blue.red()
        # what the map draws: a 99 % cell deep red, an empty cell light grey
        context = QgsRenderContext()
        renderer.startRender(context, layer.fields())
        try:
            colours = {f["gi_class"]: renderer.symbolForFeature(f, context).color()
                       for f in layer.getFeatures()}
        finally:
            renderer.stopRender(context)
        assert colours[3].red() > 150 > colours[3].blue()
        grey = colours[0]
        assert abs(grey.red() - grey.blue()) < 10 and grey.red() > 200
        # the GeoPackage carries the style, so it opens styled in a planner's own project
        reopened = QgsVectorLayer(str(tmp_path / "styled.gpkg"), "again", "ogr")
        assert reopened.renderer().classAttribute() == "gi_class"
        assert "Hotspot 99 %" in [c.label() for c in reopened.renderer().categories()]
    finally:
        project.removeMapLayers([layer.id() for layer in added])


def test_the_boundary_comes_from_the_store_a_layer_or_the_incidents(provider_loaded,
                                                                    sample, store_path,
                                                                    bare_store_path):
    import processing

    cells = len(grid_over_boundary(sample.boundary_wkt, 250))
    given = processing.run("trygghet:hotspots", {
        "STORE": str(bare_store_path), "PERIOD_END": PERIOD_END, "OUTPUT": "memory:",
        "BOUNDARY": str(resource("sample", "nassjo_kommun_boundary.geojson"))})
    assert given["CELLS"] == cells  # WGS84 file, reprojected to SWEREF 99 TM
    hull = processing.run("trygghet:hotspots", {
        "STORE": str(bare_store_path), "PERIOD_END": PERIOD_END, "OUTPUT": "memory:"})
    assert 0 < hull["CELLS"] < cells
    assert hull["INCIDENTS"] == given["INCIDENTS"]
    graffiti = processing.run("trygghet:hotspots", {
        "STORE": str(bare_store_path), "PERIOD_END": PERIOD_END, "CATEGORY": "klotter",
        "OUTPUT": "memory:"})
    assert graffiti["CELLS"] == hull["CELLS"]  # one category, the same cells
    assert 0 < graffiti["INCIDENTS"] < hull["INCIDENTS"]


def test_a_category_and_a_cell_size(provider_loaded, store_path):
    import processing

    result = processing.run("trygghet:hotspots", {
        "STORE": str(store_path), "PERIOD_END": PERIOD_END, "CATEGORY": "Klotter",
        "CELL_SIZE": 500, "OUTPUT": "memory:"})
    frame = _period_frame(store_path)
    graffiti = int(incident_mask(frame, PERIOD, categories=["klotter"],
                                 precise_only=True).sum())
    assert result["INCIDENTS"] == graffiti > 0
    assert result["CELLS"] < len(grid_over_boundary(
        ogr.CreateGeometryFromWkb(_kommun_wkb(store_path)).ExportToWkt(), 250)) / 3


def _kommun_wkb(path) -> bytes:
    from trygghet_plugin.store import open_store

    with open_store(path) as store:
        return store.areas(kind="kommun")[0].wkb


def test_mistakes_get_a_clear_swedish_message(provider_loaded, store_path, bare_store_path):
    import processing

    with pytest.raises(QgsProcessingException, match="Okänd kategori: hundar"):
        processing.run("trygghet:hotspots", {"STORE": str(store_path), "CATEGORY": "hundar",
                                             "PERIOD_END": PERIOD_END, "OUTPUT": "memory:"})
    # a period without incidents in a store without a boundary: nothing to lay a grid over
    with pytest.raises(QgsProcessingException, match="Inga händelser"):
        processing.run("trygghet:hotspots", {"STORE": str(bare_store_path),
                                             "PERIOD_END": "2020-01-05", "OUTPUT": "memory:"})
    # with the kommun in the store it is simply an empty map
    empty = processing.run("trygghet:hotspots", {"STORE": str(store_path),
                                                 "PERIOD_END": "2020-01-05",
                                                 "OUTPUT": "memory:"})
    assert empty["INCIDENTS"] == 0 and empty["HOT_CELLS"] == 0 and empty["CELLS"] > 15000


def test_emerging_hot_spots_layer(provider_loaded, sample, store_path):
    import processing

    project = QgsProject.instance()
    before = set(project.mapLayers())
    result = processing.runAndLoadResults("trygghet:emerginghotspots", {
        "STORE": str(store_path), "PERIOD_END": PERIOD_END, "PERIODS": 12,
        "PERIOD_DAYS": 91, "OUTPUT": "memory:"})
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        (layer,) = added
        assert result["CELLS"] == layer.featureCount()
        assert layer.renderer().classAttribute() == "pattern"
        assert "Ny hotspot" in [c.label() for c in layer.renderer().categories()]
        values = _features(layer)
        assert {"pattern", "label", "trend_z", "hot_periods", "n_last"} <= set(values)
        assert result["PATTERN_CELLS"] == sum(1 for p in values["pattern"] if p != 0) > 0
        by_cell = dict(zip(values["cell_id"], values["label"]))
        grid = grid_over_boundary(sample.boundary_wkt, 250)
        for name in ("Resecentrum", "Bodafors station"):
            spot = next(s for s in sample.hotspots if s["name"] == name)
            row = grid.locate(np.array([spot["x"]]), np.array([spot["y"]]))[0]
            assert by_cell[grid.cell_ids[row]] in ("Ihållande hotspot",
                                                   "Intensifierande hotspot")
    finally:
        project.removeMapLayers([layer.id() for layer in added])


def test_heatmap_is_a_geotiff_in_sweref(provider_loaded, sample, store_path, tmp_path):
    import processing

    out = tmp_path / "heat.tif"
    project = QgsProject.instance()
    before = set(project.mapLayers())
    result = processing.runAndLoadResults("trygghet:heatmap", {
        "STORE": str(store_path), "PERIOD_END": PERIOD_END, "OUTPUT": str(out)})
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        (loaded,) = added
        assert loaded.name() == "Täthet Vecka 41–42 2026 (intern)"
        renderer = loaded.renderer()
        assert renderer.type() == "singlebandpseudocolor"
        top = loaded.dataProvider().bandStatistics(1).maximumValue
        assert renderer.classificationMax() == pytest.approx(top)
    finally:
        project.removeMapLayers([layer.id() for layer in added])
    assert result["BANDWIDTH_USED"] == 300
    layer = QgsRasterLayer(str(out), "heat")
    assert layer.isValid() and layer.crs().authid() == "EPSG:3006"
    ds = gdal.Open(str(out))
    band = ds.GetRasterBand(1)
    values = band.ReadAsArray()
    x0, px, _, y0, _, py = ds.GetGeoTransform()

    def at(x, y):
        return values[int((y - y0) / py), int((x - x0) / px)]

    station = next(s for s in sample.hotspots if s["name"] == "Resecentrum")
    assert at(station["x"], station["y"]) > 50  # incidents per km2 over 14 days
    assert (values == band.GetNoDataValue()).any()  # outside the kommun
    assert ds.GetMetadata()["bandwidth_m"] == "300"
    # internal use: the density sums to the incidents counted
    valid = values[values != band.GetNoDataValue()]
    assert valid.sum() * (px / 1000) ** 2 == pytest.approx(result["INCIDENTS"], rel=0.05)


def test_kernel_density_numbers():
    import math

    from trygghet_plugin.analysis.density import default_bandwidth, kernel_density

    one = kernel_density(np.array([1012.5]), np.array([1012.5]), (0, 0, 2000, 2000),
                         pixel=25, bandwidth=300)
    peak = 3 / (math.pi * 300 ** 2) * 1e6  # quartic kernel at its centre, per km2
    assert one.value_at(1012.5, 1012.5) == pytest.approx(peak, rel=0.02)
    assert one.values.sum() * (one.pixel / 1000) ** 2 == pytest.approx(1.0)
    assert one.value_at(1012.5 + 310, 1012.5) == 0  # beyond the bandwidth
    rng = np.random.default_rng(2)
    towns = np.repeat([[0, 0], [20000, 5000], [-15000, 12000]], [600, 250, 150], axis=0)
    x, y = (towns + rng.normal(0, 800, towns.shape)).T
    rule = kernel_density(x, y, bandwidth=None)
    assert 150 <= rule.bandwidth == default_bandwidth(x, y) <= 1000
    assert rule.bandwidth > 300  # the rule sees the distances between towns
    assert rule.values.sum() * (rule.pixel / 1000) ** 2 == pytest.approx(1000, rel=1e-6)
