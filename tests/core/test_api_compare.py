"""The self-host-or-API comparison drawn by the chart: registry values along daily users."""

import math

import numpy as np
import pytest
from core_data import SERVE, make_wb

from llmcost_gui.core.api_compare import compare
from llmcost_gui.core.variants import AnalysisError


def test_steps_lines_and_marks_come_from_the_registry():
    wb = make_wb({**SERVE, "api_offer": "A"}, {**SERVE, "name": "no offer"})
    r = compare(wb, "S")
    assert r.chosen == "A" and [n for n, _ in r.offers] == ["A"]  # AC has no model: not drawn
    assert r.scenario_users == 86400 and r.users[-1] == pytest.approx(2 * 86400)
    # offer A: 1 request a user a day at (100 · 1 + 100 · 2) / 1e6 USD = 0.0003 USD a user a day
    assert np.allclose(r.offers[0][1], 0.0003 * r.users, rtol=1e-12)
    # self-hosting: 57.6 USD a day per GPU, a step per replica of the users one replica serves
    rg, g = wb.result(0, "replica_gpus"), wb.result(0, "gpu_seconds_per_request")
    step = r.replica_users
    assert math.isclose(step, rg * 0.5 / g * 86400 / 2, rel_tol=1e-9)
    expected = 57.6 * rg * np.maximum(1, np.ceil(r.users / step))
    assert np.allclose(r.self_host, expected, rtol=1e-9)
    assert r.breakeven is None and "never costs less" in str(r.note)


def test_scenario_without_offer_or_serving_is_refused_with_the_reason():
    wb = make_wb({**SERVE, "model": "MoE"}, {"name": "T", "model": "M"})
    with pytest.raises(AnalysisError, match="API offer"):
        compare(wb, 0)
    with pytest.raises(AnalysisError, match="Daily users"):
        compare(wb, "T")
