"""Monte Carlo: ordered, reproducible percentiles; hand-checked triangular quantiles; bands."""

import numpy as np
import pytest
from conftest import SERVE, TRAIN

from llmcost_gui.core.uncertainty import (
    DEFAULT_RANGES,
    Range,
    montecarlo,
    uncertainty_band,
    uncertainty_bands,
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


def test_bands_for_every_scenario_at_once(default_wb):
    bands = uncertainty_bands(default_wb, samples=2_000, seed=0, keys=("daily_total", "train_cost"))
    lo, hi = bands["daily_total"]
    base = default_wb.results.values["daily_total"]
    assert np.all(lo <= hi)
    row = default_wb.scenario_row(LLAMA)
    assert lo[row] < base[row] < hi[row]
    assert np.isnan(bands["train_cost"][0][row])  # serving only: no training cost
    single = uncertainty_band(default_wb, LLAMA, "daily_total", samples=2_000)
    assert single[0] == pytest.approx(lo[row], rel=0.1) and single[1] == pytest.approx(hi[row], rel=0.1)
    assert uncertainty_band(default_wb, LLAMA, "train_cost") is None
