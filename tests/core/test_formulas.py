"""Every formula against a hand calculation on the tiny workbook of conftest.py."""

import math

import pytest
from core_data import FT, SERVE, TRAIN

approx = lambda x: pytest.approx(x, rel=1e-9)  # noqa: E731


def res(wb, key, row=0):
    assert wb.results.error(row, key) is None, wb.results.error(row, key)
    return wb.results.value(row, key)


# ---- pre-training: flops/token = 2·10e9 + 2·10·1000·1000 = 20.02e9
def test_flops_per_token_includes_attention(mini):
    assert res(mini(TRAIN), "flops_per_token") == approx(20.02e9)


def test_train_flops_is_three_forward_passes(mini):
    assert res(mini(TRAIN), "train_flops") == approx(3 * 20.02e9 * 100e9)  # 6.006e21


def test_pf_days(mini):
    assert res(mini(TRAIN), "train_pf_days") == approx(6.006e21 / 8.64e19)


def test_gpu_hours_days_and_cost(mini):
    wb = mini(TRAIN)
    hours = 6.006e21 / (100e12 * 0.5) / 3600  # 33,366.67
    assert res(wb, "train_gpu_hours") == approx(hours)
    assert res(wb, "train_gpus") == 100
    assert res(wb, "train_days") == approx(hours / 100 / 24)
    assert res(wb, "train_cost") == approx(hours * 2)
    assert res(wb, "train_capex") == approx(100 * 10000 * 1.5)
    assert res(wb, "train_energy_kwh") == approx(hours * 0.5 * 1.5)
    assert res(wb, "train_energy_cost") == approx(hours * 0.5 * 1.5 * 0.1)


def test_deadline_gives_card_count(mini):
    wb = mini({**TRAIN, "train_gpus": None, "train_deadline_days": 10})
    hours = 6.006e21 / 5e13 / 3600
    assert res(wb, "train_gpus") == math.ceil(hours / 240) == 140
    assert res(wb, "train_days") == approx(hours / 140 / 24)


def test_discount_and_training_context(mini):
    wb = mini({**TRAIN, "train_discount": 0.25, "train_context": 500})
    fpt = 20e9 + 2 * 10 * 500 * 1000
    hours = 3 * fpt * 100e9 / 5e13 / 3600
    assert res(wb, "train_cost") == approx(hours * 2 * 0.75)


def test_buy_uses_owned_gpu_hour(mini):
    wb = mini({**TRAIN, "procurement": "buy"})
    rate = 10000 * 1.5 / (24 * 365 * 2) + 0.5 * 1.5 * 0.1
    hours = 6.006e21 / 5e13 / 3600
    assert res(wb, "train_cost") == approx(hours * rate)
    assert res(wb, "capex_total") == approx(1.5e6)


def test_moe_uses_active_parameters_and_drops_unknown_attention(mini):
    wb = mini({**TRAIN, "model": "MoE"})
    assert res(wb, "flops_per_token") == approx(2 * 10e9)


# ---- fine-tuning
@pytest.mark.parametrize("method,per_token", [("full", 6), ("lora", 4), ("top_layers", 2 + 4 * 0.25)])
def test_ft_flops_by_method(mini, method, per_token):
    wb = mini({**FT, "ft_method": method, "ft_trainable_fraction": 0.25})
    assert res(wb, "ft_flops") == approx(per_token * 10e9 * 1e9 * 2)


def test_ft_hours_and_cost(mini):
    wb = mini(FT)
    hours = 1.2e20 / (100e12 * 0.25) / 3600
    assert res(wb, "ft_gpu_hours") == approx(hours)
    assert res(wb, "ft_cost") == approx(hours * 2)


# ---- serving (see conftest: 86,400 users, 1 request each, 100 + 100 tokens, peak 2)
def test_traffic(mini):
    wb = mini(SERVE)
    assert res(wb, "requests_per_day") == 86400
    assert res(wb, "tokens_per_day") == approx(86400 * 200)
    assert res(wb, "peak_requests_per_s") == approx(2.0)


def test_flops_per_request(mini):
    # 2·Nₐ·200 + 2·L·d·(100²/2 + 100·100 + 100²/2) = 4e12 + 4e8
    assert res(mini(SERVE), "flops_per_request") == approx(4.0004e12)


def test_gpu_seconds_per_request_memory_bound(mini):
    wb = mini(SERVE)
    # KV bytes/token = 2·10·1000·(5/10)·2 = 20,000; one card (20 GB weights + 10 requests' KV ≤ 36 GB)
    # a full step: max(weights 2e10 ÷ 0.5 TB/s, 10 · (2e10 + 3e6) ÷ 5e13) + 10 requests' KV
    # (20,000 B · 150 tokens ÷ 5e11) + 10 prompt tokens at the 16-bit prefill efficiency 0.7
    weights, compute = 2e10 / 5e11, 10 * (2e10 + 2 * 10 * 1000 * 150) / 5e13
    assert weights > compute
    prefill = (2e12 + 1e8) / 7e13  # one 100-token prompt, spread over its 100 output steps
    step = weights + 10 * 20000 * 150 / 5e11 + 10 * prefill / 100
    assert res(wb, "step_s") == approx(step)
    assert res(wb, "gpu_seconds_per_request") == approx(100 * step / 10)
    assert res(wb, "output_tokens_per_s_per_gpu") == approx(100 / (100 * step / 10))
    assert res(wb, "replica_gpus") == 1
    assert res(wb, "serve_batch") == 10


