"""Tornado: each numeric input moved down and up by the swing, bars sorted by their impact."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox

from ...core import analysis, labels
from ...core.formulas import REGISTRY
from ...core.report import scenario_currency
from .. import i18n
from .common import ChartBase, input_label, result_axis_label, series_color, value_text


class TornadoChart(ChartBase):
    """Horizontal bars from the point estimate to the result with each input lowered / raised."""

    def __init__(self, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(4, 4, 4, 0)
        self.swing = QDoubleSpinBox()
        self.swing.setRange(1, 90)
        self.swing.setSingleStep(5)
        self.swing.setDecimals(0)
        self.swing.setSuffix(" %")
        self.swing.setValue(20)
        self.top = QSpinBox()
        self.top.setRange(3, 100)
        self.top.setValue(15)
        self.swing_caption, self.bars_caption = QLabel(), QLabel()
        row.addWidget(self.swing_caption)
        row.addWidget(self.swing)
        row.addWidget(self.bars_caption)
        row.addWidget(self.top)
        row.addStretch(1)
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.legend = self.add_legend(offset=(-10, -10))
        self.bars: list[analysis.Bar] = []
        self.base: float | None = None
        self.swing.valueChanged.connect(lambda _: self.recompute())
        self.top.valueChanged.connect(lambda _: self._redraw())
        self.retranslate()

    def retranslate(self):
        self.swing_caption.setText(self.tr("Swing ±"))
        self.bars_caption.setText(self.tr("Bars"))

    def recompute(self):
        if self._context is None:
            return
        snapshot, row, key = self._context
        swing = self.swing.value() / 100
        self.computer.submit(analysis.tornado, snapshot, row, key, swing)

    def _show(self, answer):
        self.base, self.bars = answer
        self._redraw()

    def _redraw(self):
        self.plot.clear()
        self.legend.clear()
        if self._context is None or self.base is None:
            return
        snapshot, row, key = self._context
        bars = self.bars[: self.top.value()]
        if not bars:
            self.show_message(self.tr("No input moves {0} in this scenario.").format(
                labels.result_label(key, i18n.current())))
            return
        n = len(bars)
        ys = [n - 1 - i for i in range(n)]  # the biggest impact on top
        down, up = series_color(self, 0), series_color(self, 1)
        for values, color, shift, label in (
                ([b.low for b in bars], down, 0.2, self.tr("input lowered")),
                ([b.high for b in bars], up, -0.2, self.tr("input raised"))):
            item = pg.BarGraphItem(x0=[min(self.base, v) for v in values], y=[y + shift for y in ys],
                                   height=0.38, width=[abs(v - self.base) for v in values],
                                   brush=color, pen=pg.mkPen(color))
            self.plot.addItem(item)
            self.legend.addItem(item, label)
        self.plot.addItem(pg.InfiniteLine(pos=self.base, angle=90,
                                          pen=pg.mkPen(self.foreground(), style=Qt.PenStyle.DashLine)))
        pct = f"±{self.swing.value():g}%"
        self.plot.getAxis("left").setTicks([[(y, f"{input_label(b.input)} {pct}") for y, b in zip(ys, bars)]])
        self.plot.setLabel("bottom", result_axis_label(key, scenario_currency(self._context[0], self._context[1])))
        currency = scenario_currency(snapshot, row)
        base_text = value_text(self.base, REGISTRY[key].unit, currency)
        self.show_message(self.tr("{0} = {1}; {2} inputs move it (showing {3}).").format(
            labels.result_label(key, i18n.current()), base_text, len(self.bars), n))
        self.plot.getViewBox().autoRange()
