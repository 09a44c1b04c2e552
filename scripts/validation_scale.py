"""The "training at scale" section of docs/validation.md: the app's predicted MFU (train_mfu blank)
against published runs with their parallel layouts (resources/data/scale_runs.csv).

Each run becomes a pre-training scenario of the default workbook at the run's model, card,
precision, cards, context, global batch and published degrees (train_tp, train_pp, train_cp,
train_ep; a blank degree is chosen by the app), with `train_mfu` blank.  What is compared, by what
the run published:

* ``mfu``: the MFU the run reports (model FLOPs ÷ peak of its precision) against `train_mfu_used`;
* ``mfu from HFU``: a hardware-FLOPs utilization with full recomputation (four passes of which MFU
  counts three) is read as MFU = ¾ × HFU;
* ``gpu_hours``: the final run's GPU-hours against `train_gpu_hours` (goodput included);
* ``tflops``: model TFLOP/s per card, when that is all the run published, against `train_mfu_used`
  × the card's peak.
"""

from __future__ import annotations

import csv

from validation_load import error_summary

from llmcost_gui.core.workbook import InsertRows
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.paths import resource

SCALE_GOAL = (0.25, 0.12)  # every run within ±25 %, median absolute error within 12 %
STAGE_TOKENS_B = 1000.0  # a stage or benchmark without a token count: any amount, MFU does not depend on it
EXCLUDED = {
    "Frontier 175B (MI250X), Megatron-DeepSpeed":
        "layout and recomputation not published (a hardware-FLOPs utilization of unknown recomputation)",
    "Megatron-LM GPT 1T on 3,072 GPUs": "full activation recomputation (HFU counts it): its extra forward pass, "
        "a third more compute than MFU counts, is not in the app's predicted MFU, whose kernel efficiencies "
        "come from runs with selective recomputation",
    "Megatron-LM GPT 530B on 2,520 GPUs": "full activation recomputation, as the 1T run",
    "BLOOM 176B final run": "full activation recomputation (150 TFLOP/s HFU is 0.48 of the peak, the GPU-hours "
        "imply 0.36 MFU: the ¾ a recomputed forward pass leaves), as the Megatron-LM runs",
    "Megatron-LM baseline, 175B on 12,288 GPUs (MegaScale Table 2)":
        "the same layout as MegaScale's row on stock software: a software comparison, not a different run",
}


