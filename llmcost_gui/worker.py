"""The computing process: heavy analyses (Monte Carlo bands) run here, not in the window's process.

The window starts one such process (``multiprocessing``, spawn) and sends it jobs over a pipe:
``(job id, function, arguments)``, pickled; the function is a module-level core function (no
Qt is ever imported here).  Each answer is ``(job id, True, result)`` or ``(job id, False,
reason)``.  The process ends when the pipe closes (the window's process ended) or on ``None``.

Numbers computed here hold no lock the window needs: no shared interpreter lock, no garbage
collector running on a thread that is not the GUI's.
"""

from __future__ import annotations

import os

NICENESS = 5  # below the window: typing gets the processor first, the bands the rest


def serve(conn) -> None:
    """Answer jobs until the pipe closes."""
    if hasattr(os, "nice"):  # Linux and macOS; this process only, not the window's
        os.nice(NICENESS)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        job_id, func, args = job
        try:
            answer = (job_id, True, func(*args))
        except Exception as exc:  # noqa: BLE001 - any failure is the answer, the process lives on
            from .core.reasons import Reason

            why = getattr(exc, "reason", None)  # a core RefusalError: its Reason, worded by the window
            answer = (job_id, False, why if isinstance(why, Reason) else str(exc) or type(exc).__name__)
        try:
            conn.send(answer)
        except (EOFError, OSError):
            return


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (for `llmcost bench`; Linux and macOS)."""
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KB on Linux


def loaded_modules() -> list[str]:
    """The modules this process has imported (a test checks that Qt is not among them)."""
    import sys

    return sorted(sys.modules)
