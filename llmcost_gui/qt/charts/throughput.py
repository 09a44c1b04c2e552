"""Throughput against latency: tokens/s per GPU against tokens/s per user as the batch grows.

One curve per serving scenario (the selected one drawn thicker), each scenario's operating point
marked, its per-token target drawn as a vertical line and the batches that miss its first-token
target crossed out: the picture serving engineers choose a batch on.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...core import labels, serving_curves
from .. import i18n
from .common import ChartBase, series_color

MAX_CURVES = 6


def _rows(snapshot, row: int) -> list[int]:
    """The selected scenario first, then other serving scenarios, at most MAX_CURVES."""
    others = [r for r in serving_curves.serving_rows(snapshot) if r != row]
    return [row, *others][:MAX_CURVES]


class ThroughputChart(ChartBase):
    """No controls: it follows the selected scenario."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.legend = self.add_legend(offset=(-10, 10))
        self.curves: list[serving_curves.Curve] = []

    def recompute(self):
        if self._context is None:
            return
        snapshot, row, _ = self._context
        self.computer.submit(serving_curves.throughput_curves, snapshot, _rows(snapshot, row))

    def _failed(self, message: str):
        self.curves = []
        self.plot.clear()
        self.legend.clear()
        self.show_message(message)

    def _show(self, curves):
        self.curves = curves
        self.plot.clear()
        self.legend.clear()
        self.plot.setLabel("bottom", self.tr("output tokens/s per user (1 ÷ time per output token)"))
        self.plot.setLabel("left", self.tr("output tokens/s per GPU"))
        if not curves:
            self.show_message(self.tr("This scenario does not serve: give it daily users to see "
                                      "its throughput against latency."))
            return
        selected = self._context[1] if self._context else None
        for i, c in enumerate(curves):
            self._draw(c, series_color(self, i), c.row == selected)
        self.show_message(self._summary(curves[0]))
        self.plot.getViewBox().autoRange()

    def _draw(self, c: serving_curves.Curve, color, selected: bool):
        width = 3 if selected else 1.5
        self.plot.plot(c.per_user, c.per_gpu, pen=pg.mkPen(color, width=width), name=c.name)
        missed = ~c.meets_ttft
        if missed.any():
            self.plot.plot(c.per_user[missed], c.per_gpu[missed], pen=None, symbol="x", symbolSize=8,
                           symbolPen=pg.mkPen(color), symbolBrush=None)
        if c.point is not None:
            self.plot.plot([c.point[0]], [c.point[1]], pen=None, symbol="o", symbolSize=12 if selected else 8,
                           symbolBrush=pg.mkBrush(color), symbolPen=pg.mkPen(self.foreground()))
        if c.tpot_target_s and selected:
            self.plot.addItem(pg.InfiniteLine(
                pos=1 / c.tpot_target_s, angle=90, pen=pg.mkPen(color, style=Qt.PenStyle.DashLine),
                label=self.tr("target {0:.0f} tok/s per user").format(1 / c.tpot_target_s),
                labelOpts={"position": 0.92, "color": self.foreground()}))

    def _summary(self, c: serving_curves.Curve) -> str:
        if c.point is None:
            return self.tr("{0}: no operating point ({1}).").format(c.name, labels.reason(c.error, i18n.current()))
        text = self.tr("{0}: batch {1:.0f} gives {2:.1f} tokens/s per user and {3:,.0f} tokens/s per GPU.").format(
            c.name, c.point_batch, c.point[0], c.point[1])
        if len(c.batch) and np.any(~c.meets_ttft):
            text += " " + self.tr("Crossed points miss the first-token target ({0:g} s).").format(c.ttft_target_s)
        if len(c.batch) and c.batch[-1] < serving_curves.BATCHES[-1]:
            text += " " + self.tr("The curve ends where the KV cache fills memory (batch {0:.0f}).").format(
                c.batch[-1])
        return text
