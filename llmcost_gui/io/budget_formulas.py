"""Where every cell of the budget sits, and the text of its formula.

Every computed cell comes from the core's formula registry through :func:`core.expr.to_excel` and
:class:`BudgetContext`, which maps the expression language's names onto this workbook:

* a scenario input is its cell on the hidden Workings sheet (``in.<column>``) holding the value as
  the app reads it: blank or whitespace-only gives the default (``NA()`` when required, ``""`` when
  optional); a value outside the column's domain gives ``NA()``, as the app refuses it;
* a global assumption is a defined name (``pue``) for its resolved cell on the Workings sheet;
* another formula is a cell of the Results sheet (public results: one row per result, one column
  per scenario, the way a finance model lists line items) or the Workings sheet (one row per
  scenario);
* ``lookup(Models, "params_b", model)`` is ``INDEX`` over the Models column at the row held by the
  Workings cell ``row_of.model``: ``MATCH(key, names, 0)``, kept only when ``EXACT`` confirms the
  name (MATCH ignores case; the app's names are exact).  No array formulas, so Excel 2010+,
  LibreOffice, Gnumeric and the ``formulas`` package evaluate every cell alike.

Formulas of a stage are ``""`` when the stage's trigger input is blank (or the formula's guard
column, such as ``api_offer``, is blank), and every per-scenario
formula is ``""`` for a scenario row whose name is blank: the sheets carry formulas for
:attr:`Layout.slots` scenarios, so a scenario typed under the last one is computed too.
Each formula is rendered once with placeholders for the scenario's Workings row (ROW) and Results
column (COL), and copied to every scenario by text substitution.
"""

from __future__ import annotations

import re

from ..core import expr
from ..core.formulas import REGISTRY, RESULT_KEYS
from ..core.schema import (
    ASSUMPTION_KEYS,
    INT,
    REF,
    SCENARIOS,
    STAGE_TRIGGER,
    STAGES,
    TABLES,
    Column,
)
from ..core.workbook import Workbook
from .xlsx_write import column_letter, column_range

ROW = "\x00"  # placeholder for the scenario's Workings row number in a formula template
COL = "\x01"  # placeholder for the scenario's Results column letter
RESULTS_FIRST_COL = 2  # Results: label and unit columns, then one column per scenario
RESULTS_NAME_ROW, RESULTS_CURRENCY_ROW = 1, 2  # Results: 1-based rows of the scenario's name, currency
SUMMARY, RESULTS, WORKINGS = "Summary", "Results", "Workings"
COMPUTED_SHEETS = (SUMMARY, RESULTS, WORKINGS)  # never read back on import
MIN_SLOTS = 200  # scenario rows carrying formulas, at least
SPARE_SLOTS = 50  # empty scenario rows with formulas below a large workbook's last scenario
IN = "in."  # Workings column of a scenario input as the formulas read it
ROW_OF = "row_of."  # Workings column of the matched row of a reference column
_CELL_LIKE = re.compile(r"^([A-Za-z]{1,3}[0-9]+|[RrCc][0-9]*|[Rr][0-9]+[Cc][0-9]+)$")


WORDS = "words"  # the Assumptions sheet's column of each key in words (written, never read back)


def sheet_columns(wb: Workbook, table: str) -> list[str]:
    """The columns of an input sheet of the budget: the table's, and on Assumptions the key's
    words right after the key."""
    columns = list(wb.tables[table].columns)
    if table == "Assumptions":
        columns.insert(columns.index("key") + 1, WORDS)
    return columns


def slot_subs(count: int) -> list[tuple[str, str]]:
    """(Workings row number, Results column letter) of each scenario slot."""
    if len(_SUBS) < count:
        _SUBS[:] = [(str(i + 2), column_letter(RESULTS_FIRST_COL + i)) for i in range(max(count, 2 * len(_SUBS)))]
    return _SUBS[:count]


_SUBS: list[tuple[str, str]] = []


def literal(value) -> str:
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"'
    return expr.excel_number(float(value))


def blank_test(ref: str) -> str:
    """TRUE when the cell is empty or holds only spaces, tabs or line breaks (the app's blank)."""
    return f'TRIM(CLEAN({ref}))=""'


def bound_conditions(col: Column, ref: str) -> list[str]:
    """Excel tests of a numeric column's bounds and wholeness on `ref` (the value a number)."""
    conds = []
    if col.lo is not None:
        conds.append(f"{ref}{'>' if col.lo_open else '>='}{expr.excel_number(col.lo)}")
    if col.hi is not None:
        conds.append(f"{ref}<={expr.excel_number(col.hi)}")
    if col.kind == INT:
        conds.append(f"INT({ref})={ref}")
    return conds


