"""API offers (issue #16): the API's cost for the scenario's traffic and the break-even, by hand."""

import math

import numpy as np
import pytest
from conftest import SERVE, make_wb

from llmcost_gui.core.report import format_result, scenario_records, text_report
from llmcost_gui.core.variants import evaluate_variants

# The SERVE scenario of conftest, worked by hand (model M: 10 B params, 10 layers, width 1000,
# KV share 0.5; card H: 100 TFLOPS bf16, 40 GB, 1 TB/s; rented at 2 USD/h; ops overhead 0.2):
#   replica_gpus = 1 (20 GB of weights + 40 MB of KV cache fit one 40 GB card)
#   prefill = (2·1e10·100 + 10·1000·100²) / (100e12·0.5) = 0.040002 s
#   decode, memory-bound: (20e9 + 10·20000·150) / (1e12·0.5) / 10 = 0.004006 s per token
#   gpu_seconds_per_request = 0.040002 + 100 · 0.004006 = 0.440602 s
#   one GPU per day = 24 · 2 · 1.2 = 57.6 USD, so one replica costs c = 57.6 USD per day
#   one replica serves U = 1 · (1 - 0.5) / 0.440602 · 86400 / 2 = 49,023.84 daily users
C_REPLICA = 57.6
U_REPLICA = 0.5 / 0.440602 * 43200


def offer_wb(price_in, price_out, currency="USD", **scenario):
    apis = (["name", "model", "input_per_million", "output_per_million", "currency"],
            [["X", "M", price_in, price_out, currency]])
    return make_wb({**SERVE, "api_offer": "X", **scenario}, apis=apis)


def test_api_cost_per_day_by_hand():
    wb = make_wb({**SERVE, "api_offer": "A"})
    # 86,400 requests a day · (100 tokens · 1 USD + 100 tokens · 2 USD) / 1e6 = 25.92 USD a day
    assert math.isclose(wb.result(0, "api_cost_per_day"), 25.92, rel_tol=1e-12)
    # 86,400 users need two replicas (one serves 49,024): 2 · 57.6 = 115.2 USD a day
    assert math.isclose(wb.result(0, "serve_cost_per_day"), 2 * C_REPLICA, rel_tol=1e-12)
    assert math.isclose(wb.result(0, "api_vs_self_host"), 25.92 / 115.2, rel_tol=1e-12)


def test_offer_in_cny_is_converted_and_the_scenario_currency_applies():
    # AC: 7.1 and 14.2 CNY per 1M tokens at 7.1 CNY/USD is the same as A in USD
    wb = make_wb({**SERVE, "api_offer": "AC"}, {**SERVE, "name": "S CNY", "api_offer": "AC", "currency": "CNY"})
    assert math.isclose(wb.result(0, "api_cost_per_day"), 25.92, rel_tol=1e-12)
    assert math.isclose(wb.result(1, "api_cost_per_day"), 25.92 * 7.1, rel_tol=1e-12)
    assert math.isclose(wb.result(1, "api_vs_self_host"), wb.result(0, "api_vs_self_host"), rel_tol=1e-12)


def test_working_values_of_the_step():
    wb = offer_wb(10, 20)
    assert math.isclose(wb.result(0, "replica_cost_per_day"), C_REPLICA, rel_tol=1e-12)
    assert math.isclose(wb.result(0, "replica_daily_users"), U_REPLICA, rel_tol=1e-9)


def test_breakeven_on_the_first_step():
    # 10 and 20 USD per 1M tokens: a = 1 request · (100·10 + 100·20) / 1e6 = 0.003 USD per user a day
    # a·U = 147.07 USD > c = 57.6 USD: x = 0.3917, ⌈1 / (1 - x)⌉ - 1 = 1, u* = c / a = 19,200 users
    wb = offer_wb(10, 20)
    assert math.isclose(wb.result(0, "breakeven_daily_users"), 19200, rel_tol=1e-9)


def test_breakeven_on_the_second_step():
    # 6 and 12 USD: a = 0.0018 USD per user a day, a·U = 88.24, x = 57.6 / 88.24 = 0.6528
    # ⌈1 / (1 - x)⌉ - 1 = ⌈2.88⌉ - 1 = 2: on the second step, from u* = 2 · 57.6 / 0.0018 = 64,000
    wb = offer_wb(6, 12)
    assert math.isclose(wb.result(0, "breakeven_daily_users"), 64000, rel_tol=1e-9)
    assert U_REPLICA < 64000 <= 2 * U_REPLICA


def test_breakeven_is_blank_with_a_reason_when_self_hosting_never_wins():
    # offer A: a·U = 0.0003 · 49,024 = 14.7 USD a day, less than one replica's 57.6
    wb = make_wb({**SERVE, "api_offer": "A"})
    res = wb.results
    assert res.is_blank(0, "breakeven_daily_users")
    assert "never costs less" in res.note(0, "breakeven_daily_users")
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
    assert "ghost" in wb.results.error(0, "api_cost_per_day")
    assert not wb.results.is_blank(0, "api_cost_per_day")


@pytest.mark.parametrize("prices", [(10, 20), (6, 12), (4.5, 9), (4.2, 8.4)])
def test_breakeven_agrees_with_the_registry_user_by_user(prices):
    """From the break-even on, the registry's own self-hosted cost (whole replicas) never exceeds
    the API; just below it, it does.  Checked on a fine grid of daily users."""
    wb = offer_wb(*prices)
    u_star = wb.result(0, "breakeven_daily_users")
    if prices == (4.2, 8.4):  # a = 0.00126, x = 57.6 / 61.77 = 0.9325, ⌈14.8⌉ - 1 = 14 steps
        assert math.isclose(u_star, 14 * 57.6 / 0.00126, rel_tol=1e-9)
    users = np.unique(np.concatenate([np.linspace(1, max(8 * U_REPLICA, 1.5 * u_star), 6001), [u_star]]))
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
