"""Work off the GUI thread: a runner that delivers only the newest request's answer."""

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
