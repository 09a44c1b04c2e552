"""Import of any workbook that follows SPEC §1: ours, a budget, or one typed by hand."""

from __future__ import annotations

import re
import shutil
import zipfile

import openpyxl
import pytest

from llmcost_gui.core.report import scenario_records
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.records import ImportProblems, build_workbook
from llmcost_gui.io.xlsx_read import read_workbook

MODELS = (["name", "params_b", "layers", "d_model", "n_heads", "context_len"],
          [["M", 10, 10, 1000, 10, 1000]])
HARDWARE = (["name", "bf16_tflops", "memory_gb", "bandwidth_tbs", "tdp_w", "price"],
            [["H", 100, 40, 1, 500, 10000]])
PRICES = (["name", "hardware", "per_gpu_hour"], [["P", "H", 2]])
ASSUMPTIONS = (["key", "value"], [["pue", 1.5]])
SCENARIOS = (["name", "model", "train_tokens_b", "train_hardware", "train_price", "train_mfu", "train_gpus",
              "daily_users", "serve_hardware", "serve_price"],
             [["T", "M", 100, "H", "P", 0.5, 100, None, None, None],
              ["S", "M", None, None, None, None, None, 86400, "H", "P"]])
SHEETS = {"Models": MODELS, "Hardware": HARDWARE, "Prices": PRICES, "Assumptions": ASSUMPTIONS,
          "Scenarios": SCENARIOS}


def _save(path, sheets: dict, extra_sheets: dict | None = None):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, (header, rows) in {**sheets, **(extra_sheets or {})}.items():
        ws = book.create_sheet(title)
        ws.append(header)
        for r in rows:
            ws.append(r)
    book.save(path)
    return path


def _shuffled(header, rows, order):
    return [header[i] for i in order], [[r[i] for i in order] for r in rows]


def _records(wb):
    return [{k: v for k, v in r.items() if k != "defaults"} for r in scenario_records(wb)]


@pytest.fixture
def reference():
    return _records(build_workbook(SHEETS))


def test_hand_typed_workbook_in_any_order_with_extras_and_other_case(tmp_path, reference):
    h, rows = SCENARIOS
    order = list(reversed(range(len(h))))
    sh, srows = _shuffled(h, rows, order)
    sh = [c.upper() for c in sh] + ["Owner"]
    srows = [r + ["finance"] for r in srows]
    models = (["Context_Len", "NAME", "params_B", "d_model", "layers", "n_heads"],
              [[1000, "M", 10, 1000, 10, 10]])
    path = _save(tmp_path / "typed.xlsx", {**SHEETS, "Scenarios": (sh, srows), "Models": models},
                 {"Notes": (["anything"], [["at all"]])})
    wb = read_workbook(path)
    assert _records(wb) == reference
    sc = wb.tables["Scenarios"]
    assert "Owner" in sc.columns and sc.data["Owner"] == ["finance", "finance"]  # extra column kept
    assert sc.data["train_gpus"] == [100.0, None]


def test_chinese_labels_and_sheet_names(tmp_path, reference):
    zh = {"name": "名称", "model": "模型", "train_tokens_b": "预训练 Token 数 (十亿 Token)",
          "train_hardware": "预训练硬件", "train_price": "预训练租用报价", "train_mfu": "训练算力利用率 (MFU)",
          "train_gpus": "训练 GPU 数", "daily_users": "日活用户数 (用户)", "serve_hardware": "推理硬件",
          "serve_price": "推理租用报价"}
    h, rows = SCENARIOS
    path = _save(tmp_path / "zh.xlsx", {**{k: v for k, v in SHEETS.items() if k != "Scenarios"},
                                        "场景": ([zh[c] for c in h], rows)})
    assert _records(read_workbook(path)) == reference


