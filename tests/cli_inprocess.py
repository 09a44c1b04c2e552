"""Run the `llmcost` command line inside the test process (no interpreter start-up per call)."""

import contextlib
import io
import traceback
from types import SimpleNamespace

from llmcost_gui.cli import main


def run_cli(*args) -> SimpleNamespace:
    """Like subprocess.run of `llmcost ARGS`: returncode, stdout, stderr (an uncaught exception
    gives returncode 1 and its traceback on stderr, as the interpreter would)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception:  # noqa: BLE001 - reported like the interpreter does
            traceback.print_exc()
            code = 1
    return SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())
