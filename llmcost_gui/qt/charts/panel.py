"""The charts area: sensitivity, tornado, uncertainty, buy vs rent, self-host or API, throughput,
memory, the plan search and the training layout with its efficiency, following the selection.

The main window embeds ``ChartsPanel(workbook)`` and calls :meth:`ChartsPanel.set_current` when
the selected scenario or result changes.  Every workbook Change that touches an input of a
scenario the visible chart draws (``rows_for``) restarts a short timer; when it fires, the panel
freezes a :class:`core.variants.Snapshot` of the document and asks the visible
chart to recompute on a worker thread (the hidden ones catch up when shown), so typing never
waits for a chart.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import labels
from ...core.formulas import RESULT_KEYS
from ...core.uncertainty import dependency_key
from ...core.variants import Snapshot
from .. import i18n
from .api_compare import ApiCompareChart
from .breakeven import BreakEvenChart
from .layout import LayoutChart
from .memory import MemoryChart
from .plan import PlanChart
from .sensitivity import SensitivityChart
from .throughput import ThroughputChart
from .tornado import TornadoChart
from .uncertainty import UncertaintyChart

DEBOUNCE_MS = 40


class ChartsPanel(QWidget):
    """Five analysis charts for the current scenario and result, updated live."""

    currentChanged = Signal(int, str)  # the user picked another scenario or result in the panel
    uncertaintySettingsChanged = Signal()  # the Uncertainty chart's samples, seed or ranges
    planChosen = Signal(int, dict)  # Find plan: write this plan (a record) into scenario row

    def __init__(self, workbook, parent=None):
        super().__init__(parent)
        self.scenario_box = QComboBox()
        self.result_box = QComboBox()
        for key in RESULT_KEYS:
            self.result_box.addItem(labels.result_label(key, i18n.current()), key)
        self.png_button = QPushButton()
        self.svg_button = QPushButton()
        self.scenario_caption, self.result_caption = QLabel(), QLabel()
        top = QHBoxLayout()
        top.addWidget(self.scenario_caption)
        top.addWidget(self.scenario_box, 2)
        top.addWidget(self.result_caption)
        top.addWidget(self.result_box, 1)
        top.addWidget(self.png_button)
        top.addWidget(self.svg_button)
        # charts are built when their tab is first shown (start-up stays quick)
        self._kinds = (SensitivityChart, TornadoChart, UncertaintyChart, BreakEvenChart, ApiCompareChart,
                       ThroughputChart, MemoryChart, PlanChart, LayoutChart)
        self._built: dict[int, QWidget] = {}
        self.tabs = QTabWidget()
        for _ in self._kinds:
            self.tabs.addTab(QWidget(), "")
        self.status = QLabel()
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.workbook = None
        self._unsubscribe = None
        self._snapshot = None
        self._fresh: set[int] = set()  # tabs drawn from the latest snapshot
        self._drawn: tuple | None = None  # what the visible chart was drawn from (_drawn_from)
        self._outdated = False  # the document changed since the snapshot, not the visible chart
        self.row, self.key = 0, "daily_total"
        self.tabs.currentChanged.connect(lambda _: self._refresh_visible())
        self.scenario_box.activated.connect(self._picked)
        self.result_box.activated.connect(self._picked)
        self.png_button.clicked.connect(lambda: self._export_dialog("png"))
        self.svg_button.clicked.connect(lambda: self._export_dialog("svg"))
        self.retranslate()
        self.set_workbook(workbook)

    def retranslate(self):
        """The panel's words in the interface language (charts retranslate themselves)."""
        lang = i18n.current()
        self.png_button.setText(self.tr("Export PNG…"))
        self.svg_button.setText(self.tr("Export SVG…"))
        self.scenario_caption.setText(self.tr("Scenario"))
        self.result_caption.setText(self.tr("Result"))
        for i, title in enumerate((self.tr("Sensitivity"), self.tr("Tornado"), self.tr("Uncertainty"),
                                   self.tr("Buy vs rent"), self.tr("Self-host or API"),
                                   self.tr("Throughput vs latency"), self.tr("Memory"), self.tr("Find plan"),
                                   self.tr("Layout & efficiency"))):
            self.tabs.setTabText(i, title.replace("&", "&&"))  # a literal "&", not a shortcut mark
        for i in range(self.result_box.count()):
            self.result_box.setItemText(i, labels.result_label(self.result_box.itemData(i), lang))
        if self.workbook is not None:
            self.scenario_box.clear()  # "(row 3)" placeholders are words too
            self._fill_scenarios()

    def changeEvent(self, event):
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- public API
    def chart(self, index: int):
        """The chart of tab `index`, built on first use."""
        if index not in self._built:
            chart = self._kinds[index]()
            title = self.tabs.tabText(index)
            chart.retranslate()
            self.tabs.blockSignals(True)
            current = self.tabs.currentIndex()
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, chart, title)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            self._built[index] = chart
            if isinstance(chart, UncertaintyChart):
                chart.settingsChanged.connect(self.uncertaintySettingsChanged)
            if isinstance(chart, PlanChart):
                chart.planChosen.connect(self.planChosen)
        return self._built[index]

    @property
    def sensitivity(self) -> SensitivityChart:
        return self.chart(0)

    @property
    def tornado(self) -> TornadoChart:
        return self.chart(1)

    @property
    def uncertainty(self) -> UncertaintyChart:
        return self.chart(2)

    @property
    def breakeven(self) -> BreakEvenChart:
        return self.chart(3)

    def uncertainty_settings(self):
        """(samples, seed, ranges) of the Uncertainty chart, or None when it was never opened."""
        chart = self._built.get(self._kinds.index(UncertaintyChart))
        return chart.settings() if chart is not None else None

    @property
    def api_compare(self) -> ApiCompareChart:
        return self.chart(4)

    @property
    def throughput(self) -> ThroughputChart:
        return self.chart(5)

    @property
    def memory(self) -> MemoryChart:
        return self.chart(6)

    @property
    def plan(self) -> PlanChart:
        return self.chart(7)

    @property
    def layout_efficiency(self) -> LayoutChart:
        return self.chart(8)

    def charts(self) -> list:
        """The charts built so far."""
        return list(self._built.values())

    def set_workbook(self, wb):
        """Show another document (e.g. after File > Open)."""
        if self._unsubscribe:
            self._unsubscribe()
        self.workbook = wb
        self._unsubscribe = wb.subscribe(self._changed)
        self._fill_scenarios()
        self.set_current(min(self.row, max(0, wb.tables["Scenarios"].nrows - 1)), self.key)

    def set_current(self, row: int, key: str):
        """Follow the selected scenario row and result key."""
        if key in RESULT_KEYS:
            self.key = key
            self.result_box.setCurrentIndex(self.result_box.findData(key))
        self.row = int(row)
        if 0 <= self.row < self.scenario_box.count():
            self.scenario_box.setCurrentIndex(self.row)
        self.schedule()

    def schedule(self):
        """Recompute soon (edits within DEBOUNCE_MS share one recomputation)."""
        self.timer.start()

    def refresh(self):
        """Freeze the document now and redraw the visible chart."""
        self.timer.stop()
        if self.workbook is None:
            return
        self._fill_scenarios()
        self._snapshot = Snapshot(self.workbook)
        self._fresh.clear()
        self._outdated = False
        self._refresh_visible()

    def export(self, path: str | Path) -> Path:
        """Export the visible chart (PNG or SVG by suffix)."""
        return self.chart(self.tabs.currentIndex()).export(path)

    def busy(self) -> bool:
        return self.timer.isActive() or any(c.computer.busy for c in self.charts())

    # -- internals
    def _changed(self, change):
        try:
            if change.structure or self._drawn is None or self._drawn_from() != self._drawn:
                self.schedule()
                return
            # nothing the visible chart shows changed: keep it; the others redraw when shown
            self._outdated = True
            self._fresh &= {self.tabs.currentIndex()}
            if any(t == "Scenarios" and c == "name" for t, _, c in change.inputs):
                self._fill_scenarios()
        except RuntimeError:  # the panel's widgets were deleted: stop listening
            if self._unsubscribe:
                self._unsubscribe()

    def _fill_scenarios(self):
        names = self.workbook.tables["Scenarios"].data["name"]
        texts = [n if isinstance(n, str) else self.tr("(row {0})").format(i + 1) for i, n in enumerate(names)]
        if texts != [self.scenario_box.itemText(i) for i in range(self.scenario_box.count())]:
            self.scenario_box.blockSignals(True)
            self.scenario_box.clear()
            self.scenario_box.addItems(texts)
            self.scenario_box.setCurrentIndex(min(self.row, len(texts) - 1))
            self.scenario_box.blockSignals(False)

    def _drawn_from(self) -> tuple | None:
        """The inputs of every scenario the visible chart draws (None: nothing to compare)."""
        chart = self._built.get(self.tabs.currentIndex())
        wb = self.workbook
        if chart is None or wb is None or not 0 <= self.row < wb.tables["Scenarios"].nrows:
            return None
        rows = chart.rows_for(wb, self.row, self.key)
        return (self.tabs.currentIndex(), self.key, *((r, dependency_key(wb, r)) for r in rows))

    def _refresh_visible(self):
        index = self.tabs.currentIndex()
        if index not in self._fresh and self._outdated:
            return self.refresh()  # a newer document than the snapshot
        if self._snapshot is None or index in self._fresh:
            self._drawn = self._drawn_from() if index in self._fresh else self._drawn
            return
        n = self._snapshot.tables["Scenarios"].nrows
        if not 0 <= self.row < n:
            self.status.setText(self.tr("Add a scenario to see its charts."))
            self.status.show()
            return
        self.status.hide()
        self._fresh.add(index)
        self.chart(index).refresh(self._snapshot, self.row, self.key)
        self._drawn = self._drawn_from()

    def _picked(self, *_):
        self.row = self.scenario_box.currentIndex()
        self.key = self.result_box.currentData()
        self.currentChanged.emit(self.row, self.key)
        self.refresh()

    def _export_dialog(self, kind: str):
        name = self.tabs.tabText(self.tabs.currentIndex()).lower().replace(" ", "-")
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG drawing (*.svg)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), f"{name}.{kind}", filters[kind])
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        try:
            self.export(path)
            self.status.setText(self.tr("Exported {0}").format(path))
            self.status.show()
        except OSError as exc:
            self.status.setText(self.tr("Could not export: {0}").format(exc))
            self.status.show()
