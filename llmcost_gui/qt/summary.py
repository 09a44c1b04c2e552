"""The summary strip: the headline figures of the current scenario, by stage."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core import labels
from ..core.formulas import REGISTRY
from ..core.report import format_result
from ..core.units import format_value
from ..core.workbook import Workbook
from . import i18n
from .bands import BandsProvider
from .base_model import ERROR_COLOR

# The results the strip shows, per stage (public results; tests/qt checks they exist).
STRIP_KEYS_BY_STAGE = {
    "train": ("train_cost", "train_days", "train_gpus"),
    "ft": ("ft_cost", "ft_gpu_hours"),
    "serve": ("daily_total", "monthly_total", "annual_total", "cost_per_million_tokens", "serve_gpus",
              "serve_gpus_avg"),
    "money": ("capex_total",),
}
CAPTIONS = {
    "train_cost": "One-off cost", "ft_cost": "One-off cost", "train_days": "Days",
    "train_gpus": "GPUs", "ft_gpu_hours": "GPU-hours",
    "daily_total": "Per day", "monthly_total": "Per month", "annual_total": "Per year",
    "cost_per_million_tokens": "Per 1M tokens", "capex_total": "Capex (purchase)",
    "serve_gpus": "GPUs at peak", "serve_gpus_avg": "GPUs on average",
}
BAND_TIP = "Monte Carlo over the uncertain inputs (Charts → Uncertainty)"
STRIP_KEYS = tuple(dict.fromkeys(k for keys in STRIP_KEYS_BY_STAGE.values() for k in keys))


class _Tile(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel()
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.value = QLabel()
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 2, 8, 2)
        box.setSpacing(0)
        self.band = QLabel()
        self.band.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # the same height with or without a band: no relayout (and chart repaint) when it comes
        self.band.setMinimumHeight(self.band.fontMetrics().height())
        box.addWidget(self.caption)
        box.addWidget(self.value)
        box.addWidget(self.band)
        # never narrower than the words: a narrow window scrolls the strip instead
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)


def stage_keys(wb: Workbook, row: int) -> list[tuple[str, tuple[str, ...]]]:
    """(stage, result keys) the strip shows for scenario `row`, by the stages it has."""
    from ..core.schema import STAGE_TRIGGER

    sc = wb.tables["Scenarios"]
    out = []
    for stage, shown in STRIP_KEYS_BY_STAGE.items():
        trigger = STAGE_TRIGGER.get(stage)
        if trigger is not None and sc.get(row, trigger) is None:
            continue
        if stage == "money":
            shown = tuple(k for k in shown if not wb.results.is_blank(row, k)
                          and wb.results.error(row, k) is None and wb.results.value(row, k) > 0)
        if shown:
            out.append((stage, shown))
    return out


def headline_key(wb: Workbook, row: int) -> str:
    """The first figure the strip shows for scenario `row` (its run cost, or cost per day)."""
    shown = stage_keys(wb, row)
    return shown[0][1][0] if shown else "daily_total"


class SummaryStrip(QScrollArea):
    """The headline of the shown scenario, by stage: pre-training and fine-tuning as a one-off
    cost, days and GPUs; serving per day, month, year and per 1M tokens; purchases as capex.

    Uncertainty bands come from `self.bands` (a :class:`BandsProvider`: ``bands_for(row)``)."""

    def __init__(self, parent=None, bands: BandsProvider | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        inner = QWidget(self)
        self._row_layout = QHBoxLayout(inner)
        self._row_layout.setContentsMargins(0, 0, 0, 0)
        self.scenario = QLabel()
        self.scenario.setWordWrap(True)
        self.scenario.setMinimumWidth(140)
        self.scenario.setMaximumWidth(240)
        self._row_layout.addWidget(self.scenario, 2)  # takes room up to its maximum before the stretch
        self._groups: list[QWidget] = []
        self.tiles: dict[str, _Tile] = {}
        self._shown: list = []
        self._row_layout.addStretch(1)
        self.setWidget(inner)
        self._wb: Workbook | None = None
        self._row = -1
        if bands is None:
            bands = BandsProvider(self, STRIP_KEYS)
        self.bands = bands
        self.bands.ready.connect(self._bands_ready)
        self.retranslate()

    def hideEvent(self, event) -> None:
        self.bands.cancel()  # a closed or minimized window needs no bands
        super().hideEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def retranslate(self) -> None:
        self._shown = []  # captions and stage titles are rebuilt in the new language
        self.refresh()

    def show_scenario(self, wb: Workbook, row: int) -> None:
        self.bands.set_workbook(wb)
        self._wb, self._row = wb, row
        self.refresh()

    def workbook_changed(self) -> None:
        """The document changed: refresh now (the bands follow when they are ready)."""
        self.refresh()

    @property
    def busy(self) -> bool:
        return self.bands.busy

    def _bands_ready(self, row: int) -> None:
        if row == self._row:
            self.refresh()

    def band_text(self, key: str, bands: dict | None = None) -> str:
        """'P10–P90 $350K – $520K' for the current scenario, or '' when not (yet) known."""
        bands = self.bands.bands_for(self._row) if bands is None else bands
        band = (bands or {}).get(key)
        if band is None:
            return ""
        lo, hi = band.p10, band.p90
        if lo == 0 and hi == 0:
            return ""
        from ..core.report import scenario_currency

        unit, cur = REGISTRY[key].unit, scenario_currency(self._wb, self._row)
        lang = i18n.current()
        lo_t, hi_t = (labels.localize_value(format_value(v, unit, cur), unit, lang) for v in (lo, hi))
        return f"P10–P90  {lo_t} – {hi_t}"

    def api_line(self, wb: Workbook, row: int) -> str:
        """'<br>API …: cost per day · ratio · break-even' when the scenario names an API offer."""
        offer = wb.tables["Scenarios"].get(row, "api_offer")
        res = wb.results
        if not offer or res.is_blank(row, "api_cost_per_day"):
            return ""
        lang = i18n.current()
        cost = labels.localize_value(format_result(wb, row, "api_cost_per_day"), "money/day", lang)
        if res.error(row, "api_cost_per_day") is None and res.error(row, "api_vs_self_host") is None:
            ratio = f'{res.value(row, "api_vs_self_host"):.2g}'
            cost += " · " + labels.text("{0}× self-hosting", lang).format(ratio)
        if res.note(row, "breakeven_daily_users"):
            cost += " · " + labels.text("self-hosting never cheaper", lang)
        elif res.error(row, "breakeven_daily_users") is None:
            users = labels.localize_value(format_result(wb, row, "breakeven_daily_users"), "users", lang)
            cost += " · " + labels.text("break-even {0} users", lang).format(users)
        line = labels.text("API {0}: {1}", lang).format(offer, cost)
        return f"<br><small>{html.escape(line)}</small>"

    def text(self, key: str) -> str:
        tile = self.tiles.get(key)
        return tile.value.text() if tile is not None else ""

    def shown_keys(self) -> list[str]:
        """The result keys on the strip now, in order."""
        return [k for _stage, keys in self._shown for k in keys]

    def _rebuild(self, shown: list) -> None:
        """Tiles for `shown` [(stage, keys)], grouped under stage titles."""
        for group in self._groups:
            self._row_layout.removeWidget(group)
            group.setParent(None)  # gone from the strip now, not at the next event loop turn
            group.deleteLater()
        self._groups, self.tiles, self._shown = [], {}, shown
        lang = i18n.current()
        for stage, keys in shown:
            group = QWidget(self.widget())
            line = QHBoxLayout(group)  # the stage's title, then its tiles: one row, little height
            line.setContentsMargins(6, 0, 0, 0)
            line.setSpacing(4)
            title = QLabel(f"<b>{html.escape(labels.stage_title(stage, lang))}</b>", group)
            title.setWordWrap(True)
            title.setMaximumWidth(90)
            line.addWidget(title)
            for key in keys:
                tile = _Tile(group)
                tile.caption.setText(labels.text(CAPTIONS.get(key, ""), lang)
                                     or labels.result_label(key, lang))
                tile.band.setToolTip(labels.text(BAND_TIP, lang))
                self.tiles[key] = tile
                line.addWidget(tile)
            self._row_layout.insertWidget(self._row_layout.count() - 1, group)
            self._groups.append(group)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the tiles plus a scroll bar's room (the strip scrolls sideways when narrow)."""
        self.widget().layout().activate()
        tiles = max([self.widget().sizeHint().height(), _Tile().sizeHint().height()])
        self.setFixedHeight(tiles + self.horizontalScrollBar().sizeHint().height() + 2)

    def refresh(self) -> None:
        wb, row = self._wb, self._row
        if wb is None or not 0 <= row < wb.tables["Scenarios"].nrows:
            self.scenario.setText(labels.text("No scenario", i18n.current()))
            if self._shown or self._groups:
                self._rebuild([])
            return
        shown = stage_keys(wb, row)
        if shown != self._shown:
            self._rebuild(shown)
        name = wb.tables["Scenarios"].get(row, "name") or ""
        self.scenario.setText(f"<b>{html.escape(name)}</b>" + self.api_line(wb, row))
        self.scenario.setToolTip(self.scenario.text())  # the whole line when the strip is short
        lang = i18n.current()
        bands = self.bands.bands_for(row) or {}
        for key, tile in self.tiles.items():
            text = labels.localize_value(format_result(wb, row, key), REGISTRY[key].unit, lang)
            reason = wb.results.error(row, key)
            failed = text == "#ERROR"
            tile.value.setText(text or "—")
            tile.band.setText("" if failed else self.band_text(key, bands))
            tile.value.setStyleSheet(f"color: {ERROR_COLOR.name()}" if failed else "")
            tile.setToolTip(labels.reason(reason, lang) if failed and reason else "")
