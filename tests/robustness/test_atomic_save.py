"""A `kill -9` in the middle of saving leaves the previous file intact (save and export)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.xlsx_read import read_workbook
from llmcost_gui.io.xlsx_write import write_document

WRITER = """
import sys
from llmcost_gui.io.perf import scaled_workbook
from llmcost_gui.io.{module} import {function}
wb = scaled_workbook(int(sys.argv[2]))
print("ready", flush=True)
{function}(wb, sys.argv[1])
"""


def _kill_mid_write(target: Path, module: str, function: str) -> None:
    code = WRITER.format(module=module, function=function)
    proc = subprocess.Popen([sys.executable, "-c", code, str(target), "6000"], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") for p in target.parent.iterdir()):
        if proc.poll() is not None or time.monotonic() > deadline:
            pytest.fail("the writer finished before it could be interrupted")
        time.sleep(0.005)
    time.sleep(0.2)  # well inside the write
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("module,function", [("xlsx_write", "write_document"), ("budget", "write_budget")])
def test_kill_during_save_keeps_previous_file(tmp_path, module, function):
    pytest.importorskip(f"llmcost_gui.io.{module}")
    target = tmp_path / "budget.xlsx"
    write_document(default_workbook(), target)
    before = target.read_bytes()
    _kill_mid_write(target, module, function)
    assert target.read_bytes() == before
    assert read_workbook(target).scenario_names() == default_workbook().scenario_names()
