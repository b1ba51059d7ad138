"""A layout that wraps its widgets onto the next line when the dock is narrow (Qt's own
FlowLayout example), and :func:`reflow` that turns a row of buttons from a form into one."""

from __future__ import annotations

from qgis.PyQt.QtCore import QPoint, QRect, QSize, Qt
from qgis.PyQt.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QWidget,
)


class FlowLayout(QLayout):
    """Left to right, wrapping; each row's widgets keep their preferred width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientations:
        return Qt.Orientations()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible()) + \
            self.spacing() * max(0, len(self._visible()) - 1)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() and i.widget().isHidden())]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            width = min(hint.width(), rect.width())
            if x + width > rect.right() + 1 and row_height > 0:
                x, y = rect.x(), y + row_height + self.spacing()
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self.spacing()
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


def reflow(row: QBoxLayout, parent: QLayout) -> FlowLayout:
    """Replace the row of widgets ``row`` (an item of the box or grid layout ``parent``) by a
    FlowLayout holding the same widgets in the same order; spacers are dropped."""
    index = next(i for i in range(parent.count()) if parent.itemAt(i).layout() is row)
    widgets = [row.itemAt(i).widget() for i in range(row.count()) if row.itemAt(i).widget()]
    flow = FlowLayout(spacing=row.spacing() if row.spacing() >= 0 else 6)
    for widget in widgets:
        row.removeWidget(widget)
        widget.setSizePolicy(QSizePolicy.Policy.Preferred, widget.sizePolicy().verticalPolicy())
        flow.addWidget(widget)
    name = row.objectName()
    if isinstance(parent, QGridLayout):
        position = parent.getItemPosition(index)
        parent.takeAt(index)
        parent.addLayout(flow, *position)
    else:
        parent.takeAt(index)
        parent.insertLayout(index, flow)
    row.setParent(None)
    row.deleteLater()
    flow.setObjectName(name)
    return flow


def narrow_combos(widget: QWidget, characters: int = 10) -> None:
    """Combo boxes inside ``widget`` (e.g. QGIS's authentication picker) that would ask for
    their longest entry's width ask for about ``characters`` instead."""
    from qgis.PyQt.QtWidgets import QComboBox

    for combo in widget.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(characters)
