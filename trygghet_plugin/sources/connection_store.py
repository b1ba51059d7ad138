"""Saved connections to collection services, kept in QgsSettings next to the other settings."""

from __future__ import annotations

from qgis.core import QgsSettings

from ..settings import GROUP
from .connections import Connection


class ConnectionStore:
    """Saved connections, one JSON text each under ``trygghet/connections/<id>``.

    A connection holds no secret (only an authcfg id), so nothing secret reaches QgsSettings.
    """

    GROUP = f"{GROUP}/connections"

    def __init__(self, settings: QgsSettings | None = None):
        self._qs = settings or QgsSettings()

    def list(self):
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
