"""What-if analysis over the formula registry: sensitivity sweeps, tornado and buy vs rent.

Every analysis is one vectorized evaluation of a variant table (:mod:`core.variants`): a sweep
of 200 points is one evaluation of 200 copies of the scenario, a tornado of 40 inputs one of 81
rows.  Nothing here re-implements a formula; results come from the registry.  Monte Carlo lives
in :mod:`core.uncertainty`.  Pure numpy: no Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .expr import BLANK, OK
from .reasons import Reason
from .variants import (
    INPUTS,
    AnalysisError,
    check_output,
    clip_to_domain,
    current_values,
    evaluate_variants,
    in_domain,
    input_spec,
    scenario_row,
    stored_values,
)

__all__ = ["AnalysisError", "Curve", "Bar", "BuyVsRent", "sweep", "sweep_curves", "sweep_points",
           "tornado", "buy_vs_rent", "default_range"]


def outputs(results, key: str) -> np.ndarray:
    """The result per variant row, NaN where it is blank or an error."""
    values = results.values[key].astype(float)
    return np.where(results.codes[key] == OK, values, np.nan)


# ------------------------------------------------------------------ sweeps


def sweep_points(name: str, lo: float, hi: float, points: int = 200, log: bool = False) -> np.ndarray:
    """The x values of a sweep: evenly spaced (or log-spaced); whole numbers for integer inputs."""
    spec = input_spec(name)
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo >= hi:
        raise AnalysisError("range_order", lo=float(lo), hi=float(hi))
    if points < 2:
        raise AnalysisError("sweep_points")
    if log and lo <= 0:
        raise AnalysisError("log_sweep")
    x = np.geomspace(lo, hi, points) if log else np.linspace(lo, hi, points)
    if spec.integer:
        x = np.unique(np.round(x))
    return x


@dataclass(frozen=True)
class Curve:
    """One scenario's output along a sweep (y is NaN where the result is an error)."""

    row: int
    name: str
    x: np.ndarray
    y: np.ndarray
    current_x: float | None  # the input's value in the scenario now
    current_y: float | None  # the output now (= compute)


def sweep_curves(wb, rows, name: str, x: np.ndarray, output: str) -> list[Curve]:
    """The output of each scenario row in `rows` as `name` runs through `x`: one evaluation."""
    check_output(output)
    spec = input_spec(name)
    rows = [int(r) for r in rows]
    x = np.asarray(x, dtype=float)
    if not rows or not len(x):
        return []
    src = np.repeat(np.asarray(rows, dtype=np.int64), len(x))
    values = np.tile(x, len(rows))
    y = outputs(evaluate_variants(wb, src, {name: values}), output)
    y = np.where(in_domain(spec, values), y, np.nan)
    now_x = current_values(wb, name, rows)
    sc = wb.tables["Scenarios"]
    curves = []
    for i, row in enumerate(rows):
        cx = None if np.isnan(now_x[i]) else float(now_x[i])
        cy = wb.results.values[output][row]
        cy = float(cy) if wb.results.codes[output][row] == OK else None
        curves.append(Curve(row, str(sc.get(row, "name")), x, y[i * len(x):(i + 1) * len(x)], cx, cy))
    return curves


def sweep(wb, scenario, name: str, lo: float, hi: float, points: int = 200, log: bool = False,
          output: str = "daily_total") -> tuple[np.ndarray, np.ndarray]:
    """x and y of `output` against input `name` over [lo, hi] for one scenario."""
    row = scenario_row(wb, scenario)
    x = sweep_points(name, lo, hi, points, log)
    curve = sweep_curves(wb, [row], name, x, output)[0]
    return curve.x, curve.y


def default_range(wb, row: int, name: str) -> tuple[float, float]:
    """A sensible sweep range: half to double the current value, kept inside the input's domain."""
    spec = input_spec(name)
    now = current_values(wb, name, [row])[0]
    others = current_values(wb, name)
    others = others[np.isfinite(others) & (others != 0)]
    if (np.isnan(now) or now == 0) and len(others):  # not used here: span the other scenarios
        lo, hi = clip_to_domain(spec, np.array([others.min() / 2, others.max() * 2]))
        return float(lo), float(hi)
    if np.isnan(now) or now == 0:
        hi = spec.column.hi if spec.column.hi is not None else 1.0
        return float(hi / 100), float(hi)
    lo, hi = clip_to_domain(spec, np.array([now / 2, now * 2]))
    if lo >= hi:  # e.g. a fraction already at its cap
        lo = clip_to_domain(spec, np.array([now / 2]))[0]
        hi = now
    return float(lo), float(hi)


# ------------------------------------------------------------------ tornado


@dataclass(frozen=True)
class Bar:
    """Output with one input moved down (`low`) and up (`high`) by the swing."""

    input: str
    low: float
    high: float
    input_low: float
    input_high: float
    base_input: float

    @property
    def impact(self) -> float:
        return abs(self.high - self.low)


