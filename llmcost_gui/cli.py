"""`llmcost`: the headless command line (never imports Qt).

    llmcost new -o FILE.xlsx            write the default workbook with all presets
    llmcost compute FILE.xlsx [--json]  compute every scenario
"""

from __future__ import annotations

import argparse
import json
import sys

from . import __version__

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad arguments or input: printed without a traceback, exit status 2."""


def _load(path: str):
    from .io.records import ImportProblems
    from .io.xlsx_read import read_workbook

    try:
        return read_workbook(path)
    except ImportProblems as exc:
        raise UsageError(f"{path}: cannot import:\n{exc}") from None


def cmd_new(args) -> int:
    from .io.defaults import default_workbook
    from .io.xlsx_write import write_document

    write_document(default_workbook(), args.output)
    print(f"wrote {args.output}")
    return 0


def cmd_compute(args) -> int:
    from .core.report import scenario_records, text_report

    wb = _load(args.workbook)
    if args.json:
        json.dump({"scenarios": scenario_records(wb)}, sys.stdout, indent=1, allow_nan=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text_report(wb))
    return 0


COMMANDS = {"new": cmd_new, "compute": cmd_compute}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="llmcost", description="LLM Cost Workbench, headless.")
    p.add_argument("--version", action="version", version=f"llmcost {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new", help="write the default workbook with all preset scenarios")
    new.add_argument("-o", "--output", required=True, help="FILE.xlsx to write")
    comp = sub.add_parser("compute", help="compute every scenario of a workbook")
    comp.add_argument("workbook", help="WORKBOOK.xlsx")
    comp.add_argument("--json", action="store_true", help="JSON on stdout")
    for module in EXTENSIONS:
        __import__(module, fromlist=["register"]).register(sub)
    return p


# Modules adding subcommands: each has `register(subparsers)` that sets `func` on its parsers.
EXTENSIONS: tuple[str, ...] = ("llmcost_gui.cli_export", "llmcost_gui.bench", "llmcost_gui.cli_analysis")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None) or COMMANDS[args.command]
    try:
        return func(args)
    except UsageError as exc:
        print(f"llmcost: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"llmcost: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":  # pragma: no cover
    # run the package's module, not this __main__ copy, so that extensions' UsageError is caught
    from llmcost_gui.cli import main as _main

    sys.exit(_main())
