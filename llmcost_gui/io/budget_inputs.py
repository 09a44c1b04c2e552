"""The input sheets of the budget: headers in words, blue input cells, data validation.

Headers are the window's labels with units (the importer reads them back, in either language);
beside each assumption key, the Assumptions sheet says the assumption in words;
every input cell, down to the empty rows left for additions, is styled as an input and validated
with the app's domain: numbers with their bounds (fractions as percentages), whole numbers,
drop-down lists for choices and for names of other tables, each with an input message and a
stop alert.  Text is always written as text, never as a formula.
"""

from __future__ import annotations

from ..core import labels
from ..core.evaluate import currency_column
from ..core.schema import ASSUMPTION_KEYS, CHOICE, INT, REF, TABLE_ORDER, TABLES, Column
from ..core.units import UNIT_FORMAT, is_money
from ..core.workbook import Workbook
from . import progress
from .budget_formulas import WORDS, bound_conditions, sheet_columns
from .budget_style import (
    Styles,
    column_header,
    fit_width,
    input_format,
    money_decimals,
    print_setup,
)
from .xlsx_write import column_letter, column_range, last_row, safe_text

MAX_MESSAGE = 250  # Excel's limit on an input or error message is 255 characters


def _bound(x: float, percent: bool) -> str:
    return f"{x * 100:g} %" if percent else f"{x:g}"


def domain_words(col: Column, lang: str) -> str:
    """The allowed values of a numeric column, in words ("a percentage > 0 % and ≤ 100 %")."""
    w = labels.budget_word
    percent = col.unit == "fraction"
    kind = w("percent", lang) if percent else w("whole" if col.kind == INT else "number", lang)
    parts = []
    if col.lo is not None:
        parts.append(w("gt" if col.lo_open else "ge", lang).format(x=_bound(col.lo, percent)))
    if col.hi is not None:
        parts.append(w("le", lang).format(x=_bound(col.hi, percent)))
    joiner = " 且 " if labels.lang_index(lang) else " and "
    return f"{kind} {joiner.join(parts)}".strip()


def _message(col: Column, label: str, lang: str, kind_text: str, table: str = "") -> dict:
    """Input message and stop alert of a validated cell."""
    w = labels.budget_word
    help_text = labels.description(col.name, lang, table)
    parts = [help_text] if help_text and help_text != col.name else []
    parts.append(kind_text)
    if col.numeric:
        if col.default is not None:
            default = _bound(col.default, col.unit == "fraction")
            parts.append(w("blank_default", lang).format(default=default))
        elif not col.required:
            parts.append(w("blank_none", lang))
    text = "\n".join(parts)[:MAX_MESSAGE]
    return {"input_title": label[:31], "input_message": text, "error_title": label[:31],
            "error_message": (w("bad_value", lang) + "\n" + kind_text)[:MAX_MESSAGE],
            "error_type": "stop", "ignore_blank": True}


def numeric_rule(col: Column, cell: str, blank_ok: bool) -> str:
    """Custom validation formula for a numeric cell (relative to `cell`)."""
    conds = [f"ISNUMBER({cell})", *bound_conditions(col, cell)]
    rule = f"AND({','.join(conds)})"
    # whitespace typed into a scenario input means blank, as in the app
    return f'=OR(TRIM(CLEAN({cell}))="",{rule})' if blank_ok else "=" + rule


def validation(wb: Workbook, table: str, col: Column, cell: str, lang: str) -> dict | None:
    """XlsxWriter data-validation options for one column (None: free text)."""
    label = labels.column_label(col.name, lang)
    w = labels.budget_word
    if col.kind == REF and col.ref in wb.tables:
        opts = {"validate": "list", "source": "=" + column_range(wb, col.ref, TABLES[col.ref].key)}
        return {**opts, **_message(col, label, lang, w("choose_ref", lang).format(table=col.ref), table)}
    if col.kind == CHOICE:
        opts = {"validate": "list", "source": list(col.choices)}
        return {**opts, **_message(col, label, lang, w("choose", lang).format(choices=", ".join(col.choices)),
                                   table)}
    if col.numeric:
        rule = numeric_rule(col, cell, blank_ok=table == "Scenarios")
        allowed = w("allowed", lang).format(domain=domain_words(col, lang))
        return {"validate": "custom", "value": rule, **_message(col, label, lang, allowed, table)}
    return None


