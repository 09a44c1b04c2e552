"""Every message about refused input, made in one place.

A refusal is a :class:`core.reasons.Reason` (a key of core/catalogue/reasons.py and its
arguments); :func:`problem_text` puts it into words of the interface language with where it
happened (table › row name › column label) and a valid entry:
``Models › GPT-3 175B › Parameters: “abc” is not a number; expected a number > 0. For example: 1``.
"""

from __future__ import annotations

from . import labels
from .reasons import Reason

# a name to suggest for a row of each table when its name is missing
EXAMPLE_NAMES = {
    "Models": "Llama 3 8B",
    "Hardware": "H100 SXM5 80GB",
    "Prices": "H100 on-demand",
    "Assumptions": "usd_cny",
    "Scenarios": "Pilot assistant",
}


def core_text(table: str, row: int, column: str, why: Reason) -> str:
    """The English form with its place, e.g. ``Models row 1, params_b: “abc” is not a number; …``."""
    return f"{table} row {row + 1}, {column}: {why}"


def row_title(name: object, row: int) -> str:
    """A row as people know it: its name, or its number (#3) when it has none."""
    return name if isinstance(name, str) and name.strip() else f"#{row + 1}"


def problem_text(table: str, row: int, name: object, column: str, why: Reason, example: str = "",
                 lang: str = "en", located: bool = True) -> str:
    """The message in words of `lang`: where, why and a valid entry (``located=False``: the
    reason and example only, for a report that gives the place itself)."""
    if not located:
        text = labels.reason(why, lang)
        if not example:
            return text
        return text + (f"。例如：{example}" if labels.lang_index(lang) else f". For example: {example}")
    return labels.refused(table, row_title(name, row), column, why, example, lang)
