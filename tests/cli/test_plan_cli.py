"""`llmcost plan`: the JSON contract of SPEC §7, CSV, the table for people, and exit status 2
with the closest target when no plan meets the targets."""

import csv
import io
import json

import pytest
from cli_helpers import run

import llmcost_gui as lc
from llmcost_gui.core import plan as planning

LLAMA = "Llama 3 70B serving on rented H100"
GPT3 = "GPT-3 175B on 500B tokens, A100 at 2.2659 USD/h (blog example)"
ENTERPRISE = "Enterprise 6B: fine-tune + 1,000 staff on A100"


def test_plan_json_follows_the_contract(book, capsys):
    code, out, err = run(capsys, "plan", book, "--scenario", LLAMA, "--top", "5", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["scenario"] == LLAMA and data["stage"] == "serve" and data["currency"] == "USD"
    assert len(data["plans"]) == 5 and data["evaluated"] > 5000
    for p in data["plans"]:
        assert {"serve_hardware", "serve_price", "serve_precision", "kv_precision", "serve_tp", "serve_ep",
                "batch_size", "serve_disagg", "serve_cost_per_day", "ttft_s", "tpot_s", "feasible",
                "pareto"} <= set(p)
    typed = data["as_typed"][0]
    assert typed["serve_hardware"] == "H100 SXM5 80GB" and typed["rank"] > 5 and typed["current"]
    costs = [p["serve_cost_per_day"] for p in data["plans"]]
    assert costs == sorted(costs) and all(p["feasible"] for p in data["plans"])
    core = planning.plan(lc.load(book).workbook, LLAMA, top=5).records()
    assert [p["serve_cost_per_day"] for p in core] == costs


def test_plan_csv_has_every_plan(book, capsys):
    code, out, _ = run(capsys, "plan", book, "--scenario", LLAMA, "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == planning.plan(lc.load(book).workbook, LLAMA).evaluated
    assert {"stage", "serve_hardware", "serve_cost_per_day", "feasible", "pareto", "reason"} <= set(rows[0])
    assert rows[0]["feasible"] == "True" and rows[-1]["feasible"] == "False" and rows[-1]["reason"]


def test_plan_table_for_people(book, capsys):
    code, out, _ = run(capsys, "plan", book, "--scenario", LLAMA, "--top", "3")
    assert code == 0
    assert "plans evaluated" in out and "Why the others fail" in out and "$" in out
    train_code, train_out, _ = run(capsys, "plan", book, "--scenario", GPT3, "--stage", "train", "--top", "2")
    assert train_code == 0 and "train_cost" in train_out and "days" in train_out


def test_plan_fine_tuning_and_all_stages(book, capsys):
    code, out, err = run(capsys, "plan", book, "--scenario", ENTERPRISE, "--stage", "ft", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["stage"] == "ft" and {p["stage"] for p in data["plans"]} == {"ft"}
    assert {"ft_hardware", "ft_price", "ft_precision", "ft_method", "ft_min_gpus", "ft_gpu_hours",
            "ft_cost"} <= set(data["plans"][0])
    assert {p["ft_method"] for p in data["plans"]} == {"lora"}  # typed: the user's choice
    core = planning.plan(lc.load(book).workbook, ENTERPRISE, "ft").records()
    assert [p["ft_cost"] for p in data["plans"]] == [p["ft_cost"] for p in core]
    code, out, _ = run(capsys, "plan", book, "--scenario", ENTERPRISE, "--stage", "all", "--top", "1", "--json")
    assert code == 0 and [p["stage"] for p in json.loads(out)["plans"]] == ["serve", "ft"]
    code, out, _ = run(capsys, "plan", book, "--scenario", ENTERPRISE, "--stage", "ft", "--top", "2")
    assert code == 0 and "ft_cost" in out and "ft_gpu_hours" in out


def test_no_plan_meeting_the_targets_exits_2_naming_the_closest(tmp_path, capsys):
    book = lc.new()
    book.set("Scenarios", LLAMA, "tpot_target_s", 0.0005)
    path = book.save(tmp_path / "tight.xlsx")
    code, out, err = run(capsys, "plan", str(path), "--scenario", LLAMA, "--top", "3", "--json")
    assert code == 2
    assert "no plan meets the targets" in err and "Per-token target" in err and "% over" in err
    assert json.loads(out)["plans"] and not any(p["feasible"] for p in json.loads(out)["plans"])


def test_bad_arguments_exit_2(book, capsys):
    code, _, err = run(capsys, "plan", book, "--scenario", "no such scenario")
    assert code == 2 and "scenario" in err.lower()
    code, _, err = run(capsys, "plan", book, "--scenario", LLAMA, "--stage", "train")
    assert code == 2 and "not part of this scenario" in err
    with pytest.raises(SystemExit) as exc:
        run(capsys, "plan", book, "--scenario", LLAMA, "--top", "0")
    assert exc.value.code == 2


def _mixed_book(tmp_path):
    """The mini workbook with card F, fast arithmetic and slow memory at 1 USD/h (see
    tests/core/test_plan.py): prefill on F, decode on C beats every single-card plan."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
    import core_data as cd

    from llmcost_gui.io.records import build_workbook

    scenario = {**cd.SERVE, "daily_users": 864, "input_tokens": 2000, "ttft_target_s": 0.3,
                "tpot_target_s": 0.024, "batch_size": None}
    hw_cols, hw_rows = cd.HARDWARE
    f = ["F", 50, 1000, None, 2000, 40, 0.2, 400, 5000, "USD", 100]
    wb = build_workbook({"Models": cd.MODELS, "Hardware": (hw_cols, [*hw_rows, f]),
                         "Prices": (cd.PRICES[0], [*cd.PRICES[1], ["PF", "F", 1, "USD"]]),
                         "ApiOffers": cd.APIS, "Assumptions": cd.ASSUMPTIONS,
                         "Scenarios": (list(scenario), [list(scenario.values())])})
    from llmcost_gui.api import Book

    return str(Book(wb).save(tmp_path / "mixed.xlsx"))


def test_plan_marks_mixed_fleets(tmp_path, capsys):
    book = _mixed_book(tmp_path)
    code, out, err = run(capsys, "plan", book, "--scenario", "S", "--top", "3", "--json")
    assert code == 0, err
    data = json.loads(out)
    best = data["plans"][0]
    assert best["mixed"] and best["prefill_hardware"] == "F" and best["serve_hardware"] == "C"
    assert best["serve_cost_per_day"] == pytest.approx((1 + 1) * 24 * 1.2)  # 1 F + 1 C at 1 USD/h
    assert data["mixed_gain"] == {"prefill_hardware": "F", "serve_hardware": "C", "saving": pytest.approx(0.5)}
    assert data["mixed_tried"] > 0
    code, out, _ = run(capsys, "plan", book, "--scenario", "S", "--top", "3")
    assert code == 0 and "A mixed fleet — prefill on F, decode on C — beats every single-card plan by 50%" in out
    assert any("PF" in line and "mixed" in line for line in out.splitlines())
    code, out, _ = run(capsys, "plan", book, "--scenario", "S", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["mixed"] == "True" and rows[0]["prefill_hardware"] == "F" and rows[0]["prefill_price"] == "PF"
    assert any(r["mixed"] == "False" for r in rows)
