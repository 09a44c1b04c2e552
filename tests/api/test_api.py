"""The Python API: results agree with `compute`, `set` is exactly a cell edit, analyses match the
core, and importing the package pulls in neither pandas nor Qt."""

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import llmcost_gui as lc
from llmcost_gui.cli import main
from llmcost_gui.core.analysis import sweep as core_sweep
from llmcost_gui.core.formulas import RESULT_KEYS

LLAMA = "Llama 3 70B serving on rented H100"


@pytest.fixture(scope="module")
def book():
    return lc.new()


@pytest.fixture
def fresh():
    return lc.new()


def test_results_equal_compute(book, tmp_path, capsys):
    path = tmp_path / "book.xlsx"
    book.save(path)
    assert main(["compute", str(path), "--json"]) == 0
    computed = json.loads(capsys.readouterr().out)["scenarios"]
    frame = book.results()
    assert list(frame.index) == [s["name"] for s in computed]
    assert list(frame.columns) == ["currency", *RESULT_KEYS]
    for s in computed:
        for key in RESULT_KEYS:
            got = frame.loc[s["name"], key]
            if isinstance(got, str):  # a text result (train_layout)
                assert got == s[key]
            else:
                assert (np.isnan(got) and s[key] is None) or got == pytest.approx(s[key], rel=1e-12)


def test_load_reads_what_save_wrote(book, tmp_path):
    path = book.save(tmp_path / "again.xlsx")
    again = lc.load(path)
    assert again.scenarios == book.scenarios
    assert again.results()["daily_total"].equals(book.results()["daily_total"])


def test_inputs_table(book):
    models = book.inputs("Models")
    assert models.index.name == "name" and "params_b" in models.columns
    assert models.loc["GPT-3 175B", "params_b"] == 175.0
    assert book.inputs("Assumptions").index.name == "key"


def test_set_is_a_cell_edit_with_units(fresh):
    changes = []
    fresh.workbook.subscribe(changes.append)
    row = fresh.scenarios.index(LLAMA)
    fresh.set("Scenarios", LLAMA, "serve_mfu", "45%")
    assert fresh.workbook.tables["Scenarios"].get(row, "serve_mfu") == 0.45
    assert changes and ("Scenarios", row, "serve_mfu") in changes[-1].inputs  # the edit path's event
    before = fresh.results().loc[LLAMA, "daily_total"]
    fresh.set("Scenarios", LLAMA, "daily_users", "2M")  # twice the users: more GPUs, more money
    assert fresh.results().loc[LLAMA, "daily_total"] > before
    fresh.set("Models", "GPT-3 175B", "params_b", "70B")
    assert fresh.inputs("Models").loc["GPT-3 175B", "params_b"] == 70.0
    fresh.set("Assumptions", "pue", "value", "1.3")
    assert fresh.inputs("Assumptions").loc["pue", "value"] == 1.3


def test_set_refuses_like_the_cell(fresh):
    wb = fresh.workbook
    row = wb.tables["Models"].key_index()["GPT-3 175B"]
    with pytest.raises(ValueError) as exc:
        fresh.set("Models", "GPT-3 175B", "params_b", "-3")
    with pytest.raises(ValueError) as direct:
        wb.validate("Models", row, "params_b", "-3")
    assert str(exc.value) == str(direct.value) and "params_b" in str(exc.value)
    assert wb.tables["Models"].get(row, "params_b") == 175.0
    with pytest.raises(ValueError, match="Hardware has no row named"):
        fresh.set("Scenarios", LLAMA, "serve_hardware", "Not a card")
    with pytest.raises(ValueError, match="no Models row named"):
        fresh.set("Models", "GPT-5", "params_b", 1)
    with pytest.raises(ValueError, match="has no column"):
        fresh.set("Models", "GPT-3 175B", "weight", 1)


def test_sweep_equals_the_core_and_compute(book):
    series = book.sweep(LLAMA, "daily_users", ["100k", 400_000, "1M"], "serve_gpus")
    assert list(series.index) == [100_000, 400_000, 1_000_000] and series.name == "serve_gpus"
    _, y = core_sweep(book.workbook, LLAMA, "daily_users", 100_000, 1_000_000, 4, False, "serve_gpus")
    assert list(series.values) == list(y[[0, 1, 3]])
    now = book.inputs("Scenarios").loc[LLAMA, "daily_users"]
    at_now = book.sweep(LLAMA, "daily_users", [now])
    assert at_now.iloc[0] == pytest.approx(book.results().loc[LLAMA, "daily_total"], rel=1e-12)


def test_tornado_montecarlo_buy_vs_rent(book):
    bars = book.tornado(LLAMA, "daily_total", 0.1)
    assert list(bars["impact"]) == sorted(bars["impact"], reverse=True)
    mc = book.montecarlo(LLAMA, samples=2000, seed=3)
    assert mc["p10"] <= mc["p50"] <= mc["p90"]
    assert mc["compute"] == pytest.approx(book.results().loc[LLAMA, "daily_total"])
    br = book.buy_vs_rent(LLAMA, months=12)
    assert list(br.index) == list(range(13)) and br.attrs["currency"] == "USD"


def test_export_budget(book, tmp_path):
    out = book.export_budget(tmp_path / "budget.xlsx", lang="zh_CN")
    assert out.read_bytes()[:2] == b"PK"


def test_scenario_by_prefix_or_row(book):
    assert book.sweep("llama 3 70b", "pue", [1.2]).iloc[0] == book.sweep(LLAMA, "pue", [1.2]).iloc[0]
    with pytest.raises(ValueError, match="matches"):
        book.sweep("gpt-3", "pue", [1.2])


def test_neither_the_package_nor_the_window_imports_pandas_at_start():
    code = textwrap.dedent("""
        import sys
        import llmcost_gui as lc
        book = lc.new()
        heavy = [m for m in ("pandas", "PySide6") if m in sys.modules]
        assert not heavy, heavy
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QApplication
        QStandardPaths.setTestModeEnabled(True)  # no settings written to the real profile
        from llmcost_gui.qt.main_window import MainWindow
        app = QApplication([])
        win = MainWindow(book.workbook)
        win.show()
        app.processEvents()
        assert "pandas" not in sys.modules
        win.files.timer.stop()
        print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip().endswith("ok"), out.stderr[-2000:]


def test_errors_are_worded_in_the_language_asked_for(fresh):
    fresh.set("Scenarios", LLAMA, "serve_hardware", "")
    en, zh = fresh.errors(), fresh.errors(lang="zh_CN")
    assert en.loc[LLAMA, "serve_gpus"] == "Serving hardware is blank; serving needs it"
    assert zh.loc[LLAMA, "serve_gpus"] == "推理硬件为空；推理服务需要它"
