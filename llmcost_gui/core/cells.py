"""Parse and validate one cell of an input table."""

from __future__ import annotations

import math

import numpy as np

from .reasons import Reason, domain_of
from .schema import ASSUMPTION_KEYS, CHOICE, INT, NUMBER, REF, TEXT, Column
from .units import UnitError, parse_quantity

MAX_TEXT = 32_767  # Excel's limit for the text of one cell


class InputError(ValueError):
    """Input the document refuses; `problems` lists each refused cell (core.rules.Problem)."""

    def __init__(self, message: str = "", problems: tuple = ()):
        self.problems = tuple(problems)
        super().__init__(message or "\n".join(p.core_text() for p in self.problems))

    def text(self, lang: str = "en") -> str:
        """The message in words of the interface language (table › row › column: why, example)."""
        return "\n".join(p.text(lang) for p in self.problems) if self.problems else str(self)


class CellError(InputError):
    """A value a column refuses, before it is placed: a reason key of the catalogue and its
    arguments (`why`, the Reason)."""

    def __init__(self, reason: str, **args):
        self.reason, self.reason_args = reason, args
        self.why = Reason.of(reason, **args)
        super().__init__(str(self.why))


def within(col: Column, v):
    """True where `v` (a float, or an array of floats) is finite, inside the column's bounds and,
    for a whole-number column, whole.  The one range check: typing, import, evaluation and the
    analyses' variants all use it."""
    ok = v - v == 0  # finite: inf - inf and nan - nan are nan
    if col.lo is not None:
        ok = ok & ((v > col.lo) if col.lo_open else (v >= col.lo))
    if col.hi is not None:
        ok = ok & (v <= col.hi)
    if col.kind == INT:
        ok = ok & (v % 1 == 0)
    return ok


def domain_mask(col: Column, values: np.ndarray) -> np.ndarray:
    """True where a value is allowed in the column, for a whole array."""
    if col.kind == CHOICE:
        return np.isin(np.asarray(values).astype(object), np.array(col.choices, dtype=object))
    if not col.numeric:
        return np.ones(len(values), bool)
    with np.errstate(invalid="ignore"):
        return np.asarray(within(col, np.asarray(values).astype(float)), dtype=bool)


def in_domain(col: Column, x: float) -> bool:
    return bool(within(col, float(x)))


def parse_cell(col: Column, raw: object) -> object:
    """Turn user text or a file value into the stored value; raise CellError when invalid.

    Blank gives None.  Numbers accept units ("175B", "45%", "3.35 TB/s") and are stored as float
    in the column's unit; choices are matched case-insensitively.
    """
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        text = ""
    elif isinstance(raw, bool):
        raise CellError("domain", domain=domain_of(col), got=raw)
    elif isinstance(raw, (int, float)):
        text = None
    else:
        text = str(raw).strip()
    if text == "":
        if col.required and col.kind == TEXT:  # the name of a row
            raise CellError("blank_name")
        return None
    if col.kind in (NUMBER, INT):
        return _number(col, raw, text)
    text = str(raw).strip() if text is None else text
    if len(text) > MAX_TEXT:
        raise CellError("long_text", n=len(text), limit=MAX_TEXT)
    if col.kind == CHOICE:
        for choice in col.choices:
            if text.lower() == choice.lower():
                return choice
        raise CellError("choice", domain=domain_of(col), got=text)
    if col.kind in (REF, TEXT):
        return text
    raise CellError("domain", domain=domain_of(col), got=text)  # pragma: no cover


def _number(col: Column, raw: object, text: str | None) -> float:
    if text is not None and len(text) > 100:
        raise CellError("long_number", domain=domain_of(col), n=len(text))
    try:
        value = float(raw) if text is None else parse_quantity(text, col.unit)
    except UnitError as exc:
        raise CellError("not_quantity", why=exc.reason, domain=domain_of(col)) from None
    except OverflowError:
        raise CellError("not_quantity", why=Reason.of("not_number", value=text), domain=domain_of(col)) from None
    if not in_domain(col, value):
        raise CellError("domain", domain=domain_of(col), got=text or raw)
    return float(value)


def assumption_column(key: object) -> Column:
    """The column rules for an Assumptions value: known keys have their own domain."""
    known = ASSUMPTION_KEYS.get(str(key)) if key is not None else None
    if known is not None:
        return known
    return Column("value", NUMBER, help="A value of your own")


__all__ = ["InputError", "CellError", "parse_cell", "in_domain", "assumption_column", "TEXT"]
