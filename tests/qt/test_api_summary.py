"""The summary strip's API line (issue #16): shown only when the scenario names an API offer."""

from llmcost_gui.qt.summary import SummaryStrip


def test_api_line_when_an_offer_is_chosen(qtbot, default_wb):
    strip = SummaryStrip()
    qtbot.addWidget(strip)
    row = default_wb.scenario_row("Enterprise 6B: fine-tune + 1,000 staff on A100")
    strip.show_scenario(default_wb, row)
    text = strip.scenario.text()
    assert "Qwen2.5 7B Turbo on Together AI" in text and "¥55.4/day" in text
    assert f"{default_wb.result(row, 'api_vs_self_host'):.2g}× self-hosting" in text
    assert "break-even 4,787 users" in text
    strip.show_scenario(default_wb, default_wb.scenario_row("Llama 3 70B serving on rented H100"))
    assert "self-hosting never cheaper" in strip.scenario.text()
    strip.show_scenario(default_wb, default_wb.scenario_row("GPT-3 175B pre-training (paper)"))
    assert "API" not in strip.scenario.text()
