"""Vectorized evaluation of the formula registry over every scenario of a workbook."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from . import expr
from .cells import domain_mask
from .formulas import REGISTRY, Formula
from .reasons import NO_REASON, NOT_USED, Reason, domain_of
from .schema import (
    ASSUMPTION_KEYS,
    CHOICE,
    CURRENCIES,
    REF,
    SCENARIOS,
    STAGE_TRIGGER,
    STAGES,
)
from .units import format_value, is_money
from .vals import (
    BLANK,
    KEEP_MAX_N,
    OK,
    Val,
    factorize,
    is_ok,
    shared_if_ok,
    text_factors,
    uniform_codes,
)


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
        return format_value(float(self.value), self.unit, self.currency)


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
    reasons: list[Reason]  # code -> reason
    active: dict[str, np.ndarray]  # stage -> bool per scenario
    defaults: dict[str, np.ndarray]  # scenario column -> bool: its default was used
    assumption_defaults: tuple[str, ...]  # assumption keys that took their default
    quiet: frozenset[int] = frozenset()  # codes of blanks that keep a reason (expr blank())
    inputs: dict[str, np.ndarray] = field(default_factory=dict)  # column -> value used, per scenario
    given: dict[str, np.ndarray] = field(default_factory=dict)  # column -> typed in its cell
    assumptions: dict[str, float] = field(default_factory=dict)  # key -> value used
    memory: _Memory | None = field(default=None, repr=False, compare=False)  # for the next one
    # the formulas whose results may differ from the evaluation before (None: all may)
    recomputed: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @property
    def size(self) -> int:
        return len(next(iter(self.active.values())))

    def __getstate__(self):  # what the next evaluation reuses stays in this process
        return {**self.__dict__, "memory": None}

    def value(self, row: int, key: str) -> float | str:
        """The value of a result in a row: a number, or text for a text result (train_layout)."""
        v = self.values[key][row]
        return v if isinstance(v, str) else float(v)

    def error(self, row: int, key: str) -> Reason | None:
        """The reason a cell has no value (None when it has one); labels.reason() words it."""
        code = int(self.codes[key][row])
        return None if code == OK else self.reasons[code]

    def is_blank(self, row: int, key: str) -> bool:
        """No value and no error: the stage is not used, or a blank with a reason (see note)."""
        code = int(self.codes[key][row])
        return code == BLANK or code in self.quiet

    def note(self, row: int, key: str) -> Reason | None:
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


@dataclass
class _Memory:
    """What an evaluation keeps so that the next can reuse what an edit did not touch: per scenario
    column and per formula its value and the reasons it registered, in order (replaying them
    numbers the reasons exactly as a full evaluation does)."""

    formulas: dict
    reasons: list[Reason]
    inputs: dict[str, tuple[Val, np.ndarray, tuple]] = field(default_factory=dict)  # +blank mask
    computed: dict[str, tuple[Val, tuple]] = field(default_factory=dict)


class _Context:
    """Implements expr.EvalContext over a workbook's tables."""

    def __init__(self, tables, formulas, previous: _Memory | None = None, changed=frozenset()):
        self.tables = tables
        self.size = tables["Scenarios"].nrows
        self.reasons = [NO_REASON, NOT_USED]
        self._reason_index = {r: i for i, r in enumerate(self.reasons)}
        self.previous, self.changed = previous, changed
        self.memory = _Memory(formulas, self.reasons)
        self._log: list | None = None
        self._same = True  # the reasons so far are numbered as in `previous`
        self.quiet_codes: set[int] = set()
        self.inputs: dict[str, Val] = {}
        self.blank: dict[str, np.ndarray] = {}
        self.named: dict[str, Val] = {}  # what a name reads: the formula of that name, else the input
        self._key_rows: dict[tuple[str, str], np.ndarray] = {}
        self._looked_up: dict[tuple, tuple[Val | None, Val]] = {}
        self._blanked: dict[tuple, tuple[np.ndarray, np.ndarray, np.ndarray | None]] = {}
        self._inactive: dict[tuple[str, str], np.ndarray | None] = {}
        self.active = self._stage_activity()
        self.defaults: dict[str, np.ndarray] = {}
        self.assumption_defaults: list[str] = []
        self._prepare_scenarios()
        self._prepare_assumptions()

    # -- EvalContext
    def reason(self, why: Reason) -> int:
        return self._register(why, False)

    def quiet(self, why: Reason) -> int:
        return self._register(why, True)

    def _register(self, message: Reason, quiet: bool) -> int:
        if self._log is not None:
            self._log.append((message, quiet))
        idx = self._reason_index.get(message)
        if idx is None:
            idx = self._reason_index[message] = len(self.reasons)
            self.reasons.append(message)
            old = self.previous.reasons if self.previous else ()
            self._same = self._same and idx < len(old) and old[idx] == message
        if quiet:
            self.quiet_codes.add(idx)
        return idx

    # -- reuse of the previous evaluation
    def same_numbering(self) -> bool:
        """The reasons registered so far have the numbers they had in the previous evaluation."""
        return self._same

    def logged(self, run, *args):
        """run(*args) with the reasons it registers recorded: (its result, the log)."""
        self._log = []
        try:
            return run(*args), tuple(self._log)
        finally:
            self._log = None

    def replay(self, val: Val, log: tuple) -> Val:
        """A value kept from the previous evaluation, its reasons registered again in order and
        its codes renumbered if the numbering has drifted."""
        for message, quiet in log:
            self._register(message, quiet)
        if self._same or is_ok(val.codes):
            return val
        old = self.previous.reasons
        present = np.unique(val.codes)
        table = np.zeros(int(present.max()) + 1, np.int32)
        for code in present:
            table[code] = self._reason_index[old[code]] if code > BLANK else code
        return Val(val.values, table[val.codes], val.memo)

    def name(self, name: str) -> Val:
        return self.named[name]

    def is_blank(self, name: str) -> np.ndarray:
        return self.blank[name.removeprefix("scenario.")]

    def lookup(self, table, column, key, key_text, fallback):
        """The looked-up column per scenario; the same lookup again (formulas share many) is
        answered from the first (its reasons are registered then, in registry order)."""
        cache_key = (table, column, key_text, None if fallback is None else (id(fallback.values), id(fallback.codes)))
        hit = self._looked_up.get(cache_key)
        if hit is not None and (fallback is None or hit[0] is fallback):
            return hit[1]
        v = self._lookup(table, column, key, key_text, fallback)
        self._looked_up[cache_key] = (fallback, v)  # keeping the fallback keeps its ids unique
        return v

    def _lookup(self, table, column, key, key_text, fallback):
        t = self.tables[table]
        rows = self._rows_for(table, key_text, key)
        codes = key.codes.copy()
        missing = (rows < 0) & (codes == OK)
        if missing.any():
            for name in _distinct(key.values[missing]):
                codes[missing & (key.values == name)] = self.reason(
                    Reason.of("not_found", col=key_text.removeprefix("scenario."), name=name, table=table))
        arr = t.array(column)
        safe = np.where(rows < 0, 0, rows)
        values = arr[safe] if len(arr) else np.full(self.size, np.nan)
        empty = t.blank_mask(column)[safe] if len(arr) else np.ones(self.size, bool)
        empty = empty & (codes == OK)
        factors = (arr, safe) if arr.dtype == object and len(arr) else None
        if fallback is not None:
            if empty.any():
                factors = _with_fallback(factors, empty, fallback)
                values = np.where(empty, fallback.values, values)
                codes = np.where(empty, fallback.codes, codes)
        elif empty.any():
            for name in _distinct(key.values[empty]):
                codes[empty & (key.values == name)] = self.reason(
                    Reason.of("row_lacks", table=table, name=name, col=column))
        v = Val(values, shared_if_ok(codes.astype(np.int32)))
        if factors is not None:
            v.memo["factors"] = factors
        return v

    def inactive(self, stage: str, guard: str) -> np.ndarray | None:
        """Where a formula of `stage` (blank when `guard` is blank) is not used; None: nowhere."""
        key = (stage, guard)
        if key not in self._inactive:
            mask = ~self.active[stage]
            if guard:
                mask = mask | self.blank[guard]
            self._inactive[key] = mask if mask.any() else None
        return self._inactive[key]

    def blanked(self, codes: np.ndarray, stage: str, guard: str) -> tuple[np.ndarray, np.ndarray | None]:
        """`codes` made blank where a formula of `stage` (guarded by `guard`) is not used, and
        where the result has no value (None: nowhere).  Codes are interned, so the answer is kept
        per pattern: most formulas of a stage share a few."""
        key = (id(codes), stage, guard)
        hit = self._blanked.get(key)
        if hit is None or hit[0] is not codes:
            inactive = self.inactive(stage, guard)
            out = codes if inactive is None else np.where(inactive, BLANK, codes).astype(np.int32)
            out = shared_if_ok(out)
            hit = self._blanked[key] = (codes, out, None if is_ok(out) else out != OK)
        return hit[1], hit[2]

    # -- preparation
    def _rows_for(self, table, key_text, key: Val) -> np.ndarray:
        cache_key = (table, key_text)
        if cache_key not in self._key_rows:
            t = self.tables[table]
            # a table may resolve keys per scenario row itself (core.analysis: sampled properties)
            own = getattr(t, "rows_for", None)
            factors = text_factors(key) if key.values.dtype == object and not own else None
            if own:
                rows = own(key_text, key.values)
            elif factors is not None:  # each distinct name once
                rows = key_rows(t.key_index(), factors[0])[factors[1]]
            else:
                rows = key_rows(t.key_index(), key.values)
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
        kept = self.previous.inputs if self.previous else {}
        for col in SCENARIOS.columns:
            if col.name in kept and col.name not in self.changed:
                val, blank, log = kept[col.name]
                val = self.replay(val, log)
            else:
                (val, blank), log = self.logged(self._prepare_column, sc, col)
            if col.default is not None:
                self.defaults[col.name] = blank & self.active[col.stage]
            self.inputs[col.name], self.blank[col.name] = val, blank
            self.named[col.name] = self.named[f"scenario.{col.name}"] = val
            self.memory.inputs[col.name] = (val, blank, log)

    def _prepare_column(self, sc, col) -> tuple[Val, np.ndarray]:
        blank = sc.blank_mask(col.name)
        values, factors, allowed = _column_values(col, sc.array(col.name), blank)
        codes = np.zeros(self.size, np.int32)
        if col.default is None and col.required:
            codes[blank] = self.reason(Reason.of("blank_needed", col=col.name, stage=col.stage))
        elif col.default is None:
            codes[blank] = BLANK
        bad = ~blank & ~allowed
        if bad.any():
            codes[bad] = self.reason(Reason.of("outside_domain", col=col.name, domain=domain_of(col)))
        val = Val(values, shared_if_ok(codes))
        if factors is not None:
            val.memo["factors"] = factors
        return val, blank

    def _prepare_assumptions(self):
        given = self.tables["Assumptions"].assumptions()
        self.assumption_values: dict[str, object] = {}
        for key, col in ASSUMPTION_KEYS.items():
            value = given.get(key)
            if value is None:
                value = col.default
                self.assumption_defaults.append(key)
            self.assumption_values[key] = value
            if value is None:  # blank with no default: the formulas say what a blank means
                self.inputs[key] = self.named[key] = Val(np.full(self.size, np.nan), uniform_codes(self.size, BLANK))
                self.blank[key] = np.ones(self.size, bool)
                continue
            # a value is a number, or (core.analysis) an array with one value per scenario
            values = np.full(self.size, value, dtype=float)
            codes = np.zeros(self.size, np.int32)
            bad = ~domain_mask(col, values)
            if bad.any():
                codes[bad] = self.reason(Reason.of("outside_domain", col=key, domain=domain_of(col)))
            self.inputs[key] = self.named[key] = Val(values, shared_if_ok(codes))
            self.blank[key] = np.zeros(self.size, bool)