def validity(col: Column, ref: str) -> str | None:
    """A test that the value is in the column's domain (None: every value is)."""
    if col.kind == "choice":
        return "OR(" + ",".join(f"{ref}={literal(c)}" for c in col.choices) + ")"
    if not col.numeric:
        return None
    conds = bound_conditions(col, ref)
    if not conds:
        return f"ISNUMBER({ref})"
    return f"IF(ISNUMBER({ref}),AND({','.join(conds)}),FALSE)"


def resolve_formula(col: Column, ref: str) -> str:
    """A raw input cell as the app reads it: blank -> default, out of domain -> NA()."""
    if col.default is not None:
        when_blank = literal(col.default)
    else:
        when_blank = "NA()" if col.required else '""'
    valid = validity(col, ref)
    body = ref if valid is None else f"IF({valid},{ref},NA())"
    return f"IF({blank_test(ref)},{when_blank},{body})"


class Layout:
    """Columns of the Results and Workings sheets, and the cell of every name."""

    def __init__(self, wb: Workbook, slots: int | None = None):
        self.wb = wb
        sc = wb.tables["Scenarios"]
        self.nrows = sc.nrows
        default = max(MIN_SLOTS, self.nrows + SPARE_SLOTS)
        self.slots = default if slots is None else max(slots, self.nrows + 1)
        self.scenario_letter = {c: column_letter(i) for i, c in enumerate(sc.columns)}
        self.inputs = tuple(c.name for c in SCENARIOS.columns if c.name != "name")
        self.matches = tuple(c.name for c in SCENARIOS.columns if c.kind == REF)
        self.workings = ("name", *(IN + c for c in self.inputs), *(ROW_OF + c for c in self.matches),
                         *(k for k in REGISTRY if k not in RESULT_KEYS))
        self.cell: dict[str, tuple[str, str]] = {}
        for i, key in enumerate(self.workings):
            if i:
                self.cell[key] = (WORKINGS, column_letter(i))
        self.result_lines = self._result_lines()
        self.result_row = {key: r for kind, key, r in self.result_lines if kind == "key"}
        for key in RESULT_KEYS:
            self.cell[key] = (RESULTS, "")
        # the resolved global assumptions: a block of (key, value) rows right of the Workings columns
        self.assumption_letters = (column_letter(len(self.workings) + 1),
                                   column_letter(len(self.workings) + 2))
        self.assumption_row = {k: i + 2 for i, k in enumerate(ASSUMPTION_KEYS)}
        self.assumption_source = self._assumption_sources()

    def _result_lines(self) -> list[tuple[str, str, int]]:
        """Rows of the Results sheet, stage by stage: a ("section", stage, row) heading, the
        stage's inputs as the formulas read them ("input", column, row), its ("key", key, row)."""
        lines, r = [], RESULTS_CURRENCY_ROW + 1
        for stage in STAGES:
            inputs = [c.name for c in SCENARIOS.columns if c.stage == stage and c.name in self.inputs
                      and c.name != "currency"]
            keys = [k for k in RESULT_KEYS if REGISTRY[k].stage == stage]
            if not inputs and not keys:
                continue
            lines.append(("section", stage, r))
            r += 1
            for kind, names in (("input", inputs), ("key", keys)):
                for name in names:
                    lines.append((kind, name, r))
                    r += 1
        return lines

    def _assumption_sources(self) -> dict[str, str]:
        """Assumption key -> the input cell the app reads: the first row of the key holding a
        value, else the key's first row (blank: the default applies, in the app and here)."""
        value_letter = column_letter(sheet_columns(self.wb, "Assumptions").index("value"))
        rows = self.wb.tables["Assumptions"].assumption_rows()
        return {k: f"Assumptions!${value_letter}${i + 2}" for k, i in rows.items() if k in ASSUMPTION_KEYS}

    def assumption_cell(self, key: str) -> str:
        """Absolute Workings cell of the resolved assumption."""
        return f"{WORKINGS}!${self.assumption_letters[1]}${self.assumption_row[key]}"

    @staticmethod
    def assumption_name(key: str) -> str | None:
        """The defined name of an assumption, or None when the key could be read as a cell."""
        return None if _CELL_LIKE.match(key) else key

    def scenario_ref(self, column: str) -> str:
        return f"Scenarios!${self.scenario_letter[column]}{ROW}"

    def ref(self, key: str, from_sheet: str) -> str:
        """The cell of `key` for the scenario (ROW and COL placeholders), seen from `from_sheet`."""
        sheet, letter = self.cell[key]
        prefix = "" if sheet == from_sheet else f"{sheet}!"
        if sheet == RESULTS:
            return f"{prefix}{COL}${self.result_row[key]}"
        return f"{prefix}${letter}{ROW}"


