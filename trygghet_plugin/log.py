"""One logger: the "Trygghet" tab of the QGIS log and, when asked, the message bar."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

TAB = "Trygghet"

_LEVELS = {
    "info": Qgis.Info,
    "warning": Qgis.Warning,
    "critical": Qgis.Critical,
    "success": Qgis.Success,
}


class PluginLogger:
    """Writes to the QGIS log; with ``push=True`` also to the message bar of the iface."""

    def __init__(self, iface=None):
        self.iface = iface

    def log(self, message: str, level: str = "info", *, push: bool = False,
            title: str = TAB, duration: int = 5) -> None:
        qlevel = _LEVELS.get(level, Qgis.Info)
        # Success is shown on the message bar; the log knows it as Info.
        QgsMessageLog.logMessage(message, TAB, Qgis.Info if qlevel == Qgis.Success else qlevel)
        if push and self.iface is not None:
            bar = self.iface.messageBar()
            bar.pushMessage(title, message, qlevel, duration)

    def info(self, message: str, **kw) -> None:
        self.log(message, "info", **kw)

    def warning(self, message: str, **kw) -> None:
        self.log(message, "warning", **kw)

    def error(self, message: str, **kw) -> None:
        self.log(message, "critical", **kw)

    def success(self, message: str, **kw) -> None:
        self.log(message, "success", **kw)


logger = PluginLogger()