_COLUMN_VALUES: dict[str, tuple] = {}


def _column_values(col, arr: np.ndarray, blank: np.ndarray):
    """(values with the column's default where blank, text factors, in the column's domain) of a
    scenario column's cells, kept while its cell array is the same (the tables keep it until an
    edit touches the column), so an evaluation does not factorize unchanged text again."""
    hit = _COLUMN_VALUES.get(col.name)
    if hit is not None and hit[0] is arr and hit[1] is blank and hit[2] is col:
        return hit[3:]
    values = arr.copy()
    if col.default is not None:
        values[blank] = col.default
    factors = factorize(values) if col.kind in (CHOICE, REF) and values.dtype == object else None
    allowed = domain_mask(col, values) if factors is None else domain_mask(col, factors[0])[factors[1]]
    values.flags.writeable = False
    if len(arr) <= KEEP_MAX_N:  # one entry per column: what is kept is one table's worth at most
        _COLUMN_VALUES[col.name] = (arr, blank, col, values, factors, allowed)
    return values, factors, allowed


def _distinct(values: np.ndarray) -> list:
    """The distinct values of an array, in order of first appearance."""
    return list(dict.fromkeys(values.tolist()))


def _with_fallback(factors, empty: np.ndarray, fallback: Val):
    """Text factors of a looked-up value where `empty` entries take the fallback's."""
    other = text_factors(fallback) if fallback.values.dtype == object else None
    if factors is None or other is None:
        return None
    return np.concatenate([factors[0], other[0]]), np.where(empty, other[1] + len(factors[0]), factors[1])


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


