"""What every Trygghet algorithm shares: the STORE parameter and user-facing errors."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..errors import USER_ERRORS, CancelledError
from ..paths import resource
from ..settings import SettingsManager
from ..store import Store, open_store

STORE = "STORE"


class TrygghetAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses implement ``work(parameters, context, feedback) -> dict``."""

    icon_name = "trygghet.svg"
    group_id = "data"

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("Processing", text)

    def group_labels(self) -> dict[str, str]:
        """Toolbox group id -> label, translated now (not at import)."""
        return {"data": self.tr("Data"), "analysis": self.tr("Analysis"),
                "map": self.tr("Map"), "reports": self.tr("Reports")}

    def group(self) -> str:
        return self.group_labels()[self.group_id]

    def groupId(self) -> str:
        return self.group_id

    def createInstance(self):
        return type(self)()

    def icon(self) -> QIcon:
        return QIcon(str(resource("icons", self.icon_name)))

    def add_advanced(self, *params) -> None:
        """Add parameters under "Advanced" in the dialog (still plain KEY=value headless)."""
        for param in params:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(param)

    def add_count_outputs(self, counts, *strings) -> None:
        """Number outputs from (name, label) pairs, then string outputs likewise."""
        for name, label in counts:
            self.addOutput(QgsProcessingOutputNumber(name, label))
        for name, label in strings:
            self.addOutput(QgsProcessingOutputString(name, label))

    def add_store_parameter(self) -> None:
        param = QgsProcessingParameterString(
            STORE,
            self.tr("Store (GeoPackage file or PostGIS)"),
            defaultValue=SettingsManager().get("store_path") or None)
        self.addParameter(param)

    def open_store(self, parameters, context) -> Store:
        path = self.parameterAsString(parameters, STORE, context)
        return open_store(path)

    def processAlgorithm(self, parameters, context, feedback):
        try:
            return self.work(parameters, context, feedback)
        except CancelledError as exc:
            raise QgsProcessingException(self.tr("Cancelled.")) from exc
        except USER_ERRORS as exc:
            # A message the user can act on, never a traceback.
            raise QgsProcessingException(str(exc)) from exc

    def work(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
