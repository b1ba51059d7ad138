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
        from .alg_addmeasure import AddMeasureAlgorithm
        from .alg_boardanalysis import BoardAnalysisAlgorithm
        from .alg_copystore import CopyStoreAlgorithm
        from .alg_emerginghotspots import EmergingHotspotsAlgorithm
        from .alg_evaluatemeasures import EvaluateMeasuresAlgorithm
        from .alg_exportincidents import ExportIncidentsAlgorithm
        from .alg_exportlayers import ExportLayersAlgorithm
        from .alg_heatmap import HeatmapAlgorithm
        from .alg_hotspots import HotspotsAlgorithm
        from .alg_importareas import ImportAreasAlgorithm
        from .alg_importmeasures import ExportMeasuresAlgorithm, ImportMeasuresAlgorithm
        from .alg_importpolice import ImportPoliceAlgorithm
        from .alg_importsurvey import ImportSurveyAlgorithm
        from .alg_lagesbild import LagesbildAlgorithm
        from .alg_makeproject import MakeProjectAlgorithm
        from .alg_syncreports import SyncReportsAlgorithm
        from .alg_unusualnow import UnusualNowAlgorithm

        for alg in (SyncReportsAlgorithm(), MakeProjectAlgorithm(), HotspotsAlgorithm(),
                    EmergingHotspotsAlgorithm(), HeatmapAlgorithm(), LagesbildAlgorithm(),
                    BoardAnalysisAlgorithm(), ImportPoliceAlgorithm(), ImportAreasAlgorithm(),
                    ImportSurveyAlgorithm()):
            self.addAlgorithm(alg)
        self.addAlgorithm(ExportLayersAlgorithm())
        self.addAlgorithm(CopyStoreAlgorithm())
        self.addAlgorithm(ExportIncidentsAlgorithm())
        self.addAlgorithm(UnusualNowAlgorithm())
        for alg in (AddMeasureAlgorithm(), EvaluateMeasuresAlgorithm(),
                    ImportMeasuresAlgorithm(), ExportMeasuresAlgorithm()):
            self.addAlgorithm(alg)
