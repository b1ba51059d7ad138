"""What sticks out of a dock: the visible buttons, labels, combo boxes and table columns whose
right edge lies past the right edge of the dock (they are cut off for the user).

Self-contained (only qgis.PyQt): the desktop test runs this file's text inside QGIS too."""

from __future__ import annotations

from qgis.PyQt.QtCore import QPoint
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QTableView,
    QWidget,
)

DEFAULT_DOCK_WIDTH = 300  # QGIS's docks on the right open about this wide


def _visible_edge(widget: QWidget, dock: QWidget) -> int:
    """The x (in the dock) where the widget stops being visible: the nearest viewport of a
    scroll area it sits in, else the dock's own right edge."""
    parent = widget.parentWidget()
    while parent is not None and parent is not dock:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QTableView):
            viewport = parent.viewport()
            return viewport.mapTo(dock, QPoint(viewport.width(), 0)).x()
        parent = parent.parentWidget()
    return dock.width()


def sticking_out(dock: QWidget, *, slack: int = 1) -> list[str]:
    """'objectName (text): right edge > visible edge' for every visible control cut off at the
    dock's current width."""
    problems = []
    for widget in dock.findChildren(QWidget):
        if not isinstance(widget, (QAbstractButton, QLabel, QComboBox, QTableView)):
            continue
        if not widget.isVisibleTo(dock) or widget.window() is not dock.window():
            continue
        if widget.parentWidget() is not None and widget.parentWidget().inherits("QTabBar"):
            continue  # the tab bar scrolls its own tabs
        if isinstance(widget, QAbstractButton) and widget.parentWidget() is not None \
                and isinstance(widget.parentWidget(), QTableView):
            continue  # the corner button of a table
        right = widget.mapTo(dock, QPoint(widget.width(), 0)).x()
        edge = _visible_edge(widget, dock)
        if right > edge + slack:
            problems.append(f"{widget.objectName() or type(widget).__name__} "
                            f"({_text(widget)}): {right} > {edge}")
        if isinstance(widget, QTableView):
            header = widget.horizontalHeader()
            used = header.length() + widget.verticalHeader().width() * \
                widget.verticalHeader().isVisible()
            if used > widget.viewport().width() + slack:
                problems.append(f"{widget.objectName()} columns: {used} > "
                                f"{widget.viewport().width()}")
    return problems


def _text(widget: QWidget) -> str:
    if isinstance(widget, (QAbstractButton, QLabel)):
        return widget.text()[:40]
    if isinstance(widget, QComboBox):
        return widget.currentText()[:40]
    return ""
