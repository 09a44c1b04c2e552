"""`llmcost sweep | tornado | montecarlo | buy-vs-rent`: what-if analysis for scripts (no Qt).

    llmcost sweep FILE --scenario S --input COLUMN --from A --to B [--points N] [--log]
                  --output KEY [--json|--csv]
    llmcost tornado FILE --scenario S --output KEY [--swing 0.2] [--json|--csv]
    llmcost montecarlo FILE --scenario S --output KEY [--samples N] [--seed S] [--json|--csv]
    llmcost buy-vs-rent FILE --scenario S [--months 36] [--json|--csv]

A scenario is named exactly, by a case-insensitive unique prefix, or by its number (1, 2…).
People get aligned tables with units and currency; --json and --csv give raw numbers (a value
that is an error in the workbook is null, or blank in CSV).  Bad arguments print a message
(listing the valid names) and exit with status 2.
"""

from __future__ import annotations

import math

from .cli import UsageError, _load
from .cli_output import add_format_options, emit, json_number

# ------------------------------------------------------------------ names, with the valid ones


def pick_scenario(wb, text: str) -> int:
    from .core.choose import NoMatchError, choose

    names = [str(n or "") for n in wb.tables["Scenarios"].data["name"]]
    try:
        return choose(names, text)
    except NoMatchError as exc:
        raise UsageError(str(exc)) from None


def input_label(name: str, lang: str = "en") -> str:
    """'serve_hardware.price' -> 'Serving hardware: Purchase price'."""
    from .core import labels

    if "." in name:
        ref, prop = name.split(".", 1)
        return f"{labels.column_label(ref, lang)}: {labels.column_label(prop, lang)}"
    return labels.column_label(name, lang)


def check_input(name: str) -> None:
    from .core import variants

    if name not in variants.INPUTS:
        lines = [f"  {n:<36} {input_label(n)}" for n in variants.INPUTS]
        raise UsageError(f"unknown input '{name}'; the inputs are:\n" + "\n".join(lines))


def check_output(key: str) -> None:
    from .core import labels
    from .core.formulas import REGISTRY, RESULT_KEYS

    if key not in RESULT_KEYS:
        lines = [f"  {k:<28} {labels.result_label(k)} ({REGISTRY[k].unit or '-'})" for k in RESULT_KEYS]
        raise UsageError(f"unknown output '{key}'; the outputs are:\n" + "\n".join(lines))


# ------------------------------------------------------------------ formatting


def _currency(wb, row: int) -> str:
    from .core.report import scenario_currency

    return scenario_currency(wb, row)


def _unit(key: str) -> str:
    from .core.formulas import REGISTRY

    return REGISTRY[key].unit


def _unit_header(name: str, unit: str, currency: str) -> str:
    from .core.units import with_unit

    return with_unit(name, unit, "en", currency, named=False)


def _out_header(key: str, currency: str) -> str:
    return _unit_header(key, _unit(key), currency)


def _fmt(value, unit: str, currency: str) -> str:
    from .core.units import format_value

    if value is None or not math.isfinite(value):
        return ""
    return format_value(float(value), unit, currency)


def _number(text: str, unit: str, what: str) -> float:
    from .core.units import UnitError, parse_quantity

    try:
        value = parse_quantity(text, unit)
    except UnitError as exc:
        raise UsageError(f"{what}: {exc}") from None
    if not math.isfinite(value):
        raise UsageError(f"{what}: '{text}' is not a finite number")
    return value


def _run(func):
    """Turn the core's AnalysisError into a usage error (exit 2)."""
    from .core import variants

    try:
        return func()
    except variants.AnalysisError as exc:
        raise UsageError(str(exc)) from None


# ------------------------------------------------------------------ commands


def sweep_reasons(wb, row: int, name: str, x, output: str) -> list[str]:
    """Why each point of a sweep has no value ('' where it has one)."""
    import numpy as np

    from .core import variants
    from .core.reasons import Reason, domain_of
    spec = variants.input_spec(name)
    res = variants.evaluate_variants(wb, np.full(len(x), row), {name: np.asarray(x, float)})
    inside = variants.in_domain(spec, np.asarray(x, float))
    out = []
    for i in range(len(x)):
        if not inside[i]:
            out.append(str(Reason.of("outside_domain", col=spec.column.name, domain=domain_of(spec.column))))
        elif res.is_blank(i, output):
            out.append(str(Reason.of("result_not_used", col=output)))
        else:
            out.append(str(res.error(i, output) or ""))
    return out


def cmd_sweep(args) -> int:
    from .core import analysis, variants

    wb = _load(args.workbook)
    row = pick_scenario(wb, args.scenario)
    check_input(args.input)
    check_output(args.output)

    def run():
        spec = variants.input_spec(args.input)
        lo = _number(args.lo, spec.unit, "--from")
        hi = _number(args.hi, spec.unit, "--to")
        return analysis.sweep(wb, row, args.input, lo, hi, args.points, args.log, args.output)

    x, y = _run(run)
    why = sweep_reasons(wb, row, args.input, x, args.output)
    cur, in_cur = _currency(wb, row), variants.input_currency(wb, row, args.input)
    unit, out_unit = variants.input_spec(args.input).unit, _unit(args.output)
    headers = [_unit_header(args.input, unit, in_cur), _out_header(args.output, cur), "note"]
    text = [[_fmt(a, unit, in_cur), _fmt(b, out_unit, cur) or "(error)", w] for a, b, w in zip(x, y, why)]
    raw = [[float(a), json_number(b), w] for a, b, w in zip(x, y, why)]
    data = {"input": args.input, "output": args.output, "currency": cur,
            "x": [json_number(v) for v in x], "y": [json_number(v) for v in y],
            "errors": {str(i): w for i, w in enumerate(why) if w}}
    emit(args, data, [args.input, args.output, "note"] if args.csv else headers, raw, text,
         f"{args.output} of '{wb.tables['Scenarios'].get(row, 'name')}' against {args.input}")
    return 0


