"""Sweeps, tornado and buy vs rent: consistent with compute, and hand-checked on small cases."""

import numpy as np
import pytest
from core_data import FT, SERVE, TRAIN

from llmcost_gui.core import analysis as an
from llmcost_gui.core.variants import AnalysisError, current_value, evaluate_variants

LLAMA = "Llama 3 70B serving on rented H100"
CHATGPT = "ChatGPT scale: 13 M daily users on A100 (buy)"
GPT3_SEED = "GPT-3 175B on 500B tokens, A100 at 2.2659 USD/h (blog example)"


def test_variants_without_overrides_reproduce_compute(default_wb):
    wb = default_wb
    n = wb.tables["Scenarios"].nrows
    res = evaluate_variants(wb, np.arange(n))
    for key in wb.results.values:
        assert np.array_equal(res.codes[key], wb.results.codes[key]), key
        np.testing.assert_array_equal(res.values[key], wb.results.values[key])


@pytest.mark.parametrize("name", ["daily_users", "serve_mfu", "input_tokens", "pue", "usd_cny",
                                  "serve_price.per_gpu_hour", "model.params_b",
                                  "serve_hardware.bandwidth_tbs"])
@pytest.mark.parametrize("output", ["daily_total", "serve_gpus", "cost_per_million_tokens"])
def test_sweep_at_the_current_value_equals_compute(default_wb, name, output):
    row = default_wb.scenario_row(LLAMA)
    now = current_value(default_wb, row, name)
    x, y = an.sweep(default_wb, LLAMA, name, now, now * 1.5 + 1, 5, False, output)
    assert x[0] == now
    assert y[0] == pytest.approx(default_wb.result(row, output), rel=1e-12)


def test_train_cost_is_proportional_to_tokens(default_wb):
    x, y = an.sweep(default_wb, GPT3_SEED, "train_tokens_b", 100, 10_000, 50, True, "train_cost")
    ratio = y / x
    assert np.allclose(ratio, ratio[0], rtol=1e-12)
    assert ratio[0] == pytest.approx(default_wb.result(1, "train_cost") / 500, rel=1e-12)


def test_serve_gpus_never_fall_as_users_grow(default_wb):
    x, y = an.sweep(default_wb, LLAMA, "daily_users", 1e3, 1e8, 200, True, "serve_gpus")
    assert np.all(np.isfinite(y))
    assert np.all(np.diff(y) >= 0)
    assert y[-1] > y[0]


def test_a_card_property_changes_only_the_stage_that_refers_to_it(mini):
    wb = mini({**TRAIN, **SERVE, "name": "both", "procurement": "buy", "serve_price": None})
    x, y = an.sweep(wb, "both", "train_hardware.price", 10_000, 20_000, 3, False, "train_capex")
    # 100 cards × price × (1 + server_overhead 0.5)
    assert y == pytest.approx(100 * x * 1.5)
    _, serve = an.sweep(wb, "both", "train_hardware.price", 10_000, 20_000, 3, False, "serve_capex")
    assert np.all(serve == wb.result(0, "serve_capex"))


def test_one_evaluation_serves_every_scenario_curve(default_wb):
    rows = [default_wb.scenario_row(LLAMA), default_wb.scenario_row(CHATGPT)]
    x = an.sweep_points("daily_users", 1e4, 1e7, 20, log=True)
    curves = an.sweep_curves(default_wb, rows, "daily_users", x, "daily_total")
    for curve in curves:
        _, y = an.sweep(default_wb, curve.row, "daily_users", 1e4, 1e7, 20, True, "daily_total")
        np.testing.assert_allclose(curve.y, y, rtol=1e-12)
        assert curve.current_y == default_wb.result(curve.row, "daily_total")
    assert curves[1].current_x == 13e6


def test_whole_number_inputs_sweep_whole_numbers(default_wb):
    x, y = an.sweep(default_wb, LLAMA, "batch_size", 1, 64, 200, False, "serve_gpus")
    assert np.array_equal(x, np.arange(1, 65))
    # whole cards at every batch, and fewer at 64 than at 1 (the replica grows with the batch it holds)
    assert np.all(np.isfinite(y)) and np.all(y == np.round(y)) and y[-1] < y[0]


def test_values_outside_the_domain_have_no_result(default_wb):
    x, y = an.sweep(default_wb, LLAMA, "serve_mfu", 0.5, 1.5, 11, False, "daily_total")
    assert np.all(np.isfinite(y[x <= 1])) and np.all(np.isnan(y[x > 1]))
    x, y = an.sweep(default_wb, LLAMA, "model.params_b", -10, 10, 5, False, "daily_total")
    assert np.all(np.isnan(y[x <= 0]))


@pytest.mark.parametrize("args, message", [
    (("nope", "pue", 1, 2), "no scenario named “nope”"),
    ((LLAMA, "nope", 1, 2), "unknown input “nope”"),
    ((LLAMA, "pue", 2, 1), "from a lower to a higher"),
    ((LLAMA, "pue", 1, 1), "from a lower to a higher"),
])
def test_bad_sweeps_say_why(default_wb, args, message):
    with pytest.raises(AnalysisError, match=message):
        an.sweep(default_wb, *args, output="daily_total")


