"""The formula bar: the selected result's formula with names, with numbers, and its unit.

Names are links.  Activating one emits :attr:`FormulaBar.linkActivated` with a target:
``("input", column)`` for a scenario parameter, ``("assumption", key)``, ``("lookup", table,
column, key_column)`` for a value looked up in an input table, ``("result", key)`` for another
formula.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel

from ..core import expr, labels
from ..core.formulas import REGISTRY
from ..core.report import format_result, scenario_currency
from ..core.schema import ASSUMPTION_KEYS, SCENARIOS
from ..core.units import format_value
from ..core.workbook import Workbook
from . import i18n


class _Renderer:
    """Builds the two rich-text renderings of one formula for one scenario."""

    def __init__(self, wb: Workbook, row: int):
        self.wb, self.row = wb, row
        self.currency = scenario_currency(wb, row)
        self.lang = i18n.current()
        self.links: list[tuple[str, str]] = []  # (href, text) filled in after escaping

    def _token(self, href: str, text: str) -> str:
        self.links.append((href, text))
        return f"\x00{len(self.links) - 1}\x01"

    def finish(self, text: str) -> str:
        out = html.escape(text)
        for i, (href, label) in enumerate(self.links):
            out = out.replace(f"\x00{i}\x01", f'<a href="{html.escape(href)}">{html.escape(label)}</a>')
        return out

    # -- names
    def name_link(self, name: str) -> str:
        return self._token(self._href(name), name)

    def _href(self, name: str) -> str:
        base = name.removeprefix("scenario.")
        if name in REGISTRY and not name.startswith("scenario."):
            return f"result:{name}"
        if base in SCENARIOS.by_name:
            return f"input:{base}"
        return f"assumption:{base}"

    def name_value(self, name: str) -> str:
        return self._token(self._href(name), self.value_text(name))

    def value_text(self, name: str) -> str:
        base = name.removeprefix("scenario.")
        res = self.wb.results
        if name in REGISTRY and not name.startswith("scenario."):
            if res.is_blank(self.row, name):
                return self.blank()
            if res.error(self.row, name) is not None:
                return "#ERROR"
            return self.shown(res.value(self.row, name), REGISTRY[name].unit, self.currency)
        if base in SCENARIOS.by_name or base in ASSUMPTION_KEYS:
            return self.resolved_text(self.wb.resolved(self.row, base))
        value = self.wb.tables["Assumptions"].assumptions().get(base)  # a key of the user's own
        return base if value is None else self.shown(value, "")

    def resolved_text(self, resolved) -> str:
        """An input as evaluation used it, in its own unit and currency."""
        if resolved.value is None:
            return self.blank()
        if isinstance(resolved.value, str):
            return f'"{resolved.value}"'
        return self.shown(float(resolved.value), resolved.unit, resolved.currency)

    def blank(self) -> str:
        return labels.text("blank", self.lang)

    def shown(self, value: float, unit: str, currency: str = "USD") -> str:
        """A value with its unit word in the interface language ('30 天')."""
        return labels.localize_value(format_value(value, unit, currency), unit, self.lang)

    # -- lookups
    def lookup_target(self, table: str, column: str, key_src: str) -> tuple[str, object]:
        base = key_src.removeprefix("scenario.")
        key = self.wb.tables["Scenarios"].get(self.row, base) if base in SCENARIOS.by_name else None
        return f"lookup:{table}:{column}:{base}", key

    def lookup_link(self, table: str, column: str, key_src: str) -> str:
        href, _ = self.lookup_target(table, column, key_src)
        return self._token(href, f"{table}[{key_src}].{column}")

    def lookup_value(self, table: str, column: str, key_src: str) -> str:
        """The looked-up value as evaluation resolves it, in its own row's currency."""
        href, _key = self.lookup_target(table, column, key_src)
        base = key_src.removeprefix("scenario.")
        resolved = self.wb.resolved(self.row, f"{base}.{column}")
        text = self.resolved_text(resolved)
        if resolved.default_used and resolved.value is not None:  # a blank cell took the column default
            text += f" ({labels.text('default', self.lang)})"
        return self._token(href, text)


