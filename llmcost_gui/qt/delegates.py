"""Cell editors: drop-downs for references and choices, unit-aware text for numbers."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate

from ..core.units import UNIT_HINT
from .base_model import ChoicesRole, ColumnRole


class CellDelegate(QStyledItemDelegate):
    """Chooses the editor from the cell's column: a combo box or a line edit."""

    def createEditor(self, parent, option, index: QModelIndex):
        choices = index.data(ChoicesRole)
        if choices is not None:
            combo = QComboBox(parent)
            combo.addItem("")  # blank: clear the cell (or use the default)
            combo.addItems(list(choices))
            combo.setEditable(False)
            combo.setFrame(False)
            return combo
        editor = QLineEdit(parent)
        editor.setFrame(False)
        column = index.data(ColumnRole)
        if column is not None and column.numeric:
            hint = UNIT_HINT.get(column.unit)
            if hint:
                editor.setPlaceholderText(self.tr("e.g. %1").replace("%1", hint))
        return editor

    def setEditorData(self, editor, index: QModelIndex):
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            found = editor.findText(text)
            if found < 0:  # a value no longer in the list (e.g. a deleted card): keep it visible
                editor.addItem(text)
                found = editor.count() - 1
            editor.setCurrentIndex(found)
        else:
            editor.setText(text)

    def setModelData(self, editor, model, index: QModelIndex):
        text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
        if text == (index.data(Qt.ItemDataRole.EditRole) or ""):
            return  # unchanged: no undo step
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index):
        editor.setGeometry(option.rect)
