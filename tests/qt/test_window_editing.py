"""Typing, unit input, refusal of bad input, undo/redo, copy/paste, rows and scenarios."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox
from qt_helpers import CHATGPT, GPT3_500, param_index, result_index, scenario, table_index

from llmcost_gui.qt.base_model import ERROR_COLOR

EDIT = Qt.ItemDataRole.EditRole


def test_typing_into_a_scenario_cell_recalculates(window, wb, qtbot):
    row = scenario(wb, GPT3_500)
    view = window.scenario_view
    index = param_index(window, "train_tokens_b", row)
    view.setCurrentIndex(index)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_1)  # typing starts the editor with "1"
    editor = view.indexWidget(index)
    QTest.keyClicks(editor, "T")
    assert editor.text() == "1T"
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.count() == 1)
    assert wb.tables["Scenarios"].get(row, "train_tokens_b") == 1000.0
    # 175B on 1T tokens at 312 TFLOP/s, u = 1: 3·(2·175e9 + 2·96·2048·12288)·1e12 / 312e12 / 3600
    fwd = 2 * 175e9 + 2 * 96 * 2048 * 12288
    assert abs(wb.result(row, "train_gpu_hours") - 3 * fwd * 1e12 / 312e12 / 3600) < 1e-3
    assert window.stack.count() == 1


def test_percent_input_in_a_fraction_cell(window, wb):
    row = scenario(wb, GPT3_500)
    assert window.scenario_model.setData(param_index(window, "train_mfu", row), "45%", EDIT)
    assert wb.tables["Scenarios"].get(row, "train_mfu") == 0.45
    assert param_index(window, "train_mfu", row).data() == "45%"


def test_units_in_hardware_cells(window, wb):
    m = window.table_models["Hardware"]
    assert m.setData(table_index(window, "Hardware", 0, "bandwidth_tbs"), "3350 GB/s", EDIT)
    assert wb.tables["Hardware"].get(0, "bandwidth_tbs") == 3.35
    assert table_index(window, "Hardware", 0, "bandwidth_tbs").data() == "3.35 TB/s"
    assert window.table_models["Models"].setData(table_index(window, "Models", 0, "params_b"), "175B", EDIT)
    assert wb.tables["Models"].get(0, "params_b") == 175.0


def test_invalid_input_is_refused_and_old_value_kept(window, wb):
    row = scenario(wb, GPT3_500)
    index = param_index(window, "train_mfu", row)
    old = wb.tables["Scenarios"].get(row, "train_mfu")
    assert not window.scenario_model.setData(index, "150%", EDIT)
    assert wb.tables["Scenarios"].get(row, "train_mfu") == old
    assert window.stack.count() == 0
    # in words, where the eye is: table › row name › column label, the reason, a valid entry
    name = wb.tables["Scenarios"].get(row, "name")
    expected = (f"Scenarios › {name} › Training MFU: must be a number > 0% and ≤ 100%, "
                "got 150%. For example: ")
    assert window.statusBar().currentMessage().startswith(expected)
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith(expected)
    # a good value afterwards clears the tooltip message
    assert window.scenario_model.setData(index, "0.5", EDIT)
    assert "150" not in (index.data(Qt.ItemDataRole.ToolTipRole) or "")


def test_text_in_a_number_cell_is_refused(window, wb):
    index = table_index(window, "Models", 0, "params_b")
    old = wb.tables["Models"].get(0, "params_b")
    assert not window.table_models["Models"].setData(index, "lots", EDIT)
    assert wb.tables["Models"].get(0, "params_b") == old
    assert "not a number" in window.statusBar().currentMessage()


def test_undo_and_redo_of_a_cell_edit(window, wb):
    row = scenario(wb, CHATGPT)
    index = param_index(window, "daily_users", row)
    before = wb.result(row, "serve_gpus")
    assert window.scenario_model.setData(index, "26M", EDIT)
    doubled = wb.result(row, "serve_gpus")
    assert doubled > before
    window.acts.undo.trigger()
    assert wb.tables["Scenarios"].get(row, "daily_users") == 13e6
    assert wb.result(row, "serve_gpus") == before
    window.acts.redo.trigger()
    assert wb.tables["Scenarios"].get(row, "daily_users") == 26e6
    assert wb.result(row, "serve_gpus") == doubled


def test_paste_tab_separated_block_is_one_undo_step(window, wb):
    view = window.table_views["Hardware"]
    view.setFocus()
    view.setCurrentIndex(table_index(window, "Hardware", 0, "memory_gb"))
    QApplication.clipboard().setText("40\t2 TB/s\n48\t1500 GB/s\n")
    QTest.keySequence(view, "Ctrl+V")
    hw = wb.tables["Hardware"]
    assert (hw.get(0, "memory_gb"), hw.get(0, "bandwidth_tbs")) == (40.0, 2.0)
    assert (hw.get(1, "memory_gb"), hw.get(1, "bandwidth_tbs")) == (48.0, 1.5)
    assert window.stack.count() == 1
    window.stack.undo()
    assert hw.get(0, "memory_gb") != 40.0 and hw.get(1, "bandwidth_tbs") != 1.5


def test_paste_with_one_bad_cell_changes_nothing(window, wb):
    view = window.table_views["Hardware"]
    view.setCurrentIndex(table_index(window, "Hardware", 0, "memory_gb"))
    old = wb.tables["Hardware"].get(0, "memory_gb")
    QApplication.clipboard().setText("40\tfast")
    window.tabs.setCurrentWidget(view)
    window.edit_paste()  # Edit → Paste acts on the grid of the current tab
    assert wb.tables["Hardware"].get(0, "memory_gb") == old
    assert window.stack.count() == 0
    assert window.statusBar().currentMessage().startswith(
        "Hardware › A100 SXM4 80GB › Memory bandwidth: “fast” is not a number; expected a number > 0. "
        "For example: ")


def test_paste_excel_block_into_scenarios_grid(window, wb):
    from llmcost_gui.qt import editing

    view = window.scenario_view
    view.setCurrentIndex(param_index(window, "daily_users", 0))
    assert editing.paste_text(view, "1000\t2000\r\n5\t6\r\n")  # Excel line ends
    sc = wb.tables["Scenarios"]
    assert (sc.get(0, "daily_users"), sc.get(1, "daily_users")) == (1000.0, 2000.0)
    assert (sc.get(0, "requests_per_user"), sc.get(1, "requests_per_user")) == (5.0, 6.0)


def test_copy_gives_tab_separated_raw_values(window, wb, qtbot):
    view = window.table_views["Hardware"]
    view.setFocus()
    sel = view.selectionModel()
    for col in ("memory_gb", "bandwidth_tbs"):
        for r in (0, 1):
            sel.select(table_index(window, "Hardware", r, col), sel.SelectionFlag.Select)
    QTest.keySequence(view, "Ctrl+C")
    hw = wb.tables["Hardware"]
    expected = "".join(f"{hw.get(r, 'memory_gb'):.12g}\t{hw.get(r, 'bandwidth_tbs'):.12g}\n" for r in (0, 1))
    assert QApplication.clipboard().text() == expected


def test_delete_key_clears_selection_and_undo_restores(window, wb):
    row = scenario(wb, CHATGPT)
    view = window.scenario_view
    view.setFocus()
    index = param_index(window, "input_tokens", row)
    view.setCurrentIndex(index)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert wb.tables["Scenarios"].get(row, "input_tokens") is None
    # the blank now shows the default, greyed and italic
    assert index.data() == "500"
    assert isinstance(index.data(Qt.ItemDataRole.FontRole), QFont) and index.data(Qt.ItemDataRole.FontRole).italic()
    assert "Default used" in index.data(Qt.ItemDataRole.ToolTipRole)
    window.stack.undo()
    assert wb.tables["Scenarios"].get(row, "input_tokens") == 500.0


def test_error_result_is_red_with_reason(window, wb):
    row = scenario(wb, GPT3_500)
    assert window.scenario_model.setData(param_index(window, "train_price", row), "", EDIT)
    index = result_index(window, "train_cost", row)
    assert index.data() == "#ERROR"
    assert index.data(Qt.ItemDataRole.ForegroundRole) == ERROR_COLOR
    assert "rental offer" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_reference_cells_edit_with_a_drop_down(window, wb):
    row = scenario(wb, GPT3_500)
    view = window.scenario_view
    index = param_index(window, "train_hardware", row)
    editor = view.itemDelegate().createEditor(view.viewport(), None, index)
    assert isinstance(editor, QComboBox)
    items = [editor.itemText(i) for i in range(editor.count())]
    assert items[1:] == wb.tables["Hardware"].names()
    view.itemDelegate().setEditorData(editor, index)
    assert editor.currentText() == "A100 SXM4 80GB"
    editor.setCurrentText("H100 SXM5 80GB")
    view.itemDelegate().setModelData(editor, window.scenario_model, index)
    assert wb.tables["Scenarios"].get(row, "train_hardware") == "H100 SXM5 80GB"


def test_add_duplicate_delete_scenario_with_undo(window, wb):
    n = wb.tables["Scenarios"].nrows
    window.scenario_add()
    assert window.scenario_model.columnCount() == n + 1
    assert wb.tables["Scenarios"].get(n, "name") == "New scenario"
    window.scenario_view.setCurrentIndex(param_index(window, "name", 0))
    window.scenario_view.setFocus()
    window.scenario_duplicate()
    sc = wb.tables["Scenarios"]
    assert sc.nrows == n + 2 and sc.get(1, "name") == sc.get(0, "name") + " (2)"
    assert window.results_model.columnCount() == n + 2
    window.scenario_view.setCurrentIndex(param_index(window, "name", 1))
    window.scenario_delete()
    assert sc.nrows == n + 1
    for _ in range(3):
        window.stack.undo()
    assert wb.tables["Scenarios"].nrows == n


def test_insert_duplicate_delete_table_rows(window, wb):
    window.tabs.setCurrentWidget(window.table_views["Models"])
    view = window.table_views["Models"]
    view.setCurrentIndex(table_index(window, "Models", 0, "name"))
    models = wb.tables["Models"]
    n = models.nrows
    window.row_add()
    assert models.nrows == n + 1 and models.get(1, "name") == "New model"
    window.row_duplicate()
    assert models.nrows == n + 2 and models.get(2, "name") == "New model (2)"
    view.setCurrentIndex(table_index(window, "Models", 2, "name"))
    view.selectionModel().clearSelection()
    window.row_delete()
    assert models.nrows == n + 1
    window.stack.undo()
    window.stack.undo()
    window.stack.undo()
    assert models.nrows == n



def test_ctrl_y_and_ctrl_shift_z_both_redo(window, wb, qtbot):
    row = scenario(wb, GPT3_500)
    old = wb.tables["Scenarios"].get(row, "train_mfu")
    assert window.scenario_model.setData(param_index(window, "train_mfu", row), "45%", EDIT)
    name = wb.tables["Scenarios"].get(row, "name")
    assert window.acts.undo.text() == f"Undo Edit Training MFU ({name})"
    window.activateWindow()
    window.scenario_view.setFocus()
    for keys in ("Ctrl+Y", "Ctrl+Shift+Z"):
        window.stack.undo()
        assert wb.tables["Scenarios"].get(row, "train_mfu") == old
        QTest.keySequence(window.scenario_view, keys)
        assert wb.tables["Scenarios"].get(row, "train_mfu") == 0.45, keys


def test_help_lists_the_shortcuts(window):
    from llmcost_gui.qt.help import shortcuts_html

    text = shortcuts_html(window)
    assert "Ctrl+Y" in text and "Ctrl+Shift+Z" in text and "Ctrl+E" in text and "F2" in text


def test_paste_beyond_the_last_row_adds_rows_in_one_undo_step(window, wb):
    from llmcost_gui.qt import editing

    t = wb.tables["Models"]
    n = t.nrows
    view = window.table_views["Models"]
    model = window.table_models["Models"]
    view.setCurrentIndex(model.index(n - 1, model.column_index("name")))
    block = "Last\t7\nTiny A\t1\nTiny B\t2\n"
    assert editing.paste_text(view, block)
    assert t.nrows == n + 2 and window.stack.count() == 1
    assert [t.get(r, "name") for r in range(n - 1, n + 2)] == ["Last", "Tiny A", "Tiny B"]
    assert [t.get(r, "params_b") for r in range(n - 1, n + 2)] == [7.0, 1.0, 2.0]
    window.stack.undo()
    assert t.nrows == n and t.get(n - 1, "name") != "Last"
    # the scenario grid grows to the right: one new scenario per extra column
    sc = wb.tables["Scenarios"]
    m = sc.nrows
    sview, smodel = window.scenario_view, window.scenario_model
    sview.setCurrentIndex(smodel.index(smodel.param_row("name"), m - 1))
    assert editing.paste_text(sview, "Same name kept\tBrand new scenario\n")
    assert sc.nrows == m + 1 and sc.get(m, "name") == "Brand new scenario"
    assert sc.get(m, "model") == wb.tables["Models"].get(0, "name")
    window.stack.undo()
    assert sc.nrows == m


def test_row_undo_texts_name_the_table(window, wb):
    window.tabs.setCurrentWidget(window.table_views["Hardware"])
    window.row_add()
    assert window.acts.undo.text() == "Undo Add row (Hardware)"
    window.set_language("zh_CN")
    window.row_add()
    assert window.acts.undo.text().endswith("添加行 (硬件)")
    window.set_language("en")