def render(wb: Workbook, row: int, key: str) -> tuple[str, str]:
    """(formula with names, formula with numbers) as rich text for scenario `row`."""
    tree = REGISTRY[key].tree
    names = _Renderer(wb, row)
    with_names = names.finish(expr.to_text(tree, names.name_link, names.lookup_link, names.lang))
    nums = _Renderer(wb, row)
    with_numbers = nums.finish(expr.to_text(tree, nums.name_value, nums.lookup_value, nums.lang))
    return with_names, with_numbers


def parse_href(href: str) -> tuple[str, ...]:
    return tuple(href.split(":"))


class FormulaBar(QFrame):
    """Shows the formula of the selected result cell; names are clickable."""

    linkActivated = Signal(tuple)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.names = self._link_label()
        self.numbers = self._link_label()
        self.unit = QLabel()
        self.unit.setWordWrap(True)  # a long description and source wrap instead of widening the window
        self.unit.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._fx = QLabel("<i>ƒx</i>")
        self._fx.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._caption_names = QLabel()
        self._caption_numbers = QLabel()
        self._caption_unit = QLabel()
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setVerticalSpacing(2)
        grid.addWidget(self._fx, 0, 0, 4, 1)
        grid.addWidget(self.title, 0, 1, 1, 2)
        grid.addWidget(self._caption_names, 1, 1)
        grid.addWidget(self.names, 1, 2)
        grid.addWidget(self._caption_numbers, 2, 1)
        grid.addWidget(self.numbers, 2, 2)
        grid.addWidget(self._caption_unit, 3, 1)
        grid.addWidget(self.unit, 3, 2)
        grid.setColumnStretch(2, 1)
        self.current: tuple[int, str] | None = None
        self._wb: Workbook | None = None
        self.retranslate()
        self.clear()

    def _link_label(self) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.linkActivated.connect(lambda href: self.linkActivated.emit(parse_href(href)))
        return label

    def retranslate(self) -> None:
        self._caption_names.setText(self.tr("Formula:"))
        self._caption_numbers.setText(self.tr("Values:"))
        self._caption_unit.setText(self.tr("Unit:"))
        if self._wb is not None and self.current is not None:
            self.show_result(self._wb, *self.current)
        else:
            self.clear()

    def clear(self) -> None:
        self.current = None
        self.title.setText(self.tr("Select a result cell to see how it is calculated."))
        for label in (self.names, self.numbers, self.unit):
            label.setText("")

    def show_result(self, wb: Workbook, row: int, key: str) -> None:
        """Show result `key` of scenario `row`."""
        if key not in REGISTRY or not 0 <= row < wb.tables["Scenarios"].nrows:
            self.clear()
            return
        self._wb, self.current = wb, (row, key)
        lang = i18n.current()
        formula = REGISTRY[key]
        scenario = wb.tables["Scenarios"].get(row, "name") or ""
        note = wb.results.note(row, key)
        value = labels.localize_value(format_result(wb, row, key), formula.unit, lang) \
            or (self.tr("(blank)") if note else self.tr("(not part of this scenario)"))
        reason = wb.results.error(row, key)
        title = (f"<b>{html.escape(labels.result_label(key, lang))}</b> "
                 f"<code>{key}</code> · {html.escape(scenario)} = <b>{html.escape(value)}</b>")
        if note:
            title += f' <span style="color:#636e72">— {html.escape(labels.reason(note, lang))}</span>'
        elif reason and not wb.results.is_blank(row, key):
            title += f' <span style="color:#d63031">— {html.escape(labels.reason(reason, lang))}</span>'
        self.title.setText(title)
        with_names, with_numbers = render(wb, row, key)
        self.names.setText(f"{key} = {with_names}")
        self.numbers.setText(f"= {with_numbers}")
        currency = scenario_currency(wb, row)
        unit = labels.unit_label(formula.unit, lang, currency) or "—"
        self.unit.setText(f"{unit}   ·   {labels.description(key, lang)}   ·   {formula.source}")

    def refresh(self) -> None:
        """Re-render after a recalculation."""
        if self._wb is not None and self.current is not None:
            self.show_result(self._wb, *self.current)
