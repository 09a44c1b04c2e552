"""After a `kill -9` of the window, the next start offers the autosaved edits and restores them."""

import os
import signal
import subprocess
import sys

EDIT_AND_HANG = """
import time
from PySide6.QtWidgets import QApplication
from llmcost_gui.app import create_window, make_app
make_app()
w = create_window(lang="en")
w.show()
m = w.scenario_model
assert m.setData(m.index(m.param_row("train_mfu"), 0), "37%")
assert w.files.autosave()          # what the 30-second timer does while edits are unsaved
QApplication.processEvents()
print("autosaved", flush=True)
time.sleep(60)                     # killed here
"""

RESTART = """
from PySide6.QtWidgets import QApplication, QMessageBox
from llmcost_gui.app import create_window, make_app
asked = []
def yes(*args, **kwargs):
    asked.append(args[2] if len(args) > 2 else "")
    return QMessageBox.StandardButton.Yes
QMessageBox.question = yes
make_app()
w = create_window(lang="en", offer_restore=True)
print("asked", len(asked))
print("mfu", w.workbook.tables["Scenarios"].get(0, "train_mfu"))
print("modified", w.isWindowModified() or w.files.is_modified())
"""


def _env(home):
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")}


def test_kill_9_then_restore_autosave(tmp_path):
    env = _env(tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", EDIT_AND_HANG], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout.readline().strip() == "autosaved"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    out = subprocess.run([sys.executable, "-c", RESTART], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    assert lines["asked"] == "1"
    assert float(lines["mfu"]) == 0.37
    assert lines["modified"] == "True"  # restored work is unsaved work


def test_clean_start_offers_nothing(tmp_path):
    out = subprocess.run([sys.executable, "-c", RESTART], env=_env(tmp_path), capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "asked 0" in out.stdout
