"""How the CLI prints: aligned tables for people, JSON or CSV for machines, quiet on a closed pipe."""

from __future__ import annotations

import csv
import json
import math
import os
import sys


def json_number(v) -> float | None:
    """A float for JSON; None for NaN or infinity (JSON has neither)."""
    return float(v) if v is not None and math.isfinite(v) else None


def dump_json(obj) -> None:
    json.dump(obj, sys.stdout, indent=1, allow_nan=False)
    sys.stdout.write("\n")


def write_csv(headers: list[str], rows: list[list]) -> None:
    """Plain CSV: raw numbers (blank for none), no units."""
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(headers)
    for row in rows:
        out.writerow(["" if v is None or (isinstance(v, float) and math.isnan(v)) else v
                      for v in row])


def _numeric(text: str) -> bool:
    t = text.strip().lstrip("-+$¥").rstrip("%")
    return bool(t) and (t[0].isdigit() or t.startswith("."))


def render(headers: list[str], rows: list[list[str]]) -> str:
    """Columns padded to their widest cell; numbers right-aligned, words left-aligned."""
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    right = [bool(rows) and all(_numeric(r[i]) or not r[i] for r in rows) for i in range(len(headers))]

    def line(cells):
        return "  ".join(c.rjust(w) if r else c.ljust(w)
                         for c, w, r in zip(cells, widths, right)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)]) + "\n"


def emit(args, data, headers: list[str], raw_rows: list[list], text_rows: list[list[str]],
         title: str = "") -> None:
    """--json: `data`; --csv: headers and raw rows; else the title and an aligned table."""
    if getattr(args, "json", False):
        dump_json(data)
    elif getattr(args, "csv", False):
        write_csv(headers, raw_rows)
    else:
        if title:
            sys.stdout.write(title.rstrip() + "\n\n")
        sys.stdout.write(render(headers, text_rows))


def add_format_options(parser) -> None:
    """--json | --csv (the default is a table for people)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="JSON on stdout")
    group.add_argument("--csv", action="store_true", help="CSV on stdout (raw numbers)")


def silence_stdout() -> None:
    """After a closed pipe (`llmcost ... | head`): send what is left to /dev/null, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):  # not a real file (e.g. captured in tests)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit


def top_count(text: str) -> int:
    """argparse type of --top: a whole number, at least 1."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("--top must be at least 1")
    return value
