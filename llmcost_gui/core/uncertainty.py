"""Monte Carlo over uncertain inputs: percentiles of a result, and P10–P90 bands for the grid.

Each uncertain input has a low/high range (:class:`Range`), absolute (``train_mfu`` 0.3–0.5) or
relative to the scenario's own value (``daily_users`` ×0.5–×1.5).  Samples are drawn from a
**triangular** distribution on [low, high] whose mode is the scenario's own value (clipped into
the range), so the most likely draw is what the user typed; values are then kept inside the
input's domain (a utilization never exceeds 1, whole numbers stay whole).  Inputs a scenario does
not use (blank stage, no rental offer) are not sampled.  All samples are one evaluation.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from .evaluate import evaluate_tables
from .expr import OK
from .expr import names as expr_names
from .reasons import NOT_USED, Reason
from .schema import REF
from .variants import (
    AnalysisError,
    check_output,
    clip_to_domain,
    current_values,
    input_spec,
    scenario_row,
    stored_values,
    variant_tables,
)


@dataclass(frozen=True)
class Range:
    """Low/high of an uncertain input; `relative`: multiples of the scenario's own value."""

    low: float
    high: float
    relative: bool = False
    why: str = ""

    def bounds(self, current: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if self.relative:
            return current * self.low, current * self.high
        return np.full_like(current, self.low), np.full_like(current, self.high)


_PRICES = ("prices.csv: A100 80GB offers run 1.39–5.07 USD/h and H100 SXM 2.69–6.88 after the 2025 "
           "cuts; ±40% spans cheaper providers and the big clouds")

DEFAULT_RANGES: dict[str, Range] = {
    "train_mfu": Range(0.30, 0.50, why="training-runs.csv: OPT-175B 0.47, PaLM 0.462, GPT-4 reports "
                       "0.32–0.36; Narayanan et al. 2021 0.45"),
    "ft_mfu": Range(0.20, 0.40, why="around the 0.3 default: fine-tuning runs smaller batches and "
                    "shorter sequences than pre-training (no published runs in the reference data)"),
    "serve_mfu": Range(0.75, 1.25, True, "decode arithmetic efficiency depends on kernels and batching; "
                       "±25% around the scenario's value"),
    "bandwidth_eff": Range(0.85, 1.15, True, "decode reaches 70–90% of peak bandwidth in practice "
                           "(serving validation: 0.75 fits best); ±15% around the scenario's value"),
    # serving latency
    "prefill_mfu": Range(0.75, 1.25, True, "serving validation: 0.65–0.7 of the A100 16-bit peak, "
                         "0.35–0.45 of the H100 FP8 peak; ±25% around the scenario's value"),
    "tp_sync_us": Range(0.5, 1.5, True, "all-reduce latency depends on the library (NCCL, custom "
                        "all-reduce), NVLink generation and CUDA graphs; ±50%"),
    "train_price.per_gpu_hour": Range(0.6, 1.4, True, _PRICES),
    "ft_price.per_gpu_hour": Range(0.6, 1.4, True, _PRICES),
    "serve_price.per_gpu_hour": Range(0.6, 1.4, True, _PRICES),
    "train_hardware.price": Range(0.8, 1.2, True, "card street prices move ±20% with supply and "
                                  "volume discounts"),
    "serve_hardware.price": Range(0.8, 1.2, True, "card street prices move ±20% with supply and "
                                  "volume discounts"),
    "electricity_per_kwh": Range(0.07, 0.13, why="US EIA 2023: about 0.08 USD/kWh industrial, 0.127 "
                                 "commercial (assumptions.csv)"),
    "usd_cny": Range(7.0, 7.3, why="PBoC central parity stayed about 7.1–7.2 CNY per USD in "
                     "2024–2025"),
    "daily_users": Range(0.5, 1.5, True, "traffic forecasts made before launch are rarely better "
                         "than ±50%"),
    "requests_per_user": Range(0.7, 1.3, True, "usage per user varies ±30% between products and "
                               "months"),
    "peak_factor": Range(0.8, 1.25, True, "the peak-to-average ratio depends on the users' time "
                         "zones"),
    "input_tokens": Range(0.7, 1.3, True, "prompt length varies ±30% with the use case and "
                          "retrieved context"),
    "output_tokens": Range(0.7, 1.3, True, "answer length varies ±30% with the use case"),
    "train_tokens_b": Range(0.9, 1.1, True, "the data budget is set in advance; ±10% for "
                            "filtering and deduplication"),
    "ft_tokens_b": Range(0.8, 1.2, True, "company documents shrink or grow ±20% after cleaning"),
}


def sample_inputs(wb, rows: np.ndarray, ranges: dict[str, Range], rng: np.random.Generator
                  ) -> dict[str, np.ndarray]:
    """Overrides for variant rows copying scenario `rows`: one triangular draw per row and input."""
    overrides = {}
    for name, rng_range in ranges.items():
        spec = input_spec(name)
        now = current_values(wb, name, rows)
        used = ~np.isnan(now)
        if not used.any():
            continue
        lo, hi = rng_range.bounds(np.where(used, now, 0.0))
        lo, hi = np.minimum(lo, hi), np.maximum(lo, hi)
        mode = np.clip(now, lo, hi)
        draw = np.where(hi > lo, _triangular(rng, lo, mode, hi), lo)
        values = stored_values(wb, name, rows)
        values[used] = clip_to_domain(spec, draw[used])
        overrides[name] = values
    return overrides


def _triangular(rng, lo, mode, hi):
    """Triangular draws by inverse CDF (vectorized over differing bounds; equal bounds allowed)."""
    u = rng.random(len(lo))
    width = np.where(hi > lo, hi - lo, 1.0)
    split = (mode - lo) / width
    with np.errstate(invalid="ignore", divide="ignore"):
        left = lo + np.sqrt(u * width * (mode - lo))
        right = hi - np.sqrt((1 - u) * width * (hi - mode))
    return np.where(u < split, left, right)


DEFAULT_SAMPLES = 100_000  # the Uncertainty chart's and the summary strip's sample count
DEFAULT_SEED = 0
CHUNK_ROWS = 20_000  # sampled rows per evaluation: bounds memory; numpy releases the GIL inside


@dataclass(frozen=True)
class MonteCarlo:
    """Percentiles of one result over the samples that have a value."""

    p10: float
    p50: float
    p90: float
    mean: float
    samples: np.ndarray  # the valid samples, for a histogram
    invalid: int  # samples whose result was an error
    inputs: tuple[str, ...]  # the inputs that were sampled
    base: float | None  # the point estimate (compute)


@dataclass(frozen=True)
class Band:
    """P10, P50 and P90 of one result of one scenario."""

    p10: float
    p50: float
    p90: float


@dataclass
class _Sampled:
    """Every sample's value of some results of one scenario (NaN where the sample failed)."""

    values: dict[str, np.ndarray]
    reasons: dict[str, Reason]  # result -> why a sample failed (the first failure seen)
    inputs: tuple[str, ...]


def formulas_for(keys) -> Mapping:
    """The registry's formulas `keys` need (themselves and what they read), in its order; the
    same read-only mapping for the same keys (evaluation keeps its work per mapping)."""
    return _formulas_for(tuple(keys))


@functools.lru_cache(maxsize=64)
def _formulas_for(keys: tuple[str, ...]) -> Mapping:
    from .formulas import REGISTRY

    needed, todo = set(), list(keys)
    while todo:
        key = todo.pop()
        if key not in needed:
            needed.add(key)
            todo.extend(n for n in expr_names(REGISTRY[key].tree) if n in REGISTRY)
    return MappingProxyType({k: f for k, f in REGISTRY.items() if k in needed})


def _sample(wb, row: int, keys, samples: int, seed: int | None, ranges) -> _Sampled:
    """Draw the uncertain inputs once, then evaluate the samples CHUNK_ROWS at a time."""
    if not 10 <= samples <= 2_000_000:
        raise AnalysisError("samples_range", n=samples)
    ranges = DEFAULT_RANGES if ranges is None else ranges
    overrides = sample_inputs(wb, np.full(samples, row), ranges, np.random.default_rng(seed))
    values = {k: np.full(samples, np.nan) for k in keys}
    reasons: dict[str, str] = {}
    formulas, varied, res = formulas_for(keys), _varied(overrides), None
    for start in range(0, samples, CHUNK_ROWS):
        stop = min(samples, start + CHUNK_ROWS)
        part = {name: v[start:stop] for name, v in overrides.items()}
        # chunks differ only in the sampled inputs: what does not depend on them is kept
        res = evaluate_tables(variant_tables(wb, np.full(stop - start, row), part), formulas, res, varied)
        for key in keys:
            v = res.values[key].astype(float)
            ok = (res.codes[key] == OK) & np.isfinite(v)
            values[key][start:stop] = np.where(ok, v, np.nan)
            if not ok.all() and key not in reasons:
                code = int(np.max(res.codes[key]))
                reasons[key] = res.reasons[code] if code > 1 else NOT_USED
    return _Sampled(values, reasons, tuple(overrides))


def _varied(overrides) -> set[str]:
    """The sampled inputs as evaluate_tables names what changed: columns, assumptions, tables."""
    return {spec.table if spec.kind == "property" else name
            for name, spec in ((name, input_spec(name)) for name in overrides)}


def montecarlo(wb, scenario, output: str, samples: int = DEFAULT_SAMPLES, seed: int | None = None,
               ranges: dict[str, Range] | None = None) -> MonteCarlo:
    """P10, P50, P90 and mean of `output` with the uncertain inputs drawn from their ranges."""
    check_output(output)
    row = scenario_row(wb, scenario)
    drawn = _sample(wb, row, (output,), samples, seed, ranges)
    values = drawn.values[output]
    good = values[~np.isnan(values)]
    if not len(good):
        raise AnalysisError("no_value_in_samples", col=output, why=drawn.reasons[output])
    p10, p50, p90 = np.percentile(good, [10, 50, 90])
    base = float(wb.results.values[output][row]) if wb.results.codes[output][row] == OK else None
    return MonteCarlo(float(p10), float(p50), float(p90), float(good.mean()), good,
                      len(values) - len(good), drawn.inputs, base)


def scenario_bands(wb, scenario, keys, samples: int = DEFAULT_SAMPLES, seed: int | None = DEFAULT_SEED,
                   ranges: dict[str, Range] | None = None) -> dict[str, Band | None]:
    """P10/P50/P90 of several results of one scenario from one set of samples (None: no value).

    The draws are those of :func:`montecarlo` with the same samples, seed and ranges, so each
    band equals that function's percentiles for the same result."""
    for key in keys:
        check_output(key)
    drawn = _sample(wb, scenario_row(wb, scenario), tuple(keys), samples, seed, ranges)
    out: dict[str, Band | None] = {}
    for key in keys:
        good = drawn.values[key][~np.isnan(drawn.values[key])]
        out[key] = Band(*(float(p) for p in np.percentile(good, [10, 50, 90]))) if len(good) else None
    return out


def uncertainty_band(wb, scenario, output: str, samples: int = 20_000, seed: int = 0,
                     ranges: dict[str, Range] | None = None) -> tuple[float, float] | None:
    """(P10, P90) of one result of one scenario, or None when it has no value."""
    try:
        mc = montecarlo(wb, scenario, output, samples, seed, ranges)
    except AnalysisError:
        return None
    return mc.p10, mc.p90


def dependency_key(wb, scenario: int) -> tuple:
    """Everything the results of scenario row `scenario` read: its own cells, the records it
    names (and the records those name), and the assumptions.  Equal keys, equal results: a cache
    of one scenario's bands stays valid exactly as long as its key does not change."""
    parts: list[tuple] = []
    todo, seen = [("Scenarios", scenario)], {("Scenarios", scenario)}
    while todo:
        table, row = todo.pop()
        t = wb.tables[table]
        parts.append((table, tuple(t.data[c][row] for c in t.columns)))
        for col in t.schema.columns:
            if col.kind != REF:
                continue
            name = t.data[col.name][row]
            found = wb.tables[col.ref].key_index().get(name) if isinstance(name, str) else None
            if found is None:
                parts.append((col.ref, name, None))  # names nothing (yet)
            elif (col.ref, found) not in seen:
                seen.add((col.ref, found))
                todo.append((col.ref, found))
    a = wb.tables["Assumptions"]
    parts.append(("Assumptions", tuple(zip(a.data["key"], a.data["value"]))))
    return tuple(parts)
