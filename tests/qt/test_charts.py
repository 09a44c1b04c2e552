"""The charts panel: created, following the selection and every edit, exporting PNG and SVG."""

import numpy as np
import pytest

from llmcost_gui.core import analysis
from llmcost_gui.core.units import parse_quantity
from llmcost_gui.qt.charts.panel import ChartsPanel

LLAMA = "Llama 3 70B serving on rented H100"
CHATGPT = "ChatGPT scale: 13 M daily users on A100 (buy)"


@pytest.fixture
def panel(qtbot, default_wb):
    p = ChartsPanel(default_wb)
    qtbot.addWidget(p)
    p.resize(900, 700)
    p.show()
    yield p


def settle(qtbot, panel):
    qtbot.waitUntil(lambda: not panel.busy(), timeout=30_000)


def test_sensitivity_curves_follow_the_selection_and_edits(qtbot, panel, default_wb):
    row = default_wb.scenario_row(LLAMA)
    panel.set_current(row, "serve_gpus")
    settle(qtbot, panel)
    chart = panel.sensitivity
    assert chart.input_name == "daily_users"
    main = next(c for c in chart.curves if c.row == row)
    assert main.current_x == 100_000 and main.current_y == default_wb.result(row, "serve_gpus")
    lo, hi = (parse_quantity(e.text(), "users") for e in (chart.lo_edit, chart.hi_edit))
    assert (lo, hi) == (50_000, 200_000)  # around the scenario's own 100K users
    # other serving scenarios are drawn only where their own value is on the axis
    users = default_wb.tables["Scenarios"].array("daily_users")
    outside = int(np.sum(~np.isnan(users))) - 1 - int(np.sum((users >= lo) & (users <= hi))) + 1
    assert len(chart.curves) == 1 and outside > 0
    assert chart.message.text() == f"Not drawn: {outside} other scenario(s) whose own value lies outside this range."
    chart.set_range(50_000, 20e6)
    settle(qtbot, panel)
    assert len(chart.curves) > 1
    for c in chart.curves:
        assert c.x[0] <= c.current_x <= c.x[-1]
    chart.set_range(50_000, 200_000)
    settle(qtbot, panel)
    before = main.y.copy()
    # an edit in the workbook redraws the curve: twice the requests per user, more cards
    default_wb.set_cell("Scenarios", row, "requests_per_user", "20")
    qtbot.waitUntil(lambda: next(c for c in chart.curves if c.row == row).current_y
                    == default_wb.result(row, "serve_gpus"), timeout=10_000)
    after = next(c for c in chart.curves if c.row == row).y
    assert np.all(after >= before) and after[-1] > before[-1]


def test_sensitivity_input_range_and_log_axes(qtbot, panel, default_wb):
    row = default_wb.scenario_row(LLAMA)
    panel.set_current(row, "daily_total")
    settle(qtbot, panel)
    chart = panel.sensitivity
    chart.all_scenarios.setChecked(False)
    chart.set_input("serve_price.per_gpu_hour")
    settle(qtbot, panel)
    chart.log_x.setChecked(True)
    chart.log_y.setChecked(True)
    chart.points.setValue(50)
    chart.set_range(1, 10)
    settle(qtbot, panel)
    (curve,) = chart.curves
    expected = analysis.sweep(default_wb, row, "serve_price.per_gpu_hour", 1, 10, 50, True, "daily_total")
    np.testing.assert_allclose(curve.y, expected[1])
    assert curve.current_x == 3.99
    text = chart.readout_text(2.0)
    assert "$2" in text and "Llama" in text and "/day" in text
    chart.lo_edit.setText("ten")
    chart.recompute()
    assert "not a number" in chart.message.text()


def test_tornado_bars_sorted(qtbot, panel, default_wb):
    row = default_wb.scenario_row(CHATGPT)
    panel.set_current(row, "daily_total")
    panel.tabs.setCurrentWidget(panel.tornado)
    settle(qtbot, panel)
    bars = panel.tornado.bars
    assert bars and [b.impact for b in bars] == sorted((b.impact for b in bars), reverse=True)
    assert panel.tornado.base == default_wb.result(row, "daily_total")
    panel.tornado.swing.setValue(40)
    settle(qtbot, panel)
    wider = {b.input: b.impact for b in panel.tornado.bars}
    assert wider["daily_users"] > next(b.impact for b in bars if b.input == "daily_users")


