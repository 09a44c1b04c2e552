"""`llmcost export WORKBOOK.xlsx -o BUDGET.xlsx [--lang]`, through llmcost_gui.cli.main."""

from __future__ import annotations

import openpyxl
import pytest

from llmcost_gui.cli import main
from llmcost_gui.core.formulas import RESULT_KEYS
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
    assert [c.value for c in book["Results"][1]] == ["name", *RESULT_KEYS]
    assert book["Summary"]["A1"].value == "Budget summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budget.xlsx", "in.xlsx"]  # no temp files


def test_export_in_chinese(tmp_path, workbook):
    out = tmp_path / "预算.xlsx"
    assert main(["export", str(workbook), "-o", str(out), "--lang", "zh_CN"]) == 0
    assert openpyxl.load_workbook(out)["Summary"]["A1"].value == "预算汇总"


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
