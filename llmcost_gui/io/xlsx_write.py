"""Write a Workbook as the native .xlsx document: one sheet per table, header row first."""

from __future__ import annotations

from pathlib import Path

from ..core.schema import TABLE_ORDER
from ..core.workbook import Workbook
from .atomic import atomic_path


def put_cell(ws, row: int, col: int, value):
    """Write a value; text is always text, never a formula (no formula injection)."""
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def write_tables(book, wb: Workbook) -> None:
    """Add the five input sheets of `wb` to an openpyxl Workbook."""
    from openpyxl.styles import Font

    bold = Font(bold=True)
    for table in TABLE_ORDER:
        t = wb.tables[table]
        ws = book.create_sheet(table)
        for j, c in enumerate(t.columns, start=1):
            put_cell(ws, 1, j, c).font = bold
            for i, v in enumerate(t.data[c], start=2):
                if v is not None:
                    put_cell(ws, i, j, v)
        ws.freeze_panes = "B2"


def write_document(wb: Workbook, path: str | Path) -> None:
    """Save the document atomically: the target is replaced only by a complete file."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    write_tables(book, wb)
    with atomic_path(path) as tmp:
        book.save(tmp)
