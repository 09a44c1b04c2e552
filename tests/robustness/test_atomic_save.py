"""A `kill -9` in the middle of saving leaves the previous file intact (save and export).

The writer runs in a child process whose `os.fsync` (called by io.atomic once the temporary file
is written, just before it replaces the target) announces itself and then waits to be killed:
the kill lands at the same, most telling point every time, with no timing guesswork."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.xlsx_read import read_workbook
from llmcost_gui.io.xlsx_write import write_document

WRITER = """
import os, sys, time
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.{module} import {function}

def fsync_then_hang(fd):
    print("written", os.fstat(fd).st_size, flush=True)
    time.sleep(60)  # killed here: the temporary file is complete, the target not yet replaced

os.fsync = fsync_then_hang
wb = default_workbook()
wb.set_cell("Scenarios", 0, "name", "renamed before the crash")
{function}(wb, sys.argv[1])
print("finished", flush=True)
"""


def _kill_mid_save(target: Path, module: str, function: str) -> None:
    code = WRITER.format(module=module, function=function)
    proc = subprocess.Popen([sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().split()
        assert line[:1] == ["written"] and int(line[1]) > 0, line
        temps = [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
        assert len(temps) == 1 and temps[0].stat().st_size == int(line[1])
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("module,function", [("xlsx_write", "write_document"), ("budget", "write_budget")])
def test_kill_during_save_keeps_previous_file(tmp_path, module, function):
    target = tmp_path / "budget.xlsx"
    write_document(default_workbook(), target)
    before = target.read_bytes()
    _kill_mid_save(target, module, function)
    assert target.read_bytes() == before
    assert read_workbook(target).scenario_names() == default_workbook().scenario_names()
