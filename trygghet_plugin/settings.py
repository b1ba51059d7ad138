"""Typed settings in one place, over QgsSettings under the group ``trygghet``."""

from __future__ import annotations

from dataclasses import dataclass, fields

from qgis.core import QgsSettings

from .constants import DEFAULT_CELL_SIZE_M

GROUP = "trygghet"


@dataclass
class Settings:
    """Everything the user can set, with its default."""

    store_path: str = ""
    period_days: int = 14
    first_period_start: str = "2024-01-01"
    cell_size_m: int = DEFAULT_CELL_SIZE_M
    small_count_threshold: int = 2
    page_size: str = "A3"
    layout_template_lagesbild: str = ""
    layout_template_board: str = ""
    report_dir: str = ""  # where the Lägesbild dock writes PDFs; empty = next to the store
    debug_log: bool = False
    #: Base map under the layers: an XYZ URL template or a QGIS WMS/WMTS source; "" = none.
    base_map_url: str = ""
    #: The plugin's language: "sv" (default), "en", or "auto" (QGIS's locale).
    language: str = "sv"
    #: Which docks were open when QGIS closed (or the plugin unloaded), to open them again.
    sync_dock_visible: bool = False
    lagesbild_dock_visible: bool = False
    filter_dock_visible: bool = False
    data_dock_visible: bool = False
    measures_dock_visible: bool = False
    #: The folder the user last exported into (the next export dialog opens there).
    export_dir: str = ""
    #: The Filter dock's last period kind ("days", "tertial" or "custom").
    filter_period_kind: str = "days"


class SettingsManager:
    """Reads and writes :class:`Settings`; the only place that touches QgsSettings keys."""

    def __init__(self, settings: QgsSettings | None = None):
        self._qs = settings or QgsSettings()

    def load(self) -> Settings:
        values = {}
        for f in fields(Settings):
            default = f.default
            raw = self._qs.value(f"{GROUP}/{f.name}", default)
            values[f.name] = _coerce(raw, type(default))
        return Settings(**values)

    def save(self, settings: Settings) -> None:
        for f in fields(Settings):
            self._qs.setValue(f"{GROUP}/{f.name}", getattr(settings, f.name))

    def get(self, name: str):
        return getattr(self.load(), name)

    def set(self, name: str, value) -> None:
        current = self.load()
        if not hasattr(current, name):
            raise KeyError(name)
        setattr(current, name, _coerce(value, type(getattr(Settings(), name))))
        self._qs.setValue(f"{GROUP}/{name}", getattr(current, name))


def _coerce(raw, kind: type):
    if raw is None:
        return kind()
    if kind is bool:
        if isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "yes", "ja")
        return bool(raw)
    try:
        return kind(raw)
    except (TypeError, ValueError):
        return kind()


class ConnectionStore:
    """Saved connections, one JSON text each under ``trygghet/connections/<id>``.

    A connection holds no secret (only an authcfg id), so nothing secret reaches QgsSettings.
    """

    GROUP = f"{GROUP}/connections"

    def __init__(self, settings: QgsSettings | None = None):
        self._qs = settings or QgsSettings()

    def list(self):
        from .sources.connections import Connection

        self._qs.beginGroup(self.GROUP)
        try:
            keys = self._qs.childKeys()
            texts = [(key, self._qs.value(key, "")) for key in keys]
        finally:
            self._qs.endGroup()
        found = []
        for key, text in texts:
            try:
                connection = Connection.from_json(str(text))
            except (ValueError, TypeError):
                continue  # a damaged entry is skipped, not fatal
            connection.id = key
            found.append(connection)
        return sorted(found, key=lambda c: c.name.lower())

    def get(self, connection_id: str):
        return next((c for c in self.list() if c.id == connection_id), None)

    def find(self, name: str):
        return next((c for c in self.list() if c.name == name), None)

    def save(self, connection) -> None:
        connection.validate()
        self._qs.setValue(f"{self.GROUP}/{connection.id}", connection.to_json())

    def remove(self, connection_id: str) -> None:
        self._qs.remove(f"{self.GROUP}/{connection_id}")
