"""The ApiOffers sheet: saved and read back, optional in old workbooks, live in the budget."""

from __future__ import annotations

import openpyxl

from llmcost_gui.core.report import scenario_records
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.xlsx_read import read_workbook
from llmcost_gui.io.xlsx_write import write_document

ENTERPRISE = "Enterprise 6B: fine-tune + 1,000 staff on A100"


def test_default_offers_are_dated_and_sourced():
    t = default_workbook().tables["ApiOffers"]
    assert t.nrows >= 20
    for i in range(t.nrows):
        row = t.row(i)
        assert row["as_of"] and len(row["as_of"]) == 10 and row["source"], row["name"]
    assert "CNY" in t.data["currency"] and None in t.data["model"]  # yuan offers and closed models
    models = {m for m in t.data["model"] if m}
    for family in ("Llama 3 8B", "Llama 3 70B", "Llama 3.1 405B", "Qwen2.5 72B", "DeepSeek-V3", "Mixtral 8x7B"):
        assert family in models


def test_document_round_trip_keeps_the_offers_and_results(tmp_path):
    wb = default_workbook()
    path = tmp_path / "doc.xlsx"
    write_document(wb, path)
    assert "ApiOffers" in openpyxl.load_workbook(path, read_only=True).sheetnames
    back = read_workbook(path)
    assert back.tables["ApiOffers"].data == wb.tables["ApiOffers"].data
    assert scenario_records(back) == scenario_records(wb)


def test_old_workbook_without_the_sheet_still_opens(tmp_path):
    path = tmp_path / "old.xlsx"
    write_document(default_workbook(), path)
    book = openpyxl.load_workbook(path)
    book.remove(book["ApiOffers"])
    ws = book["Scenarios"]
    header = [c.value for c in ws[1]]
    ws.delete_cols(header.index("api_offer") + 1)
    book.save(path)
    wb = read_workbook(path)
    assert wb.tables["ApiOffers"].nrows == 0
    row = wb.scenario_row(ENTERPRISE)
    assert wb.results.is_blank(row, "api_cost_per_day")
    assert wb.results.error(row, "serve_cost_per_day") is None


def test_budget_renders_the_comparison_as_live_formulas(default_budget):
    from llmcost_gui.core import labels

    wb = default_workbook()
    path = default_budget("en")
    book = openpyxl.load_workbook(path)
    assert "ApiOffers" in book.sheetnames
    res, work = book["Results"], book["Workings"]  # Results: a row per result, a column per scenario
    rows = {r[0].value: r[0].row for r in res.iter_rows(min_row=3, max_col=1) if r[0].value}
    col = wb.scenario_row(ENTERPRISE) + 3
    api = res.cell(rows[labels.result_label("api_cost_per_day")], col).value
    breakeven = res.cell(rows[labels.result_label("breakeven_daily_users")], col).value
    wh = [c.value for c in work[1]]
    offer = openpyxl.utils.get_column_letter(wh.index("in.api_offer") + 1)
    guard = f'IF(Workings!${offer}{col - 1}="",""'  # blank api_offer: blank result
    assert guard in api and guard in breakeven
    assert "ApiOffers!" in work.cell(col - 1, wh.index("api_usd_per_request") + 1).value
    assert ',"",' in breakeven  # blank, not an error, when self-hosting never wins
