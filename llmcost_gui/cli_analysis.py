"""`llmcost sweep | tornado | montecarlo`: what-if analysis for scripts (never imports Qt).

    llmcost sweep FILE --scenario NAME --input COLUMN --from A --to B [--points N] [--log]
                  --output KEY [--json]
    llmcost tornado FILE --scenario NAME --output KEY [--swing 0.2] [--json]
    llmcost montecarlo FILE --scenario NAME --output KEY [--samples N] [--seed S] [--json]

JSON goes to stdout; a value that is an error in the workbook is null.  Bad arguments (unknown
scenario, input or output, an empty range...) print a message and exit with status 2.
"""

from __future__ import annotations

import json
import math
import sys

from .cli import UsageError, _load


def _analysis():
    from .core import analysis, uncertainty, variants

    return analysis, uncertainty, variants


def _number(text: str, unit: str, what: str) -> float:
    from .core.units import UnitError, parse_quantity

    try:
        value = parse_quantity(text, unit)
    except UnitError as exc:
        raise UsageError(f"{what}: {exc}") from None
    if not math.isfinite(value):
        raise UsageError(f"{what}: '{text}' is not a finite number")
    return value


def _json_number(v: float) -> float | None:
    return float(v) if math.isfinite(v) else None


def _dump(obj) -> None:
    json.dump(obj, sys.stdout, indent=1, allow_nan=False)
    sys.stdout.write("\n")


def _run(func):
    """Turn the core's AnalysisError into a usage error (exit 2)."""
    _, _, variants = _analysis()
    try:
        return func()
    except variants.AnalysisError as exc:
        raise UsageError(str(exc)) from None


def cmd_sweep(args) -> int:
    analysis, _, variants = _analysis()
    wb = _load(args.workbook)

    def run():
        spec = variants.input_spec(args.input)
        variants.check_output(args.output)
        lo = _number(args.lo, spec.unit, "--from")
        hi = _number(args.hi, spec.unit, "--to")
        return analysis.sweep(wb, args.scenario, args.input, lo, hi, args.points, args.log, args.output)

    x, y = _run(run)
    if args.json:
        _dump({"input": args.input, "output": args.output,
               "x": [_json_number(v) for v in x], "y": [_json_number(v) for v in y]})
    else:
        print(f"{args.input:>16}  {args.output}")
        for a, b in zip(x, y):
            print(f"{a:>16.6g}  {b:.6g}" if math.isfinite(b) else f"{a:>16.6g}  (error)")
    return 0


def cmd_tornado(args) -> int:
    analysis, _, _ = _analysis()
    wb = _load(args.workbook)
    base, bars = _run(lambda: analysis.tornado(wb, args.scenario, args.output, args.swing))
    if args.json:
        _dump({"bars": [{"input": b.input, "low": b.low, "high": b.high} for b in bars]})
    else:
        print(f"{args.output} = {base:.6g}; each input moved ±{args.swing:g}")
        for b in bars:
            print(f"  {b.input:<32} {b.low:>14.6g} {b.high:>14.6g}")
    return 0


def cmd_montecarlo(args) -> int:
    _, uncertainty, _ = _analysis()
    wb = _load(args.workbook)
    mc = _run(lambda: uncertainty.montecarlo(wb, args.scenario, args.output, args.samples, args.seed))
    if args.json:
        _dump({"p10": mc.p10, "p50": mc.p50, "p90": mc.p90, "mean": mc.mean})
    else:
        print(f"{args.output}: P10 {mc.p10:.6g}  P50 {mc.p50:.6g}  P90 {mc.p90:.6g}  "
              f"mean {mc.mean:.6g}  ({len(mc.samples)} samples; varied: {', '.join(mc.inputs)})")
    return 0


def _common(p, help_output: str) -> None:
    p.add_argument("workbook", help="WORKBOOK.xlsx")
    p.add_argument("--scenario", required=True, help="scenario name")
    p.add_argument("--output", required=True, help=help_output)
    p.add_argument("--json", action="store_true", help="JSON on stdout")


def register(subparsers) -> None:
    """Add the sweep, tornado and montecarlo subcommands to `llmcost`."""
    import argparse

    def whole(text):
        try:
            return int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None

    def real(text):
        try:
            return float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None

    sw = subparsers.add_parser("sweep", help="a result against one input over a range")
    _common(sw, "result key to report (e.g. daily_total)")
    sw.add_argument("--input", required=True,
                    help="numeric scenario column, assumption key or reference.column "
                         "(e.g. serve_mfu, pue, serve_hardware.price)")
    sw.add_argument("--from", dest="lo", required=True, help="start of the range (units allowed: 1M)")
    sw.add_argument("--to", dest="hi", required=True, help="end of the range")
    sw.add_argument("--points", type=whole, default=200, help="number of points (default 200)")
    sw.add_argument("--log", action="store_true", help="logarithmic spacing")
    sw.set_defaults(func=cmd_sweep)

    to = subparsers.add_parser("tornado", help="impact of moving each input up and down")
    _common(to, "result key to report")
    to.add_argument("--swing", type=real, default=0.2, help="relative move of each input (default 0.2)")
    to.set_defaults(func=cmd_tornado)

    mc = subparsers.add_parser("montecarlo", help="P10/P50/P90 of a result under uncertain inputs")
    _common(mc, "result key to report")
    mc.add_argument("--samples", type=whole, default=100_000, help="number of samples (default 100000)")
    mc.add_argument("--seed", type=whole, default=None, help="random seed, for reproducible output")
    mc.set_defaults(func=cmd_montecarlo)
