"""`llmcost`: the headless command line (never imports Qt).

    llmcost new -o FILE.xlsx [--force]        write the default workbook with all presets
    llmcost compute FILE.xlsx [--json|--csv]  compute every scenario

More subcommands come from the modules in EXTENSIONS (export, bench, sweep, tornado,
montecarlo, buy-vs-rent, plan, import-model).  Bad input prints a message and exits with status 2;
nothing is written.  A file that exists is never replaced without --force.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

EXIT_BAD_INPUT = 2
EXIT_CLOSED_PIPE = 1
# Subcommands whose -o/--output must not replace an existing file unless --force is given.
GUARDED = ("new", "export")


class UsageError(Exception):
    """Bad arguments or input: printed without a traceback, exit status 2."""


def _load(path: str):
    from .io.records import ImportProblems
    from .io.xlsx_read import read_workbook

    try:
        return read_workbook(path)
    except ImportProblems as exc:
        raise UsageError(f"{path}: cannot import:\n{exc}") from None


def refuse_existing(args) -> None:
    """UsageError when the output of `new`/`export` exists and --force was not given."""
    out = getattr(args, "output", None)
    if args.command not in GUARDED or not out or getattr(args, "force", False):
        return
    if Path(out).exists():
        raise UsageError(f"{out} exists; refusing to overwrite it. Choose another name, "
                         "or add --force to replace it")


def cmd_new(args) -> int:
    from .io.defaults import default_workbook
    from .io.xlsx_write import write_document

    write_document(default_workbook(), args.output)
    print(f"wrote {args.output}")
    return 0


def cmd_compute(args) -> int:
    from .cli_output import dump_json, write_csv
    from .core.formulas import RESULT_KEYS
    from .core.report import scenario_records, text_report

    wb = _load(args.workbook)
    if args.json:
        dump_json({"scenarios": scenario_records(wb)})
    elif args.csv:
        records = scenario_records(wb)
        write_csv(["name", "currency", *RESULT_KEYS],
                  [[r["name"], r["currency"], *(r[k] for k in RESULT_KEYS)] for r in records])
    else:
        sys.stdout.write(text_report(wb))
    return 0


COMMANDS = {"new": cmd_new, "compute": cmd_compute}


def _add_force(parser) -> None:
    if "--force" not in parser._option_string_actions:
        parser.add_argument("-f", "--force", action="store_true",
                            help="replace the output file if it exists")


def build_parser() -> argparse.ArgumentParser:
    from .cli_output import add_format_options

    p = argparse.ArgumentParser(prog="llmcost", description="LLM Cost Workbench, headless.")
    p.add_argument("--version", action="version", version=f"llmcost {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new", help="write the default workbook with all preset scenarios")
    new.add_argument("-o", "--output", required=True, help="FILE.xlsx to write")
    comp = sub.add_parser("compute", help="compute every scenario of a workbook")
    comp.add_argument("workbook", help="WORKBOOK.xlsx")
    add_format_options(comp)
    for module in EXTENSIONS:
        __import__(module, fromlist=["register"]).register(sub)
    for name in GUARDED:
        if name in sub.choices:
            _add_force(sub.choices[name])
    return p


# Modules adding subcommands: each has `register(subparsers)` that sets `func` on its parsers.
EXTENSIONS: tuple[str, ...] = ("llmcost_gui.cli_export", "llmcost_gui.bench", "llmcost_gui.cli_analysis",
                               "llmcost_gui.cli_plan",
                               "llmcost_gui.cli_import")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None) or COMMANDS[args.command]
    try:
        refuse_existing(args)
        code = func(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        from .cli_output import silence_stdout

        silence_stdout()
        return EXIT_CLOSED_PIPE
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
