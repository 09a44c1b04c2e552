"""The summary strip: the headline figures of the current scenario."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from ..core.report import format_result
from ..core.workbook import Workbook
from .base_model import ERROR_COLOR

SUMMARY_KEYS = ("capex_total", "daily_total", "monthly_total", "annual_total",
                "cost_per_million_tokens")


class _Tile(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel()
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.value = QLabel()
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 4, 10, 4)
        box.setSpacing(0)
        box.addWidget(self.caption)
        box.addWidget(self.value)


class SummaryStrip(QFrame):
    """Capex, per day, per month, per year and per 1M tokens of one scenario."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.scenario = QLabel()
        self.scenario.setWordWrap(True)
        self.scenario.setMinimumWidth(160)
        self.scenario.setMaximumWidth(260)
        self.tiles = {key: _Tile(self) for key in SUMMARY_KEYS}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scenario)
        for tile in self.tiles.values():
            row.addWidget(tile, 1)
        self._wb: Workbook | None = None
        self._row = -1
        self.retranslate()

    def retranslate(self) -> None:
        captions = {
            "capex_total": self.tr("Capex (purchase)"),
            "daily_total": self.tr("Per day"),
            "monthly_total": self.tr("Per month"),
            "annual_total": self.tr("Per year"),
            "cost_per_million_tokens": self.tr("Per 1M tokens"),
        }
        for key, tile in self.tiles.items():
            tile.caption.setText(captions[key])
        self.refresh()

    def show_scenario(self, wb: Workbook, row: int) -> None:
        self._wb, self._row = wb, row
        self.refresh()

    def text(self, key: str) -> str:
        return self.tiles[key].value.text()

    def refresh(self) -> None:
        wb, row = self._wb, self._row
        if wb is None or not 0 <= row < wb.tables["Scenarios"].nrows:
            self.scenario.setText(self.tr("No scenario"))
            for tile in self.tiles.values():
                tile.value.setText("—")
            return
        name = wb.tables["Scenarios"].get(row, "name") or ""
        self.scenario.setText(f"<b>{html.escape(name)}</b>")
        for key, tile in self.tiles.items():
            text = format_result(wb, row, key)
            reason = wb.results.error(row, key)
            failed = text == "#ERROR"
            tile.value.setText(text or "—")
            tile.value.setStyleSheet(f"color: {ERROR_COLOR.name()}" if failed else "")
            tile.setToolTip(reason if failed else "")
