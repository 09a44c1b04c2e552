"""Proof: LibreOffice recalculates the exported budget to the app's numbers (1e-9 relative).

The budget is exported, optionally edited IN the file with openpyxl (as a finance user would in
Excel), recalculated by LibreOffice headless, and every Results and Summary cell is compared with
the app's own computation of the same file.
"""

from __future__ import annotations

import openpyxl
import pytest

from llmcost_gui.core.formulas import RESULT_KEYS
from llmcost_gui.core.report import scenario_records
from llmcost_gui.io.budget import SUMMARY_KEYS, write_budget
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.xlsx_read import read_workbook

# (scenario row index, column, new value): every stage, every kind of input, and errors
SCENARIO_EDITS = [
    (0, "train_mfu", 0.52),
    (0, "train_gpus", 40),  # fewer cards than hold the run (43): an error in both
    (3, "train_sharding", "zero2"),
    (4, "train_checkpointing", "selective"),
    (1, "daily_users", 5000),  # serving switched on without serve_hardware: an error in both
    (2, "train_tokens_b", None),  # pre-training switched off: blanks in both
    (2, "daily_users", 2_000_000),
    (2, "serve_hardware", "H100 SXM5 80GB"),
    (2, "serve_price", "Lambda 8x H100 SXM on-demand (2026)"),
    (2, "serve_precision", "fp8"),
    (3, "model", "gpt-4 1.8t dense reading (blog example)"),  # case differs: not found in both
    (4, "train_precision", "fp8"),  # the A100 has no FP8 figure: an error in both
    (5, "daily_users", 20_000_000),
    (5, "serve_hardware", "H100 SXM5 80GB"),  # a scenario's hardware changed
    (6, "ft_method", "top_layers"),
    (6, "ft_trainable_fraction", 0.25),
    (6, "currency", "USD"),
    (7, "procurement", "rent"),  # renting without a rental offer: an error in both
    (8, "ft_precision", "fp32"),
    (8, "ft_method", "qlora"),
    (7, "ft_sharding", "zero1"),
    (7, "ft_checkpointing", "none"),
    (9, "serve_price", "RunPod A100 SXM 80GB Secure Cloud on-demand"),  # offer for another card
    # serving latency and parallelism
    (7, "tpot_target_s", 0.001),  # no batch meets it: an error in both
    (6, "serve_tp", 2),
    (6, "prefill_mfu", 0.5),
    (6, "ttft_target_s", 0.2),
    (8, "serve_precision", "int4"),
    (8, "kv_precision", "fp8"),
    (8, "tpot_target_s", 0.03),
]
ASSUMPTION_EDITS = {"pue": 1.35, "usd_cny": 7.25, "memory_reserve": None}  # None: back to default
HARDWARE_EDITS = [("A100 SXM4 80GB", "memory_gb", 40), ("A100 SXM4 80GB", "interconnect_gbs", 300)]


def _column(ws, header: str) -> int:
    names = [c.value for c in ws[1]]
    return names.index(header) + 1


def _edit_inputs(path, out):
    book = openpyxl.load_workbook(path)
    sc = book["Scenarios"]
    for row, column, value in SCENARIO_EDITS:
        sc.cell(row + 2, _column(sc, column)).value = value
    asm = book["Assumptions"]
    keys = [c.value for c in asm["A"]]
    for key, value in ASSUMPTION_EDITS.items():
        asm.cell(keys.index(key) + 1, _column(asm, "value")).value = value
    hw = book["Hardware"]
    hw_names = [c.value for c in hw["A"]]
    for name, column, value in HARDWARE_EDITS:
        hw.cell(hw_names.index(name) + 1, _column(hw, column)).value = value
    book.save(out)


def _differences(wb, recalculated, same_cell) -> list[str]:
    book = openpyxl.load_workbook(recalculated, data_only=True)
    results = list(book["Results"].iter_rows(values_only=True))
    summary = list(book["Summary"].iter_rows(min_row=5, values_only=True))
    records = scenario_records(wb)
    assert results[0] == ("name", *RESULT_KEYS)
    assert len(results) - 1 == len(records) == len(summary)
    out = []
    for rec, row, srow in zip(records, results[1:], summary):
        if row[0] != rec["name"] or srow[0] != rec["name"] or srow[1] != rec["currency"]:
            out.append(f"{rec['name']}: sheet says {row[0]!r} / {srow[:2]!r}")
        for key, value in zip(RESULT_KEYS, row[1:]):
            diff = same_cell(rec[key], rec["errors"].get(key), value)
            if diff:
                out.append(f"Results {rec['name']} {key}: {diff}")
        for key, value in zip(SUMMARY_KEYS, srow[2:]):
            diff = same_cell(rec[key], rec["errors"].get(key), value)
            if diff:
                out.append(f"Summary {rec['name']} {key}: {diff}")
    return out


@pytest.fixture
def exported(tmp_path):
    """The default budget and a copy edited in the file, both recalculated in one LibreOffice run."""
    wb = default_workbook()
    budget = tmp_path / "budget.xlsx"
    write_budget(wb, budget)
    edited = tmp_path / "edited.xlsx"
    _edit_inputs(budget, edited)
    return wb, budget, edited


def test_libreoffice_recalculation_matches_the_app(exported, recalc, agrees):
    wb, budget, edited = exported
    fresh, changed = recalc([budget, edited])

    assert _differences(wb, fresh, agrees) == []

    edited_wb = read_workbook(edited)  # the app computes the file as edited
    records = scenario_records(edited_wb)
    # the edits really bite: errors, a switched-off stage and changed numbers are all covered
    assert "serve_gpus" in records[1]["errors"] and records[2]["train_cost"] is None
    assert "flops_per_token" in records[3]["errors"] and "train_gpu_hours" in records[4]["errors"]
    assert "serve_cost_per_day" in records[9]["errors"] and records[5]["serve_gpus"] > 0
    assert "serve_batch" in records[7]["errors"] and records[8]["serve_batch"] > 0
    assert records[0]["train_gpu_hours"] != scenario_records(wb)[0]["train_gpu_hours"]
    assert _differences(edited_wb, changed, agrees) == []
