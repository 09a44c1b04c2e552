"""Serving latency and parallelism, against hand calculations on the mini workbook.

Model M: 10B parameters, 10 layers, width 1000, 5 of 10 KV heads; card H: 100 TFLOP/s bf16,
40 GB (36 GB usable), 1 TB/s, 100 GB/s interconnect (50 GB/s one way).  SERVE: 100 + 100 tokens,
serve_mfu 0.5, bandwidth_eff 0.5, batch 10.  Assumption defaults: all-reduce 70 µs, prefill 6 ms.
KV per token = 2 · 10 · 1000 · 0.5 · 2 bytes = 20,000 B.
"""

import pytest
from core_data import HARDWARE, MODELS, PRICES, SERVE
from pytest import approx

from llmcost_gui.core.formulas_serving import ERR_MEMORY, ERR_TPOT, ERR_TTFT
from llmcost_gui.io.records import build_workbook


def res(wb, key):
    err = wb.results.error(0, key)
    assert err is None, err
    return wb.result(0, key)


def err(wb, key):
    return wb.results.error(0, key)


TP2 = {**SERVE, "serve_tp": 2}
# TP2 pieces: bandwidth 2 · 1e12 · 0.5 = 1e12 B/s
WEIGHTS2 = 2e10 / 1e12  # 0.02 s
KV2 = 20000 * 150 / 1e12  # 3e-6 s per request (average length 100 + 100/2)
COMPUTE2 = (2e10 + 2 * 10 * 1000 * 150) / (2 * 1e14 * 0.5)  # 2.00003e-4 s per request
SYNC = 2 * 10 * 70e-6  # 1.4e-3 s: two all-reduces per layer
ALLREDUCE2 = 2 * 10 * 2 * (1 / 2) * 1000 * 2 / 50e9  # 8e-7 s per request


def test_tensor_parallel_step_pays_all_reduces(mini):
    wb = mini(TP2)
    assert res(wb, "replica_gpus") == 2
    assert res(wb, "tpot_s") == approx(max(WEIGHTS2 + 10 * KV2, 10 * COMPUTE2) + SYNC + 10 * ALLREDUCE2)
    one = mini(SERVE)  # one card: no all-reduce, half the bandwidth
    assert res(one, "tpot_s") == approx((2e10 + 10 * 20000 * 150) / 5e11)


def test_ttft_is_prefill_plus_half_a_running_step(mini):
    wb = mini(TP2)
    compute = (2e12 + 1e8) / (2 * 1e14 * 0.7)  # 0.0143 s: below streaming the weights once
    prefill = max(compute, WEIGHTS2) + SYNC + 100 * ALLREDUCE2 + 0.006
    assert res(wb, "ttft_s") == approx(prefill + res(wb, "tpot_s") / 2)
    single = mini({**TP2, "batch_size": 1})
    assert res(single, "ttft_s") == approx(prefill)


def test_tpot_target_picks_the_largest_batch(mini):
    wb = mini({**TP2, "batch_size": 500, "tpot_target_s": 0.0225})
    # memory piece: (0.0225 − 0.0014 − 0.02) ÷ (3e-6 + 8e-7) = 289.5; compute: 0.0211 ÷ 2.00803e-4 = 105.08
    assert res(wb, "serve_batch") == 105
    assert res(wb, "tpot_s") == approx(max(WEIGHTS2 + 105 * KV2, 105 * COMPUTE2) + SYNC + 105 * ALLREDUCE2)
    assert res(wb, "tpot_s") <= 0.0225
    looser = mini({**TP2, "batch_size": 500, "tpot_target_s": 0.05})
    assert res(looser, "serve_batch") > 105


def test_unmeetable_tpot_target_says_what_would_meet_it(mini):
    wb = mini({**TP2, "tpot_target_s": 0.0205})  # the weights alone take 0.02 s + 0.0014 s of all-reduces
    assert err(wb, "serve_batch") == ERR_TPOT
    assert "Tensor-parallel cards" in str(ERR_TPOT) and "faster card" in str(ERR_TPOT)
    assert err(wb, "serve_gpus") == ERR_TPOT
    assert res(mini({**SERVE, "serve_tp": 4, "tpot_target_s": 0.0205}), "serve_batch") >= 1


