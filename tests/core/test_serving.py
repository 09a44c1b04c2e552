"""Serving under continuous batching, against hand calculations on the mini workbook.

Model M: 10B parameters, 10 layers, width 1000, 5 of 10 KV heads; card H: 100 TFLOP/s bf16,
40 GB (36 GB usable), 1 TB/s, 100 GB/s interconnect (50 GB/s one way, below NVLink class: PCIe
all-reduce latency 30 µs per doubling), no network column (12.5 GB/s).  SERVE: 100 + 100
tokens, serve_mfu 0.5, bandwidth_eff 0.5, batch 10, 2 requests/s at the peak, headroom 0.5.
Default targets: TTFT 2 s, TPOT 50 ms.  KV per token = 10 layers · 2 · 1000 · 0.5 · 2 bytes =
20,000 B; a request holds 150 tokens on average (paged: prompt plus half its output).
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
# TP2 pieces, per card 1e12 · 0.5 = 5e11 B/s
WEIGHTS2 = 2e10 / (2 * 5e11)  # 0.02 s
KV2 = 20000 * 150 / (2 * 5e11)  # 3e-6 s per request
COMPUTE2 = (2e10 + 2 * 10 * 1000 * 150) / (2 * 1e14 * 0.5)  # 2.0003e-4 s per request
PREFILL2 = (2 * 1e10 * 100 + 10 * 1000 * 100 ** 2) / (2 * 1e14 * 0.7)  # 0.0142864 s per prompt
SYNC2 = 2 * 10 * 30e-6  # two all-reduces per layer at 30 µs (PCIe class, one doubling)
ALLREDUCE2 = 2 * 10 * 2 * (1 / 2) * 1000 * 2 / 50e9  # 8e-7 s per token
PER_REQUEST2 = KV2 + (1 + 1) * ALLREDUCE2 + PREFILL2 / 100  # each request brings 1 prompt token per step


def step2(batch):
    return max(WEIGHTS2, batch * COMPUTE2) + SYNC2 + batch * PER_REQUEST2


def test_a_full_step_carries_decode_prefill_chunks_and_all_reduces(mini):
    wb = mini(TP2)
    assert res(wb, "replica_gpus") == 2
    assert res(wb, "step_s") == approx(step2(10))
    # GPU time of a request: its 100 output steps shared by the 10 in flight
    assert res(wb, "gpu_seconds_per_request") == approx(100 * 2 * step2(10) / 10)
    one = mini(SERVE)  # one card: no all-reduce; 0.04 s of weights, prefill at one card's speed
    assert res(one, "step_s") == approx(0.04 + 10 * (20000 * 150 / 5e11 + 2 * PREFILL2 / 100))


def test_concurrency_at_the_peak_follows_littles_law(mini):
    wb = mini(SERVE)  # one card
    weights, kv, prefill = 0.04, 20000 * 150 / 5e11, 2 * PREFILL2 / 100
    compute = (2e10 + 3e6) / 5e13
    step = 0.04 + 10 * (kv + prefill)
    # ⌈2 req/s · 100 · step ÷ 10 ÷ 0.5⌉ = 2 replicas, so each sees 1 request/s
    assert res(wb, "serve_gpus") == 2
    prefill_s = weights + 0.006  # a 100-token prompt streams the weights once, plus launch time
    # B = λ(prefill + o · 0.04) ÷ (1 − λ · o · (kv + prefill share)), λ = 1, o = 100
    b = (prefill_s + 100 * weights) / (1 - 100 * (kv + prefill))
    assert res(wb, "serve_concurrency") == approx(b)
    assert res(wb, "tpot_s") == approx(max(weights, b * compute) + b * (kv + prefill))
    assert res(wb, "tpot_s") < step  # a replica below its batch decodes faster
    # prompts ahead: a deterministic server busy λ · prefill compute of the time
    busy = 1 * 2 * PREFILL2
    wait = busy / (2 * (1 - busy)) * prefill_s
    assert res(wb, "ttft_s") == approx(prefill_s + wait + res(wb, "tpot_s") / 2)


def test_blank_batch_is_what_fits_up_to_the_engine_limit(mini):
    wb = mini({**SERVE, "serve_tp": 1, "batch_size": None, "tpot_target_s": 10.0, "ttft_target_s": 100.0})
    # (36e9 − 2e10) ÷ (20,000 B · 150 tokens) = 5,333 requests fit; the engine runs at most 256
    assert res(wb, "serve_batch_memory") == approx(16e9 / 3e6)
    assert res(wb, "serve_batch") == 256
    few = mini({**SERVE, "serve_tp": 1, "batch_size": None, "tpot_target_s": 10.0},
               assumptions=(["key", "value"], [["max_batch", 100000], ["memory_reserve", 0.1]]))
    assert res(few, "serve_batch") == 5333


def test_tpot_target_picks_the_largest_batch(mini):
    target = 0.0225
    wb = mini({**TP2, "batch_size": 500, "tpot_target_s": target})
    memory = (target - SYNC2 - WEIGHTS2) / PER_REQUEST2
    compute = (target - SYNC2) / (COMPUTE2 + PER_REQUEST2)
    assert res(wb, "serve_batch") == int(min(memory, compute))  # 12: the prefill share costs
    assert res(wb, "step_s") == approx(step2(int(min(memory, compute))))
    assert res(wb, "step_s") <= target
    looser = mini({**TP2, "batch_size": 500, "tpot_target_s": 0.05})
    assert res(looser, "serve_batch") > 12


def test_unmeetable_tpot_target_says_what_would_meet_it(mini):
    wb = mini({**TP2, "tpot_target_s": 0.0205})  # the weights alone take 0.02 s + 0.6 ms of all-reduces
    assert err(wb, "serve_batch") == ERR_TPOT
    assert "Tensor-parallel cards" in str(ERR_TPOT) and "faster card" in str(ERR_TPOT)
    assert err(wb, "serve_gpus") == ERR_TPOT
    assert res(mini({**SERVE, "serve_tp": 4, "tpot_target_s": 0.0205}), "serve_batch") >= 1


def test_ttft_target(mini):
    wb = mini({**TP2, "batch_size": 500, "ttft_target_s": 0.05, "tpot_target_s": 1.0})
    prefill = WEIGHTS2 + SYNC2 + 100 * ALLREDUCE2 + 0.006  # 0.02748 s: streaming the weights once
    limit = 2 * (0.05 - prefill)  # the running step may take twice the slack
    assert res(wb, "serve_batch") == int(min((limit - SYNC2) / (COMPUTE2 + PER_REQUEST2),
                                             (limit - SYNC2 - WEIGHTS2) / PER_REQUEST2))
    assert err(mini({**TP2, "ttft_target_s": 0.02}), "serve_batch") == ERR_TTFT


def test_memory_limits_the_batch_with_a_paged_cache(mini):
    wb = mini({**SERVE, "serve_tp": 1, "batch_size": 10000, "tpot_target_s": 10.0, "ttft_target_s": 100.0})
    assert res(wb, "serve_batch") == 5333  # (36e9 − 2e10) ÷ (20,000 B · 150 tokens)
    assert res(wb, "kv_cache_gb_per_replica") == approx(5333 * 20000 * 150 / 1e9)
    assert err(mini({**SERVE, "serve_tp": 1, "serve_precision": "fp32"}), "serve_batch") == ERR_MEMORY


def test_kv_dim_overrides_the_head_rule():
    models = (MODELS[0] + ["kv_dim"], [[*r, 100 if r[0] == "M" else None] for r in MODELS[1]])
    wb = build_workbook({"Models": models, "Hardware": HARDWARE, "Prices": PRICES,
                         "Assumptions": (["key", "value"], []),
                         "Scenarios": (list(SERVE), [list(SERVE.values())])})
    assert res(wb, "kv_bytes_per_token") == 10 * 100 * 2  # 2,000 B instead of 20,000 B


def test_int4_weights_and_kv_precision(mini):
    wb = mini({**SERVE, "serve_precision": "int4"})  # 0.5 byte per weight, KV and arithmetic in 16 bits
    assert res(wb, "step_weights_s") == approx(5e9 / 5e11)
    assert res(wb, "kv_bytes_per_token") == 20000
    fp8_kv = mini({**SERVE, "serve_precision": "int4", "kv_precision": "fp8"})
    assert res(fp8_kv, "kv_bytes_per_token") == 10000


def test_prefill_efficiency_default_follows_the_arithmetic(mini):
    fp8 = mini({**SERVE, "serve_precision": "fp8"})  # 200 TFLOP/s at 0.5
    assert res(fp8, "prefill_gpu_seconds") == approx((2e12 + 1e8) / (200e12 * 0.5))
    given = mini({**SERVE, "serve_precision": "fp8", "prefill_mfu": 0.4})
    assert res(given, "prefill_gpu_seconds") == approx((2e12 + 1e8) / (200e12 * 0.4))


def test_prefix_cache_hits_skip_their_prefill(mini):
    half = mini({**SERVE, "prefix_cache_hit": 0.5})
    # 50 of 100 prompt tokens prefilled; attention of the new half over the whole prompt: 1 − 0.5²
    assert res(half, "prefill_gpu_seconds") == approx((2e10 * 50 + 10 * 1000 * 100 ** 2 * 0.75) / 7e13)
    assert res(half, "gpu_seconds_per_request") < res(mini(SERVE), "gpu_seconds_per_request")


def test_cached_prompt_tokens_at_the_offers_cached_price():
    from core_data import APIS, ASSUMPTIONS, make_wb

    apis = (APIS[0] + ["cached_input_per_million"], [[*APIS[1][0], 0.1], [*APIS[1][1], None]])
    wb = make_wb({**SERVE, "api_offer": "A", "prefix_cache_hit": 0.5}, assumptions=ASSUMPTIONS, apis=apis)
    # 50 tokens at 1 USD/M, 50 at 0.1 USD/M, 100 output at 2 USD/M
    assert res(wb, "api_usd_per_request") == approx((50 * 1 + 50 * 0.1 + 100 * 2) / 1e6)
    no_cached_price = make_wb({**SERVE, "api_offer": "AC", "prefix_cache_hit": 0.5})
    assert res(no_cached_price, "api_usd_per_request") == approx((100 * 7.1 + 100 * 14.2) / 1e6 / 7.1)


def test_autoscale_pays_the_average_fleet(mini):
    big = {**SERVE, "daily_users": 86400 * 50}  # 100 requests/s at the peak, 50 on average
    fixed, follows = mini(big), mini({**big, "autoscale": "yes"})
    gpu_s = res(fixed, "decode_gpu_seconds")
    peak = res(fixed, "serve_gpus")
    assert peak == -(-100 * gpu_s // 0.5)
    avg = 50 * gpu_s / 0.5 + 0.5  # average demand in whole replicas (one card each), half a card above
    assert res(follows, "serve_gpus_avg") == approx(avg)
    assert res(follows, "serve_cost_per_day") == approx(avg * 24 * 2 * 1.2)
    assert res(fixed, "serve_cost_per_day") == approx(peak * 24 * 2 * 1.2)
    bought = mini({**big, "autoscale": "yes", "procurement": "buy"})  # owned cards are paid at the peak
    assert res(bought, "serve_energy_kwh_per_day") == approx(peak * 0.5 * 24 * 1.5)


def test_moe_streams_the_experts_its_tokens_touch(mini):
    # E8: 100B total, 30B active, 2 of 8 experts: routed = 70B · 8/6 = 93.3B, always active 6.67B.
    wb = mini({**SERVE, "model": "E8", "serve_tp": 8, "batch_size": 1})
    routed = 70e9 * 8 / 6 * 2
    touched = 1 - (1 - 2 / 8) ** (1 * 2)  # one request brings 2 tokens a step (1 decoded, 1 prompt)
    assert res(wb, "step_experts_s") == approx(routed * touched / (8 * 5e11))
    # serve_tp given and serve_ep blank: experts over the same 8 cards, every expert resident once
    assert res(wb, "serve_ep_used") == 8
    assert res(wb, "resident_weight_bytes") == approx(2e11)


def test_expert_parallel_with_data_parallel_attention(mini):
    wb = mini({**SERVE, "model": "E8", "serve_ep": 16, "batch_size": 64})
    dense, routed = (100e9 - 70e9 * 8 / 6) * 2, 70e9 * 8 / 6 * 2
    assert res(wb, "replica_gpus") == 16 and res(wb, "serve_tp_used") == 1
    # every card keeps the dense part; the experts are held once, spread over the 16 cards
    assert res(wb, "resident_weight_bytes") == approx(16 * dense + routed)
    # 16 cards span two 8-card servers: the all-to-all runs over the network (12.5 GB/s default)
    per_token = 10 * 3 * 2 * 1000 * (15 / 16) / (12.5e9 * 16)
    assert res(wb, "step_comm_s_per_request") == approx(2 * per_token)
    assert res(wb, "step_sync_s") == approx(2 * 10 * 40e-6)  # dispatch and combine per layer


def test_separate_prefill_replicas(mini):
    split = mini({**SERVE, "serve_disagg": "yes"})
    assert res(split, "step_prefill_s_per_request") == 0  # decode steps carry no prompts
    prefill_gpu_s = 2 * PREFILL2
    assert res(split, "prefill_gpus") == max(1, -(-2 * prefill_gpu_s // 0.5))
    assert res(split, "serve_gpus") == res(split, "decode_gpus") + res(split, "prefill_gpus")
    # the prompt's KV cache crosses the network: 100 tokens · 20,000 B over 12.5 GB/s
    assert res(split, "kv_transfer_s") == approx(100 * 20000 / 12.5e9)


def test_all_reduce_latency_follows_the_link_and_the_cards(mini):
    assert res(mini(TP2), "serving_sync_us") == approx(30)  # PCIe class, one doubling
    assert res(mini({**SERVE, "serve_tp": 8}), "serving_sync_us") == approx(90)
    nvlink = (HARDWARE[0], [[*row[:-1], 900] for row in HARDWARE[1]])
    wb = build_workbook({"Models": MODELS, "Hardware": nvlink, "Prices": PRICES,
                         "Assumptions": (["key", "value"], []),
                         "Scenarios": (list(TP2), [list(TP2.values())])})
    assert res(wb, "serving_sync_us") == approx(20)
    typed = mini(TP2, assumptions=(["key", "value"], [["tp_sync_us", 70], ["memory_reserve", 0.1]]))
    assert res(typed, "serving_sync_us") == 70


def test_blank_interconnect_is_pcie_class():
    hardware = (HARDWARE[0], [[*row[:-1], None] for row in HARDWARE[1]])  # interconnect_gbs blank

    def book(scenario):
        cols = list(scenario)
        return build_workbook({"Models": MODELS, "Hardware": hardware, "Prices": PRICES,
                               "Assumptions": (["key", "value"], []),
                               "Scenarios": (cols, [[scenario[c] for c in cols]])})

    wb = book(TP2)
    assert res(wb, "link_bytes_per_s") == 32e9  # the stated default: PCIe 4.0 x16, 64 GB/s both ways
    assert wb.resolved(0, "serve_hardware.interconnect_gbs").default_used


@pytest.mark.parametrize("reason", [ERR_MEMORY, ERR_TPOT, ERR_TTFT])
def test_every_serving_reason_has_chinese_words(reason):
    from llmcost_gui.core import labels

    zh = labels.reason(reason, "zh_CN")
    assert zh != str(reason) and "张量并行" in zh  # the interface word for serve_tp
    en = labels.reason(reason, "en")  # column keys become their labels
    assert "serve_tp" not in en and "Tensor-parallel cards" in en
