"""The Processing provider ``trygghet``: one small module per algorithm."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..meta import PROVIDER_ID, version
from ..paths import resource


class TrygghetProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return "Trygghet"

    def longName(self) -> str:
        return f"Trygghet {version()}"

    def icon(self) -> QIcon:
        return QIcon(str(resource("icons", "trygghet.svg")))

    def versionInfo(self) -> str:
        return version()

    def loadAlgorithms(self) -> None:
        from .alg_makeproject import MakeProjectAlgorithm
        from .alg_syncreports import SyncReportsAlgorithm

        for alg in (SyncReportsAlgorithm(), MakeProjectAlgorithm()):
            self.addAlgorithm(alg)
