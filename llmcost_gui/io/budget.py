"""The budget workbook for finance: the input sheets, live Excel formulas, and a Summary.

Every computed cell is rendered from the core's formula registry with
:func:`llmcost_gui.core.expr.to_excel`, through :class:`BudgetContext`, which maps the names of the
expression language onto this workbook's cells:

* a scenario column is a cell of the Scenarios sheet (blank: its default, ``NA()`` when required);
* a global assumption is a defined name (``pue``) for its value cell on the Assumptions sheet;
* another formula is a cell of the Results sheet (public results) or the Workings sheet;
* ``lookup(Models, "params_b", model)`` is ``INDEX`` over the Models column at the row found by a
  case-sensitive, wildcard-free match (``MATCH(TRUE,INDEX(EXACT(names,key),0),0)``) that sits
  once per scenario and reference column on the Workings sheet.

A formula of the pre-training, fine-tuning or serving stage is ``""`` when the stage's trigger cell
is blank, as in the app; so is a formula whose guard column (``api_offer``) is blank.  Only functions Excel 2016 and LibreOffice 7.4 both have are used.
Each formula is rendered once, for a row placeholder, and copied down by text substitution.
"""

from __future__ import annotations

from pathlib import Path

from ..core import expr
from ..core.formulas import REGISTRY, RESULT_KEYS, SUMMARY_KEYS
from ..core.schema import ASSUMPTION_KEYS, REF, SCENARIOS, STAGE_TRIGGER, TABLES
from ..core.workbook import Workbook
from . import progress
from .atomic import atomic_path
from .xlsx_write import (
    append_input_sheets,
    column_letter,
    column_range,
    formula_cell,
    number_format,
    set_widths,
    text_cell,
)

ROW = "\x00"  # placeholder for the scenario's row number in a formula template
COMPUTED_SHEETS = ("Summary", "Results", "Workings")  # never read back on import
MATCH_PREFIX = "row_of_"  # Workings columns holding the matched row of a reference column


def _literal(value) -> str:
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"'
    return expr.excel_number(float(value))


class Layout:
    """Where each input, assumption and computed value sits in the budget workbook."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self.nrows = wb.tables["Scenarios"].nrows
        self.scenario_letter = {c: column_letter(i) for i, c in enumerate(wb.tables["Scenarios"].columns)}
        self.results = ("name", *RESULT_KEYS)
        self.matches = tuple(c.name for c in SCENARIOS.columns if c.kind == REF)
        self.workings = ("name", *(k for k in REGISTRY if k not in RESULT_KEYS),
                         *(MATCH_PREFIX + c for c in self.matches))
        self.cell: dict[str, tuple[str, str]] = {}
        for sheet, keys in (("Results", self.results), ("Workings", self.workings)):
            for i, key in enumerate(keys):
                if i:
                    self.cell[key] = (sheet, column_letter(i))
        self.assumption_cell = self._assumption_cells()

    def _assumption_cells(self) -> dict[str, str]:
        """Assumption key -> the value cell the app reads: the first row of the key holding a
        value, else the key's first row (blank: the default applies, in the app and in Excel)."""
        t = self.wb.tables["Assumptions"]
        value_letter = column_letter(t.columns.index("value"))
        chosen: dict[str, int] = {}
        for i, (key, value) in enumerate(zip(t.data["key"], t.data["value"])):
            if key not in ASSUMPTION_KEYS:
                continue
            if key not in chosen or (value is not None and t.data["value"][chosen[key]] is None):
                chosen[key] = i
        return {k: f"Assumptions!${value_letter}${i + 2}" for k, i in chosen.items()}

    def scenario_ref(self, column: str) -> str:
        return f"Scenarios!${self.scenario_letter[column]}{ROW}"

    def ref(self, key: str, from_sheet: str) -> str:
        sheet, letter = self.cell[key]
        prefix = "" if sheet == from_sheet else f"{sheet}!"
        return f"{prefix}${letter}{ROW}"


