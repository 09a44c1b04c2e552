"""Finding the plan: the search evaluates exactly what the cells would, ranks, and says why not.

The mini workbook (core_data.py) makes the cheapest plan hand-checkable: model M is 10B
parameters (20 GB in bf16, 10 GB in int8); card H holds 36 GB usable and rents at 2 USD/h (offer
P), card C holds 18 GB usable, has no fp8 peak and rents at 7.1 CNY/h = 1 USD/h (offer PC).
With traffic too small to fill one replica, every plan runs one replica, so the cheapest plan
is one C card in 8 or 4 bits, prefill on the same replica: 1 card × 24 h × 1 USD × (1 + 0.2
operations) = 28.8 USD a day.
"""

import numpy as np
import pytest
from core_data import FT, SERVE, TRAIN
from pytest import approx

from llmcost_gui.core import labels
from llmcost_gui.core import plan as planning
from llmcost_gui.core.variants import AnalysisError
from llmcost_gui.io.defaults import default_workbook

LLAMA = "Llama 3 70B serving on rented H100"
SMALL = {**SERVE, "daily_users": 864}  # 0.02 requests/s at the peak: one replica is plenty


@pytest.fixture(scope="module")
def book():
    return default_workbook()


@pytest.fixture(scope="module")
def llama(book):
    return planning.plan(book, LLAMA)


def test_the_mini_workbook_plans_by_hand(mini):
    wb = mini(SMALL)
    plans = planning.plan(wb, "S")
    # H: bf16, fp8, int8, int4; C (no fp8 peak): bf16, int8, int4; each × 2 KV × 5 TP × 4 caps × 2,
    # and the scenario as typed (its batch_size of 10 is not a cap the search tries)
    assert plans.evaluated == (4 + 3) * 2 * 5 * 4 * 2 + 1
    best = plans.records()[0]
    assert best["feasible"] and best["serve_hardware"] == "C" and best["serve_price"] == "PC"
    assert best["serve_precision"] in ("int8", "int4") and best["serve_disagg"] == "no"
    assert best["serve_gpus"] == 1
    assert best["serve_cost_per_day"] == approx(1 * 24 * 1.0 * 1.2)
    on_h = [r for r in plans.records() if r["feasible"] and r["serve_hardware"] == "H"]
    assert min(r["serve_cost_per_day"] for r in on_h) == approx(1 * 24 * 2.0 * 1.2)
    # bf16 weights (20 GB) on one C card (18 GB usable): does not fit, and says so
    bf16_c = [r for r in plans.records() if r["serve_hardware"] == "C" and r["serve_precision"] == "bf16"
              and r["serve_tp"] == 1]
    assert bf16_c and all(not r["feasible"] for r in bf16_c)
    assert {r["reason"] for r in bf16_c} == {labels.reason(planning.Reason("replica_too_small"))}
    # blank TP on C in bf16: the fewest cards that hold it, two
    two = [r for r in plans.records() if r["serve_hardware"] == "C" and r["serve_precision"] == "bf16"
           and r["serve_tp"] is None and r["serve_disagg"] == "no" and r["feasible"]]
    assert two and {r["serve_gpus"] for r in two} == {2}


def test_money_is_in_the_scenarios_currency(mini):
    usd = planning.plan(mini(SMALL), "S").records()[0]
    cny = planning.plan(mini({**SMALL, "currency": "CNY"}), "S")
    assert cny.currency == "CNY"
    assert cny.records()[0]["serve_cost_per_day"] == approx(usd["serve_cost_per_day"] * 7.1)


def test_buying_plans_each_card_with_a_price(mini):
    plans = planning.plan(mini({**SMALL, "procurement": "buy"}), "S")
    searched = [r for r in plans.records() if not r["current"]]  # the scenario keeps its offer P
    assert {r["serve_price"] for r in searched} == {None}
    assert {r["serve_hardware"] for r in searched} == {"H", "C"}
    assert plans.feasible.any()


def _one_by_one(wb, row, record):
    """serve_cost_per_day, ttft_s, tpot_s and the serve_cost_per_day error of the scenario with
    the plan's cells typed in (then undone)."""
    undo = wb.apply(planning.plan_edit(wb, row, record))
    try:
        out = {k: (None if wb.results.error(row, k) else wb.result(row, k))
               for k in ("serve_cost_per_day", "ttft_s", "tpot_s", "serve_gpus")}
        out["error"] = wb.results.error(row, "serve_batch")
    finally:
        wb.apply(undo)
    return out


