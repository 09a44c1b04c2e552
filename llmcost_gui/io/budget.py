"""The budget workbook for finance: Summary, Results, the input sheets and hidden Workings.

Written with XlsxWriter, which stores each formula's value with the formula (the app's own
evaluation, equal to what Excel, LibreOffice, Gnumeric and the ``formulas`` package recompute),
and writes the chart, conditional formats, data validation, defined names and print setup.  The
formulas come from the registry (:mod:`.budget_formulas`), the values from the app
(:mod:`.budget_values`), the looks from :mod:`.budget_style`; the input sheets are
:mod:`.budget_inputs`, the Summary :mod:`.budget_summary`.  Reading a budget back uses the
ordinary importer (openpyxl), which reads the input sheets and ignores the computed ones.
"""

from __future__ import annotations

from pathlib import Path

from ..core import labels
from ..core.formulas import REGISTRY, RESULT_KEYS
from ..core.schema import SCENARIOS
from ..core.units import header_unit, is_money
from ..core.workbook import Workbook
from . import progress
from .atomic import atomic_path
from .budget_formulas import (
    COMPUTED_SHEETS,
    IN,
    RESULTS,
    RESULTS_CURRENCY_ROW,
    RESULTS_FIRST_COL,
    WORKINGS,
    Layout,
    assumption_formulas,
    formula_templates,
)
from .budget_inputs import write_input_sheets
from .budget_style import (
    FIT_SAMPLE,
    Styles,
    budget_sheet_class,
    fit_width,
    input_number_format,
    money_decimals,
    print_setup,
    result_format,
    scenario_formulas,
    text_width,
    value_text,
)
from .budget_summary import SUMMARY_KEYS, write_summary
from .budget_values import stored_values
from .xlsx_write import column_letter

__all__ = ["COMPUTED_SHEETS", "SUMMARY_KEYS", "build_budget", "write_budget"]


RESULT_WIDTH = 18.0  # widest scenario column of Results (so that many scenarios print one page wide)


def _results(book, styles: Styles, layout: Layout, templates: dict, stored: dict, lang: str) -> None:
    """Results: one row per result (grouped by stage, with its unit), one column per scenario slot;
    each cell the registry formula itself."""
    ws = book.add_worksheet(RESULTS, budget_sheet_class())
    n, slots = layout.nrows, layout.slots
    first = RESULTS_FIRST_COL
    cols = [first + i for i in range(slots)]
    w = labels.budget_word
    ws.write_string(0, 0, labels.label("Results", lang), styles.get("header"))
    ws.write_string(0, 1, labels.label("unit", lang), styles.get("header"))
    ws.write_string(1, 0, w("currency", lang), styles.get("name"))
    names = stored[(RESULTS, "name")]
    scenario_formulas(ws, templates[(RESULTS, "name")], [(0, c) for c in cols], styles.get("name_head"), names)
    scenario_formulas(ws, templates[(RESULTS, "currency")], [(1, c) for c in cols], styles.get("center"),
                      stored[(RESULTS, "currency")])
    widths = [max(11.0, fit_width(str(name), [], None, header_lines=3)) for name in names]
    labels_width = 20.0
    money: dict[int, list] = {2: [], 4: []}
    for kind, key, row in layout.result_lines:
        r = row - 1
        if kind == "section":
            ws.write_string(r, 0, labels.stage_title(key, lang), styles.get("section"))
            for c in range(1, first + n):
                ws.write_blank(r, c, None, styles.get("section"))
            continue
        if kind == "input":  # the value the formulas read: given, or the default (green: a link)
            col = SCENARIOS.column(key)
            unit, num, style, label = col.unit, input_number_format(col), "link", labels.column_label(key, lang)
            values, template = stored[(RESULTS, IN + key)], templates[(RESULTS, IN + key)]
            style = "link" if col.numeric else "link_text"
            if key in RESULT_KEYS:
                label += w("given", lang)
        else:
            unit, num, label = REGISTRY[key].unit, result_format(key), labels.result_label(key, lang)
            style = "formula_text" if unit == "text" else "formula"
            values, template = stored[(RESULTS, key)], templates[(RESULTS, key)]
        labels_width = max(labels_width, text_width(label) + 2)
        ws.write_string(r, 0, label, styles.get("link_label" if kind == "input" else "text"))
        ws.write_string(r, 1, header_unit(unit, lang, named=False),
                        styles.get("unit"))
        scenario_formulas(ws, template, [(r, c) for c in cols], styles.get(style, num), values)
        if kind != "input":
            _reason_notes(ws, layout.wb.results, key, r, cols[:n], lang)
        for i in range(min(n, FIT_SAMPLE)):  # later scenarios keep the width of their name
            if not isinstance(values[i], str) or kind == "key":  # names of things shrink to fit
                widths[i] = max(widths[i], text_width(value_text(values[i], num)) + 2)
        if is_money(unit):
            money[money_decimals(key)].append((r, first, r, first + slots - 1))
    for decimals, ranges in money.items():
        currency_cell = f"{column_letter(first)}${RESULTS_CURRENCY_ROW}"
        styles.currency_rules(ws, ranges, currency_cell, decimals)
    ws.set_column(0, 0, min(labels_width, 40.0))
    ws.set_column(1, 1, 11)
    for i, width in enumerate(widths):
        ws.set_column(first + i, first + i, min(width, RESULT_WIDTH))
    ws.set_column(first + n, first + slots - 1, 11)
    ws.set_row(0, 45)
    ws.freeze_panes(RESULTS_CURRENCY_ROW, first)
    print_setup(ws, lang, layout.result_lines[-1][2] - 1, first + n - 1, header_rows=RESULTS_CURRENCY_ROW,
                title=labels.label("Results", lang))
    ws.repeat_columns(0, 1)