class BudgetContext:
    """expr.ExcelContext over a :class:`Layout`, for formulas placed on `sheet`."""

    def __init__(self, layout: Layout, sheet: str):
        self.layout = layout
        self.sheet = sheet
        self._match_of: dict[str, str] = {}  # rendered key text -> Workings match cell
        for column in layout.matches:
            self._match_of[self.scenario_input(column)] = layout.ref(MATCH_PREFIX + column, sheet)

    def name(self, name: str) -> str:
        if name in REGISTRY:
            return self.layout.ref(name, self.sheet)
        base = name.removeprefix("scenario.")
        if base in self.layout.scenario_letter:
            return self.scenario_input(base)
        if base in ASSUMPTION_KEYS:
            default = _literal(ASSUMPTION_KEYS[base].default)
            if base not in self.layout.assumption_cell:
                return default
            return f"IF(ISBLANK({base}),{default},{base})"
        raise expr.ExprError(f"the budget has no cell for {name!r}")

    def scenario_input(self, column: str) -> str:
        """A scenario cell as the app reads it: blank gives the default, or #N/A when required."""
        ref = self.layout.scenario_ref(column)
        col = SCENARIOS.column(column)
        if col.default is not None:
            return f"IF(ISBLANK({ref}),{_literal(col.default)},{ref})"
        if col.required:
            return f"IF(ISBLANK({ref}),NA(),{ref})"
        return ref

    def is_blank(self, name: str) -> str:
        base = name.removeprefix("scenario.")
        if base in self.layout.scenario_letter:
            return f"ISBLANK({self.layout.scenario_ref(base)})"
        return "FALSE"  # assumptions always have a value (their default at worst)

    def lookup(self, table: str, column: str, key: str) -> str:
        row = self._match_of.get(key) or match_formula(self.layout.wb, table, key)
        return f"INDEX({column_range(self.layout.wb, table, column)},{row})"


def match_formula(wb: Workbook, table: str, key: str) -> str:
    """Position of `key` among the table's names: exact and case-sensitive like the app
    (MATCH alone would ignore case and treat ? and * as wildcards)."""
    names = column_range(wb, table, TABLES[table].key)
    return f"MATCH(TRUE,INDEX(EXACT({names},{key}),0),0)"


def formula_templates(layout: Layout) -> dict[tuple[str, str], str]:
    """(sheet, column) -> formula text with ROW placeholders, for the Results and Workings sheets."""
    out = {}
    for sheet in ("Results", "Workings"):
        ctx = BudgetContext(layout, sheet)
        out[(sheet, "name")] = f"=Scenarios!${layout.scenario_letter['name']}{ROW}"
        for column in layout.matches:
            key = MATCH_PREFIX + column
            if layout.cell[key][0] == sheet:
                out[(sheet, key)] = "=" + match_formula(layout.wb, SCENARIOS.column(column).ref,
                                                       ctx.scenario_input(column))
        for key, f in REGISTRY.items():
            if layout.cell[key][0] != sheet:
                continue
            text = expr.to_excel(f.tree, ctx)
            trigger = STAGE_TRIGGER.get(f.stage)
            if trigger:
                text = f'IF(ISBLANK({layout.scenario_ref(trigger)}),"",{text})'
            if f.guard:
                text = f'IF(ISBLANK({layout.scenario_ref(f.guard)}),"",{text})'
            out[(sheet, key)] = "=" + text
    return out


def _computed_sheet(book, layout: Layout, sheet: str, keys: tuple[str, ...], templates, currencies,
                    lang: str) -> None:
    ws = book.create_sheet(sheet)
    ws.freeze_panes = "B2"
    set_widths(ws, [28.0] + [max(14.0, len(k) + 2.0) for k in keys[1:]])
    ws.append([_header_cell(ws, k, lang) for k in keys])
    formats = [[number_format(k, cur) for k in keys] for cur in ("USD", "CNY")]
    rows = [templates[(sheet, k)] for k in keys]
    for r in range(layout.nrows):
        if r % progress.EVERY_ROWS == 0:
            progress.tick()
        number = str(r + 2)
        fmt = formats[currencies[r] == "CNY"]
        ws.append([formula_cell(ws, t.replace(ROW, number), f) for t, f in zip(rows, fmt)])


_WORDS = {  # Summary wording: (English, Simplified Chinese)
    "title": ("Budget summary", "预算汇总"),
    "note": ("Amounts in each scenario's currency. Every figure is a live formula over the input "
             "sheets (details on the Results sheet); #N/A means an input is missing or invalid.",
             "金额以各场景的币种计。所有数字都是基于输入工作表的实时公式（明细见 Results 工作表）；"
             "#N/A 表示某项输入缺失或无效。"),
    "name": ("Scenario", "场景"),
    "currency": ("Currency", "币种"),
    "capex_total": ("Capital expenditure", "一次性购置成本"),
    "daily_total": ("Cost per day", "每日总成本"),
    "monthly_total": ("Cost per month", "每月总成本"),
    "annual_total": ("Cost per year", "年度总成本"),
    "cost_per_million_tokens": ("Cost per 1M tokens (serving)", "每百万 Token 成本（推理）"),
}