def test_the_ranking_equals_evaluating_each_plan_as_a_scenario(llama):
    wb = default_workbook()
    row = wb.scenario_row(LLAMA)
    records = llama.records()
    rng = np.random.default_rng(7)
    picked = sorted({0, 1, 2, len(records) - 1, *rng.choice(len(records), 20, replace=False).tolist()})
    seen = []
    for i in picked:
        rec = records[i]
        one = _one_by_one(wb, row, rec)
        for key in ("serve_cost_per_day", "ttft_s", "tpot_s", "serve_gpus"):
            if rec[key] is None:
                assert one[key] is None, (i, key)
            else:
                assert one[key] == approx(rec[key], rel=1e-12), (i, key)
        if one["error"] is not None:
            assert not rec["feasible"] and rec["reason"] == labels.reason(one["error"])
        feasible = (one["error"] is None and one["ttft_s"] is not None
                    and one["ttft_s"] <= wb.resolved(row, "ttft_target_s").value * (1 + 1e-9)
                    and one["tpot_s"] <= wb.resolved(row, "tpot_target_s").value * (1 + 1e-9))
        assert feasible == rec["feasible"], i
        seen.append((not feasible, np.inf if one["serve_cost_per_day"] is None else one["serve_cost_per_day"]))
    assert seen == sorted(seen)  # the plans' order is the order of their one-by-one costs


def test_the_cheapest_plan_meets_the_targets(book, llama):
    best = llama.records()[0]
    row = book.scenario_row(LLAMA)
    assert best["feasible"] and best["pareto"]
    assert best["ttft_s"] <= book.resolved(row, "ttft_target_s").value
    assert best["tpot_s"] <= book.resolved(row, "tpot_target_s").value
    costs = [r["serve_cost_per_day"] for r in llama.records() if r["feasible"]]
    assert costs == sorted(costs) and best["serve_cost_per_day"] == costs[0]


def test_every_infeasible_plan_carries_a_reason(llama):
    bad = [r for r in llama.records() if not r["feasible"]]
    assert bad and all(r["reason"] for r in bad)
    assert all(r["feasible"] for r in llama.records()[: int(llama.feasible.sum())])  # feasible first
    keys = {f[2].key for f in llama.families}
    assert "batch_misses_tpot" in keys or "replica_too_small" in keys
    assert sum(f[3] for f in llama.families) == len(bad)
    zh = labels.reason(llama.families[0][2], "zh_CN")
    assert zh and zh != labels.reason(llama.families[0][2], "en")


def test_the_pareto_front_is_what_no_plan_beats(llama):
    cost, tpot = llama.results["serve_cost_per_day"], llama.results["tpot_s"]
    ok = llama.feasible
    for i in np.flatnonzero(ok):
        beaten = ok & (cost <= cost[i]) & (tpot <= tpot[i]) & ((cost < cost[i]) | (tpot < tpot[i]))
        if llama.pareto[i]:
            assert not beaten.any()
    for i in np.flatnonzero(ok & ~llama.pareto):  # off the front: beaten, or a tie of a front plan
        tie = llama.pareto & (cost == cost[i]) & (tpot == tpot[i])
        beaten = ok & (cost <= cost[i]) & (tpot <= tpot[i]) & ((cost < cost[i]) | (tpot < tpot[i]))
        assert beaten.any() or tie.any()
    assert not (llama.pareto & ~ok).any()


def test_top_keeps_the_best(book, llama):
    top = planning.plan(book, LLAMA, top=5)
    assert len(top) == 5 and top.evaluated == llama.evaluated
    assert top.records() == llama.records()[:5]


def test_a_mixture_of_experts_varies_expert_parallelism(book):
    plans = planning.plan(book, "DeepSeek-V3 fleet on H800 (2025)", top=None)
    assert set(plans.inputs["serve_ep"][~plans.current]) == {None, 8, 16, 32, 64}
    assert plans.typed["serve_ep"] == 144  # the preset's own layout, outside the search's values
    assert set(planning.plan(book, LLAMA).inputs["serve_ep"]) == {None}


