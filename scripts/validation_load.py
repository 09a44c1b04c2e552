"""The "serving at load" section of docs/validation.md: the app against published measurements of
serving engines under load (resources/data/serving_load_runs.csv).

Each run becomes a serving scenario of the default workbook at the run's card, precision, parallel
degrees and lengths, with the app's default efficiencies.  How the load is set, by the run's `load`:

* ``max``: a benchmark at an infinite request rate; the batch is the most that fits, capped at
  `load_value` (the engine's limit for the whole replica; blank: the app's max_batch), no targets;
* ``qps``: requests arriving at `load_value` per second on one replica, no targets;
* ``concurrency``: a closed-loop benchmark keeping `load_value` requests in flight: the batch is
  that many and the replica is kept full (arrivals at 99 % of what it completes);
* ``fleet``: a production service: `load_value` requests a day, its peak factor, the app's default
  targets, headroom and engine limit, rented at 2 USD per GPU-hour with autoscale
  (``fleet-disagg``: prefill on replicas of its own, `serve_disagg` = yes).
"""

from __future__ import annotations

import csv
import statistics

from llmcost_gui.core.workbook import InsertRows, SetCells
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.paths import resource

LOAD_GOAL = (0.25, 0.12)  # every point within ±25 %, median absolute error within 12 %
NO_TARGET = 1e6  # the measurement stated no latency target
FLEET_PRICE = "validation: 2 USD per H800-hour"  # DeepSeek's own costing assumption


