"""`llmcost export WORKBOOK.xlsx -o BUDGET.xlsx [--lang en|zh_CN]`: the budget workbook for Excel."""

from __future__ import annotations

from pathlib import Path

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
    p.set_defaults(func=cmd_export)


def cmd_export(args) -> int:
    from .cli import UsageError
    from .io.budget import write_budget
    from .io.records import ImportProblems
    from .io.xlsx_read import read_workbook

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
    write_budget(wb, out, args.lang)
    print(f"wrote {out} ({wb.tables['Scenarios'].nrows} scenarios)")
    return 0
