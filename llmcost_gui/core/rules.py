"""The one validator of input rows: every way a row enters the document calls it.

Typing, pasting and the Python API set cells (:func:`check_cell`); inserting, duplicating,
undoing a delete and importing a file insert rows (:func:`check_rows`).  The rules:

* each cell parses in its column's domain (core.cells.parse_cell); an Assumptions value in the
  domain of its key;
* the name (key column) of a row is not blank and unique, letter case ignored (the Excel budget
  finds names with MATCH, which ignores case);
* a reference typed into a cell names an existing row.  Rows that arrive whole (an import, an
  undo) may hold a reference to a missing row: it shows as an error value in the results.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import messages
from .cells import CellError, InputError, assumption_column, parse_cell
from .reasons import Reason
from .schema import CHOICE, INT, NUMBER, REF, Column
from .units import TYPED_UNITS, format_value

MAX_PROBLEMS = 50  # an insert stops checking after this many


@dataclass(frozen=True)
class Problem:
    """One refused cell: where (table, row index, row name, column), why, and an example."""

    table: str
    row: int
    name: str
    column: str
    reason: str
    args: dict = field(default_factory=dict, hash=False)
    example: str = ""
    col: Column | None = field(default=None, hash=False)

    def why(self, row_number=None) -> Reason:
        """The reason; `row_number(index)` numbers rows it names (default index + 1)."""
        args = dict(self.args)
        if "other" in args:
            args["other"] = (row_number or (lambda i: i + 1))(args["other"])
        return Reason.of(self.reason, **args)

    def text(self, lang: str = "en", located: bool = True, row_number=None) -> str:
        """The message in words of `lang`, with where it happened unless `located` is False."""
        return messages.problem_text(self.table, self.row, self.name, self.column,
                                     self.why(row_number), self.example, lang, located)

    def core_text(self) -> str:
        """The English form with its place: ``Models row 1, params_b: “abc” is not a number; …``."""
        return messages.core_text(self.table, self.row, self.column, self.why())


def example(tables, table: str, col: Column, got: object = None) -> str:
    """A valid entry for `col`, to show beside a refusal."""
    t = tables[table]
    if col.name == t.schema.key:
        if isinstance(got, str) and got.strip():
            return unique_name(t, got.strip())
        return messages.EXAMPLE_NAMES.get(table, "")
    if col.kind == REF:
        names = tables[col.ref].names()
        return names[0] if names else ""
    if col.kind == CHOICE:
        return str(col.default or col.choices[0])
    if col.kind in (NUMBER, INT):
        value = _inside(col)
        return format_value(value, col.unit) if col.unit in TYPED_UNITS else f"{value:g}"
    return ""


def _inside(col: Column) -> float:
    """A number inside the column's domain: its default, else a round one."""
    if isinstance(col.default, (int, float)):
        return float(col.default)
    lo, hi = col.lo, col.hi
    if lo is None:
        return 1.0 if hi is None or hi >= 1 else hi
    if hi is None:
        return max(1.0, lo + 1) if col.lo_open or lo > 1 else max(1.0, lo)
    return hi if col.kind == INT else (lo + hi) / 2


def unique_name(t, base: str, used: dict | None = None) -> str:
    """`base`, or `base (2)`, `base (3)`… whichever is free in table data `t` (case ignored;
    `used`: the folded names taken, when not those of `t`)."""
    used = t.folded_index() if used is None else used
    if base.casefold() not in used:
        return base
    n = 2
    while f"{base} ({n})".casefold() in used:
        n += 1
    return f"{base} ({n})"


def _refuse(tables, table, row, name, column, col, exc: CellError, got=None) -> Problem:
    return Problem(table, row, name if isinstance(name, str) else "", column, exc.reason,
                   exc.reason_args, example(tables, table, col, got), col)


def _parse(tables, table: str, row: int, name, column: str, col: Column, raw):
    """(stored value, None) or (None, Problem)."""
    try:
        return parse_cell(col, raw), None
    except CellError as exc:
        return None, _refuse(tables, table, row, name, column, col, exc)


def _name_taken(tables, table, row, name, parsed, taken: dict, col) -> Problem | None:
    other = taken.get(parsed.casefold()) if isinstance(parsed, str) else None
    if other is None or other == row:
        return None
    return Problem(table, row, name if isinstance(name, str) else "", col.name, "name_used",
                   {"got": parsed, "other": other}, unique_name(tables[table], parsed, taken), col)


def check_cell(tables, table: str, row: int, column: str, raw) -> object:
    """The value to store for `raw` typed into one cell; raises InputError naming the problem."""
    t = tables[table]
    name = t.data[t.schema.key][row] if 0 <= row < t.nrows else None
    if column not in t.data or not 0 <= row < t.nrows:
        reason = "no_column" if column not in t.data else "no_row"
        col = Column(column, "text")
        raise InputError(problems=(Problem(table, row, name or "", column, reason, {}, "", col),))
    col = t.cell_column(row, column)
    parsed, problem = _parse(tables, table, row, name, column, col, raw)
    if problem is None and col.kind == REF and parsed is not None \
            and parsed not in tables[col.ref].key_index():
        problem = _refuse(tables, table, row, name, column, col,
                          CellError("no_ref", table=col.ref, got=parsed))
    if problem is None and column == t.schema.key:
        problem = _name_taken(tables, table, row, name, parsed, t.folded_index(), col)
    if problem is None and table == "Assumptions" and column == "key":
        problem = _value_fits(tables, row, parsed, t.data["value"][row])
    if problem is not None:
        raise InputError(problems=(problem,))
    return parsed


def _value_fits(tables, row: int, key, value) -> Problem | None:
    """An assumption's value must fit the domain of a newly typed key."""
    if value is None:
        return None
    col = assumption_column(key)
    try:
        parse_cell(col, value)
    except CellError as exc:
        return Problem("Assumptions", row, key if isinstance(key, str) else "", "key",
                       "value_misfit", {"value": value, "why": exc.why}, "", col)
    return None


def check_rows(tables, table: str, rows, at: int) -> tuple[list[dict], list[Problem]]:
    """Rows (column -> raw value) to insert at `at`: their stored values and the problems."""
    t = tables[table]
    key = t.schema.key
    n = len(rows)
    taken = {k: (i if i < at else i + n) for k, i in t.folded_index().items()}
    out, problems = [], []
    for k, raw_row in enumerate(rows):
        row = at + k
        parsed_row = _check_row(tables, table, row, raw_row, problems)
        name = parsed_row.get(key)
        if isinstance(name, str):
            found = _name_taken(tables, table, row, name, name, taken, t.column(key))
            if found is not None:
                problems.append(found)
            taken.setdefault(name.casefold(), row)
        out.append(parsed_row)
        if len(problems) >= MAX_PROBLEMS:
            break
    return out, problems


def _check_row(tables, table, row, raw_row: dict, problems: list) -> dict:
    t = tables[table]
    key = t.schema.key
    name = raw_row.get(key)
    parsed_row = {}
    raw_row = {key: name, **raw_row}  # the name first: an assumption's value depends on it
    for column, raw in raw_row.items():
        if column not in t.schema.by_name:  # an extra column keeps what it holds
            parsed_row[column] = raw
            continue
        col = assumption_column(parsed_row.get("key")) if (table, column) == ("Assumptions", "value") \
            else t.column(column)
        parsed_row[column], problem = _parse(tables, table, row, name, column, col, raw)
        if problem is not None:
            problems.append(problem)
    return parsed_row