def test_no_feasible_plan_names_the_closest_target(mini):
    wb = mini({**SMALL, "tpot_target_s": 0.001})  # 1 ms a token: no card streams 5 GB that fast
    plans = planning.plan(wb, "S")
    assert not plans.feasible.any()
    assert plans.closest is not None and plans.closest.key == "plan_closest"
    assert plans.closest.kw["col"] == "tpot_target_s"
    # the fastest: int4 weights (5 GB) over 8 H cards at 0.5 TB/s each: well above 1 ms
    assert "tpot" in str(plans.closest).lower() or "token" in str(plans.closest).lower()
    assert labels.reason(plans.closest, "zh_CN") != str(plans.closest)


def test_training_plans_rank_by_cost_and_meet_the_deadline(mini):
    wb = mini({**TRAIN, "train_gpus": None, "train_deadline_days": 30})
    plans = planning.plan(wb, "T", stage="train")
    assert plans.evaluated == 2 + 1  # H: bf16, fp8; C: bf16
    recs = plans.records()
    assert all(r["feasible"] for r in recs)
    assert all(r["train_days"] <= 30 * (1 + 1e-9) for r in recs)
    assert [r["train_cost"] for r in recs] == sorted(r["train_cost"] for r in recs)
    # by hand: 6 · 10B · 100B FLOPs = 6e21; H in fp8 at 200 TFLOP/s · 0.5 = 1e14 FLOP/s per card:
    # 6e7 GPU-s = 16,667 GPU-h at 2 USD = 33,333 USD
    flops = 3 * (2 * 1e10 + 2 * 10 * 1000 * 1000) * 100e9
    fp8_h = next(r for r in recs if r["train_hardware"] == "H" and r["train_precision"] == "fp8")
    assert fp8_h["train_cost"] == approx(flops / 1e14 / 3600 * 2)


def test_training_plans_report_the_layout_chosen_for_their_cards(mini):
    """train_mfu blank: each plan runs at the MFU predicted for its card, precision and layout."""
    wb = mini({**TRAIN, "train_mfu": None})
    plans = planning.plan(wb, "T", stage="train")
    for r in plans.records():
        assert r["train_layout"].startswith("TP") and " · DP" in r["train_layout"]
        assert 0 < r["train_mfu_used"] <= 0.5  # the kernel efficiency less bubble and communication
    h_bf16 = next(r for r in plans.records() if r["train_hardware"] == "H" and r["train_precision"] == "bf16")
    assert h_bf16["train_layout"] == wb.results.value(0, "train_layout")  # the scenario's own plan
    assert h_bf16["train_mfu_used"] == approx(wb.results.value(0, "train_mfu_used"))


def test_fine_tuning_plans_vary_the_method_only_where_it_is_blank(mini):
    # ft_method blank: full, lora and qlora on H (bf16, fp8) and C (bf16: no fp8 peak) = 9 plans,
    # the scenario as typed (H, P, bf16, the default lora) among them
    plans = planning.plan(mini({**FT, "ft_method": None}), "F", stage="ft")
    assert plans.evaluated == 3 * (2 + 1)
    recs = plans.records()
    assert {r["ft_method"] for r in recs} == {"full", "lora", "qlora"} and all(r["feasible"] for r in recs)
    # by hand: LoRA 4 · 10B FLOPs per token × 1B tokens × 2 epochs = 8e19 FLOPs; H in fp8 at
    # 200 TFLOP/s × 0.25 = 5e13 FLOP/s: 1.6e6 GPU-s = 444.4 GPU-h at 2 USD = 888.9 USD
    best = recs[0]
    assert best["ft_hardware"] == "H" and best["ft_precision"] == "fp8" and best["ft_method"] in ("lora", "qlora")
    assert best["ft_cost"] == approx(8e19 / 5e13 / 3600 * 2) and best["ft_gpu_hours"] == approx(8e19 / 5e13 / 3600)
    # full fine-tuning: 6 · Nₐ per token, half as dear again; C in bf16 (1.25e13 FLOP/s at 1 USD/h)
    full_c = next(r for r in recs if r["ft_hardware"] == "C" and r["ft_method"] == "full")
    assert full_c["ft_cost"] == approx(1.2e20 / 1.25e13 / 3600 * 1)
    assert plans.typed["ft_method"] == "lora" and plans.typed["current"]
    assert plans.pareto.any() and plans.cost_key == "ft_cost"
    # a typed method is the user's choice: only the card and precision vary
    typed = planning.plan(mini(FT), "F", stage="ft")
    assert typed.evaluated == 2 + 1 and {r["ft_method"] for r in typed.records()} == {"full"}
    assert planning.stages_to_plan(mini({**FT, **SMALL, "name": "F"}), "F", "all") == ["serve", "ft"]


