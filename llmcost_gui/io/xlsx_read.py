"""Read a workbook file (.xlsx) that follows the five-table layout into a Workbook."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..core.schema import TABLE_ORDER
from ..core.workbook import Workbook
from .records import CellProblem, ImportProblems, build_workbook

MAX_ROWS = 100_000


def read_sheets(path: str | Path) -> dict[str, tuple[list, list[list]]]:
    """Input sheets as (header, rows); formula cells give their cached values. Raises ImportProblems."""
    import openpyxl  # deferred: heavy import

    path = Path(path)
    name = path.name
    if not path.is_file():
        raise ImportProblems([CellProblem("", 0, "", f"{name}: file not found")])
    if not zipfile.is_zipfile(path):
        raise ImportProblems([CellProblem("", 0, "", f"{name}: not an .xlsx workbook (not a zip file)")])
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_vba=False)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise ImportProblems([CellProblem("", 0, "", f"{name}: cannot read the workbook: {exc}")]) from None
    try:
        by_lower = {s.lower(): s for s in book.sheetnames}
        sheets = {}
        for table in TABLE_ORDER:
            real = by_lower.get(table.lower())
            if real is None:
                continue
            rows = []
            for i, row in enumerate(book[real].iter_rows(values_only=True)):
                if i > MAX_ROWS:
                    raise ImportProblems([CellProblem(table, i + 1, "", f"more than {MAX_ROWS:,} rows")])
                rows.append(list(row))
            while rows and all(c is None for c in rows[-1]):
                rows.pop()
            if not rows:
                raise ImportProblems([CellProblem(table, 1, "", "the header row is missing")])
            sheets[table] = (rows[0], rows[1:])
        return sheets
    finally:
        book.close()


def read_workbook(path: str | Path, aliases: dict[str, str] | None = None) -> Workbook:
    """Import a workbook file. Raises ImportProblems naming sheet, row and column."""
    return build_workbook(read_sheets(path), aliases)
