"""The mapping table's "field in the source" cells: an editable combo of the fields the
source offers (learnt by "Testa anslutning"), so the user picks instead of guessing a name,
and can still type one the list lacks."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QStyledItemDelegate


class SourceFieldDelegate(QStyledItemDelegate):
    """Edits a cell with an editable QComboBox holding ``fields``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fields: list[str] = []

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setObjectName("sourceFieldCombo")
        combo.addItem("")  # no field: the default for the kind applies
        combo.addItems(self.fields)
        return combo

    def setEditorData(self, editor, index):
        editor.setEditText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText().strip(), Qt.ItemDataRole.EditRole)
