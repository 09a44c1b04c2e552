"""Uncertainty: Monte Carlo histogram of a result with P10/P50/P90, over editable input ranges."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...core import uncertainty
from ...core.formulas import REGISTRY
from ...core.report import scenario_currency
from ...core.units import format_value
from .common import ChartBase, input_label, result_axis_label, series_color

_COLS = ("input", "low", "high", "relative")


class UncertaintyChart(ChartBase):
    """Samples, seed and a table of ranges (low, high, relative ×) edited in place."""

    settingsChanged = Signal()  # samples, seed or ranges edited (the summary strip follows them)

    def __init__(self, pool, parent=None):
        super().__init__(pool, parent)
        box = QVBoxLayout(self.controls)
        box.setContentsMargins(4, 4, 4, 0)
        row = QHBoxLayout()
        self.samples = QSpinBox()
        self.samples.setRange(1_000, 1_000_000)
        self.samples.setSingleStep(10_000)
        self.samples.setValue(uncertainty.DEFAULT_SAMPLES)
        self.samples.setGroupSeparatorShown(True)
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        self.seed.setValue(uncertainty.DEFAULT_SEED)
        self.reset = QPushButton(self.tr("Default ranges"))
        row.addWidget(QLabel(self.tr("Samples")))
        row.addWidget(self.samples)
        row.addWidget(QLabel(self.tr("Seed")))
        row.addWidget(self.seed)
        row.addStretch(1)
        row.addWidget(self.reset)
        box.addLayout(row)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Uncertain input"), self.tr("Low"), self.tr("High"),
                                              self.tr("× own value")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMaximumHeight(170)
        box.addWidget(self.table)
        self.result: uncertainty.MonteCarlo | None = None
        self.set_ranges(uncertainty.DEFAULT_RANGES)
        self.samples.editingFinished.connect(self.recompute)
        self.seed.valueChanged.connect(lambda _: self.recompute())
        self.reset.clicked.connect(lambda: (self.set_ranges(uncertainty.DEFAULT_RANGES), self.recompute()))
        self.table.itemChanged.connect(self._range_edited)
        for signal in (self.samples.editingFinished, self.seed.valueChanged, self.reset.clicked,
                       self.table.itemChanged):
            signal.connect(self.settingsChanged)

    def settings(self) -> tuple[int, int, dict[str, uncertainty.Range]]:
        """(samples, seed, ranges) as chosen: what the summary strip's bands are drawn with."""
        return self.samples.value(), self.seed.value(), self.ranges()

    # -- ranges
    def set_ranges(self, ranges: dict[str, uncertainty.Range]):
        self.table.blockSignals(True)
        self.table.setRowCount(len(ranges))
        for i, (name, r) in enumerate(ranges.items()):
            label = QTableWidgetItem(input_label(name))
            label.setData(Qt.ItemDataRole.UserRole, name)
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            label.setToolTip(r.why)
            self.table.setItem(i, 0, label)
            self.table.setItem(i, 1, QTableWidgetItem(f"{r.low:g}"))
            self.table.setItem(i, 2, QTableWidgetItem(f"{r.high:g}"))
            rel = QTableWidgetItem()
            rel.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            rel.setCheckState(Qt.CheckState.Checked if r.relative else Qt.CheckState.Unchecked)
            self.table.setItem(i, 3, rel)
        self.table.blockSignals(False)

    def ranges(self) -> dict[str, uncertainty.Range]:
        """The ranges as edited; a row whose low/high is not a number keeps its default."""
        out = {}
        for i in range(self.table.rowCount()):
            name = self.table.item(i, 0).data(Qt.ItemDataRole.UserRole)
            default = uncertainty.DEFAULT_RANGES.get(name)
            try:
                low, high = float(self.table.item(i, 1).text()), float(self.table.item(i, 2).text())
            except ValueError:
                if default is None:
                    continue
                low, high = default.low, default.high
            relative = self.table.item(i, 3).checkState() == Qt.CheckState.Checked
            out[name] = uncertainty.Range(min(low, high), max(low, high), relative,
                                          default.why if default else "")
        return out

    def _range_edited(self, item):
        if item.column() in (1, 2):
            try:
                float(item.text())
                item.setToolTip("")
            except ValueError:
                item.setToolTip(self.tr("not a number: the default is used"))
        self.recompute()

    # -- computation
    def recompute(self):
        if self._context is None:
            return
        snapshot, row, key = self._context
        n, seed, ranges = self.samples.value(), self.seed.value(), self.ranges()
        self.show_message(self.tr("Sampling…"))
        self.computer.submit(lambda: uncertainty.montecarlo(snapshot, row, key, n, seed, ranges))

    def _show(self, mc: uncertainty.MonteCarlo):
        snapshot, row, key = self._context
        self.result = mc
        self.plot.clear()
        counts, edges = np.histogram(mc.samples, bins=80)
        color = series_color(self, 0)
        fill = pg.mkBrush(color.red(), color.green(), color.blue(), 110)
        self.plot.plot(edges, counts, stepMode="center", fillLevel=0, brush=fill, pen=pg.mkPen(color))
        currency = snapshot.tables["Scenarios"].get(row, "currency") or "USD"
        unit = REGISTRY[key].unit
        fg = self.foreground()
        for label, value, style in (("P10", mc.p10, Qt.PenStyle.DashLine), ("P50", mc.p50, Qt.PenStyle.SolidLine),
                                    ("P90", mc.p90, Qt.PenStyle.DashLine)):
            line = pg.InfiniteLine(pos=value, angle=90, pen=pg.mkPen(fg, width=1.5, style=style),
                                   label=f"{label} {format_value(value, unit, currency)}",
                                   labelOpts={"position": 0.92, "color": fg, "movable": True})
            self.plot.addItem(line)
        if mc.base is not None:
            self.plot.addItem(pg.InfiniteLine(pos=mc.base, angle=90,
                                              pen=pg.mkPen(series_color(self, 1), width=2),
                                              label=self.tr("estimate"),
                                              labelOpts={"position": 0.75, "color": series_color(self, 1)}))
        self.plot.setLabel("bottom", result_axis_label(key, scenario_currency(self._context[0], self._context[1])))
        self.plot.setLabel("left", self.tr("samples"))

        def fmt(v):
            return format_value(v, unit, currency)

        text = self.tr("P10 {0} · P50 {1} · P90 {2} · mean {3} · {4:,} samples").format(
            fmt(mc.p10), fmt(mc.p50), fmt(mc.p90), fmt(mc.mean), len(mc.samples))
        if mc.invalid:
            text += self.tr(" ({0:,} without a value left out)").format(mc.invalid)
        self.show_message(text)