def test_unknown_stage_and_unused_stage_are_refused(mini):
    wb = mini(SMALL)
    with pytest.raises(AnalysisError):
        planning.plan(wb, "S", stage="lunch")
    with pytest.raises(AnalysisError) as exc:
        planning.plan(wb, "S", stage="train")
    assert exc.value.text("zh_CN") != str(exc.value)


def test_applying_a_plan_is_one_undoable_edit(mini):
    wb = mini(SMALL)
    best = planning.plan(wb, "S").records()[0]
    edit = planning.plan_edit(wb, "S", best)
    assert len(edit.commands) == 1
    undo = wb.apply(edit)
    assert wb.result(0, "serve_cost_per_day") == approx(best["serve_cost_per_day"])
    assert wb.tables["Scenarios"].get(0, "serve_hardware") == "C"
    wb.apply(undo)
    assert wb.tables["Scenarios"].get(0, "serve_hardware") == "H"
    assert wb.tables["Scenarios"].get(0, "batch_size") == 10


def test_the_plans_words_read_in_chinese(mini):
    from test_reasons import ENGLISH_PROSE

    plans = planning.plan(mini({**SMALL, "tpot_target_s": 0.001}), "S")
    words = [labels.reason(plans.closest, "zh_CN"), *(labels.reason(r, "zh_CN") for r in plans.reasons)]
    for zh in words:
        prose = ENGLISH_PROSE.search(zh.replace("Token", ""))
        assert not prose, zh


def test_the_scenario_as_typed_is_one_of_the_plans(book, llama, mini):
    row = book.scenario_row(LLAMA)
    mine = [r for r in llama.records() if r["current"]]
    assert len(mine) == 1  # in the search space: not added again
    assert mine[0]["serve_cost_per_day"] == book.result(row, "serve_cost_per_day")
    assert mine[0]["serve_hardware"] == book.tables["Scenarios"].get(row, "serve_hardware")
    plans = planning.plan(mini(SMALL), "S")
    typed = [r for r in plans.records() if r["current"]]
    assert len(typed) == 1 and typed[0]["batch_size"] == 10 and typed[0]["serve_precision"] == "bf16"
    assert plans.typed == {"rank": plans.records().index(typed[0]) + 1, **typed[0]}
    assert planning.plan(mini(SMALL), "S", top=1).typed == plans.typed  # kept past `top`


def test_no_offer_and_no_price_leaves_nothing_to_plan(mini):
    from core_data import HARDWARE, MODELS

    from llmcost_gui.io.records import build_workbook

    wb = build_workbook({"Models": MODELS, "Hardware": HARDWARE, "Prices": (["name", "hardware", "per_gpu_hour"], []),
                         "Scenarios": (list(SMALL), [list(SMALL.values())])})
    with pytest.raises(AnalysisError) as exc:
        planning.plan(wb, "S")
    assert exc.value.reason.key == "no_card_to_plan"
    assert exc.value.text("zh_CN") != str(exc.value)


def test_all_stages_of_a_scenario(mini):
    both = {**SMALL, **{k: v for k, v in TRAIN.items() if k != "name"}}
    wb = mini(both)
    assert planning.stages_to_plan(wb, "S", "all") == ["serve", "train"]
    train = planning.plan(wb, "S", "train")
    assert train.records()[0]["train_cost"] == min(r["train_cost"] for r in train.records() if r["feasible"])
    assert train.typed["train_hardware"] == "H" and train.typed["current"]


@pytest.mark.parametrize("guide", ["user-guide.md", "user-guide.zh_CN.md"])
def test_the_guides_worked_examples_quote_the_search(book, llama, guide):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / guide).read_text(encoding="utf-8")
    best = llama.records()[0]
    assert f"{llama.evaluated:,}" in text and f"{llama.feasible_count:,}" in text
    assert f"{best['serve_cost_per_day']:.0f}" in text and f"{best['serve_gpus']:.0f}" in text
    assert f"{llama.typed['serve_cost_per_day']:.0f}" in text
    train = planning.plan(book, "GPT-3 175B on 500B tokens, A100 at 2.2659 USD/h (blog example)", "train")
    top = train.records()[0]
    assert f"{train.evaluated}" in text and f"{top['train_gpus']:.0f}" in text
    assert f"{top['train_cost'] / 1e6:.2f}".rstrip("0") in text or f"{top['train_cost'] / 1e4:.0f}" in text
    assert f"{llama.mixed_tried:,}" in text and llama.mixed_gain is None
    ft = planning.plan(book, "Enterprise 6B: fine-tune + 1,000 staff on A100", "ft")
    cheapest = ft.records()[0]
    assert f"{ft.evaluated} plans" in text or f"{ft.evaluated} 个方案" in text
    assert f"¥{cheapest['ft_cost']:.2f}" in text and f"¥{ft.typed['ft_cost']:.2f}" in text
    assert cheapest["ft_hardware"] == "Gaudi 3" and ft.typed["rank"] == 10