def resolved_inputs(tables) -> tuple[dict[str, Val], list[str]]:
    """Every scenario column and global assumption as the formulas read it (given value or
    default; codes: OK, BLANK for an optional blank, else an error), and the reason texts."""
    ctx = _Context(tables, REGISTRY)
    return ctx.inputs, ctx.reasons


def evaluate_tables(tables, formulas: dict[str, Formula] = REGISTRY, previous: Results | None = None,
                    changed: set[str] | None = None) -> Results:
    """Evaluate every formula for every scenario of `tables` (a mapping of TableData).

    With `previous` (the results of these tables before an edit) and `changed` (what the edit
    touched, nothing else: scenario columns, assumption keys, names of looked-up tables), only
    what depends on those is evaluated again; the results equal a full evaluation's, reason
    numbers included."""
    memory = previous.memory if previous is not None and changed is not None else None
    if memory is not None and (memory.formulas is not formulas or previous.size != tables["Scenarios"].nrows):
        memory = None
    changed = frozenset(changed or ())
    ctx = _Context(tables, formulas, memory, changed)
    # what may differ from `previous`: the edited names, then each formula that reads one of them
    # (or is of a stage they switch, or guarded by them) and came out different (early cut-off:
    # a formula evaluated again to the same result does not make its readers evaluate again)
    stages = {stage for stage, trigger in STAGE_TRIGGER.items() if trigger in changed}
    touched: set[str] = set(changed)
    values, codes = {}, {}
    with np.errstate(all="ignore"):  # once: entering it per formula costs more than a small ufunc
        for key, f in formulas.items():
            kept = memory.computed.get(key) if memory is not None else None
            if kept is not None and f.stage not in stages and f.guard not in touched \
                    and f.reads.isdisjoint(touched):
                v, log = ctx.replay(*kept), kept[1]
            else:
                v, log = ctx.logged(_evaluate_formula, ctx, key, f)
                if kept is None or not (ctx.same_numbering() and _same_result(kept, v, log)):
                    touched.add(key)
            ctx.named[key] = v
            ctx.memory.computed[key] = (v, log)
            values[key] = v.values
            codes[key] = v.codes  # read-only, and may be shared with other results
    scenario_inputs = {c.name: ctx.inputs[c.name].values for c in SCENARIOS.columns}
    given = {c.name: ~ctx.blank[c.name] for c in SCENARIOS.columns}
    return Results(values, codes, ctx.reasons, ctx.active, ctx.defaults, tuple(ctx.assumption_defaults),
                   frozenset(ctx.quiet_codes), scenario_inputs, given, ctx.assumption_values, ctx.memory,
                   None if memory is None else frozenset(touched & formulas.keys()))


