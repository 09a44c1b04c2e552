"""The core, io and CLI never import Qt: they run headless and in scripts."""

import subprocess
import sys


def test_importing_core_io_cli_leaves_qt_out():
    code = ("import sys, llmcost_gui.core.workbook, llmcost_gui.core.report, llmcost_gui.io.defaults, "
            "llmcost_gui.io.xlsx_read, llmcost_gui.io.xlsx_write, llmcost_gui.cli;"
            "llmcost_gui.cli.build_parser();"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))];"
            "print(bad); sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
