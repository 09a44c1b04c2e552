"""Memory breakdown: a stacked bar per training stage of what one card holds, against its memory."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...core import labels
from ...core.memory_breakdown import PARTS, StageMemory, memory_breakdown
from .. import i18n
from .common import ChartBase, series_color

BAR_WIDTH = 0.6


class MemoryChart(ChartBase):
    """Weights, gradients, optimizer states, activations and reserve per card; a dashed line marks
    the card's memory.  Follows the selected scenario (the selected result does not matter)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.legend = self.add_legend(offset=(10, 10))
        self.stages: list[StageMemory] = []
        self.plot.setMouseEnabled(x=False, y=True)

    def recompute(self):
        if self._context is None:
            return
        snapshot, row, _ = self._context
        self.computer.submit(memory_breakdown, snapshot.results, row)

    def _failed(self, message: str):
        self.stages = []
        self.plot.clear()
        self.legend.clear()
        self.show_message(message)

    def _show(self, answer):
        stages, problems = answer
        self.stages = stages
        self.plot.clear()
        self.legend.clear()
        lang = i18n.current()
        if not stages:  # no bars: no stage ticks or axis words left from the last scenario
            self.plot.getAxis("bottom").setTicks(None)
            self.plot.setLabel("left", "")
            self.show_message(" ".join(labels.reason(p, lang) for p in problems)
                              or labels.memory_chart_text("nothing", lang))
            return
        x = list(range(len(stages)))
        bottom = [0.0] * len(stages)
        for i, part in enumerate(PARTS):
            heights = [s.parts[part] for s in stages]
            color = series_color(self, i)
            bars = pg.BarGraphItem(x=x, height=heights, y0=bottom, width=BAR_WIDTH,
                                   brush=pg.mkBrush(color), pen=pg.mkPen(self.foreground(), width=0.5))
            self.plot.addItem(bars)
            self.legend.addItem(bars, labels.memory_chart_text(part, lang))
            bottom = [b + h for b, h in zip(bottom, heights)]
        pen = pg.mkPen(self.foreground(), width=2, style=Qt.PenStyle.DashLine)
        for i, s in enumerate(stages):
            line = self.plot.plot([i - 0.45, i + 0.45], [s.card_gb, s.card_gb], pen=pen)
            if i == 0:
                self.legend.addItem(line, labels.memory_chart_text("card", lang))
        self.plot.getAxis("bottom").setTicks([[(i, labels.stage_title(s.stage, lang)) for i, s in enumerate(stages)]])
        self.plot.setLabel("left", labels.memory_chart_text("axis", lang))
        self.plot.setLabel("bottom", "")
        self.plot.setXRange(-0.7, len(stages) - 0.3, padding=0)
        self.plot.setYRange(0, max(max(bottom), *(s.card_gb for s in stages)) * 1.15, padding=0)
        self.show_message(" ".join([*(_summary(s, lang) for s in stages),
                                    *(labels.reason(p, lang) for p in problems)]))


def _summary(s: StageMemory, lang: str) -> str:
    fewest = f"{s.min_gpus:,.0f}" if s.min_gpus is not None else labels.memory_chart_text("never", lang)
    line = labels.memory_chart_text("stage_line", lang).format(
        stage=labels.stage_title(s.stage, lang), used=_gb(s.used_gb), card=_gb(s.card_gb),
        cards=f"{s.cards:,.0f}", fewest=fewest)
    return line if s.fits else f"{line} {labels.reason(s.reason, lang)}"


def _gb(v: float) -> str:
    return f"{v:,.0f}" if v >= 100 else f"{v:.3g}"
