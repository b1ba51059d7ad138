"""Where the user guide is: the toolbar's Help and the Options page both open it."""

from __future__ import annotations

from qgis.PyQt.QtCore import QUrl

from ..meta import metadata
from ..paths import plugin_root


def help_url() -> QUrl:
    """The user guide: docs/guide.md next to the plugin, else the guide on the homepage."""
    guide = plugin_root() / "docs" / "guide.md"
    if guide.is_file():
        return QUrl.fromLocalFile(str(guide))
    homepage = metadata().get("homepage", "").rstrip("/")
    return QUrl(f"{homepage}/blob/main/docs/guide.md" if homepage else "")
