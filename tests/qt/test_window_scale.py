"""Many scenarios in the window: repaint only what changed, bands for the shown scenario only
(cached, the Uncertainty chart's numbers), no autosave inside file work, no interpreter tweaks."""

import gc
import sys

import numpy as np
from PySide6.QtCore import Qt
from qt_helpers import CHATGPT, param_index, scenario, table_index

from llmcost_gui.core.formulas import REGISTRY
from llmcost_gui.qt import bands as bands_module
from llmcost_gui.qt.base_model import MANY_CELLS, cell_runs

EDIT = Qt.ItemDataRole.EditRole


def _spans(model):
    spans = []
    model.dataChanged.connect(lambda a, b, roles=(): spans.append(
        (a.row(), a.column(), b.row(), b.column())))
    return spans


def _values(wb):
    return {k: wb.results.values[k].copy() for k in REGISTRY}


def test_cell_runs_group_adjacent_cells_and_span_crowded_rows():
    assert cell_runs([(0, 3), (0, 1), (0, 2), (0, 7), (2, 0), (9, 0), (1, 99)], 3, 10) == [
        (0, 1, 3), (0, 7, 7), (2, 0, 0)]  # outside the grid: dropped
    crowded = [(4, c) for c in range(0, 2 * (MANY_CELLS + 1), 2)]
    assert cell_runs(crowded, 5, 100) == [(4, 0, 2 * MANY_CELLS)]


def test_an_edit_repaints_only_the_cells_that_changed(window, wb):
    row = scenario(wb, CHATGPT)
    before = _values(wb)
    results, inputs = _spans(window.results_model), _spans(window.scenario_model)
    assert window.scenario_model.setData(param_index(window, "daily_users", row), "20M", EDIT)
    changed = {window.results_model.result_row(k) for k in window.results_model._row_of
               if not np.array_equal(before[k], wb.results.values[k], equal_nan=before[k].dtype != object)}
    assert changed and {(r, row, r, row) for r in changed} == set(results)  # one signal per cell
    assert inputs == [(param_index(window, "daily_users", row).row(), row) * 2]


def test_a_change_to_every_scenario_costs_one_signal_per_grid_row(qtbot):
    from llmcost_gui.io.perf import scaled_workbook
    from llmcost_gui.qt.main_window import MainWindow

    window = MainWindow(scaled_workbook(120))
    qtbot.addWidget(window)
    spans = _spans(window.results_model)
    t = window.workbook.tables["Assumptions"]
    pue = next(i for i in range(t.nrows) if t.get(i, "key") == "pue")
    assert window.table_models["Assumptions"].setData(table_index(window, "Assumptions", pue, "value"),
                                                      "1.5", EDIT)
    assert spans and len(spans) <= window.results_model.rowCount()
    assert any(last - first > MANY_CELLS for _, first, _, last in spans)
    window.stack.setClean()
    window.files.timer.stop()


def _computations(window, monkeypatch):
    """The scenario rows the strip's provider sends off to be computed."""
    rows = []
    computer = window.summary.bands._computer
    real = computer.submit

    def spy(func, snapshot, row, *args):
        rows.append(row)
        real(func, snapshot, row, *args)
    monkeypatch.setattr(computer, "submit", spy)
    return rows


def _small_samples(window, monkeypatch, samples=2_000):
    """Fewer samples and no waiting for more edits: the behaviour, quickly."""
    monkeypatch.setattr(bands_module, "default_settings",
                        lambda: (samples, 0, bands_module.uncertainty.DEFAULT_RANGES))
    window.summary.bands._timer.setInterval(0)


def _wait_bands(qtbot, window, row):
    qtbot.waitUntil(lambda: not window.summary.busy and window.summary.bands.bands_for(row) is not None,
                    timeout=15_000)
    return window.summary.bands.bands_for(row)


def test_bands_only_for_the_shown_scenario_and_cached(window, wb, qtbot, monkeypatch):
    _small_samples(window, monkeypatch)
    computed = _computations(window, monkeypatch)
    row = scenario(wb, CHATGPT)
    window.select_result(row, "daily_total")
    first = _wait_bands(qtbot, window, row)
    assert computed == [row]  # not every scenario: the one on screen
    assert window.summary.band_text("daily_total").startswith("P10–P90")
    # another scenario's edit, going elsewhere and back: the cached bands are used again
    other = (row + 1) % wb.tables["Scenarios"].nrows
    window.scenario_model.setData(param_index(window, "daily_users", other), "1M", EDIT)
    window.select_result(other, "daily_total")
    _wait_bands(qtbot, window, other)
    window.select_result(row, "daily_total")
    assert window.summary.bands.bands_for(row) is first
    assert computed == [row, other]
    # an input of the shown scenario changes: its bands are computed again, and move
    window.scenario_model.setData(param_index(window, "daily_users", row), "26M", EDIT)
    assert window.summary.bands.bands_for(row) is None
    again = _wait_bands(qtbot, window, row)
    assert computed == [row, other, row]
    assert again["daily_total"].p50 > first["daily_total"].p50
    # so does a record it looks up (its serving card's price)
    card = wb.tables["Scenarios"].get(row, "serve_hardware")
    hw = wb.tables["Hardware"].key_index()[card]
    window.table_models["Hardware"].setData(table_index(window, "Hardware", hw, "price"), "30000", EDIT)
    assert window.summary.bands.bands_for(row) is None
    _wait_bands(qtbot, window, row)
    assert computed == [row, other, row, row]


