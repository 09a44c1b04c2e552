"""Sensitivity curve: any result against any numeric input, one labelled curve per scenario."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QSpinBox

from ...core import analysis, labels
from ...core.cells import in_domain
from ...core.formulas import REGISTRY, inputs_of
from ...core.reasons import Reason, domain_of
from ...core.report import scenario_currencies, scenario_currency
from ...core.units import UnitError, is_money, parse_quantity, typed_text
from ...core.variants import INPUTS, AnalysisError, current_values, input_currency, input_spec
from .. import i18n
from .common import (
    ChartBase,
    input_axis_label,
    input_label,
    result_axis_label,
    series_color,
    value_text,
)

MAX_OTHER_CURVES = 7  # "All scenarios" draws at most this many besides the current one


class SensitivityChart(ChartBase):
    """Controls: input, from/to (unit-aware text), points, log axes, all scenarios."""

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self.controls)
        grid.setContentsMargins(4, 4, 4, 0)
        self.input_box = QComboBox()
        for name in INPUTS:
            self.input_box.addItem(input_label(name), name)
        self.lo_edit, self.hi_edit = QLineEdit(), QLineEdit()
        self.points = QSpinBox()
        self.points.setRange(2, 5000)
        self.points.setValue(200)
        self.log_x, self.log_y, self.all_scenarios = QCheckBox(), QCheckBox(), QCheckBox()
        self.all_scenarios.setChecked(True)
        self.lo_edit.setMaximumWidth(110)
        self.hi_edit.setMaximumWidth(110)
        self.captions = [QLabel() for _ in range(4)]  # Input, From, to, Points
        grid.addWidget(self.captions[0], 0, 0)
        grid.addWidget(self.input_box, 0, 1)
        grid.addWidget(self.captions[1], 0, 2)
        grid.addWidget(self.lo_edit, 0, 3)
        grid.addWidget(self.captions[2], 0, 4)
        grid.addWidget(self.hi_edit, 0, 5)
        grid.addWidget(self.captions[3], 0, 6)
        grid.addWidget(self.points, 0, 7)
        grid.addWidget(self.log_x, 0, 8)
        grid.addWidget(self.log_y, 0, 9)
        grid.addWidget(self.all_scenarios, 0, 10)
        grid.setColumnStretch(1, 1)
        self.legend = self.add_legend(offset=(10, 10))
        self.v_line = pg.InfiniteLine(angle=90, movable=False)
        self.h_line = pg.InfiniteLine(angle=0, movable=False)
        self.readout = QLabel()
        self.layout().insertWidget(2, self.readout)
        self._mouse = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=30, slot=self._moved)
        self.curves: list[analysis.Curve] = []
        self._range_for: tuple | None = None  # (input, row) the range fields were filled for
        self.input_box.currentIndexChanged.connect(lambda _: self._input_changed())
        for edit in (self.lo_edit, self.hi_edit):
            edit.editingFinished.connect(self.recompute)
        self.points.valueChanged.connect(lambda _: self.recompute())
        for box in (self.log_x, self.log_y, self.all_scenarios):
            box.toggled.connect(lambda _: self.recompute())
        self.set_input("daily_users")
        self.retranslate()

    def retranslate(self):
        for label, text in zip(self.captions, (self.tr("Input"), self.tr("From"), self.tr("to"),
                                               self.tr("Points"))):
            label.setText(text)
        self.log_x.setText(self.tr("Log x"))
        self.log_y.setText(self.tr("Log y"))
        self.all_scenarios.setText(self.tr("All scenarios"))
        for i in range(self.input_box.count()):
            self.input_box.setItemText(i, input_label(self.input_box.itemData(i)))

    # -- controls
    @property
    def input_name(self) -> str:
        return self.input_box.currentData()

    def set_input(self, name: str):
        self.input_box.setCurrentIndex(self.input_box.findData(name))

    def set_range(self, lo: float, hi: float):
        unit = input_spec(self.input_name).unit
        self.lo_edit.setText(typed_text(lo, unit))
        self.hi_edit.setText(typed_text(hi, unit))
        self.recompute()

    def _input_changed(self):
        self._range_for = None
        self.recompute()

    def _fill_range(self, snapshot, row: int):
        if self._range_for == (self.input_name, row):
            return
        lo, hi = analysis.default_range(snapshot, row, self.input_name)
        unit = input_spec(self.input_name).unit
        self.lo_edit.setText(typed_text(lo, unit))
        self.hi_edit.setText(typed_text(hi, unit))
        self._range_for = (self.input_name, row)

    def checked_range(self) -> tuple[float, float]:
        """From and to in the input's unit, inside its domain; AnalysisError says what is wrong."""
        spec = input_spec(self.input_name)
        lang = i18n.current()
        out = []
        for edit, word in ((self.lo_edit, self.tr("From")), (self.hi_edit, self.tr("to"))):
            try:
                value = parse_quantity(edit.text(), spec.unit)
            except UnitError as exc:
                raise AnalysisError(f"{word}: {exc.text(lang)}") from None
            if not in_domain(spec.column, value):
                domain = labels.reason(Reason.of("outside_domain", col=spec.column.name,
                                                 domain=domain_of(spec.column)), lang)
                raise AnalysisError(f"{word} {edit.text()}: {domain}")
            out.append(value)
        if out[0] >= out[1]:
            raise AnalysisError(self.tr("From must be below to."))
        return out[0], out[1]

    # -- computation
    def refresh(self, snapshot, row: int, key: str):
        self._follow_result(snapshot, row, key)
        super().refresh(snapshot, row, key)

    def _follow_result(self, snapshot, row: int, key: str):
        """When the input shown does not move this result in this scenario, show one that does
        (the first in the list that this scenario uses)."""
        relevant = inputs_of(key) & set(INPUTS)

        def used_here(name):
            return name in relevant and not np.isnan(current_values(snapshot, name, [row])[0])

        if self.input_name is not None and used_here(self.input_name):
            return
        used = [n for n in INPUTS if used_here(n)]
        if used:
            self.input_box.blockSignals(True)
            self.set_input(used[0])
            self.input_box.blockSignals(False)
            self._range_for = None

    def rows_for(self, wb, row: int, key: str) -> list[int]:
        """The scenario rows the curves are drawn for (see :meth:`_rows`)."""
        return self._rows(wb, row, key)[0]

    def _rows(self, wb, row: int, key: str) -> tuple[list[int], int, int]:
        """(rows, left out, capped): the scenario and, with "All scenarios", the first
        MAX_OTHER_CURVES others that use the input, with money in the same currency (never
        mixed), whose own value lies in the range (a curve far from its own value misleads)."""
        name = self.input_name
        if not self.all_scenarios.isChecked() or name is None:
            return [row], 0, 0
        try:
            lo, hi = self.checked_range()
        except AnalysisError:
            return [row], 0, 0
        own = current_values(wb, name)
        currencies = scenario_currencies(wb)
        same = not is_money(REGISTRY[key].unit)
        others = [int(r) for r in np.flatnonzero(~np.isnan(own) & (same | (currencies == currencies[row])))
                  if r != row]
        inside = [r for r in others if lo <= own[r] <= hi]
        return [row, *inside[:MAX_OTHER_CURVES]], len(others) - len(inside), \
            max(0, len(inside) - MAX_OTHER_CURVES)

    def recompute(self):
        if self._context is None or self.input_name is None:
            return
        snapshot, row, key = self._context
        name = self.input_name
        self._fill_range(snapshot, row)
        try:
            lo, hi = self.checked_range()
            x = analysis.sweep_points(name, lo, hi, self.points.value(), self.log_x.isChecked())
        except AnalysisError as exc:
            self._answer = None
            self.plot.clear()
            self.show_message(exc.text(i18n.current()))
            return
        rows, self.left_out, self.capped = self._rows(snapshot, row, key)
        self.computer.submit(analysis.sweep_curves, snapshot, rows, name, x, key)

    # -- drawing
    def _show(self, curves):
        snapshot, row, key = self._context
        self.plot.clear()
        self.legend.clear()
        logy = self.log_y.isChecked()
        if (self.plot.ctrl.logXCheck.isChecked(), self.plot.ctrl.logYCheck.isChecked()) != (
                self.log_x.isChecked(), logy):
            self.plot.vb.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)  # no 10^1e6 while switching
        self.plot.setLogMode(x=self.log_x.isChecked(), y=logy)
        self.plot.enableAutoRange()
        shown = [c for c in curves if np.isfinite(c.y).any()]
        for i, c in enumerate(shown):
            color = series_color(self, i)
            y = np.where(c.y > 0, c.y, np.nan) if logy else c.y
            width = 3 if c.row == row else 1.5
            item = self.plot.plot(c.x, y, pen=pg.mkPen(color, width=width), name=c.name, connect="finite")
            item.setZValue(2 if c.row == row else 1)
            inside = c.current_x is not None and c.x[0] <= c.current_x <= c.x[-1]
            if inside and c.current_y is not None and (c.current_y > 0 or not logy):
                self.plot.plot([c.current_x], [c.current_y], pen=None, symbol="o", symbolSize=9,
                               symbolBrush=color, symbolPen=pg.mkPen(self.foreground()))
        self.curves = shown
        for line in (self.v_line, self.h_line):
            line.setVisible(False)  # until the pointer is over the plot
            line.setPen(pg.mkPen(self.foreground(), style=Qt.PenStyle.DashLine))
            self.plot.addItem(line, ignoreBounds=True)
        name = self.input_name
        currency = input_currency(snapshot, row, name)
        self.plot.getAxis("bottom").unit = input_spec(name).unit
        self.plot.setLabel("bottom", input_axis_label(name, currency))
        self.plot.setLabel("left", result_axis_label(key, scenario_currency(snapshot, row)))
        label = labels.result_label(key, i18n.current())
        if not shown:
            self.show_message(self.tr("No scenario has a value of {0} over this range.").format(label))
        else:
            notes = []
            if getattr(self, "left_out", 0):
                notes.append(self.tr("Not drawn: {0} other scenario(s) whose own value lies "
                                     "outside this range.").format(self.left_out))
            if getattr(self, "capped", 0):
                notes.append(self.tr("{0} more scenarios are not drawn: at most {1} curves at "
                                     "once.").format(self.capped, MAX_OTHER_CURVES + 1))
            self.show_message(" ".join(notes))

    def _moved(self, event):
        pos = event[0]
        if not self.curves or not self.plot.sceneBoundingRect().contains(pos):
            return
        point = self.plot.vb.mapSceneToView(pos)
        x = 10 ** point.x() if self.log_x.isChecked() else point.x()
        y_mouse = 10 ** point.y() if self.log_y.isChecked() else point.y()
        for line, value in ((self.v_line, point.x()), (self.h_line, point.y())):
            line.setPos(value)
            line.setVisible(True)
        self.readout.setText(self.readout_text(x, y_mouse))

    def readout_text(self, x: float, y_mouse: float | None = None) -> str:
        """'Daily users 1.5M · Llama…: $3.4K/day' for the curve nearest the pointer."""
        if not self.curves or self._context is None:
            return ""
        snapshot, row, key = self._context
        best, best_y = None, None
        for c in self.curves:
            ok = np.isfinite(c.y)
            if not ok.any() or not (c.x[ok][0] <= x <= c.x[ok][-1]):
                continue
            y = float(np.interp(x, c.x[ok], c.y[ok]))
            if best is None or (y_mouse is not None and abs(y - y_mouse) < abs(best_y - y_mouse)):
                best, best_y = c, y
        name = self.input_name
        x_text = value_text(x, input_spec(name).unit, input_currency(snapshot, row, name))
        if best is None:
            return f"{input_label(name)} {x_text}"
        currency = scenario_currency(snapshot, best.row)
        y_text = value_text(best_y, REGISTRY[key].unit, currency)
        return f"{input_label(name)} {x_text} · {best.name}: " \
               f"{labels.result_label(key, i18n.current())} {y_text}"

