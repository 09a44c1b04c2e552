"""The API comparison in the window: summary strip line, tab, formula bar, About."""

from llmcost_gui.core.report import format_result
from llmcost_gui.qt.summary import SummaryStrip


def fixed_bf16(wb, row):
    """The Llama preset in BF16 on a fixed fleet: a replica costs more than Groq charges for its users."""
    wb.set_cell("Scenarios", row, "serve_precision", "bf16")
    wb.set_cell("Scenarios", row, "autoscale", "no")
    assert wb.results.is_blank(row, "breakeven_daily_users")


def test_api_line_when_an_offer_is_chosen(qtbot, default_wb):
    strip = SummaryStrip()
    qtbot.addWidget(strip)
    row = default_wb.scenario_row("Enterprise 6B: fine-tune + 1,000 staff on A100")
    strip.show_scenario(default_wb, row)
    text = strip.scenario.text()
    assert "Qwen2.5 7B Turbo on Together AI" in text and "¥55.4/day" in text
    assert f"{default_wb.result(row, 'api_vs_self_host'):.2g}× self-hosting" in text
    users = format_result(default_wb, row, "breakeven_daily_users")  # about 2,400
    assert f"break-even {users} users" in text and users
    llama = default_wb.scenario_row("Llama 3 70B serving on rented H100")
    strip.show_scenario(default_wb, llama)  # FP8, autoscaled: cheaper than Groq from ~53,000 users
    assert f"break-even {format_result(default_wb, llama, 'breakeven_daily_users')} users" in strip.scenario.text()
    fixed_bf16(default_wb, llama)
    strip.show_scenario(default_wb, llama)
    assert "self-hosting never cheaper" in strip.scenario.text()
    strip.show_scenario(default_wb, default_wb.scenario_row("GPT-3 175B pre-training (paper)"))
    assert "API" not in strip.scenario.text()


def test_window_has_the_offers_tab_and_the_formula_bar_says_why_there_is_no_break_even(window, wb):
    view = window.table_views["ApiOffers"]
    assert window.tabs.tabText(window.tabs.indexOf(view)) == "API offers"
    row = wb.scenario_row("Llama 3 70B serving on rented H100")
    fixed_bf16(wb, row)
    window.select_result(row, "breakeven_daily_users")
    title = window.formula_bar.title.text()
    assert "(blank)" in title and "never costs less" in title
    window.formula_bar.show_result(wb, row, "api_usd_per_request")
    window.follow_link(("lookup", "ApiOffers", "input_per_million", "api_offer"))
    assert window.tabs.currentWidget() is view
    offer = wb.tables["ApiOffers"].key_index()["Llama 3 70B on Groq"]
    assert view.currentIndex().row() == offer


def test_choosing_an_offer_in_the_scenario_updates_the_results(window, wb):
    row = wb.scenario_row("ChatGPT scale: 13 M daily users on A100 (buy)")
    assert wb.results.is_blank(row, "api_cost_per_day")
    wb.set_cell("Scenarios", row, "api_offer", "GPT-4o mini (closed) on OpenAI")
    # 13 M users · 10 requests · (500 · 0.15 + 300 · 0.60) USD / 1e6 = 33,150 USD a day
    assert abs(wb.result(row, "api_cost_per_day") - 13e6 * 10 * (500 * 0.15 + 300 * 0.60) / 1e6) < 1e-6


def test_about_shows_the_newest_api_price_date():
    import csv

    from llmcost_gui.paths import resource
    from llmcost_gui.qt.help import about_html

    with open(resource("data", "api_offers.csv"), encoding="utf-8", newline="") as fh:
        newest = max(row["as_of"] for row in csv.DictReader(fh) if row["as_of"])
    assert f"Default API prices: as of {newest}" in about_html()


def test_strip_and_budget_summary_show_results_that_exist():
    from llmcost_gui.core.formulas import REGISTRY, RESULT_KEYS
    from llmcost_gui.io.budget_summary import SUMMARY_KEYS
    from llmcost_gui.qt.summary import CAPTIONS, STRIP_KEYS

    assert set(STRIP_KEYS) <= set(RESULT_KEYS) and set(SUMMARY_KEYS) <= set(REGISTRY)
    assert set(CAPTIONS) == set(STRIP_KEYS)
