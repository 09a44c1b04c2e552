"""The document: the input tables (schema.TABLE_ORDER), reactive recalculation and change notification.

Editing goes through :meth:`Workbook.apply` with plain-data commands (:class:`SetCells`,
:class:`InsertRows`, :class:`DeleteRows`); each returns its inverse, which is all undo needs.
After every outermost edit the workbook recalculates every scenario at once and sends one
:class:`Change` listing exactly the input cells and result cells whose value changed.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import rules
from .cells import InputError, assumption_column
from .evaluate import Resolved, Results, edited_names, evaluate_tables, resolve_lookup
from .formulas import REGISTRY
from .schema import REF, SCENARIOS, TABLE_ORDER, TABLES, Column, Table

Cell = tuple[str, int, str]  # (table, row, column)


class TableData:
    """Rows of one table, stored by column (typed values; None is blank)."""

    def __init__(self, schema: Table, columns: list[str] | None = None):
        self.schema = schema
        self.columns: list[str] = list(schema.column_names)
        for extra in columns or []:
            if extra not in self.columns:
                self.columns.append(extra)
        self.data: dict[str, list] = {c: [] for c in self.columns}
        self._arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._index: dict[str, int] | None = None
        self._folded: dict[str, int] | None = None

    @property
    def nrows(self) -> int:
        return len(self.data[self.columns[0]])

    def column(self, name: str) -> Column:
        """Rules of a column (Assumptions values and extra columns get generic rules)."""
        if name in self.schema.by_name:
            return self.schema.by_name[name]
        return Column(name, "text", help="Extra column (kept, not used)")

    def cell_column(self, row: int, name: str) -> Column:
        if self.schema.name == "Assumptions" and name == "value":
            return assumption_column(self.data["key"][row])
        return self.column(name)

    def get(self, row: int, col: str):
        return self.data[col][row]

    def row(self, row: int) -> dict:
        return {c: self.data[c][row] for c in self.columns}

    def _touch(self, col: str | None = None):
        if col is None:
            self._arrays.clear()
        else:
            self._arrays.pop(col, None)
        if col is None or col == self.schema.key:
            self._index = self._folded = None

    def _arrays_for(self, col: str):
        if col not in self._arrays:
            raw = self.data.get(col, [None] * self.nrows)
            blank = np.fromiter((v is None or v == "" for v in raw), bool, len(raw))
            if self.column(col).numeric:
                arr = np.array([np.nan if b else v for v, b in zip(raw, blank)], dtype=float)
            else:
                arr = np.array(raw, dtype=object)
            self._arrays[col] = (arr, blank)
        return self._arrays[col]

    def array(self, col: str) -> np.ndarray:
        return self._arrays_for(col)[0]

    def blank_mask(self, col: str) -> np.ndarray:
        return self._arrays_for(col)[1]

    def key_index(self) -> dict[str, int]:
        """Name -> first row holding it."""
        if self._index is None:
            self._index = {}
            for i, n in enumerate(self.data[self.schema.key]):
                if isinstance(n, str):
                    self._index.setdefault(n, i)
        return self._index

    def folded_index(self) -> dict[str, int]:
        """Name with letter case folded -> first row holding it (names are unique this way)."""
        if self._folded is None:
            self._folded = {}
            for i, n in enumerate(self.data[self.schema.key]):
                if isinstance(n, str):
                    self._folded.setdefault(n.casefold(), i)
        return self._folded

    def names(self) -> list[str]:
        return [n for n in self.data[self.schema.key] if isinstance(n, str) and n]

    def assumption_rows(self) -> dict[str, int]:
        """Assumption key -> the row whose value counts: the first holding a number, else the
        key's first row (its value blank: the default applies)."""
        first: dict[str, int] = {}
        valued: dict[str, int] = {}
        for i, (k, v) in enumerate(zip(self.data["key"], self.data["value"])):
            if isinstance(k, str):
                first.setdefault(k, i)
                if isinstance(v, (int, float)):
                    valued.setdefault(k, i)
        return {**first, **valued}

    def assumptions(self) -> dict[str, float]:
        """Assumptions as key -> numeric value (blank values left out)."""
        values = self.data["value"]
        return {k: float(values[i]) for k, i in self.assumption_rows().items()
                if isinstance(values[i], (int, float))}


# ------------------------------------------------------------------ commands (plain data)


@dataclass(frozen=True)
class SetCells:
    """Set cells of one table: (row, column, value or text) triples.  `restore` marks an inverse:
    it puts back stored values exactly as they were (a reference that dangled before an edit
    dangles again after its undo), so it is not validated again."""

    table: str
    cells: tuple[tuple[int, str, object], ...]
    restore: bool = False


