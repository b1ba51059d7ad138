"""The filtered incidents, exported: one core for the Filter dock's "Export" and the
Processing algorithm ``trygghet:exportincidents``.

The filter fails closed: an area code the store has no area for selects nothing and is named
in the result's notes (a typo must not export every incident of the kommun).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..i18n import translator
from .export import ExportError, export_incidents
from .filters import FilterSpec, build_filter

tr = translator("Layers")

#: The formats of the filtered export, by file suffix.
FORMATS = (".csv", ".xlsx", ".gpkg")


@dataclass
class IncidentExport:
    path: Path
    count: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = tr("{n} incidents exported to {file}.").format(n=self.count, file=self.path.name)
        return " ".join([text, *self.notes])


def known_areas(store, spec: FilterSpec) -> tuple[FilterSpec, list[str]]:
    """``spec`` with only the area codes the store has, and the codes it does not have."""
    if spec.areas is None:
        return spec, []
    have = {area.code for area in store.areas()}
    unknown = [code for code in spec.areas if code not in have]
    return replace(spec, areas=tuple(c for c in spec.areas if c in have)), unknown


def export_filtered(store, spec: FilterSpec, path: Path | str, *, taxonomy=None,
                    is_cancelled: Callable[[], bool] | None = None) -> IncidentExport:
    """Write the incidents ``spec`` keeps from ``store`` to ``path`` (.csv, .xlsx or
    .gpkg; another suffix becomes .gpkg)."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        path = path.with_suffix(".gpkg")
    spec, unknown = known_areas(store, spec)
    result = IncidentExport(path)
    if unknown:
        result.notes.append(tr("No area has the code {codes}: those select nothing.").format(
            codes=", ".join(unknown)))
    source = store.layer_source("incidents")
    try:
        result.count = export_incidents(source.uri, source.provider, build_filter(spec), path,
                                        taxonomy=taxonomy, is_cancelled=is_cancelled)
    except OSError as exc:
        raise ExportError(tr("Could not write {path}: {error}").format(path=path, error=exc)
                          ) from exc
    return result

