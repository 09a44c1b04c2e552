"""The grid widget: a QTableView with spreadsheet keys (copy, paste, delete, Enter moves down)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from . import editing
from .delegates import CellDelegate


class SheetView(QTableView):
    """A grid over one of our models."""

    def __init__(self, parent=None, editable: bool = True, row_header_width: int = 0):
        super().__init__(parent)
        self.setItemDelegate(CellDelegate(self))
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        triggers = (QAbstractItemView.EditTrigger.DoubleClicked
                    | QAbstractItemView.EditTrigger.EditKeyPressed
                    | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setEditTriggers(triggers if editable else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(True)
        h = self.horizontalHeader()
        h.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setHighlightSections(True)
        v = self.verticalHeader()
        v.setHighlightSections(False)
        v.setDefaultSectionSize(max(22, self.fontMetrics().height() + 8))
        v.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        if row_header_width:
            v.setMinimumWidth(row_header_width)

    def keyPressEvent(self, event):
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Copy):
                editing.copy(self)
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                editing.paste(self)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
                editing.clear(self)
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                current = self.currentIndex()
                if current.isValid() and self.model().flags(current) & Qt.ItemFlag.ItemIsEditable:
                    self.edit(current)
                    return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint):
        # Enter commits and moves down, as in a spreadsheet.
        if hint == self.itemDelegate().EndEditHint.SubmitModelCache:
            super().closeEditor(editor, self.itemDelegate().EndEditHint.NoHint)
            below = self.model().index(self.currentIndex().row() + 1, self.currentIndex().column())
            if below.isValid():
                self.setCurrentIndex(below)
            return
        super().closeEditor(editor, hint)

    def fit_columns(self, minimum: int = 90, maximum: int = 260, sample: int = 30) -> None:
        """Size columns to the header and the first rows' text, within bounds.

        Measured with font metrics instead of resizeColumnsToContents, which asks every cell for
        its size hint and costs a tenth of a second at start-up."""
        model, metrics = self.model(), self.fontMetrics()
        header = self.horizontalHeader()
        head_metrics = header.fontMetrics()
        rows = min(model.rowCount(), sample)
        for c in range(model.columnCount()):
            title = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            width = max((head_metrics.horizontalAdvance(line) for line in title.splitlines()), default=0)
            for r in range(rows):
                text = model.data(model.index(r, c))
                if text:
                    width = max(width, metrics.horizontalAdvance(str(text)))
            header.resizeSection(c, max(minimum, min(maximum, width + 16)))
