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
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
)

from ...core import uncertainty
from ...core.formulas import REGISTRY
from ...core.report import scenario_currency
from ...core.units import UnitError, parse_quantity, typed_text
from ...core.variants import INPUTS
from .common import ChartBase, input_label, result_axis_label, series_color, value_text

_COLS = ("input", "low", "high", "relative")


def range_texts(r: uncertainty.Range, unit: str) -> tuple[str, str]:
    """Low and high in one form: relative ranges as ±% of the scenario's own value, absolute
    ones in the input's unit ('30%' for an MFU, '0.07' USD/kWh)."""
    if r.relative:
        return tuple(f"{(v - 1) * 100:+.4g}%".replace("-", "−") for v in (r.low, r.high))
    return typed_text(r.low, unit), typed_text(r.high, unit)


def parse_range_text(text: str, unit: str, relative: bool) -> float:
    """The stored low/high for a typed text (UnitError when it is not a number)."""
    text = text.strip().replace("−", "-")
    if relative:
        return 1.0 + parse_quantity(text if text.endswith("%") else text + "%", "fraction")
    return parse_quantity(text, unit)


class UncertaintyChart(ChartBase):
    """Samples, seed and a table of ranges (low, high; relative to the scenario's own value or
    absolute) edited in place, above the histogram in a splitter."""

    settingsChanged = Signal()  # samples, seed or ranges edited (the summary strip follows them)

    def __init__(self, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(4, 4, 4, 0)
        self.samples = QSpinBox()
        self.samples.setRange(1_000, 1_000_000)
        self.samples.setSingleStep(10_000)
        self.samples.setValue(uncertainty.DEFAULT_SAMPLES)
        self.samples.setGroupSeparatorShown(True)
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        self.seed.setValue(uncertainty.DEFAULT_SEED)
        self.reset = QPushButton()
        self.samples_caption, self.seed_caption = QLabel(), QLabel()
        row.addWidget(self.samples_caption)
        row.addWidget(self.samples)
        row.addWidget(self.seed_caption)
        row.addWidget(self.seed)
        row.addStretch(1)
        row.addWidget(self.reset)
        self.table = QTableWidget(0, 4)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        # the ranges and the histogram share the height; the user moves the divider
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.layout().replaceWidget(self.plot_widget, self.splitter)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.plot_widget)
        self.splitter.setChildrenCollapsible(False)
        self.table.setMinimumHeight(60)
        self.plot_widget.setMinimumHeight(120)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.layout().setStretchFactor(self.splitter, 1)
        self.result: uncertainty.MonteCarlo | None = None
        self._ranges: dict[str, uncertainty.Range] = {}
        self.set_ranges(uncertainty.DEFAULT_RANGES)
        self.samples.editingFinished.connect(self.recompute)
        self.seed.valueChanged.connect(lambda _: self.recompute())
        self.reset.clicked.connect(lambda: (self.set_ranges(uncertainty.DEFAULT_RANGES), self.recompute()))
        self.table.itemChanged.connect(self._range_edited)
        for signal in (self.samples.editingFinished, self.seed.valueChanged, self.reset.clicked,
                       self.table.itemChanged):
            signal.connect(self.settingsChanged)
        self.retranslate()

    def settings(self) -> tuple[int, int, dict[str, uncertainty.Range]]:
        """(samples, seed, ranges) as chosen: what the summary strip's bands are drawn with."""
        return self.samples.value(), self.seed.value(), self.ranges()

    def retranslate(self):
        self.reset.setText(self.tr("Default ranges"))
        self.samples_caption.setText(self.tr("Samples"))
        self.seed_caption.setText(self.tr("Seed"))
        self.table.setHorizontalHeaderLabels([self.tr("Uncertain input"), self.tr("Low"),
                                              self.tr("High"), self.tr("Relative to own value")])
        self.table.blockSignals(True)
        for i in range(self.table.rowCount()):
            item = self.table.item(i, 0)
            item.setText(input_label(item.data(Qt.ItemDataRole.UserRole)))
        self.table.blockSignals(False)

    # -- ranges
    def set_ranges(self, ranges: dict[str, uncertainty.Range]):
        self._ranges = dict(ranges)
        self.table.blockSignals(True)
        self.table.setRowCount(len(ranges))
        for i, (name, r) in enumerate(ranges.items()):
            label = QTableWidgetItem(input_label(name))
            label.setData(Qt.ItemDataRole.UserRole, name)
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            label.setToolTip(r.why)
            self.table.setItem(i, 0, label)
            low, high = range_texts(r, INPUTS[name].unit if name in INPUTS else "")
            self.table.setItem(i, 1, QTableWidgetItem(low))
            self.table.setItem(i, 2, QTableWidgetItem(high))
            rel = QTableWidgetItem()
            rel.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            rel.setCheckState(Qt.CheckState.Checked if r.relative else Qt.CheckState.Unchecked)
            self.table.setItem(i, 3, rel)
        self.table.blockSignals(False)

    def ranges(self) -> dict[str, uncertainty.Range]:
        """The ranges as edited; a row whose low/high is not a number keeps its last good value."""
        out = {}
        for i in range(self.table.rowCount()):
            name = self.table.item(i, 0).data(Qt.ItemDataRole.UserRole)
            unit = INPUTS[name].unit if name in INPUTS else ""
            relative = self.table.item(i, 3).checkState() == Qt.CheckState.Checked
            known = self._ranges.get(name) or uncertainty.DEFAULT_RANGES.get(name)
            try:
                low = parse_range_text(self.table.item(i, 1).text(), unit, relative)
                high = parse_range_text(self.table.item(i, 2).text(), unit, relative)
            except UnitError:
                if known is None:
                    continue
                low, high = known.low, known.high
            out[name] = uncertainty.Range(min(low, high), max(low, high), relative,
                                          known.why if known else "")
        return out

    def _range_edited(self, item):
        name = self.table.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        unit = INPUTS[name].unit if name in INPUTS else ""
        relative = self.table.item(item.row(), 3).checkState() == Qt.CheckState.Checked
        if item.column() in (1, 2):
            try:
                parse_range_text(item.text(), unit, relative)
                item.setToolTip("")
            except UnitError:
                item.setToolTip(self.tr("not a number: the default is used"))
        elif item.column() == 3:  # the form changed: write the same numbers in the new form
            known = self._ranges.get(name)
            if known is not None:
                self.table.blockSignals(True)
                low, high = range_texts(uncertainty.Range(known.low, known.high, relative), unit)
                self.table.item(item.row(), 1).setText(low)
                self.table.item(item.row(), 2).setText(high)
                self.table.blockSignals(False)
        self._ranges = self.ranges()
        self.recompute()

    # -- computation
    def recompute(self):
        if self._context is None:
            return
        snapshot, row, key = self._context
        n, seed, ranges = self.samples.value(), self.seed.value(), self.ranges()
        self.show_message(self.tr("Sampling…"))
        self.computer.submit(uncertainty.montecarlo, snapshot, row, key, n, seed, ranges)

    def _show(self, mc: uncertainty.MonteCarlo):
        snapshot, row, key = self._context
        self.result = mc
        self.plot.clear()
        counts, edges = np.histogram(mc.samples, bins=80)
        color = series_color(self, 0)
        fill = pg.mkBrush(color.red(), color.green(), color.blue(), 110)
        self.plot.plot(edges, counts, stepMode="center", fillLevel=0, brush=fill, pen=pg.mkPen(color))
        currency = scenario_currency(snapshot, row)
        unit = REGISTRY[key].unit
        fg = self.foreground()
        for label, value, style in (("P10", mc.p10, Qt.PenStyle.DashLine), ("P50", mc.p50, Qt.PenStyle.SolidLine),
                                    ("P90", mc.p90, Qt.PenStyle.DashLine)):
            line = pg.InfiniteLine(pos=value, angle=90, pen=pg.mkPen(fg, width=1.5, style=style),
                                   label=f"{label} {value_text(value, unit, currency)}",
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
            return value_text(v, unit, currency)

        text = self.tr("P10 {0} · P50 {1} · P90 {2} · mean {3} · {4:,} samples").format(
            fmt(mc.p10), fmt(mc.p50), fmt(mc.p90), fmt(mc.mean), len(mc.samples))
        if mc.invalid:
            text += self.tr(" ({0:,} without a value left out)").format(mc.invalid)
        self.show_message(text)
