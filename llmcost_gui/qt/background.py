"""Work off the GUI thread: a runner that delivers only the newest request's answer.

Jobs are core functions over a frozen :class:`core.variants.Snapshot`: numpy over plain arrays,
no Qt object made or held.  They evaluate in chunks of large arrays (core.uncertainty.CHUNK_ROWS),
and numpy releases the GIL inside each array operation, so the GUI thread, which needs the GIL
for every cell it paints, rarely waits; no interpreter-wide setting (switch interval, garbage
collector) is changed for them."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Task(QRunnable):
    def __init__(self, generation: int, func, signals: _Signals, latest):
        super().__init__()
        self.generation, self.func, self.signals, self.latest = generation, func, signals, latest

    def run(self):
        if self.latest() != self.generation:  # superseded while queued: skip the work
            return
        try:
            result = self.func()
        except Exception as exc:  # noqa: BLE001 - any failure becomes a message on the chart
            try:
                self.signals.failed.emit(self.generation, str(exc))
            except RuntimeError:  # the chart is gone
                pass
            return
        try:
            self.signals.done.emit(self.generation, result)
        except RuntimeError:
            pass


class Computer(QObject):
    """Runs one job at a time for a chart; only the newest request's answer is delivered."""

    finished = Signal(object)
    error = Signal(str)

    def __init__(self, pool: QThreadPool, parent=None):
        super().__init__(parent)
        self.pool = pool
        self.generation = 0
        self.busy = False
        self._signals = _Signals()
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)

    def submit(self, func):
        self.generation += 1
        self.busy = True
        self.pool.start(_Task(self.generation, func, self._signals, self._latest))

    def _latest(self) -> int:
        return self.generation

    def _done(self, generation: int, result):
        if generation == self.generation:
            self.busy = False
            self.finished.emit(result)

    def _failed(self, generation: int, message: str):
        if generation == self.generation:
            self.busy = False
            self.error.emit(message)


def run_with_progress(parent, label: str, func, delay_s: float = 0.3):
    """Run `func()` (a long read or write in llmcost_gui.io) on this thread while the window keeps
    painting: the io loops tick (io.progress), and after `delay_s` a busy dialog appears.

    Not on a worker thread: a Python thread that frees Qt objects during garbage collection can
    deadlock with the GUI thread, and file work is where that would lose a user's document."""
    import time

    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from ..io import progress

    start = time.monotonic()
    state = {"dialog": None, "last": start}

    def keep_alive():
        now = time.monotonic()
        if now - state["last"] < 0.03:
            return
        state["last"] = now
        if state["dialog"] is None and now - start >= delay_s:
            dialog = QProgressDialog(label, "", 0, 0, parent)
            dialog.setCancelButton(None)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.show()
            state["dialog"] = dialog
        # the modal dialog takes the input; before it shows, no input reaches the window at all
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
                                   if state["dialog"] is None else QEventLoop.ProcessEventsFlag.AllEvents)

    try:
        with progress.reporting(keep_alive):
            return func()
    finally:
        if state["dialog"] is not None:
            state["dialog"].close()
            state["dialog"].deleteLater()
