"""Throughput against latency as the batch grows (the Charts tab's data)."""

import numpy as np
import pytest
from core_data import SERVE, TRAIN

from llmcost_gui.core import serving_curves as sc


def test_curve_points_are_the_scenario_at_each_batch(mini):
    wb = mini({**SERVE, "tpot_target_s": 0.05, "ttft_target_s": 0.1})
    (c,) = sc.throughput_curves(wb, [0], batches=np.array([1.0, 10.0, 100.0]))
    # one card: step = max(weights 2e10 ÷ 5e11, b · (2e10 + 3e6) ÷ 5e13) + b · (20,000 · 150 ÷ 5e11
    # + one prompt token's prefill, (2e12 + 1e8) ÷ 7e13 ÷ 100); at 100 the arithmetic just wins
    b = np.array([1, 10, 100])
    steps = np.maximum(2e10 / 5e11, b * (2e10 + 3e6) / 5e13) + b * (20000 * 150 / 5e11 + (2e12 + 1e8) / 7e13 / 100)
    np.testing.assert_allclose(c.per_user, 1 / steps)
    assert c.per_gpu[1] == pytest.approx(wb.result(0, "output_tokens_per_s_per_gpu"))
    assert c.point == pytest.approx((1 / wb.result(0, "step_s"), wb.result(0, "output_tokens_per_s_per_gpu")))
    assert c.tpot_target_s == 0.05 and c.ttft_target_s == 0.1
    assert np.all(np.diff(c.per_gpu) > 0) and np.all(np.diff(c.per_user) < 0)


def test_curve_stops_where_memory_is_full_and_marks_missed_ttft(mini):
    wb = mini({**SERVE, "serve_tp": 1, "ttft_target_s": 0.07})
    (c,) = sc.throughput_curves(wb, [0], batches=np.array([1.0, 100.0, 1000.0, 6000.0]))
    assert list(c.batch) == [1.0, 100.0, 1000.0]  # 5,333 requests fill the card (test_serving)
    # TTFT = 0.046 s prefill (+ half a step past batch 1): 0.046 + 0.0732 ÷ 2 = 0.083 s at 100
    # misses the 0.07 s target; at 1,000 the step is compute-bound and misses it further
    assert list(c.meets_ttft) == [True, False, False]


def test_scenarios_without_serving_have_no_curve(mini):
    wb = mini(TRAIN, SERVE)
    assert [c.row for c in sc.throughput_curves(wb, [0, 1])] == [1]
    assert sc.serving_rows(wb) == [1]