def test_formula_cells_give_their_cached_values(tmp_path, reference):
    h, rows = SCENARIOS
    rows = [list(r) for r in rows]
    rows[0][h.index("train_mfu")] = "=1/2"
    rows[1][h.index("daily_users")] = "=43200*2"
    path = _save(tmp_path / "formulas.xlsx", {**SHEETS, "Scenarios": (h, rows)})
    # give the formulas cached values, as Excel or LibreOffice would have saved them
    src = zipfile.ZipFile(path)
    parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    src.close()
    sheet = next(n for n in parts if n.startswith("xl/worksheets/") and b"43200" in parts[n])
    cached = {"1/2": b"0.5", "43200*2": b"86400"}
    parts[sheet] = re.sub(rb"<f>([^<]*)</f><v ?/>",
                          lambda m: b"<f>" + m[1] + b"</f><v>" + cached[m[1].decode()] + b"</v>", parts[sheet])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert _records(read_workbook(path)) == reference


def test_computed_sheets_of_a_budget_are_ignored(tmp_path, default_budget):
    wb = default_workbook()
    path = tmp_path / "budget.xlsx"
    shutil.copy(default_budget("en"), path)
    book = openpyxl.load_workbook(path)
    for name in ("Results", "Summary", "Workings"):
        book[name]["B2"] = "garbage that must not be read"
    book.save(path)
    assert scenario_records(read_workbook(path)) == scenario_records(wb)


def test_errors_name_sheet_row_and_column(tmp_path):
    h, rows = SCENARIOS
    rows = [list(r) for r in rows]
    rows[1][h.index("daily_users")] = "many"
    models = (MODELS[0], [*MODELS[1], ["M", -5, 1, 1, 1, 1]])
    path = _save(tmp_path / "bad.xlsx", {**SHEETS, "Scenarios": (h, rows), "Models": models})
    with pytest.raises(ImportProblems) as info:
        read_workbook(path)
    text = str(info.value)
    assert "sheet Scenarios, row 3, column daily_users" in text
    assert "sheet Models, row 3, column params_b" in text
    assert "sheet Models, row 3, column name: the name “M” is already used in row 2" in text


def test_missing_sheet_and_missing_header_are_reported(tmp_path):
    path = _save(tmp_path / "partial.xlsx", {k: v for k, v in SHEETS.items() if k != "Hardware"})
    with pytest.raises(ImportProblems, match="sheet Hardware: sheet is missing"):
        read_workbook(path)
    models = (["params_b"], [[10]])
    path = _save(tmp_path / "noname.xlsx", {**SHEETS, "Models": models})
    with pytest.raises(ImportProblems, match="sheet Models, row 1, column name: required column is missing"):
        read_workbook(path)


@pytest.mark.parametrize("content, message", [
    (None, "file not found"),
    (b"name,params_b\n", "not an .xlsx workbook"),
])
def test_not_a_workbook(tmp_path, content, message):
    path = tmp_path / "x.xlsx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ImportProblems, match=message):
        read_workbook(path)


def test_a_date_typed_into_a_text_column_reads_as_a_date(tmp_path):
    import datetime

    prices = (["name", "hardware", "per_gpu_hour", "as_of"], [["P", "H", 2, datetime.datetime(2025, 3, 14)]])
    path = _save(tmp_path / "dated.xlsx", {**SHEETS, "Prices": prices})
    assert read_workbook(path).tables["Prices"].get(0, "as_of") == "2025-03-14"


def test_long_reads_and_writes_tick_progress(tmp_path):
    from llmcost_gui.io import progress
    from llmcost_gui.io.perf import scaled_workbook
    from llmcost_gui.io.xlsx_write import write_document

    wb = scaled_workbook(1500)
    ticks = []
    path = tmp_path / "many.xlsx"
    with progress.reporting(lambda: ticks.append("w")):
        write_document(wb, path)
    with progress.reporting(lambda: ticks.append("r")):
        assert read_workbook(path).tables["Scenarios"].nrows == 1500
    assert ticks.count("w") >= 3 and ticks.count("r") >= 6  # rows read, then rows checked
