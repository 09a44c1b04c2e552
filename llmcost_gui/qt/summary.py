"""The summary strip: the headline figures of the current scenario."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from ..core import labels
from ..core.formulas import REGISTRY, SUMMARY_KEYS
from ..core.report import format_result
from ..core.units import format_value
from ..core.workbook import Workbook
from . import i18n
from .background import Computer
from .base_model import ERROR_COLOR

BAND_SAMPLES = 2_000  # Monte Carlo samples per scenario for the P10–P90 bands
BAND_DELAY_MS = 250  # edits within this time share one computation


def compute_bands(snapshot) -> dict:
    """P10–P90 of the summary results for every scenario (runs off the GUI thread)."""
    from ..core.uncertainty import uncertainty_bands

    return uncertainty_bands(snapshot, samples=BAND_SAMPLES, keys=SUMMARY_KEYS)


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
        box.addWidget(self.caption)
        box.addWidget(self.value)
        box.addWidget(self.band)


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
        self._bands: dict = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._computer = Computer(self._pool, self)
        self._computer.finished.connect(self._bands_ready)
        self._computer.error.connect(lambda _msg: self._bands_ready({}))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BAND_DELAY_MS)
        self._timer.timeout.connect(self._compute_bands)
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
        if wb is not self._wb:
            self._bands = {}
            self._timer.start()
        self._wb, self._row = wb, row
        self.refresh()

    def workbook_changed(self) -> None:
        """The document changed: refresh now, recompute the uncertainty bands soon."""
        self._timer.start()
        self.refresh()

    @property
    def busy(self) -> bool:
        return self._timer.isActive() or self._computer.busy

    def _compute_bands(self) -> None:
        if self._wb is None or self._wb.tables["Scenarios"].nrows == 0:
            return
        from ..core.variants import Snapshot

        snapshot = Snapshot(self._wb)
        self._computer.submit(lambda: compute_bands(snapshot))

    def _bands_ready(self, bands: dict) -> None:
        self._bands = bands
        self.refresh()

    def band_text(self, key: str) -> str:
        """'P10–P90 $350K – $520K' for the current scenario, or '' when not (yet) known."""
        lo_hi = self._bands.get(key)
        if lo_hi is None or not 0 <= self._row < len(lo_hi[0]):
            return ""
        lo, hi = float(lo_hi[0][self._row]), float(lo_hi[1][self._row])
        if lo != lo or hi != hi or (lo == 0 and hi == 0):
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
        for key, tile in self.tiles.items():
            text = labels.localize_value(format_result(wb, row, key), REGISTRY[key].unit, i18n.current())
            reason = wb.results.error(row, key)
            failed = text == "#ERROR"
            tile.value.setText(text or "—")
            tile.band.setText("" if failed else self.band_text(key))
            tile.band.setToolTip(self.tr("Monte Carlo over the uncertain inputs (Charts → Uncertainty)"))
            tile.value.setStyleSheet(f"color: {ERROR_COLOR.name()}" if failed else "")
            tile.setToolTip(reason if failed else "")
