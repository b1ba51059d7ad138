"""A QGIS project (.qgz) holding the plugin's layers over the store, in SWEREF 99 TM."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

from ..constants import SWEREF99TM
from ..domain.taxonomy import Taxonomy
from ..i18n import translator
from ..paths import taxonomy_file
from ..store.base import Store
from .areas import add_area_layers
from .incidents import incidents_layer

tr = translator("Layers")

GROUP_NAME = "Trygghet"


def populate_project(project: QgsProject, store: Store, taxonomy: Taxonomy | None = None,
                     *, lagesbild: bool = True) -> list[QgsVectorLayer]:
    """Add the plugin's layers to ``project`` in a group of their own; returns them. With
    ``lagesbild`` the group "Trygghet – lägesbild <period>" of the last complete period
    goes on top (see :mod:`.lagesbild_group`) and the all-time group is hidden under it."""
    taxonomy = taxonomy or Taxonomy.load(taxonomy_file())
    project.setCrs(QgsCoordinateReferenceSystem(SWEREF99TM))
    root = project.layerTreeRoot()
    group = root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)
    # Only exact points: police feed events (place: kommun or area) are counted per area.
    layers = [incidents_layer(store, taxonomy, subset="location_precision = 'exact'")]
    for layer in layers:
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    layers += add_area_layers(project, group, store)  # areas, police, surveys when present
    if lagesbild and store.count("incidents"):
        from .lagesbild_group import add_lagesbild_group, default_period

        picture = add_lagesbild_group(project, store, default_period(store), taxonomy=taxonomy)
        layers += [node.layer() for node in picture.findLayers()]
        group.setItemVisibilityChecked(False)
        group.setExpanded(False)
    return layers


def write_project(store: Store, path: Path) -> Path:
    """Write a new project file with the plugin's layers; paths stay relative to it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    project = QgsProject()
    project.setTitle(tr("Trygghet – situation picture"))
    populate_project(project, store)
    if not project.write(str(path)):
        raise OSError(tr("Could not write the project {path}: {error}").format(
            path=path, error=project.error()))
    return path
