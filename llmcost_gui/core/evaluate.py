"""Vectorized evaluation of the formula registry over every scenario of a workbook."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import expr
from .cells import domain_mask
from .expr import BLANK, OK, Val
from .formulas import REGISTRY, Formula
from .schema import ASSUMPTION_KEYS, CURRENCIES, SCENARIOS, STAGE_TITLE, STAGE_TRIGGER, STAGES
from .units import format_value

NOT_USED = "not part of this scenario"


@dataclass(frozen=True)
class Resolved:
    """One input as the evaluation uses it: what every display of an input reads."""

    value: object  # the value used; None when blank without a default
    given: bool  # typed into its cell (False: its default, or blank)
    unit: str
    currency: str = ""  # the currency of an amount of money ("" when not money)

    @property
    def default_used(self) -> bool:
        return not self.given and self.value is not None

    def text(self) -> str:
        """The value for display: a number with its unit and currency, "text", or blank."""
        if self.value is None:
            return "blank"
        if isinstance(self.value, str):
            return f'"{self.value}"'
        return format_value(float(self.value), self.unit, self.currency or "USD")


def _plain(value) -> object:
    """None for blank (NaN or None), a float for numbers, else the value itself."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    return float(value) if isinstance(value, (int, float, np.floating)) else value


@dataclass
class Results:
    """Every formula's values and status codes, one entry per scenario."""

    values: dict[str, np.ndarray]
    codes: dict[str, np.ndarray]
    reasons: list[str]  # code -> reason text
    active: dict[str, np.ndarray]  # stage -> bool per scenario
    defaults: dict[str, np.ndarray]  # scenario column -> bool: its default was used
    assumption_defaults: tuple[str, ...]  # assumption keys that took their default
    quiet: frozenset[int] = frozenset()  # codes of blanks that keep a reason (expr blank())
    inputs: dict[str, np.ndarray] = field(default_factory=dict)  # column -> value used, per scenario
    given: dict[str, np.ndarray] = field(default_factory=dict)  # column -> typed in its cell
    assumptions: dict[str, float] = field(default_factory=dict)  # key -> value used

    @property
    def size(self) -> int:
        return len(next(iter(self.active.values())))

    def value(self, row: int, key: str) -> float:
        return float(self.values[key][row])

    def error(self, row: int, key: str) -> str | None:
        """The reason a cell has no value (None when it has one)."""
        code = int(self.codes[key][row])
        return None if code == OK else self.reasons[code]

    def is_blank(self, row: int, key: str) -> bool:
        """No value and no error: the stage is not used, or a blank with a reason (see note)."""
        code = int(self.codes[key][row])
        return code == BLANK or code in self.quiet

    def note(self, row: int, key: str) -> str | None:
        """Why a result is blank although its stage is used (None otherwise)."""
        code = int(self.codes[key][row])
        return self.reasons[code] if code in self.quiet else None

    def reason_array(self, key: str) -> np.ndarray:
        return np.asarray(self.reasons, dtype=object)[self.codes[key]]

    def input(self, row: int, name: str) -> Resolved:
        """A scenario column or global assumption as scenario `row` uses it."""
        if name in self.assumptions:
            col = ASSUMPTION_KEYS[name]
            return Resolved(self.assumptions[name], name not in self.assumption_defaults, col.unit)
        col = SCENARIOS.by_name[name]
        given = bool(self.given[name][row])
        value = _plain(self.inputs[name][row]) if given or col.default is not None else None
        return Resolved(value, given, col.unit)


