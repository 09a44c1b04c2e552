"""book.plan and book.apply_plan: the core's search as a DataFrame, and one edit to apply it."""

import math

import pytest

import llmcost_gui as lc
from llmcost_gui.core import plan as planning

LLAMA = "Llama 3 70B serving on rented H100"
GPT3 = "GPT-3 175B on 500B tokens, A100 at 2.2659 USD/h (blog example)"
ENTERPRISE = "Enterprise 6B: fine-tune + 1,000 staff on A100"


@pytest.fixture(scope="module")
def book():
    return lc.new()


def test_plan_is_a_frame_of_the_cores_plans(book):
    frame = book.plan(LLAMA)
    core = planning.plan(book.workbook, LLAMA)
    assert len(frame) == core.evaluated == frame.attrs["evaluated"]
    assert frame.attrs["currency"] == "USD" and frame.attrs["closest"] == {}
    rank = frame.attrs["current_rank"]["serve"]
    assert frame["current"].sum() == 1 and frame.iloc[rank - 1]["current"]
    for col in ("stage", "serve_hardware", "serve_price", "serve_precision", "kv_precision", "serve_tp",
                "serve_ep", "batch_size", "serve_disagg", "serve_gpus", "serve_cost_per_day",
                "cost_per_million_tokens", "ttft_s", "tpot_s", "feasible", "reason", "pareto"):
        assert col in frame.columns, col
    first = core.records()[0]
    assert frame.iloc[0]["serve_cost_per_day"] == first["serve_cost_per_day"]
    assert frame.iloc[0]["serve_hardware"] == first["serve_hardware"]
    n = int(frame["feasible"].sum())
    assert frame["feasible"].iloc[:n].all() and not frame["feasible"].iloc[n:].any()
    assert frame["serve_cost_per_day"].iloc[:n].is_monotonic_increasing
    assert frame["reason"].iloc[n:].map(bool).all()
    assert frame["pareto"].iloc[:n].any() and not frame["pareto"].iloc[n:].any()


def test_top_and_stages(book):
    assert len(book.plan(LLAMA, top=3)) == 3
    train = book.plan(GPT3, stage="train", top=4)
    assert set(train["stage"]) == {"train"} and "train_cost" in train and len(train) == 4
    both = book.plan(ENTERPRISE, stage="all", top=2)
    assert list(both["stage"]) == ["serve", "serve", "ft", "ft"]  # no pre-training
    ft = book.plan(ENTERPRISE, stage="ft")
    assert set(ft["stage"]) == {"ft"} and set(ft["ft_method"]) == {"lora"}  # typed: kept
    assert {"ft_hardware", "ft_price", "ft_precision", "ft_min_gpus", "ft_gpu_hours", "ft_cost"} <= set(ft)
    n = int(ft["feasible"].sum())
    assert n and ft["ft_cost"].iloc[:n].is_monotonic_increasing
    assert ft.attrs["current_rank"]["ft"] >= 1
    with pytest.raises(ValueError, match="not part of this scenario"):
        book.plan(LLAMA, stage="train")
    with pytest.raises(ValueError):
        book.plan(LLAMA, stage="lunch")


def test_apply_plan_writes_the_plan_as_one_edit():
    book = lc.new()
    frame = book.plan(LLAMA, top=5)
    pick = frame.iloc[2]
    changes = []
    book.workbook.subscribe(changes.append)
    book.apply_plan(LLAMA, pick)
    assert len(changes) == 1  # one edit, one recalculation
    row = book.workbook.scenario_row(LLAMA)
    after = book.results().loc[LLAMA]
    assert after["serve_cost_per_day"] == pytest.approx(pick["serve_cost_per_day"], rel=1e-12)
    assert after["tpot_s"] == pytest.approx(pick["tpot_s"], rel=1e-12)
    for key in ("serve_hardware", "serve_price", "serve_precision", "serve_disagg"):
        assert book.workbook.tables["Scenarios"].get(row, key) == pick[key]
    tp = book.workbook.tables["Scenarios"].get(row, "serve_tp")
    assert (tp is None and (pick["serve_tp"] is None or math.isnan(pick["serve_tp"]))) or tp == pick["serve_tp"]


def test_apply_plan_takes_a_dict_and_undoes_in_one_step():
    book = lc.new()
    row = book.workbook.scenario_row(LLAMA)
    before = {k: book.workbook.tables["Scenarios"].get(row, k) for k in planning.SERVE_DIMENSIONS}
    best = book.plan(LLAMA, top=1).iloc[0].to_dict()
    edit = planning.plan_edit(book.workbook, row, best)
    undo = book.workbook.apply(edit)
    book.workbook.apply(undo)
    assert {k: book.workbook.tables["Scenarios"].get(row, k) for k in planning.SERVE_DIMENSIONS} == before


def test_apply_a_fine_tuning_plan():
    book = lc.new()
    best = book.plan(ENTERPRISE, stage="ft", top=1).iloc[0]
    book.apply_plan(ENTERPRISE, best)
    row = book.workbook.scenario_row(ENTERPRISE)
    assert book.workbook.tables["Scenarios"].get(row, "ft_hardware") == best["ft_hardware"]
    assert book.results().loc[ENTERPRISE]["ft_cost"] == pytest.approx(best["ft_cost"], rel=1e-12)


def test_a_mixed_fleet_in_the_frame_and_applied(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
    from test_plan_cli import _mixed_book

    book = lc.load(_mixed_book(tmp_path))
    frame = book.plan("S")
    assert {"prefill_hardware", "prefill_price", "mixed"} <= set(frame.columns)
    best = frame.iloc[0]
    assert best["mixed"] and best["prefill_hardware"] == "F" and best["serve_hardware"] == "C"
    assert frame.loc[~frame["mixed"], "prefill_hardware"].isna().all()
    book.apply_plan("S", best)
    after = book.results().loc["S"]
    assert after["serve_cost_per_day"] == pytest.approx((1 + 1) * 24 * 1.2)
    assert book.workbook.tables["Scenarios"].get(0, "prefill_price") == "PF"
