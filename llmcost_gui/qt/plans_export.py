"""File ▸ Export budget with plans…: the plan search runs in the computing process, not here.

Each scenario with a stage to plan is one job for the computing process (llmcost_gui.worker,
through a :class:`ProcessComputer`): :func:`io.budget_plans.collect_plans` of that scenario on a
:class:`core.variants.Snapshot` taken when the export starts.  A progress dialog counts the
scenarios and names the one being searched; the window keeps painting (nothing waits on this
thread) and Cancel drops the rest, writing nothing.  When every scenario's plans are back, the
budget is written with those blocks by MainWindow.write_budget_file, as the plain export is:
atomically (a failed write leaves an existing file as it was), under the busy dialog.

The dialog is window-modal: the document cannot change between the snapshot and the write, so
the Plans compared sheet and the live sheets describe the same workbook.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from ..core import labels
from ..core.variants import Snapshot
from ..io.budget_plans import TOP, collect_plans, scenarios_to_plan
from .background import ProcessComputer


class PlansExport(QObject):
    """One export with plans, started by :meth:`start`; `finished(written)` when it is over
    (written: the budget is on disk)."""

    finished = Signal(bool)

    def __init__(self, window, path: str, lang: str, top: int = TOP):
        super().__init__(window)
        self.window, self.path, self.lang, self.top = window, path, lang, top
        self.wb = window.workbook
        self._revision = self.wb.revision
        self._snapshot = Snapshot(self.wb)
        self.rows = scenarios_to_plan(self.wb)
        self.blocks: list = []
        self.searched = 0  # scenarios whose plans are back
        self.done = False  # over: written, cancelled or failed
        self.written = False
        self.computer = ProcessComputer(self, urgent=True)  # before the charts' jobs
        self.computer.finished.connect(self._scenario_done)
        self.computer.error.connect(lambda why: self._fail(labels.reason(why, lang)))
        self.computer.lost.connect(self._fail)
        self.dialog = QProgressDialog("", self.tr("Cancel"), 0, max(len(self.rows), 1), window)
        self.dialog.setWindowTitle(self.tr("Export budget with plans"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    # -- the searches, one scenario at a time
    def start(self) -> None:
        self.dialog.show()
        self._next()

    def _next(self) -> None:
        i = self.searched
        if i == len(self.rows):
            self._write()
            return
        row = self.rows[i]
        name = self.wb.tables["Scenarios"].get(row, "name")
        self.dialog.setLabelText(self.tr("Searching the plans of %1 (%2 of %3)…")
                                 .replace("%1", str(name)).replace("%2", str(i + 1))
                                 .replace("%3", str(len(self.rows))))
        self.dialog.setValue(i)
        self.computer.submit(collect_plans, self._snapshot, [row], self.top, self.lang)

    def _scenario_done(self, blocks: list) -> None:
        if self.done:
            return
        self.blocks.extend(blocks)
        self.searched += 1
        self._next()

    def cancel(self) -> None:
        """Stop: the running search's answer is dropped, nothing is written."""
        if self.done:
            return
        self.computer.cancel()
        self._end(False, self.tr("Export cancelled; nothing was written."))

    def _fail(self, why: str) -> None:
        if self.done:
            return
        self._end(False)
        self.window.files._error(self.tr("Cannot export the budget"), why)

    # -- the file
    def _write(self) -> None:
        self.dialog.setValue(len(self.rows))
        self._close_dialog()  # the write has its own busy dialog
        if self.wb is not self.window.workbook or self.wb.revision != self._revision:
            self._end(False, self.tr("The document changed during the plan search; nothing was "
                                     "written. Export again."))
            return
        self.written = self.window.write_budget_file(self.path, self.lang, self.tr("Cannot export the budget"),
                                                     plan_blocks=self.blocks)
        self._end(self.written)

    def _close_dialog(self) -> None:
        if self.dialog is None:
            return
        dialog, self.dialog = self.dialog, None
        dialog.canceled.disconnect(self.cancel)  # closing a progress dialog says "canceled"
        dialog.close()
        dialog.deleteLater()

    def _end(self, written: bool, message: str = "") -> None:
        self.done = True
        self._close_dialog()
        if message:
            self.window.show_message(message)
        self.finished.emit(written)