def _put(ws, r: int, c: int, value, fmt) -> None:
    if value is None:
        ws.write_blank(r, c, None, fmt)
    elif isinstance(value, str):
        ws.write_string(r, c, safe_text(value), fmt)
    else:
        ws.write_number(r, c, float(value), fmt)


def write_input_sheet(book, styles: Styles, wb: Workbook, table: str, lang: str, rows: int) -> None:
    """One input sheet; `rows`: data rows styled and validated, the table's and the empty ones."""
    t = wb.tables[table]
    ws = book.add_worksheet(table)
    ws.freeze_panes(1, 1)
    columns = sheet_columns(wb, table)
    headers = [labels.budget_word("assumption_words", lang) if c == WORDS else column_header(table, c, lang)
               for c in columns]
    ws.set_row(0, 30)
    currency_col = currency_column(TABLES[table])
    for j, name in enumerate(columns):
        fmt_text = input_format(table, name)
        fmt = styles.get("text" if name == WORDS else "input", fmt_text)
        values = _words(t, lang) if name == WORDS else t.data[name]
        ws.write_string(0, j, headers[j], styles.get("header"))
        ws.set_column(j, j, fit_width(headers[j], values, fmt_text))
        for i in range(rows):
            if i % 500 == 0:
                progress.tick()
            _put(ws, i + 1, j, values[i] if i < t.nrows else None, fmt)
        col = TABLES[table].by_name.get(name)
        if col is not None and not (table == "Assumptions" and name == "value"):
            opts = validation(wb, table, col, f"{column_letter(j)}2", lang)
            if opts:
                ws.data_validation(1, j, rows, j, opts)
        if currency_col and col is not None and is_money(col.unit):
            styles.currency_rules(ws, [(1, j, rows, j)], f"${column_letter(columns.index(currency_col))}2",
                                  decimals=money_decimals(name))
    if table == "Assumptions":
        _assumption_values(ws, styles, t, columns.index("value"), lang)
    print_setup(ws, lang, t.nrows, len(t.columns) - 1, title=labels.table_label(table, lang))


def _words(t, lang: str) -> list[str | None]:
    """Each assumption key in words (blank for a key of the user's own)."""
    return [labels.column_label(k, lang) if k in ASSUMPTION_KEYS else None for k in t.data["key"]]


def _assumption_values(ws, styles: Styles, t, j: int, lang: str) -> None:
    """Known assumption keys: their domain on the value cell (column `j`), and % for fractions."""
    for i, key in enumerate(t.data["key"]):
        col = ASSUMPTION_KEYS.get(key)
        if col is None:
            continue
        value = t.data["value"][i]
        _put(ws, i + 1, j, value, styles.get("input", UNIT_FORMAT["fraction"] if col.unit == "fraction" else None))
        opts = validation_for_assumption(col, f"{column_letter(j)}{i + 2}", lang)
        ws.data_validation(i + 1, j, i + 1, j, opts)


def validation_for_assumption(col: Column, cell: str, lang: str) -> dict:
    allowed = labels.budget_word("allowed", lang).format(domain=domain_words(col, lang))
    return {"validate": "custom", "value": numeric_rule(col, cell, blank_ok=True),
            **_message(col, labels.column_label(col.name, lang), lang, allowed, "Assumptions")}


def write_input_sheets(book, styles: Styles, wb: Workbook, lang: str, scenario_rows: int) -> None:
    """The input sheets, in the app's order."""
    for table in TABLE_ORDER:
        rows = scenario_rows if table == "Scenarios" else last_row(wb, table) - 1
        write_input_sheet(book, styles, wb, table, lang, rows)
