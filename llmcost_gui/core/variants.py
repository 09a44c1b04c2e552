"""Many variants of scenarios evaluated at once: the engine under sweeps, tornado and Monte Carlo.

A *variant table* is a Scenarios table of n rows, each a copy of some scenario row (``src``) with
chosen numeric inputs replaced (``overrides``: input name -> n values, NaN = blank).  It is
evaluated by the ordinary :func:`evaluate.evaluate_tables` in one vectorized pass, so 100,000
Monte Carlo samples cost one evaluation of 100,000 rows.

Three kinds of numeric input can vary:

* scenario columns (``train_mfu``, ``daily_users``): the variant's own column arrays;
* global assumptions (``pue``, ``usd_cny``): ``assumptions()`` returns an array per varied key;
* properties of a referenced record (``model.params_b``, ``serve_hardware.price``,
  ``serve_price.per_gpu_hour``): the lookup table gets one synthetic row per variant, a copy of
  the record that variant refers to with the property replaced, and resolves the reference
  column's lookups per variant row (``rows_for``), so other references to the same record
  (e.g. the same card used for training) keep the stored value.

No table is copied row by row: every column is built with numpy from the stored arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .cells import domain_mask
from .evaluate import Results, evaluate_tables, key_rows, resolve_lookup
from .reasons import RefusalError
from .schema import ASSUMPTION_KEYS, REF, SCENARIOS, STAGE_TRIGGER, TABLES, Column
from .units import is_money


class AnalysisError(RefusalError):
    """An analysis cannot be done (unknown input or output, no value to vary...): its `reason`."""


@dataclass(frozen=True)
class InputSpec:
    """A numeric input that can be varied: where it lives and its rules."""

    name: str  # "train_mfu", "pue", "serve_hardware.price"
    kind: str  # "scenario", "assumption" or "property"
    column: Column  # the column (of Scenarios, the assumption, or of the looked-up table)
    ref: str = ""  # property: the scenario column holding the reference
    table: str = ""  # property: the looked-up table
    stage: str = "identity"

    @property
    def unit(self) -> str:
        return self.column.unit

    @property
    def integer(self) -> bool:
        return self.column.kind == "int"


def _catalogue() -> dict[str, InputSpec]:
    out: dict[str, InputSpec] = {}
    for col in SCENARIOS.columns:
        if col.numeric:
            out[col.name] = InputSpec(col.name, "scenario", col, stage=col.stage)
    for key, col in ASSUMPTION_KEYS.items():
        out[key] = InputSpec(key, "assumption", col)
    for col in SCENARIOS.columns:
        if col.kind == REF:
            for prop in TABLES[col.ref].columns:
                if prop.numeric:
                    name = f"{col.name}.{prop.name}"
                    out[name] = InputSpec(name, "property", prop, col.name, col.ref, col.stage)
    return out


INPUTS: dict[str, InputSpec] = _catalogue()


def input_spec(name: str) -> InputSpec:
    if name not in INPUTS:
        raise AnalysisError("unknown_input", name=name)
    return INPUTS[name]


def in_domain(spec: InputSpec, values: np.ndarray) -> np.ndarray:
    """True where a value is allowed for the input (range and whole numbers)."""
    return domain_mask(spec.column, np.asarray(values, dtype=float))


def clip_to_domain(spec: InputSpec, values: np.ndarray) -> np.ndarray:
    """Values moved into the input's range (open bounds: just inside); whole numbers rounded."""
    col = spec.column
    v = np.asarray(values, dtype=float).copy()
    if col.hi is not None:
        v = np.minimum(v, col.hi)
    if col.lo is not None:
        floor = col.lo
        if col.lo_open:
            floor = np.nextafter(col.lo, np.inf) if not spec.integer else col.lo + 1
        v = np.maximum(v, floor)
    if spec.integer:
        v = np.round(v)
        if col.lo is not None:
            v = np.maximum(v, np.ceil(col.lo + (1 if col.lo_open else 0)))
    return v


# ------------------------------------------------------------------ stored and current values


def _record_rows(wb, spec: InputSpec, src: np.ndarray) -> np.ndarray:
    names = wb.tables["Scenarios"].array(spec.ref)[src]
    return key_rows(wb.tables[spec.table].key_index(), names)


