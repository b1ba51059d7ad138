"""Exports: the lägesbild's layers for planners (one styled GeoPackage), and the filtered
incidents for analysts (GeoPackage, or CSV as Swedish Excel opens it).

For planners every vector layer is written in EPSG:3006 into one GeoPackage, and its style
is stored in the GeoPackage's ``layer_styles`` table as the layer's default: the file opens
styled (Swedish legends, icons embedded) in anyone's QGIS project, without the plugin. Free
text (``description``) stays out of it. The density raster is internal and not exported.

The tables carry the Swedish layer names themselves (``Händelser (exakt plats)``), because
QGIS names a layer added from a GeoPackage after its table and ignores
``gpkg_contents.identifier`` (which says the same). A layer definition file (``.qlr``) next to
the GeoPackage adds the layers to a planner's own project as one group, top first, with only
the points, the outlines and the few clusters of "Ovanligt just nu" visible: the filled
layers (the hot spot grid, rates per area, the survey) would cover the planner's base map,
so they start switched off.

Layers are handed over as :class:`ExportItem` (source, subset and the style as QML text),
taken on the main thread with :func:`export_item`; the writing (:func:`export_items`) then
runs in any thread (a QgsTask or a Processing algorithm), opening its own layers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsLayerDefinition,
    QgsLayerTree,
    QgsMapLayerType,
    QgsRenderContext,
    QgsSimpleFillSymbolLayer,
    QgsSymbol,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime, Qt, QVariant
from qgis.PyQt.QtXml import QDomDocument

from ..constants import SWEREF99TM
from ..domain.timeutil import local
from ..errors import TrygghetError
from ..i18n import translator
from .unusual import UNUSUAL_NAME

tr = translator("Layers")

#: Fields planners never get: free text may name people.
PLANNER_DROP = ("description",)
STYLE_DESCRIPTION = "Trygghet"


class ExportError(TrygghetError):
    """An export that could not be written; the message says why."""


@dataclass(frozen=True)
class ExportItem:
    """One layer to export: where it comes from, its filter and its style."""

    name: str       # the Swedish layer name (the GeoPackage layer's identifier)
    table: str      # the GeoPackage table name (ASCII)
    uri: str
    provider: str
    subset: str = ""
    qml: str = ""
    drop: tuple[str, ...] = ()
    visible: bool = True  # checked when the planner adds the layer definition file


@dataclass
class ExportResult:
    path: Path
    layers: list[tuple[str, str, int]] = field(default_factory=list)  # name, table, features
    skipped: list[str] = field(default_factory=list)
    definition: Path | None = None  # the .qlr that adds the layers as a group

    def summary(self) -> str:
        parts = ", ".join(f"{name} ({n})" for name, _, n in self.layers)
        text = tr("{count} layers in {file}: {layers}.").format(
            count=len(self.layers), file=self.path.name, layers=parts)
        if self.definition is not None:
            text += " " + tr("Planners drag {file} into their project: the layers come as one "
                             "group, the filled ones switched off.").format(
                                 file=self.definition.name)
        if self.skipped:
            text += " " + tr("Not exported: {layers}.").format(layers="; ".join(self.skipped))
        return text


def table_name(name: str, taken: Iterable[str] = ()) -> str:
    """The GeoPackage table for a layer: its Swedish name as it is (QGIS shows the table
    name as the layer's name), without what a QGIS data source or GeoPackage cannot take
    (``|``, quotes, control characters, the reserved ``gpkg_`` prefix); unique among
    ``taken``."""
    text = re.sub(r'[|"\x00-\x1f]+', " ", name).strip() or "Lager"
    if text.lower().startswith("gpkg_"):
        text = f"Lager {text}"
    taken = {t.lower() for t in taken}  # SQLite compares table names without case
    candidate, n = text, 2
    while candidate.lower() in taken:
        candidate, n = f"{text} ({n})", n + 1
    return candidate


def style_qml(layer) -> str:
    doc = QDomDocument()
    layer.exportNamedStyle(doc)
    return doc.toString()


def covers_map(layer: QgsVectorLayer) -> bool:
    """Whether the layer's style fills areas (and so hides the base map under it); an
    outline such as the kommun boundary does not."""
    if layer.geometryType() != QgsWkbTypes.PolygonGeometry:
        return False
    renderer = layer.renderer()
    symbols = renderer.symbols(QgsRenderContext()) if renderer is not None else []
    if not symbols:
        return True  # no classes to judge by (e.g. rates without classes yet): a fill
    for symbol in symbols:
        for symbol_layer in symbol.symbolLayers():
            if isinstance(symbol_layer, QgsSimpleFillSymbolLayer):
                if (symbol_layer.brushStyle() != Qt.NoBrush
                        and symbol_layer.fillColor().alpha() > 0):
                    return True
            elif symbol_layer.type() == QgsSymbol.Fill:
                return True  # gradients, patterns, ...: a fill all the same
    return False


def export_item(layer, *, drop: Sequence[str] = PLANNER_DROP, taken: Iterable[str] = ()
                ) -> ExportItem | None:
    """A snapshot of a vector layer for :func:`export_items` (None for other layers)."""
    if layer is None or layer.type() != QgsMapLayerType.VectorLayer:
        return None
    return ExportItem(layer.name(), table_name(layer.name(), taken), layer.source(),
                      layer.providerType(), layer.subsetString(), style_qml(layer),
                      tuple(f for f in drop if layer.fields().indexOf(f) >= 0),
                      # The few clusters of "Ovanligt just nu" lead the picture and leave
                      # the base map in view.
                      visible=layer.name() == UNUSUAL_NAME or not covers_map(layer))


def items_from_layers(layers: Iterable) -> tuple[list[ExportItem], list[str]]:
    """Export items for the vector layers, and the names of the layers left out."""
    items: list[ExportItem] = []
    skipped: list[str] = []
    for layer in layers:
        item = export_item(layer, taken=[i.table for i in items])
        if item is None:
            skipped.append(tr("{name} (raster, internal)").format(name=layer.name()))
        else:
            items.append(item)
    return items, skipped


def _open(item: ExportItem) -> QgsVectorLayer:
    layer = QgsVectorLayer(item.uri, item.name, item.provider)
    if not layer.isValid():
        raise ExportError(tr("The layer {name} could not be opened ({uri}).").format(
            name=item.name, uri=item.uri))
    if item.subset and not layer.setSubsetString(item.subset):
        raise ExportError(tr("The filter on {name} could not be used.").format(name=item.name))
    return layer


def _writer_options(layer: QgsVectorLayer, item: ExportItem, first: bool):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = item.table
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteFile if first else
                                    QgsVectorFileWriter.CreateOrOverwriteLayer)
    options.layerOptions = [f"IDENTIFIER={item.name}", f"DESCRIPTION={STYLE_DESCRIPTION}"]
    target = QgsCoordinateReferenceSystem(SWEREF99TM)
    if layer.crs() != target:
        options.ct = QgsCoordinateTransform(layer.crs(), target,
                                            QgsCoordinateTransformContext())
    if item.drop:
        options.attributes = [i for i, f in enumerate(layer.fields())
                              if f.name() not in item.drop]
    return options


def _save_default_style(path: Path, item: ExportItem) -> None:
    written = QgsVectorLayer(f"{path}|layername={item.table}", item.name, "ogr")
    if not written.isValid():
        raise ExportError(tr("{name} was not written to {file}.").format(
            name=item.name, file=path.name))
    if item.qml:
        doc = QDomDocument()
        doc.setContent(item.qml)
        ok, message = written.importNamedStyle(doc)
        if not ok:
            raise ExportError(tr("The style of {name} could not be read: {error}").format(
                name=item.name, error=message))
    # GeoPackage's layer_styles keeps style names to 30 characters.
    error = written.saveStyleToDatabase(item.table[:30], f"{STYLE_DESCRIPTION}: {item.name}",
                                        True, "")
    if error:
        raise ExportError(tr("The style of {name} could not be saved in {file}: {error}")
                          .format(name=item.name, file=path.name, error=error))


def write_definition(path: Path, items: Sequence[ExportItem], group: str) -> Path:
    """A layer definition file next to the GeoPackage at ``path``: the written layers, with
    their default styles, as the group ``group`` in the items' order (top first), each
    checked as ``item.visible`` says; its sources are relative, so the two files move
    together."""
    target = path.with_suffix(".qlr")
    root = QgsLayerTree()
    node = root.addGroup(group)
    layers = []  # kept alive until the file is written
    for item in items:
        layer = QgsVectorLayer(f"{path}|layername={item.table}", item.name, "ogr")
        layer.loadDefaultStyle()
        layers.append(layer)
        node.addLayer(layer).setItemVisibilityChecked(item.visible)
    ok, error = QgsLayerDefinition.exportLayerDefinition(str(target), [node])
    if not ok:
        raise ExportError(tr("Could not write {path}: {error}").format(path=target,
                                                                        error=error))
    return target


def export_items(items: Sequence[ExportItem], path: Path | str, *,
                 is_cancelled: Callable[[], bool] | None = None,
                 progress: Callable[[float], None] | None = None,
                 group: str | None = None) -> ExportResult:
    """Write ``items`` into one new GeoPackage (EPSG:3006), each with its style as the
    layer's default in ``layer_styles``; with ``group``, also the layer definition file that
    adds them as that group (:func:`write_definition`)."""
    path = Path(path)
    if path.suffix.lower() != ".gpkg":
        path = path.with_suffix(".gpkg")
    if not items:
        raise ExportError(tr("There are no layers to export."))
    path.parent.mkdir(parents=True, exist_ok=True)
    result = ExportResult(path)
    for n, item in enumerate(items):
        if is_cancelled is not None and is_cancelled():
            break
        layer = _open(item)
        options = _writer_options(layer, item, first=n == 0)
        error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(path), QgsCoordinateTransformContext(), options)
        if error != QgsVectorFileWriter.NoError:
            raise ExportError(tr("{name} could not be written to {path}: {error}").format(
                name=item.name, path=path, error=message))
        _save_default_style(path, item)
        result.layers.append((item.name, item.table, layer.featureCount()))
        if progress is not None:
            progress(100.0 * (n + 1) / len(items))
    if group and len(result.layers) == len(items):
        result.definition = write_definition(path, items, group)
    return result


def export_lagesbild(store, period, path: Path | str, *, spec=None, data=None,
                     taxonomy=None, is_cancelled=None, progress=None) -> ExportResult:
    """The lägesbild group's layers of ``period`` as one styled GeoPackage (what
    trygghet:exportlayers writes); the layers are made without a project."""
    from .lagesbild_group import build_lagesbild_data, group_name, lagesbild_layers

    if data is None:
        data = build_lagesbild_data(store, period, spec=spec, is_cancelled=is_cancelled)
    layers = [entry.layer for entry in lagesbild_layers(store, data, taxonomy)]
    items, skipped = items_from_layers(layers)
    result = export_items(items, path, is_cancelled=is_cancelled, progress=progress,
                          group=group_name(period))
    result.skipped += skipped
    return result


# -- filtered incidents -------------------------------------------------------------------

#: CSV columns: (header, how to get the value from a feature).
STATUS_SV = {"open": "öppen", "closed": "avslutad", "deleted": "borttagen"}
PRECISION_SV = {"exact": "exakt", "street": "gata", "area": "område", "kommun": "kommun",
                "lan": "län"}
CSV_HEADERS = ("id", "kategori", "underkategori", "kategorikod", "inträffade",
               "rapporterade", "status", "organisation", "källa", "platsnoggrannhet",
               "beskrivning", "e_sweref99tm", "n_sweref99tm")


def _utc(value) -> datetime | None:
    """A store time from the OGR provider as an aware UTC datetime. QGIS 3.22 gives the UTC
    wall clock without a zone (LocalTime); later versions mark it UTC."""
    if value is None or not isinstance(value, QDateTime) or not value.isValid():
        return None
    if value.timeSpec() in (Qt.UTC, Qt.OffsetFromUTC, Qt.TimeZone):
        value = value.toUTC()
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(),
                    tzinfo=timezone.utc)


def _local_text(value) -> str | None:
    moment = _utc(value)
    return local(moment).strftime("%Y-%m-%d %H:%M") if moment else None


def _text(value) -> str | None:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return str(value)


#: What a spreadsheet reads as the start of a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def spreadsheet_safe(value: str | None) -> str | None:
    """A text cell that Excel and LibreOffice show as text, never run as a formula: one that
    starts with = + - @ tab or CR gets a leading apostrophe (as OWASP recommends); a plain
    number such as -12 or +3,5 stays a number."""
    if not value or not value.startswith(FORMULA_STARTS) or _PLAIN_NUMBER.match(value):
        return value
    return "'" + value


#: The spreadsheet formats of the filtered export: file suffix -> OGR driver.
SHEET_DRIVERS = {".csv": "CSV", ".xlsx": "XLSX"}


def export_incidents(uri: str, provider: str, subset: str, path: Path | str, *,
                     taxonomy=None, is_cancelled: Callable[[], bool] | None = None) -> int:
    """Write the incidents that ``subset`` keeps to ``path``: a GeoPackage (every field,
    styled by category), a CSV for Swedish Excel (UTF-8 with BOM, ``;``) or an Excel
    workbook (.xlsx); the spreadsheets have Swedish column names and labels, local times,
    SWEREF 99 TM coordinates, and no cell a spreadsheet would run as a formula. Returns the
    number written."""
    path = Path(path)
    item = ExportItem("Händelser", "handelser", uri, provider, subset)
    layer = _open(item)
    if path.suffix.lower() in SHEET_DRIVERS:
        return _incidents_sheet(layer, path, taxonomy, is_cancelled)
    if path.suffix.lower() != ".gpkg":
        path = path.with_suffix(".gpkg")
    from .incidents import style_incidents

    if taxonomy is None:
        from ..domain.taxonomy import Taxonomy
        from ..paths import taxonomy_file

        taxonomy = Taxonomy.load(taxonomy_file())
    style_incidents(layer, taxonomy)
    item = ExportItem(item.name, item.table, uri, provider, subset, style_qml(layer))
    result = export_items([item], path, is_cancelled=is_cancelled)
    return result.layers[0][2] if result.layers else 0


def _incidents_sheet(layer: QgsVectorLayer, path: Path, taxonomy, is_cancelled) -> int:
    if taxonomy is None:
        from ..domain.taxonomy import Taxonomy
        from ..paths import taxonomy_file

        taxonomy = Taxonomy.load(taxonomy_file())
    fields = QgsFields()
    for name in CSV_HEADERS:
        kind = QVariant.Int if name.endswith("sweref99tm") else QVariant.String
        fields.append(QgsField(name, kind))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = SHEET_DRIVERS[path.suffix.lower()]
    options.fileEncoding = "UTF-8"
    if options.driverName == "CSV":
        options.layerOptions = ["SEPARATOR=SEMICOLON", "WRITE_BOM=YES", "LINEFORMAT=CRLF",
                                "STRING_QUOTING=IF_NEEDED"]
    else:
        options.layerName = "Händelser"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    writer = QgsVectorFileWriter.create(str(path), fields, QgsWkbTypes.NoGeometry,
                                        QgsCoordinateReferenceSystem(),
                                        QgsCoordinateTransformContext(), options)
    if writer.hasError() != QgsVectorFileWriter.NoError:
        raise ExportError(tr("Could not write {path}: {error}").format(
            path=path, error=writer.errorMessage()))
    names = layer.fields().names()
    wanted = [n for n in ("uid", "category", "subcategory", "occurred_at", "reported_at",
                          "status", "reporter_org", "source", "location_precision",
                          "description") if n in names]
    request = QgsFeatureRequest().setSubsetOfAttributes(wanted, layer.fields())
    count = 0
    for feature in layer.getFeatures(request):
        if is_cancelled is not None and count % 1000 == 0 and is_cancelled():
            break
        point = feature.geometry().asPoint() if feature.hasGeometry() else None
        category, sub = _text(feature["category"]), _text(feature["subcategory"])
        status = _text(feature["status"])
        precision = _text(feature["location_precision"])
        row = QgsFeature(fields)
        row.setAttributes([spreadsheet_safe(v) if isinstance(v, str) else v for v in [
            _text(feature["uid"]),
            taxonomy.label(category) if category else None,
            taxonomy.label(sub) if sub else None,
            sub or category,
            _local_text(feature["occurred_at"]), _local_text(feature["reported_at"]),
            STATUS_SV.get(status, status), _text(feature["reporter_org"]),
            _text(feature["source"]), PRECISION_SV.get(precision, precision),
            _text(feature["description"]) if "description" in names else None,
            round(point.x()) if point else None, round(point.y()) if point else None]])
        writer.addFeature(row, QgsFeatureSink.FastInsert)
        count += 1
    del writer
    return count
