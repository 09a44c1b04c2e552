"""QAbstractTableModel over one input table (Models, Hardware, Prices, Assumptions)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from ..core import labels
from ..core.evaluate import row_currency
from ..core.schema import ASSUMPTION_KEYS
from ..core.units import format_value
from ..core.workbook import Change, Workbook
from . import i18n
from .base_model import WorkbookModel, display_value, italic_font, placeholder_color

# A change in one of these columns changes how other cells of the same row display.
_ROW_DEPENDENTS = {"price_currency", "currency", "key"}

_ROOT = QModelIndex()  # the invisible root: these models are flat tables


class TableModel(WorkbookModel):
    """Records as rows, the table's columns as columns."""

    def __init__(self, workbook: Workbook, table: str, stack, parent=None):
        self.table = table
        super().__init__(workbook, stack, parent)

    @property
    def data_table(self):
        return self.workbook.tables[self.table]

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else self.data_table.nrows

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.data_table.columns)

    def cell_at(self, index: QModelIndex):
        if not index.isValid() or index.row() >= self.rowCount() or index.column() >= self.columnCount():
            return None
        return (self.table, index.row(), self.data_table.columns[index.column()])

    def cell_beyond(self, grid_row: int, grid_col: int):
        """The core cell a paste reaches below the last row (a row to add), else None."""
        if grid_row < self.rowCount() or not 0 <= grid_col < self.columnCount():
            return None
        return (self.table, grid_row, self.data_table.columns[grid_col])

    def column_index(self, name: str) -> int:
        return self.data_table.columns.index(name)

    def _assumption_default(self, row: int):
        """(default, column) when an Assumptions value is blank and its key has a default."""
        t = self.data_table
        if self.table != "Assumptions" or t.get(row, "value") is not None:
            return None
        key = t.get(row, "key")
        if key not in self.workbook.results.assumptions:
            return None
        resolved = self.workbook.results.input(0, key)  # as evaluation resolved it
        return (resolved.value, ASSUMPTION_KEYS[key]) if resolved.default_used else None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        cell = self.cell_at(index)
        if cell is None:
            return None
        handled = self.input_data(index, role)
        if handled is not None:
            return handled
        _, row, col = cell
        t = self.data_table
        column = t.cell_column(row, col)
        default = self._assumption_default(row) if col == "value" else None
        if role == Qt.ItemDataRole.DisplayRole:
            if default is not None:
                return format_value(float(default[0]), default[1].unit)
            return display_value(t.get(row, col), column, row_currency(t, row))
        if role == Qt.ItemDataRole.ToolTipRole:
            if default is not None:
                return self.tr("Default used: %1").replace("%1", str(default[0]))
            lang = i18n.current()
            if self.table == "Assumptions" and col == "key":
                known = ASSUMPTION_KEYS.get(str(t.get(row, col)))
                if known is not None:
                    return f"{labels.label(known.name, lang)}: {labels.description(known.name, lang)}"
            return labels.description(col, lang, self.table) or None
        if default is not None and role == Qt.ItemDataRole.ForegroundRole:
            return placeholder_color()
        if default is not None and role == Qt.ItemDataRole.FontRole:
            return italic_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if section >= self.columnCount():
            return None
        name = self.data_table.columns[section]
        column = self.data_table.column(name)
        if role == Qt.ItemDataRole.DisplayRole:
            return labels.header(name, column.unit, i18n.current())
        if role == Qt.ItemDataRole.ToolTipRole:
            text = labels.description(name, i18n.current(), self.table) or labels.text(column.help, i18n.current())
            return f"{name}: {text}" if text else name
        return None

    def _on_change(self, change: Change) -> None:
        if self.table in change.structure:
            self.beginResetModel()
            self._refused.clear()
            self.endResetModel()
            return
        cells = []
        for table, row, col in change.inputs:
            if table != self.table or col not in self.data_table.columns:
                continue
            if col in _ROW_DEPENDENTS:
                cells.extend((row, c) for c in range(self.columnCount()))
            else:
                cells.append((row, self.column_index(col)))
        self._emit_cells(cells)
