"""Statistical areas (DeSO, RegSO), the municipality's own districts and the kommun boundary.

From Statistics Sweden's GeoPackage or WFS (layers ``stat:DeSO_2025`` and
``stat:RegSO_2025``, fields ``desokod``, ``regsokod``, ``kommunkod``, EPSG:3006), or from
any polygon layer OGR reads (GeoPackage, shapefile, GeoJSON, ...) with a code and a name
field the user picks. Filtered by kommunkod; geometries are checked, repaired when GEOS can,
and transformed to SWEREF 99 TM. Population per area comes from a CSV or .xlsx, so rates
per 1,000 inhabitants can be computed. When no kommun boundary is stored yet, the union of
the imported areas becomes it (kind ``kommun``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..constants import SWEREF_BOUNDS
from ..domain.area import Area, AreaKind
from ..domain.incident import Rejected
from ..i18n import translator
from ..meta import user_agent
from ..store.base import Store, refused_text
from .crs import lonlat_transform, to_store_transform
from .http import SourceError, check_url
from .kommuner import registry
from .tabular import find_column, parse_number, read_table

tr = translator("Sources")

SOURCE = "areas"
CODE_FIELDS = {"desokod": AreaKind.DESO, "deso": AreaKind.DESO, "regsokod": AreaKind.REGSO,
               "regso": AreaKind.REGSO}
NAME_FIELDS = {AreaKind.DESO: ("desonamn", "namn", "name"),
               AreaKind.REGSO: ("regsonamn", "namn", "name"),
               AreaKind.KOMMUN: ("kommunnamn", "kommun", "namn", "name"),
               AreaKind.DISTRICT: ("namn", "name", "omradesnamn", "områdesnamn", "stadsdel",
                                   "kommundel", "distrikt")}
POPULATION_CODE_COLUMNS = ("desokod", "regsokod", "kod", "code", "omrade", "område", "area",
                           "områdeskod", "omradeskod", "region")
POPULATION_COLUMNS = ("population", "folkmängd", "folkmangd", "befolkning", "invånare",
                      "invanare", "antal", "total", "totalt")


@dataclass
class AreaImportResult:
    kind: str = ""
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    merged_parts: int = 0
    kommun_boundary: str | None = None  # code of a boundary made from the areas' union
    without_population: list[str] = field(default_factory=list)
    unknown_population_codes: list[str] = field(default_factory=list)
    reasons: Counter = field(default_factory=Counter)
    refused: dict[str, int] = field(default_factory=dict)  # see WriteCounts.refused

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged

    def summary(self) -> str:
        text = tr("Areas ({kind}): {read} read, {new} new, {updated} updated, {unchanged} "
                  "unchanged, {rejected} rejected.").format(
            kind=self.kind, read=self.read, new=self.new, updated=self.updated,
            unchanged=self.unchanged, rejected=self.rejected)
        if self.reasons:
            text += " " + tr("Rejected: {reasons}.").format(reasons=", ".join(
                f"{r} ({n})" for r, n in self.reasons.most_common(5)))
        if self.refused:
            text += " " + refused_text(self.refused)
        if self.kommun_boundary:
            text += " " + tr("The kommun boundary {code} was made from the areas.").format(
                code=self.kommun_boundary)
        if self.without_population:
            text += " " + tr("{n} areas have no population (e.g. {codes}): give a population "
                             "file to get rates per 1,000 inhabitants.").format(
                n=len(self.without_population), codes=", ".join(self.without_population[:5]))
        if self.unknown_population_codes:
            text += " " + tr("Unknown codes in the population file: {codes}.").format(
                codes=", ".join(self.unknown_population_codes[:10]))
        return text


# -- opening ---------------------------------------------------------------------------------
def is_wfs(source: str) -> bool:
    text = source.strip()
    return text.upper().startswith("WFS:") or bool(re.match(r"(?i)^https?://", text))


@contextmanager
def _gdal_errors():
    """GDAL errors as Python exceptions, quietly, and the User-Agent for WFS requests."""
    from osgeo import gdal

    previous = gdal.GetConfigOption("GDAL_HTTP_USERAGENT")
    gdal.SetConfigOption("GDAL_HTTP_USERAGENT", user_agent())
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    gdal.ErrorReset()
    try:
        yield gdal
    finally:
        gdal.PopErrorHandler()
        gdal.SetConfigOption("GDAL_HTTP_USERAGENT", previous)


def _wfs_message(error: str) -> str:
    texts = re.findall(r"<(?:\w+:)?ExceptionText>(.*?)</(?:\w+:)?ExceptionText>", error, re.S)
    codes = re.findall(r'exceptionCode="([^"]+)"', error)
    if texts or "ExceptionReport" in error or "ServiceException" in error:
        detail = "; ".join(t.strip() for t in texts) or error.strip()[:300]
        code = f" ({codes[0]})" if codes else ""
        return tr("The WFS answered with an error{code}: {detail}. Check the address and the "
                  "layer name (e.g. stat:DeSO_2025).").format(code=code, detail=detail)
    return tr("The WFS could not be read: {error}.").format(
        error=error.strip()[:300] or tr("no answer"))


def open_layer(source: str, layer_name: str | None = None):
    """(dataset, layer) for a file path (optionally ``path|layername=x``) or a WFS.

    A WFS is given as ``WFS:<url>`` or as its https address; the layer name (e.g.
    ``stat:DeSO_2025``) as ``layer_name`` or as ``typename=`` in the address."""
    from osgeo import ogr

    text = (source or "").strip()
    if not text:
        raise SourceError(tr("No input given."))
    if "|layername=" in text:
        text, _, name = text.partition("|layername=")
        layer_name = layer_name or name.split("|")[0]
    wfs = is_wfs(text)
    if wfs:
        url = text[4:] if text.upper().startswith("WFS:") else text
        check_url(url)
        match = re.search(r"(?i)[?&]typenames?=([^&]+)", url)
        if match and not layer_name:
            layer_name = match.group(1)
        text = "WFS:" + url
    elif not Path(text).exists():
        raise SourceError(tr("The file does not exist: {path}").format(path=text))
    with _gdal_errors() as gdal:
        try:
            ds = ogr.Open(text)
        except RuntimeError as exc:  # when GDAL exceptions are on
            ds, error = None, str(exc)
        else:
            error = gdal.GetLastErrorMsg()
        if ds is None:
            if wfs:
                raise SourceError(_wfs_message(error))
            raise SourceError(tr("{name} could not be read as geodata: {error}").format(
                name=Path(text).name, error=error))
        if layer_name:
            layer = _layer_by_name(ds, layer_name)
            if layer is None and wfs and ":" in layer_name:
                layer = _layer_by_name(ds, layer_name.split(":", 1)[1])
        else:
            layer = ds.GetLayer(0) if ds.GetLayerCount() == 1 else None
        if layer is None:
            names = [ds.GetLayer(i).GetName() for i in range(min(ds.GetLayerCount(), 30))]
            if layer_name:
                raise SourceError(tr("No layer '{layer}'; layers: {layers}.").format(
                    layer=layer_name, layers=", ".join(names)))
            raise SourceError(tr("Pick a layer; layers: {layers}.").format(
                layers=", ".join(names)))
        if wfs:
            try:
                layer.GetLayerDefn()  # DescribeFeatureType: its errors surface here
                error = gdal.GetLastErrorMsg()
            except RuntimeError as exc:
                error = str(exc)
            if error:
                raise SourceError(_wfs_message(error))
    return ds, layer


def _layer_by_name(ds, name: str):
    try:
        return ds.GetLayerByName(name)
    except RuntimeError:
        return None


def layer_fields(layer) -> list[str]:
    defn = layer.GetLayerDefn()
    return [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]


def _field(fields: list[str], wanted: str | None, *candidates: str) -> str | None:
    if wanted:
        hit = find_column(fields, wanted)
        if hit is None:
            raise SourceError(tr("No field '{field}'; fields: {fields}.").format(
                field=wanted, fields=", ".join(fields)))
        return hit
    return find_column(fields, *candidates) if candidates else None


# -- reading ---------------------------------------------------------------------------------
def _to_sweref(layer):
    """A transformation from the layer's CRS to EPSG:3006, None when already there, or
    'guess' when the layer has no CRS (decided from the coordinates)."""
    srs = layer.GetSpatialRef()
    return "guess" if srs is None else to_store_transform(srs)


def _polygonal(geom):
    """A 2D MultiPolygon of the polygon parts of ``geom``, repaired when invalid."""
    from osgeo import ogr

    geom = geom.Clone()
    if geom.HasCurveGeometry():
        geom = geom.GetLinearGeometry()
    geom.FlattenTo2D()
    if not geom.IsValid():
        fixed = geom.MakeValid()
        geom = fixed if fixed is not None else geom
    flat = ogr.GT_Flatten(geom.GetGeometryType())
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    if flat == ogr.wkbPolygon:
        multi.AddGeometry(geom)
    elif flat in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(geom.GetGeometryCount()):
            part = geom.GetGeometryRef(i)
            pflat = ogr.GT_Flatten(part.GetGeometryType())
            if pflat == ogr.wkbPolygon:
                multi.AddGeometry(part)
            elif pflat == ogr.wkbMultiPolygon:
                for k in range(part.GetGeometryCount()):
                    multi.AddGeometry(part.GetGeometryRef(k))
    return multi


def read_areas(source: str, *, layer_name: str | None = None, code_field: str | None = None,
               name_field: str | None = None, kind: str | None = None,
               kommunkod: str | None = None,
               cancelled: Callable[[], bool] = lambda: False
               ) -> tuple[list[Area], list[Rejected], str, int, int]:
    """(areas, rejected, kind, features read, parts merged) from one layer."""
    from osgeo import ogr

    ds, layer = open_layer(source, layer_name)
    fields = layer_fields(layer)
    code = _field(fields, code_field, "desokod", "regsokod", "kod", "code", "omradeskod",
                  "områdeskod", "kommunkod", "id")
    if code is None:
        raise SourceError(tr("Pick the code field (CODE_FIELD); fields: {fields}.").format(
            fields=", ".join(fields)))
    if kind:
        kind = AreaKind(kind.strip().lower()).value
    else:
        folded = re.sub(r"[^a-z]", "", code.lower())
        kind = (CODE_FIELDS.get(folded) or (AreaKind.KOMMUN if folded == "kommunkod"
                                            else AreaKind.DISTRICT)).value
    name = _field(fields, name_field, *NAME_FIELDS[AreaKind(kind)])
    parent = find_column(fields, "regsokod") if kind == AreaKind.DESO.value else None
    kommun_field = find_column(fields, "kommunkod", "kommun_kod", "kn_kod", "kommunkod_")
    label = f"{Path(source).name if not is_wfs(source) else source}" + (
        f"|{layer.GetName()}" if layer_name or ds.GetLayerCount() > 1 else "")
    if kommunkod and kommun_field:
        layer.SetAttributeFilter(f"{kommun_field} = '{kommunkod}'")
    transform = _to_sweref(layer)
    parts: dict[str, list] = {}
    meta: dict[str, dict] = {}
    rejected: list[Rejected] = []
    read = 0
    with _gdal_errors() as gdal:
        try:
            features = list(layer)
        except RuntimeError as exc:  # a WFS that fails while paging, with exceptions on
            raise SourceError(_wfs_message(str(exc)) if is_wfs(source) else
                              tr("{label} could not be read: {error}").format(
                                  label=label, error=exc)) from exc
        for feature in features:
            if cancelled():
                raise SourceError(tr("Cancelled."))
            read += 1
            values = {f: feature.GetFieldAsString(f) if feature.IsFieldSetAndNotNull(f)
                      else None for f in fields}
            raw = "; ".join(f"{k}={v}" for k, v in values.items())
            area_code = (values.get(code) or "").strip()
            if kommunkod and not kommun_field and kind != AreaKind.DISTRICT.value \
                    and not area_code.startswith(kommunkod):
                continue  # another kommun's DeSO/RegSO (codes start with the kommunkod)
            geom = feature.GetGeometryRef()

            def reject(reason: str, raw=raw, area_code=area_code, number=read) -> None:
                # The feature's number in the layer keeps two rejected features with the
                # same fields apart (the store keeps one row per distinct text).
                rejected.append(Rejected(SOURCE, f"{label} #{number}: {raw}", reason,
                                         area_code or None))

            if not area_code:
                reject(tr("no code (field '{field}')").format(field=code))
                continue
            if geom is None or geom.IsEmpty():
                reject(tr("no geometry"))
                continue
            geom = geom.Clone()
            if transform == "guess":
                minx, maxx, miny, maxy = geom.GetEnvelope()
                lonlat = -180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90
                transform = lonlat_transform() if lonlat else None
            try:
                if transform is not None and transform != "guess" and \
                        geom.Transform(transform) != 0:
                    raise RuntimeError("transform")
            except RuntimeError:
                reject(tr("could not be transformed to SWEREF 99 TM"))
                continue
            try:
                multi = _polygonal(geom)
            except RuntimeError:
                multi = None
            if multi is None or multi.IsEmpty() or not multi.IsValid():
                reject(tr("not a valid area (polygon)"))
                continue
            minx, maxx, miny, maxy = multi.GetEnvelope()
            if not (SWEREF_BOUNDS[0] <= minx and maxx <= SWEREF_BOUNDS[1]
                    and SWEREF_BOUNDS[2] <= miny and maxy <= SWEREF_BOUNDS[3]):
                reject(tr("outside Sweden (wrong coordinate system?)"))
                continue
            parts.setdefault(area_code, []).append(multi)
            meta.setdefault(area_code, {
                "name": (values.get(name) or "").strip() or None if name else None,
                "kommunkod": (values.get(kommun_field) or "").strip() or None
                if kommun_field else None,
                "parent": (values.get(parent) or "").strip() or None if parent else None})
        error = gdal.GetLastErrorMsg() if is_wfs(source) else ""
    if is_wfs(source) and error and not parts and not rejected:
        raise SourceError(_wfs_message(error))
    areas: list[Area] = []
    merged = 0
    for area_code, geoms in parts.items():
        geom = geoms[0]
        if len(geoms) > 1:
            # One area in several features (islands, a district drawn in parts): one area.
            merged += len(geoms) - 1
            union = ogr.Geometry(ogr.wkbMultiPolygon)
            for g in geoms:
                for i in range(g.GetGeometryCount()):
                    union.AddGeometry(g.GetGeometryRef(i))
            geom = _polygonal(union.UnionCascaded())
        info = meta[area_code]
        code_kommun = info["kommunkod"] or kommunkod or (
            area_code[:4] if kind in (AreaKind.DESO.value, AreaKind.REGSO.value,
                                      AreaKind.KOMMUN.value) and area_code[:4].isdigit()
            else None)
        areas.append(Area(code=area_code, kind=kind, wkb=bytes(geom.ExportToIsoWkb()),
                          name=info["name"], kommunkod=code_kommun,
                          parent_code=info["parent"], source=label))
    ds = None
    return areas, rejected, kind, read, merged


def read_population(path: Path | str, code_field: str | None = None
                    ) -> tuple[dict[str, int], list[Rejected]]:
    """Population per area code from a CSV or .xlsx (code column + population column)."""
    table = read_table(path)
    code = (find_column(table.columns, code_field) if code_field else None) or find_column(
        table.columns, *POPULATION_CODE_COLUMNS)
    value = find_column(table.columns, *POPULATION_COLUMNS)
    if code is None or value is None:
        raise SourceError(tr("{file}: the population file needs a code column (e.g. desokod) "
                             "and a population column (population/folkmängd); columns: "
                             "{columns}.").format(file=Path(path).name,
                                                  columns=", ".join(table.columns)))
    population: dict[str, int] = {}
    rejected: list[Rejected] = [
        Rejected(SOURCE, f"{Path(path).name} rad {bad.number}: {bad.raw}", bad.reason)
        for bad in table.bad_rows]
    for row in table.rows:
        key = (row.values.get(code) or "").strip()
        text = row.values.get(value)
        reason = None
        try:
            number = parse_number(text)
        except ValueError:
            number, reason = None, tr("unreadable count {value}").format(value=repr(text))
        if reason is None and not key:
            reason = tr("no code")
        elif reason is None and (number is None or number < 0 or number != int(number)):
            reason = tr("invalid population {value}").format(value=repr(text))
        elif reason is None and key in population and population[key] != int(number):
            reason = tr("the code {code} occurs twice with different values").format(code=key)
        if reason:
            rejected.append(Rejected(SOURCE, f"{Path(path).name} rad {row.number}: {row.raw()}",
                                     reason, key or None))
            continue
        population[key] = int(number)
    return population, rejected


def import_areas(store: Store, source: str | None, *, layer_name: str | None = None,
                 code_field: str | None = None, name_field: str | None = None,
                 kind: str | None = None, kommunkod: str | None = None,
                 population: Path | str | None = None,
                 cancelled: Callable[[], bool] = lambda: False) -> AreaImportResult:
    """Read areas (and/or a population file) and upsert them; see the module notes."""
    if kommunkod:
        kommun = registry().resolve(kommunkod)
        kommunkod = kommun.code if kommun else None
    result = AreaImportResult()
    areas: list[Area] = []
    rejected: list[Rejected] = []
    if source:
        areas, rejected, result.kind, result.read, result.merged_parts = read_areas(
            source, layer_name=layer_name, code_field=code_field, name_field=name_field,
            kind=kind, kommunkod=kommunkod, cancelled=cancelled)
        if not areas and not rejected:
            if kommunkod:
                raise SourceError(tr("No areas found for kommunkod {code}. Check the layer and "
                                     "the kommunkod.").format(code=kommunkod))
            raise SourceError(tr("No areas found. Check the layer and the kommunkod."))
    elif not population:
        raise SourceError(tr("Give an input (a layer, a file or a WFS) or a population file."))
    if population:
        counts, bad = read_population(population, code_field)
        rejected += bad
        codes = {a.code for a in areas}
        stored = {a.code: a for a in store.areas()} if counts.keys() - codes else {}
        areas = [_with_population(a, counts.get(a.code)) for a in areas]
        extra = [_with_population(stored[c], counts[c]) for c in sorted(counts.keys() - codes)
                 if c in stored]
        unknown = sorted(c for c in counts.keys() - codes if c not in stored)
        for c in unknown:
            rejected.append(Rejected(SOURCE, f"{Path(population).name}: {c};{counts[c]}",
                                     tr("the code matches no area"), c))
        result.unknown_population_codes = unknown
        areas += extra
        result.kind = result.kind or tr("population")
    areas = _fill_population(store, areas)
    result.without_population = sorted(a.code for a in areas if a.population is None
                                       and a.kind != AreaKind.KOMMUN.value)
    boundary = _kommun_boundary(store, areas)
    if boundary is not None:
        areas.append(boundary)
        result.kommun_boundary = boundary.code
    counts = store.upsert_areas(areas, rejected)
    result.new, result.updated, result.unchanged = counts.new, counts.updated, counts.unchanged
    result.rejected = counts.rejected
    result.refused = dict(counts.refused)
    result.reasons = Counter(r.reason for r in rejected)
    store.refresh_police_area_counts()
    return result


def _with_population(area: Area, population: int | None) -> Area:
    if population is None:
        return area
    return Area(area.code, area.kind, area.wkb, area.name, area.kommunkod, population,
                area.parent_code, area.source)


def _fill_population(store: Store, areas: list[Area]) -> list[Area]:
    """Areas imported without population keep the one stored before; a RegSO or kommun
    without one gets the sum of its DeSO, when every DeSO's population is known."""
    if all(a.population is not None for a in areas):
        return areas
    stored = {a.code: a for a in store.areas()}
    deso = {a.code: a for a in stored.values() if a.kind == AreaKind.DESO.value}
    deso.update({a.code: a for a in areas if a.kind == AreaKind.DESO.value})

    def total(members: list[Area]) -> int | None:
        if not members or any(m.population is None for m in members):
            return None
        return sum(m.population for m in members)

    out = []
    for area in areas:
        population = area.population
        if population is None and area.code in stored:
            population = stored[area.code].population
        if population is None and area.kind == AreaKind.REGSO.value:
            population = total([d for d in deso.values() if d.parent_code == area.code])
        if population is None and area.kind == AreaKind.KOMMUN.value:
            population = total([d for d in deso.values() if d.kommunkod == area.code])
        out.append(_with_population(area, population))
    return out


