"""Reasons as data: why a value is refused or a result has none, as a key and its arguments.

A :class:`Reason` is made where the refusal happens (a formula's ``fail("key", …)``, a cell the
schema refuses, an input a stage needs) and kept as it is in the results; it becomes words only
when shown, from one template per key and language in core/catalogue/reasons.py
(:func:`llmcost_gui.core.labels.reason`).  ``str(reason)`` is the English text.

What an argument means follows from its name: ``col`` (or ``col_…``) is a column, assumption or
result name and shows as its label; ``table`` a table and ``stage`` a stage, shown by their
labels; ``domain`` a :func:`domain_of` tuple, shown as words; ``why`` another Reason; any other
argument is shown as it is (a number formatted for reading).
"""

from __future__ import annotations

from dataclasses import dataclass

from .schema import CHOICE, INT, REF, Column


@dataclass(frozen=True)
class Reason:
    """A reason key of the catalogue and its arguments (name, value), hashable and picklable."""

    key: str
    args: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, **args) -> Reason:
        return cls(key, tuple(args.items()))

    @property
    def kw(self) -> dict:
        return dict(self.args)

    def __str__(self) -> str:
        from . import labels

        return labels.reason(self, "en")

    def __bool__(self) -> bool:
        return bool(self.key)


NO_REASON = Reason("")  # the reason of code OK: none
NOT_USED = Reason("not_used")  # the reason of code BLANK: the stage is not part of the scenario


def domain_of(col: Column) -> tuple:
    """The allowed values of a column as data: ("one_of", choices), ("ref", table), ("text",), or
    ("number" | "whole", lo, hi, lo_open, unit) with None for an open end."""
    if col.kind == CHOICE:
        return ("one_of", tuple(col.choices))
    if col.kind == REF:
        return ("ref", col.ref)
    if not col.numeric:
        return ("text",)
    return ("whole" if col.kind == INT else "number", col.lo, col.hi, bool(col.lo_open), col.unit)


class RefusalError(ValueError):
    """An exception that carries a :class:`Reason`; its message is the English text."""

    def __init__(self, reason: Reason | str, **args):
        self.reason = reason if isinstance(reason, Reason) else Reason.of(reason, **args)
        super().__init__(str(self.reason))

    def text(self, lang: str = "en") -> str:
        from . import labels

        return labels.reason(self.reason, lang)