def test_serve_gpus_and_daily_cost_rent(mini):
    wb = mini(SERVE)
    # ⌈2 req/s · 0.429173 GPU-s ÷ 0.5⌉ = ⌈1.7167⌉ = 2
    assert res(wb, "serve_gpus") == 2
    assert res(wb, "serve_cost_per_day") == approx(2 * 24 * 2 * 1.2)
    assert res(wb, "cost_per_million_tokens") == approx(115.2 / 17.28e6 * 1e6)
    assert res(wb, "cost_per_request") == approx(115.2 / 86400)
    assert res(wb, "cost_per_user_month") == approx(115.2 / 86400 * 30)
    assert res(wb, "serve_capex") == approx(2 * 10000 * 1.5)
    assert res(wb, "serve_energy_kwh_per_day") == approx(2 * 0.5 * 24 * 1.5)
    assert res(wb, "daily_total") == approx(115.2)
    assert res(wb, "annual_total") == approx(115.2 * 365)
    assert res(wb, "monthly_total") == approx(115.2 * 365 / 12)  # 12 months make the year
    # the budget's recurring serving money: a 365-day year, a month a twelfth of it
    assert res(wb, "serve_cost_per_year") == approx(115.2 * 365)
    assert res(wb, "serve_cost_per_month") == approx(115.2 * 365 / 12)
    assert res(wb, "serve_usd_per_year") == approx(115.2 * 365)
    assert res(wb, "capex_usd") == 0.0  # renting


def test_summary_usd_amounts_convert_from_the_scenario_currency(mini):
    cny = mini({**SERVE, "currency": "CNY", "procurement": "buy"})
    # serving only: no training money; buying: capex 2 cards · 10,000 USD · 1.5 = 30,000 USD
    assert res(cny, "training_usd") == 0.0
    assert res(cny, "capex_usd") == approx(30000)
    assert res(cny, "capex_total") == approx(30000 * 7.1)
    assert res(cny, "serve_usd_per_year") == approx(res(cny, "serve_cost_per_year") / 7.1)


def test_serve_buy_is_write_off_plus_power(mini):
    wb = mini({**SERVE, "procurement": "buy"})
    per_day = (2 * 10000 * 1.5 / (365 * 2) + 36 * 0.1) * 1.2
    assert res(wb, "serve_cost_per_day") == approx(per_day)


def test_replica_rounds_up_to_power_of_two(mini):
    # a 100B model in fp32 = 400 GB on 36 GB usable per card -> 12 cards -> 16
    wb = mini({**SERVE, "model": "MoE", "serve_precision": "fp32", "serve_hardware": "H", "tpot_target_s": 1.0})
    assert res(wb, "replica_gpus") == 16
    assert res(wb, "serve_gpus") % 16 == 0


def test_currency_conversion(mini):
    usd = mini(SERVE)
    cny = mini({**SERVE, "currency": "CNY"})
    assert res(cny, "serve_cost_per_day") == approx(res(usd, "serve_cost_per_day") * 7.1)
    # card priced in CNY, offer priced in CNY: 71,000 CNY = 10,000 USD; 7.1 CNY/h = 1 USD/h
    c = mini({**SERVE, "serve_hardware": "C", "serve_price": "PC", "serve_precision": "int8"})
    gpus = res(c, "serve_gpus")
    assert res(c, "serve_cost_per_day") == approx(gpus * 24 * 1 * 1.2)
    assert res(c, "serve_capex") == approx(gpus * 10000 * 1.5)


def test_daily_total_amortizes_training(mini):
    wb = mini({**TRAIN, **SERVE, "name": "TS", "amortization_days": 100})
    hours = 6.006e21 / 5e13 / 3600
    assert res(wb, "daily_total") == approx(115.2 + hours * 2 / 100)


def test_a_lookup_takes_the_looked_up_columns_default():
    import ast

    from llmcost_gui.core.formulas import Formula

    f = Formula("x", "", 'lookup(Hardware, "price_currency", serve_hardware)', "doc")
    assert ast.unparse(f.tree) == "lookup_or(Hardware, 'price_currency', serve_hardware, 'USD')"
    g = Formula("y", "", 'lookup(Hardware, "network_gbs", h) + lookup(Models, "params_b", model)', "doc")
    assert ast.unparse(g.tree) == "lookup_or(Hardware, 'network_gbs', h, 12.5) + lookup(Models, 'params_b', model)"
