"""The Find plan tab: the search in the computing process, its table, its scatter, Apply as one undo step."""

import pytest

LLAMA = "Llama 3 70B serving on rented H100"


def test_find_plan_lists_the_cheapest_and_applies_one_undoable_edit(qtbot, window, wb):
    row = wb.scenario_row(LLAMA)
    panel = window.charts
    panel.set_current(row, "serve_cost_per_day")
    panel.tabs.setCurrentWidget(panel.plan)
    chart = panel.plan
    qtbot.waitUntil(lambda: chart.plans is not None and not chart.computer.busy, timeout=20000)
    plans = chart.plans
    assert plans.evaluated >= 5000 and chart.table.rowCount() > 10
    before = wb.result(row, "serve_cost_per_day")
    cheapest = plans.record(0)
    assert cheapest["feasible"] and cheapest["serve_cost_per_day"] <= before + 1e-9
    assert "plans evaluated" in chart.message.text()
    chart.table.selectRow(0)
    assert chart.apply_button.isEnabled() == (not cheapest["current"])
    assert window.apply_plan(row, chart.selected_record())
    assert wb.result(row, "serve_cost_per_day") == pytest.approx(chart.selected_record()["serve_cost_per_day"])
    window.stack.undo()  # the whole plan in one step
    assert wb.result(row, "serve_cost_per_day") == pytest.approx(before)


def test_find_plan_offers_the_fine_tuning_stage(qtbot, window, wb):
    row = wb.scenario_row("Enterprise 6B: fine-tune + 1,000 staff on A100")
    panel = window.charts
    panel.set_current(row, "ft_cost")
    panel.tabs.setCurrentWidget(panel.plan)
    chart = panel.plan
    chart.stage_box.setCurrentIndex(chart.stage_box.findData("ft"))
    chart.recompute()
    qtbot.waitUntil(lambda: chart.plans is not None and chart.plans.stage == "ft" and not chart.computer.busy,
                    timeout=20000)
    assert chart.stage_box.itemText(chart.stage_box.findData("ft"))
    assert chart.table.rowCount() == int(chart.plans.feasible.sum()) and chart.plans.record(0)["ft_cost"] > 0


def test_find_plan_says_when_a_mixed_fleet_wins(qtbot, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
    from test_plan_cli import _mixed_book

    import llmcost_gui as lc
    from llmcost_gui.core import plan as plan_core
    from llmcost_gui.qt.charts.plan import PlanChart, _layout

    plans = plan_core.plan(lc.load(_mixed_book(tmp_path)).workbook, "S")
    chart = PlanChart()
    qtbot.addWidget(chart)
    text = chart._summary(plans, int(plans.feasible.sum()), "en")
    assert "A mixed fleet — prefill on F, decode on C — beats every single-card plan by 50 %." in text
    assert _layout(plans.record(0)).endswith("P/D, prefill: F")
