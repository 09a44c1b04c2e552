"""The summary strip: the headline figures of the current scenario."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from ..core import labels
from ..core.formulas import REGISTRY
from ..core.report import format_result
from ..core.units import format_value
from ..core.workbook import Workbook
from . import i18n
from .bands import BandsProvider
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
        self.band = QLabel()
        self.band.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # the same height with or without a band: no relayout (and chart repaint) when it comes
        self.band.setMinimumHeight(self.band.fontMetrics().height())
        box.addWidget(self.caption)
        box.addWidget(self.value)
        box.addWidget(self.band)


class SummaryStrip(QFrame):
    """Capex, per day, per month, per year and per 1M tokens of one scenario."""

    def __init__(self, parent=None, bands: BandsProvider | None = None):
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
        self.bands = bands if bands is not None else BandsProvider(self, SUMMARY_KEYS)
        self.bands.ready.connect(self._bands_ready)
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
        self.bands.set_workbook(wb)
        self._wb, self._row = wb, row
        self.refresh()

    def workbook_changed(self) -> None:
        """The document changed: refresh now (the bands follow when they are ready)."""
        self.refresh()

    @property
    def busy(self) -> bool:
        return self.bands.busy

    def _bands_ready(self, row: int) -> None:
        if row == self._row:
            self.refresh()

    def band_text(self, key: str, bands: dict | None = None) -> str:
        """'P10–P90 $350K – $520K' for the current scenario, or '' when not (yet) known."""
        bands = self.bands.bands_for(self._row) if bands is None else bands
        band = (bands or {}).get(key)
        if band is None:
            return ""
        lo, hi = band.p10, band.p90
        if lo == 0 and hi == 0:
            return ""
        from ..core.report import scenario_currency

        unit, cur = REGISTRY[key].unit, scenario_currency(self._wb, self._row)
        lang = i18n.current()
        lo_t, hi_t = (labels.localize_value(format_value(v, unit, cur), unit, lang) for v in (lo, hi))
        return f"P10–P90  {lo_t} – {hi_t}"

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
        bands = self.bands.bands_for(row) or {}
        for key, tile in self.tiles.items():
            text = labels.localize_value(format_result(wb, row, key), REGISTRY[key].unit, i18n.current())
            reason = wb.results.error(row, key)
            failed = text == "#ERROR"
            tile.value.setText(text or "—")
            tile.band.setText("" if failed else self.band_text(key, bands))
            tile.band.setToolTip(self.tr("Monte Carlo over the uncertain inputs (Charts → Uncertainty)"))
            tile.value.setStyleSheet(f"color: {ERROR_COLOR.name()}" if failed else "")
            tile.setToolTip(reason if failed else "")