def _reason_notes(ws, results, key: str, r: int, cols: list[int], lang: str) -> None:
    """A note on each cell the app cannot compute (#N/A, or a blank that keeps a reason): why,
    in words of the budget's language."""
    for i, c in enumerate(cols):
        why = results.error(i, key)
        if why is not None and (not results.is_blank(i, key) or results.note(i, key) is not None):
            ws.write_comment(r, c, labels.reason(why, lang), {"x_scale": 2, "y_scale": 1.5})


def _workings(book, styles: Styles, layout: Layout, templates: dict, stored: dict, assumptions: dict) -> None:
    """The hidden, protected (no password) sheet: one row per scenario slot of resolved inputs,
    matched rows and intermediate values; right of them the resolved assumptions, each also a
    defined name (``pue``) that the formulas read."""
    ws = book.add_worksheet(WORKINGS, budget_sheet_class())
    header = styles.get("header")
    places = [(i + 1, 0) for i in range(layout.slots)]
    for j, key in enumerate(layout.workings):
        progress.tick()
        ws.write_string(0, j, key, header)
        scenario_formulas(ws, templates[(WORKINGS, key)], [(r, j) for r, _ in places], None,
                          stored[(WORKINGS, key)])
    key_col = len(layout.workings) + 1
    ws.write_string(0, key_col, "assumption", header)
    ws.write_string(0, key_col + 1, "value used", header)
    for key, formula in assumption_formulas(layout).items():
        r = layout.assumption_row[key] - 1
        ws.write_string(r, key_col, key)
        if isinstance(formula, str):
            ws.write_formula(r, key_col + 1, formula, None, assumptions[key])
        else:
            ws.write_number(r, key_col + 1, formula)
        name = layout.assumption_name(key)
        if name:
            book.define_name(name, "=" + layout.assumption_cell(key))
    ws.hide()
    ws.protect()


def build_budget(wb: Workbook, path: str | Path, lang: str = "en", slots: int | None = None,
                 plans: bool = False, plan_scenarios=None, plan_top: int | None = None,
                 plan_blocks=None) -> None:
    """Write the budget of `wb` to `path` (not atomically: see write_budget).  `slots`: scenario
    rows carrying formulas (default: at least 200, and 50 beyond the last scenario).  `plans`:
    add the Plans compared sheet (:mod:`.budget_plans`) for `plan_scenarios` (names or rows;
    None: every scenario with a stage to plan), the best `plan_top` plans of each; or, given
    `plan_blocks` (the PlanBlocks of budget_plans.collect_plans, searched beforehand, e.g. by the
    window in its computing process), those blocks as they are."""
    import xlsxwriter

    layout = Layout(wb, slots)
    templates = formula_templates(layout)
    stored, assumptions = stored_values(layout)
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False,
                                           "strings_to_urls": False})
    book.set_properties({"title": labels.budget_word("title", lang), "author": "LLM Cost Workbench",
                         "comments": "Exported by LLM Cost Workbench"})
    styles = Styles(book, lang)
    write_summary(book, styles, layout, stored, lang)
    if plans or plan_blocks is not None:
        from .budget_plans import TOP, write_plans_sheet

        write_plans_sheet(book, wb, lang, plan_scenarios, plan_top or TOP, blocks=plan_blocks)
    _results(book, styles, layout, templates, stored, lang)
    write_input_sheets(book, styles, wb, lang, layout.slots)
    _workings(book, styles, layout, templates, stored, assumptions)
    book.close()


def write_budget(wb: Workbook, path: str | Path, lang: str = "en", slots: int | None = None,
                 plans: bool = False, plan_scenarios=None, plan_top: int | None = None,
                 plan_blocks=None) -> None:
    """Write the budget workbook atomically (the target is replaced only by a complete file);
    `plans` and the rest as in build_budget."""
    with atomic_path(path) as tmp:
        build_budget(wb, tmp, lang, slots, plans, plan_scenarios, plan_top, plan_blocks)
