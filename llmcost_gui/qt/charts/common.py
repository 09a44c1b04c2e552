"""Shared chart plumbing: palette-aware plots, SI axes, export, and off-thread computation.

Charts never compute: each hands a module-level core function and its arguments (a
:class:`core.variants.Snapshot`, the scenario row, …) to a :class:`ProcessComputer`, which runs
it in the computing process and delivers the newest answer back on the GUI thread; answers to
superseded requests are dropped.  No Python thread computes in the window's process: a garbage
collection on such a thread can free Qt objects there and deadlock with the GUI thread.
"""

from __future__ import annotations

import math
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...core import labels
from ...core.units import format_value, si, with_unit
from ...core.variants import INPUTS
from .. import i18n
from ..background import ProcessComputer

# Hues of the series; lightness follows the palette so curves stay readable in dark mode.
_HUES = (210, 25, 130, 0, 275, 50, 180, 320, 90, 240)


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128


def series_color(widget: QWidget, i: int) -> QColor:
    hue = _HUES[i % len(_HUES)]
    return QColor.fromHsl(hue, 200, 170 if is_dark(widget) else 95)


def result_axis_label(key: str, currency: str = "USD") -> str:
    """'Serving cost per day (USD/day)': the result's label with its unit in the currency."""
    from ...core.formulas import REGISTRY

    lang = i18n.current()
    return with_unit(labels.result_label(key, lang), REGISTRY[key].unit, lang, currency, axis=True)


def input_label(name: str) -> str:
    """'Serving card · Price' for serve_hardware.price; the column label otherwise."""
    lang = i18n.current()
    spec = INPUTS.get(name)
    if spec is not None and spec.kind == "property":
        return f"{labels.column_label(spec.ref, lang)} · {labels.column_label(spec.column.name, lang)}"
    return labels.column_label(name, lang)


def input_axis_label(name: str, currency: str = "USD") -> str:
    """'Training tokens (B tokens)', 'Training MFU (%)': the input's label with its unit."""
    unit = INPUTS[name].unit if name in INPUTS else ""
    return with_unit(input_label(name), unit, i18n.current(), currency, axis=True)


def value_text(value: float, unit: str, currency: str = "USD") -> str:
    """A value in the interface language with its unit ('30 天', '$3.9K/day', '45%')."""
    return format_value(value, unit, currency, i18n.current())


def tick_text(value: float, unit: str) -> str:
    """An axis tick in the input's unit: 45% for fractions, 300B for billions, else SI."""
    if unit == "fraction":
        return f"{value * 100:.4g}%"
    if unit in ("B params", "B tokens"):
        return si(value * 1e9, 3)
    return si(value, 3)


class SIAxis(pg.AxisItem):
    """Tick labels with SI suffixes (1.5M, 300B), or in `unit` (45%); in log mode the ticks are
    powers of ten."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)  # the suffixes are in the tick labels, not "(x1e+09)"
        self.unit = ""

    def tickStrings(self, values, scale, spacing):
        out = []
        for v in values:
            x = 10 ** v if self.logMode else v * scale
            out.append(tick_text(x, self.unit) if math.isfinite(x) else "")
        return out


class ChartBase(QWidget):
    """A plot with palette colours, a message line, export, and a computer in another process."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.computer = ProcessComputer(self)
        self.computer.finished.connect(self._show)
        self.computer.error.connect(lambda why: self._failed(labels.reason(why, i18n.current())))
        self.computer.lost.connect(self._failed)
        self.plot_widget = pg.PlotWidget(axisItems={"left": SIAxis("left"), "bottom": SIAxis("bottom")})
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.controls = QWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.controls)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.message)
        self._context = None  # (snapshot, scenario row, result key) of the last request
        self._answer = None  # the last finished computation, redrawn when the language changes
        self.computer.finished.connect(self._remember)
        self.computer.error.connect(self._forget)
        self.computer.lost.connect(self._forget)
        self.apply_palette()

    def _remember(self, answer):
        self._answer = answer

    def _forget(self, _message=None):
        self._answer = None

    def retranslate(self):
        """Set the controls' words in the interface language (subclasses)."""

    def _language_changed(self):
        self.retranslate()
        if self._context is None:
            return
        if self._answer is not None:
            self._show(self._answer)
        else:  # the last computation failed: its words (message, axes) come again in this language
            self.recompute()

    def refresh(self, snapshot, row: int, key: str):
        """Show `key` of scenario `row` of `snapshot` (a copy of the document, see core.variants.Snapshot)."""
        self._context = (snapshot, row, key)
        self.recompute()

    def rows_for(self, wb, row: int, key: str) -> list[int]:
        """The scenario rows whose inputs the drawing of `key` for scenario `row` reads."""
        return [row]

    def recompute(self):
        """Submit the computation for the current context (subclasses)."""
        raise NotImplementedError

    def _show(self, result):
        """Draw a finished computation (subclasses)."""
        raise NotImplementedError

    def _failed(self, message: str):
        """A computation raised: say why (subclasses may also clear the plot)."""
        self.show_message(message)

    def apply_palette(self):
        pal = self.palette()
        self.plot_widget.setBackground(pal.color(QPalette.ColorRole.Base))
        fg = pal.color(QPalette.ColorRole.Text)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(fg))
            axis.setTextPen(pg.mkPen(fg))

    def changeEvent(self, event):
        if event.type() == event.Type.PaletteChange:
            self.apply_palette()
        elif event.type() == event.Type.LanguageChange:
            self._language_changed()
        super().changeEvent(event)

    def foreground(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    def show_message(self, text: str):
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def add_legend(self, offset=(10, 10)):
        """A legend whose box and words follow the palette (readable in light and dark)."""
        pal = self.palette()
        box = pal.color(QPalette.ColorRole.Base)
        box.setAlpha(215)
        return self.plot.addLegend(offset=offset, brush=pg.mkBrush(box),
                                   pen=pg.mkPen(pal.color(QPalette.ColorRole.Mid)),
                                   labelTextColor=pal.color(QPalette.ColorRole.Text))

    def export(self, path: str | Path) -> Path:
        """Write the plot as PNG or SVG (by the file's suffix)."""
        path = Path(path)
        if path.suffix.lower() == ".svg":
            try:
                pg_exporters.SVGExporter(self.plot).export(str(path))
            except ValueError:  # pyqtgraph 0.14 cannot parse Qt >= 6.9 SVG paths (pyqtgraph#3485)
                self._render_svg(path)
            return path
        exporter = pg_exporters.ImageExporter(self.plot)
        exporter.parameters()["width"] = max(800, int(self.plot.sceneBoundingRect().width()))
        exporter.export(str(path))
        return path

    def _render_svg(self, path: Path):
        """The plot drawn by Qt's own SVG generator."""
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        source = self.plot.sceneBoundingRect()
        target = QRectF(0, 0, source.width(), source.height())
        gen = QSvgGenerator()
        gen.setFileName(str(path))
        gen.setSize(target.size().toSize())
        gen.setViewBox(target)
        gen.setTitle(self.plot.titleLabel.text or "LLM Cost Workbench chart")
        painter = QPainter(gen)
        try:
            painter.fillRect(target, self.palette().color(QPalette.ColorRole.Base))
            self.plot_widget.scene().render(painter, target, source)
        finally:
            painter.end()
