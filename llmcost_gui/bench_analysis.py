"""Timings of the what-if analyses for `llmcost bench` (kept out of the core: they load the
default workbook from io)."""

from __future__ import annotations

import math
import time

import numpy as np

from .core.analysis import default_range, evaluate_variants, outputs, stored_values
from .core.uncertainty import montecarlo
from .io.defaults import default_workbook


def bench_sweeps(wb=None, sweeps: int = 5, points: int = 200, repeat: int = 5) -> float:
    """Best wall time in ms of `sweeps` sweeps of `points` points (one evaluation, as the chart
    does it) over the first scenario with serving."""
    wb = wb or default_workbook()
    row = first_row_with(wb, "serve")
    names = ["daily_users", "serve_mfu", "output_tokens", "usd_cny", "serve_hardware.price"][:sweeps]
    best = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        src = np.full(points * len(names), row)
        overrides = {}
        for i, name in enumerate(names):
            lo, hi = default_range(wb, row, name)
            values = overrides.setdefault(name, stored_values(wb, name, src))
            values[i * points:(i + 1) * points] = np.linspace(lo, hi, points)
        outputs(evaluate_variants(wb, src, overrides), "daily_total")
        best = min(best, (time.perf_counter() - t0) * 1000)
    return best


def bench_montecarlo(wb=None, samples: int = 100_000, repeat: int = 3) -> float:
    """Best wall time in ms of a Monte Carlo of `samples` samples with the default ranges."""
    wb = wb or default_workbook()
    row = first_row_with(wb, "serve")
    best = math.inf
    for seed in range(repeat):
        t0 = time.perf_counter()
        montecarlo(wb, row, "daily_total", samples=samples, seed=seed)
        best = min(best, (time.perf_counter() - t0) * 1000)
    return best


def first_row_with(wb, stage: str) -> int:
    """The first scenario row where `stage` is part of the scenario (0 when none)."""
    active = np.flatnonzero(wb.results.active[stage])
    return int(active[0]) if len(active) else 0


PLAN_SCENARIO = "Llama 3 70B serving on rented H100"
PLAN_AT_LEAST = 5000


def bench_plan(wb=None, repeat: int = 5) -> float:
    """Best wall time in ms of finding the serving plan of the Llama 3 70B preset: every offer ×
    precision × KV precision × TP × batch cap × disaggregation (11,840 plans on the default
    workbook; at least PLAN_AT_LEAST, else the figure is refused), and the mixed fleets tried
    against them (10,296: prefill on another card)."""
    from .core.plan import plan

    wb = wb or default_workbook()
    best, count = math.inf, 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        count = plan(wb, PLAN_SCENARIO).evaluated
        best = min(best, (time.perf_counter() - t0) * 1000)
    if count < PLAN_AT_LEAST:
        raise ValueError(f"only {count} plans: the figure is for at least {PLAN_AT_LEAST}")
    return best


def plans_per_second(wb=None) -> float:
    """Plans evaluated per second by bench_plan's search."""
    from .core.plan import plan

    wb = wb or default_workbook()
    return plan(wb, PLAN_SCENARIO).evaluated / (bench_plan(wb, repeat=3) / 1000)