def _same_result(kept: tuple[Val, tuple], v: Val, log: tuple) -> bool:
    """True when a formula evaluated again gave what `kept` holds (values, codes, reasons)."""
    old, old_log = kept
    if old_log != log:
        return False
    if old.values is v.values and old.codes is v.codes:
        return True
    if len(v.codes) > 16 and (old.codes[:16] != v.codes[:16]).any() or not np.array_equal(old.codes, v.codes):
        return False
    if len(v.values) > 16 and v.values.dtype != object and old.values.dtype != object \
            and ((old.values[:16] != v.values[:16]) & ~(np.isnan(old.values[:16]) & np.isnan(v.values[:16]))).any():
        return False  # a glance at the first entries settles most
    if old.values.dtype == object or v.values.dtype == object:
        return old.values.dtype == v.values.dtype and bool(np.all(old.values == v.values))
    return np.array_equal(old.values, v.values, equal_nan=True)


def edited_names(tables, cells) -> set[str]:
    """What evaluate_tables(changed=...) must hear of edited cells (table, row, column): the
    scenario columns, the assumption keys, and the other tables by name."""
    names: set[str] = set()
    for table, row, column in cells:
        if table == "Scenarios":
            names.add(column)
        elif table == "Assumptions":
            key = tables[table].get(row, "key") if column == "value" else None
            names.update([key] if isinstance(key, str) else ASSUMPTION_KEYS)  # a renamed key: all
        else:
            names.add(table)
    return names