@dataclass(frozen=True)
class InsertRows:
    """Insert rows (column -> value dicts) at `index`."""

    table: str
    index: int
    rows: tuple[dict, ...]


@dataclass(frozen=True)
class DeleteRows:
    """Delete the rows at these indices."""

    table: str
    indices: tuple[int, ...]


@dataclass(frozen=True)
class Batch:
    """Several commands applied as one edit (one change event, one undo step)."""

    commands: tuple = ()


class ChangedResults:
    """The result cells an edit changed: rows (an array) per result key, no object per cell.
    Iterating gives ``(row, key)`` pairs."""

    def __init__(self, rows: dict[str, np.ndarray] | None = None):
        self.rows = rows or {}

    def __iter__(self):
        for key, rows in self.rows.items():
            for row in rows.tolist():
                yield row, key

    def __len__(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


@dataclass(frozen=True)
class Change:
    """What one edit changed: input cells, result cells (row, key), and whether rows moved."""

    revision: int
    inputs: tuple[Cell, ...] = ()
    results: ChangedResults = field(default_factory=ChangedResults)
    structure: tuple[str, ...] = ()  # tables whose rows were inserted or deleted
    recalc_ms: float = 0.0


@dataclass
class _Pending:
    inputs: list = field(default_factory=list)
    structure: set = field(default_factory=set)


class Workbook:
    """A document of input tables (one per schema.TABLE_ORDER entry) with live results."""

    def __init__(self):
        self.tables: dict[str, TableData] = {n: TableData(TABLES[n]) for n in TABLE_ORDER}
        self.revision = 0
        self._listeners: list[Callable[[Change], None]] = []
        self._depth = 0
        self._pending = _Pending()
        self.results: Results = evaluate_tables(self.tables)
        self.last_recalc_ms = 0.0

    # -- reading
    def table(self, name: str) -> TableData:
        return self.tables[name]

    def scenario_names(self) -> list[str]:
        return self.tables["Scenarios"].names()

    def scenario_row(self, name: str) -> int:
        idx = self.tables["Scenarios"].key_index()
        if name not in idx:
            raise KeyError(f"no scenario named '{name}'")
        return idx[name]

    def result(self, row: int, key: str) -> float:
        return self.results.value(row, key)

    def resolved(self, row: int, name: str) -> Resolved:
        """An input of scenario `row` as evaluation uses it (value, given or default, unit,
        currency): a scenario column, an assumption key, or ``<reference column>.<column>``
        for a looked-up property such as ``serve_hardware.price``."""
        ref, _, column = name.partition(".")
        if column:
            table = SCENARIOS.by_name[ref].ref
            return resolve_lookup(self.tables, table, column, self.tables["Scenarios"].get(row, ref))
        return self.results.input(row, name)

    # -- listeners
    def subscribe(self, listener: Callable[[Change], None]) -> Callable[[], None]:
        """Call `listener(change)` after every edit; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @contextlib.contextmanager
    def batch(self):
        """Group edits: one recalculation and one Change at the end of the outermost block."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._flush()

    # -- editing
    def set_cell(self, table: str, row: int, column: str, value: object) -> object:
        """Set one cell from text or a value; returns the inverse command. Raises InputError."""
        return self.apply(SetCells(table, ((row, column, value),)))

    def apply(self, command) -> object:
        """Apply a command; returns the command that undoes it. Invalid input raises InputError
        and leaves the document as it was."""
        with self.batch():
            mark = len(self._pending.inputs), set(self._pending.structure)
            try:
                return self._apply(command)
            except InputError:  # nothing changed: nothing to report
                del self._pending.inputs[mark[0]:]
                self._pending.structure = mark[1]
                raise

    def _apply(self, cmd):
        if isinstance(cmd, Batch):
            inverses = []
            try:
                for c in cmd.commands:
                    inverses.append(self._apply(c))
            except InputError:
                for inv in reversed(inverses):
                    self._apply(inv)
                raise
            return Batch(tuple(reversed(inverses)))
        if isinstance(cmd, SetCells):
            return self._set_cells(cmd)
        if isinstance(cmd, InsertRows):
            return self._insert(cmd)
        if isinstance(cmd, DeleteRows):
            return self._delete(cmd)
        raise TypeError(f"unknown command {cmd!r}")

    def validate(self, table: str, row: int, column: str, value: object) -> object:
        """The stored value for `value` in this cell, or InputError with the reason."""
        return rules.check_cell(self.tables, table, row, column, value)

    def _set_cells(self, cmd: SetCells):
        t = self.tables[cmd.table]
        parsed = cmd.cells if cmd.restore else \
            [(r, c, self.validate(cmd.table, r, c, v)) for r, c, v in cmd.cells]
        old = []
        for r, c, v in parsed:
            before = t.data[c][r]
            old.append((r, c, before))
            if before == v and type(before) is type(v):
                continue
            t.data[c][r] = v
            t._touch(c)
            self._pending.inputs.append((cmd.table, r, c))
            if c == t.schema.key and isinstance(before, str) and v:
                self._rename_references(cmd.table, before, v)
        return SetCells(cmd.table, tuple(reversed(old)), restore=True)

    def _rename_references(self, table: str, old: str, new: str):
        """Renaming a model, card or offer renames the references to it."""
        for tname, t in self.tables.items():
            for col in t.schema.columns:
                if col.kind == REF and col.ref == table:
                    cells = t.data[col.name]
                    for i, v in enumerate(cells):
                        if v == old:
                            cells[i] = new
                            self._pending.inputs.append((tname, i, col.name))
                    t._touch(col.name)

    def _insert(self, cmd: InsertRows):
        t = self.tables[cmd.table]
        index = max(0, min(cmd.index, t.nrows))
        parsed, problems = rules.check_rows(self.tables, cmd.table, cmd.rows, index)
        if problems:
            raise InputError(problems=problems)
        for offset, row in enumerate(parsed):
            for c in t.columns:
                t.data[c].insert(index + offset, None)
            for c, v in row.items():
                if c not in t.data:
                    t.columns.append(c)
                    t.data[c] = [None] * t.nrows
                t.data[c][index + offset] = v
        t._touch()
        self._pending.structure.add(cmd.table)
        return DeleteRows(cmd.table, tuple(range(index, index + len(cmd.rows))))

    def _delete(self, cmd: DeleteRows):
        t = self.tables[cmd.table]
        indices = sorted(set(i for i in cmd.indices if 0 <= i < t.nrows))
        rows = [t.row(i) for i in indices]
        for i in reversed(indices):
            for c in t.columns:
                del t.data[c][i]
        t._touch()
        self._pending.structure.add(cmd.table)
        inverses = tuple(InsertRows(cmd.table, i, (r,)) for i, r in zip(indices, rows))
        return Batch(inverses)

    def unique_name(self, table: str, base: str) -> str:
        """`base`, or `base (2)`, `base (3)`… whichever is free in the table (case ignored)."""
        return rules.unique_name(self.tables[table], base)

    # -- recalculation
    def recalculate(self) -> Change:
        """Recalculate and notify, e.g. after loading tables directly."""
        self._pending.structure.update(self.tables)
        return self._flush()

    def _flush(self) -> Change | None:
        pending, self._pending = self._pending, _Pending()
        if not pending.inputs and not pending.structure:
            return None
        t0 = time.perf_counter()
        old = self.results
        # an edit of cells evaluates again only what depends on them
        edited = None if pending.structure else edited_names(self.tables, pending.inputs)
        self.results = evaluate_tables(self.tables, previous=old, changed=edited)
        changed = _diff(old, self.results) if not pending.structure else _all_cells(self.results)
        self.last_recalc_ms = (time.perf_counter() - t0) * 1000
        self.revision += 1
        change = Change(self.revision, tuple(dict.fromkeys(pending.inputs)), changed,
                        tuple(sorted(pending.structure)), self.last_recalc_ms)
        for listener in list(self._listeners):
            listener(change)
        return change


def _diff(old: Results, new: Results) -> ChangedResults:
    if old.size != new.size:
        return _all_cells(new)
    # the same reason has different codes in two evaluations: translate old codes to new ones
    index = {reason: i for i, reason in enumerate(new.reasons)}
    to_new = np.array([index.get(reason, -1) for reason in old.reasons], dtype=np.int64)
    out = {}
    for key in REGISTRY if new.recomputed is None else [k for k in REGISTRY if k in new.recomputed]:
        a, b = old.values[key], new.values[key]
        same = (a == b) if a.dtype == object else (a == b) | (np.isnan(a) & np.isnan(b))
        same &= to_new[old.codes[key]] == new.codes[key]
        if not same.all():
            out[key] = np.flatnonzero(~same)
    return ChangedResults(out)


def _all_cells(results: Results) -> ChangedResults:
    return ChangedResults({k: np.arange(results.size) for k in REGISTRY})
