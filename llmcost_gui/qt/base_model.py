"""Shared behaviour of the grid models: workbook subscription, editing through undo, cell display.

Every grid cell maps to one core cell ``(table, row, column)`` (or to nothing, for stage
header rows).  Editing goes through :func:`commands.push_edit`; refused input keeps the old
value, and its reason is shown as the cell's tooltip and sent to the status bar.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QUndoStack

from ..core import labels
from ..core.cells import InputError
from ..core.schema import CHOICE, REF, Column
from ..core.units import edit_text, format_value
from ..core.workbook import Change, SetCells, Workbook
from . import i18n
from .commands import push_edit

ColumnRole = Qt.ItemDataRole.UserRole + 1  # the core Column of a cell
ChoicesRole = Qt.ItemDataRole.UserRole + 2  # drop-down entries, or None
CellRole = Qt.ItemDataRole.UserRole + 3  # (table, row, column) or None

# Readable on light and dark palettes alike.
ERROR_COLOR = QColor(214, 48, 49)
HIGHLIGHT_COLOR = QColor(255, 184, 0)


def placeholder_color() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def stage_background() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.AlternateBase)


def italic_font() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def display_value(value, col: Column, currency: str = "USD") -> str:
    """A stored input value as the user reads it."""
    if value is None:
        return ""
    if isinstance(value, float) and col.numeric:
        if math.isnan(value):
            return ""
        text = format_value(value, col.unit, currency)
        return labels.localize_value(text, col.unit, i18n.current())
    return str(value)


def row_name(wb: Workbook, table: str, row: int) -> str:
    """The name of a row as people know it ('Llama 3 70B'), or 'row 3'."""
    t = wb.tables[table]
    name = t.get(row, t.schema.key) if 0 <= row < t.nrows else None
    return str(name) if name not in (None, "") else f"#{row + 1}"


class WorkbookModel(QAbstractTableModel):
    """Base of the grid models over a Workbook; subclasses map grid cells to core cells."""

    message = Signal(str)  # a refused edit's reason, for the status bar
    refusedAt = Signal(QModelIndex, str)  # the same, for a tooltip at the cell

    def __init__(self, workbook: Workbook, stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.stack = stack
        self.workbook = workbook
        self._unsubscribe = workbook.subscribe(self._on_change)
        # grid cell -> the refusal of its last edit (core.cells.InputError)
        self._refused: dict[tuple[int, int], InputError] = {}

    def refused_text(self, index: QModelIndex) -> str | None:
        """Why the last edit of this cell was refused, in words and the interface language."""
        refusal = self._refused.get((index.row(), index.column()))
        return refusal.text(i18n.current()) if refusal is not None else None

    # -- workbook
    def set_workbook(self, workbook: Workbook) -> None:
        self.beginResetModel()
        self._unsubscribe()
        self.workbook = workbook
        self._unsubscribe = workbook.subscribe(self._on_change)
        self._refused.clear()
        self._reset_state()
        self.endResetModel()

    def _reset_if_rows_moved(self, change: Change, table: str = "Scenarios") -> bool:
        """Reset the model when `table` gained or lost rows (True: nothing more to do)."""
        if table not in change.structure:
            return False
        self.beginResetModel()
        self._refused.clear()
        self._reset_state()
        self.endResetModel()
        return True

    def _rename_scenario_headers(self, change: Change) -> None:
        """Scenario names are column headers in the transposed models."""
        for table, row, col in change.inputs:
            if table == "Scenarios" and col == "name":
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, row, row)

    def _reset_state(self) -> None:
        """Rebuild cached layout after a reset (subclasses)."""

    def _on_change(self, change: Change) -> None:
        raise NotImplementedError

    def relabel(self) -> None:
        """The language changed: headers and words need repainting."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(0, self.rowCount() - 1))
        self._emit_all()

    def _emit_all(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    # -- mapping (subclasses)
    def cell_at(self, index: QModelIndex) -> tuple[str, int, str] | None:
        """The core cell behind a grid cell, or None."""
        raise NotImplementedError

    def column_at(self, index: QModelIndex) -> Column | None:
        cell = self.cell_at(index)
        if cell is None:
            return None
        table, row, col = cell
        return self.workbook.tables[table].cell_column(row, col)

    # -- shared roles
    def input_data(self, index: QModelIndex, role: int):
        """Roles every input cell answers the same way (None: not handled here)."""
        cell = self.cell_at(index)
        if cell is None:
            return None
        table, row, col = cell
        t = self.workbook.tables[table]
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(t.get(row, col))
        if role == CellRole:
            return cell
        if role == ColumnRole:
            return t.cell_column(row, col)
        if role == ChoicesRole:
            column = t.cell_column(row, col)
            if column.kind == REF:
                return self.workbook.tables[column.ref].names()
            if column.kind == CHOICE:
                return list(column.choices)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and (index.row(), index.column()) in self._refused:
            return self.refused_text(index)
        return None

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cell_at(index) is not None:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole:
            return False
        cell = self.cell_at(index)
        if cell is None:
            return False
        table, row, col = cell
        text = "" if value is None else value
        key = (index.row(), index.column())
        lang, name = i18n.current(), row_name(self.workbook, table, row)
        undo_text = self.tr("Edit %1").replace(
            "%1", f"{labels.column_label(col, lang)} ({name})")
        try:
            push_edit(self.stack, self.workbook, SetCells(table, ((row, col, text),)), undo_text)
        except InputError as exc:
            self._refused[key] = exc  # shown in the interface language when asked
            message = self.refused_text(index)
            self.message.emit(message)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.ToolTipRole])
            self.refusedAt.emit(index, message)
            return False
        if self._refused.pop(key, None) is not None:
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.ToolTipRole])
        return True

    def _emit_cells(self, cells, roles=()) -> None:
        """dataChanged for the (grid row, grid column) cells: one signal per run of adjacent
        cells in a grid row, so an edit repaints just the cells that changed, and a change to
        every scenario costs one signal per grid row, not one per cell."""
        for r, first, last in cell_runs(cells, self.rowCount(), self.columnCount()):
            self.dataChanged.emit(self.index(r, first), self.index(r, last), list(roles))


MANY_CELLS = 16  # a grid row with more changed cells than this is repainted as one span


def cell_runs(cells, nrows: int, ncols: int) -> list[tuple[int, int, int]]:
    """(row, first column, last column) of each run of adjacent (row, column) cells inside the
    grid; a row with more than MANY_CELLS cells gives one span from its first to its last cell
    (the view repaints no more than what is on screen of it)."""
    by_row: dict[int, list[int]] = {}
    for r, c in cells:
        if 0 <= r < nrows:
            by_row.setdefault(r, []).append(c)
    return row_spans({r: np.asarray(cols) for r, cols in by_row.items()}, ncols)


def row_spans(columns: dict[int, np.ndarray], ncols: int) -> list[tuple[int, int, int]]:
    """Like :func:`cell_runs`, from the changed columns of each grid row (arrays)."""
    spans = []
    for r in sorted(columns):
        cols = np.unique(columns[r])
        cols = cols[(cols >= 0) & (cols < ncols)]
        if len(cols) > MANY_CELLS:
            spans.append((r, int(cols[0]), int(cols[-1])))
        elif len(cols):
            breaks = np.flatnonzero(np.diff(cols) != 1)
            starts, ends = np.r_[0, breaks + 1], np.r_[breaks, len(cols) - 1]
            spans.extend((r, int(cols[a]), int(cols[b])) for a, b in zip(starts, ends))
    return spans
