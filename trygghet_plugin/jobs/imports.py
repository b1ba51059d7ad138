"""Imports into the store, the use cases both doors call: the Data dock (in a CoreTask) and
``trygghet:importareas``, ``importpolice`` and ``importsurvey``. Each opens the store itself
(so it runs in whatever thread calls it) and returns an :class:`Imported`: the counts the
algorithm gives as outputs and the summary the dock shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..domain.area import AreaKind
from ..i18n import translator
from ..sources.http import SourceError
from ..store import open_store

# The algorithms' context: the texts were theirs, and their translations stay.
tr = translator("Processing")

#: What a user may write instead of a file to fetch the police events from polisen.se.
LIVE_WORDS = ("live", "polisen", "api")
#: Police crime exports (a table with coordinates), as opposed to polisen.se's events.
EXPORT_SUFFIXES = (".csv", ".txt", ".xlsx", ".xls", ".ods", ".geojson")
#: Survey files that hold places marked unsafe rather than results per area.
POINT_SUFFIXES = (".geojson", ".gpkg", ".shp", ".fgb", ".gml", ".kml")

Cancelled = Callable[[], bool]
Info = Callable[[str], None]

#: The kinds of area (the ``kind`` column of the store's areas).
AREA_KINDS = tuple(kind.value for kind in AreaKind)


@dataclass
class Imported:
    """What one import did. ``counts`` are keyed by the algorithm's output names in lower
    case (new, updated, …, total); ``texts`` likewise for text outputs."""

    summary: str
    counts: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def outputs(self) -> dict[str, object]:
        """The Processing outputs: NEW, UPDATED, …, SUMMARY."""
        return {**{k.upper(): v for k, v in self.counts.items()},
                **{k.upper(): v for k, v in self.texts.items()}, "SUMMARY": self.summary}


def _written(result) -> dict[str, int]:
    return {"new": result.new, "updated": result.updated, "unchanged": result.unchanged,
            "rejected": result.rejected}


def import_areas(store_uri: str, source: str | None, *, layer_name: str | None = None,
                 code_field: str | None = None, name_field: str | None = None,
                 kind: str | None = None, kommunkod: str | None = None,
                 population: str | None = None, cancelled: Cancelled | None = None) -> Imported:
    """Areas (DeSO, RegSO, districts, the kommun) from a file or WFS, with an optional
    population table."""
    from ..sources.areas import import_areas as read_areas

    kind = (kind or "").strip().lower() or None
    if kind and kind not in AREA_KINDS:
        raise SourceError(tr("Unknown area kind '{kind}': choose {kinds}.").format(
            kind=kind, kinds=", ".join(AREA_KINDS)))
    with open_store(store_uri) as store:
        result = read_areas(store, source or None, layer_name=layer_name or None,
                            code_field=code_field or None, name_field=name_field or None,
                            kind=kind, kommunkod=kommunkod or None,
                            population=population or None, cancelled=cancelled)
        return Imported(result.summary(), {
            **_written(result), "without_population": len(result.without_population),
            "total": store.count("areas")})


def import_police(store_uri: str, source: str, *, kommun: str = "", url: str = "",
                  cancelled: Cancelled | None = None, info: Info | None = None) -> Imported:
    """Police events (a polisen.se file, or ``live``/an address to fetch them) or a geocoded
    crime export, for one kommun (name or code; empty: the whole country)."""
    from ..sources import polisen
    from ..sources.kommuner import registry
    from ..sources.police_exports import import_export

    cancelled = cancelled or (lambda: False)
    info = info or (lambda _text: None)
    source = source.strip()
    where = registry().resolve(kommun)
    suffix = Path(source).suffix.lower()
    with open_store(store_uri) as store:
        if source.lower() in LIVE_WORDS or source.lower().startswith(("http://", "https://")):
            url = source if "://" in source else (url or polisen.FEED_URL)
            info(tr("Fetching from {url}").format(url=url))
            result = polisen.poll(store, kommun=where, url=url, cancelled=cancelled, info=info)
            summaries, outside = result.summaries, result.outside
        elif suffix in EXPORT_SUFFIXES or (suffix == ".json" and Path(source).is_file()
                                           and not polisen.looks_like_feed(Path(source))):
            result = import_export(store, source, kommun=where,
                                   boundary=_kommun_boundary(store, where))
            summaries, outside = 0, 0
        else:
            def progress(read: int) -> bool:
                info(tr("{count} events read").format(count=read))
                return not cancelled()

            result = polisen.import_file(store, source, kommun=where, progress=progress)
            summaries, outside = result.summaries, result.outside
        return Imported(result.summary(), {
            **_written(result), "summaries": summaries, "outside": outside,
            "total": store.count("incidents", "source = ?", (polisen.SOURCE,))})


def _kommun_boundary(store, kommun):
    """The stored boundary of ``kommun`` (an OGR geometry), or None."""
    if kommun is None:
        return None
    from osgeo import ogr

    stored = store.areas(kind=AreaKind.KOMMUN.value, kommunkod=kommun.code)
    return ogr.CreateGeometryFromWkb(stored[0].wkb) if stored else None


def import_survey(store_uri: str, source: str = "", *, places: str = "",
                  survey: str | None = None, fieldwork: str = "",
                  info: Info | None = None) -> Imported:
    """A safety survey's results per area and/or the places respondents marked unsafe,
    then perceived against reported insecurity per survey."""
    from ..sources import surveys

    info = info or (lambda _text: None)
    source, places = source.strip(), places.strip()
    when = _date(fieldwork)
    if source.lower().endswith(POINT_SUFFIXES) and not places:
        source, places = "", source
    if not source and not places:
        raise SourceError(tr("Give a results file (INPUT) or places marked unsafe "
                             "(PLACES)."))
    with open_store(store_uri) as store:
        result = surveys.SurveyImportResult()
        if source:
            surveys.import_results(store, source, survey=survey or None, result=result)
        if places:
            surveys.import_places(store, places, survey=survey or None, result=result)
        compared = surveys.compare_with_reports(store, result.surveys, fieldwork=when)
    info(result.summary())
    for name, n in compared.items():
        info(tr("{survey}: perceived against reported insecurity computed for {count} "
                "areas.").format(survey=name, count=n))
    return Imported(result.summary(), {**_written(result), "places_new": result.places_new},
                    {"surveys": "; ".join(result.surveys),
                     "unknown_areas": ", ".join(result.unknown_areas)})


def _date(text: str) -> date | None:
    value = (text or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise SourceError(tr("Invalid date '{value}': use YYYY-MM-DD.").format(
            value=value)) from exc
