"""The one current scenario (and result) that the summary strip, formula bar and charts show."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """Which scenario row and result key are current; every view follows :attr:`changed`.

    Choosing or editing a cell of scenario j (inputs or results), or choosing j in the charts,
    calls :meth:`set`; the signal fires only when something actually changed.
    """

    changed = Signal(int, str)  # scenario row, result key

    def __init__(self, parent=None, row: int = 0, key: str = "daily_total"):
        super().__init__(parent)
        self.row, self.key = row, key

    def set(self, row: int, key: str | None = None, force: bool = False) -> None:
        """Make scenario `row` (and result `key`, if given) current."""
        key = key or self.key
        if not force and (row, key) == (self.row, self.key):
            return
        self.row, self.key = int(row), key
        self.changed.emit(self.row, self.key)
