"""Self-host or API: cost per day against daily users, for one scenario.

Self-hosting is the registry's ``serve_cost_per_day`` (a step per whole replica), each API offer
its ``api_cost_per_day`` (a line): both are evaluated, never re-derived, for many daily-user
counts at once (:func:`core.variants.evaluate_variants`).  The offers drawn are the scenario's
own and the other offers for the same model.  Pure numpy: no Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .expr import OK
from .reasons import Reason
from .variants import AnalysisError, evaluate_variants, scenario_row

MAX_OFFERS = 6  # lines on one chart: the scenario's offer and up to five others for its model
MAX_EDGES = 400  # replica edges drawn exactly (beyond that the grid alone draws the steps)


@dataclass(frozen=True)
class ApiComparison:
    """Cost per day (scenario currency) of self-hosting and of each offer along `users`."""

    users: np.ndarray
    self_host: np.ndarray
    offers: tuple[tuple[str, np.ndarray], ...]  # (offer name, cost per day), the chosen one first
    chosen: str | None  # the scenario's api_offer
    scenario_users: float
    breakeven: float | None  # breakeven_daily_users for the chosen offer
    note: Reason | None  # why there is no break-even, when there is none
    replica_cost: float | None
    replica_users: float | None
    currency: str


def _value(wb, row: int, key: str) -> float | None:
    code = int(wb.results.codes[key][row])
    return float(wb.results.values[key][row]) if code == OK else None


def _offers_for(wb, row: int) -> list[str]:
    """The scenario's offer first, then the other offers for the same model."""
    sc = wb.tables["Scenarios"]
    chosen, model = sc.get(row, "api_offer"), sc.get(row, "model")
    offers = wb.tables["ApiOffers"]
    same = [n for n, m in zip(offers.data["name"], offers.data["model"])
            if isinstance(n, str) and n and m == model and n != chosen]
    return ([chosen] if chosen else []) + same[:MAX_OFFERS - (1 if chosen else 0)]


def _grid(hi: float, points: int, step: float | None) -> np.ndarray:
    """Daily users from 1 to `hi`, plus both sides of every replica edge (crisp steps)."""
    x = np.linspace(max(1.0, hi / points), hi, points)
    if step and step > 0 and hi / step <= MAX_EDGES:
        edges = step * np.arange(1, math.floor(hi / step) + 1)
        x = np.concatenate([x, edges * (1 - 1e-9), edges * (1 + 1e-9)])
    return np.unique(x[x <= hi])


def compare(wb, scenario, points: int = 400) -> ApiComparison:
    """Self-hosting and API cost per day of `scenario` for 1 to about twice its daily users
    (further when the break-even lies beyond).  Raises AnalysisError when it cannot be drawn."""
    row = scenario_row(wb, scenario)
    res = wb.results
    if not res.active["serve"][row]:
        raise AnalysisError("serves_no_users")
    offers = _offers_for(wb, row)
    if not offers:
        raise AnalysisError("no_api_offer")
    users = float(wb.tables["Scenarios"].get(row, "daily_users"))
    serve = _value(wb, row, "serve_cost_per_day")
    if serve is None:
        raise AnalysisError("result_failed", col="serve_cost_per_day", why=res.error(row, "serve_cost_per_day"))
    chosen = offers[0] if wb.tables["Scenarios"].get(row, "api_offer") else None
    breakeven = _value(wb, row, "breakeven_daily_users") if chosen else None
    step = _value(wb, row, "replica_daily_users") if chosen else None
    x = _grid(max(2 * users, 1.25 * (breakeven or 0)), points, step)
    src = np.full(len(x) * len(offers), row, np.int64)
    names = np.repeat(np.array(offers, dtype=object), len(x))
    out = evaluate_variants(wb, src, {"daily_users": np.tile(x, len(offers))}, columns={"api_offer": names})
    api = np.where(out.codes["api_cost_per_day"] == OK, out.values["api_cost_per_day"], np.nan)
    self_host = np.where(out.codes["serve_cost_per_day"] == OK, out.values["serve_cost_per_day"], np.nan)
    lines = tuple((name, api[i * len(x):(i + 1) * len(x)]) for i, name in enumerate(offers))
    return ApiComparison(
        users=x, self_host=self_host[:len(x)], offers=lines, chosen=chosen, scenario_users=users,
        breakeven=breakeven, note=res.note(row, "breakeven_daily_users") if chosen else None,
        replica_cost=_value(wb, row, "replica_cost_per_day") if chosen else None,
        replica_users=step, currency=wb.resolved(row, "currency").value)
