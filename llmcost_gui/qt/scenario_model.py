"""The scenario editor: parameters as rows (grouped by stage), scenarios as columns.

This is the Scenarios table transposed, the way budget spreadsheets are read.  A blank cell
whose default is used shows the default, greyed and in italics.
"""

from __future__ import annotations

import functools
import textwrap

import numpy as np
from PySide6.QtCore import QModelIndex, Qt

from ..core import labels
from ..core.schema import SCENARIOS, STAGES, scenario_columns_by_stage
from ..core.workbook import Change, Workbook
from . import i18n
from .base_model import (
    WorkbookModel,
    bold_font,
    display_value,
    italic_font,
    placeholder_color,
    stage_background,
)

STAGE_ROW, PARAM_ROW = "stage", "param"

_ROOT = QModelIndex()  # the invisible root: these models are flat tables


@functools.lru_cache(maxsize=4096)
def scenario_header(name: str | None, width: int = 22) -> str:
    """A scenario's column header, wrapped onto at most three lines (kept: views ask for every
    visible header at each repaint)."""
    lines = textwrap.wrap(name or "", width) or [""]
    if len(lines) > 3:
        lines = [*lines[:2], textwrap.shorten(" ".join(lines[2:]), width, placeholder="…")]
    return "\n".join(lines)


def scenario_column_header(model, section: int, role: int):
    """Header of a scenario column (models with parameters or results as rows, scenarios as columns)."""
    if section >= model.columnCount():
        return None
    name = model.workbook.tables["Scenarios"].get(section, "name")
    if role == Qt.ItemDataRole.DisplayRole:
        return scenario_header(name)
    if role == Qt.ItemDataRole.ToolTipRole:
        return name
    return None


class ScenarioModel(WorkbookModel):
    """Transposed view of the Scenarios table."""

    def __init__(self, workbook: Workbook, stack, parent=None):
        super().__init__(workbook, stack, parent)
        self._reset_state()

    def _reset_state(self) -> None:
        t = self.workbook.tables["Scenarios"]
        self.rows: list[tuple[str, str]] = []
        groups = scenario_columns_by_stage()
        for stage in STAGES:
            self.rows.append((STAGE_ROW, stage))
            self.rows.extend((PARAM_ROW, c.name) for c in groups[stage])
        extras = [c for c in t.columns if c not in SCENARIOS.by_name]
        if extras:
            self.rows.append((STAGE_ROW, "extra"))
            self.rows.extend((PARAM_ROW, c) for c in extras)
        self._param_row = {name: i for i, (kind, name) in enumerate(self.rows) if kind == PARAM_ROW}
        self._defaults = {k: v.copy() for k, v in self.workbook.results.defaults.items()}

    @property
    def scenarios(self):
        return self.workbook.tables["Scenarios"]

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else self.scenarios.nrows

    def param_row(self, column: str) -> int:
        """Grid row of a scenario column."""
        return self._param_row[column]

    def cell_at(self, index: QModelIndex):
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= self.columnCount():
            return None
        kind, name = self.rows[index.row()]
        return None if kind == STAGE_ROW else ("Scenarios", index.column(), name)

    def cell_beyond(self, grid_row: int, grid_col: int):
        """The core cell a paste reaches right of the last scenario (one to add), else None."""
        if grid_col < self.columnCount() or not 0 <= grid_row < len(self.rows):
            return None
        kind, name = self.rows[grid_row]
        return None if kind == STAGE_ROW else ("Scenarios", grid_col, name)

    def _default_used(self, col: str, scenario: int) -> bool:
        mask = self.workbook.results.defaults.get(col)
        return mask is not None and scenario < len(mask) and bool(mask[scenario])

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        kind, name = self.rows[index.row()]
        if kind == STAGE_ROW:
            if role == Qt.ItemDataRole.BackgroundRole:
                return stage_background()
            return None
        handled = self.input_data(index, role)
        if handled is not None:
            return handled
        scenario = index.column()
        column = self.scenarios.column(name)
        value = self.scenarios.get(scenario, name)
        default = value is None and self._default_used(name, scenario)
        if role == Qt.ItemDataRole.DisplayRole:
            if default:  # the default, as evaluation resolved it
                d = self.workbook.resolved(scenario, name).value
                return display_value(d, column) if column.numeric else str(d)
            return display_value(value, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            head = labels.description(name, i18n.current(), "Scenarios") or name
            if default:
                d = self.workbook.resolved(scenario, name).value
                shown = display_value(d, column) if column.numeric else str(d)
                return head + "\n" + self.tr("Default used: %1").replace("%1", shown)
            return head
        if default and role == Qt.ItemDataRole.ForegroundRole:
            return placeholder_color()
        if default and role == Qt.ItemDataRole.FontRole:
            return italic_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        lang = i18n.current()
        if orientation == Qt.Orientation.Horizontal:
            return scenario_column_header(self, section, role)
        if section >= len(self.rows):
            return None
        kind, name = self.rows[section]
        if kind == STAGE_ROW:
            if role == Qt.ItemDataRole.DisplayRole:
                return labels.stage_title(name, lang)
            if role == Qt.ItemDataRole.FontRole:
                return bold_font()
            return None
        column = self.scenarios.column(name)
        if role == Qt.ItemDataRole.DisplayRole:
            return labels.header(name, column.unit, lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = labels.description(name, lang, "Scenarios") or labels.text(column.help, lang)
            return f"{name}: {text}" if text else name
        return None

    def _on_change(self, change: Change) -> None:
        if self._reset_if_rows_moved(change):
            return
        self._rename_scenario_headers(change)
        cells = []
        for table, row, col in change.inputs:
            if table == "Scenarios" and col in self._param_row:
                cells.append((self._param_row[col], row))
        # Stages switched on or off change which blank cells show their default.
        new = self.workbook.results.defaults
        for col, mask in new.items():
            old = self._defaults.get(col)
            if col not in self._param_row or old is None or len(old) != len(mask):
                continue
            for scenario in np.flatnonzero(old != mask):
                cells.append((self._param_row[col], int(scenario)))
        self._defaults = {k: v.copy() for k, v in new.items()}
        self._emit_cells(cells)
