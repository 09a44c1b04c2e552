"""The reactive document: validation, one change event per edit, undo by inverse commands."""

import pytest
from core_data import SERVE, TRAIN

from llmcost_gui.core.cells import InputError
from llmcost_gui.core.workbook import Batch, DeleteRows, InsertRows, SetCells


def test_set_cell_parses_units_and_recalculates(mini):
    wb = mini(TRAIN)
    events = []
    wb.subscribe(events.append)
    wb.set_cell("Scenarios", 0, "train_tokens_b", "0.2T")
    assert wb.tables["Scenarios"].get(0, "train_tokens_b") == 200.0
    assert wb.result(0, "train_flops") == pytest.approx(3 * 20.02e9 * 200e9)
    assert len(events) == 1
    change = events[0]
    assert change.inputs == (("Scenarios", 0, "train_tokens_b"),)
    changed = {k for _, k in change.results}
    assert {"train_flops", "train_cost", "daily_total"} <= changed
    assert "flops_per_token" not in changed  # unchanged results are not reported


def test_invalid_value_is_refused_and_old_value_kept(mini):
    wb = mini(TRAIN)
    events = []
    wb.subscribe(events.append)
    with pytest.raises(InputError, match="train_mfu: must be a number > 0% and ≤ 100%"):
        wb.set_cell("Scenarios", 0, "train_mfu", "150%")
    with pytest.raises(InputError, match="is not a number"):
        wb.set_cell("Scenarios", 0, "train_mfu", "lots")
    assert wb.tables["Scenarios"].get(0, "train_mfu") == 0.5
    assert events == []


def test_unchanged_value_sends_nothing(mini):
    wb = mini(TRAIN)
    events = []
    wb.subscribe(events.append)
    wb.set_cell("Scenarios", 0, "train_mfu", "50%")
    assert events == []


def test_references_and_unique_names_checked(mini):
    wb = mini(TRAIN, SERVE)
    with pytest.raises(InputError, match="Hardware has no row named “X”"):
        wb.set_cell("Scenarios", 0, "train_hardware", "X")
    with pytest.raises(InputError, match="already used in row 2"):
        wb.set_cell("Scenarios", 0, "name", "S")


def test_undo_by_inverse_commands(mini):
    wb = mini(TRAIN)
    before = wb.result(0, "train_cost")
    inverse = wb.set_cell("Scenarios", 0, "train_mfu", "25%")
    assert wb.result(0, "train_cost") == pytest.approx(2 * before)  # half the utilization, twice the hours
    assert wb.result(0, "train_gpu_hours") == pytest.approx(2 * 33366.666666666664)
    redo = wb.apply(inverse)
    assert wb.tables["Scenarios"].get(0, "train_mfu") == 0.5
    wb.apply(redo)
    assert wb.tables["Scenarios"].get(0, "train_mfu") == 0.25


def test_insert_delete_rows_and_their_inverses(mini):
    wb = mini(TRAIN)
    inv = wb.apply(InsertRows("Scenarios", 1, ({**SERVE},)))
    assert wb.scenario_names() == ["T", "S"]
    assert wb.result(1, "serve_gpus") == 2
    wb.apply(inv)
    assert wb.scenario_names() == ["T"]
    inv = wb.apply(DeleteRows("Scenarios", (0,)))
    assert wb.scenario_names() == []
    wb.apply(inv)
    assert wb.scenario_names() == ["T"]
    assert wb.result(0, "train_gpus") == 100


def test_batch_is_atomic(mini):
    wb = mini(TRAIN)
    cmd = Batch((SetCells("Scenarios", ((0, "train_mfu", "0.3"),)),
                 SetCells("Scenarios", ((0, "train_gpus", "-4"),))))
    with pytest.raises(InputError):
        wb.apply(cmd)
    assert wb.tables["Scenarios"].get(0, "train_mfu") == 0.5


def test_rename_updates_references(mini):
    wb = mini(TRAIN)
    inverse = wb.set_cell("Hardware", 0, "name", "H-renamed")
    assert wb.tables["Scenarios"].get(0, "train_hardware") == "H-renamed"
    assert wb.tables["Prices"].get(0, "hardware") == "H-renamed"
    assert wb.results.error(0, "train_cost") is None
    wb.apply(inverse)
    assert wb.tables["Scenarios"].get(0, "train_hardware") == "H"


def test_assumption_values_checked_by_key(mini):
    wb = mini(TRAIN)
    row = wb.tables["Assumptions"].data["key"].index("pue")
    with pytest.raises(InputError, match="must be a number ≥ 1"):
        wb.set_cell("Assumptions", row, "value", "0.5")
    wb.set_cell("Assumptions", row, "value", "1.1")
    assert wb.result(0, "train_energy_kwh") == pytest.approx(33366.666666666664 * 0.5 * 1.1)


def test_unique_name(mini):
    wb = mini(TRAIN)
    assert wb.unique_name("Scenarios", "T") == "T (2)"
    assert wb.unique_name("Scenarios", "new") == "new"


def test_undo_puts_back_a_dangling_reference_exactly(mini):
    """A row that arrived whole may name a card that does not exist (it shows as an error
    value); editing that cell and undoing the edit must restore it, not refuse it."""
    wb = mini(SERVE)
    wb.apply(InsertRows("Prices", 0, ({"name": "odd offer", "hardware": "No such card",
                                        "per_gpu_hour": 1.0},)))
    card = wb.tables["Hardware"].get(0, "name")
    undo = wb.set_cell("Prices", 0, "hardware", card)
    assert undo.restore
    wb.apply(undo)
    assert wb.tables["Prices"].get(0, "hardware") == "No such card"
    with pytest.raises(InputError):  # typed by a person, the same name is still refused
        wb.set_cell("Prices", 0, "hardware", "No such card")
