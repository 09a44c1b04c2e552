"""Training at scale on the tiny workbook (core_data.py), by hand: the layout chosen, its bubble,
its exposed communication, the predicted MFU and goodput; context and expert parallel defaults;
the global batch that cannot split; QLoRA 65B on one 48 GB card.

Model M: N = 10e9, L = 10, d = 1000, context 1000.  Card H: 100 TFLOP/s bf16, link 100 GB/s (both
ways), no network figure (12.5 GB/s), no kernel-efficiency figure (0.5).  100 cards.
"""

import pytest
from core_data import TRAIN

from llmcost_gui.core.workbook import InsertRows
from llmcost_gui.io.defaults import default_workbook

approx = lambda x: pytest.approx(x, rel=1e-9)  # noqa: E731
PREDICTED = {**TRAIN, "train_mfu": None}
TOKEN_S = 3 * (2 * 10e9 + 2 * 10 * 1000 * 1000) / (100e12 * 0.5)  # 0.0012012 s per token per card
K_TP = 16 * 1.5 * 10 * 1000 / (50e9 * TOKEN_S)  # 4 all-reduces per layer, 6 with full recomputation
K_DP = 0.2 * 4 * 10e9 / (12.5e9 * TOKEN_S * 1000)  # 80 % of the gradient traffic overlaps


def res(wb, key, row=0):
    assert wb.results.error(row, key) is None, wb.results.error(row, key)
    return wb.results.value(row, key)


def test_blank_layout_takes_the_highest_predicted_mfu(mini):
    wb = mini(PREDICTED)
    assert res(wb, "train_layout") == "TP2 · PP2 · CP1 · EP1 · DP25 · ZeRO-1"
    assert res(wb, "train_batch_tokens") == 4194304  # 10B parameters: 4M tokens per step
    m = 4194304 // 1000 // 25  # 167 micro-batches per replica
    assert res(wb, "train_micro_batches") == m
    bubble = (2 - 1) / (4 * m + 2 - 1)  # 4 interleaved stages (5 layers per stage)
    comm = K_TP * (2 - 1) + K_DP * (1 - 1 / 25) / m
    assert res(wb, "train_bubble") == approx(bubble)
    assert res(wb, "train_comm_exposed") == approx(comm)
    mfu = 0.5 * (1 - bubble) / (1 + comm)  # 0.4958
    assert res(wb, "train_mfu_used") == approx(mfu)
    # plain data parallel would do worse: no bubble, but 41 micro-batches carry the gradient traffic
    plain = 0.5 / (1 + K_DP * (1 - 1 / 100) / 41)
    assert plain < mfu
    assert res(wb, "train_try_tp1_pp1_mfu") == approx(plain)


def test_goodput_divides_the_hours_where_the_mfu_is_predicted(mini):
    wb = mini(PREDICTED)
    flops = 3 * 2.002e10 * 100e9
    assert res(wb, "train_goodput_used") == 0.9  # Llama 3's 90 % effective training time
    assert res(wb, "train_gpu_hours") == approx(flops / (100e12 * res(wb, "train_mfu_used")) / 3600 / 0.9)
    typed = mini(TRAIN)  # a typed MFU is the utilization over the whole run
    assert res(typed, "train_goodput_used") == 1
    assert res(typed, "train_gpu_hours") == approx(flops / (100e12 * 0.5) / 3600)


def test_typed_degrees_are_kept(mini):
    wb = mini({**PREDICTED, "train_tp": 4, "train_pp": 5})
    assert res(wb, "train_layout") == "TP4 · PP5 · CP1 · EP1 · DP5 · no ZeRO"  # 160 GB ÷ 20 fits whole
    assert res(wb, "train_bubble") == approx(4 / (2 * (4194304 // 1000 // 5) + 4))  # v = 2 layers per stage


def test_context_parallel_follows_the_context(mini):
    wb = mini({**PREDICTED, "train_context": 131072, "train_global_batch": 16 * 2 ** 20})
    assert res(wb, "train_cp_used") == 16  # one card per 8,192 tokens, as Llama 3's CP16 at 128K
    assert "CP16" in res(wb, "train_layout")


def test_experts_spread_four_per_card(mini):
    wb = mini({**PREDICTED, "model": "E8"})  # 8 routed experts
    assert res(wb, "train_ep_cap") == 2
    assert " · EP2 · " in res(wb, "train_layout")


def test_a_blank_layout_shrinks_data_parallel_to_a_small_batch(mini):
    # 8 sequences per step: TP8 · PP2 leaves 6 replicas of one micro-batch each (bubble 1 ÷ 5),
    # better than PP16 on one replica (bubble 15 ÷ 23)
    wb = mini({**PREDICTED, "train_global_batch": 8000})
    assert res(wb, "train_layout") == "TP8 · PP2 · CP1 · EP1 · DP6 · no ZeRO"
    assert res(wb, "train_micro_batches") == 1 and res(wb, "train_bubble") == approx(1 / 5)


def test_a_global_batch_the_cards_cannot_split_is_an_error_on_the_cell(mini):
    # 8 sequences per step for 100 data-parallel replicas (TP1 · PP1 typed)
    wb = mini({**PREDICTED, "train_global_batch": 8000, "train_tp": 1, "train_pp": 1})
    why = str(wb.results.error(0, "train_mfu_used"))
    assert "global batch of 8,000 tokens does not split" in why and "replicas" in why
    assert wb.results.error(0, "train_cost") is not None


def test_qlora_65b_fits_one_48_gb_card():
    wb = default_workbook()
    row = wb.tables["Scenarios"].nrows
    wb.apply(InsertRows("Scenarios", row, ({
        "name": "QLoRA 65B", "model": "LLaMA 65B", "ft_tokens_b": 0.01, "ft_method": "qlora",
        "ft_hardware": "L40S 48GB", "ft_context": 528, "procurement": "buy"},)))
    assert res(wb, "ft_min_gpus", row) == 1
    assert res(wb, "ft_memory_per_gpu_gb", row) < 48 * 0.9  # inside the card less its reserve