def load_scale_runs() -> list[dict]:
    with open(resource("data", "scale_runs.csv"), newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _num(text: str) -> float | None:
    return float(text) if text and text.strip() else None


def metric(run: dict) -> tuple[str, float]:
    """What the run is compared on: (result key, published value)."""
    if _num(run["reported_mfu"]):
        return "train_mfu_used", float(run["reported_mfu"])
    if _num(run["reported_hfu"]) and not _num(run["reported_gpu_hours"]):
        return "train_mfu_used", 0.75 * float(run["reported_hfu"])
    if _num(run["reported_gpu_hours"]):
        return "train_gpu_hours", float(run["reported_gpu_hours"])
    return "tflops", float(run["reported_tflops_per_gpu"])


def _scenario(i: int, run: dict) -> dict:
    return {"name": f"scale {i} {run['name']}", "model": run["model"],
            "train_tokens_b": _num(run["tokens_b"]) or STAGE_TOKENS_B,
            "train_context": _num(run["train_context"]), "train_hardware": run["hardware"],
            "train_precision": run["precision"], "train_gpus": float(run["gpus"]),
            "train_global_batch": _num(run["global_batch_tokens"]),
            "train_tp": _num(run["tp"]), "train_pp": _num(run["pp"]), "train_cp": _num(run["cp"]),
            "train_ep": _num(run["ep"]),
            "train_checkpointing": "selective" if "selective" in run["name"] else None,
            "procurement": "buy"}


def estimate_scale(runs: list[dict]) -> list[dict]:
    """Each run with the app's value of its metric, the error and the layout the app used."""
    wb = default_workbook()
    base = wb.tables["Scenarios"].nrows
    wb.apply(InsertRows("Scenarios", base, tuple(_scenario(i, r) for i, r in enumerate(runs))))
    out = []
    for i, run in enumerate(runs):
        row = base + i
        key, published = metric(run)
        err = wb.results.error(row, "train_mfu_used" if key == "tflops" else key)
        if err:
            raise SystemExit(f"{run['name']}: {err}")
        app = (wb.result(row, "train_mfu_used") * wb.results.value(row, "train_peak") / 1e12 if key == "tflops"
               else wb.result(row, key))
        out.append({**run, "metric": key, "published": published, "app": app,
                    "error": (app - published) / published, "excluded": EXCLUDED.get(run["name"], ""),
                    **{k: wb.result(row, f"train_{k}") for k in
                       ("layout", "mfu_used", "kernel_eff", "bubble", "comm_exposed", "micro_batches")}})
    return out


scale_summary = error_summary


def _published(r: dict) -> str:
    if r["metric"] == "tflops":
        return f"{r['published']:.0f} TFLOP/s"
    if r["metric"] == "train_gpu_hours":
        return f"{r['published'] / 1e6:.2f} M GPU-h"
    hfu = " (¾ HFU)" if not _num(r["reported_mfu"]) else ""
    return f"MFU {r['published']:.3f}{hfu}"


def _app(r: dict) -> str:
    if r["metric"] == "tflops":
        return f"{r['app']:.0f} TFLOP/s"
    return f"{r['app'] / 1e6:.2f} M GPU-h" if r["metric"] == "train_gpu_hours" else f"MFU {r['app']:.3f}"


def render_scale(results: list[dict]) -> str:
    worst, median = scale_summary(results)
    used = [r for r in results if not r["excluded"]]
    lines = [
        "# Validation of training at scale",
        "",
        "Generated from `resources/data/scale_runs.csv` by `scripts/validation_scale.py`: published "
        "runs with their parallel layouts, each a pre-training scenario at the run's model, card, "
        "precision, cards, context, global batch and published degrees, with **`train_mfu` blank**: "
        "the app predicts the MFU from the card's kernel efficiency (Hardware `train_eff_bf16` / "
        "`train_eff_fp8`), the pipeline bubble and the exposed communication of the layout. A run that "
        "publishes its MFU is compared on it; one that publishes only a hardware-FLOPs utilization "
        "with full recomputation on ¾ of it; a final run with only GPU-hours on its GPU-hours "
        "(with `train_goodput`). *Layout* is the app's `train_layout`; *bubble* and *comm* its "
        "`train_bubble` and `train_comm_exposed`. Errors are (app − published) ÷ published.",
        "",
        "| run | model | card | precision | cards | app layout | kernel | bubble | comm | published | app | error |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in used:
        lines.append(
            f"| {r['name']} | {r['model']} | {r['hardware']} | {r['precision']} | {float(r['gpus']):,.0f} "
            f"| {r['layout']} | {r['kernel_eff']:.2f} | {r['bubble'] * 100:.0f} % | {r['comm_exposed'] * 100:.0f} % "
            f"| {_published(r)} | {_app(r)} | {r['error'] * 100:+.0f} % |")
    lines += [
        "",
        f"**{len(used)} runs: largest error {worst * 100:.0f} %, median {median * 100:.0f} %** "
        f"(goal: every run within ±{SCALE_GOAL[0] * 100:.0f} %, median within {SCALE_GOAL[1] * 100:.0f} %; "
        "`tests/core/test_training_scale_validation.py` keeps it).",
        "",
    ]
    if len(used) < len(results):
        lines += ["Left out of the goal, with the reason:", ""]
        lines += [f"* **{r['name']}**: app {_app(r)}, published {_published(r)} ({r['error'] * 100:+.0f} %) — "
                  f"{r['excluded']}." for r in results if r["excluded"]]
        lines.append("")
    lines += ["Sources of each run:", ""]
    lines += [f"* **{r['name']}** — {r['source']}" for r in results]
    lines.append("")
    return "\n".join(lines)