def test_strip_and_uncertainty_chart_show_the_same_percentiles(window, wb, qtbot):
    row = scenario(wb, CHATGPT)
    chart = window.charts.uncertainty
    window.charts.tabs.setCurrentWidget(chart)
    chart.samples.setValue(3_000)
    chart.seed.setValue(11)
    chart.samples.editingFinished.emit()
    window.select_result(row, "daily_total")
    qtbot.waitUntil(lambda: not window.charts.busy() and chart.result is not None, timeout=15_000)
    band = _wait_bands(qtbot, window, row)["daily_total"]
    assert len(chart.result.samples) + chart.result.invalid == 3_000
    assert (band.p10, band.p50, band.p90) == (chart.result.p10, chart.result.p50, chart.result.p90)


def test_autosave_never_runs_inside_a_save(window, wb, qtbot, monkeypatch, tmp_path):
    import time

    from llmcost_gui.io import progress, xlsx_write

    window.scenario_model.setData(param_index(window, "daily_users", 0), "2M", EDIT)
    fired = []
    window.files.timer.timeout.connect(lambda: fired.append(window.files.autosave_path().exists()))
    window.files.timer.setInterval(1)
    real = xlsx_write.write_document

    def slow_write(book, path):
        for _ in range(20):  # a long write: its progress ticks let the window's timers run
            time.sleep(0.01)
            progress.tick()
        real(book, path)
    monkeypatch.setattr(xlsx_write, "write_document", slow_write)
    assert window.files.write(str(tmp_path / "saved.xlsx"))
    window.files.timer.stop()
    assert fired and not any(fired)  # the timer fired during the save; nothing was autosaved
    assert not window.files.autosave_path().exists()


def test_no_interpreter_wide_switch_interval_or_collector_pause(window, qtbot):
    """Charts compute in the computing process: no Python thread of ours runs in the window's
    process (a collection on such a thread could free Qt objects off the GUI thread)."""
    import threading

    assert sys.getswitchinterval() == 0.005 and gc.isenabled()
    window.charts.set_current(0, "daily_total")
    qtbot.waitUntil(lambda: not window.charts.busy(), timeout=15_000)
    assert threading.active_count() == 1
    assert gc.isenabled()


def _answers(computer):
    got = []
    computer.finished.connect(lambda value: got.append(("ok", value)))
    computer.error.connect(lambda reason: got.append(("error", reason)))
    return got


def test_the_computing_process_answers_the_newest_job_and_survives_failures(qtbot):
    import math
    import os
    import time

    from llmcost_gui.qt.background import ProcessComputer, worker_process
    from llmcost_gui.worker import loaded_modules

    computer = ProcessComputer()
    got = _answers(computer)
    computer.submit(os.getpid)
    qtbot.waitUntil(lambda: bool(got), timeout=30_000)
    assert got[0][0] == "ok" and got[0][1] != os.getpid()  # another process did the work
    got.clear()
    computer.submit(loaded_modules)
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    assert "llmcost_gui.worker" in got[0][1]
    assert not [m for m in got[0][1] if m.startswith(("PySide6", "shiboken6", "pyqtgraph"))]
    got.clear()
    computer.submit(math.sqrt, -1.0)
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    assert got == [("error", "math domain error")] and not computer.busy
    got.clear()
    computer.submit(time.sleep, 0.3)
    computer.submit(abs, -3)  # supersedes the sleep: only its answer arrives
    qtbot.waitUntil(lambda: not computer.busy, timeout=10_000)
    assert got == [("ok", 3)]
    got.clear()
    lost = []
    computer.lost.connect(lost.append)
    computer.submit(time.sleep, 5)
    qtbot.wait(200)
    worker_process()._process.kill()  # the process dies under a job: lost, not an error
    qtbot.waitUntil(lambda: bool(lost), timeout=10_000)
    assert lost == ["the computing process ended"] and got == [] and not computer.busy
    computer.submit(abs, -4)  # the next job starts a new process
    qtbot.waitUntil(lambda: not computer.busy, timeout=30_000)
    assert got == [("ok", 4)]


def test_charts_redraw_only_when_what_they_draw_changed(window, wb, qtbot):
    from llmcost_gui.core.uncertainty import dependency_key

    panel = window.charts
    row = scenario(wb, CHATGPT)
    window.select_result(row, "daily_total")
    qtbot.waitUntil(lambda: not panel.busy(), timeout=15_000)
    drawn = panel.sensitivity.rows_for(wb, row, "daily_total")
    submitted = []
    computer = panel.sensitivity.computer
    real = computer.submit
    computer.submit = lambda func, *args: (submitted.append(1), real(func, *args))
    read = " ".join(str(dependency_key(wb, r)) for r in drawn)
    hw = wb.tables["Hardware"]
    unused = next(i for i in range(hw.nrows) if f"'{hw.get(i, 'name')}'" not in read)
    price = table_index(window, "Hardware", unused, "price")
    window.table_models["Hardware"].setData(price, "12345", EDIT)  # a card no drawn scenario uses
    qtbot.wait(100)
    assert not panel.timer.isActive() and submitted == []
    window.scenario_model.setData(param_index(window, "daily_users", row), "14M", EDIT)
    qtbot.waitUntil(lambda: not panel.busy(), timeout=15_000)
    assert submitted == [1]
    # a hidden chart drawn before an unrelated change is redrawn from the newer document
    window.table_models["Hardware"].setData(price, "23456", EDIT)
    panel.tabs.setCurrentIndex(1)
    assert panel.tornado._context[0].tables["Hardware"].get(unused, "price") == 23456
