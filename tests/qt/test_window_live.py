"""Formula bar, reactive repaint, language switching, files and start-up."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from qt_helpers import CHATGPT, GPT3_500, param_index, result_index, scenario, table_index

from llmcost_gui.core.workbook import SetCells

EDIT = Qt.ItemDataRole.EditRole


def test_formula_bar_shows_names_numbers_and_unit(window, wb):
    row = scenario(wb, CHATGPT)
    window.select_result(row, "requests_per_day")
    bar = window.formula_bar
    assert 'href="input:daily_users"' in bar.names.text()
    assert 'href="input:requests_per_user"' in bar.names.text()
    numbers = bar.numbers.text()
    assert ">13M<" in numbers and ">10<" in numbers  # 13 M users · 10 requests
    assert "130M" in bar.title.text()  # = 1.3e8 requests per day
    assert bar.unit.text().startswith("requests")


def test_formula_bar_fills_in_looked_up_values(window, wb):
    row = scenario(wb, CHATGPT)
    window.formula_bar.show_result(wb, row, "card_memory_bytes")  # replica_gpus reads it
    bar = window.formula_bar
    assert 'href="lookup:Hardware:memory_gb:serve_hardware"' in bar.names.text()
    assert ">80 GB<" in bar.numbers.text()  # the A100 80GB's memory, looked up


def test_formula_bar_shows_a_looked_up_price_in_its_own_currency(window, wb):
    row = scenario(wb, CHATGPT)  # serves on the A100, whose price is 100,000 CNY
    window.formula_bar.show_result(wb, row, "serve_card_usd")
    numbers = window.formula_bar.numbers.text()
    assert ">¥100K<" in numbers and "$100K" not in numbers
    assert ">7.1<" in numbers  # usd_cny, the assumption it is divided by


def test_clicking_a_name_selects_the_input_cell(window, wb):
    row = scenario(wb, CHATGPT)
    window.select_result(row, "requests_per_day")
    window.formula_bar.linkActivated.emit(("input", "daily_users"))
    assert window.tabs.currentWidget() is window.scenario_view
    assert window.scenario_view.currentIndex() == param_index(window, "daily_users", row)


def test_clicking_a_lookup_selects_the_table_cell(window, wb):
    row = scenario(wb, CHATGPT)
    window.select_result(row, "replica_gpus")
    window.follow_link(("lookup", "Hardware", "memory_gb", "serve_hardware"))
    card = wb.tables["Hardware"].key_index()["A100 SXM4 80GB"]
    assert window.tabs.currentWidget() is window.table_views["Hardware"]
    assert window.table_views["Hardware"].currentIndex() == table_index(window, "Hardware", card, "memory_gb")


def test_clicking_an_assumption_selects_its_value(window, wb):
    row = scenario(wb, CHATGPT)
    window.select_result(row, "serve_cost_per_day")
    assert 'href="assumption:ops_overhead"' in window.formula_bar.names.text()
    window.follow_link(("assumption", "ops_overhead"))
    a = wb.tables["Assumptions"]
    where = [i for i in range(a.nrows) if a.get(i, "key") == "ops_overhead"][0]
    assert window.table_views["Assumptions"].currentIndex() == table_index(window, "Assumptions", where, "value")


def test_formula_bar_follows_edits(window, wb):
    row = scenario(wb, CHATGPT)
    window.select_result(row, "requests_per_day")
    window.scenario_model.setData(param_index(window, "requests_per_user", row), "20", EDIT)
    assert "260M" in window.formula_bar.title.text()
    assert "ms" in window.recalc_label.text()


def test_core_change_repaints_without_an_undo_step(window, wb, qtbot):
    row = scenario(wb, CHATGPT)
    index = param_index(window, "daily_users", row)
    with qtbot.waitSignal(window.scenario_model.dataChanged) as blocker:
        wb.set_cell("Scenarios", row, "daily_users", "1M")
    assert blocker.args[0] == index
    assert index.data() == "1M"
    assert window.stack.count() == 0
    assert result_index(window, "requests_per_day", row).data() == "10M"


def test_data_changed_only_for_changed_cells(window, wb):
    row = scenario(wb, CHATGPT)
    seen_inputs, seen_results = [], []
    window.scenario_model.dataChanged.connect(
        lambda a, b, roles=(): seen_inputs.append((a.row(), a.column(), b.row(), b.column())))
    window.results_model.dataChanged.connect(
        lambda a, b, roles=(): seen_results.append((a.row(), a.column(), b.row(), b.column())))
    window.scenario_model.setData(param_index(window, "requests_per_user", row), "20", EDIT)
    p = window.scenario_model.param_row("requests_per_user")
    assert seen_inputs == [(p, row, p, row)]
    assert seen_results and all(c1 == c2 == row and r1 == r2 for r1, c1, r2, c2 in seen_results)
    rows = {r for r, _, _, _ in seen_results}
    m = window.results_model
    assert m.result_row("requests_per_day") in rows and m.result_row("daily_total") in rows
    assert m.result_row("replica_gpus") not in rows  # traffic does not change a replica
    assert window.results_model.is_highlighted("daily_total", row)


def test_highlight_fades_after_a_second(window, wb, qtbot):
    row = scenario(wb, CHATGPT)
    window.scenario_model.setData(param_index(window, "requests_per_user", row), "20", EDIT)
    assert result_index(window, "daily_total", row).data(Qt.ItemDataRole.BackgroundRole) is not None
    qtbot.waitUntil(lambda: not window.results_model.is_highlighted("daily_total", row), timeout=3000)
    assert result_index(window, "daily_total", row).data(Qt.ItemDataRole.BackgroundRole) is None


def test_currency_follows_the_scenario(window, wb):
    row = scenario(wb, GPT3_500)
    window.select_result(row, "train_cost")
    assert result_index(window, "train_cost", row).data().startswith("$")
    window.scenario_model.setData(param_index(window, "currency", row), "CNY", EDIT)
    assert result_index(window, "train_cost", row).data().startswith("¥")
    assert window.summary.text("train_cost").startswith("¥")


def test_summary_strip_shows_the_current_scenario_by_stage(window, wb):
    row = scenario(wb, GPT3_500)
    window.select_result(row, "train_cost")
    # a pre-training run: its one-off cost, days and GPUs, as the results grid shows them
    assert window.summary.shown_keys()[:3] == ["train_cost", "train_days", "train_gpus"]
    assert "daily_total" not in window.summary.shown_keys()
    assert window.summary.text("train_cost") == result_index(window, "train_cost", row).data()
    assert window.summary.text("train_days").endswith(" days")
    serving = scenario(wb, CHATGPT)
    window.select_result(serving, "daily_total")
    assert window.summary.shown_keys()[:4] == ["daily_total", "monthly_total", "annual_total",
                                               "cost_per_million_tokens"]
    assert window.summary.text("daily_total").endswith("/day")
    window.set_language("zh_CN")
    assert window.summary.text("daily_total").endswith("/天")
    assert window.summary.tiles["daily_total"].caption.text() == "每日"


def test_one_current_scenario_everywhere(window, wb, qtbot):
    """Choosing or editing any cell of scenario j makes j current in strip, formula bar, charts."""
    first, second = scenario(wb, GPT3_500), scenario(wb, CHATGPT)
    window.select_result(first, "train_cost")
    name = wb.tables["Scenarios"].get(second, "name")
    # editing an input of the second scenario (without moving the cursor there first)
    assert window.scenario_model.setData(param_index(window, "peak_factor", second), "3", EDIT)
    assert window.current_scenario() == second
    assert window.formula_bar.current == (second, "train_cost")
    assert name in window.summary.scenario.text()
    assert window.charts.row == second
    # choosing an input cell of the first scenario
    window.scenario_view.setCurrentIndex(param_index(window, "train_mfu", first))
    assert window.formula_bar.current[0] == first and window.charts.row == first
    assert window.results_view.currentIndex().column() == first
    # choosing it in the charts
    window.charts.scenario_box.setCurrentIndex(second)
    window.charts.scenario_box.activated.emit(second)
    assert window.current_scenario() == second and window.formula_bar.current[0] == second


def test_switching_language_translates_headers_and_menus(window, wb):
    window.set_language("zh_CN")
    m = window.scenario_model
    header = m.headerData(m.param_row("train_mfu"), Qt.Orientation.Vertical)
    assert header == "训练算力利用率 (MFU)"
    assert window.acts.menus.file.title() == "文件(&F)"
    assert window.tabs.tabText(1) == "模型"
    assert QSettings().value("language") == "zh_CN"
    row = scenario(wb, GPT3_500)
    assert param_index(window, "train_deadline_days", row).data() == "30 天"
    window.set_language("en")
    assert m.headerData(m.param_row("train_mfu"), Qt.Orientation.Vertical) == "Training MFU"
    assert window.acts.menus.file.title() == "&File"


def test_live_switch_reaches_formula_bar_reasons_and_units(window, wb, qapp):
    row = scenario(wb, CHATGPT)
    wb.set_cell("Scenarios", row, "serve_hardware", None)  # an error with a reason
    window.select_result(row, "serve_gpus")
    assert "Serving hardware is blank; serving needs it" in window.formula_bar.title.text()
    window.set_language("zh_CN")
    qapp.processEvents()
    assert "推理硬件为空；推理服务需要它" in window.formula_bar.title.text()
    assert result_index(window, "serve_gpus", row).data(Qt.ItemDataRole.ToolTipRole) == \
        "推理硬件为空；推理服务需要它"
    assert "满足峰值所需的推理卡数" in window.formula_bar.unit.text()
    assert window.charts.tabs.tabText(2) == "不确定性"
    assert window.acts.redo.shortcuts()[0].toString() in ("Ctrl+Y", "Ctrl+Shift+Z")
    window.set_language("en")
    qapp.processEvents()
    assert "Serving hardware is blank" in window.formula_bar.title.text()
    assert window.charts.tabs.tabText(2) == "Uncertainty"


def test_save_then_open_round_trip(window, wb, tmp_path):
    row = scenario(wb, CHATGPT)
    window.scenario_model.setData(param_index(window, "daily_users", row), "2M", EDIT)
    assert window.isWindowModified()
    target = tmp_path / "budget.xlsx"
    assert window.files.write(str(target))
    assert not window.isWindowModified()
    assert "budget.xlsx" in window.windowTitle()
    assert window.files.recent()[0] == str(target)
    assert window.files.new()
    assert window.workbook.tables["Scenarios"].get(row, "daily_users") == 13e6
    assert window.files.load(str(target))
    assert window.workbook.tables["Scenarios"].get(row, "daily_users") == 2e6
    assert result_index(window, "requests_per_day", row).data() == "20M"


def test_open_a_bad_file_shows_why_and_keeps_the_document(window, wb, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.informativeText()))
    bad = tmp_path / "broken.xlsx"
    bad.write_text("not a workbook")
    assert not window.files.load(str(bad))
    assert window.workbook is wb
    assert shown and "not an .xlsx" in shown[0]


@pytest.mark.parametrize("answer, replaced", [("Cancel", False), ("Discard", True)])
def test_unsaved_changes_prompt(window, wb, monkeypatch, answer, replaced):
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    window.scenario_model.setData(param_index(window, "daily_users", 0), "5", EDIT)
    assert window.files.new() is replaced
    assert asked and "Untitled" in asked[0]
    assert (window.workbook is not wb) is replaced


def test_closing_with_unsaved_changes_can_be_cancelled(window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
    window.scenario_model.setData(param_index(window, "daily_users", 0), "5", EDIT)
    assert not window.close()
    assert window.isVisible()


def test_autosave_and_restore_after_a_crash(window, wb, qtbot, monkeypatch):
    row = scenario(wb, CHATGPT)
    window.scenario_model.setData(param_index(window, "daily_users", row), "3M", EDIT)
    assert window.files.autosave()
    assert window.files.autosave_path().is_file()
    from llmcost_gui.io.defaults import default_workbook
    from llmcost_gui.qt.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    other = MainWindow(default_workbook())
    qtbot.addWidget(other)
    assert other.files.offer_restore()
    assert other.workbook.tables["Scenarios"].get(row, "daily_users") == 3e6
    assert other.isWindowModified()
    other.stack.setClean()
    other.files.timer.stop()
    window.files.write(str(window.files.autosave_path().parent / "saved.xlsx"))
    assert not window.files.autosave_path().exists()  # a clean save removes the copy


def test_undo_of_core_command_wrapper_round_trips(window, wb):
    from llmcost_gui.qt.commands import push_edit

    assert push_edit(window.stack, wb, SetCells("Assumptions", ((0, "value", "7.2"),)), "edit")
    assert not push_edit(window.stack, wb, SetCells("Assumptions", ((0, "value", "7.2"),)), "same")
    assert window.stack.count() == 1
    window.stack.undo()
    assert wb.tables["Assumptions"].get(0, "value") == 7.1


def test_smoke_and_screenshot_command_line(tmp_path):
    from llmcost_gui.app import main

    assert main(["--smoke"]) == 0
    png = tmp_path / "w.png"
    assert main(["--screenshot", str(png), "--lang", "zh_CN"]) == 0
    assert png.stat().st_size > 10_000


def test_summary_shows_uncertainty_band(qtbot):
    from llmcost_gui.app import create_window

    window = create_window(lang="en")
    qtbot.addWidget(window)
    row = window.workbook.scenario_row("ChatGPT scale: 13 M daily users on A100 (buy)")
    window.select_result(row, "daily_total")
    qtbot.waitUntil(lambda: not window.summary.busy and bool(window.summary.band_text("daily_total")),
                    timeout=30_000)
    assert window.summary.tiles["daily_total"].band.text().startswith("P10–P90")
    band = window.summary.bands.bands_for(row)["daily_total"]
    assert band.p10 < window.workbook.result(row, "daily_total") < band.p90
    window.stack.setClean()