def _zh(lang: str) -> bool:
    return str(lang).lower().replace("-", "_").startswith("zh")


def _labels():
    try:
        from ..core import labels
    except ImportError:  # pragma: no cover - labels ship with the translations
        return None
    return labels


def word(key: str, lang: str) -> str:
    """Summary wording in the interface language."""
    return _WORDS[key][1 if _zh(lang) else 0]


def result_label(key: str, lang: str) -> str:
    labels = _labels()
    if labels is not None and hasattr(labels, "result_label"):
        return labels.result_label(key, lang)
    return _WORDS[key][1 if _zh(lang) else 0] if key in _WORDS else key


def _header_cell(ws, key: str, lang: str):
    """A bold header holding the stable key, with a note: label, unit and what it means."""
    from openpyxl.comments import Comment

    cell = text_cell(ws, key, bold=True)
    formula = REGISTRY.get(key)
    if formula is not None:
        unit = f" [{formula.unit}]" if formula.unit else ""
        cell.comment = Comment(f"{result_label(key, lang)}{unit}\n{formula.doc}\n= {formula.expr}",
                               "LLM Cost Workbench", width=320, height=120)
    return cell


def _summary_sheet(book, layout: Layout, currencies: list[str], lang: str) -> None:
    """Capex and cost per day, month, year and 1M tokens per scenario, for a finance reader."""
    from openpyxl.styles import Alignment, Font

    ws = book.create_sheet("Summary")
    ws.freeze_panes = "B5"
    names = layout.wb.tables["Scenarios"].data["name"]
    set_widths(ws, [max(24.0, min(60.0, max((len(str(n)) for n in names), default=0) + 2.0)), 10.0]
               + [22.0] * len(SUMMARY_KEYS))
    title = text_cell(ws, word("title", lang))
    title.font = Font(bold=True, size=14)
    ws.append([title])
    note = text_cell(ws, word("note", lang))
    note.alignment = Alignment(wrap_text=False)
    ws.append([note])
    ws.append([])
    ws.append([text_cell(ws, word("name", lang), bold=True), text_cell(ws, word("currency", lang), bold=True),
               *(text_cell(ws, word(k, lang), bold=True) for k in SUMMARY_KEYS)])
    currency_ref = layout.scenario_ref("currency")
    for r in range(layout.nrows):
        row = str(r + 2)
        cells = [formula_cell(ws, f"=Results!$A{row}"),
                 formula_cell(ws, f'=IF(ISBLANK({currency_ref}),"USD",{currency_ref})'.replace(ROW, row))]
        for key in SUMMARY_KEYS:
            cells.append(formula_cell(ws, "=" + layout.ref(key, "Summary").replace(ROW, row),
                                      number_format(key, currencies[r])))
        ws.append(cells)


def _define_assumption_names(book, layout: Layout) -> None:
    from openpyxl.workbook.defined_name import DefinedName

    for key, cell in layout.assumption_cell.items():
        book.defined_names[key] = DefinedName(key, attr_text=cell)


def build_budget(wb: Workbook, lang: str = "en"):
    """The budget as an openpyxl (write-only) Workbook, not yet saved."""
    import openpyxl

    layout = Layout(wb)
    templates = formula_templates(layout)
    sc = wb.tables["Scenarios"]
    currencies = [sc.get(r, "currency") or "USD" for r in range(sc.nrows)]
    book = openpyxl.Workbook(write_only=True)
    _summary_sheet(book, layout, currencies, lang)
    _computed_sheet(book, layout, "Results", layout.results, templates, currencies, lang)
    append_input_sheets(book, wb)
    _computed_sheet(book, layout, "Workings", layout.workings, templates, currencies, lang)
    _define_assumption_names(book, layout)
    book.calculation.fullCalcOnLoad = True  # no cached values: the spreadsheet computes on open
    return book


def write_budget(wb: Workbook, path: str | Path, lang: str = "en") -> None:
    """Write the budget workbook atomically (the target is replaced only by a complete file)."""
    book = build_budget(wb, lang)
    with atomic_path(path) as tmp:
        book.save(tmp)
