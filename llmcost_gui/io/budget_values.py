"""The value stored with each formula of the budget: the app's own evaluation of the same inputs.

A spreadsheet recalculating the file finds the same numbers (tests prove it for LibreOffice,
Gnumeric and the ``formulas`` package); readers that never calculate (file previews, pandas,
``openpyxl(data_only=True)``, Excel's Protected View) see them as they are.  An error of the app is
stored as ``#N/A``; a blank (stage not used, row without a scenario) as an empty text.
"""

from __future__ import annotations

import numpy as np

from ..core.evaluate import key_rows, resolved_inputs
from ..core.expr import BLANK, OK
from ..core.formulas import REGISTRY
from ..core.schema import ASSUMPTION_KEYS, SCENARIOS, STAGE_TRIGGER
from .budget_formulas import IN, RESULTS, ROW_OF, WORKINGS, Layout

ERROR = "#N/A"


def _cells(values, codes, quiet=frozenset()) -> list:
    """Stored values of one column: a number or text, '' for blank (also a blank that keeps a
    reason, `quiet`), #N/A for an error."""
    out = []
    for v, c in zip(values.tolist(), codes.tolist()):
        out.append(v if c == OK else "" if c == BLANK or c in quiet else ERROR)
    return out


def positions(table, keys) -> list:
    """The 1-based row of each name in `table` as the app's lookups find it, #N/A where none.

    The budget's MATCH (letter case ignored) confirmed by EXACT finds the same row, because names
    are unique with letter case ignored (core.rules)."""
    rows = key_rows(table.key_index(), np.asarray(keys, dtype=object))
    return [int(r) + 1 if r >= 0 else ERROR for r in rows.tolist()]


def stored_values(layout: Layout) -> tuple[dict[tuple[str, str], list], dict[str, object]]:
    """((sheet, key) -> stored value per scenario row, assumption key -> stored resolved value)."""
    wb = layout.wb
    inputs, _ = resolved_inputs(wb.tables)
    res = wb.results
    out: dict[tuple[str, str], list] = {}
    names = list(wb.tables["Scenarios"].data["name"])
    out[(WORKINGS, "name")] = out[(RESULTS, "name")] = names
    for column in layout.inputs:
        v = inputs[column]
        out[(WORKINGS, IN + column)] = _cells(v.values, v.codes)
    out[(RESULTS, "currency")] = out[(WORKINGS, IN + "currency")]
    for column in layout.inputs:  # Results shows a stage's inputs only where the stage is used
        col = SCENARIOS.column(column)
        used = res.active[col.stage].tolist() if col.name != STAGE_TRIGGER.get(col.stage) else None
        values = out[(WORKINGS, IN + column)]
        out[(RESULTS, IN + column)] = values if used is None else [v if u else "" for v, u in zip(values, used)]
    for column in layout.matches:
        table = wb.tables[SCENARIOS.column(column).ref]
        out[(WORKINGS, ROW_OF + column)] = positions(table, out[(WORKINGS, IN + column)])
    for key in REGISTRY:
        out[(layout.cell[key][0], key)] = _cells(res.values[key], res.codes[key], getattr(res, "quiet", ()))
    given = wb.tables["Assumptions"].assumptions()
    assumptions = {}
    for key, col in ASSUMPTION_KEYS.items():
        v = inputs[key]
        if len(v.values):
            assumptions[key] = _cells(v.values[:1], v.codes[:1])[0]
        else:  # no scenario to evaluate for
            assumptions[key] = given.get(key, float(col.default))
    return out, assumptions
