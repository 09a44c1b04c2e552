"""The Layout & efficiency tab: after Find plan; the layout used, the MFU waterfall whose bars are
the results, and the layout in words."""

import pytest

from llmcost_gui.core.formulas import REGISTRY
from llmcost_gui.qt.charts.layout import LayoutChart

GPT3 = "GPT-3 175B pre-training (paper)"
CONTRACT = {"train_layout", "train_mfu_used", "train_kernel_eff", "train_bubble", "train_comm_exposed"}
needs_layout = pytest.mark.skipif(not CONTRACT <= set(REGISTRY),
                                  reason="the layout formulas (branch train, #23) are not merged yet")


def _show(qtbot, window, row, key="train_cost"):
    panel = window.charts
    panel.set_current(row, key)
    panel.tabs.setCurrentWidget(panel.layout_efficiency)
    chart = panel.layout_efficiency
    qtbot.waitUntil(lambda: not panel.busy() and chart._answer is not None, timeout=20_000)
    return chart


def test_the_tab_comes_after_find_plan(window):
    panel = window.charts
    assert panel.tabs.count() == 9
    assert panel.tabs.tabText(7) == "Find plan" and panel.tabs.tabText(8) == "Layout && efficiency"  # shown as one "&"
    assert isinstance(panel.layout_efficiency, LayoutChart)
    assert panel.tabs.indexOf(panel.layout_efficiency) == 8


def test_a_scenario_without_training_says_so(qtbot, window, wb):
    chart = _show(qtbot, window, wb.scenario_row("Llama 3 70B serving on rented H100"), "serve_cost_per_day")
    assert chart.stages == [] and chart.bars == []
    assert chart.message.text() == "This scenario has no pre-training or fine-tuning."


@needs_layout
def test_bars_are_the_results_and_the_words_name_tp8(qtbot, window, wb):
    row = wb.scenario_row(GPT3)
    wb.set_cell("Scenarios", row, "train_tp", "8")
    wb.set_cell("Scenarios", row, "train_mfu", None)  # blank: the MFU is predicted from the layout
    chart = _show(qtbot, window, row)
    k, b, c = (wb.result(row, f"train_{x}") for x in ("kernel_eff", "bubble", "comm_exposed"))
    mfu = wb.result(row, "train_mfu_used")
    assert mfu == pytest.approx(k * (1 - b) / (1 + c))
    drawn = {bar: (bottom, height) for stage, bar, bottom, height in chart.bars if stage == "train"}
    assert drawn["kernel"] == pytest.approx((0, k))
    assert drawn["bubble"] == pytest.approx((k * (1 - b), k * b))
    assert drawn["comm"] == pytest.approx((mfu, k * (1 - b) - mfu))
    assert drawn["mfu"] == pytest.approx((0, mfu))
    heights = sorted(float(item.opts["height"][0]) for item in chart.items)
    assert heights == pytest.approx(sorted(h for *_, h in chart.bars))
    layout = wb.results.values["train_layout"][row]
    assert layout.startswith("TP8") and layout in chart.layout_label.text()
    assert "8 cards per server share each layer (tensor parallel, TP8)." in chart.message.text()


@needs_layout
def test_the_tab_speaks_chinese(qtbot, window, wb):
    from llmcost_gui.qt import i18n

    row = wb.scenario_row(GPT3)
    wb.set_cell("Scenarios", row, "train_tp", "8")
    i18n.set_language("zh_CN", remember=False)
    chart = _show(qtbot, window, row)
    qtbot.waitUntil(lambda: "张量并行，TP8" in chart.message.text(), timeout=10_000)
    assert chart.plot.getAxis("left").labelText == "占单卡峰值的比例 (%)"
    assert "预训练：" in chart.layout_label.text()
