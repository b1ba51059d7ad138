"""The temporal controller on the lägesbild's period: the animation runs from the period's
first local midnight to the midnight after its last day, a day per frame — not from the first
incident's minute, which QGIS takes from the layers when the project has no range."""

from __future__ import annotations

from datetime import date

from qgis.core import (
    QgsDateTimeRange,
    QgsInterval,
    QgsTemporalNavigationObject,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QTimeZone

from ..analysis.periods import Period

STOCKHOLM = QTimeZone(b"Europe/Stockholm")


def local_midnight(day: date) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0), STOCKHOLM)


def period_range(period: Period) -> QgsDateTimeRange:
    """The period's local days as a range: start inclusive, end (midnight after) exclusive."""
    return QgsDateTimeRange(local_midnight(period.start), local_midnight(period.end), True,
                            False)


def show_period_in_time(project, period: Period, canvas=None) -> QgsDateTimeRange:
    """Set the project's time range (what QGIS's temporal controller starts from when the
    layers are added) and, when a map canvas is given, its controller's range, to ``period``
    in steps of one day."""
    extent = period_range(period)
    settings = project.timeSettings()
    settings.setTemporalRange(extent)
    settings.setTimeStep(1.0)
    settings.setTimeStepUnit(QgsUnitTypes.TemporalUnit.TemporalDays)
    controller = canvas.temporalController() if canvas is not None else None
    if isinstance(controller, QgsTemporalNavigationObject):
        controller.setTemporalExtents(extent)
        controller.setFrameDuration(QgsInterval(1, QgsUnitTypes.TemporalUnit.TemporalDays))
        controller.setCurrentFrameNumber(0)
    return extent
