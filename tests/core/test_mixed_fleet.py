"""A mixed serving fleet: with serve_disagg yes, prefill replicas on prefill_hardware at their
own offer, priced, powered and bought at their own card's rate, computing at its peak.

The mini workbook (core_data.py): card H (200 TOP/s int8, 1 TB/s, 500 W, 10,000 USD, offer P at
2 USD/h) and card C (100 TOP/s int8, 0.5 TB/s, 250 W, 71,000 CNY = 10,000 USD, offer PC at
7.1 CNY/h = 1 USD/h).  Model M: 10B parameters, 10 GB in int8.  With 0.02 requests/s at the peak
one prefill replica and one decode replica of one card each are plenty."""

import pytest
from core_data import SERVE
from pytest import approx

from llmcost_gui.core import labels

MIXED = {**SERVE, "daily_users": 864, "serve_disagg": "yes", "batch_size": None, "serve_tp": 1,
         "serve_precision": "int8"}
OVERHEAD_S = 0.006  # prefill_overhead_ms default


def value(wb, key):
    why = wb.results.error(0, key)
    assert why is None, labels.reason(why)
    return wb.results.value(0, key)


def error(wb, key):
    return wb.results.error(0, key)


def test_blank_prefill_card_is_the_serving_card(mini):
    same = mini(MIXED)
    typed = mini({**MIXED, "prefill_hardware": "H"})
    for key in ("serve_cost_per_day", "ttft_s", "tpot_s", "serve_capex", "serve_energy_kwh_per_day"):
        assert value(typed, key) == value(same, key)
    # one H prefill card and one H decode card at 2 USD/h, plus 20 % operations
    assert value(same, "serve_cost_per_day") == approx(2 * 2.0 * 24 * 1.2)


def test_prefill_on_another_card_is_priced_at_its_rate(mini):
    wb = mini({**MIXED, "prefill_hardware": "C", "prefill_price": "PC"})
    assert value(wb, "prefill_gpus") == 1 and value(wb, "decode_gpus") == 1
    # rent: 1 C at 1 USD/h + 1 H at 2 USD/h, 24 h, 20 % operations
    assert value(wb, "serve_cost_per_day") == approx((1 * 7.1 / 7.1 + 1 * 2.0) * 24 * 1.2)
    # energy: (0.25 kW + 0.5 kW) × 24 h × PUE 1.5
    assert value(wb, "serve_energy_kwh_per_day") == approx((0.25 + 0.5) * 24 * 1.5)
    # purchase: (10,000 + 71,000 ÷ 7.1) USD × (1 + 0.5 servers)
    assert value(wb, "serve_capex") == approx((10000 + 71000 / 7.1) * 1.5)


def test_bought_mixed_fleet_writes_off_each_card(mini):
    wb = mini({**MIXED, "prefill_hardware": "C", "prefill_price": "PC", "procurement": "buy"})
    write_off = (10000 + 71000 / 7.1) * 1.5 / (365 * 2)
    power = (0.25 + 0.5) * 24 * 1.5 * 0.1
    assert value(wb, "serve_cost_per_day") == approx((write_off + power) * 1.2)


def test_prefill_runs_at_the_prefill_cards_peak(mini):
    on_h = mini(MIXED)
    on_c = mini({**MIXED, "prefill_hardware": "C", "prefill_price": "PC"})
    # 100 prompt tokens: 2 · 10B · 100 + 10 layers · 1000 · 100² FLOPs at half the int8 peak
    flops = 2 * 1e10 * 100 + 10 * 1000 * 100 ** 2
    assert value(on_h, "prefill_compute_s") == approx(flops / (200e12 * 0.5))
    assert value(on_c, "prefill_compute_s") == approx(flops / (100e12 * 0.5))
    # compute-bound on both (10 GB streamed at 0.5 TB/s · 0.5 on C: 0.04 s < 0.040002 s)
    assert value(on_c, "prefill_s") == approx(flops / (100e12 * 0.5) + OVERHEAD_S)
    assert value(on_c, "ttft_s") > value(on_h, "ttft_s")
    # decode stays on H (its requests in flight grow a little with the longer prefill)
    assert value(on_c, "tpot_s") == approx(value(on_h, "tpot_s"), rel=1e-4)
    assert value(on_c, "serve_batch") == value(on_h, "serve_batch")


def test_prefill_card_ignored_without_disaggregation(mini):
    together = mini({**MIXED, "serve_disagg": "no"})
    typed = mini({**MIXED, "serve_disagg": "no", "prefill_hardware": "C", "prefill_price": "PC"})
    for key in ("serve_cost_per_day", "ttft_s", "serve_gpus"):
        assert value(typed, key) == value(together, key)


@pytest.mark.parametrize("extra, key", [
    ({"prefill_hardware": "C"}, "no_rental_offer"),  # another card needs its own offer
    ({"prefill_price": "PC"}, "offer_other_card"),  # an offer for C, prefill on H
    ({"prefill_hardware": "C", "prefill_price": "P"}, "offer_other_card"),
])
def test_a_wrong_prefill_offer_says_why(mini, extra, key):
    why = error(mini({**MIXED, **extra}), "serve_cost_per_day")
    assert why is not None and why.key == key
    assert "Prefill rental offer" in labels.reason(why) and "预填充租用报价" in labels.reason(why, "zh_CN")


def test_a_prefill_card_too_small_for_the_weights(mini):
    # bf16: 20 GB of weights on one C card of 18 GB usable (the decode replica on H holds them)
    wb = mini({**MIXED, "serve_precision": "bf16", "prefill_hardware": "C", "prefill_price": "PC"})
    why = error(wb, "ttft_s")
    assert why is not None and why.key == "prefill_card_too_small"
    assert "18" in labels.reason(why) and "20" in labels.reason(why) and "预填充副本" in labels.reason(why, "zh_CN")
