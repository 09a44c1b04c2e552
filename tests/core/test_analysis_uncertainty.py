"""Monte Carlo: ordered, reproducible percentiles; hand-checked triangular quantiles; bands."""

import numpy as np
import pytest
from core_data import SERVE, TRAIN

from llmcost_gui.core.uncertainty import (
    DEFAULT_RANGES,
    Range,
    montecarlo,
    scenario_bands,
    uncertainty_band,
)
from llmcost_gui.core.variants import INPUTS, AnalysisError

LLAMA = "Llama 3 70B serving on rented H100"


def test_percentiles_are_ordered_and_reproducible(default_wb):
    a = montecarlo(default_wb, LLAMA, "daily_total", samples=20_000, seed=7)
    b = montecarlo(default_wb, LLAMA, "daily_total", samples=20_000, seed=7)
    c = montecarlo(default_wb, LLAMA, "daily_total", samples=20_000, seed=8)
    assert a.p10 < a.p50 < a.p90
    assert (a.p10, a.p50, a.p90, a.mean) == (b.p10, b.p50, b.p90, b.mean)
    assert a.p50 != c.p50 and a.p50 == pytest.approx(c.p50, rel=0.05)
    assert len(a.samples) == 20_000 and a.invalid == 0
    assert "daily_users" in a.inputs and "train_mfu" not in a.inputs  # no training in this scenario


def test_triangular_quantiles_hand_checked(mini):
    # train_cost ∝ tokens; tokens ~ triangular(0.5, 1, 1.5) × 100B.  P10 of that triangle:
    # (x - 0.5)² / (1 × 0.5) = 0.1  ->  x = 0.5 + √0.05 = 0.7236
    wb = mini(TRAIN)
    base = wb.result(0, "train_cost")
    mc = montecarlo(wb, "T", "train_cost", samples=200_000, seed=1,
                    ranges={"train_tokens_b": Range(0.5, 1.5, relative=True)})
    assert mc.p10 == pytest.approx((0.5 + 0.05 ** 0.5) * base, rel=0.01)
    assert mc.p50 == pytest.approx(base, rel=0.01)
    assert mc.p90 == pytest.approx((1.5 - 0.05 ** 0.5) * base, rel=0.01)
    assert mc.mean == pytest.approx(base, rel=0.01)


def test_a_zero_width_range_gives_the_point_estimate(mini):
    wb = mini(TRAIN)
    mc = montecarlo(wb, "T", "train_cost", samples=100, seed=0, ranges={"train_mfu": Range(0.5, 0.5)})
    assert mc.p10 == mc.p90 == pytest.approx(wb.result(0, "train_cost"))


def test_samples_stay_in_the_inputs_domain(mini):
    wb = mini({**TRAIN, "train_mfu": 0.9})
    # ×0.9–×1.3 of 0.9 reaches 1.17: capped at 1, so the cost never drops below the mfu-1 cost
    mc = montecarlo(wb, "T", "train_cost", samples=5_000, seed=2,
                    ranges={"train_mfu": Range(0.9, 1.3, relative=True)})
    floor = wb.result(0, "train_cost") * 0.9
    assert mc.invalid == 0 and mc.samples.min() >= floor * (1 - 1e-12)
    assert np.isclose(mc.samples, floor).sum() > 100  # the capped draws


def test_default_ranges_name_real_inputs_and_say_why():
    for name, r in DEFAULT_RANGES.items():
        assert name in INPUTS
        assert r.low <= r.high and r.why


def test_bad_arguments(default_wb, mini):
    with pytest.raises(AnalysisError, match="samples"):
        montecarlo(default_wb, LLAMA, "daily_total", samples=1)
    with pytest.raises(AnalysisError, match="unknown output"):
        montecarlo(default_wb, LLAMA, "nope")
    with pytest.raises(AnalysisError, match="no value"):
        montecarlo(mini(SERVE), "S", "train_cost", samples=100)


def test_bands_of_one_scenario_equal_its_montecarlo_percentiles(default_wb):
    keys = ("daily_total", "annual_total", "train_cost")
    bands = scenario_bands(default_wb, LLAMA, keys, samples=3_000, seed=4)
    for key in ("daily_total", "annual_total"):
        mc = montecarlo(default_wb, LLAMA, key, samples=3_000, seed=4)
        assert (bands[key].p10, bands[key].p50, bands[key].p90) == (mc.p10, mc.p50, mc.p90)
    assert bands["daily_total"].p10 < default_wb.result(default_wb.scenario_row(LLAMA), "daily_total") \
        < bands["daily_total"].p90
    assert bands["train_cost"] is None  # serving only: no training cost
    single = uncertainty_band(default_wb, LLAMA, "daily_total", samples=2_000)
    assert single[0] < single[1]
    assert uncertainty_band(default_wb, LLAMA, "train_cost") is None


def test_evaluating_in_chunks_changes_nothing(default_wb, monkeypatch):
    from llmcost_gui.core import uncertainty

    whole = scenario_bands(default_wb, LLAMA, ("daily_total",), samples=2_500, seed=3)
    monkeypatch.setattr(uncertainty, "CHUNK_ROWS", 300)  # 9 evaluations instead of 1
    chunked = scenario_bands(default_wb, LLAMA, ("daily_total",), samples=2_500, seed=3)
    assert chunked == whole
