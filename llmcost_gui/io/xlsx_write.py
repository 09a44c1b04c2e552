"""Write a Workbook as the native .xlsx document: one sheet per table, header row first.

Also what the budget writer (io/budget*.py) shares: safe text, column letters and the ranges
that lookups and drop-downs cover (the table's rows and HEADROOM more).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.schema import TABLE_ORDER
from ..core.workbook import Workbook
from . import progress
from .atomic import atomic_path

# Characters XML 1.0 cannot hold (openpyxl refuses them): dropped rather than crashing a save.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
HEADROOM = 200  # rows below the data already covered by lookups and drop-downs (rows added in Excel)


def safe_text(text: str) -> str:
    return _ILLEGAL.sub("", text) if not text.isprintable() else text  # printable: nothing to drop


def put_cell(ws, row: int, col: int, value):
    """Write a value; text is always text, never a formula (no formula injection)."""
    if isinstance(value, str):
        value = safe_text(value)
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
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
