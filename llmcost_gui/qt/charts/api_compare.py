"""Self-host or API: cost per day against daily users, a step per replica against API lines."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...core import api_compare, labels
from ...core.units import format_money, si
from .. import i18n
from .common import ChartBase, series_color


class ApiCompareChart(ChartBase):
    """Self-hosting (whole replicas) and the API offers for the scenario's model."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.controls.hide()
        self.legend = self.add_legend(offset=(10, 10))
        self.result: api_compare.ApiComparison | None = None

    def recompute(self):
        if self._context is None:
            return
        snapshot, row, _ = self._context
        self.computer.submit(api_compare.compare, snapshot, row)

    def _failed(self, message: str):
        self.result = None
        self.plot.clear()
        self.legend.clear()
        self.show_message(message)

    def _show(self, r: api_compare.ApiComparison):
        self.result = r
        self.plot.clear()
        self.legend.clear()
        self.plot.plot(r.users, r.self_host, pen=pg.mkPen(series_color(self, 0), width=2.5),
                       name=self.tr("self-hosting"))
        for i, (name, cost) in enumerate(r.offers, start=1):
            style = Qt.PenStyle.SolidLine if name == r.chosen else Qt.PenStyle.DashLine
            pen = pg.mkPen(series_color(self, i), width=2.5 if name == r.chosen else 1.5, style=style)
            self.plot.plot(r.users, cost, pen=pen, name=name)
        self.plot.setLabel("bottom", self.tr("daily users"))
        self.plot.setLabel("left", self.tr("cost per day ({0})").format(r.currency))
        fg = self.foreground()
        self._mark(r.scenario_users, self.tr("this scenario: {0}").format(si(r.scenario_users, 3)), fg, 0.95)
        if r.breakeven is not None:
            self._mark(r.breakeven, self.tr("break-even: {0}").format(si(r.breakeven, 3)), fg, 0.8)
        self.show_message(self._summary(r))

    def _mark(self, x: float, text: str, color, position: float):
        self.plot.addItem(pg.InfiniteLine(pos=x, angle=90, pen=pg.mkPen(color, style=Qt.PenStyle.DotLine),
                                          label=text, labelOpts={"position": position, "color": color}))

    def _summary(self, r: api_compare.ApiComparison) -> str:
        if r.chosen is None:
            return self.tr("Choose an API offer (api_offer) in the scenario to see the break-even.")
        text = ""
        if r.replica_cost is not None and r.replica_users is not None:
            text = self.tr("One replica costs {0}/day and serves up to {1} daily users at peak.").format(
                format_money(r.replica_cost, r.currency), si(r.replica_users, 3))
        if r.breakeven is not None:
            tail = self.tr("From {0} daily users on, self-hosting costs no more than {1}.").format(
                si(r.breakeven, 3), r.chosen)
        elif r.note:
            note = labels.reason(r.note, i18n.current())
            tail = note[:1].upper() + note[1:] + ("。" if i18n.current() == "zh_CN" else ".")
        else:
            tail = ""
        return ("" if i18n.current() == "zh_CN" else " ").join(t for t in (text, tail) if t)