def stored_values(wb, name: str, src: np.ndarray) -> np.ndarray:
    """The input as stored for each source row (NaN = blank; assumptions: value or default)."""
    spec = input_spec(name)
    src = np.asarray(src, dtype=np.int64)
    if spec.kind == "scenario":
        return wb.tables["Scenarios"].array(name)[src].astype(float)
    if spec.kind == "assumption":  # the value evaluation used: given or default
        value = wb.results.assumptions[name]  # None: blank, the formulas decide (tp_sync_us)
        return np.full(len(src), np.nan if value is None else float(value))
    rows = _record_rows(wb, spec, src)
    table = wb.tables[spec.table]
    if table.nrows == 0:
        return np.full(len(src), np.nan)
    values = table.array(spec.column.name)[np.maximum(rows, 0)].astype(float)
    return np.where(rows < 0, np.nan, values)


def current_values(wb, name: str, rows=None) -> np.ndarray:
    """The value each scenario uses now (defaults filled in); NaN where the input plays no part
    (its stage is not in the scenario, or it is blank without a default)."""
    spec = input_spec(name)
    n = wb.tables["Scenarios"].nrows
    rows = np.arange(n) if rows is None else np.atleast_1d(np.asarray(rows, dtype=np.int64))
    if spec.kind == "scenario":  # as evaluation resolved it: given, else the default
        values = wb.results.inputs[name][rows].astype(float)
    else:
        values = stored_values(wb, name, rows)
    if spec.stage in STAGE_TRIGGER and len(rows):
        active = wb.results.active[spec.stage][rows]
        values = np.where(active, values, np.nan)
    return values


def current_value(wb, row: int, name: str) -> float | None:
    v = float(current_values(wb, name, [row])[0])
    return None if np.isnan(v) else v


# ------------------------------------------------------------------ variant tables


def _repeat(arr: np.ndarray, src: np.ndarray) -> np.ndarray:
    if len(src) and (src == src[0]).all():  # one source row: fill, no per-entry object copies
        out = np.empty(len(src), arr.dtype)
        out.fill(arr[src[0]])
        return out
    return arr[src]


class _VariantScenarios:
    """A Scenarios table of len(src) rows: copies of stored rows with some columns replaced."""

    def __init__(self, base, src: np.ndarray, overrides: dict[str, np.ndarray],
                 columns: dict[str, np.ndarray]):
        self.base, self.src, self.overrides, self.columns = base, src, overrides, columns
        self.nrows = len(src)
        self._cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def _get(self, col: str):
        if col not in self._cache:
            if col in self.columns:
                values = np.asarray(self.columns[col], dtype=object)
                self._cache[col] = (values, np.equal(values, None))
            elif col in self.overrides:
                values = np.asarray(self.overrides[col], dtype=float)
                self._cache[col] = (values, np.isnan(values))
            else:
                self._cache[col] = (_repeat(self.base.array(col), self.src),
                                    _repeat(self.base.blank_mask(col), self.src))
        return self._cache[col]

    def array(self, col: str) -> np.ndarray:
        return self._get(col)[0]

    def blank_mask(self, col: str) -> np.ndarray:
        return self._get(col)[1]

    def key_index(self) -> dict[str, int]:
        return {}


class _VariantAssumptions:
    def __init__(self, base, overrides: dict[str, np.ndarray]):
        self.base, self.overrides = base, overrides

    def assumptions(self) -> dict:
        return {**self.base.assumptions(), **self.overrides}


class _VariantLookup:
    """A lookup table with one synthetic segment of rows per varied reference column."""

    def __init__(self, base, scenarios: _VariantScenarios, props: dict[str, dict[str, np.ndarray]]):
        self.base = base
        self.nrows_base = base.nrows
        n = scenarios.nrows
        self.segments = []  # (reference column, record row per variant, {column: values})
        for ref, columns in props.items():
            rec = key_rows(base.key_index(), scenarios.array(ref))
            self.segments.append((ref, rec, columns))
        self._offset = {ref: self.nrows_base + i * n for i, (ref, _, _) in enumerate(self.segments)}
        self._cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def key_index(self) -> dict[str, int]:
        return self.base.key_index()

    def rows_for(self, key_text: str, names: np.ndarray) -> np.ndarray:
        for ref, rec, _ in self.segments:
            if key_text == ref:
                return np.where(rec < 0, -1, self._offset[ref] + np.arange(len(rec)))
        return key_rows(self.base.key_index(), names)

    def _get(self, col: str):
        if col not in self._cache:
            arrays, blanks = [self.base.array(col)], [self.base.blank_mask(col)]
            for _, rec, columns in self.segments:
                safe = np.maximum(rec, 0)
                if col in columns:
                    values = np.asarray(columns[col], dtype=float)
                    arrays.append(values)
                    blanks.append(np.isnan(values))
                else:
                    arrays.append(arrays[0][safe])
                    blanks.append(blanks[0][safe])
            self._cache[col] = (np.concatenate(arrays), np.concatenate(blanks))
        return self._cache[col]

    def array(self, col: str) -> np.ndarray:
        return self._get(col)[0]

    def blank_mask(self, col: str) -> np.ndarray:
        return self._get(col)[1]


