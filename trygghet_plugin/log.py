"""One logger: the "Trygghet" tab of the QGIS log and, when asked, the message bar."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QPushButton

TAB = "Trygghet"

_LEVELS = {
    "info": Qgis.MessageLevel.Info,
    "warning": Qgis.MessageLevel.Warning,
    "critical": Qgis.MessageLevel.Critical,
    "success": Qgis.MessageLevel.Success,
}


class PluginLogger:
    """Writes to the QGIS log; with ``push=True`` also to the message bar of the iface."""

    def __init__(self, iface=None):
        self.iface = iface

    def log(self, message: str, level: str = "info", *, push: bool = False,
            title: str = TAB, duration: int = 5, details: str | None = None) -> None:
        """Log ``message`` (and ``details``, e.g. the server's answer, in the log only).

        Errors pushed to the message bar carry a button to the log, where the details are, and
        stay until closed."""
        qlevel = _LEVELS.get(level, Qgis.MessageLevel.Info)
        text = f"{message}\n{details}" if details else message
        # Success is shown on the message bar; the log knows it as Info.
        shown = Qgis.MessageLevel.Info if qlevel == Qgis.MessageLevel.Success else qlevel
        QgsMessageLog.logMessage(text, TAB, shown)
        if not push or self.iface is None:
            return
        bar = self.iface.messageBar()
        if qlevel == Qgis.MessageLevel.Critical and hasattr(self.iface, "openMessageLog"):
            widget = bar.createMessage(title, message)
            button = QPushButton(QCoreApplication.translate("PluginLogger", "Show log"), widget)
            button.clicked.connect(self.iface.openMessageLog)
            widget.layout().addWidget(button)
            bar.pushWidget(widget, qlevel, 0)
        else:
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
