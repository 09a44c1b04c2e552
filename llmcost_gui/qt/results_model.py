"""The results grid: results as rows grouped by stage, scenarios as columns (read-only).

Cells show the value with its unit in the scenario's currency, "#ERROR" (with the reason on
hover) when an input is missing or invalid, and nothing when the stage is not used.  Cells
whose value just changed are highlighted for about a second, fading out.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor

from ..core import labels
from ..core.formulas import REGISTRY, RESULT_KEYS
from ..core.report import format_result
from ..core.schema import STAGES
from ..core.units import edit_text, with_unit
from ..core.workbook import Change, Workbook
from . import i18n
from .base_model import (
    ERROR_COLOR,
    HIGHLIGHT_COLOR,
    WorkbookModel,
    bold_font,
    row_spans,
    stage_background,
)
from .scenario_model import scenario_column_header

STAGE_ROW, RESULT_ROW = "stage", "result"
HIGHLIGHT_SECONDS = 1.0
KeyRole = Qt.ItemDataRole.UserRole + 10  # the result key of a row

_ROOT = QModelIndex()  # the invisible root: these models are flat tables


def result_rows(keys=RESULT_KEYS) -> list[tuple[str, str]]:
    """Stage headers followed by their results, in stage order."""
    rows = []
    for stage in STAGES:
        in_stage = [k for k in keys if REGISTRY[k].stage == stage]
        if in_stage:
            rows.append((STAGE_ROW, stage))
            rows.extend((RESULT_ROW, k) for k in in_stage)
    return rows


class ResultsModel(WorkbookModel):
    """Read-only model of the public results of every scenario."""

    def __init__(self, workbook: Workbook, stack, parent=None):
        super().__init__(workbook, stack, parent)
        self.rows = result_rows()
        self._row_of = {k: i for i, (kind, k) in enumerate(self.rows) if kind == RESULT_ROW}
        # each change still fading: (start, {grid row: changed columns}, repaint spans)
        self._waves: list[tuple[float, dict[int, np.ndarray], list]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._fade)

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else self.workbook.tables["Scenarios"].nrows

    def cell_at(self, index: QModelIndex):
        return None  # results are computed, never typed

    def key_at(self, index: QModelIndex) -> str | None:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        kind, key = self.rows[index.row()]
        return key if kind == RESULT_ROW else None

    def result_row(self, key: str) -> int | None:
        """The grid row of a public result (None for a working value)."""
        return self._row_of.get(key)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.column() >= self.columnCount():
            return None
        key = self.key_at(index)
        if key is None:
            return stage_background() if role == Qt.ItemDataRole.BackgroundRole else None
        scenario = index.column()
        res = self.workbook.results
        if role == Qt.ItemDataRole.DisplayRole:
            text = format_result(self.workbook, scenario, key)
            return labels.localize_value(text, REGISTRY[key].unit, i18n.current())
        if role == KeyRole:
            return key
        if role == Qt.ItemDataRole.EditRole:  # the exact number, for copying
            value = res.value(scenario, key)
            return "" if res.error(scenario, key) is not None else edit_text(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if res.is_blank(scenario, key):
                note = res.note(scenario, key)
                return labels.reason(note, i18n.current()) if note else self.tr("Not part of this scenario")
            reason = res.error(scenario, key)
            if reason is not None:
                return labels.reason(reason, i18n.current())
            return f"{labels.description(key, i18n.current())}\n= {edit_text(res.value(scenario, key))}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if not res.is_blank(scenario, key) and res.error(scenario, key) is not None:
                return ERROR_COLOR
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._flash_color(index.row(), scenario)
        if role == Qt.ItemDataRole.FontRole and key in ("daily_total", "annual_total"):
            return bold_font()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        lang = i18n.current()
        if orientation == Qt.Orientation.Horizontal:
            return scenario_column_header(self, section, role)
        if section >= len(self.rows):
            return None
        kind, key = self.rows[section]
        if role == Qt.ItemDataRole.FontRole and kind == STAGE_ROW:
            return bold_font()
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == STAGE_ROW:
                return labels.stage_title(key, lang)
            return with_unit(labels.result_label(key, lang), REGISTRY[key].unit, lang)
        if role == Qt.ItemDataRole.ToolTipRole and kind == RESULT_ROW:
            return f"{key}: {labels.description(key, lang)}"
        return None

    # -- change handling and the fading highlight
    def _on_change(self, change: Change) -> None:
        if self._reset_if_rows_moved(change):
            return
        self._rename_scenario_headers(change)
        grid = {self._row_of[key]: cols for key, cols in _rows_by_key(change.results).items()
                if key in self._row_of and len(cols)}
        spans = row_spans(grid, self.columnCount())
        for r, first, last in spans:
            self.dataChanged.emit(self.index(r, first), self.index(r, last))
        if spans and not change.structure:
            self._waves.append((time.monotonic(), grid, spans))
            if not self._timer.isActive():
                self._timer.start()

    def _reset_state(self) -> None:
        self._waves.clear()

    def _flash_start(self, row: int, col: int) -> float | None:
        for start, grid, _spans in reversed(self._waves):
            cols = grid.get(row)
            if cols is not None and col in cols:
                return start
        return None

    def _flash_color(self, row: int, col: int):
        start = self._flash_start(row, col)
        if start is None:
            return None
        left = 1.0 - (time.monotonic() - start) / HIGHLIGHT_SECONDS
        if left <= 0:
            return None
        color = QColor(HIGHLIGHT_COLOR)
        color.setAlpha(int(150 * left))
        return color

    def _fade(self) -> None:
        """Repaint the fading cells: the spans of each recent change."""
        now = time.monotonic()
        rows, cols = self.rowCount(), self.columnCount()
        for _start, _grid, spans in self._waves:
            for r, first, last in spans:
                if r < rows and first < cols:
                    self.dataChanged.emit(self.index(r, first), self.index(r, min(last, cols - 1)),
                                          [Qt.ItemDataRole.BackgroundRole])
        self._waves = [w for w in self._waves if now - w[0] <= HIGHLIGHT_SECONDS]
        if not self._waves:
            self._timer.stop()

    def is_highlighted(self, key: str, scenario: int) -> bool:
        start = self._flash_start(self._row_of.get(key), scenario)
        return start is not None and time.monotonic() - start <= HIGHLIGHT_SECONDS


def _rows_by_key(results) -> dict[str, np.ndarray]:
    """Changed rows per result key, from a core ChangedResults (or any (row, key) pairs)."""
    if hasattr(results, "rows"):
        return results.rows
    out: dict[str, list[int]] = {}
    for row, key in results:
        out.setdefault(key, []).append(row)
    return {key: np.asarray(rows) for key, rows in out.items()}
