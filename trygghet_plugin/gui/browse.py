"""The file and folder dialogs of the docks and the Options page: the store, a layout
template, a folder. Each returns the chosen path, or "" when the user cancels."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtWidgets import QFileDialog

from ..i18n import translator

tr = translator("Browse")


def start_dir(current: str) -> str:
    """Where a dialog opens: what the field holds when its folder exists (a file name in it is
    preselected), else the home folder. A PostGIS store or URL is no place to start."""
    text = (current or "").strip()
    path = Path(text).expanduser() if text and "://" not in text else None
    if path is not None and (path.is_dir() or path.parent.is_dir()):
        return str(path)
    return str(Path.home())


def choose_store(parent, current: str, *, new: bool = False) -> str:
    """An existing GeoPackage; with ``new`` also a new file name (made on the first sync),
    ``.gpkg`` added when missing."""
    title, filters = tr("Store (GeoPackage)"), tr("GeoPackage (*.gpkg)")
    if not new:
        path, _ = QFileDialog.getOpenFileName(parent, title, start_dir(current), filters)
        return path
    path, _ = QFileDialog.getSaveFileName(parent, title, start_dir(current), filters,
                                          options=QFileDialog.Option.DontConfirmOverwrite)
    if path and not path.lower().endswith(".gpkg"):
        path += ".gpkg"
    return path


def choose_template(parent, current: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, tr("Layout template (.qpt)"),
                                          start_dir(current),
                                          tr("QGIS layout template (*.qpt)"))
    return path


def choose_folder(parent, title: str, current: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title, start_dir(current))