def variant_tables(wb, src, overrides: dict[str, np.ndarray] | None = None,
                   columns: dict[str, np.ndarray] | None = None) -> dict:
    """Tables for evaluate_tables: row i copies scenario src[i], with `overrides` (numeric input
    name -> one value per row; NaN = blank) and `columns` (scenario column -> one stored value
    per row, e.g. procurement; None = blank) applied."""
    src = np.asarray(src, dtype=np.int64)
    overrides = overrides or {}
    by_kind: dict[str, dict] = {"scenario": {}, "assumption": {}}
    props: dict[str, dict[str, dict[str, np.ndarray]]] = {}
    for name, values in overrides.items():
        spec = input_spec(name)
        values = np.asarray(values, dtype=float)
        if values.shape != src.shape:
            raise ValueError(f"{name}: {values.shape} values for {src.shape} rows")
        if spec.kind == "property":
            props.setdefault(spec.table, {}).setdefault(spec.ref, {})[spec.column.name] = values
        else:
            by_kind[spec.kind][name] = values
    tables = dict(wb.tables)
    scenarios = _VariantScenarios(wb.tables["Scenarios"], src, by_kind["scenario"], columns or {})
    tables["Scenarios"] = scenarios
    if by_kind["assumption"]:
        tables["Assumptions"] = _VariantAssumptions(wb.tables["Assumptions"], by_kind["assumption"])
    for table, refs in props.items():
        if wb.tables[table].nrows:
            tables[table] = _VariantLookup(wb.tables[table], scenarios, refs)
    return tables


def evaluate_variants(wb, src, overrides: dict[str, np.ndarray] | None = None,
                      columns: dict[str, np.ndarray] | None = None) -> Results:
    """Evaluate every formula for every variant row at once."""
    return evaluate_tables(variant_tables(wb, src, overrides, columns))


# ------------------------------------------------------------------ addressing


def scenario_row(wb, scenario) -> int:
    """A scenario row from its name or index; AnalysisError when there is none."""
    n = wb.tables["Scenarios"].nrows
    if isinstance(scenario, (int, np.integer)) and not isinstance(scenario, bool):
        if 0 <= scenario < n:
            return int(scenario)
        raise AnalysisError("no_scenario_row", n=int(scenario) + 1)
    index = wb.tables["Scenarios"].key_index()
    if scenario not in index:
        raise AnalysisError("no_scenario_named", name=scenario, names=tuple(wb.scenario_names()[:8]))
    return index[scenario]


def check_output(key: str) -> str:
    from .formulas import RESULT_KEYS

    if key not in RESULT_KEYS:
        raise AnalysisError("unknown_output", name=key, names=tuple(RESULT_KEYS))
    return key


class Snapshot:
    """A copy of a workbook's tables and results that later edits leave alone (what a chart
    sends to the computing process)."""

    def __init__(self, wb):
        from .workbook import TableData

        self.tables = {}
        for name, t in wb.tables.items():
            copy = TableData(t.schema, t.columns)
            copy.data = {c: list(v) for c, v in t.data.items()}
            self.tables[name] = copy
        self.results = wb.results

    def scenario_names(self) -> list[str]:
        return self.tables["Scenarios"].names()

    def resolved(self, row: int, name: str):
        """An input of scenario `row` as evaluation uses it, as :meth:`Workbook.resolved` gives it."""
        from .workbook import Workbook

        return Workbook.resolved(self, row, name)


def input_currency(wb, row: int, name: str) -> str:
    """Currency of a money input in scenario `row` (a card's price_currency, an offer's currency;
    '' for an input that is not money)."""
    spec = input_spec(name)
    if spec.kind != "property" or not is_money(spec.unit):
        return ""
    key = wb.tables["Scenarios"].get(row, spec.ref)
    return resolve_lookup(wb.tables, spec.table, spec.column.name, key).currency
