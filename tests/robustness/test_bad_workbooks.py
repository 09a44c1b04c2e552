"""Bad workbooks give a clear message or are handled: never a traceback, never a hang."""

import json
import zipfile

import cli_inprocess
import openpyxl
import pytest

from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.xlsx_write import write_document


def run_cli(*args):
    out = cli_inprocess.run_cli(*args)
    assert "Traceback" not in out.stderr, out.stderr
    return out


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    path = tmp_path_factory.mktemp("bad") / "good.xlsx"
    write_document(default_workbook(), path)
    return path


def edited(good, tmp_path, edit, name="edited.xlsx"):
    book = openpyxl.load_workbook(good)
    edit(book)
    path = tmp_path / name
    book.save(path)
    return path


def col(ws, name):
    return [c.value for c in ws[1]].index(name) + 1


def expect_error(path, *fragments):
    out = run_cli("compute", path)
    assert out.returncode == 2, out.stdout[-500:]
    for f in fragments:
        assert f in out.stderr, out.stderr
    return out.stderr


def test_empty_file(tmp_path):
    p = tmp_path / "empty.xlsx"
    p.write_bytes(b"")
    expect_error(p, "not an .xlsx workbook")


def test_not_a_zip(tmp_path):
    p = tmp_path / "text.xlsx"
    p.write_text("name,params_b\nx,1\n")
    expect_error(p, "not an .xlsx workbook")


def test_zip_without_workbook(tmp_path):
    p = tmp_path / "zip.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    expect_error(p, "cannot read the workbook")


def test_missing_required_sheet(good, tmp_path):
    p = edited(good, tmp_path, lambda b: b.remove(b["Hardware"]))
    expect_error(p, "sheet Hardware", "missing")


def test_optional_sheets_may_be_left_out(good, tmp_path):
    def edit(b):
        b.remove(b["Prices"])
        b.remove(b["Assumptions"])
    out = run_cli("compute", edited(good, tmp_path, edit), "--json")
    assert out.returncode == 0, out.stderr
    chatgpt = [s for s in json.loads(out.stdout)["scenarios"] if s["name"].startswith("ChatGPT")][0]
    assert chatgpt["serve_gpus"] > 10_000  # bought cards need no rental offer
    rented = json.loads(out.stdout)["scenarios"][1]
    assert "is not in Prices" in rented["errors"]["train_cost"]


def test_missing_header_row(good, tmp_path):
    def edit(b):
        ws = b["Models"]
        ws.delete_rows(1, ws.max_row)
    expect_error(edited(good, tmp_path, edit), "sheet Models", "header row is missing")


def test_header_without_required_column(good, tmp_path):
    def edit(b):
        b["Hardware"].cell(row=1, column=1, value="label")
    expect_error(edited(good, tmp_path, edit), "sheet Hardware, row 1, column name", "required column")


def test_duplicate_names(good, tmp_path):
    def edit(b):
        ws = b["Models"]
        ws.cell(row=3, column=1, value=ws.cell(row=2, column=1).value)
    expect_error(edited(good, tmp_path, edit), "sheet Models, row 3, column name", "already used in row 2")


def test_dangling_reference_is_an_error_value(good, tmp_path):
    def edit(b):
        ws = b["Scenarios"]
        ws.cell(row=2, column=col(ws, "model"), value="No such model")
    out = run_cli("compute", edited(good, tmp_path, edit), "--json")
    assert out.returncode == 0
    first = json.loads(out.stdout)["scenarios"][0]
    assert first["train_flops"] is None
    assert first["errors"]["train_flops"] == "Model “No such model” is not in Models"


@pytest.mark.parametrize("value,fragment", [
    ("nan", "is not a number"), ("inf", "is not a number"), (-5, "must be a number > 0"),
    ("=1/0", "is not a number"), ("12 parsecs", "unknown unit")])
def test_bad_numbers(good, tmp_path, value, fragment):
    def edit(b):
        ws = b["Models"]
        c = ws.cell(row=2, column=col(ws, "params_b"))
        c.value = value
        c.data_type = "s" if isinstance(value, str) else "n"
    expect_error(edited(good, tmp_path, edit), "sheet Models, row 2, column params_b", fragment)


def test_huge_value_is_an_error_value_not_a_crash(good, tmp_path):
    def edit(b):
        ws = b["Scenarios"]
        ws.cell(row=2, column=col(ws, "train_tokens_b"), value=1e300)
    out = run_cli("compute", edited(good, tmp_path, edit), "--json")
    assert out.returncode == 0
    first = json.loads(out.stdout)["scenarios"][0]
    assert "not a finite number" in first["errors"]["train_flops"]


def test_formula_cells_read_as_cached_values(good, tmp_path):
    def edit(b):
        ws = b["Scenarios"]
        ws.cell(row=2, column=col(ws, "train_discount"), value="=0.2+0.25")  # no cached value: reads as blank
    out = run_cli("compute", edited(good, tmp_path, edit), "--json")
    assert out.returncode == 0
    first = json.loads(out.stdout)["scenarios"][0]
    assert first["defaults"]["train_discount"] == 0


def test_very_long_text_is_cut_at_excels_limit(good, tmp_path):
    def edit(b):
        ws = b["Models"]
        ws.cell(row=2, column=col(ws, "source"), value="x" * 100_000)
    from llmcost_gui.io.xlsx_read import read_workbook

    wb = read_workbook(edited(good, tmp_path, edit))  # the reader stops at Excel's 32,767 characters
    assert len(wb.tables["Models"].get(0, "source")) == 32_767


def test_very_long_text_typed_is_refused(default_wb):
    from llmcost_gui.core.cells import InputError

    with pytest.raises(InputError, match="longer than Excel's limit"):
        default_wb.set_cell("Models", 0, "source", "x" * 40_000)


def _many_rows(good, tmp_path, rows: int):
    def edit(b):
        ws = b["Scenarios"]
        first = [c.value for c in ws[2]]
        for i in range(rows):
            ws.append([f"copy {i}", *first[1:]])
    path = edited(good, tmp_path, edit, "big.xlsx")
    out = run_cli("compute", path, "--json")
    assert out.returncode == 0, out.stderr
    scenarios = json.loads(out.stdout)["scenarios"]
    assert len(scenarios) > rows
    assert scenarios[-1]["name"] == f"copy {rows - 1}"
    assert scenarios[-1]["train_flops"] == scenarios[0]["train_flops"] > 0  # each row computed


def test_a_thousand_rows(good, tmp_path):
    _many_rows(good, tmp_path, 1_000)


@pytest.mark.slow
def test_sixty_thousand_rows(good, tmp_path):
    _many_rows(good, tmp_path, 60_000)
