"""API offers: the API's cost for the scenario's traffic and the break-even, by hand.

The break-even is built on the serving formulas by name (serve_cost_per_day, serve_gpus,
replica_gpus, gpu_seconds_per_request, peak_requests_per_s): the hand calculations below take
those from the registry and work the API formulas out from them.
"""

import math

import numpy as np
import pytest
from core_data import SERVE, make_wb

from llmcost_gui.core.report import format_result, scenario_records, text_report
from llmcost_gui.core.variants import evaluate_variants

# The SERVE scenario of conftest: 86,400 users, 1 request each, 100 + 100 tokens, peak factor 2,
# capacity overhead 0.5, card H rented at 2 USD/h, ops overhead 0.2.
GPU_DAY = 24 * 2 * 1.2  # 57.6 USD: one rented GPU for a day, operations included


def offer_wb(price_in, price_out, currency="USD", **scenario):
    apis = (["name", "model", "input_per_million", "output_per_million", "currency"],
            [["X", "M", price_in, price_out, currency]])
    return make_wb({**SERVE, "api_offer": "X", **scenario}, apis=apis)


def step_of(wb):
    """(c, U): one replica's cost per day and the daily users it serves, by hand from the
    registry's replica size and GPU-seconds per request."""
    g, rg = wb.result(0, "gpu_seconds_per_request"), wb.result(0, "replica_gpus")
    # peak requests/s per daily user = 1 request · 2 / 86,400 s
    return GPU_DAY * rg, rg * (1 - 0.5) / g / (2 / 86400)


def priced_for(x):
    """Input and output prices (1 : 2) giving x = c / (a·U) on the SERVE scenario."""
    c, u = step_of(make_wb(SERVE))
    a = c / (x * u)  # USD per user per day = per request
    price_in = a / ((100 * 1 + 100 * 2) / 1e6)
    return (price_in, 2 * price_in), a, c, u


def test_api_cost_per_day_by_hand():
    wb = make_wb({**SERVE, "api_offer": "A"})
    # 86,400 requests a day · (100 tokens · 1 USD + 100 tokens · 2 USD) / 1e6 = 25.92 USD a day
    assert math.isclose(wb.result(0, "api_cost_per_day"), 25.92, rel_tol=1e-12)
    serve = wb.result(0, "serve_cost_per_day")
    assert math.isclose(serve, GPU_DAY * wb.result(0, "serve_gpus"), rel_tol=1e-12)
    assert math.isclose(wb.result(0, "api_vs_self_host"), 25.92 / serve, rel_tol=1e-12)


def test_offer_in_cny_is_converted_and_the_scenario_currency_applies():
    # AC: 7.1 and 14.2 CNY per 1M tokens at 7.1 CNY/USD is the same as A in USD
    wb = make_wb({**SERVE, "api_offer": "AC"}, {**SERVE, "name": "S CNY", "api_offer": "AC", "currency": "CNY"})
    assert math.isclose(wb.result(0, "api_cost_per_day"), 25.92, rel_tol=1e-12)
    assert math.isclose(wb.result(1, "api_cost_per_day"), 25.92 * 7.1, rel_tol=1e-12)
    assert math.isclose(wb.result(1, "api_vs_self_host"), wb.result(0, "api_vs_self_host"), rel_tol=1e-12)


def test_working_values_of_the_step():
    wb = offer_wb(10, 20)
    c, u = step_of(wb)
    assert math.isclose(wb.result(0, "replica_cost_per_day"), c, rel_tol=1e-12)
    assert math.isclose(wb.result(0, "replica_daily_users"), u, rel_tol=1e-9)
    # the step matches the fleet: serve_gpus = replica_gpus · ⌈86,400 / U⌉
    assert wb.result(0, "serve_gpus") == wb.result(0, "replica_gpus") * math.ceil(86400 / u)


@pytest.mark.parametrize(("x", "steps"), [(0.4, 1), (0.6, 2), (0.93, 14)])
def test_breakeven_by_hand(x, steps):
    # x = c / (a·U); the last step where the API is still cheaper is ⌈1 / (1 − x)⌉ − 1:
    # x = 0.4: ⌈1.67⌉ − 1 = 1; x = 0.6: ⌈2.5⌉ − 1 = 2; x = 0.93: ⌈14.29⌉ − 1 = 14
    prices, a, c, u = priced_for(x)
    wb = offer_wb(*prices)
    assert math.isclose(wb.result(0, "breakeven_daily_users"), steps * c / a, rel_tol=1e-9)
    assert (steps - 1) * u < steps * c / a <= steps * u  # on the `steps`-th step of the staircase


def test_breakeven_is_blank_with_a_reason_when_self_hosting_never_wins():
    prices, _, _, _ = priced_for(1.25)  # a replica costs more than the API charges for its users
    wb = offer_wb(*prices)
    res = wb.results
    assert res.is_blank(0, "breakeven_daily_users")
    assert "never costs less" in str(res.note(0, "breakeven_daily_users"))
    assert format_result(wb, 0, "breakeven_daily_users") == ""
    rec = scenario_records(wb)[0]
    assert rec["breakeven_daily_users"] is None and "breakeven_daily_users" not in rec["errors"]
    assert "never costs less" in text_report(wb)


def test_no_offer_means_no_comparison():
    wb = make_wb(SERVE)
    for key in ("api_cost_per_day", "api_vs_self_host", "breakeven_daily_users"):
        assert wb.results.is_blank(0, key) and wb.results.note(0, key) is None
    assert "api_cost_per_day" not in text_report(wb)


def test_unknown_offer_is_an_error_on_the_cell():
    wb = make_wb({**SERVE, "api_offer": "ghost"})
    assert "ghost" in str(wb.results.error(0, "api_cost_per_day"))
    assert not wb.results.is_blank(0, "api_cost_per_day")


@pytest.mark.parametrize("x", [0.4, 0.6, 0.8, 0.93])
def test_breakeven_agrees_with_the_registry_user_by_user(x):
    """From the break-even on, the registry's own self-hosted cost (whole replicas) never exceeds
    the API; just below it, it does.  Checked on a fine grid of daily users."""
    prices, _, _, u = priced_for(x)
    wb = offer_wb(*prices)
    u_star = wb.result(0, "breakeven_daily_users")
    users = np.unique(np.concatenate([np.linspace(1, max(8 * u, 1.5 * u_star), 6001), [u_star]]))
    res = evaluate_variants(wb, np.zeros(len(users), np.int64), {"daily_users": users})
    self_host, api = res.values["serve_cost_per_day"], res.values["api_cost_per_day"]
    after = users >= u_star
    assert np.all(self_host[after] <= api[after] * (1 + 1e-12))
    below = evaluate_variants(wb, np.zeros(1, np.int64), {"daily_users": np.array([u_star * (1 - 1e-6)])})
    assert below.values["serve_cost_per_day"][0] > below.values["api_cost_per_day"][0]


def test_blank_with_a_reason_renders_in_all_three_languages():
    from llmcost_gui.core import expr

    tree = expr.parse('where(x > 1, blank("too big"), x)')
    assert expr.to_text(tree) == 'if x > 1 then blank (too big) else x'

    class Cells:
        def name(self, n):
            return "A1"

    assert expr.to_excel(tree, Cells()) == 'IF(A1>1,"",A1)'