def test_bad_log_range_and_output(default_wb):
    with pytest.raises(AnalysisError, match="above zero"):
        an.sweep(default_wb, LLAMA, "daily_users", 0, 10, 5, True, "daily_total")
    with pytest.raises(AnalysisError, match="unknown output"):
        an.sweep(default_wb, LLAMA, "daily_users", 1, 10, 5, False, "nope")


# ------------------------------------------------------------------ tornado


def test_tornado_hand_checked_on_training(mini):
    wb = mini(TRAIN)
    base, bars = an.tornado(wb, "T", "train_cost", swing=0.2)
    assert base == wb.result(0, "train_cost")
    by = {b.input: b for b in bars}
    assert by["train_tokens_b"].low == pytest.approx(0.8 * base)
    assert by["train_tokens_b"].high == pytest.approx(1.2 * base)
    # cost ∝ 1 / mfu: mfu 0.5 -> 0.4 and 0.6
    assert by["train_mfu"].low == pytest.approx(base * 0.5 / 0.4)
    assert by["train_mfu"].high == pytest.approx(base * 0.5 / 0.6)
    assert by["train_price.per_gpu_hour"].high == pytest.approx(1.2 * base)
    # the card count does not change rented GPU-hours; serving inputs play no part
    assert "train_gpus" not in by and "daily_users" not in by and "pue" not in by
    impacts = [b.impact for b in bars]
    assert impacts == sorted(impacts, reverse=True)


def test_tornado_keeps_inputs_in_their_domain(default_wb):
    # the seed scenario trains at utilization 1: it can only go down
    base, bars = an.tornado(default_wb, GPT3_SEED, "train_cost", swing=0.3)
    mfu = next(b for b in bars if b.input == "train_mfu")
    assert mfu.input_high == 1.0 and mfu.high == base
    assert mfu.low == pytest.approx(base / 0.7)


def test_tornado_sorted_on_the_default_workbook(default_wb):
    _, bars = an.tornado(default_wb, CHATGPT, "daily_total")
    assert len(bars) > 5
    impacts = [b.impact for b in bars]
    assert impacts == sorted(impacts, reverse=True)


def test_tornado_rejects_a_bad_swing_and_blank_output(default_wb):
    with pytest.raises(AnalysisError, match="swing"):
        an.tornado(default_wb, LLAMA, "daily_total", swing=1.5)
    with pytest.raises(AnalysisError, match="not part of scenario"):
        an.tornado(default_wb, LLAMA, "train_cost")


# ------------------------------------------------------------------ buy vs rent


def test_break_even_hand_checked(mini):
    wb = mini({**SERVE, "procurement": "buy"})
    g = wb.result(0, "serve_gpus")
    r = an.buy_vs_rent(wb, "S", months=24)
    # rent: g × 24 h × 2 USD × (1 + ops 0.2) = 57.6 g per day
    assert r.rent_per_day == pytest.approx(57.6 * g)
    # buy: g × 10,000 × (1 + 0.5) up front; power g × 0.5 kW × 24 h × PUE 1.5 × 0.1 USD × 1.2
    assert r.buy_upfront == pytest.approx(15_000 * g)
    assert r.buy_per_day == pytest.approx(2.16 * g)
    assert r.break_even == pytest.approx(15_000 / (30 * (57.6 - 2.16)))  # 9.02 months
    assert r.break_even_month == 10
    assert r.buy[10] <= r.rent[10] and r.buy[9] > r.rent[9]
    assert r.rent[0] == 0 and r.rent[3] == pytest.approx(90 * 57.6 * g)


def test_break_even_beyond_the_horizon_or_never(mini):
    wb = mini({**SERVE, "procurement": "buy"})
    assert an.buy_vs_rent(wb, "S", months=6).break_even_month is None
    cheap = mini({**SERVE, "serve_price": "PC", "serve_hardware": "C"})  # 1 USD/h rent
    never = mini({**TRAIN, "name": "T"})  # training only: buying costs more, nothing recurs
    r = an.buy_vs_rent(never, "T", months=12)
    assert r.break_even is None and r.break_even_month is None
    assert r.rent_upfront == pytest.approx(never.result(0, "train_cost"))
    assert an.buy_vs_rent(cheap, "S", 12).rent_per_day > 0


def test_buy_vs_rent_with_training_and_fine_tuning_counts_each_purchase_once(mini):
    wb = mini({**TRAIN, **FT, **SERVE, "name": "all"})
    r = an.buy_vs_rent(wb, "all", 12)
    buy = mini({**TRAIN, **FT, **SERVE, "name": "all", "procurement": "buy"})
    assert r.rent_upfront == pytest.approx(wb.result(0, "train_cost") + wb.result(0, "ft_cost"))
    assert r.buy_upfront == pytest.approx(buy.result(0, "capex_total") + buy.result(0, "train_energy_cost")
                                          + buy.result(0, "ft_cost"))


def test_bench_functions_return_milliseconds(default_wb):
    from llmcost_gui import bench_analysis

    assert 0 < bench_analysis.bench_sweeps(default_wb, repeat=1) < 10_000
    assert 0 < bench_analysis.bench_montecarlo(default_wb, samples=1000, repeat=1) < 10_000
    assert 0 < bench_analysis.bench_plan(default_wb, repeat=1) < 60_000
