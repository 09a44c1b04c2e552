"""Guard against a PySide6 release that corrupts Python's refcounts on signal emission.

PySide6 6.12.0 decremented the refcount of True on every ``signal.emit``; after a few hundred
edits the interpreter aborted ("bool_dealloc") — pyproject.toml excludes it.
"""

import sys

from PySide6.QtCore import QAbstractTableModel, Qt


class _Model(QAbstractTableModel):
    def rowCount(self, parent=None):
        return 2

    def columnCount(self, parent=None):
        return 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_signal_emission_keeps_refcounts(qapp):
    model = _Model()
    index = model.index(0, 0)
    before = sys.getrefcount(True)
    for _ in range(200):
        model.dataChanged.emit(index, index)
    assert abs(sys.getrefcount(True) - before) < 5
