"""Buy vs rent: cumulative cost of renting and of buying over months, break-even marked."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox

from ...core import analysis
from ...core.units import format_money
from .common import ChartBase, series_color


class BreakEvenChart(ChartBase):
    """Controls: the horizon in months."""

    def __init__(self, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(4, 4, 4, 0)
        self.months = QSpinBox()
        self.months.setRange(1, 240)
        self.months.setValue(48)
        self.horizon_caption = QLabel()
        row.addWidget(self.horizon_caption)
        row.addWidget(self.months)
        row.addStretch(1)
        self.legend = self.add_legend(offset=(10, 10))
        self.result: analysis.BuyVsRent | None = None
        self.months.valueChanged.connect(lambda _: self.recompute())
        self.retranslate()

    def retranslate(self):
        self.months.setSuffix(self.tr(" months"))
        self.horizon_caption.setText(self.tr("Horizon"))

    def recompute(self):
        if self._context is None:
            return
        snapshot, row, _ = self._context
        months = self.months.value()
        self.computer.submit(analysis.buy_vs_rent, snapshot, row, months)

    def _failed(self, message: str):
        self.result = None
        self.plot.clear()
        self.legend.clear()
        self.show_message(message)

    def _show(self, r: analysis.BuyVsRent):
        self.result = r
        self.plot.clear()
        self.legend.clear()
        self.plot.plot(r.months, r.rent, pen=pg.mkPen(series_color(self, 0), width=2.5), name=self.tr("rent"))
        self.plot.plot(r.months, r.buy, pen=pg.mkPen(series_color(self, 1), width=2.5), name=self.tr("buy"))
        self.plot.setLabel("bottom", self.tr("months"))
        self.plot.setLabel("left", self.tr("cumulative cost ({0})").format(r.currency))

        def money(v):
            return format_money(v, r.currency)

        text = self.tr("Rent {0} up front + {1}/day; buy {2} up front + {3}/day.").format(
            money(r.rent_upfront), money(r.rent_per_day), money(r.buy_upfront), money(r.buy_per_day))
        if r.break_even is not None and r.break_even <= r.months[-1]:
            fg = self.foreground()
            self.plot.addItem(pg.InfiniteLine(
                pos=r.break_even, angle=90, pen=pg.mkPen(fg, style=Qt.PenStyle.DashLine),
                label=self.tr("break-even: month {0}").format(r.break_even_month),
                labelOpts={"position": 0.9, "color": fg}))
            text += " " + self.tr("Buying pays off after {0:.1f} months.").format(r.break_even)
        elif r.break_even is not None:
            text += " " + self.tr("Buying pays off after {0:.0f} months, beyond this horizon.").format(
                r.break_even)
        else:
            text += " " + self.tr("Buying never pays off.")
        self.show_message(text)
