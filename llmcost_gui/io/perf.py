"""Timing of the budget export and the workbook import at scale (for `llmcost bench`).

The figures depend on the machine; the targets are 1,000 scenarios exported (every formula with its
stored value) in ≤ 2 s and imported in ≤ 1 s.  Nothing here asserts: a benchmark reports.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from ..core.workbook import DeleteRows, InsertRows, Workbook


def scaled_workbook(scenarios: int = 1000) -> Workbook:
    """The default workbook with its presets repeated until it holds `scenarios` scenarios."""
    from .defaults import default_workbook

    wb = default_workbook()
    sc = wb.tables["Scenarios"]
    presets = [sc.row(i) for i in range(sc.nrows)]
    rows = []
    for i in range(max(0, scenarios - sc.nrows)):
        row = dict(presets[i % len(presets)])
        row["name"] = f"{row['name']} #{i + 2}"
        rows.append(row)
    if rows:
        wb.apply(InsertRows("Scenarios", sc.nrows, tuple(rows)))
    elif scenarios < sc.nrows:
        wb.apply(DeleteRows("Scenarios", tuple(range(scenarios, sc.nrows))))
    return wb


def time_export(wb: Workbook, path: str | Path) -> float:
    """Seconds to write the budget workbook of `wb` to `path`."""
    from .budget import write_budget

    t0 = time.perf_counter()
    write_budget(wb, path)
    return time.perf_counter() - t0


def time_import(path: str | Path) -> float:
    """Seconds to import a workbook file and compute every scenario."""
    from .xlsx_read import read_workbook

    t0 = time.perf_counter()
    read_workbook(path)
    return time.perf_counter() - t0


def bench_budget(scenarios: int = 1000, repeat: int = 3) -> dict:
    """Best of `repeat` runs: {"scenarios", "export_s", "import_s"} for the budget workbook."""
    wb = scaled_workbook(scenarios)
    with tempfile.TemporaryDirectory(prefix="llmcost-bench-") as tmp:
        path = Path(tmp) / "budget.xlsx"
        export = min(time_export(wb, path) for _ in range(repeat))
        imported = min(time_import(path) for _ in range(repeat))
    return {"scenarios": wb.tables["Scenarios"].nrows, "export_s": export, "import_s": imported}


def export_seconds(scenarios: int = 1000, repeat: int = 3) -> float:
    """Best time to export the budget of `scenarios` scenarios (goal: ≤ 2 s for 1,000)."""
    wb = scaled_workbook(scenarios)
    with tempfile.TemporaryDirectory(prefix="llmcost-bench-") as tmp:
        return min(time_export(wb, Path(tmp) / "budget.xlsx") for _ in range(repeat))


def import_seconds(scenarios: int = 1000, repeat: int = 3) -> float:
    """Best time to import a budget of `scenarios` scenarios (goal: ≤ 1 s for 1,000)."""
    from .budget import write_budget

    with tempfile.TemporaryDirectory(prefix="llmcost-bench-") as tmp:
        path = Path(tmp) / "budget.xlsx"
        write_budget(scaled_workbook(scenarios), path)
        return min(time_import(path) for _ in range(repeat))
