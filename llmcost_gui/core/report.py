"""Results as plain data: per-scenario dicts for JSON, and formatted text for people."""

from __future__ import annotations

import math

import numpy as np

from . import labels
from .formulas import REGISTRY, RESULT_KEYS
from .units import format_value
from .workbook import Workbook


def scenario_currency(wb: Workbook, row: int) -> str:
    """The currency of scenario `row`'s results (its column's default when blank)."""
    return wb.resolved(row, "currency").value


def scenario_currencies(wb: Workbook) -> np.ndarray:
    """scenario_currency() of every scenario at once (text array)."""
    return np.asarray(wb.results.inputs["currency"], dtype=object)


def scenario_records(wb: Workbook, keys: tuple[str, ...] = RESULT_KEYS, lang: str = "en") -> list[dict]:
    """One dict per scenario: name, currency, every result (None when blank or an error),
    `errors` (key -> reason in words of `lang`) and `defaults` (column -> default value used)."""
    res = wb.results
    sc = wb.tables["Scenarios"]
    out = []
    for row in range(sc.nrows):
        rec: dict = {"name": sc.get(row, "name"), "currency": scenario_currency(wb, row)}
        errors = {}
        for key in keys:
            err = res.error(row, key)
            value = res.value(row, key)
            rec[key] = None if err is not None or (isinstance(value, float) and math.isnan(value)) else value
            if err is not None and not res.is_blank(row, key):
                errors[key] = labels.reason(err, lang)
        rec["errors"] = errors
        rec["defaults"] = {
            col: sc.column(col).default for col, used in res.defaults.items() if used[row]
        }
        out.append(rec)
    return out


def format_result(wb: Workbook, row: int, key: str) -> str:
    """Display text of one result cell ('' when its stage is not used, '#ERROR' otherwise)."""
    res = wb.results
    if res.is_blank(row, key):
        return ""
    if res.error(row, key) is not None:
        return "#ERROR"
    return format_value(res.value(row, key), REGISTRY[key].unit, scenario_currency(wb, row))


def text_report(wb: Workbook, keys: tuple[str, ...] = RESULT_KEYS) -> str:
    """A readable block per scenario: result, value with unit, and reasons for errors."""
    lines = []
    res = wb.results
    for row, rec in enumerate(scenario_records(wb, keys)):
        lines.append(f"== {rec['name']}  ({rec['currency']})")
        for key in keys:
            note = res.note(row, key)
            if res.is_blank(row, key) and not note:
                continue
            text = format_result(wb, row, key) or "—"
            reason = rec["errors"].get(key) or note
            line = f"  {key:<26} {text:>14}"
            if reason:
                line += f"   {reason}"
            lines.append(line.rstrip())
        if rec["defaults"]:
            used = ", ".join(f"{c}={v}" for c, v in rec["defaults"].items())
            lines.append(f"  (defaults used: {used})")
        lines.append("")
    if res.assumption_defaults:
        lines.append("Assumptions at their default: " + ", ".join(res.assumption_defaults))
    return "\n".join(lines).rstrip() + "\n"
