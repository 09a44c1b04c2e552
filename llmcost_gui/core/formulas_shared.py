"""What the formula modules share: precisions as bytes and peak columns, and sources cited twice.

Each table is keyed by the precisions a scenario column offers (schema.PRECISIONS and
SERVE_PRECISIONS); :func:`switch_on` renders one as a ``switch`` over that column's choices only.
"""

from __future__ import annotations

from .schema import SCENARIOS

KAPLAN = "Kaplan et al. 2020, Scaling Laws for Neural Language Models, Table 1"
POPE = "Pope et al. 2022, Efficiently Scaling Transformer Inference, §2 (memory-bound decoding, KV cache)"
GQA = "Ainslie et al. 2023, GQA: grouped-query attention shrinks the KV cache by n_kv_heads ÷ n_heads"

# Bytes per weight, per KV value, and the peak column used for arithmetic, per precision.
WEIGHT_BYTES = {"fp32": 4, "bf16": 2, "fp8": 1, "int8": 1, "int4": 0.5}
KV_BYTES = {"fp32": 4, "bf16": 2, "fp8": 1, "int8": 1, "int4": 2}  # int4 is weight-only: KV in 16 bits
PEAK_COLUMN = {"fp32": "fp32_tflops", "bf16": "bf16_tflops", "fp8": "fp8_tflops", "int8": "int8_tops",
               "int4": "bf16_tflops"}


def switch_on(column: str, table: dict, choices: tuple[str, ...] | None = None) -> str:
    """``switch(column, "fp32", 4, …)`` over the column's choices (or `choices`), values from `table`."""
    keys = choices if choices is not None else SCENARIOS.by_name[column].choices
    return f"switch({column}, " + ", ".join(f'"{k}", {table[k]}' for k in keys) + ")"


def peak_flops(hardware: str, precision: str) -> str:
    """Dense peak FLOP/s of the card in column `hardware` at the precision in column `precision`."""
    cards = {p: f'lookup(Hardware, "{c}", {hardware})' for p, c in PEAK_COLUMN.items()}
    return f"1e12 * {switch_on(precision, cards)}"