class _Context:
    """Implements expr.EvalContext over a workbook's tables."""

    def __init__(self, tables):
        self.tables = tables
        self.size = tables["Scenarios"].nrows
        self.reasons = ["", NOT_USED]
        self._reason_index = {r: i for i, r in enumerate(self.reasons)}
        self.quiet_codes: set[int] = set()
        self.inputs: dict[str, Val] = {}
        self.blank: dict[str, np.ndarray] = {}
        self.computed: dict[str, Val] = {}
        self._key_rows: dict[tuple[str, str], np.ndarray] = {}
        self.active = self._stage_activity()
        self.defaults: dict[str, np.ndarray] = {}
        self.assumption_defaults: list[str] = []
        self._prepare_scenarios()
        self._prepare_assumptions()

    # -- EvalContext
    def reason(self, message: str) -> int:
        idx = self._reason_index.get(message)
        if idx is None:
            idx = self._reason_index[message] = len(self.reasons)
            self.reasons.append(message)
        return idx

    def quiet(self, message: str) -> int:
        idx = self.reason(message)
        self.quiet_codes.add(idx)
        return idx

    def name(self, name: str) -> Val:
        if name in self.computed:
            return self.computed[name]
        return self.inputs[name.removeprefix("scenario.")]

    def is_blank(self, name: str) -> np.ndarray:
        return self.blank[name.removeprefix("scenario.")]

    def lookup(self, table, column, key, key_text, fallback):
        t = self.tables[table]
        rows = self._rows_for(table, key_text, key.values)
        codes = key.codes.copy()
        missing = (rows < 0) & (codes == OK)
        for name in set(key.values[missing]):
            codes[missing & (key.values == name)] = self.reason(f"{key_text} '{name}' not found in {table}")
        arr = t.array(column)
        safe = np.where(rows < 0, 0, rows)
        values = arr[safe] if len(arr) else np.full(self.size, np.nan)
        empty = t.blank_mask(column)[safe] if len(arr) else np.ones(self.size, bool)
        empty = empty & (codes == OK)
        if fallback is not None:
            values = np.where(empty, fallback.values, values)
            codes = np.where(empty, fallback.codes, codes)
        else:
            for name in set(key.values[empty]):
                codes[empty & (key.values == name)] = self.reason(f"{table} '{name}' has no {column}")
        return Val(values, codes.astype(np.int32))

    # -- preparation
    def _rows_for(self, table, key_text, names) -> np.ndarray:
        cache_key = (table, key_text)
        if cache_key not in self._key_rows:
            t = self.tables[table]
            # a table may resolve keys per scenario row itself (core.analysis: sampled properties)
            own = getattr(t, "rows_for", None)
            rows = own(key_text, names) if own else key_rows(t.key_index(), names)
            self._key_rows[cache_key] = rows
        return self._key_rows[cache_key]

    def _stage_activity(self) -> dict[str, np.ndarray]:
        sc = self.tables["Scenarios"]
        active = {s: np.ones(self.size, bool) for s in STAGES}
        for stage, trigger in STAGE_TRIGGER.items():
            active[stage] = ~sc.blank_mask(trigger)
        return active

    def _prepare_scenarios(self):
        sc = self.tables["Scenarios"]
        for col in SCENARIOS.columns:
            blank = sc.blank_mask(col.name)
            values = sc.array(col.name).copy()
            codes = np.zeros(self.size, np.int32)
            if col.default is not None:
                values[blank] = col.default
                self.defaults[col.name] = blank & self.active[col.stage]
            elif col.required:
                codes[blank] = self.reason(f"{col.name} is blank; {STAGE_TITLE[col.stage].lower()} needs it")
            else:
                codes[blank] = BLANK
            bad = ~blank & ~domain_mask(col, values)
            if bad.any():
                codes[bad] = self.reason(f"{col.name} must be {col.domain_text()}")
            self.inputs[col.name] = Val(values, codes)
            self.blank[col.name] = blank

    def _prepare_assumptions(self):
        given = self.tables["Assumptions"].assumptions()
        self.assumption_values: dict[str, object] = {}
        for key, col in ASSUMPTION_KEYS.items():
            value = given.get(key)
            if value is None:
                value = col.default
                self.assumption_defaults.append(key)
            self.assumption_values[key] = value
            # a value is a number, or (core.analysis) an array with one value per scenario
            values = np.full(self.size, value, dtype=float)
            codes = np.zeros(self.size, np.int32)
            bad = ~domain_mask(col, values)
            if bad.any():
                codes[bad] = self.reason(f"assumption {key} must be {col.domain_text()}")
            self.inputs[key] = Val(values, codes)
            self.blank[key] = np.zeros(self.size, bool)


def key_rows(index: dict[str, int], names: np.ndarray) -> np.ndarray:
    """Row of each name in a table's key index (-1: missing or not a name)."""
    if len(names) <= 256:
        return np.fromiter((index.get(n, -1) if isinstance(n, str) else -1 for n in names),
                           np.int64, len(names))
    # many scenario rows share few names: resolve each distinct name once, vectorized
    rows = np.full(len(names), -1, np.int64)
    todo = np.ones(len(names), bool)
    while todo.any():
        first = int(np.argmax(todo))
        name = names[first]
        hit = todo & (names == name)
        hit[first] = True  # even a value unequal to itself (NaN) is resolved
        if isinstance(name, str):
            rows[hit] = index.get(name, -1)
        todo &= ~hit
    return rows


def evaluate_tables(tables, formulas: dict[str, Formula] = REGISTRY) -> Results:
    """Evaluate every formula for every scenario of `tables` (a mapping of TableData)."""
    ctx = _Context(tables)
    values, codes = {}, {}
    for key, f in formulas.items():
        v = expr.evaluate(f.tree, ctx)
        vals = np.asarray(v.values, dtype=float) if v.values.dtype != object else v.values
        c = np.asarray(v.codes, dtype=np.int32).copy()
        if vals.dtype != object:
            bad = (c == OK) & ~np.isfinite(vals)
            if bad.any():
                c[bad] = ctx.reason(f"{key} is not a finite number (a division by zero?)")
        inactive = ~ctx.active[f.stage]
        if f.guard:
            inactive = inactive | ctx.blank[f.guard]
        c[inactive] = BLANK
        if vals.dtype != object:
            vals = np.where(c == OK, vals, np.nan)
        ctx.computed[key] = Val(vals, c)
        values[key], codes[key] = vals, c
    scenario_inputs = {c.name: ctx.inputs[c.name].values for c in SCENARIOS.columns}
    given = {c.name: ~ctx.blank[c.name] for c in SCENARIOS.columns}
    return Results(values, codes, ctx.reasons, ctx.active, ctx.defaults, tuple(ctx.assumption_defaults),
                   frozenset(ctx.quiet_codes), scenario_inputs, given, ctx.assumption_values)


def resolve_lookup(tables, table: str, column: str, key: object) -> Resolved:
    """The cell `column` of the `table` row named `key`, with its unit and, for money, the
    currency of that row (its currency column, or that column's default)."""
    t = tables[table]
    row = t.key_index().get(key) if isinstance(key, str) else None
    col = t.column(column)
    value = _plain(t.get(row, column)) if row is not None and column in t.data else None
    if value is None and col.default is not None and row is not None:
        return Resolved(col.default, False, col.unit)
    currency = ""
    if col.unit.startswith("money"):
        currency = _row_currency(t, row)
    return Resolved(value, value is not None, col.unit, currency)


def _row_currency(t, row: int | None) -> str:
    """The currency of a row's amounts: its choice column of currencies, or that column's default."""
    for c in t.schema.columns:
        if c.choices == CURRENCIES:
            value = t.get(row, c.name) if row is not None else None
            return value or c.default or "USD"
    return "USD"
