"""Row and scenario operations: add, duplicate, delete (each one undo step)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core import labels
from ..core.cells import InputError
from ..core.rules import unique_name
from ..core.workbook import DeleteRows, InsertRows, Workbook
from . import i18n
from .commands import push_edit

# What a new row is called, per table (made unique with " (2)", " (3)"…).
NEW_NAME = {
    "Models": "New model",
    "Hardware": "New card",
    "Prices": "New offer",
    "ApiOffers": "New API offer",
    "Assumptions": "new_assumption",
    "Scenarios": "New scenario",
}



def _new_row(wb: Workbook, table: str) -> dict:
    t = wb.tables[table]
    row = {t.schema.key: wb.unique_name(table, NEW_NAME[table])}
    if table == "Scenarios":  # a scenario needs a model: take the first one
        models = wb.tables["Models"].names()
        if models:
            row["model"] = models[0]
    if table == "Prices":
        cards = wb.tables["Hardware"].names()
        if cards:
            row["hardware"] = cards[0]
    return row


def _undo_text(table: str, rows_text: str, scenario_text: str) -> str:
    """'Add row (Models)' / 'Add scenario': what the undo menu says, with the table's label."""
    if table == "Scenarios":
        return scenario_text
    return f"{rows_text} ({labels.table_label(table, i18n.current())})"


def fresh_rows(wb: Workbook, table: str, count: int) -> tuple[dict, ...]:
    """`count` new rows for `table`, with names unique among themselves and the table."""
    out, used = [], set(wb.tables[table].names())
    key = wb.tables[table].schema.key
    for _ in range(count):
        row = _new_row(wb, table)
        base, name, n = NEW_NAME[table], row[key], 2
        while name in used:
            name, n = f"{base} ({n})", n + 1
        row[key] = name
        used.add(name)
        out.append(row)
    return tuple(out)


def insert_row(stack, wb: Workbook, table: str, index: int) -> int:
    """Insert a fresh row at `index`; returns its index."""
    index = max(0, min(index, wb.tables[table].nrows))
    push_edit(stack, wb, InsertRows(table, index, (_new_row(wb, table),)),
              _undo_text(table, QCoreApplication.translate("Rows", "Add row"),
                         QCoreApplication.translate("Rows", "Add scenario")))
    return index


def duplicate_rows(stack, wb: Workbook, table: str, indices: list[int]) -> list[int]:
    """Copy rows (with unique names) right after the last of them; returns the new indices."""
    t = wb.tables[table]
    indices = sorted(i for i in set(indices) if 0 <= i < t.nrows)
    if not indices:
        return []
    used = dict(t.folded_index())
    rows = []
    for i in indices:
        row = t.row(i)
        name = unique_name(t, str(row.get(t.schema.key) or NEW_NAME[table]), used)
        used[name.casefold()] = -1
        row[t.schema.key] = name
        rows.append(row)
    at = indices[-1] + 1
    text = _undo_text(table, QCoreApplication.translate("Rows", "Duplicate rows"),
                      QCoreApplication.translate("Rows", "Duplicate scenario"))
    push_edit(stack, wb, InsertRows(table, at, tuple(rows)), text)
    return list(range(at, at + len(rows)))


def delete_rows(stack, wb: Workbook, table: str, indices: list[int]) -> bool:
    indices = sorted(i for i in set(indices) if 0 <= i < wb.tables[table].nrows)
    if not indices:
        return False
    text = _undo_text(table, QCoreApplication.translate("Rows", "Delete rows"),
                      QCoreApplication.translate("Rows", "Delete scenario"))
    try:
        return push_edit(stack, wb, DeleteRows(table, tuple(indices)), text)
    except InputError:
        return False
