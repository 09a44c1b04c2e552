"""Progress of long reads and writes, for whoever shows it (the window); no Qt here.

Loops over many rows call :func:`tick`; a caller that wants to keep a window alive installs a
callback with :func:`reporting`.  Everything runs on the caller's thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

EVERY_ROWS = 500  # loops tick once per this many rows

_callback: Callable[[], None] | None = None


def tick() -> None:
    """Let the installed callback run (keep a window painting, update a progress dialog)."""
    if _callback is not None:
        _callback()


@contextlib.contextmanager
def reporting(callback: Callable[[], None]):
    """Install `callback` for the duration of the block."""
    global _callback
    previous, _callback = _callback, callback
    try:
        yield
    finally:
        _callback = previous
