"""Map tools of the plugin: drawing a polygon on the canvas for a new measure.

Left click adds a corner, right click ends the polygon (at least three corners), Esc
cancels; the tool then hands the canvas back to the tool that was active before."""

from __future__ import annotations

from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor


class PolygonMapTool(QgsMapTool):
    """``drawn(geometry)`` with the polygon in the canvas's CRS, or ``cancelled()``."""

    drawn = pyqtSignal(QgsGeometry)
    cancelled = pyqtSignal()

    def __init__(self, canvas):
        super().__init__(canvas)
        self.points: list[QgsPointXY] = []
        self.band = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
        self.band.setColor(QColor(192, 57, 43, 160))
        self.band.setFillColor(QColor(192, 57, 43, 50))
        self.band.setWidth(2)
        self.setCursor(Qt.CursorShape.CrossCursor)

    # -- mouse and keys ---------------------------------------------------------------------
    def canvasReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            self.finish()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self.add_point(self.toMapCoordinates(event.pos()))

    def canvasMoveEvent(self, event) -> None:
        if self.points:
            self._draw(self.points + [self.toMapCoordinates(event.pos())])

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self.points:
            self.points.pop()  # undo the last corner
            self._draw(self.points)
            event.accept()
        else:
            event.ignore()

    # -- what the events do (also called by tests) ------------------------------------------
    def add_point(self, point: QgsPointXY) -> None:
        self.points.append(QgsPointXY(point))
        self._draw(self.points)

    def finish(self) -> None:
        """End the polygon: ``drawn`` when it has three corners, else nothing happens yet."""
        if len(self.points) < 3:
            return
        geometry = QgsGeometry.fromPolygonXY([self.points + [self.points[0]]])
        self._reset()
        self.drawn.emit(geometry)

    def cancel(self) -> None:
        self._reset()
        self.cancelled.emit()

    def deactivate(self) -> None:
        self._reset()
        super().deactivate()

    def _draw(self, points: list[QgsPointXY]) -> None:
        self.band.reset(QgsWkbTypes.PolygonGeometry)
        for point in points:
            self.band.addPoint(point, False)
        self.band.show()
        self.band.updatePosition()
        self.band.update()

    def _reset(self) -> None:
        self.points = []
        self.band.reset(QgsWkbTypes.PolygonGeometry)