def test_uncertainty_histogram_with_100k_samples(qtbot, panel, default_wb):
    row = default_wb.scenario_row(LLAMA)
    panel.set_current(row, "daily_total")
    panel.tabs.setCurrentWidget(panel.uncertainty)
    settle(qtbot, panel)
    mc = panel.uncertainty.result
    assert len(mc.samples) == 100_000 and mc.p10 < mc.p50 < mc.p90
    assert "P10" in panel.uncertainty.message.text()
    # ranges in one form: ±% of the own value, or absolute in the input's unit
    table = panel.uncertainty.table
    names = [table.item(i, 0).data(256) for i in range(table.rowCount())]
    mfu, users = names.index("train_mfu"), names.index("daily_users")
    assert (table.item(mfu, 1).text(), table.item(mfu, 2).text()) == ("30%", "50%")
    assert (table.item(users, 1).text(), table.item(users, 2).text()) == ("−50%", "+50%")
    # narrowing every range to nothing collapses the band onto the estimate
    for i in range(table.rowCount()):
        relative = table.item(i, 3).checkState().value == 2
        value = "0%" if relative else table.item(i, 1).text()
        table.item(i, 1).setText(value)
        table.item(i, 2).setText(value)
    panel.uncertainty.samples.setValue(2_000)
    panel.uncertainty.recompute()
    settle(qtbot, panel)
    mc = panel.uncertainty.result
    # rented, priced in USD: the remaining absolute ranges (power price, exchange rate) play no part
    assert mc.p10 == mc.p90 == pytest.approx(default_wb.result(row, "daily_total"))


def test_buy_vs_rent_break_even(qtbot, panel, default_wb):
    row = default_wb.scenario_row(CHATGPT)
    panel.set_current(row, "daily_total")
    panel.tabs.setCurrentWidget(panel.breakeven)
    settle(qtbot, panel)
    r = panel.breakeven.result
    assert r.break_even_month == analysis.buy_vs_rent(default_wb, row, 48).break_even_month
    assert "month" in panel.breakeven.message.text()


