"""Evaluation after an edit reuses what the edit did not touch, and equals a full evaluation;
the compiled expressions' shortcuts (shared codes, text factors) give what plain numpy gives."""

import pickle

import numpy as np
from core_data import FT, SERVE, TRAIN, make_wb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import _column_value

from llmcost_gui.core import expr, vals
from llmcost_gui.core.cells import InputError
from llmcost_gui.core.evaluate import evaluate_tables
from llmcost_gui.core.formulas import REGISTRY
from llmcost_gui.core.schema import REF, SCENARIOS, STAGE_TRIGGER
from llmcost_gui.core.vals import BLANK, OK, Val


def assert_same_results(got, want):
    assert got.reasons == want.reasons
    assert got.quiet == want.quiet
    for key in want.values:
        np.testing.assert_array_equal(got.codes[key], want.codes[key], err_msg=key)
        np.testing.assert_array_equal(got.values[key], want.values[key], err_msg=key)
    for name in want.defaults:
        np.testing.assert_array_equal(got.defaults[name], want.defaults[name], err_msg=name)
    for name in want.inputs:
        np.testing.assert_array_equal(got.given[name], want.given[name], err_msg=name)


COLUMNS = [c for c in SCENARIOS.columns if c.name != "name"]
# stage switches, guards and references change which formulas apply: drawn more often
SWITCHES = [c for c in COLUMNS if c.name in {*STAGE_TRIGGER.values(), *(f.guard for f in REGISTRY.values())}
            or c.kind == REF]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), steps=st.integers(min_value=1, max_value=6))
def test_edits_give_what_a_full_evaluation_gives(data, steps):
    """Stage switches, guards, references, errors that appear and go: reasons numbered alike."""
    wb = make_wb(TRAIN, FT, SERVE, {**SERVE, "name": "S2", "api_offer": "A"})
    for _ in range(steps):
        col = data.draw(st.sampled_from(COLUMNS) | st.sampled_from(SWITCHES))
        row = data.draw(st.integers(min_value=0, max_value=3))
        try:
            wb.set_cell("Scenarios", row, col.name, data.draw(_column_value(col)))
        except InputError:
            continue
        assert_same_results(wb.results, evaluate_tables(wb.tables))


def _record_edit(data, wb):
    """(table, row, column, value) of a cell of a looked-up table or an assumption value."""
    table = data.draw(st.sampled_from(["Models", "Hardware", "Prices", "ApiOffers", "Assumptions"]))
    t = wb.tables[table]
    row = data.draw(st.integers(min_value=0, max_value=t.nrows - 1))
    if table == "Assumptions":
        col = t.cell_column(row, "value")
        return table, row, "value", data.draw(_column_value(col))
    col = data.draw(st.sampled_from([c for c in t.schema.columns if c.name != t.schema.key]))
    return table, row, col.name, data.draw(_column_value(col))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), steps=st.integers(min_value=1, max_value=5))
def test_edits_of_records_and_assumptions_give_what_a_full_evaluation_gives(data, steps):
    wb = make_wb(TRAIN, FT, {**SERVE, "api_offer": "A"}, {**SERVE, "name": "S2", "serve_hardware": "C"})
    for _ in range(steps):
        try:
            wb.set_cell(*_record_edit(data, wb))
        except InputError:
            continue
        assert_same_results(wb.results, evaluate_tables(wb.tables))


def test_an_edit_evaluates_only_what_depends_on_it():
    wb = make_wb(TRAIN, SERVE)
    before = wb.results
    wb.set_cell("Scenarios", 0, "train_mfu", 0.25)
    after = wb.results
    assert after.values["train_days"][0] == before.values["train_days"][0] * 2
    assert after.values["serve_gpus"] is before.values["serve_gpus"]  # kept, not evaluated
    assert after.values["train_days"] is not before.values["train_days"]
    assert_same_results(after, evaluate_tables(wb.tables))
    wb.set_cell("Assumptions", 2, "value", 2.0)  # pue
    assert wb.results.values["serve_gpus"] is before.values["serve_gpus"]
    assert_same_results(wb.results, evaluate_tables(wb.tables))


def test_switching_a_stage_or_a_guard_blanks_its_formulas():
    wb = make_wb(TRAIN, {**SERVE, "api_offer": "A"})
    for col, value in [("train_tokens_b", None), ("api_offer", None), ("train_tokens_b", 50.0),
                       ("api_offer", "AC")]:
        wb.set_cell("Scenarios", 0 if col.startswith("train") else 1, col, value)
        assert_same_results(wb.results, evaluate_tables(wb.tables))
    assert wb.results.is_blank(0, "train_cost") is False


