"""Property tests: proportionality, monotonicity, and no input in its domain makes evaluation raise."""

import math

from core_data import SERVE, TRAIN, make_wb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llmcost_gui.core import labels
from llmcost_gui.core.formulas import REGISTRY
from llmcost_gui.core.reasons import Reason
from llmcost_gui.core.schema import CHOICE, INT, NUMBER, REF, SCENARIOS

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)


@FAST
@given(tokens=positive, k=st.floats(min_value=0.01, max_value=100))
def test_training_cost_proportional_to_tokens(tokens, k):
    wb = make_wb({**TRAIN, "train_tokens_b": tokens}, {**TRAIN, "name": "k", "train_tokens_b": tokens * k})
    a, b = wb.result(0, "train_cost"), wb.result(1, "train_cost")
    assert math.isclose(b, a * k, rel_tol=1e-9)


@FAST
@given(users=st.lists(st.floats(min_value=1, max_value=1e9), min_size=2, max_size=8),
       batch=st.integers(min_value=1, max_value=256))
def test_serve_gpus_never_decrease_with_users(users, batch):
    users = sorted(users)
    wb = make_wb(*[{**SERVE, "name": f"u{i}", "daily_users": u, "batch_size": batch} for i, u in enumerate(users)])
    gpus = [wb.result(i, "serve_gpus") for i in range(len(users))]
    assert gpus == sorted(gpus)
    assert all(g >= wb.result(0, "replica_gpus") for g in gpus)


def _column_value(col):
    if col.kind == CHOICE:
        return st.one_of(st.none(), st.sampled_from(col.choices))
    if col.kind == REF:
        names = {"Models": ["M", "MoE", "ghost"], "Hardware": ["H", "C", "ghost"], "Prices": ["P", "PC", "ghost"],
                 "ApiOffers": ["A", "AC", "ghost"]}
        return st.one_of(st.none(), st.sampled_from(names[col.ref]))
    if col.kind in (NUMBER, INT):
        lo = col.lo if col.lo is not None else -1e12
        hi = col.hi if col.hi is not None else 1e12
        if col.lo_open:
            lo = max(lo, 0) + 1e-9
        num = st.floats(min_value=lo, max_value=hi, allow_nan=False, allow_infinity=False)
        if col.kind == INT:
            num = st.integers(min_value=int(math.ceil(lo)), max_value=min(int(hi), 10**9)).map(float)
        return st.one_of(st.none(), num)
    return st.none()


scenario_rows = st.fixed_dictionaries(
    {c.name: _column_value(c) for c in SCENARIOS.columns if c.name != "name"})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(scenario_rows, min_size=1, max_size=6))
def test_no_input_in_domain_makes_evaluation_raise(rows):
    wb = make_wb(*[{**r, "name": f"s{i}"} for i, r in enumerate(rows)])
    res = wb.results
    for key in REGISTRY:
        for i in range(len(rows)):
            reason = res.error(i, key)
            if reason is None:
                value = res.value(i, key)
                assert isinstance(value, str) if REGISTRY[key].unit == "text" else math.isfinite(value), key
            else:
                assert isinstance(reason, Reason) and labels.reason(reason, "zh_CN")