def test_export_png_and_svg(qtbot, panel, default_wb, tmp_path):
    panel.set_current(default_wb.scenario_row(LLAMA), "daily_total")
    settle(qtbot, panel)
    png = panel.export(tmp_path / "curve.png")
    svg = panel.export(tmp_path / "curve.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in svg.read_bytes()[:2000]


def test_set_workbook_and_deleting_scenarios(qtbot, panel):
    from llmcost_gui.core.workbook import DeleteRows
    from llmcost_gui.io.defaults import default_workbook

    wb = default_workbook()
    n = wb.tables["Scenarios"].nrows
    wb.apply(DeleteRows("Scenarios", tuple(i for i in range(n) if i != wb.scenario_row(LLAMA))))
    panel.set_workbook(wb)
    panel.set_current(0, "serve_gpus")
    settle(qtbot, panel)
    assert panel.scenario_box.count() == 1 and panel.scenario_box.currentText() == LLAMA
    assert [c.name for c in panel.sensitivity.curves] == [LLAMA]
    wb.apply(DeleteRows("Scenarios", (0,)))
    settle(qtbot, panel)
    assert "Add a scenario" in panel.status.text()


RTX_FULL = "Enterprise 6B: full fine-tune on RTX 4090 (memory)"


def test_memory_bars_per_stage_against_the_card(qtbot, panel, default_wb):
    row = default_wb.scenario_row(RTX_FULL)
    panel.set_current(row, "ft_cost")
    panel.tabs.setCurrentWidget(panel.memory)
    settle(qtbot, panel)
    (ft,) = panel.memory.stages  # fine-tuning only
    assert ft.stage == "ft" and ft.card_gb == 24 and ft.cards == ft.min_gpus == 5
    assert ft.used_gb == pytest.approx(default_wb.result(row, "ft_memory_per_gpu_gb"))
    assert ft.parts["reserve"] == pytest.approx(2.4) and ft.used_gb <= 24 - 2.4
    assert "Fine-tuning: 20.6 of 24 GB per card on 5 cards; fewest cards that hold it: 5." \
        in panel.memory.message.text()
    # too few training cards: the bar overflows the card and the message says why
    gpt3 = default_wb.scenario_row("GPT-3 175B pre-training (paper)")
    default_wb.set_cell("Scenarios", gpt3, "train_gpus", "8")
    panel.set_current(gpt3, "train_cost")
    settle(qtbot, panel)
    (train,) = panel.memory.stages
    assert not train.fits and train.used_gb > train.card_gb
    assert "8 training cards cannot hold this run: it needs at least 43" in panel.memory.message.text()


def test_memory_chart_speaks_chinese(qtbot, default_wb):
    from llmcost_gui.qt import i18n

    i18n.set_language("zh_CN", remember=False)
    try:
        p = ChartsPanel(default_wb)
        qtbot.addWidget(p)
        p.set_current(default_wb.scenario_row(RTX_FULL), "ft_cost")
        p.tabs.setCurrentWidget(p.memory)
        qtbot.waitUntil(lambda: not p.busy() and bool(p.memory.stages), timeout=10_000)
        assert "微调：每卡占用 20.6 / 24 GB，共 5 张卡" in p.memory.message.text()
        assert p.memory.plot.getAxis("left").labelText == "单卡显存 (GB)"
    finally:
        i18n.set_language("en", remember=False)


def test_sensitivity_range_is_checked_against_the_input_domain(qtbot, panel, default_wb):
    from llmcost_gui.qt.charts.common import tick_text

    row = default_wb.scenario_row(LLAMA)
    panel.set_current(row, "daily_total")
    settle(qtbot, panel)
    chart = panel.sensitivity
    chart.set_input("serve_mfu")
    settle(qtbot, panel)
    assert chart.lo_edit.text().endswith("%") and chart.hi_edit.text().endswith("%")
    assert chart.plot.getAxis("bottom").labelText == "Serving MFU (%)"
    assert tick_text(0.45, "fraction") == "45%" and tick_text(300, "B tokens") == "300B"
    chart.lo_edit.setText("-5")
    chart.recompute()
    assert chart.message.text() == "From -5: Serving MFU must be a number > 0% and ≤ 100%"
    assert chart.curves == [] or not chart.plot.listDataItems()


def test_live_language_switch_retranslates_the_charts(qtbot, panel, default_wb, qapp):
    from llmcost_gui.qt import i18n

    panel.set_current(default_wb.scenario_row(LLAMA), "daily_total")
    panel.tabs.setCurrentWidget(panel.uncertainty)
    settle(qtbot, panel)
    assert panel.tornado is not None  # built, hidden
    try:
        i18n.set_language("zh_CN", remember=False)
        qapp.processEvents()
        assert panel.tabs.tabText(0) == "敏感性" and panel.scenario_caption.text() == "场景"
        assert panel.uncertainty.table.horizontalHeaderItem(1).text() == "低"
        assert panel.uncertainty.plot.getAxis("left").labelText == "样本"
        assert panel.tornado.swing_caption.text() == "变动幅度 ±"
        assert panel.result_box.currentText() == "每日总成本"
        i18n.set_language("en", remember=False)
        qapp.processEvents()
        assert panel.tabs.tabText(1) == "Tornado" and panel.tornado.swing_caption.text() == "Swing ±"
        assert panel.uncertainty.plot.getAxis("left").labelText == "samples"
    finally:
        i18n.set_language("en", remember=False)


ENTERPRISE = "Enterprise 6B: fine-tune + 1,000 staff on A100"


def test_self_host_or_api_marks_the_break_even(qtbot, panel, default_wb):
    row = default_wb.scenario_row(ENTERPRISE)
    panel.set_current(row, "api_cost_per_day")
    panel.tabs.setCurrentWidget(panel.api_compare)
    settle(qtbot, panel)
    r = panel.api_compare.result
    assert r.breakeven == pytest.approx(default_wb.result(row, "breakeven_daily_users"))
    assert r.chosen == "Qwen2.5 7B Turbo on Together AI"
    assert "daily users on, self-hosting costs no more" in panel.api_compare.message.text()


def test_self_host_or_api_says_why_there_is_no_break_even(qtbot, panel, default_wb):
    row = default_wb.scenario_row(LLAMA)
    default_wb.set_cell("Scenarios", row, "serve_precision", "bf16")  # a fixed BF16 fleet: never cheaper
    default_wb.set_cell("Scenarios", row, "autoscale", "no")
    panel.set_current(row, "api_cost_per_day")
    panel.tabs.setCurrentWidget(panel.api_compare)
    settle(qtbot, panel)
    r = panel.api_compare.result
    assert r.breakeven is None and len(r.offers) >= 2  # Groq (chosen) and Bedrock for Llama 3 70B
    assert "never costs less" in panel.api_compare.message.text()


def test_self_host_or_api_without_serving_says_what_to_do(qtbot, panel, default_wb):
    panel.set_current(default_wb.scenario_row("GPT-3 175B pre-training (paper)"), "daily_total")
    panel.tabs.setCurrentWidget(panel.api_compare)
    settle(qtbot, panel)
    assert panel.api_compare.result is None
    assert "Daily users" in panel.api_compare.message.text()


def test_throughput_against_latency(qtbot, panel, default_wb):
    row = default_wb.scenario_row(LLAMA)
    panel.set_current(row, "daily_total")
    panel.tabs.setCurrentWidget(panel.throughput)
    settle(qtbot, panel)
    curves = panel.throughput.curves
    assert curves[0].row == row and len(curves) > 1  # the selected scenario first, others after
    assert curves[0].point == pytest.approx((1 / default_wb.result(row, "step_s"),
                                             default_wb.result(row, "output_tokens_per_s_per_gpu")))
    assert "tokens/s per GPU" in panel.throughput.message.text()
    assert panel.tabs.tabText(panel.tabs.indexOf(panel.throughput)) == "Throughput vs latency"
    pre = default_wb.scenario_row("GPT-3 175B pre-training (paper)")
    panel.set_current(pre, "daily_total")
    settle(qtbot, panel)
    assert panel.throughput.curves[0].row != pre  # a scenario that does not serve has no curve


def test_a_chart_without_bars_keeps_no_words_of_the_last_scenario(qtbot, panel, default_wb):

    chart = panel.memory
    panel.tabs.setCurrentWidget(chart)
    panel.set_current(default_wb.scenario_row("GPT-3 175B on 500B tokens, A100 at 2.2659 USD/h (blog example)"),
                      "train_cost")
    settle(qtbot, panel)
    assert chart.plot.getAxis("left").labelText
    panel.set_current(default_wb.scenario_row(LLAMA), "daily_total")  # serving only: no bars
    settle(qtbot, panel)
    assert chart.plot.getAxis("left").labelText == ""
