"""Work off the GUI thread; only the newest request's answer is delivered.

* :class:`ProcessComputer` runs a module-level core function in the computing process
  (:mod:`llmcost_gui.worker`): the summary strip's bands and every chart.  It shares no
  interpreter lock with the window, and no Python thread of ours runs in the window's process
  (a garbage collection on such a thread could free Qt objects there and deadlock with the GUI
  thread: it did, with charts on a thread pool).

No interpreter-wide setting (switch interval, garbage collector) is changed."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal


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


POLL_MS = 10  # how often the GUI thread looks for an answer while a job runs


class _WorkerProcess(QObject):
    """The computing process (llmcost_gui.worker), shared by every ProcessComputer of this
    program: one job at a time, the newest pending job of each client next (urgent clients
    first), answers read on the GUI thread by polling the pipe (no thread of ours in this
    process)."""

    def __init__(self):
        super().__init__()
        self._process = None
        self._conn = None
        self._queue: dict[int, tuple] = {}  # client id -> (client, job id, func, args), oldest first
        self._running: tuple | None = None  # (client, job id)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def submit(self, client, job_id: int, func, args: tuple) -> None:
        self._queue.pop(id(client), None)  # only the client's newest job is worth doing
        self._queue[id(client)] = (client, job_id, func, args)
        self._next()

    def cancel(self, client) -> None:
        """Forget the client's queued job (a running one finishes; its answer is dropped)."""
        self._queue.pop(id(client), None)

    def _first(self) -> int:
        """The queued client to serve next: the oldest urgent one (someone waits on a dialog),
        else the oldest."""
        for key, (client, *_rest) in self._queue.items():
            if shiboken6.isValid(client) and client.urgent:
                return key
        return next(iter(self._queue))

    def _ensure_started(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        import multiprocessing

        from .. import worker

        ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=worker.serve, args=(child,), daemon=True,
                                    name="llmcost-worker")
        self._process.start()
        child.close()

    def _next(self) -> None:
        if self._running is not None:
            return
        while self._queue:  # the jobs of clients deleted with their window are dropped
            client, job_id, func, args = self._queue.pop(self._first())
            if shiboken6.isValid(client):
                break
        else:
            return
        try:
            self._ensure_started()
            self._conn.send((job_id, func, args))
        except Exception as exc:  # noqa: BLE001 - no process, or a job that cannot be pickled
            self._stop_process()
            self._deliver(client, job_id, None, f"cannot start the computation: {exc}")
            return self._next()
        self._running = (client, job_id)
        self._timer.start()

    def _poll(self) -> None:
        if self._running is None:
            self._timer.stop()
            return
        try:
            if not self._conn.poll():
                if self._process.is_alive():
                    return
                raise EOFError
            job_id, ok, payload = self._conn.recv()
        except (EOFError, OSError):
            job_id, ok, payload = self._running[1], None, "the computing process ended"
            self._stop_process()
        client, self._running = self._running[0], None
        self._timer.stop()
        self._deliver(client, job_id, ok, payload)
        self._next()

    @staticmethod
    def _deliver(client, job_id: int, ok: bool | None, payload) -> None:
        """ok: True (a result), False (the job failed), None (the process failed the job)."""
        try:
            client._answer(job_id, ok, payload)
        except RuntimeError:  # the client was deleted with its window
            pass

    def _stop_process(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        self._process = self._conn = None


_WORKER: _WorkerProcess | None = None


def worker_process() -> _WorkerProcess:
    """The program's computing process (started with the first job)."""
    global _WORKER
    if _WORKER is None:
        _WORKER = _WorkerProcess()
    return _WORKER


class ProcessComputer(QObject):
    """Runs jobs in the computing process, newest first: `submit(func, *args)`
    with a module-level Qt-free function and picklable arguments.  An `urgent` computer's jobs
    go before the queued jobs of the others (the charts and bands can wait for a job the user
    waits on behind a dialog); a running job is never interrupted."""

    finished = Signal(object)
    error = Signal(object)  # the job raised (a core Reason, or text): the same job would raise again
    lost = Signal(str)  # the computing process could not answer (it ended): worth trying again

    def __init__(self, parent=None, urgent: bool = False):
        super().__init__(parent)
        self.generation = 0
        self.busy = False
        self.urgent = urgent

    def submit(self, func, *args) -> None:
        self.generation += 1
        self.busy = True
        worker_process().submit(self, self.generation, func, args)

    def cancel(self) -> None:
        """No answer is wanted any more."""
        self.generation += 1
        self.busy = False
        worker_process().cancel(self)

    def _answer(self, generation: int, ok: bool | None, payload) -> None:
        if generation != self.generation:  # superseded: a newer job is queued or running
            return
        self.busy = False
        if ok:
            self.finished.emit(payload)
        elif ok is None:
            self.lost.emit(str(payload))
        else:
            self.error.emit(payload)
