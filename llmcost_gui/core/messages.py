"""Every message about refused input, made in one place.

The reasons are English sentences of the core (keys of :data:`REASONS`, filled in by
:func:`reason_text`); :func:`core.labels.refused` turns them into words of the interface language
(labels instead of names, Chinese or English).  A message names where (table › row name › column
label), why, and a valid entry: ``Models › GPT-3 175B › Parameters: “abc” is not a number;
expected a number > 0. For example: 1``.
"""

from __future__ import annotations

from . import labels

# reason key -> the core's English sentence (core.labels translates these forms)
REASONS: dict[str, str] = {
    "blank_name": "must not be blank",
    "domain": "must be {domain}, got {got}",
    "choice": "must be {domain}, got '{got}'",
    "not_quantity": "{detail}; expected {domain}",
    "long_number": "expected {domain}, got {n:,} characters of text",
    "long_text": "text of {n:,} characters is longer than Excel's limit of {limit:,}",
    "no_ref": "no {ref} row named '{got}'",
    "name_used": "the name '{got}' is already used in row {other}",
    "value_misfit": "its value {value} does not fit: {why}",
    "no_column": "there is no such column",
    "no_row": "there is no such row",
    # a sheet being imported
    "sheet_missing": "sheet is missing",
    "column_missing": "required column is missing from the header row",
    "column_twice": "column appears twice (also column {other})",
    "header_missing": "the header row is missing",
    "too_many_rows": "more than {limit:,} rows",
}

# a name to suggest for a row of each table when its name is missing
EXAMPLE_NAMES = {
    "Models": "Llama 3 8B",
    "Hardware": "H100 SXM5 80GB",
    "Prices": "H100 on-demand",
    "Assumptions": "usd_cny",
    "Scenarios": "Pilot assistant",
}


def reason_text(reason: str, args: dict) -> str:
    """The reason alone, e.g. ``must be a number in (0, 1], got 2``."""
    return REASONS[reason].format(**args)


def core_text(table: str, row: int, column: str, reason: str, args: dict) -> str:
    """The core's form, e.g. ``Models row 1, params_b: 'abc' is not a number; …``."""
    text = reason_text(reason, args)
    return f"{table} row {row + 1}, {column}{' ' if text.startswith('must') else ': '}{text}"


def row_title(name: object, row: int) -> str:
    """A row as people know it: its name, or its number (#3) when it has none."""
    return name if isinstance(name, str) and name.strip() else f"#{row + 1}"


def problem_text(table: str, row: int, name: object, column: str, reason: str, args: dict,
                 example: str = "", lang: str = "en", located: bool = True) -> str:
    """The message in words of `lang`: where, why and a valid entry (``located=False``: the
    English reason and example only, for a report that gives the place itself)."""
    if not located:
        text = reason_text(reason, args)
        return f"{text}. For example: {example}" if example else text
    return labels.refused(table, row_title(name, row), column,
                          core_text(table, row, column, reason, args), example, lang)
