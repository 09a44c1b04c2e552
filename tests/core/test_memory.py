"""Training and fine-tuning memory against hand calculations on the tiny workbook of conftest.py.

Model M: N = 10e9, L = 10, d = 1000, a = 10 heads, context 1000.  Card H: 40 GB, C: 20 GB;
memory_reserve 0.1, so H can use 36 GB and C 18 GB.
"""

import pytest
from core_data import FT, TRAIN

approx = lambda x: pytest.approx(x, rel=1e-9)  # noqa: E731
GB = 1e9


def res(wb, key, row=0):
    assert wb.results.error(row, key) is None, wb.results.error(row, key)
    return wb.results.value(row, key)


def err(wb, key, row=0):
    """The reason in English words (the Reason itself is compared where the data matters)."""
    why = wb.results.error(row, key)
    return None if why is None else str(why)


# ---- pre-training, bf16: weights 2 B, gradients 2 B, Adam 12 B per parameter (ZeRO §3)
W, G, OPT = 20.0, 20.0, 120.0  # GB
ACT_FULL = (2 * 10 + 34) * 1000 * 1 * 1000 / GB  # stored layer inputs + one layer recomputed: 0.054


def test_run_memory_is_states_plus_activations(mini):
    wb = mini(TRAIN)
    assert res(wb, "train_memory_gb") == approx(W + G + OPT + ACT_FULL)  # 160.054


def test_fewest_cards_takes_the_best_sharding(mini):
    wb = mini(TRAIN)
    # none: 160 GB > 36; ZeRO-1: 36 − 0.054 − 40 < 0; ZeRO-2: ⌈140 / 15.946⌉ = 9; ZeRO-3: ⌈160 / 35.946⌉ = 5
    assert res(wb, "train_gpus_none") >= 1e30
    assert res(wb, "train_gpus_zero1") >= 1e30
    assert res(wb, "train_gpus_zero2") == 9
    assert res(wb, "train_gpus_zero3") == 5
    assert res(wb, "train_min_gpus") == 5
    assert res(wb, "train_shard_level") == 3
    # plain data parallel (TP1 · PP1) on the 100 given cards: ZeRO-1 needs 20 + 20 + 1.2 GB > 36, so
    # the lightest stage that fits is ZeRO-2: whole weights, 1/100 of gradients and Adam states
    wb = mini({**TRAIN, "train_tp": 1, "train_pp": 1})
    assert res(wb, "train_layout") == "TP1 · PP1 · CP1 · EP1 · DP100 · ZeRO-2"
    assert res(wb, "train_memory_per_gpu_gb") == approx(W + (G + OPT) / 100 + ACT_FULL)  # 21.454
    # ZeRO-3 asked for: each card holds 1/100 of all the states
    wb = mini({**TRAIN, "train_tp": 1, "train_pp": 1, "train_sharding": "zero3"})
    assert res(wb, "train_memory_per_gpu_gb") == approx((W + G + OPT) / 100 + ACT_FULL)


def test_chosen_layout_splits_the_states_by_tp_and_pp(mini):
    """Blank layout: TP2 · PP2 leaves 25 replicas; each card holds a quarter of the layers' states,
    ZeRO-1 shards the Adam states over the 25 replicas, activations ÷ TP (sequence parallel)."""
    wb = mini(TRAIN)
    assert res(wb, "train_layout") == "TP2 · PP2 · CP1 · EP1 · DP25 · ZeRO-1"
    assert res(wb, "train_weight_gb_per_gpu") == approx(W / 4)  # 5 GB
    assert res(wb, "train_optimizer_gb_per_gpu") == approx(OPT / 4 / 25)  # 1.2 GB
    assert res(wb, "train_memory_per_gpu_gb") == approx(W / 4 + G / 4 + OPT / 100 + ACT_FULL / 2)  # 11.227


def test_chosen_sharding(mini):
    wb = mini({**TRAIN, "train_sharding": "zero2", "train_tp": 1, "train_pp": 1})
    assert res(wb, "train_min_gpus") == 9
    assert res(wb, "train_memory_per_gpu_gb") == approx(W + (G + OPT) / 100 + ACT_FULL)
    assert res(wb, "train_weight_gb_per_gpu") == approx(W)
    assert res(wb, "train_optimizer_gb_per_gpu") == approx(OPT / 100)
    assert res(wb, "train_reserve_gb") == approx(4.0)


def test_too_few_cards_is_an_error_naming_what_fits(mini):
    wb = mini({**TRAIN, "train_gpus": 4})
    reason = "4 training cards cannot hold this run: it needs at least 5 of these 40 GB cards"
    for key in ("train_cost", "train_days", "train_capex", "daily_total"):
        assert err(wb, key).startswith(reason), key
    assert res(wb, "train_gpu_hours") > 0  # the work itself is still known
    assert res(wb, "train_min_gpus") == 5


def test_no_sharding_never_fits_a_big_run(mini):
    wb = mini({**TRAIN, "train_sharding": "none"})
    assert "no number of cards holds this run: a card can use 36 GB" in err(wb, "train_min_gpus")
    assert err(wb, "train_cost") == err(wb, "train_min_gpus")


