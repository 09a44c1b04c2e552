"""One validator for every way a row enters: typing, pasting, inserting, duplicating, importing
and the Python API (all of them are Workbook.apply with SetCells or InsertRows)."""

import pytest
from core_data import SERVE, TRAIN

from llmcost_gui.core.cells import InputError
from llmcost_gui.core.workbook import Batch, InsertRows, SetCells
from llmcost_gui.io.records import ImportProblems, build_workbook

MODEL_HEADER = ["name", "params_b"]


def refused(wb, command) -> InputError:
    """Apply a command that must be refused; check the document and its revision are unchanged."""
    before = {t: {c: list(v) for c, v in data.data.items()} for t, data in wb.tables.items()}
    revision = wb.revision
    with pytest.raises(InputError) as info:
        wb.apply(command)
    assert wb.revision == revision
    assert {t: {c: list(v) for c, v in data.data.items()} for t, data in wb.tables.items()} == before
    return info.value


def test_insert_refuses_a_second_row_of_the_same_name(mini):
    wb = mini(TRAIN)
    exc = refused(wb, InsertRows("Models", 2, ({"name": "M", "params_b": 7},)))
    assert str(exc) == "Models row 3, name: the name “M” is already used in row 1"  # the core's form
    assert exc.text("en") == "Models › M › Name: the name “M” is already used in row 1. For example: M (2)"


def test_names_differing_only_by_letter_case_are_the_same_name(mini):
    wb = mini(TRAIN, SERVE)
    exc = refused(wb, InsertRows("Models", 0, ({"name": "moe", "params_b": 7},)))
    assert "the name “moe” is already used in row 3" in str(exc)  # MoE moves from row 2 to 3
    exc = refused(wb, SetCells("Scenarios", ((0, "name", "s"),)))
    assert "the name “s” is already used in row 2" in str(exc)
    wb.set_cell("Scenarios", 0, "name", "t")  # its own name in another case is fine
    assert wb.scenario_names() == ["t", "S"]
    assert wb.unique_name("Scenarios", "s") == "s (2)"


def test_insert_parses_and_refuses_bad_numbers_naming_table_row_and_column(mini):
    wb = mini(TRAIN)
    exc = refused(wb, InsertRows("Models", 2, ({"name": "GPT-3 175B", "params_b": "abc"},)))
    assert exc.text() == ("Models › GPT-3 175B › Parameters: “abc” is not a number; expected a number "
                          "> 0. For example: 1B")
    wb.apply(InsertRows("Models", 2, ({"name": "GPT-3 175B", "params_b": "175B"},)))
    assert wb.tables["Models"].get(2, "params_b") == 175.0  # stored parsed, in the column's unit


def test_insert_without_a_name_is_refused(mini):
    wb = mini(TRAIN)
    exc = refused(wb, InsertRows("Scenarios", 1, ({"model": "M"},)))
    assert exc.text() == "Scenarios › #2 › Name: must not be blank. For example: Pilot assistant"


def test_two_new_rows_of_one_name_are_refused_together(mini):
    wb = mini(TRAIN)
    rows = ({"name": "A", "model": "M"}, {"name": "a", "model": "M"})
    exc = refused(wb, InsertRows("Scenarios", 0, rows))
    assert [p.column for p in exc.problems] == ["name"]
    assert "the name “a” is already used in row 1" in str(exc)


def test_every_problem_of_an_insert_is_listed(mini):
    wb = mini(TRAIN)
    rows = ({"name": "X", "model": "M", "train_mfu": 2, "batch_size": 2.5},)
    exc = refused(wb, InsertRows("Scenarios", 1, rows))
    assert [p.column for p in exc.problems] == ["train_mfu", "batch_size"]
    assert "Scenarios › X › Batch size: must be a whole number ≥ 1, got 2.5. For example: 1" in exc.text()


def test_a_refusal_inside_a_batch_undoes_the_batch(mini):
    wb = mini(TRAIN)
    refused(wb, Batch((SetCells("Scenarios", ((0, "train_mfu", 0.3),)),
                       InsertRows("Scenarios", 1, ({"name": "t"},)))))


def test_assumption_value_is_checked_in_the_domain_of_its_key_on_insert(mini):
    wb = mini(TRAIN)
    exc = refused(wb, InsertRows("Assumptions", 0, ({"key": "pue2", "value": 0.5},
                                                    {"key": "PUE", "value": 1.3})))
    assert "the name “PUE” is already used" in str(exc)
    t = wb.tables["Assumptions"]
    exc = refused(wb, SetCells("Assumptions", ((t.data["key"].index("usd_cny"), "value", 0),)))
    assert exc.text() == "Assumptions › usd_cny › Value: must be a number > 0, got 0. For example: 7.1"


def test_a_reference_typed_into_a_cell_must_exist_but_a_row_may_arrive_with_one_missing(mini):
    wb = mini(TRAIN)
    exc = refused(wb, SetCells("Scenarios", ((0, "model", "nope"),)))
    assert exc.text() == "Scenarios › T › Model: Models has no row named “nope”. For example: M"
    wb.apply(InsertRows("Scenarios", 1, ({"name": "U", "model": "nope"},)))
    assert str(wb.results.error(1, "params")) == "Model “nope” is not in Models"  # an error value


def test_messages_in_chinese():
    wb = build_workbook({"Models": (MODEL_HEADER, [["M", 1]]), "Hardware": (["name"], []),
                         "Scenarios": (["name", "model"], [])})
    exc = refused(wb, InsertRows("Models", 1, ({"name": "m", "params_b": -1},)))
    texts = [p.text("zh_CN") for p in exc.problems]
    assert texts == ["模型 › m › 参数量：必须是大于 0 的数，实际为 -1。例如：1B",
                     "模型 › m › 名称：名称“m”已在第 1 行使用。例如：m (2)"]


def test_import_goes_through_the_same_rules_with_spreadsheet_addresses():
    sheets = {"Models": (MODEL_HEADER, [["GPT-3 175B", 175], [None, None], ["gpt-3 175b", "abc"]]),
              "Hardware": (["name"], [["H"]]), "Scenarios": (["name", "model"], [["S", "GPT-3 175B"]])}
    with pytest.raises(ImportProblems) as info:
        build_workbook(sheets)
    assert [str(p) for p in info.value.problems] == [
        "sheet Models, row 4, column params_b: “abc” is not a number; expected a number > 0. "
        "For example: 1B",
        "sheet Models, row 4, column name: the name “gpt-3 175b” is already used in row 2. "
        "For example: gpt-3 175b (2)",
    ]
