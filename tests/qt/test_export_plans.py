"""File ▸ Export budget with plans…: the plan search runs in the computing process, one scenario
at a time behind a progress dialog, the window's event loop free; Cancel writes nothing; a failed
write leaves the file that was there.  On the tiny workbook of tests/core (two scenarios, a few
dozen plans each), so the test takes about a second and never waits without a bound."""

import sys
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
import core_data as cd  # noqa: E402

from llmcost_gui.core import plan as planning  # noqa: E402

TIMEOUT_MS = 30_000  # a bound for a loaded machine; the searches take well under a second


@pytest.fixture
def small_window(qtbot, monkeypatch):
    """The window on the tiny workbook; its summary bands from few samples, so that the job the
    window starts in the computing process on showing is short (an export waits for a running job)."""
    from llmcost_gui.core import uncertainty
    from llmcost_gui.qt.main_window import MainWindow

    monkeypatch.setattr(uncertainty, "DEFAULT_SAMPLES", 64)

    win = MainWindow(cd.make_wb(cd.SERVE, cd.TRAIN))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.stack.setClean()
    win.files.timer.stop()


def _start(window, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.export_budget_with_plans()
    return window.plans_export


def test_export_with_plans_searches_in_the_computing_process(qtbot, small_window, tmp_path, monkeypatch):
    window = small_window
    assert window.acts.export_plans in window.acts.menus.file.actions()
    assert window.acts.export_plans.text() == "Export budget with &plans…"
    path = tmp_path / "plans.xlsx"
    job = _start(window, monkeypatch, path)
    # the call returned at once: the searches are jobs of the computing process, the dialog counts them
    assert job is not None and not job.done and not path.exists()
    dialog = job.dialog
    assert isinstance(dialog, QProgressDialog) and dialog.isVisible() and dialog.isModal()
    assert dialog.maximum() == 2
    assert dialog.labelText() == "Searching the plans of S (1 of 2)…"
    assert job.computer.busy
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT_MS)
    assert job.written and window.plans_export is None
    assert window.statusBar().currentMessage() == f"Budget written to {path}"
    book = openpyxl.load_workbook(path, read_only=True)  # only the sheets read are parsed
    assert book.sheetnames[:3] == ["Summary", "Plans compared", "Results"]
    rows = [tuple(c.value for c in r) for r in book["Plans compared"].iter_rows()]
    titles = [r[0] for r in rows if isinstance(r[0], str) and " plans evaluated, " in r[0]]
    assert [t.split(" — ")[:2] for t in titles] == [["S", "Serving"], ["T", "Pre-training"]]
    # the first plan of each block is the search's cheapest, as the search in this process finds it
    wb = window.workbook
    for name, stage, cost in (("S", "serve", "serve_cost_per_day"), ("T", "train", "train_cost")):
        plans = planning.plan(wb, name, stage)
        start = next(i for i, r in enumerate(rows) if r[0] in titles and r[0].startswith(name + " —"))
        assert f"{plans.evaluated:,} plans evaluated" in rows[start][0]
        first = rows[start + 2]
        assert first[0] == 1 and first[7] == pytest.approx(plans.results[cost][0], rel=1e-15)


def test_a_failed_write_keeps_the_old_file_and_cancel_writes_nothing(qtbot, small_window, tmp_path,
                                                                     monkeypatch):
    window = small_window
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"the budget exported last week")
    from llmcost_gui.io import budget_plans

    def disk_full(*_args, **_kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(budget_plans, "write_plans_sheet", disk_full)  # fails half-way through the file
    shown = []
    monkeypatch.setattr(window.files, "_error", lambda title, detail: shown.append((title, detail)))
    job = _start(window, monkeypatch, path)
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT_MS)
    assert not job.written and shown == [("Cannot export the budget", "No space left on device")]
    assert path.read_bytes() == b"the budget exported last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budget.xlsx"]  # no temporary file left

    job = _start(window, monkeypatch, path)
    job.dialog.findChild(QPushButton).click()  # at once: the running search is dropped
    assert job.done and not job.written and window.plans_export is None
    assert window.statusBar().currentMessage() == "Export cancelled; nothing was written."
    qtbot.waitUntil(lambda: not window.files.busy, timeout=TIMEOUT_MS)
    qtbot.wait(100)  # the dropped answer may arrive: nothing more happens
    assert path.read_bytes() == b"the budget exported last week" and len(shown) == 1
