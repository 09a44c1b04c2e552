"""Monte Carlo over uncertain inputs: percentiles of a result, and P10–P90 bands for the grid.

Each uncertain input has a low/high range (:class:`Range`), absolute (``train_mfu`` 0.3–0.5) or
relative to the scenario's own value (``daily_users`` ×0.5–×1.5).  Samples are drawn from a
**triangular** distribution on [low, high] whose mode is the scenario's own value (clipped into
the range), so the most likely draw is what the user typed; values are then kept inside the
input's domain (a utilization never exceeds 1, whole numbers stay whole).  Inputs a scenario does
not use (blank stage, no rental offer) are not sampled.  All samples are one evaluation.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from .expr import OK
from .variants import (
    AnalysisError,
    check_output,
    clip_to_domain,
    current_values,
    evaluate_variants,
    input_spec,
    scenario_row,
    stored_values,
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
    # ---- serving latency (#12)
    "prefill_mfu": Range(0.75, 1.25, True, "serving validation: 0.65–0.7 of the A100 16-bit peak, "
                         "0.35–0.45 of the H100 FP8 peak; ±25% around the scenario's value"),
    "tp_sync_us": Range(0.5, 1.5, True, "all-reduce latency depends on the library (NCCL, custom "
                        "all-reduce), NVLink generation and CUDA graphs; ±50%"),
    # ---- end serving latency
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


def montecarlo(wb, scenario, output: str, samples: int = 100_000, seed: int | None = None,
               ranges: dict[str, Range] | None = None) -> MonteCarlo:
    """P10, P50, P90 and mean of `output` with the uncertain inputs drawn from their ranges."""
    check_output(output)
    if not 10 <= samples <= 2_000_000:
        raise AnalysisError(f"samples must be between 10 and 2,000,000 (got {samples})")
    row = scenario_row(wb, scenario)
    ranges = DEFAULT_RANGES if ranges is None else ranges
    rows = np.full(samples, row)
    overrides = sample_inputs(wb, rows, ranges, np.random.default_rng(seed))
    res = evaluate_variants(wb, rows, overrides)
    values = res.values[output].astype(float)
    ok = (res.codes[output] == OK) & np.isfinite(values)
    if not ok.any():
        code = int(np.max(res.codes[output]))
        reason = res.reasons[code] if code > 1 else "not part of this scenario"
        raise AnalysisError(f"{output} has no value in any sample: {reason}")
    good = values[ok]
    p10, p50, p90 = np.percentile(good, [10, 50, 90])
    base = float(wb.results.values[output][row]) if wb.results.codes[output][row] == OK else None
    return MonteCarlo(float(p10), float(p50), float(p90), float(good.mean()), good,
                      int((~ok).sum()), tuple(overrides), base)


def uncertainty_bands(wb, samples: int = 5_000, seed: int = 0, ranges: dict[str, Range] | None = None,
                      keys=None) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """P10 and P90 of each result key for every scenario row (NaN where there is no value), from
    one evaluation of rows × samples variants — for showing the band next to each estimate."""
    from .formulas import RESULT_KEYS

    n = wb.tables["Scenarios"].nrows
    keys = RESULT_KEYS if keys is None else keys
    if n == 0:
        return {k: (np.zeros(0), np.zeros(0)) for k in keys}
    rows = np.repeat(np.arange(n), samples)
    ranges = DEFAULT_RANGES if ranges is None else ranges
    res = evaluate_variants(wb, rows, sample_inputs(wb, rows, ranges, np.random.default_rng(seed)))
    out = {}
    for key in keys:
        values = np.where(res.codes[key] == OK, res.values[key].astype(float), np.nan).reshape(n, samples)
        with warnings.catch_warnings():  # a scenario without this result: all-NaN row
            warnings.simplefilter("ignore", RuntimeWarning)
            lo, hi = np.nanpercentile(values, [10, 90], axis=1)
        out[key] = (lo, hi)
    return out


def uncertainty_band(wb, scenario, output: str, samples: int = 20_000, seed: int = 0,
                     ranges: dict[str, Range] | None = None) -> tuple[float, float] | None:
    """(P10, P90) of one result of one scenario, or None when it has no value."""
    try:
        mc = montecarlo(wb, scenario, output, samples, seed, ranges)
    except AnalysisError:
        return None
    return mc.p10, mc.p90

