"""Find plan: every card, offer, precision and layout for the selected scenario, ranked by cost.

The search is core.plan.plan, run in the computing process like every chart; this tab shows its
answer: a sortable table of the feasible plans, the cost-against-latency scatter with the Pareto
front and the scenario's own plan marked, a sentence when a mixed fleet (prefill on another card)
beats every single-card plan, why the infeasible families were dropped, and *Apply*,
which asks the window to write the chosen plan into the scenario as one undoable edit.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
)

from ...core import labels
from ...core import plan as plan_core
from ...core.formulas import REGISTRY
from .. import i18n
from .common import ChartBase, result_axis_label, value_text

SHOWN = 200  # plans in the table (the cheapest); the scatter shows every feasible one
STAGES = ("serve", "train", "ft")


class _Number(QTableWidgetItem):
    """A table cell that sorts by its number, not its text."""

    def __init__(self, text: str, number: float):
        super().__init__(text)
        self.number = number
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other):
        if isinstance(other, _Number):
            return self.number < other.number
        return super().__lt__(other)


def _layout(rec: dict) -> str:
    """'TP2 · EP8 · ≤64 · P/D' from a plan's inputs (blank: chosen); a mixed fleet names its
    prefill card ('P/D, prefill: L40S')."""
    if rec.get("stage") in ("train", "ft"):  # the layout the formulas chose for the plan's cards
        return rec.get(f"{rec['stage']}_layout") or "—"
    parts = []
    for key, word in (("serve_tp", "TP"), ("serve_ep", "EP")):
        if rec.get(key) is not None:
            parts.append(f"{word}{rec[key]:.0f}")
    if rec.get("batch_size") is not None:
        parts.append(f"≤{rec['batch_size']:.0f}")
    if rec.get("serve_disagg") == "yes":
        parts.append(f"P/D, prefill: {rec['prefill_hardware']}" if rec.get("prefill_hardware") else "P/D")
    return " · ".join(parts) or "—"


class PlanChart(ChartBase):
    """The search for the selected scenario; `planChosen(row, record)` asks to apply one."""

    planChosen = Signal(int, dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stage_box = QComboBox()
        for stage in STAGES:
            self.stage_box.addItem("", stage)
        self.stage_box.activated.connect(lambda _: self.recompute())
        self.apply_button = QPushButton()
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self._apply)
        self.stage_caption = QLabel()
        bar = QHBoxLayout(self.controls)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.stage_caption)
        bar.addWidget(self.stage_box)
        bar.addStretch(1)
        bar.addWidget(self.apply_button)
        self.table = QTableWidget(0, 0)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selected)
        # the table beside the plot, in a splitter the user can move
        layout = self.layout()
        layout.removeWidget(self.plot_widget)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.plot_widget)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.insertWidget(1, self.splitter, 1)
        self.plans: plan_core.Plans | None = None
        self._records: list[dict] = []
        self._highlight = None

    def retranslate(self):
        self.stage_caption.setText(self.tr("Stage"))
        for i, stage in enumerate(STAGES):
            self.stage_box.setItemText(i, labels.stage_title(stage, i18n.current()))
        self.apply_button.setText(self.tr("Apply plan"))
        self.apply_button.setToolTip(self.tr("Write the selected plan into the scenario (one undoable edit)"))

    def recompute(self):
        if self._context is None:
            return
        snapshot, row, _ = self._context
        stage = self.stage_box.currentData()
        active = snapshot.results.active
        if stage in active and not active[stage][row]:  # the other stage, if the scenario has it
            other = next((s for s in STAGES if s in active and active[s][row]), stage)
            self.stage_box.setCurrentIndex(STAGES.index(other))
            stage = other
        self.apply_button.setEnabled(False)
        self.computer.submit(plan_core.plan, snapshot, row, stage)

    def _failed(self, message: str):
        self.plans, self._records = None, []
        self.table.setRowCount(0)
        self.plot.clear()
        self.apply_button.setEnabled(False)
        self.show_message(message)

    # -- drawing
    def _show(self, plans: plan_core.Plans):
        self.plans = plans
        lang = i18n.current()
        feasible = int(plans.feasible.sum())
        self._records = [plans.record(i, lang) for i in range(min(len(plans), SHOWN)) if plans.feasible[i]]
        self._fill_table(plans)
        self._draw(plans)
        self.show_message(self._summary(plans, feasible, lang))

    def _columns(self, plans) -> list[tuple[str, str]]:
        spec = plan_core.STAGES[plans.stage]
        lang = i18n.current()
        head = [(spec.hardware, labels.column_label(spec.hardware, lang)),
                (spec.precision, labels.column_label(spec.precision, lang))]
        if plans.stage == "serve":
            head += [("kv_precision", labels.column_label("kv_precision", lang)), ("layout", self.tr("Layout"))]
        else:
            head += [("layout", self.tr("Layout")), (f"{plans.stage}_mfu_used",
                                                      labels.result_label(f"{plans.stage}_mfu_used", lang))]
        # the figures before the offer's long name, so they show without scrolling
        return [*head, *((k, labels.result_label(k, lang)) for k in spec.shown),
                (spec.price, labels.column_label(spec.price, lang))]

    def _fill_table(self, plans):
        cols = self._columns(plans)
        self.table.setSortingEnabled(False)
        self.table.clear()
        self.table.setColumnCount(len(cols))
        self.table.setHorizontalHeaderLabels([label for _, label in cols])
        self.table.setRowCount(len(self._records))
        for r, rec in enumerate(self._records):
            for c, (key, _) in enumerate(cols):
                if key in REGISTRY:
                    x = rec.get(key)
                    unit = REGISTRY[key].unit
                    item = _Number("" if x is None else value_text(x, unit, plans.currency),
                                   np.inf if x is None else x)
                else:
                    text = _layout(rec) if key == "layout" else str(rec.get(key) or "—")
                    item = QTableWidgetItem(text)
                if rec.get("current"):
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                item.setData(Qt.ItemDataRole.UserRole, r)
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()

    def _draw(self, plans):
        self.plot.clear()
        spec = plan_core.STAGES[plans.stage]
        cost, latency = plans.results[spec.cost], plans.results[spec.latency]
        ok = plans.feasible & np.isfinite(cost) & np.isfinite(latency)
        fg = self.foreground()
        self.plot.setLabel("bottom", result_axis_label(spec.latency, plans.currency))
        self.plot.setLabel("left", result_axis_label(spec.cost, plans.currency))
        self.plot.setLogMode(x=False, y=True)  # costs of the plans span orders of magnitude
        self.plot.plot(latency[ok], cost[ok], pen=None, symbol="o", symbolSize=5,
                       symbolBrush=pg.mkBrush(120, 120, 120, 110), symbolPen=None)
        front = ok & plans.pareto
        order = np.argsort(latency[front])
        self.plot.plot(latency[front][order], cost[front][order], pen=pg.mkPen(fg, width=2), symbol="o",
                       symbolSize=7, symbolBrush=pg.mkBrush(fg))
        if plans.current is not None and plans.current.any():
            i = int(np.flatnonzero(plans.current)[0])
            if np.isfinite(cost[i]) and np.isfinite(latency[i]):
                self.plot.plot([latency[i]], [cost[i]], pen=None, symbol="star", symbolSize=16,
                               symbolBrush=pg.mkBrush("#e17055"), symbolPen=pg.mkPen(fg))
        self._highlight = self.plot.plot([], [], pen=None, symbol="o", symbolSize=14,
                                         symbolBrush=None, symbolPen=pg.mkPen("#0984e3", width=2))
        self.plot.getViewBox().autoRange()

    def _summary(self, plans, feasible: int, lang: str) -> str:
        spec = plan_core.STAGES[plans.stage]
        if not feasible:
            why = labels.reason(plans.closest, lang) if plans.closest is not None else ""
            return self.tr("No plan meets the targets. {0}").format(why)
        best = plans.record(0, lang)
        text = self.tr("{0:,} plans evaluated, {1:,} meet the targets; the cheapest: {2} at {3}.").format(
            plans.evaluated, plans.feasible_count, best.get(spec.hardware),
            value_text(best[spec.cost], REGISTRY[spec.cost].unit, plans.currency))
        if plans.mixed_gain is not None:
            prefill, decode, gain = plans.mixed_gain
            if gain is None:
                text += " " + self.tr("A mixed fleet — prefill on {0}, decode on {1} — meets the targets "
                                      "where no single-card plan does.").format(prefill, decode)
            else:
                text += " " + self.tr("A mixed fleet — prefill on {0}, decode on {1} — beats every "
                                      "single-card plan by {2} %.").format(prefill, decode, f"{gain * 100:.0f}")
        if plans.typed is not None and plans.typed.get("rank"):
            text += " " + self.tr("The scenario as typed ranks {0} (★).").format(plans.typed["rank"])
        seen, dropped = set(), []
        for card, _offer, reason, _n in plans.families:  # one line per card and reason, not per offer
            if reason is not None and (card, reason) not in seen and len(dropped) < 3:
                seen.add((card, reason))
                dropped.append(f"{card}: {labels.reason(reason, lang)}")
        if dropped:
            text += " " + self.tr("Dropped: {0}").format("; ".join(dropped))
        return text

    # -- choosing
    def selected_record(self) -> dict | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return self._records[items[0].data(Qt.ItemDataRole.UserRole)]

    def _selected(self):
        rec = self.selected_record()
        self.apply_button.setEnabled(rec is not None and not rec.get("current"))
        if rec is not None and self._highlight is not None and self.plans is not None:
            spec = plan_core.STAGES[self.plans.stage]
            x, y = rec.get(spec.latency), rec.get(spec.cost)
            self._highlight.setData([x] if x is not None else [], [y] if y is not None else [])

    def _apply(self):
        rec = self.selected_record()
        if rec is not None and self._context is not None:
            self.planChosen.emit(self._context[1], rec)
