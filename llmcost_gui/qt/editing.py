"""Spreadsheet editing on a grid: copy, paste, clear (one undo step each).

Copy writes the selection's bounding rectangle as tab-separated raw values (what Excel and
LibreOffice exchange); paste writes a tab-separated block at the current cell, or fills the
selection with a single copied value; a block reaching past the last row (the last scenario,
in the scenario grid) adds the rows it needs, in the same undo step.  Cells that are not inputs
are skipped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

from ..core.cells import InputError
from ..core.workbook import Batch, InsertRows, SetCells
from . import i18n
from .commands import push_edit


def selection_text(view: QTableView) -> str:
    """The selected rectangle as tab-separated text (raw values, not formatted)."""
    indexes = view.selectionModel().selectedIndexes() if view.selectionModel() else []
    if not indexes:
        current = view.currentIndex()
        indexes = [current] if current.isValid() else []
    if not indexes:
        return ""
    rows = [i.row() for i in indexes]
    cols = [i.column() for i in indexes]
    model = view.model()
    lines = []
    for r in range(min(rows), max(rows) + 1):
        cells = []
        for c in range(min(cols), max(cols) + 1):
            value = model.index(r, c).data(Qt.ItemDataRole.EditRole)
            cells.append(_clean(value))
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def _clean(value) -> str:
    return "" if value is None else str(value).replace("\t", " ").replace("\n", " ")


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from tab-separated text (a trailing newline ends the last row)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if text == "":
        return []
    return [line.split("\t") for line in text.split("\n")]


def copy(view: QTableView) -> str:
    text = selection_text(view)
    if text:
        QApplication.clipboard().setText(text)
    return text


def _group(model, targets) -> Batch:
    """Build one command from (grid index, value) pairs; non-input cells are skipped."""
    by_table: dict[str, list] = {}
    for index, value in targets:
        cell = model.cell_at(index)
        if cell is not None:
            table, row, col = cell
            by_table.setdefault(table, []).append((row, col, value))
    return Batch(tuple(SetCells(t, tuple(cells)) for t, cells in by_table.items()))


def _apply(view, command: Batch, text: str) -> bool:
    model = view.model()
    if not command.commands:
        return False
    try:
        return push_edit(model.stack, model.workbook, command, text)
    except InputError as exc:
        model.message.emit(exc.text(i18n.current()))
        return False


def paste_text(view: QTableView, text: str) -> bool:
    """Paste tab-separated `text` into `view`; one undo step. False when nothing changed."""
    block = parse_tsv(text)
    model = view.model()
    if not block or not hasattr(model, "cell_at"):
        return False
    selected = view.selectionModel().selectedIndexes() if view.selectionModel() else []
    targets = []
    if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:
        targets = [(i, block[0][0]) for i in selected]
    else:
        start = view.currentIndex()
        if not start.isValid():
            start = model.index(0, 0)
        for dr, line in enumerate(block):
            for dc, value in enumerate(line):
                index = model.index(start.row() + dr, start.column() + dc)
                if index.isValid():
                    targets.append((index, value))
    command = _group(model, targets)
    beyond = None if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1 \
        else _beyond_cells(model, block, view.currentIndex())
    if beyond is not None:
        command = Batch((*beyond[0], *command.commands, beyond[1]))
    return _apply(view, command, QCoreApplication.translate("Editing", "Paste"))


def _beyond_cells(model, block, start):
    """Commands adding the rows a pasted block reaches past the end of the table, and setting
    their cells: ((InsertRows,), SetCells), or None when the block fits."""
    from .rows import fresh_rows

    if not hasattr(model, "cell_beyond") or not start.isValid():
        start = model.index(0, 0)
    cells, table = [], None
    for dr, line in enumerate(block):
        for dc, value in enumerate(line):
            cell = model.cell_beyond(start.row() + dr, start.column() + dc) \
                if hasattr(model, "cell_beyond") else None
            if cell is not None:
                table = cell[0]
                cells.append((cell[1], cell[2], value))
    if not cells:
        return None
    wb = model.workbook
    n = wb.tables[table].nrows
    count = max(row for row, _c, _v in cells) - n + 1
    return (InsertRows(table, n, fresh_rows(wb, table, count)),), SetCells(table, tuple(cells))


def paste(view: QTableView) -> bool:
    return paste_text(view, QApplication.clipboard().text())


def clear(view: QTableView) -> bool:
    """Blank the selected input cells (one undo step).  With several cells selected, names
    that must not be blank are left alone."""
    model = view.model()
    if not hasattr(model, "cell_at"):
        return False
    selected = view.selectionModel().selectedIndexes() if view.selectionModel() else []
    if not selected and view.currentIndex().isValid():
        selected = [view.currentIndex()]
    targets = []
    for index in selected:
        column = model.column_at(index)
        if column is None:
            continue
        if len(selected) > 1 and column.required and column.stage == "identity":
            continue
        targets.append((index, None))
    return _apply(view, _group(model, targets), QCoreApplication.translate("Editing", "Clear"))


def select(view: QTableView, index: QModelIndex) -> None:
    """Make `index` current and selected, and scroll to it."""
    if index.isValid():
        view.setCurrentIndex(index)
        view.scrollTo(index)