def load_load_runs() -> list[dict]:
    with open(resource("data", "serving_load_runs.csv"), newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _num(text: str) -> float | None:
    return float(text) if text.strip() else None


def _scenario(i: int, run: dict) -> dict:
    load, value = run["load"], _num(run["load_value"])
    row = {"name": f"load {i} {run['name']}", "model": run["model"], "serve_hardware": run["hardware"],
           "serve_precision": run["precision"], "kv_precision": run["kv_precision"] or None,
           "serve_tp": _num(run["tp"]), "serve_ep": _num(run["ep"]),
           "input_tokens": float(run["input_tokens"]), "output_tokens": float(run["output_tokens"]),
           "prefix_cache_hit": _num(run["prefix_cache_hit"]), "procurement": "buy",
           "requests_per_user": 1.0, "peak_factor": 1.0, "capacity_overhead": 0.0,
           "daily_users": 1.0, "ttft_target_s": NO_TARGET, "tpot_target_s": NO_TARGET}
    if load == "max":
        row |= {"batch_size": value, "daily_users": 1e12}  # saturated: the replica runs its batch
        if run["model"] == "DeepSeek-V3" and run["name"].startswith("deepseek"):
            row |= {"ttft_target_s": None, "tpot_target_s": None}  # the service's own targets
    elif load == "qps":
        row |= {"daily_users": value * 86400}
    elif load == "concurrency":
        row |= {"batch_size": value}
    elif load in ("fleet", "fleet-disagg"):
        row |= {"serve_disagg": "yes" if load == "fleet-disagg" else "no","daily_users": value, "peak_factor": _num(run["peak_factor"]), "capacity_overhead": None,
                "ttft_target_s": None, "tpot_target_s": None, "procurement": "rent",
                "serve_price": FLEET_PRICE, "autoscale": "yes"}
    else:
        raise SystemExit(f"{run['name']}: unknown load {load!r}")
    return row


def estimate_load(runs: list[dict]) -> list[dict]:
    """Each run's app value, error and the batch and concurrency the app used."""
    wb = default_workbook()
    prices = wb.tables["Prices"]
    wb.apply(InsertRows("Prices", prices.nrows, ({"name": FLEET_PRICE, "hardware": "H800 SXM5 80GB",
                                                   "per_gpu_hour": 2.0, "currency": "USD"},)))
    keys = wb.tables["Assumptions"].key_index()
    wb.apply(SetCells("Assumptions", ((keys["ops_overhead"], "value", 0.0),)) if "ops_overhead" in keys
             else InsertRows("Assumptions", wb.tables["Assumptions"].nrows, ({"key": "ops_overhead", "value": 0.0},)))
    sc = wb.tables["Scenarios"]
    base = sc.nrows
    wb.apply(InsertRows("Scenarios", base, tuple(_scenario(i, r) for i, r in enumerate(runs))))
    # closed-loop runs: arrivals at 99 % of what the full replica completes
    full = [(base + i, wb.result(base + i, "replica_requests_per_s"))
            for i, r in enumerate(runs) if r["load"] == "concurrency"]
    wb.apply(SetCells("Scenarios", tuple((row, "daily_users", 0.99 * rate * 86400) for row, rate in full)))
    return compare_runs(wb, base, runs, {"serve_batch": "serve_batch", "concurrency": "serve_concurrency",
                                         "replica_gpus": "replica_gpus"})


def compare_runs(wb, base: int, runs: list[dict], extra: dict[str, str]) -> list[dict]:
    """Each run (scenario row base + i) with the app's value of its metric, the error against the
    measured value, and the results named in `extra` (field -> result key)."""
    out = []
    for i, run in enumerate(runs):
        row = base + i
        err = wb.results.error(row, run["metric"])
        if err:
            raise SystemExit(f"{run['name']}: {err}")
        app, measured = wb.result(row, run["metric"]), float(run["measured"])
        out.append({**run, "app": app, "error": (app - measured) / measured,
                    **{field: wb.result(row, key) for field, key in extra.items()}})
    return out


def error_summary(results: list[dict]) -> tuple[float, float]:
    """(largest, median) absolute error over the runs not excluded (every validation table)."""
    errors = [abs(r["error"]) for r in results if not r["excluded"]]
    return max(errors), statistics.median(errors)


load_summary = error_summary


_UNITS = {"ttft_s": ("ms", 1000, 0), "tpot_s": ("ms", 1000, 1), "output_tokens_per_s_per_gpu": ("tok/s/GPU", 1, 0),
          "serve_gpus": ("GPUs", 1, 0), "serve_gpus_avg": ("GPUs", 1, 0), "serve_cost_per_day": ("USD/day", 1, 0)}


def _value(metric: str, x: float) -> str:
    unit, scale, digits = _UNITS[metric]
    return f"{x * scale:,.{digits}f} {unit}"


def _lengths(r: dict) -> str:
    hit = f", {float(r['prefix_cache_hit']) * 100:.0f} % cached" if r["prefix_cache_hit"] else ""
    return f"{r['input_tokens']} / {r['output_tokens']}{hit}"


def _layout(r: dict) -> str:
    parts = [f"TP{r['tp']}" if r["tp"] else "", f"EP{r['ep']}" if r["ep"] else ""]
    return " ".join(p for p in parts if p) or "chosen"


def render_load(results: list[dict]) -> str:
    worst, median = load_summary(results)
    used = [r for r in results if not r["excluded"]]
    lines = [
        "# Validation of serving at load",
        "",
        "Generated from `resources/data/serving_load_runs.csv`: serving engines under load (in-flight "
        "batching, FP8, mixtures of experts, a production fleet), each run a scenario at its card, "
        "precision, layout and lengths with the app's default efficiencies. *Load*: `max` is a "
        "benchmark at an infinite request rate (the batch is what fits, up to the engine limit "
        "given); `qps n` requests arriving at n per second; `concurrency n` a closed-loop "
        "benchmark with n requests in flight; `fleet` a production service sized by the app "
        "(default targets, headroom and engine limit). *Batch* is the app's `serve_batch` and, "
        "after the slash, its `serve_concurrency` at the run's load. Errors are (app − measured) ÷ measured.",
        "",
        "| run | model | card | precision | layout | load | batch / in flight | in / out tokens | measured | app | error |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in used:
        load = r["load"] + (f" {float(r['load_value']):,.0f}" if r["load_value"] and not r["load"].startswith("fleet") else "")
        lines.append(
            f"| {r['name']} | {r['model']} | {r['hardware']} | {r['precision']} | {_layout(r)} | {load} "
            f"| {r['serve_batch']:,.0f} / {r['concurrency']:,.0f} | {_lengths(r)} "
            f"| {_value(r['metric'], float(r['measured']))} | {_value(r['metric'], r['app'])} "
            f"| {r['error'] * 100:+.0f} % |")
    lines += [
        "",
        f"**{len(used)} points: largest error {worst * 100:.0f} %, median {median * 100:.0f} %** "
        f"(goal: every point within ±{LOAD_GOAL[0] * 100:.0f} %, median within {LOAD_GOAL[1] * 100:.0f} %; "
        "`tests/core/test_serving_load_validation.py` keeps it).",
    ]
    left = [r for r in results if r["excluded"]]
    if left:
        lines += ["", "Left out of the goal, with the reason:", ""]
        lines += [f"* **{r['name']}**: app {_value(r['metric'], r['app'])}, measured "
                  f"{_value(r['metric'], float(r['measured']))} ({r['error'] * 100:+.0f} %) — {r['excluded']}."
                  for r in left]
    lines += ["", "Notes on the runs:", ""]
    lines += [f"* **{r['name']}**: {r['note']}" for r in results if r["note"]]
    sources = sorted({(r["source"], r["as_of"]) for r in results})
    lines += ["", "Sources:", ""] + [f"* {src} (as of {as_of})" for src, as_of in sources]
    return "\n".join(lines) + "\n"
