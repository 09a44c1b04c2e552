"""Undo steps: one generic QUndoCommand around the core's plain-data commands.

The core's ``Workbook.apply`` returns the inverse of every command it applies, so undo and redo
just apply what the previous step returned.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.workbook import Workbook


class CoreCommand(QUndoCommand):
    """An undo step for a core command that has already been applied."""

    def __init__(self, workbook: Workbook, command, inverse, text: str):
        super().__init__(text)
        self._workbook = workbook
        self._command = command
        self._inverse = inverse
        self._applied = True  # the first redo() (from QUndoStack.push) has nothing to do

    def redo(self):
        if self._applied:
            return
        self._inverse = self._workbook.apply(self._command)
        self._applied = True

    def undo(self):
        self._command = self._workbook.apply(self._inverse)
        self._applied = False


def push_edit(stack: QUndoStack, workbook: Workbook, command, text: str) -> bool:
    """Apply `command` and record it on `stack`; False when it changed nothing.

    Raises core.cells.InputError (and changes nothing) when the input is refused.
    """
    before = workbook.revision
    inverse = workbook.apply(command)
    if workbook.revision == before:
        return False
    stack.push(CoreCommand(workbook, command, inverse, text))
    return True