def test_a_new_error_renumbers_kept_reasons():
    """An input error registered before the kept formulas' reasons shifts their numbers."""
    wb = make_wb(TRAIN, {**SERVE, "serve_price": None, "procurement": "rent"})
    wb.set_cell("Scenarios", 0, "train_hardware", None)  # a required input goes blank
    assert_same_results(wb.results, evaluate_tables(wb.tables))
    wb.set_cell("Scenarios", 0, "train_hardware", "H")
    assert_same_results(wb.results, evaluate_tables(wb.tables))


def test_results_pickle_without_what_the_next_evaluation_reuses():
    wb = make_wb(TRAIN)
    copy = pickle.loads(pickle.dumps(wb.results))
    assert copy.memory is None and wb.results.memory is not None
    np.testing.assert_array_equal(copy.values["train_days"], wb.results.values["train_days"])


def test_factorize_finds_each_distinct_value_once():
    values = np.array(["H", None, "C", "H", np.nan, None], dtype=object)
    uniques, inverse = vals.factorize(values)
    assert list(uniques[:3]) == ["H", None, "C"]
    assert [uniques[i] for i in inverse[:4]] == ["H", None, "C", "H"]
    assert inverse[5] == 1
    assert vals.factorize(np.array([str(i) for i in range(vals.MAX_FACTORS + 1)], dtype=object)) is None
    assert vals.factorize(np.array([], dtype=object))[0].size == 0


@given(st.lists(st.sampled_from(["fp8", "bf16", None, "", 3.0]), min_size=1, max_size=40),
       st.sampled_from(["fp8", "bf16", "int8"]))
def test_equal_mask_is_plain_comparison(items, label):
    values = np.empty(len(items), object)
    values[:] = items
    want = np.asarray(values == label, dtype=bool)
    np.testing.assert_array_equal(vals.equal_mask(Val(values, vals.ok_codes(len(items))), label), want)


codes = st.lists(st.integers(min_value=0, max_value=5), min_size=3, max_size=3)


@given(codes, codes)
def test_shared_codes_merge_like_arrays(a, b):
    """Merging all-ok or all-blank shared codes gives what merging equal arrays gives."""
    def plain(x, y):
        lo, hi = np.minimum(x, y), np.maximum(x, y)
        return np.where(lo > BLANK, lo, hi)

    a, b = np.array(a, np.int32), np.array(b, np.int32)
    for shared in (OK, BLANK):
        s = vals.uniform_codes(3, shared)
        full = np.full(3, shared, np.int32)
        np.testing.assert_array_equal(vals.merge(s, b), plain(full, b))
        np.testing.assert_array_equal(vals.merge(a, s), plain(a, full))
        np.testing.assert_array_equal(vals.merge(s, s), full)
    np.testing.assert_array_equal(vals.merge(a, b), plain(a, b))


def test_a_tree_is_compiled_once():
    tree = expr.parse("a * 2")
    assert expr.compiled(tree) is expr.compiled(tree)
    assert expr.compiled(tree) is not expr.compiled(expr.parse("a * 2"))


def test_monte_carlo_chunks_reuse_what_sampling_leaves_alone():
    """A chunk evaluated after another (only the sampled inputs differ, assumptions and card
    prices among them) equals its full evaluation."""
    from llmcost_gui.core.uncertainty import (
        DEFAULT_RANGES,
        Range,
        _varied,
        formulas_for,
        sample_inputs,
    )
    from llmcost_gui.core.variants import variant_tables

    wb = make_wb(TRAIN, {**SERVE, "api_offer": "A", "procurement": "buy"})
    rows = np.full(50, 1)
    formulas = formulas_for(["daily_total", "api_vs_self_host", "serve_gpus"])
    for ranges in (DEFAULT_RANGES, {"serve_hardware.price": Range(0.5, 1.5, True)}):
        draws = [sample_inputs(wb, rows, ranges, np.random.default_rng(seed)) for seed in (1, 2)]
        first = evaluate_tables(variant_tables(wb, rows, draws[0]), formulas)
        second = evaluate_tables(variant_tables(wb, rows, draws[1]), formulas, first, _varied(draws[1]))
        assert_same_results(second, evaluate_tables(variant_tables(wb, rows, draws[1]), formulas))
        assert second.values["daily_total"][0] != first.values["daily_total"][0]
