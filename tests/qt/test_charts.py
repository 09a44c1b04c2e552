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
    p.pool.waitForDone()


def settle(qtbot, panel):
    qtbot.waitUntil(lambda: not panel.busy(), timeout=10_000)


def test_sensitivity_curves_follow_the_selection_and_edits(qtbot, panel, default_wb):
    row = default_wb.scenario_row(LLAMA)
    panel.set_current(row, "serve_gpus")
    settle(qtbot, panel)
    chart = panel.sensitivity
    assert chart.input_name == "daily_users"
    main = next(c for c in chart.curves if c.row == row)
    assert main.current_x == 100_000 and main.current_y == default_wb.result(row, "serve_gpus")
    assert len(chart.curves) > 1  # other serving scenarios have their own curves
    lo, hi = (parse_quantity(e.text(), "users") for e in (chart.lo_edit, chart.hi_edit))
    assert (lo, hi) == (50_000, 200_000)
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
    # narrowing every range to nothing collapses the band onto the estimate
    table = panel.uncertainty.table
    for i in range(table.rowCount()):
        relative = table.item(i, 3).checkState().value == 2
        value = "1" if relative else table.item(i, 1).text()
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


def test_throughput_against_latency(qtbot, panel, default_wb):
    row = default_wb.scenario_row(LLAMA)
    panel.set_current(row, "daily_total")
    panel.tabs.setCurrentWidget(panel.throughput)
    settle(qtbot, panel)
    curves = panel.throughput.curves
    assert curves[0].row == row and len(curves) > 1  # the selected scenario first, others after
    assert curves[0].point == pytest.approx((1 / default_wb.result(row, "tpot_s"),
                                             default_wb.result(row, "output_tokens_per_s_per_gpu")))
    assert "tokens/s per GPU" in panel.throughput.message.text()
    pre = default_wb.scenario_row("GPT-3 175B pre-training (paper)")
    panel.set_current(pre, "daily_total")
    settle(qtbot, panel)
    assert panel.throughput.curves[0].row != pre  # a scenario that does not serve has no curve
