"""Throughput against latency as the batch grows: the picture serving engineers choose a batch on.

For each scenario the batch runs over :data:`BATCHES` on the scenario's own replica (its
``replica_gpus``; targets ignored, memory still binding), the replica full (continuous batching:
every step carries the prefill chunks of arriving prompts); every point is (output tokens per
second per user = 1 ÷ step time, output tokens per second per GPU).
All scenarios and batches are one vectorized evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .expr import OK
from .reasons import Reason
from .variants import current_value, evaluate_variants, scenario_row

# 1 to 4096 in 60 geometric steps (2^(k/5)), rounded, without repeats; plain Python, since
# np.geomspace and np.unique load numpy.ma, which start-up does not need
NO_TARGET = 1e9  # a latency target no batch reaches: the curve ignores the scenario's targets
BATCHES = np.array(sorted({round(2 ** (k / 5)) for k in range(61)}), float)


@dataclass(frozen=True)
class Curve:
    """One scenario's curve, its operating point and its targets (None when not set)."""

    row: int
    name: str
    batch: np.ndarray
    per_user: np.ndarray  # output tokens/s seen by one user (1 ÷ the full replica's step)
    per_gpu: np.ndarray  # output tokens/s per card
    meets_ttft: np.ndarray  # bool per point: time to first token within ttft_target_s (or no target)
    point: tuple[float, float] | None  # the scenario's own (per_user, per_gpu); None if it has an error
    point_batch: float | None
    tpot_target_s: float | None
    ttft_target_s: float | None
    error: Reason | None  # why the scenario has no operating point


def serving_rows(wb) -> list[int]:
    """Scenario rows with a serving stage."""
    return [int(r) for r in np.flatnonzero(wb.results.active["serve"])]


def throughput_curves(wb, scenarios, batches: np.ndarray = BATCHES) -> list[Curve]:
    """Curves of the given scenarios (names or rows) that serve; others are skipped."""
    rows = [scenario_row(wb, s) for s in scenarios]
    rows = [r for r in rows if wb.results.active["serve"][r]]
    if not rows:
        return []
    batches = np.asarray(batches, dtype=float)
    src = np.repeat(rows, len(batches))
    none = np.full(len(src), NO_TARGET)
    values = wb.results.values
    replica = values["replica_gpus"][src]  # NaN (an error) leaves the layout to the model
    # each attention group schedules its own batch: a replica of data-parallel groups runs
    # `batches` requests per group
    groups = np.nan_to_num(replica / values["serve_tp_used"][src], nan=1.0)
    per_row = batches[np.tile(np.arange(len(batches)), len(rows))] * np.maximum(groups, 1)
    layout = {"serve_tp": values["serve_tp_used"][src], "serve_ep": values["serve_ep_used"][src]}  # the replica stays
    res = evaluate_variants(wb, src, {"batch_size": per_row, **layout, "tpot_target_s": none, "ttft_target_s": none})
    out = []
    for i, row in enumerate(rows):
        part = slice(i * len(batches), (i + 1) * len(batches))
        out.append(_curve(wb, row, per_row[part], res, part))
    return out


def _curve(wb, row, batches, res, part) -> Curve:
    ok = (res.codes["step_s"][part] == OK) & (res.codes["output_tokens_per_s_per_gpu"][part] == OK)
    ok &= res.values["serve_batch"][part] == batches  # past the memory limit the batch stops growing
    tpot = res.values["step_s"][part][ok]
    ttft = res.values["prefill_s"][part][ok] + np.where(batches[ok] > 1, tpot / 2, 0)
    ttft_target = current_value(wb, row, "ttft_target_s")
    point, point_batch, error = None, None, wb.results.error(row, "output_tokens_per_s_per_gpu")
    if error is None:
        point = (1 / wb.results.value(row, "step_s"), wb.results.value(row, "output_tokens_per_s_per_gpu"))
        point_batch = wb.results.value(row, "serve_batch")
    return Curve(row, str(wb.tables["Scenarios"].get(row, "name")), batches[ok], 1 / tpot,
                 res.values["output_tokens_per_s_per_gpu"][part][ok],
                 ttft <= ttft_target if ttft_target else np.ones(len(ttft), bool),
                 point, point_batch, current_value(wb, row, "tpot_target_s"), ttft_target, error)
