"""`llmcost export WORKBOOK.xlsx -o BUDGET.xlsx [--lang]`, through llmcost_gui.cli.main."""

from __future__ import annotations

import openpyxl
import pytest

from llmcost_gui.cli import main
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.xlsx_write import write_document


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "in.xlsx"
    write_document(default_workbook(), path)
    return path


def test_export_writes_the_budget(tmp_path, workbook, capsys):
    out = tmp_path / "budget.xlsx"
    assert main(["export", str(workbook), "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    book = openpyxl.load_workbook(out)
    assert {"Summary", "Results", "Workings", "Models", "Scenarios"} <= set(book.sheetnames)
    assert book["Results"]["A1"].value == "Results" and book["Results"]["C1"].value == "=Workings!$A2"
    values = openpyxl.load_workbook(out, data_only=True)
    assert values["Results"]["C1"].value == default_workbook().scenario_names()[0]  # a stored value
    assert book["Summary"]["A1"].value == "LLM budget summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budget.xlsx", "in.xlsx"]  # no temp files


def test_bad_input_exits_2_names_the_cell_and_writes_nothing(tmp_path, workbook, capsys):
    book = openpyxl.load_workbook(workbook)
    sc = book["Scenarios"]
    column = [c.value for c in sc[1]].index("train_mfu") + 1
    sc.cell(3, column).value = "very high"
    book.save(workbook)
    out = tmp_path / "budget.xlsx"
    out.write_bytes(b"the previous budget")
    assert main(["export", str(workbook), "-o", str(out), "--force"]) == 2  # even when forced
    err = capsys.readouterr().err
    assert "sheet Scenarios, row 3, column train_mfu" in err
    assert out.read_bytes() == b"the previous budget"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budget.xlsx", "in.xlsx"]


@pytest.mark.parametrize("target, message", [
    ("budget.csv", "ending in .xlsx"),
    ("no/such/folder/budget.xlsx", "does not exist"),
    ("in.xlsx", "refusing to overwrite"),
])
def test_bad_target_exits_2(tmp_path, workbook, capsys, target, message):
    before = workbook.read_bytes()
    assert main(["export", str(workbook), "-o", str(tmp_path / target)]) == 2
    assert message in capsys.readouterr().err
    assert workbook.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.xlsx"]


def test_missing_workbook_exits_2(tmp_path, capsys):
    assert main(["export", str(tmp_path / "none.xlsx"), "-o", str(tmp_path / "b.xlsx")]) == 2
    assert "file not found" in capsys.readouterr().err


def test_compute_reads_a_chinese_budget_edited_elsewhere(tmp_path, workbook, capsys):
    """`llmcost export --lang zh_CN` writes the budget in Chinese; `llmcost compute` on it, after
    its inputs were changed in another program (a value, a currency switched, whitespace in an
    input, a scenario typed under the last one), gives exactly the app's numbers for the same
    inputs."""
    import json

    from llmcost_gui.core.report import scenario_records
    from llmcost_gui.core.workbook import InsertRows
    from llmcost_gui.io.records import match_header
    from llmcost_gui.io.xlsx_read import default_aliases

    budget = tmp_path / "预算.xlsx"
    assert main(["export", str(workbook), "-o", str(budget), "--lang", "zh_CN"]) == 0
    book = openpyxl.load_workbook(budget)
    assert book["Summary"]["A1"].value == "大模型预算汇总"
    assert book["Scenarios"]["A1"].value == "名称" and book["Results"]["A2"].value == "币种"
    sc = book["Scenarios"]
    col = {name: i + 1 for i, name in enumerate(match_header([c.value for c in sc[1]], "Scenarios",
                                                             default_aliases()))}
    sc.cell(2, col["train_mfu"]).value = 0.5
    sc.cell(2, col["currency"]).value = "CNY"
    sc.cell(3, col["train_discount"]).value = "   "  # blank: the default applies
    new = {"name": "Typed in the budget", "model": "Llama 3 70B", "daily_users": 1000,
           "serve_hardware": "H100 SXM5 80GB", "serve_price": "Lambda 8x H100 SXM on-demand (2026)"}
    rows = default_workbook().tables["Scenarios"].nrows
    for name, value in new.items():
        sc.cell(rows + 2, col[name]).value = value
    book.save(budget)
    capsys.readouterr()
    assert main(["compute", str(budget), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)["scenarios"]

    wb = default_workbook()  # the same edits, made in the app
    wb.set_cell("Scenarios", 0, "train_mfu", 0.5)
    wb.set_cell("Scenarios", 0, "currency", "CNY")
    wb.set_cell("Scenarios", 1, "train_discount", None)
    wb.apply(InsertRows("Scenarios", rows, (new,)))
    assert got == json.loads(json.dumps(scenario_records(wb)))
    assert got[-1]["name"] == "Typed in the budget" and got[-1]["serve_gpus"] >= 1