class BudgetContext:
    """expr.ExcelContext over a :class:`Layout`, for formulas placed on `sheet`."""

    def __init__(self, layout: Layout, sheet: str):
        self.layout = layout
        self.sheet = sheet
        self._match_of = {layout.ref(IN + c, sheet): layout.ref(ROW_OF + c, sheet) for c in layout.matches}

    def name(self, name: str) -> str:
        if name in REGISTRY:
            return self.layout.ref(name, self.sheet)
        base = name.removeprefix("scenario.")
        if base in self.layout.inputs:
            return self.layout.ref(IN + base, self.sheet)
        if base in ASSUMPTION_KEYS:
            return self.layout.assumption_name(base) or self.layout.assumption_cell(base)
        raise expr.ExprError(f"the budget has no cell for {name!r}")

    def is_blank(self, name: str) -> str:
        base = name.removeprefix("scenario.")
        if base in self.layout.scenario_letter:
            return blank_test(self.layout.scenario_ref(base))
        col = ASSUMPTION_KEYS.get(base)
        if col is not None and col.default is None:  # blank means "the formulas decide" (tp_sync_us)
            return blank_test(self.name(base))
        return "FALSE"  # other assumptions always have a value (their default at worst)

    def lookup(self, table: str, column: str, key: str) -> str:
        row = self._match_of.get(key) or match_formula(self.layout.wb, table, key)
        return f"INDEX({column_range(self.layout.wb, table, column)},{row})"


def match_formula(wb: Workbook, table: str, key: str) -> str:
    """1-based position of `key` among the table's names, exact and case-sensitive like the app:
    MATCH finds the name ignoring case, EXACT confirms it (else #N/A); blank -> #N/A."""
    names = column_range(wb, table, TABLES[table].key)
    found = f"MATCH({key},{names},0)"
    return f'IF({key}="",NA(),IF(EXACT(INDEX({names},{found}),{key}),{found},NA()))'


def _guard(text: str, sheet: str) -> str:
    """Blank for a scenario slot without a name (room for scenarios typed later)."""
    name = f"{COL}${RESULTS_NAME_ROW}" if sheet == RESULTS else f"$A{ROW}"
    return f'=IF({name}="","",{text})'


def formula_templates(layout: Layout) -> dict[tuple[str, str], str]:
    """(sheet, key) -> formula text with ROW placeholders, for the Results and Workings sheets."""
    out = {}
    name_ref = layout.scenario_ref("name")
    out[(WORKINGS, "name")] = f'=IF({blank_test(name_ref)},"",{name_ref})'
    out[(RESULTS, "name")] = f"={WORKINGS}!$A{ROW}"
    out[(RESULTS, "currency")] = f"={layout.ref(IN + 'currency', RESULTS)}"
    for column in layout.inputs:  # on Results: blank when the column's stage is not used
        ref = layout.ref(IN + column, RESULTS)
        trigger = STAGE_TRIGGER.get(SCENARIOS.column(column).stage)
        if trigger and trigger != column:
            ref = f'IF({layout.ref(IN + trigger, RESULTS)}="","",{ref})'
        out[(RESULTS, IN + column)] = "=" + ref
    for column in layout.inputs:
        text = resolve_formula(SCENARIOS.column(column), layout.scenario_ref(column))
        out[(WORKINGS, IN + column)] = _guard(text, WORKINGS)
    ctx = {sheet: BudgetContext(layout, sheet) for sheet in (RESULTS, WORKINGS)}
    for column in layout.matches:
        key = layout.ref(IN + column, WORKINGS)
        text = match_formula(layout.wb, SCENARIOS.column(column).ref, key)
        out[(WORKINGS, ROW_OF + column)] = _guard(text, WORKINGS)
    for key, f in REGISTRY.items():
        sheet = layout.cell[key][0]
        text = expr.to_excel(f.tree, ctx[sheet])
        for blank_if in (STAGE_TRIGGER.get(f.stage), getattr(f, "guard", "")):
            if blank_if:  # the stage is not used, or the formula's guard column is blank
                text = f'IF({layout.ref(IN + blank_if, sheet)}="","",{text})'
        out[(sheet, key)] = _guard(text, sheet)
    return out


def assumption_formulas(layout: Layout) -> dict[str, str | float]:
    """Key -> the formula of its resolved value (or the default, when the table lacks the key)."""
    out: dict[str, str | float] = {}
    for key, col in ASSUMPTION_KEYS.items():
        source = layout.assumption_source.get(key)
        if source is None:
            out[key] = '=""' if col.default is None else float(col.default)
        else:
            out[key] = "=" + resolve_formula(col, source)
    return out
