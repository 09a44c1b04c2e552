"""Parse and validate one cell of an input table."""

from __future__ import annotations

import math

from .schema import ASSUMPTION_KEYS, CHOICE, INT, NUMBER, REF, TEXT, Column
from .units import UnitError, parse_quantity

MAX_TEXT = 32_767  # Excel's limit for the text of one cell


class InputError(ValueError):
    """A value that a cell refuses; the message names the column and the reason."""


def in_domain(col: Column, x: float) -> bool:
    if not math.isfinite(x):
        return False
    if col.lo is not None and (x <= col.lo if col.lo_open else x < col.lo):
        return False
    if col.hi is not None and x > col.hi:
        return False
    return not (col.kind == INT and not float(x).is_integer())


def parse_cell(col: Column, raw: object, label: str | None = None) -> object:
    """Turn user text or a file value into the stored value; raise InputError when invalid.

    Blank gives None.  Numbers accept units ("175B", "45%", "3.35 TB/s") and are stored as float
    in the column's unit; choices are matched case-insensitively.
    """
    label = label or col.name
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        text = ""
    elif isinstance(raw, bool):
        raise InputError(f"{label}: expected {col.domain_text()}, got {raw}")
    elif isinstance(raw, (int, float)):
        text = None
    else:
        text = str(raw).strip()
    if text == "":
        if col.required and col.kind == TEXT:  # the name of a row
            raise InputError(f"{label} must not be blank")
        return None
    if col.kind in (NUMBER, INT):
        if text is not None and len(text) > 100:
            raise InputError(f"{label}: expected {col.domain_text()}, got {len(text):,} characters of text")
        try:
            value = float(raw) if text is None else parse_quantity(text, col.unit)
        except (UnitError, OverflowError) as exc:
            raise InputError(f"{label}: {exc}; expected {col.domain_text()}") from None
        if not in_domain(col, value):
            raise InputError(f"{label} must be {col.domain_text()}, got {text or raw}")
        return float(value)
    text = str(raw).strip() if text is None else text
    if len(text) > MAX_TEXT:
        raise InputError(f"{label}: text of {len(text):,} characters is longer than Excel's limit of {MAX_TEXT:,}")
    if col.kind == CHOICE:
        for choice in col.choices:
            if text.lower() == choice.lower():
                return choice
        raise InputError(f"{label} must be {col.domain_text()}, got '{text}'")
    if col.kind in (REF, TEXT):
        return text
    raise InputError(f"{label}: unknown column kind {col.kind}")  # pragma: no cover


def assumption_column(key: object) -> Column:
    """The column rules for an Assumptions value: known keys have their own domain."""
    known = ASSUMPTION_KEYS.get(str(key)) if key is not None else None
    if known is not None:
        return known
    return Column("value", NUMBER, help="A value of your own")


__all__ = ["InputError", "parse_cell", "in_domain", "assumption_column", "TEXT"]
