"""Layout and efficiency: for each training stage of the selected scenario, the parallel layout
used, where the MFU goes (kernel efficiency, pipeline bubble, exposed communication, MFU used)
and the layout in words a budget owner reads.

The numbers are the registry's results (core.layout_breakdown reads them in the computing
process, like every chart); this tab only draws them.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout

from ...core import labels
from ...core.layout_breakdown import BARS, StageLayout, describe, layout_breakdown, words
from ...core.units import format_value
from .. import i18n
from .common import ChartBase, series_color

BAR_WIDTH = 0.7
GAP = 1.0  # between the bar groups of two stages


class LayoutChart(ChartBase):
    """A waterfall per training stage: kernel efficiency, what the bubble and the exposed
    communication take off it, and the MFU the stage uses; above it the layout, below it the
    layout in words.  Follows the selected scenario (the selected result does not matter)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stages: list[StageLayout] = []
        self.bars: list[tuple[str, str, float, float]] = []  # (stage, bar, bottom, height) as drawn
        self.items: list[pg.BarGraphItem] = []
        self.layout_label = QLabel()
        self.layout_label.setWordWrap(True)
        font = self.layout_label.font()
        font.setBold(True)
        self.layout_label.setFont(font)
        box = QVBoxLayout(self.controls)
        box.setContentsMargins(4, 2, 4, 2)
        box.addWidget(self.layout_label)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getAxis("left").unit = "fraction"

    def recompute(self):
        if self._context is None:
            return
        snapshot, row, _ = self._context
        self.computer.submit(layout_breakdown, snapshot.results, row)

    def _clear(self):
        self.plot.clear()
        self.items, self.bars = [], []
        self.plot.getAxis("bottom").setTicks(None)
        self.plot.setLabel("left", "")

    def _failed(self, message: str):
        self.stages = []
        self._clear()
        self.layout_label.setText("")
        self.show_message(message)

    def _show(self, answer):
        stages, problems = answer
        self.stages = stages
        self._clear()
        lang = i18n.current()
        reasons = [labels.reason(p, lang) for p in problems]
        if not stages:
            self.layout_label.setText("")
            self.show_message(" ".join(reasons) or words("missing" if self._has_training() else "nothing", lang))
            return
        self.layout_label.setText("\n".join(self._layout_line(s, lang) for s in stages))
        ticks, top, x0 = [], 0.0, 0.0
        for s in stages:
            drawn = s.bars()
            for bar, bottom, height in drawn:
                x = x0 + BARS.index(bar)
                item = pg.BarGraphItem(x=[x], height=[height], y0=[bottom], width=BAR_WIDTH,
                                       brush=pg.mkBrush(series_color(self, BARS.index(bar))),
                                       pen=pg.mkPen(self.foreground(), width=0.5))
                self.plot.addItem(item)
                self.items.append(item)
                self.bars.append((s.stage, bar, bottom, height))
                label = pg.TextItem(format_value(height, "fraction", "", lang), color=self.foreground(),
                                    anchor=(0.5, 1.0))
                label.setPos(x, bottom + height)
                self.plot.addItem(label)
                top = max(top, bottom + height)
            title = labels.stage_title(s.stage, lang)
            for bar in BARS:
                name = words(bar, lang)
                ticks.append((x0 + BARS.index(bar), f"{name}\n{title}" if len(stages) > 1 else name))
            x0 += len(BARS) + GAP
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.setLabel("left", words("axis", lang))
        self.plot.setLabel("bottom", "")
        self.plot.setXRange(-0.6, x0 - GAP - 0.4, padding=0)
        self.plot.setYRange(0, max(top, 0.05) * 1.2, padding=0)
        sentences = [describe(s, lang) for s in stages]
        if len(stages) > 1:
            sep = "：" if lang.startswith("zh") else ": "
            sentences = [labels.stage_title(s.stage, lang) + sep + t for s, t in zip(stages, sentences)]
        self.show_message("\n\n".join([*sentences, *reasons]))

    def _layout_line(self, s: StageLayout, lang: str) -> str:
        stage = labels.stage_title(s.stage, lang)
        cards = f"{s.cards:,.0f}" if s.cards is not None else "—"
        if s.layout:
            return words("layout_line", lang).format(stage=stage, layout=s.layout, cards=cards)
        return words("no_layout", lang).format(stage=stage, cards=cards)

    def _has_training(self) -> bool:
        if self._context is None:
            return False
        snapshot, row, _ = self._context
        active = snapshot.results.active
        return any(bool(active[p][row]) for p in ("train", "ft") if p in active)