def cmd_tornado(args) -> int:
    from .core import analysis, variants

    wb = _load(args.workbook)
    row = pick_scenario(wb, args.scenario)
    check_output(args.output)
    base, bars = _run(lambda: analysis.tornado(wb, row, args.output, args.swing))
    cur, out_unit = _currency(wb, row), _unit(args.output)

    def inp(b, v):
        return _fmt(v, variants.input_spec(b.input).unit, variants.input_currency(wb, row, b.input))

    headers = ["input", "label", "low input", "high input", f"{args.output} at low",
               f"{args.output} at high", "range"]
    text = [[b.input, input_label(b.input), inp(b, b.input_low), inp(b, b.input_high),
             _fmt(b.low, out_unit, cur), _fmt(b.high, out_unit, cur), _fmt(b.impact, out_unit, cur)]
            for b in bars]
    raw = [[b.input, input_label(b.input), b.input_low, b.input_high, b.low, b.high, b.impact] for b in bars]
    data = {"output": args.output, "currency": cur, "base": base, "swing": args.swing,
            "bars": [{"input": b.input, "low": b.low, "high": b.high, "input_low": b.input_low,
                      "input_high": b.input_high} for b in bars]}
    title = (f"{_out_header(args.output, cur)} = {_fmt(base, out_unit, cur)}; "
             f"each input moved ±{args.swing:.0%}")
    emit(args, data, headers, raw, text, title)
    return 0


def cmd_montecarlo(args) -> int:
    from .core import uncertainty

    wb = _load(args.workbook)
    row = pick_scenario(wb, args.scenario)
    check_output(args.output)
    mc = _run(lambda: uncertainty.montecarlo(wb, row, args.output, args.samples, args.seed))
    cur, unit = _currency(wb, row), _unit(args.output)
    stats = [("P10", mc.p10), ("P50", mc.p50), ("P90", mc.p90), ("mean", mc.mean), ("compute", mc.base)]
    data = {"p10": mc.p10, "p50": mc.p50, "p90": mc.p90, "mean": mc.mean}
    if args.json:
        data = {**data, "base": json_number(mc.base), "currency": cur, "samples": len(mc.samples),
                "invalid": mc.invalid, "inputs": list(mc.inputs)}
    title = (f"{args.output} of '{wb.tables['Scenarios'].get(row, 'name')}': {len(mc.samples):,} samples"
             f" ({mc.invalid:,} without a value); varied: {', '.join(mc.inputs)}")
    emit(args, data, ["statistic", _out_header(args.output, cur)],
         [[k, json_number(v)] for k, v in stats], [[k, _fmt(v, unit, cur)] for k, v in stats], title)
    return 0


def cmd_buy_vs_rent(args) -> int:
    from .core import analysis

    wb = _load(args.workbook)
    row = pick_scenario(wb, args.scenario)
    r = _run(lambda: analysis.buy_vs_rent(wb, row, args.months))
    cur = r.currency
    data = {"currency": cur, "months": r.months.tolist(), "rent": r.rent.tolist(), "buy": r.buy.tolist(),
            "break_even_months": r.break_even, "break_even_month": r.break_even_month,
            "rent_upfront": r.rent_upfront, "rent_per_day": r.rent_per_day,
            "buy_upfront": r.buy_upfront, "buy_per_day": r.buy_per_day}
    m = r.break_even
    when = ("buying never costs less within any horizon" if m is None else
            "buying costs no more from the start" if m == 0 else f"buying pays off after {m:.1f} months")
    title = (f"'{wb.tables['Scenarios'].get(row, 'name')}': rent {_fmt(r.rent_upfront, 'money', cur)} up front"
             f" + {_fmt(r.rent_per_day, 'money/day', cur)}; buy {_fmt(r.buy_upfront, 'money', cur)} up front"
             f" + {_fmt(r.buy_per_day, 'money/day', cur)}; {when}")
    headers = ["month", f"rent, cumulative ({cur})", f"buy, cumulative ({cur})", "cheaper"]
    cheaper = ["buy" if b < a else "rent" if a < b else "same" for a, b in zip(r.rent, r.buy)]
    raw = [[int(i), float(a), float(b), c] for i, a, b, c in zip(r.months, r.rent, r.buy, cheaper)]
    text = [[str(i), _fmt(a, "money", cur), _fmt(b, "money", cur), c] for i, a, b, c in raw]
    emit(args, data, headers if not args.csv else ["month", "rent", "buy", "cheaper"], raw, text, title)
    return 0


# ------------------------------------------------------------------ parsers


def _common(p, help_output: str | None) -> None:
    p.add_argument("workbook", help="WORKBOOK.xlsx")
    p.add_argument("--scenario", required=True,
                   help="scenario: its name, a unique case-insensitive prefix, or its number (1, 2…)")
    if help_output:
        p.add_argument("--output", required=True, help=help_output)
    add_format_options(p)


def register(subparsers) -> None:
    """Add the sweep, tornado, montecarlo and buy-vs-rent subcommands to `llmcost`."""
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

    br = subparsers.add_parser("buy-vs-rent", help="cumulative cost of renting against buying")
    _common(br, None)
    br.add_argument("--months", type=whole, default=36, help="horizon in 30-day months (default 36)")
    br.set_defaults(func=cmd_buy_vs_rent)
