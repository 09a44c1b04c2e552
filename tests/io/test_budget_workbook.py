"""The budget workbook's shape: live formulas from the registry, names, drop-downs, formats."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from llmcost_gui.core.formulas import REGISTRY, RESULT_KEYS
from llmcost_gui.core.report import scenario_records
from llmcost_gui.io.budget import write_budget
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.xlsx_read import read_workbook


@pytest.fixture(scope="module")
def budget(tmp_path_factory):
    wb = default_workbook()
    path = tmp_path_factory.mktemp("budget") / "budget.xlsx"
    write_budget(wb, path)
    return wb, path, openpyxl.load_workbook(path)


def test_results_hold_one_live_formula_per_result(budget):
    wb, _, book = budget
    ws = book["Results"]
    rows = list(ws.iter_rows())
    assert [c.value for c in rows[0]] == ["name", *RESULT_KEYS]
    assert len(rows) == 1 + wb.tables["Scenarios"].nrows
    for row in rows[1:]:
        assert all(c.data_type == "f" and c.value.startswith("=") for c in row)
    assert ws.freeze_panes == "B2"


def test_formulas_read_like_the_registry(budget):
    """Golden formulas, written by hand from SPEC §2 and the sheet layout (row 2 = 1st scenario):
    daily_users is Scenarios column T (blank: no serving), requests_per_user U (default 10)."""
    _, _, book = budget
    res = book["Results"]
    head = {c.value: c.column_letter for c in res[1]}
    assert res[f"{head['requests_per_day']}2"].value == (
        '=IF(ISBLANK(Scenarios!$T2),"",Scenarios!$T2*IF(ISBLANK(Scenarios!$U2),10,Scenarios!$U2))')
    assert res[f"{head['monthly_total']}7"].value == f"=${head['daily_total']}7*30"
    # the pre-training energy reads the assumption through its defined name, default 1.2
    assert "IF(ISBLANK(pue),1.2,pue)" in res[f"{head['train_energy_kwh']}2"].value
    work = book["Workings"]
    wh = {c.value: c.column_letter for c in work[1]}
    assert set(wh) >= {k for k, f in REGISTRY.items() if not f.public}
    # a lookup: INDEX over the Models column at the exactly matched row
    assert work[f"{wh['row_of_model']}3"].value == (
        "=MATCH(TRUE,INDEX(EXACT(Models!$A$2:$A$225,IF(ISBLANK(Scenarios!$B3),NA(),Scenarios!$B3)),0),0)")
    assert work[f"{wh['params']}3"].value == (
        f'=IF(INDEX(Models!$B$2:$B$225,${wh["row_of_model"]}3)="",NA(),'
        f'INDEX(Models!$B$2:$B$225,${wh["row_of_model"]}3))*1000000000')


def test_assumptions_are_defined_names(budget):
    wb, _, book = budget
    asm = book["Assumptions"]
    for key in ("usd_cny", "pue", "memory_reserve"):
        ref = book.defined_names[key].attr_text
        sheet, cell = ref.split("!")
        assert sheet == "Assumptions"
        row = asm[cell.replace("$", "")].row
        assert asm.cell(row, 1).value == key
        assert asm[cell.replace("$", "")].value == wb.tables["Assumptions"].assumptions()[key]


def test_drop_downs_on_reference_and_choice_columns(budget):
    _, _, book = budget
    by_sheet = {}
    for name in ("Scenarios", "Prices", "Hardware"):
        ws = book[name]
        head = {c.value: c.column_letter for c in ws[1]}
        by_sheet[name] = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv
                          for dv in ws.data_validations.dataValidation}, head
    dvs, head = by_sheet["Scenarios"]
    model = dvs[head["model"]]
    assert model.type == "list" and model.formula1 == "Models!$A$2:$A$225"
    assert dvs[head["serve_price"]].formula1.startswith("Prices!$A$2:$A$")
    assert dvs[head["train_precision"]].formula1 == '"fp32,bf16,fp8,int8"'
    assert dvs[head["procurement"]].formula1 == '"rent,buy"'
    dvs, head = by_sheet["Prices"]
    assert dvs[head["hardware"]].formula1.startswith("Hardware!$A$2:$A$")
    dvs, head = by_sheet["Hardware"]
    assert dvs[head["price_currency"]].formula1 == '"USD,CNY"'


def test_summary_for_finance_in_each_scenarios_currency(budget):
    wb, _, book = budget
    ws = book["Summary"]
    assert ws["A1"].value == "Budget summary" and ws.freeze_panes == "B5"
    assert [c.value for c in ws[4]] == ["Scenario", "Currency", "Capital expenditure", "Cost per day",
                                        "Cost per month", "Cost per year", "Cost per 1M tokens (serving)"]
    currencies = [r["currency"] for r in scenario_records(wb)]
    for i, cur in enumerate(currencies):
        row = ws[5 + i]
        daily = get_column_letter(RESULT_KEYS.index("daily_total") + 2)  # after the name column
        assert row[3].value == f"=Results!${daily}{2 + i}"
        assert ("¥" if cur == "CNY" else "$") in row[3].number_format
    assert "CNY" in currencies and "USD" in currencies
    assert book.sheetnames[0] == "Summary"


def test_summary_in_chinese(tmp_path):
    path = tmp_path / "zh.xlsx"
    write_budget(default_workbook(), path, lang="zh_CN")
    ws = openpyxl.load_workbook(path)["Summary"]
    assert ws["A1"].value == "预算汇总"
    assert [c.value for c in ws[4]][:4] == ["场景", "币种", "一次性购置成本", "每日总成本"]


def test_budget_reimports_to_the_same_results(budget):
    wb, path, _ = budget
    again = read_workbook(path)
    assert scenario_records(again) == scenario_records(wb)
    for table, t in wb.tables.items():
        assert again.tables[table].data == t.data