def _kommun_boundary(store: Store, areas: list[Area]) -> Area | None:
    """The kommun boundary as the union of its areas, when none is stored or imported."""
    from osgeo import ogr

    tiles = [a for a in areas if a.kind in (AreaKind.DESO.value, AreaKind.REGSO.value)]
    kommuner = {a.kommunkod for a in tiles}
    if len(kommuner) != 1 or None in kommuner or any(a.kind == AreaKind.KOMMUN.value
                                                     for a in areas):
        return None
    code = kommuner.pop()
    if store.areas(kind=AreaKind.KOMMUN.value, kommunkod=code):
        return None
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for area in tiles:
        geom = ogr.CreateGeometryFromWkb(area.wkb)
        for i in range(geom.GetGeometryCount()):
            union.AddGeometry(geom.GetGeometryRef(i))
    geom = _polygonal(union.UnionCascaded())
    kommun = registry().kommuner.get(code)
    populations = [a.population for a in tiles]
    # Only DeSO tile the kommun exactly once; RegSO do too. Either kind alone is summed.
    kinds = {a.kind for a in tiles}
    total = sum(populations) if None not in populations and len(kinds) == 1 else None
    return Area(code, AreaKind.KOMMUN.value, bytes(geom.ExportToIsoWkb()),
                kommun.name if kommun else code, code, total, None,
                tr("union of the areas"))