def _evaluate_formula(ctx: _Context, key: str, f: Formula) -> Val:
    return _finish(ctx, key, f, expr.compiled(f.tree)(ctx))


def _finish(ctx: _Context, key: str, f: Formula, v: Val) -> Val:
    """A formula's value as results keep it: not finite is an error, an unused stage blank, and
    no value where the code is not ok."""
    vals, c = v.values, v.codes
    text = vals.dtype == object
    if not text:
        if vals.dtype != float:
            vals = vals.astype(float)
        if not math.isfinite(np.add.reduce(vals)):  # a finite sum: every entry is finite
            bad = ~np.isfinite(vals) & (c == OK)
            if bad.any():
                c = np.array(c, np.int32)
                c[bad] = ctx.reason(Reason.of("not_finite", col=key))
                c = shared_if_ok(c)
    if is_ok(c) and ctx.inactive(f.stage, f.guard) is None:
        return v if vals is v.values else Val(vals, c)
    c, blank = ctx.blanked(c, f.stage, f.guard)
    if not text and blank is not None:
        vals = np.where(blank, np.nan, vals)
    return Val(vals, c)


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
    if is_money(col.unit):
        currency = row_currency(t, row)
    return Resolved(value, value is not None, col.unit, currency)


def currency_column(schema) -> str | None:
    """The column of a table saying the currency of its amounts (a choice of currencies)."""
    return next((c.name for c in schema.columns if c.choices == CURRENCIES), None)


def row_currency(t, row: int | None) -> str:
    """The currency of a row's amounts: its currency column, or that column's default."""
    name = currency_column(t.schema)
    if name is None:
        return CURRENCIES[0]
    value = t.get(row, name) if row is not None else None
    return value or t.schema.by_name[name].default