def test_ttft_target(mini):
    wb = mini({**TP2, "batch_size": 500, "ttft_target_s": 0.05})
    prefill = WEIGHTS2 + SYNC + 100 * ALLREDUCE2 + 0.006  # 0.02748 s
    limit = 2 * (0.05 - prefill)  # the running step may take twice the slack
    assert res(wb, "serve_batch") == int(min((limit - SYNC) / (COMPUTE2 + ALLREDUCE2),
                                             (limit - SYNC - WEIGHTS2) / (KV2 + ALLREDUCE2)))
    assert res(wb, "serve_batch") == 217  # compute-bound: (0.04504 − 0.0014) ÷ 2.00803e-4 = 217.3
    assert res(wb, "ttft_s") <= 0.05
    assert err(mini({**TP2, "ttft_target_s": 0.02}), "serve_batch") == ERR_TTFT


def test_memory_limits_the_batch(mini):
    wb = mini({**SERVE, "serve_tp": 1, "batch_size": 10000})
    # (36e9 − 2e10) ÷ (20,000 B · 200 tokens) = 4,000 requests
    assert res(wb, "serve_batch") == 4000
    assert res(wb, "kv_cache_gb_per_replica") == approx(4000 * 20000 * 200 / 1e9)
    assert err(mini({**SERVE, "serve_tp": 1, "serve_precision": "fp32"}), "serve_batch") == ERR_MEMORY


def test_int4_weights_and_kv_precision(mini):
    wb = mini({**SERVE, "serve_precision": "int4"})  # 0.5 byte per weight, KV and arithmetic in 16 bits
    assert res(wb, "tpot_s") == approx((5e9 + 10 * 20000 * 150) / 5e11)
    fp8_kv = mini({**SERVE, "serve_precision": "int4", "kv_precision": "fp8"})
    assert res(fp8_kv, "kv_cache_gb_per_replica") == approx(10 * 10000 * 200 / 1e9)
    assert res(fp8_kv, "tpot_s") == approx((5e9 + 10 * 10000 * 150) / 5e11)


def test_prefill_efficiency_default_follows_the_arithmetic(mini):
    fp8 = mini({**SERVE, "serve_precision": "fp8"})  # 200 TFLOP/s at 0.38
    assert res(fp8, "prefill_gpu_seconds") == approx((2e12 + 1e8) / (200e12 * 0.38))
    given = mini({**SERVE, "serve_precision": "fp8", "prefill_mfu": 0.5})
    assert res(given, "prefill_gpu_seconds") == approx((2e12 + 1e8) / (200e12 * 0.5))


@pytest.mark.parametrize("batch, expected", [
    # E8: 100B total, 30B active, 2 of 8 experts: routed = 70B · 8/6 = 93.3B, always active 6.67B.
    # TP8 bandwidth 4e12 B/s: always-active 3.333 ms, all weights 50 ms, each request's experts
    # 93.3e9 · 2 B · 2/8 ÷ 4e12 = 11.67 ms until every expert is touched.
    (1, 1.3333e10 / 4e12 + 1.86667e11 * 0.25 / 4e12 + 20000 * 150 / 4e12),
    (10, 2e11 / 4e12 + 10 * 20000 * 150 / 4e12),
])
def test_moe_streams_experts_the_batch_touches(mini, batch, expected):
    wb = mini({**SERVE, "model": "E8", "serve_tp": 8, "batch_size": batch})
    allreduce = 2 * 10 * 2 * (7 / 8) * 1000 * 2 / 50e9
    assert res(wb, "tpot_s") == approx(expected + SYNC + batch * allreduce, rel=1e-4)
    # every expert is resident: the replica holds 200 GB of weights
    assert res(wb, "serve_batch_memory") == approx((8 * 36e9 - 2e11) / (20000 * 200))


def test_missing_interconnect_matters_only_with_tensor_parallelism():
    hardware = (HARDWARE[0], [[*row[:-1], None] for row in HARDWARE[1]])  # interconnect_gbs blank

    def book(scenario):
        cols = list(scenario)
        return build_workbook({"Models": MODELS, "Hardware": hardware, "Prices": PRICES,
                               "Assumptions": (["key", "value"], []),
                               "Scenarios": (cols, [[scenario[c] for c in cols]])})

    assert err(book(SERVE), "tpot_s") is None  # one card: the interconnect is never read
    assert str(err(book(TP2), "tpot_s")) == "Hardware “H” has no Interconnect bandwidth"


def test_every_serving_reason_has_chinese_words():
    from llmcost_gui.core import labels

    for reason in (ERR_MEMORY, ERR_TPOT, ERR_TTFT):
        zh = labels.reason(reason, "zh_CN")
        assert zh != str(reason) and "张量并行" in zh  # the interface word for serve_tp
        en = labels.reason(reason, "en")  # column keys become their labels
        assert "serve_tp" not in en and "Tensor-parallel cards" in en
