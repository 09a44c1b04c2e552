"""Write a Workbook as the native .xlsx document: one sheet per table, header row first.

Also the pieces the budget writer shares: safe text cells (never a formula), the input sheets in
openpyxl's fast write-only mode with drop-down validation, number formats and column widths.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.schema import CHOICE, REF, TABLE_ORDER, TABLES
from ..core.workbook import Workbook
from . import progress
from .atomic import atomic_path

# Characters XML 1.0 cannot hold (openpyxl refuses them): dropped rather than crashing a save.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
HEADROOM = 200  # rows below the data already covered by lookups and drop-downs (rows added in Excel)
MAX_WIDTH = 48


def safe_text(text: str) -> str:
    return _ILLEGAL.sub("", text)


def put_cell(ws, row: int, col: int, value):
    """Write a value; text is always text, never a formula (no formula injection)."""
    if isinstance(value, str):
        value = safe_text(value)
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def text_cell(ws, value, number_format: str | None = None, bold: bool = False):
    """A cell for a write-only sheet; text stays text even when it starts with = + - @."""
    from openpyxl.cell import WriteOnlyCell

    is_text = isinstance(value, str)
    cell = WriteOnlyCell(ws, value=safe_text(value) if is_text else value)
    if is_text:
        cell.data_type = "s"
    if number_format:
        cell.number_format = number_format
    if bold:
        cell.font = _bold()
    return cell


def formula_cell(ws, formula: str, number_format: str | None = None):
    """A live formula cell (`formula` starts with '=') for a write-only sheet."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=formula)
    cell.data_type = "f"
    if number_format:
        cell.number_format = number_format
    return cell


def _bold():
    from openpyxl.styles import Font

    return Font(bold=True)


def write_tables(book, wb: Workbook) -> None:
    """Add the input sheets of `wb` to an openpyxl Workbook."""
    bold = _bold()
    for table in TABLE_ORDER:
        t = wb.tables[table]
        ws = book.create_sheet(table)
        for j, c in enumerate(t.columns, start=1):
            put_cell(ws, 1, j, c).font = bold
            for i, v in enumerate(t.data[c], start=2):
                if v is not None:
                    put_cell(ws, i, j, v)
                if i % progress.EVERY_ROWS == 0:
                    progress.tick()
        ws.freeze_panes = "B2"


def write_document(wb: Workbook, path: str | Path) -> None:
    """Save the document atomically: the target is replaced only by a complete file."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    write_tables(book, wb)
    with atomic_path(path) as tmp:
        book.save(tmp)


# ------------------------------------------------------------------ shared by the budget writer


def column_letter(index: int) -> str:
    """Spreadsheet letters of a 0-based column index."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def last_row(wb: Workbook, table: str) -> int:
    """Last spreadsheet row that lookups and drop-downs over `table` cover."""
    return wb.tables[table].nrows + 1 + HEADROOM


def column_range(wb: Workbook, table: str, column: str) -> str:
    """Absolute range of a column's data cells, e.g. Models!$C$2:$C$224."""
    letter = column_letter(wb.tables[table].columns.index(column))
    return f"{table}!${letter}$2:${letter}${last_row(wb, table)}"


def set_widths(ws, widths: list[float]) -> None:
    for i, w in enumerate(widths):
        ws.column_dimensions[column_letter(i)].width = max(8.0, min(MAX_WIDTH, w))


def text_width(values) -> float:
    """A column width that shows the longest value (East Asian characters count double)."""
    longest = 0
    for v in values:
        if v is None:
            continue
        s = v if isinstance(v, str) else f"{v:,.6g}" if isinstance(v, float) else str(v)
        longest = max(longest, sum(2 if ord(ch) > 0x2E80 else 1 for ch in s))
    return longest + 2.0


def _validations(wb: Workbook, table: str, ws) -> None:
    """Drop-down lists on reference and choice columns (a warning, so new names can be typed)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    t = wb.tables[table]
    end = last_row(wb, table)
    for j, name in enumerate(t.columns):
        col = t.column(name)
        if col.kind == REF and col.ref in wb.tables:
            source = column_range(wb, col.ref, TABLES[col.ref].key)
            message = f"Choose a name from the {col.ref} sheet."
        elif col.kind == CHOICE:
            source = '"' + ",".join(col.choices) + '"'
            message = "Choose one of: " + ", ".join(col.choices)
        else:
            continue
        dv = DataValidation(type="list", formula1=source, allow_blank=True, showDropDown=False,
                            showErrorMessage=True, errorStyle="warning", errorTitle=name, error=message,
                            showInputMessage=True, promptTitle=name, prompt=col.help[:250])
        letter = column_letter(j)
        dv.add(f"{letter}2:{letter}{end}")
        ws.data_validations.append(dv)


def append_input_sheets(book, wb: Workbook) -> None:
    """The input sheets, same layout as write_document, on a write-only openpyxl book:
    bold frozen header, fitted widths, drop-downs on reference and choice columns."""
    for table in TABLE_ORDER:
        t = wb.tables[table]
        ws = book.create_sheet(table)
        ws.freeze_panes = "B2"
        set_widths(ws, [max(len(c) + 2.0, min(text_width(t.data[c]), 36.0)) for c in t.columns])
        _validations(wb, table, ws)
        ws.append([text_cell(ws, c, bold=True) for c in t.columns])
        columns = [t.data[c] for c in t.columns]
        for i in range(t.nrows):
            if i % progress.EVERY_ROWS == 0:
                progress.tick()
            ws.append([None if col[i] is None else text_cell(ws, col[i]) if isinstance(col[i], str)
                       else col[i] for col in columns])


CURRENCY_SYMBOL = {"USD": '"$"', "CNY": '"¥"'}
_UNIT_FORMAT = {
    "FLOP": "0.00E+00", "FLOP/s": "0.00E+00", "B": "0.00E+00", "params": "0.00E+00",
    "GPUs": "#,##0", "requests": "#,##0", "tokens": "#,##0", "GPU-h": "#,##0", "kWh": "#,##0",
    "kWh/day": "#,##0", "PF-days": "#,##0.0", "days": "#,##0.0", "requests/s": "#,##0.00",
    "GPU-s": "0.000000", "s": "0.000000", "ratio": "0.0000", "kW": "0.000",
    "USD": '"$"#,##0.00', "USD/GPU-h": '"$"#,##0.0000',
}


def money_format(currency: str, decimals: int = 2) -> str:
    symbol = CURRENCY_SYMBOL.get(currency, "")
    return f"{symbol}#,##0.{'0' * decimals};-{symbol}#,##0.{'0' * decimals}"


def number_format(key: str, currency: str = "USD") -> str | None:
    """Display format of a computed value by its unit; money carries the scenario's currency."""
    from ..core.formulas import REGISTRY

    formula = REGISTRY.get(key)
    if formula is None:
        return None
    if formula.unit.startswith("money"):
        return money_format(currency, 4 if key == "cost_per_request" else 2)
    return _UNIT_FORMAT.get(formula.unit)