def tornado(wb, scenario, output: str, swing: float = 0.2, inputs=None) -> tuple[float, list[Bar]]:
    """(base output, bars) with every numeric input that affects `output` moved by ±swing
    (relative, kept in its domain: a utilization stops at 1), sorted by |high - low|."""
    check_output(output)
    if not 0 < swing < 1:
        raise AnalysisError("swing_range", n=float(swing))
    row = scenario_row(wb, scenario)
    if wb.results.codes[output][row] != OK:
        raise AnalysisError(_why(wb, row, output))
    base = float(wb.results.values[output][row])
    candidates = []
    for name in inputs or INPUTS:
        now = current_values(wb, name, [row])[0]
        if np.isnan(now) or now == 0:
            continue
        spec = input_spec(name)
        lo, hi = clip_to_domain(spec, np.array([now * (1 - swing), now * (1 + swing)]))
        if lo != now or hi != now:
            candidates.append((name, float(now), float(lo), float(hi)))
    if not candidates:
        return base, []
    n = 2 * len(candidates)
    overrides = {}
    for i, (name, _, lo, hi) in enumerate(candidates):
        values = overrides.get(name)
        if values is None:
            values = overrides[name] = stored_values(wb, name, np.full(n, row))
        values[2 * i], values[2 * i + 1] = lo, hi
    y = outputs(evaluate_variants(wb, np.full(n, row), overrides), output)
    bars = []
    for i, (name, now, lo, hi) in enumerate(candidates):
        low, high = y[2 * i], y[2 * i + 1]
        low = base if lo == now else low
        high = base if hi == now else high
        if not (np.isfinite(low) and np.isfinite(high)):
            continue
        tol = 1e-12 * max(abs(base), 1e-300)
        if abs(low - base) > tol or abs(high - base) > tol:
            bars.append(Bar(name, float(low), float(high), lo, hi, now))
    bars.sort(key=lambda b: b.impact, reverse=True)
    return base, bars


def _why(wb, row: int, key: str) -> Reason:
    name = wb.tables["Scenarios"].get(row, "name")
    if wb.results.is_blank(row, key):
        return Reason.of("not_in_scenario", col=key, name=name)
    return Reason.of("no_value_scenario", col=key, name=name, why=wb.results.error(row, key))


# ------------------------------------------------------------------ buy vs rent

WRITE_OFF_FREE_YEARS = 1e12  # depreciation over 10^12 years: the owned daily cost without write-off


@dataclass(frozen=True)
class BuyVsRent:
    """Cumulative cost at the end of each month (index 0 = up front), in the scenario currency."""

    months: np.ndarray
    rent: np.ndarray
    buy: np.ndarray
    break_even: float | None  # months (fractional) until buying has cost no more; None: never
    break_even_month: int | None  # first month-end within the horizon where buy <= rent
    currency: str
    rent_upfront: float
    rent_per_day: float
    buy_upfront: float
    buy_per_day: float


def buy_vs_rent(wb, scenario, months: int = 36) -> BuyVsRent:
    """Renting against buying over `months` 30-day months, from the registry's own results.

    The scenario is evaluated three times in one pass: procurement=rent; procurement=buy; and
    buy with the write-off removed (depreciation over 10^12 years), which leaves the owned
    running cost (energy and operations).  Renting pays training and fine-tuning bills up front
    and the rented serving fleet per day.  Buying pays the cards (capex_total: training cluster
    and serving fleet) and the training energy up front, fine-tuning at the owned GPU-hour rate
    (the registry buys no fine-tuning cluster), then the fleet's running cost per day.
    """
    if not 1 <= months <= 1200:
        raise AnalysisError("months_range", n=months)
    row = scenario_row(wb, scenario)
    src = np.full(3, row)
    proc = {"procurement": np.array(["rent", "buy", "buy"], dtype=object)}
    dep = stored_values(wb, "depreciation_years", src)
    dep[2] = WRITE_OFF_FREE_YEARS
    res = evaluate_variants(wb, src, {"depreciation_years": dep}, columns=proc)

    def get(key: str, i: int) -> float:
        code = res.codes[key][i]
        if code == OK:
            return float(res.values[key][i])
        if code == BLANK:  # the stage is not part of the scenario: nothing to pay
            return 0.0
        what = ("when_renting", "when_buying", "when_buying")[i]
        raise AnalysisError("result_failed_when", col=key, what=Reason(what), why=res.reasons[code])

    if not (res.active["serve"][0] or res.active["train"][0] or res.active["ft"][0]):
        raise AnalysisError("nothing_to_pay")
    rent_upfront = get("train_cost", 0) + get("ft_cost", 0)
    rent_day = get("serve_cost_per_day", 0)
    buy_upfront = get("capex_total", 1) + get("train_energy_cost", 1) + get("ft_cost", 1)
    buy_day = get("serve_cost_per_day", 2)
    m = np.arange(months + 1)
    rent = rent_upfront + 30.0 * m * rent_day
    buy = buy_upfront + 30.0 * m * buy_day
    if buy_upfront <= rent_upfront:
        exact = 0.0
    elif rent_day > buy_day:
        exact = (buy_upfront - rent_upfront) / (30.0 * (rent_day - buy_day))
    else:
        exact = None
    month = None
    if exact is not None and math.ceil(exact - 1e-9) <= months:
        month = int(math.ceil(exact - 1e-9))
    currency = wb.resolved(row, "currency").value
    return BuyVsRent(m, rent, buy, exact, month, currency, rent_upfront, rent_day, buy_upfront, buy_day)