# A mixed fleet by hand: card F computes fast (1,000 TFLOP/s in 16 bits) but streams slowly
# (0.2 TB/s) and rents at 1 USD/h (offer PF).  2,000-token prompts with 300 ms to the first token
# and 24 ms per token: prefill on H or C is too slow unless spread over more cards (H in TP2 at
# 4 USD/h is the cheapest single-card plan), decode on F too slow.  Prefill on one F card,
# decode on one C card: (1 × 1 + 1 × 7.1 CNY ÷ 7.1) USD/h × 24 h × (1 + 0.2 operations) = 57.6 USD.
MIXED = {**SMALL, "input_tokens": 2000, "ttft_target_s": 0.3, "tpot_target_s": 0.024, "batch_size": None}


@pytest.fixture
def fast_prefill_card():
    import core_data as cd

    from llmcost_gui.io.records import build_workbook

    def make(scenario=MIXED):
        hw_cols, hw_rows = cd.HARDWARE
        f = ["F", 50, 1000, None, 2000, 40, 0.2, 400, 5000, "USD", 100]
        prices = (cd.PRICES[0], [*cd.PRICES[1], ["PF", "F", 1, "USD"]])
        return build_workbook({"Models": cd.MODELS, "Hardware": (hw_cols, [*hw_rows, f]), "Prices": prices,
                               "ApiOffers": cd.APIS, "Assumptions": cd.ASSUMPTIONS,
                               "Scenarios": (list(scenario), [list(scenario.values())])})
    return make


def test_a_mixed_fleet_is_kept_where_it_beats_every_single_card_plan(fast_prefill_card):
    wb = fast_prefill_card()
    plans = planning.plan(wb, "S")
    recs = plans.records()
    best = recs[0]
    assert best["mixed"] and best["feasible"] and best["serve_disagg"] == "yes"
    assert (best["prefill_hardware"], best["serve_hardware"]) == ("F", "C") and best["prefill_price"] == "PF"
    assert best["serve_cost_per_day"] == approx((1 * 1.0 + 1 * 7.1 / 7.1) * 24 * 1.2)
    single = [r for r in recs if not r["mixed"] and r["feasible"]]
    assert single and min(r["serve_cost_per_day"] for r in single) == approx(2 * 2.0 * 24 * 1.2)  # H, TP2
    assert all(r["serve_cost_per_day"] < 115.2 for r in recs if r["mixed"])  # only those that beat it
    assert plans.mixed_gain == ("F", "C", approx(1 - 57.6 / 115.2))
    assert plans.mixed_tried > plans.mixed.sum() > 0 and plans.evaluated == len(recs)
    # prefill on F, decode on H: 1 × 1 + 1 × 2 USD/h
    on_h = [r for r in recs if r["mixed"] and r["serve_hardware"] == "H"]
    assert on_h and min(r["serve_cost_per_day"] for r in on_h) == approx((1 + 2) * 24 * 1.2)
    # the plan typed in: the same figures, prefill cards at their card's rate
    undo = wb.apply(planning.plan_edit(wb, "S", best))
    for key in ("serve_cost_per_day", "ttft_s", "tpot_s", "serve_gpus"):
        assert wb.result(0, key) == approx(best[key], rel=1e-12)
    assert wb.results.value(0, "prefill_gpus") == 1 and wb.results.value(0, "decode_gpus") == 1
    assert wb.tables["Scenarios"].get(0, "prefill_hardware") == "F"
    wb.apply(undo)
    assert wb.tables["Scenarios"].get(0, "prefill_hardware") is None


def test_no_mixed_fleet_without_a_gain(book, llama):
    assert llama.mixed_tried >= 5000 and llama.mixed_gain is None and not llama.mixed.any()
    assert all(r["prefill_hardware"] is None for r in llama.records()[:50])
