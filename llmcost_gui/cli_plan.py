"""`llmcost plan`: the cheapest card, offer, precision and layout that meets a scenario's targets.

    llmcost plan FILE --scenario S [--stage serve|train|ft|all] [--top N] [--json|--csv]

Every plan the workbook allows is evaluated (core/plan.py), feasible plans first, cheapest
first.  --json prints ``{"scenario": NAME, "stage": STAGE, "plans": [...]}``, each plan naming
the inputs it sets and its results by their keys (and ``as_typed``: the scenario's own plan with
its ``rank``; a serving plan's ``mixed`` is true for a mixed fleet, prefill on another card than
decode, listed only where it beats every single-card plan, and ``mixed_gain`` names the best
one's cards and its saving over the cheapest single-card plan); --csv one row per plan.  People get the best
plans as a table (the first 20 unless --top says) and the reasons the others fail.  When no
plan meets the targets the plans are still printed, a message names the target that came
closest, and the exit status is 2.
"""

from __future__ import annotations

import sys

from .cli import EXIT_BAD_INPUT, UsageError, _load
from .cli_analysis import pick_scenario
from .cli_output import add_format_options, dump_json, render, top_count, write_csv

SHOWN_TO_PEOPLE = 20


def _inputs_and_results(stage: str) -> tuple[list[str], list[str]]:
    from .core import plan as planning

    spec = planning.STAGES[stage]
    inputs = [spec.hardware, spec.price, *spec.dimensions, *spec.extra]
    results = [*spec.shown, *spec.also]  # training: train_gpus is a result (given, or from the deadline)
    return inputs, results


def _text_table(plans, records: list[dict], limit: int | None) -> str:
    from .core.formulas import REGISTRY
    from .core.units import format_value

    inputs, results = _inputs_and_results(plans.stage)
    headers = ["#", *inputs, *results, "pareto", "same", "why not"]
    if plans.stage == "serve":
        headers.insert(-3, "mixed")
    rows, outcome = [], None
    for i, r in enumerate(records, 1):
        same = (r["feasible"], r.get("reason"), *(r[k] for k in results))
        if same == outcome:  # another layout with the very same figures: counted, not repeated
            rows[-1][-2] = str(int(rows[-1][-2] or 1) + 1)
            continue
        if limit is not None and len(rows) >= limit:
            break
        outcome = same
        cells = [str(i)]
        cells += ["" if r[k] is None else str(r[k]) for k in inputs]
        for k in results:
            v = r[k]
            cells.append("" if v is None else format_value(v, REGISTRY[k].unit, plans.currency))
        cells.append("*" if r["pareto"] else "")
        if plans.stage == "serve":
            cells.append("mixed" if r.get("mixed") else "")
        cells.append("")
        cells.append(r.get("reason", ""))
        rows.append(cells)
    return render(headers, rows)


def _summary(plans) -> str:
    from .core import labels

    lines = [f"'{plans.scenario}', {plans.stage}: {plans.evaluated:,} plans evaluated, "
             f"{plans.feasible_count:,} meet the targets; money in {plans.currency}; '*': on the Pareto "
             "front; 'same': plans with the very same figures"]
    if plans.stage == "serve" and plans.mixed_tried:
        if plans.mixed_gain is None:
            lines.append(f"{plans.mixed_tried:,} mixed fleets (prefill on another card) tried; none "
                         "beats every single-card plan")
        else:
            prefill, decode, gain = plans.mixed_gain
            lines.append(f"A mixed fleet — prefill on {prefill}, decode on {decode} — beats every "
                         "single-card plan" + (f" by {gain:.0%}" if gain is not None else
                                               " (none meets the targets)")
                         + f"; {int(plans.mixed.sum()):,} of {plans.mixed_tried:,} mixed fleets tried "
                         "do (marked 'mixed')")
    if plans.typed is not None:
        r, i = plans.typed, plans.typed["rank"]
        cost = plans.cost_key
        best = plans.record(0)
        lines.append(f"The scenario as typed is plan #{i:,}: {_money(r[cost], cost, plans.currency)}"
                     + ("" if r["feasible"] else f" ({r['reason']})")
                     + (f"; the cheapest feasible plan costs {_money(best[cost], cost, plans.currency)}"
                        if best["feasible"] and i != 1 else ""))
    if plans.families:
        lines.append("Why the others fail (card, offer: reason, plans):")
        for card, offer, why, count in plans.families[:8]:
            where = f"{card}, {offer}" if offer else str(card)
            lines.append(f"  {where}: {labels.reason(why)} ({count:,})")
        if len(plans.families) > 8:
            lines.append(f"  … {len(plans.families) - 8} more")
    return "\n".join(lines) + "\n"


def _money(value, key: str, currency: str) -> str:
    from .core.formulas import REGISTRY
    from .core.units import format_value

    return "no value" if value is None else format_value(value, REGISTRY[key].unit, currency)


def cmd_plan(args) -> int:
    from .core import plan as planning
    from .core.variants import AnalysisError

    wb = _load(args.workbook)
    row = pick_scenario(wb, args.scenario)
    try:
        found = [planning.plan(wb, row, s, args.top) for s in planning.stages_to_plan(wb, row, args.stage)]
    except AnalysisError as exc:
        raise UsageError(str(exc)) from None
    records = [r for p in found for r in p.records()]
    name = wb.tables["Scenarios"].get(row, "name")
    if args.json:
        dump_json({"scenario": name, "stage": args.stage, "currency": found[0].currency,
                   "evaluated": sum(p.evaluated for p in found), "plans": records,
                   "as_typed": [p.typed for p in found],
                   "mixed_tried": sum(p.mixed_tried for p in found),
                   "mixed_gain": next(({"prefill_hardware": p.mixed_gain[0], "serve_hardware": p.mixed_gain[1],
                                        "saving": p.mixed_gain[2]} for p in found if p.mixed_gain), None)})
    elif args.csv:
        keys = ["stage"]
        for p in found:
            inputs, results = _inputs_and_results(p.stage)
            keys += [k for k in (*inputs, *results) if k not in keys]
        keys += ["feasible", "pareto", "current", *(["mixed"] if "serve" in [p.stage for p in found] else []),
                 "reason"]
        write_csv(keys, [[r.get(k) for k in keys] for r in records])
    else:
        for p in found:
            limit = args.top if args.top is not None else SHOWN_TO_PEOPLE
            sys.stdout.write(_summary(p) + "\n")
            sys.stdout.write(_text_table(p, p.records(), limit))
            sys.stdout.write("(--top N shows the best N, --csv every plan)\n")
            sys.stdout.write("\n")
    missing = [p for p in found if p.closest is not None]
    if missing:
        sys.stdout.flush()
        for p in missing:
            print(f"llmcost: {p.stage}: {p.closest}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def register(subparsers) -> None:
    """Add `llmcost plan`."""
    p = subparsers.add_parser("plan", help="the cheapest card, offer, precision and layout meeting the targets")
    p.add_argument("workbook", help="WORKBOOK.xlsx")
    p.add_argument("--scenario", required=True,
                   help="scenario: its name, a unique case-insensitive prefix, or its number (1, 2…)")
    p.add_argument("--stage", choices=("serve", "train", "ft", "all"), default="serve",
                   help="serve (default), train (pre-training), ft (fine-tuning), or all the "
                        "scenario's stages")
    p.add_argument("--top", type=top_count, default=None, help="only the N best plans of each stage")
    add_format_options(p)
    p.set_defaults(func=cmd_plan)
