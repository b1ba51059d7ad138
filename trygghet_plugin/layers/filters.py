"""Filters on the plugin's layers: what the Filter dock chose, as one provider subset string.

:func:`build_filter` is the only place that writes a subset string from a user's choice; every
value goes through :func:`quote_literal`, so a name like ``Kalle's Bevakning`` (or anything
else a source delivers) can never change the expression. The same choice as a numpy mask over
an :class:`~trygghet_plugin.store.base.IncidentFrame` (for the computed layers of the lägesbild)
is :func:`frame_mask`.

The expressions are SQL that both the GeoPackage store (SQLite through OGR) and a PostGIS
store accept. Period bounds are UTC instants (``2026-10-11T22:00:00+00:00``).
An area filter on incidents is spatial (``ST_Intersects`` with the chosen areas), because
reports carry no area code; OGR provides ``ST_Intersects`` to a GeoPackage when GDAL is built
with SpatiaLite (as QGIS's are). Where it is not, :func:`apply_filter` falls back to the
incidents' ``area_code`` and says so in the log.

This module imports no QGIS at module level, so it is tested without it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from ..analysis.periods import Period
from ..i18n import translator

tr = translator("Layers")

#: What a layer of the plugin is, for filtering (the layer's custom property ``FILTER_KIND``).
INCIDENTS = "incidents"
AREAS = "areas"      # polygons with a ``code`` column (areas with counts, survey choropleths)
POLICE = "police"    # police counts per area: the kommun row always stays
FILTER_KIND = "trygghet/filter"
BASE_SUBSET = "trygghet/base_subset"

#: Location precisions drawn as points (area- and kommun-level events never are).
PRECISE = ("exact", "street")
DELETED = "deleted"
#: UTC with an explicit offset: PostgreSQL reads it as the instant whatever the session's
#: time zone, and it sorts right against a GeoPackage's text times ("...:00.000Z" and
#: "...:00Z" both come after "...:00+00:00", so >= keeps and < leaves out the bound itself).
_TIME = "%Y-%m-%dT%H:%M:%S+00:00"


@dataclass(frozen=True)
class FilterSpec:
    """A user's choice. ``None`` means "no filter" (everything); an empty tuple means
    "nothing chosen" (nothing shown). ``organisations`` may hold ``None`` for incidents
    without an organisation (e.g. police events)."""

    period: Period | None = None
    categories: tuple[str, ...] | None = None  # category or subcategory codes
    sources: tuple[str, ...] | None = None
    areas: tuple[str, ...] | None = None       # area codes
    organisations: tuple[str | None, ...] | None = None
    precise_only: bool = True                  # points: exact or street only

    def with_period(self, period: Period | None) -> FilterSpec:
        return replace(self, period=period)


def analysis_choice(spec: FilterSpec) -> str:
    """The part of ``spec`` the computed layers (hot spots, emerging hot spots, density,
    rates) were made with, as a key to compare: categories, sources, organisations. Areas
    and the period are left out: the analysis always runs over the whole kommun (a cell's
    Gi* weighs it against its neighbours and the kommun's mean), and the period is in the
    group's name."""
    def key(values) -> str:
        return "*" if values is None else ",".join(sorted("" if v is None else str(v)
                                                         for v in values))

    return "|".join(key(v) for v in (spec.categories, spec.sources, spec.organisations))


def describe_categories(codes: tuple[str, ...] | None, labels: dict[str, str]) -> str:
    """The categories of a choice as a user reads them: "all categories", up to three
    names, or "5 of 12 categories"."""
    if codes is None or len(codes) == len(labels):
        return tr("all categories")
    if not codes:
        return tr("no category")
    if len(codes) <= 3:
        return ", ".join(labels.get(code, code) for code in codes)
    return tr("{n} of {total} categories").format(n=len(codes), total=len(labels))


def quote_literal(value: object) -> str:
    """A SQL string literal: single quotes doubled, NUL characters dropped."""
    text = str(value).replace("\x00", "")
    return "'" + text.replace("'", "''") + "'"


def _in(column: str, values: Iterable[object]) -> str:
    items = sorted({str(v) for v in values if v is not None})
    if not items:
        return "0 = 1"
    if len(items) == 1:
        return f"{column} = {quote_literal(items[0])}"
    return f"{column} IN ({', '.join(quote_literal(v) for v in items)})"


def _and(parts: Iterable[str]) -> str:
    parts = [p for p in parts if p]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return " AND ".join(f"({p})" for p in parts)


def period_clause(period: Period, column: str = "occurred_at") -> str:
    start, end = period.start_utc.strftime(_TIME), period.end_utc.strftime(_TIME)
    return f"{column} >= {quote_literal(start)} AND {column} < {quote_literal(end)}"


def build_filter(spec: FilterSpec, kind: str = INCIDENTS, *, base: str = "",
                 spatial_areas: bool = True) -> str:
    """The subset string for a layer of ``kind`` (INCIDENTS, AREAS or POLICE) under ``spec``,
    ANDed with the layer's own ``base`` subset. An empty string means no filter.

    Incidents: never deleted ones; only exact/street points unless ``spec.precise_only`` is
    False; the period by ``occurred_at``; categories (the category or the subcategory);
    sources; organisations; areas (spatially, or by ``area_code`` when ``spatial_areas`` is
    False). Polygon layers: only the chosen areas (POLICE keeps the kommun's own row, which
    holds the events placed on the kommun as a whole).
    """
    parts = [base.strip()] if base and base.strip() else []
    if kind == INCIDENTS:
        parts.append(f"status IS NULL OR status <> {quote_literal(DELETED)}")
        if spec.precise_only:
            parts.append(_in("location_precision", PRECISE))
        if spec.period is not None:
            parts.append(period_clause(spec.period))
        if spec.categories is not None:
            if spec.categories:
                parts.append(f"{_in('category', spec.categories)} OR "
                             f"{_in('subcategory', spec.categories)}")
            else:
                parts.append("0 = 1")
        if spec.sources is not None:
            parts.append(_in("source", spec.sources))
        if spec.organisations is not None:
            named = [o for o in spec.organisations if o is not None and o != ""]
            clause = _in("reporter_org", named) if named else ""
            if len(named) != len(spec.organisations):  # "no organisation" was chosen
                clause = f"{clause} OR reporter_org IS NULL" if clause else \
                    "reporter_org IS NULL"
            parts.append(clause or "0 = 1")
        if spec.areas is not None:
            if not spec.areas:
                parts.append("0 = 1")
            elif spatial_areas:
                # Fail closed: with no area of those codes the union is NULL, and SpatiaLite's
                # ST_Intersects(geom, NULL) is -1, which SQLite takes as true (everything).
                chosen = _in("code", spec.areas)
                parts.append(f"EXISTS (SELECT 1 FROM areas WHERE {chosen}) AND "
                             f"ST_Intersects(geom, (SELECT ST_Union(geom) FROM areas WHERE "
                             f"{chosen}))")
            else:
                parts.append(_in("area_code", spec.areas))
    elif kind in (AREAS, POLICE):
        if spec.areas is not None:
            clause = _in("code", spec.areas)
            parts.append(f"kind = {quote_literal('kommun')} OR {clause}" if kind == POLICE
                         else clause)
    else:
        raise ValueError(f"unknown layer kind {kind!r}")
    return _and(parts)


def frame_mask(frame, spec: FilterSpec, *, with_period: bool = False) -> np.ndarray:
    """The rows of an IncidentFrame that ``spec`` keeps (categories, sources,
    organisations; the period only when ``with_period``). Precision and areas are left to
    the analysis, which has its own rules for them."""
    n = len(frame)
    mask = np.ones(n, dtype=bool)
    text = getattr(frame, "text", {})
    if with_period and spec.period is not None:
        mask &= spec.period.contains(frame.occurred_at)
    if spec.categories is not None:
        wanted = list(spec.categories)
        hit = np.isin(frame["category"], wanted) if "category" in text else np.zeros(n, bool)
        if "subcategory" in text:
            hit |= np.isin(frame["subcategory"], wanted)
        mask &= hit
    if spec.sources is not None and "source" in text:
        mask &= np.isin(frame["source"], list(spec.sources))
    if spec.organisations is not None and "reporter_org" in text:
        named = [o for o in spec.organisations if o]
        orgs = frame["reporter_org"]
        hit = np.isin(orgs, named) if named else np.zeros(n, bool)
        if len(named) != len(spec.organisations):
            hit |= np.array([o is None or o == "" for o in orgs], dtype=bool)
        mask &= hit
    return mask


# -- applying to layers (QGIS) ------------------------------------------------------------

def mark_layer(layer, kind: str, base: str = "") -> None:
    """Tell the Filter dock what ``layer`` is and which subset it always keeps."""
    layer.setCustomProperty(FILTER_KIND, kind)
    layer.setCustomProperty(BASE_SUBSET, base)


def apply_filter(layer, spec: FilterSpec) -> bool:
    """Set ``layer``'s subset string from ``spec`` (a layer marked by :func:`mark_layer`).
    Returns False when the layer is not one of the plugin's filtered layers."""
    kind = layer.customProperty(FILTER_KIND)
    if kind not in (INCIDENTS, AREAS, POLICE):
        return False
    base = layer.customProperty(BASE_SUBSET) or ""
    subset = build_filter(spec, kind, base=base)
    if layer.subsetString() != subset:
        layer.setSubsetString(subset)
    if kind == INCIDENTS and spec.areas and layer.featureCount() < 0:
        # The provider has no ST_Intersects (GDAL without SpatiaLite): the area codes the
        # incidents carry are the next best thing.
        from ..log import logger

        logger.warning(tr("The area filter cannot be made geographic here (no "
                          "ST_Intersects); it uses the incidents' area codes."))
        layer.setSubsetString(build_filter(spec, kind, base=base, spatial_areas=False))
    layer.triggerRepaint()
    return True


def apply_to_project(project, spec: FilterSpec) -> int:
    """Apply ``spec`` to every marked layer of ``project``; returns how many were filtered."""
    count = 0
    for layer in project.mapLayers().values():
        if layer.customProperty(FILTER_KIND) and apply_filter(layer, spec):
            count += 1
    return count


@dataclass(frozen=True)
class FilterOptions:
    """What the store holds to choose from: sources, organisations (None: incidents without
    one) and the areas of the finest kind (code, label)."""

    sources: tuple[str, ...] = ()
    organisations: tuple[str | None, ...] = ()
    areas: tuple[tuple[str, str], ...] = ()
    area_kind: str | None = None


def filter_options(store) -> FilterOptions:
    """Read the choices from the store (any thread: it opens its own layer)."""
    from qgis.core import QgsVectorLayer

    from ..analysis.areas import finest_areas

    source = store.layer_source("incidents")
    layer = QgsVectorLayer(source.uri, "incidents", source.provider)

    def distinct(name: str) -> list[str | None]:
        index = layer.fields().indexOf(name)
        if index < 0:
            return []
        values = []
        for value in layer.uniqueValues(index):
            empty = value is None or (hasattr(value, "isNull") and value.isNull()) or \
                str(value) == ""
            values.append(None if empty else str(value))
        return values

    sources = tuple(sorted({v for v in distinct("source") if v}))
    orgs = distinct("reporter_org")
    organisations = tuple(sorted({v for v in orgs if v}, key=str.lower))
    if any(v is None for v in orgs):
        organisations += (None,)
    areas = store.areas()
    finest = finest_areas(areas)
    kind = finest[0].kind if finest else None
    chosen = tuple((a.code, f"{a.label} ({a.code})" if a.name else a.code) for a in finest)
    return FilterOptions(sources, organisations, chosen, kind)
