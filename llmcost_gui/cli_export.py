"""`llmcost export WORKBOOK.xlsx -o BUDGET.xlsx [--lang en|zh_CN] [--plans [--scenario NAME]... [--top N]]`:
the budget workbook for Excel; --plans adds the Plans compared sheet (io/budget_plans.py)."""

from __future__ import annotations

from pathlib import Path

from .cli_output import top_count

LANGS = ("en", "zh_CN")


def register(subparsers) -> None:
    """Add the `export` subcommand."""
    p = subparsers.add_parser(
        "export", help="write the budget workbook (live Excel formulas) for a workbook",
        description="Write BUDGET.xlsx for finance: a Summary (one-off, recurring and unit costs, "
                    "chart, notes), a Results sheet, and the input sheets to edit. Every figure is "
                    "a live formula stored with its value; it recalculates in Excel, LibreOffice "
                    "or Gnumeric, and `llmcost compute BUDGET.xlsx` reads it back.")
    p.add_argument("workbook", help="WORKBOOK.xlsx to read")
    p.add_argument("-o", "--output", required=True, help="BUDGET.xlsx to write")
    p.add_argument("--lang", choices=LANGS, default="en", help="language of the words on every sheet")
    p.add_argument("--plans", action="store_true",
                   help="add a 'Plans compared' sheet: each scenario's cheapest plans that meet its targets "
                        "(llmcost plan), its own plan marked, as stored values")
    p.add_argument("--scenario", action="append", metavar="NAME",
                   help="with --plans: compare this scenario's plans (a name, a unique prefix or a number; "
                        "repeat for more); default: every scenario with a serving, pre-training or "
                        "fine-tuning stage")
    p.add_argument("--top", type=top_count, default=None, metavar="N",
                   help="with --plans: the N cheapest distinct plans of each scenario and stage (default 3)")
    p.set_defaults(func=cmd_export)


def _plan_rows(wb, names: list[str] | None) -> list[int] | None:
    """The rows of the scenarios --scenario names (None: the default choice), each with a stage
    the search plans."""
    from .cli import UsageError
    from .cli_analysis import pick_scenario
    from .core import plan as planning

    if names is None:
        return None
    rows = []
    for text in names:
        row = pick_scenario(wb, text)
        if not any(wb.results.active[s][row] for s in planning.STAGES):
            name = wb.tables["Scenarios"].get(row, "name")
            raise UsageError(f"--scenario {text}: '{name}' has no serving, pre-training or "
                             "fine-tuning stage to plan")
        if row not in rows:
            rows.append(row)
    return rows


def cmd_export(args) -> int:
    from .cli import UsageError
    from .io.budget import write_budget
    from .io.records import ImportProblems
    from .io.xlsx_read import read_workbook

    plans = getattr(args, "plans", False)
    for option, value in (("--scenario", getattr(args, "scenario", None)), ("--top", getattr(args, "top", None))):
        if value is not None and not plans:
            raise UsageError(f"{option} chooses what the Plans compared sheet shows; add --plans")
    out = Path(args.output)
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"{out}: the budget is written as an .xlsx file; give a name ending in .xlsx")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{out}: the folder {folder} does not exist")
    if out.is_dir():
        raise UsageError(f"{out} is a folder")
    source = Path(args.workbook)
    if out.exists() and source.exists() and out.resolve() == source.resolve():
        raise UsageError(f"{out}: refusing to overwrite the workbook being read; choose another name")
    try:
        wb = read_workbook(source)
    except ImportProblems as exc:
        raise UsageError(f"{source}: cannot import:\n{exc}") from None
    rows = _plan_rows(wb, args.scenario) if plans else None
    write_budget(wb, out, args.lang, plans=plans, plan_scenarios=rows, plan_top=args.top if plans else None)
    extra = " and the plans compared" if plans else ""
    print(f"wrote {out} ({wb.tables['Scenarios'].nrows} scenarios{extra})")
    return 0
