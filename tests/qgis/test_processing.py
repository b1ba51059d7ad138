"""The algorithms in-process, as the toolbox and the modeler run them."""

from __future__ import annotations

import pytest
from qgis.core import QgsCategorizedSymbolRenderer, QgsProject


@pytest.fixture
def filled_store(store):
    from trygghet_sample import generate

    store.upsert_incidents(generate(size=800, seed=5).iter_incidents())
    return store


def test_makeproject_writes_a_project_with_styled_swedish_layers(provider_loaded,
                                                                  filled_store, tmp_path):
    import processing

    out = tmp_path / "lagesbild.qgz"
    result = processing.run("trygghet:makeproject",
                            {"STORE": filled_store.uri, "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out)
    project = QgsProject()
    assert project.read(str(out))
    assert project.crs().authid() == "EPSG:3006"
    group = project.layerTreeRoot().findGroup("Trygghet")
    (layer,) = [node.layer() for node in group.findLayers()
                if node.layer().name() == "Händelser"]
    assert layer.isValid() and layer.featureCount() == 800
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    labels = {c.label() for c in renderer.categories()}
    assert {"Skadegörelse", "Nedskräpning", "Otrygg plats"} <= labels
    assert layer.temporalProperties().isActive()


def test_syncreports_refuses_an_unknown_source_clearly(provider_loaded, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="Okänd källtyp"):
        processing.run("trygghet:syncreports",
                       {"SOURCE": "ftp", "URL": "x", "STORE": str(tmp_path / "s.gpkg")})