def test_deadline_cards_are_checked(mini):
    wb = mini({**TRAIN, "train_gpus": None, "train_deadline_days": 10})  # 140 cards from the deadline
    assert res(wb, "train_cost") > 0
    wb = mini({**TRAIN, "train_gpus": None, "train_deadline_days": 1e6})  # 1 card would do in time
    assert err(wb, "train_cost").startswith("1 training cards cannot hold this run")


@pytest.mark.parametrize("mode,per_layer", [
    ("none", 34 * 1000 * 1000 + 5 * 10 * 1000 ** 2),  # s·b·h·(34 + 5·a·s/h)
    ("selective", 34 * 1000 * 1000),
])
def test_activations_by_checkpointing(mini, mode, per_layer):
    wb = mini({**TRAIN, "train_checkpointing": mode})
    assert res(wb, "train_activation_gb") == approx(10 * per_layer / GB)


def test_micro_batch_and_context_scale_activations(mini):
    wb = mini({**TRAIN, "train_checkpointing": "selective", "train_micro_batch": 4, "train_context": 500})
    assert res(wb, "train_activation_gb") == approx(10 * 34 * 500 * 4 * 1000 / GB)


def test_fp32_training_needs_no_master_copy(mini):
    wb = mini({**TRAIN, "train_precision": "fp32"})
    # 4 + 4 + 8 bytes per parameter; 32-bit activations are twice the 16-bit ones
    assert res(wb, "train_memory_gb") == approx(40 + 40 + 80 + 2 * ACT_FULL)


# ---- fine-tuning at ft_context 2048 (default), micro-batch 1, full recomputation
FT_ACT = (2 * 10 + 34) * 2048 * 1000 / GB
LORA = 64 * (4 * 10 * 1000 + 10e9 / 1000)  # r·(4·L·d + N/d) = 642.56e6 adapter parameters


def test_qlora_memory(mini):
    wb = mini({**FT, "ft_method": "qlora"})
    weights = (10e9 * (4 + 0.127) / 8 + LORA * 2) / GB  # 4-bit NF4 base + bf16 adapters
    assert res(wb, "ft_lora_params") == approx(LORA)
    assert res(wb, "ft_weight_gb") == approx(weights)
    # the paged optimizer keeps the Adam states in CPU memory (QLoRA §3): not on the card
    assert res(wb, "ft_memory_gb") == approx(weights + LORA * 2 / GB + FT_ACT)  # 7.84
    assert res(wb, "ft_paged_gb") == approx(LORA * 12 / GB)
    assert res(wb, "ft_min_gpus") == 1
    assert res(wb, "ft_memory_per_gpu_gb") == approx(res(wb, "ft_memory_gb"))
    assert res(wb, "ft_flops") == approx(4 * 10e9 * 1e9 * 2)  # computes like LoRA


def test_lora_keeps_16_bit_weights(mini):
    wb = mini({**FT, "ft_method": "lora"})
    total = (10e9 + LORA) * 2 / GB + LORA * 14 / GB + FT_ACT  # 21.29 + 9.00 + 0.11
    assert res(wb, "ft_memory_gb") == approx(total)
    assert res(wb, "ft_min_gpus") == 1
    wb = mini({**FT, "ft_method": "lora", "ft_hardware": "C", "ft_price": "PC"})  # 18 GB usable
    # ZeRO-1 keeps 22.57 GB whole: no; ZeRO-2 ⌈(1.285 + 7.711) / (18 − 0.1106 − 21.285)⌉: no;
    # ZeRO-3 ⌈30.28 / (18 − 0.1106)⌉ = 2
    assert res(wb, "ft_min_gpus") == 2
    assert res(wb, "ft_memory_per_gpu_gb") == approx((total - FT_ACT) / 2 + FT_ACT)


def test_full_and_top_layers_fine_tuning(mini):
    wb = mini({**FT, "ft_method": "full"})
    assert res(wb, "ft_memory_gb") == approx(160 + FT_ACT)
    assert res(wb, "ft_min_gpus") == 5  # ⌈160 / (36 − 0.1106)⌉
    wb = mini({**FT, "ft_method": "top_layers", "ft_trainable_fraction": 0.25})
    assert res(wb, "ft_memory_gb") == approx(20 + 2.5 * 2 + 2.5 * 12 + FT_ACT)  # 55.11
    assert res(wb, "ft_min_gpus") == 2  # ZeRO-3: ⌈55 / 35.89⌉


def test_fine_tuning_that_fits_nowhere_has_no_cost(mini):
    wb = mini({**FT, "ft_method": "qlora", "ft_context": 100_000, "ft_checkpointing": "none"})
    reason = err(wb, "ft_min_gpus")
    assert reason.startswith("no number of cards holds this run: a card can use 36 GB but needs 5,034 GB")
    assert "LoRA/QLoRA" in reason
    assert err(wb, "ft_cost") == reason
    assert res(wb, "ft_gpu_hours") > 0


def test_memory_results_are_blank_outside_their_stage(mini):
    wb = mini(FT)
    assert wb.results.is_blank(0, "train_min_gpus")
    assert wb.results.is_blank(0, "train_memory_gb")
