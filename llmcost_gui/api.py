"""The workbook from Python, for notebooks and scripts: Qt-free, with pandas tables.

    import llmcost_gui as lc
    book = lc.load("plan.xlsx")            # or lc.new() for the presets
    book.set("Scenarios", "Llama 3 70B serving on rented H100", "daily_users", "2M")
    book.results()["daily_total"]

Every edit is a cell edit of the core (``Workbook.set_cell``): the same parsing ("70B", "45%"),
the same checks, and a ``ValueError`` carrying the cell's message.  pandas is imported when a
table is first asked for.
"""

from __future__ import annotations

import math
from pathlib import Path

from .core.choose import NoMatchError, choose
from .core.workbook import Workbook

__all__ = ["Book", "new", "load"]


def _pd():
    import pandas

    return pandas


class Book:
    """A workbook with live results: read tables as DataFrames, edit cells, analyse scenarios."""

    def __init__(self, workbook: Workbook):
        self.workbook = workbook

    def __repr__(self) -> str:
        return f"<Book: {len(self.scenarios)} scenarios>"

    # ------------------------------------------------------------------ reading
    @property
    def scenarios(self) -> list[str]:
        return self.workbook.scenario_names()

    def results(self, keys=None):
        """DataFrame: index = scenario names, columns = result keys (NaN where blank or an error;
        the reasons are in :meth:`errors`).  Money is in each scenario's `currency` column; text
        results (train_layout, ft_layout) are text columns."""
        from .core.formulas import REGISTRY, RESULT_KEYS
        from .core.report import scenario_records

        keys = tuple(keys or RESULT_KEYS)
        records = scenario_records(self.workbook, keys)
        pd = _pd()
        frame = pd.DataFrame(
            {k: pd.Series([math.nan if r[k] is None else r[k] for r in records],
                          dtype=object if REGISTRY[k].unit == "text" else float) for k in keys})
        frame.index = pd.Index([r["name"] for r in records], name="scenario")
        frame.insert(0, "currency", [r["currency"] for r in records])
        return frame

    def errors(self, lang: str = "en"):
        """DataFrame of why a result has no value (index = scenario, columns = result keys), in
        words of `lang` ("en" or "zh_CN")."""
        from .core.report import scenario_records

        records = scenario_records(self.workbook, lang=lang)
        rows = {r["name"]: r["errors"] for r in records}
        return _pd().DataFrame.from_dict(rows, orient="index").rename_axis("scenario")

    def inputs(self, table: str = "Scenarios"):
        """DataFrame of an input table as stored: index = its names (keys), one column per header."""
        t = self.workbook.tables[self._table(table)]
        key = t.schema.key
        data = {c: list(t.data[c]) for c in t.columns if c != key}
        return _pd().DataFrame(data, index=_pd().Index(list(t.data[key]), name=key))

    # ------------------------------------------------------------------ editing
    def set(self, table: str, row_name: str, column: str, value) -> None:
        """Edit one cell exactly as typing it in the window would ("70B", "45%", "H100").

        Raises ValueError with the cell's message when the value is refused (nothing changes).
        For Assumptions, `row_name` is the key and `column` usually "value"."""
        name = self._table(table)
        t = self.workbook.tables[name]
        row = self._row(name, row_name)
        if column not in t.data:
            raise ValueError(f"{name} has no column '{column}'; the columns are: {', '.join(t.columns)}")
        self.workbook.set_cell(name, row, column, value)

    def _table(self, table: str) -> str:
        tables = list(self.workbook.tables)
        try:
            return tables[choose(tables, table, "table")]
        except NoMatchError as exc:
            raise ValueError(str(exc)) from None

    def _row(self, table: str, row_name) -> int:
        t = self.workbook.tables[table]
        names = [str(n or "") for n in t.data[t.schema.key]]
        try:
            return choose(names, row_name, f"{table} row")
        except NoMatchError as exc:
            raise ValueError(str(exc)) from None

    def _scenario(self, scenario) -> int:
        return self._row("Scenarios", scenario)

    # ------------------------------------------------------------------ analysis
    def sweep(self, scenario, input: str, values, output: str = "daily_total"):  # noqa: A002
        """Series: `output` of one scenario for each value of `input` (units allowed: "1M")."""
        import numpy as np

        from .core import analysis, variants
        from .core.units import parse_quantity

        spec = variants.input_spec(input)
        x = np.array([parse_quantity(v, spec.unit) if isinstance(v, str) else float(v) for v in values])
        curve = analysis.sweep_curves(self.workbook, [self._scenario(scenario)], input, x, output)[0]
        return _pd().Series(curve.y, index=_pd().Index(x, name=input), name=output)

    def tornado(self, scenario, output: str = "daily_total", swing: float = 0.2):
        """DataFrame, biggest impact first: each input moved down and up by `swing` (relative)."""
        from .core import analysis

        _, bars = analysis.tornado(self.workbook, self._scenario(scenario), output, swing)
        rows = [(b.input, b.base_input, b.input_low, b.input_high, b.low, b.high, b.impact) for b in bars]
        cols = ["input", "value", "input_low", "input_high", "low", "high", "impact"]
        return _pd().DataFrame(rows, columns=cols).set_index("input")

    def montecarlo(self, scenario, output: str = "daily_total", samples: int = 100_000,
                   seed: int | None = None):
        """Series of P10, P50, P90, mean and the point estimate under the default input ranges."""
        from .core import uncertainty

        mc = uncertainty.montecarlo(self.workbook, self._scenario(scenario), output, samples, seed)
        base = math.nan if mc.base is None else mc.base
        return _pd().Series({"p10": mc.p10, "p50": mc.p50, "p90": mc.p90, "mean": mc.mean,
                             "compute": base}, name=output)

    def buy_vs_rent(self, scenario, months: int = 36):
        """DataFrame: cumulative cost of renting and of buying at the end of each 30-day month."""
        from .core import analysis

        r = analysis.buy_vs_rent(self.workbook, self._scenario(scenario), months)
        frame = _pd().DataFrame({"rent": r.rent, "buy": r.buy}, index=_pd().Index(r.months, name="month"))
        frame.attrs.update(currency=r.currency, break_even_months=r.break_even)
        return frame

    def plan(self, scenario, stage: str = "serve", top: int | None = None):
        """DataFrame of every plan for one scenario and stage ("serve", "train", "ft" or "all"), one
        row per plan, feasible first and cheapest first (``top``: the first N of each stage).

        Columns: ``stage``; the inputs a plan sets by their column keys (``serve_hardware``,
        ``serve_price``, ``serve_precision``, ``kv_precision``, ``serve_tp``, ``serve_ep``,
        ``batch_size``, ``serve_disagg``; training: ``train_hardware``, ``train_price``,
        ``train_precision``, ``train_gpus``; fine-tuning: ``ft_hardware``, ``ft_price``,
        ``ft_precision``, ``ft_method``); its results (``serve_gpus``, ``serve_cost_per_day``,
        ``cost_per_million_tokens``, ``ttft_s``, ``tpot_s``; ``train_days``, ``train_cost``;
        ``ft_min_gpus``, ``ft_gpu_hours``, ``ft_cost``);
        ``feasible``, ``reason`` (why not), ``pareto`` and ``current`` (the plan the scenario
        holds as typed, added when the search's values do not include it).  Money is in the scenario's currency
        (``frame.attrs["currency"]``); ``attrs["current_rank"]`` is the rank of the scenario as
        typed in each stage (1 = the best); ``attrs["closest"]`` says, when no plan is feasible,
        which target came closest.  Raises ValueError for an unknown scenario or stage."""
        from .core import plan as planning
        from .core.variants import AnalysisError

        row = self._scenario(scenario)
        frames, closest, ranks, evaluated, currency = [], {}, {}, 0, None
        try:
            for s in planning.stages_to_plan(self.workbook, row, stage):
                plans = planning.plan(self.workbook, row, s, top)
                records = plans.records()
                frame = _pd().DataFrame.from_records(records)
                if "reason" not in frame:
                    frame["reason"] = None
                frames.append(frame)
                evaluated += plans.evaluated
                ranks[s] = plans.typed["rank"]
                currency = plans.currency
                if plans.closest is not None:
                    closest[s] = str(plans.closest)
        except AnalysisError as exc:
            raise ValueError(str(exc)) from None
        frame = _pd().concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        last = ("feasible", "reason", "pareto", "current")
        front = ["stage", *(c for c in frame.columns if c not in ("stage", *last)), *last]
        frame = frame[front]
        frame.attrs.update(currency=currency, evaluated=evaluated, closest=closest, current_rank=ranks,
                           scenario=self.scenarios[row])
        return frame

    def apply_plan(self, scenario, plan_row) -> None:
        """Write a plan's inputs (a row of :meth:`plan`, or a dict with its column keys) into the
        scenario as one edit: one recalculation, one undo step in the window."""
        from .core import plan as planning

        record = dict(plan_row.items()) if hasattr(plan_row, "items") else dict(plan_row)
        self.workbook.apply(planning.plan_edit(self.workbook, self._scenario(scenario), record))

    # ------------------------------------------------------------------ files
    def save(self, path: str | Path) -> Path:
        """Write the workbook (.xlsx, the app's own format); replaces `path` like any save."""
        from .io.xlsx_write import write_document

        write_document(self.workbook, path)
        return Path(path)

    def export_budget(self, path: str | Path, lang: str = "en", plans: bool = False,
                      plan_scenarios=None, plan_top: int | None = None) -> Path:
        """Write the budget for Excel (live formulas); lang "en" or "zh_CN".

        ``plans=True`` adds the *Plans compared* sheet: for each scenario with a serving,
        pre-training or fine-tuning stage (or those named in `plan_scenarios`), its `plan_top` (default 3)
        cheapest distinct plans of :meth:`plan`, the chosen one and the scenario's own marked,
        as stored values.  ValueError for an unknown scenario or one with no stage to plan."""
        from .core import plan as planning
        from .io.budget import write_budget

        rows = None
        if plans and plan_scenarios is not None:
            names = [plan_scenarios] if isinstance(plan_scenarios, str) else list(plan_scenarios)
            rows = [self._scenario(s) for s in names]
            for row in rows:
                if not any(self.workbook.results.active[s][row] for s in planning.STAGES):
                    raise ValueError(f"'{self.scenarios[row]}' has no serving, pre-training or "
                                     "fine-tuning stage to plan")
        write_budget(self.workbook, path, lang, plans=plans, plan_scenarios=rows, plan_top=plan_top)
        return Path(path)


def new() -> Book:
    """A book holding the default workbook with every preset scenario."""
    from .io.defaults import default_workbook

    return Book(default_workbook())


def load(path: str | Path) -> Book:
    """A book read from an .xlsx workbook; ValueError naming sheet, row and column if it is bad."""
    from .io.xlsx_read import read_workbook

    return Book(read_workbook(path))
