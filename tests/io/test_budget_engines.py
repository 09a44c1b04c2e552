"""Proof: LibreOffice, Gnumeric and the `formulas` package recalculate the exported budget to
the values it stores, which are the app's own results (1e-9 relative), also after the file is
edited elsewhere: values changed, whitespace typed into inputs, a currency switched, a scenario
typed under the last one, a model added.  Slow: each engine starts and computes every cell."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from llmcost_gui.core.report import scenario_records
from llmcost_gui.io.budget import write_budget
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.records import ImportProblems
from llmcost_gui.io.xlsx_read import read_workbook

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore:Workbook contains no default style")]

# (scenario row index, column, new value): every stage, every kind of input, errors and blanks
SCENARIO_EDITS = [
    (0, "train_mfu", 0.52),
    (0, "train_discount", "  "),  # whitespace: blank, the default applies
    (0, "train_gpus", 40),  # fewer cards than hold the run (43): an error in both
    (3, "train_sharding", "zero2"),
    (4, "train_checkpointing", "selective"),
    (8, "ft_method", "qlora"),
    (7, "ft_sharding", "zero1"),
    (7, "ft_checkpointing", "none"),
    (1, "daily_users", 5000),  # serving switched on without serve_hardware: an error in both
    (2, "train_tokens_b", None),  # pre-training switched off: blanks in both
    (2, "daily_users", 2_000_000),
    (2, "serve_hardware", "H100 SXM5 80GB"),
    (2, "serve_price", "Lambda 8x H100 SXM on-demand (2026)"),
    (2, "serve_precision", "fp8"),
    (2, "serve_mfu", " \t"),
    (3, "model", str.lower),  # the model's name in other letter case: not found in both
    (4, "train_precision", "fp8"),  # the A100 has no FP8 figure: an error in both
    (5, "daily_users", 20_000_000),
    (5, "serve_hardware", "H100 SXM5 80GB"),
    (6, "ft_method", "top_layers"),
    (6, "ft_trainable_fraction", 0.25),
    (6, "currency", "USD"),  # a currency switched: amounts and formats follow
    (0, "currency", "CNY"),
    (7, "procurement", "rent"),  # renting without a rental offer: an error in both
    (8, "ft_precision", "fp32"),
    (9, "serve_price", "RunPod A100 SXM 80GB Secure Cloud on-demand"),  # offer for another card
    # serving latency and parallelism
    (7, "tpot_target_s", 0.001),  # no batch meets it: an error in both
    (6, "serve_tp", 2),
    (6, "prefill_mfu", 0.5),
    (6, "ttft_target_s", 0.2),
    (8, "serve_precision", "int4"),
    (8, "kv_precision", "fp8"),
    (8, "tpot_target_s", 0.03),
]
HARDWARE_EDITS = [("A100 SXM4 80GB", "memory_gb", 40), ("A100 SXM4 80GB", "interconnect_gbs", 300)]
NEW_MODEL = {"name": "Tiny 1B (test)", "params_b": 1.0, "layers": 16, "d_model": 2048, "n_heads": 16,
             "n_kv_heads": 8, "context_len": 4096, "source": "a model typed into the budget"}
NEW_SCENARIO = {"name": "Typed under the last one", "model": "Tiny 1B (test)", "daily_users": 50_000,
                "serve_hardware": "H100 SXM5 80GB", "serve_price": "Lambda 8x H100 SXM on-demand (2026)",
                "currency": "CNY"}
ASSUMPTION_EDITS = {"pue": 1.35, "usd_cny": 7.25, "memory_reserve": None}  # None: back to default


def _columns(ws) -> list[str]:
    """Schema names of a budget sheet's columns (its headers are words)."""
    from llmcost_gui.io.records import match_header
    from llmcost_gui.io.xlsx_read import default_aliases

    return match_header([c.value for c in ws[1]], ws.title, default_aliases())


def _edit_inputs(path, out):
    """Edit the budget as a user of another spreadsheet program would."""
    book = openpyxl.load_workbook(path)
    sc = book["Scenarios"]
    cols = _columns(sc)
    for row, column, value in SCENARIO_EDITS:
        cell = sc.cell(row + 2, cols.index(column) + 1)
        cell.value = value(cell.value) if callable(value) else value
    new_row = 2 + sum(1 for r in sc.iter_rows(min_row=2, max_col=1, values_only=True) if r[0])
    for column, value in NEW_SCENARIO.items():
        sc.cell(new_row, cols.index(column) + 1).value = value
    models = book["Models"]
    free = 2 + sum(1 for r in models.iter_rows(min_row=2, max_col=1, values_only=True) if r[0])
    model_cols = _columns(models)
    for column, value in NEW_MODEL.items():
        models.cell(free, model_cols.index(column) + 1).value = value
    hw = book["Hardware"]
    hw_cols, hw_names = _columns(hw), [c.value for c in hw["A"]]
    for name, column, value in HARDWARE_EDITS:
        hw.cell(hw_names.index(name) + 1, hw_cols.index(column) + 1).value = value
    asm = book["Assumptions"]
    keys, value_col = [c.value for c in asm["A"]], _columns(asm).index("value") + 1
    for key, value in ASSUMPTION_EDITS.items():
        asm.cell(keys.index(key) + 1, value_col).value = value
    book.save(out)


@pytest.fixture(scope="module")
def budgets(tmp_path_factory):
    """The default budget, a copy with every stored value wrong, and an edited copy."""
    tmp = tmp_path_factory.mktemp("engines")
    wb = default_workbook()
    budget = tmp / "budget.xlsx"
    write_budget(wb, budget)
    wrong = tmp / "wrong.xlsx"
    _spoil_stored_values(budget, wrong)
    edited = tmp / "edited.xlsx"
    _edit_inputs(budget, edited)
    return wb, budget, wrong, edited


def _spoil_stored_values(src, dst):
    """The same file with 12345 stored for every formula: an engine must recompute to pass."""
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<c ([^>]*?) t="(?:str|e)"(>\s*<f>)', rb"<c \1\2", data)
                data = re.sub(rb"(</f>)<v>[^<]*</v>", rb"\1<v>12345</v>", data)
            out.writestr(info, data)


def _app_budget(edited, tmp_path, check):
    """What the app makes of the edited file: import it, export its budget (stored values)."""
    fresh = tmp_path / "fresh.xlsx"
    write_budget(read_workbook(edited), fresh)
    return check.formula_cells(fresh)


def test_edits_reach_the_app(budgets):
    _, _, _, edited = budgets
    wb = read_workbook(edited)
    records = {r["name"]: r for r in scenario_records(wb)}
    names = wb.scenario_names()
    assert names[-1] == NEW_SCENARIO["name"] and records[names[-1]]["serve_gpus"] >= 1
    assert "serve_gpus" in records[names[1]]["errors"] and records[names[2]]["train_cost"] is None
    assert "flops_per_token" in records[names[3]]["errors"] and records[names[0]]["currency"] == "CNY"
    assert "serve_batch" in records[names[7]]["errors"] and records[names[8]]["serve_batch"] > 0


def test_libreoffice_recomputes_the_stored_values(budgets, recalc, tmp_path, check):
    _, budget, wrong, edited = budgets
    stored = check.formula_cells(budget)
    assert len(stored) > 20_000
    fresh, spoiled, changed = recalc([budget, wrong, edited])
    assert check.differences(stored, fresh) == []
    assert check.differences(stored, spoiled) == []  # it really computed: the wrong values are gone
    expected = _app_budget(edited, tmp_path, check)
    assert check.differences(expected, changed) == []  # the edited file: exactly the app's numbers


def test_gnumeric_recomputes_the_stored_values(budgets, gnumeric, tmp_path, check):
    _, budget, wrong, edited = budgets
    stored = check.formula_cells(budget)
    assert check.differences(stored, gnumeric(budget)) == []
    assert check.differences(stored, gnumeric(wrong)) == []
    expected = _app_budget(edited, tmp_path, check)
    assert check.differences(expected, gnumeric(edited)) == []


def test_formulas_package_recomputes_the_stored_values(tmp_path, check):
    """The `formulas` package is slow: a budget with 12 scenario slots, stored values spoiled."""
    formulas = pytest.importorskip("formulas")
    budget, wrong = tmp_path / "small.xlsx", tmp_path / "wrong.xlsx"
    write_budget(default_workbook(), budget, slots=12)
    _spoil_stored_values(budget, wrong)
    stored = check.formula_cells(budget)
    model = formulas.ExcelModel().loads(str(wrong)).finish()
    solution = model.calculate()
    got = {}
    for key, value in solution.items():
        m = re.match(r"'\[[^\]]+\](.+)'!([A-Z]+[0-9]+)$", key)
        if m:
            v = value.value[0, 0] if hasattr(value, "value") else value
            v = v.item() if hasattr(v, "item") else v
            got[(m.group(1).upper(), m.group(2))] = "#ERR" if type(v).__name__ == "XlError" else v
    bad = [(k, v, got.get((k[0].upper(), k[1]))) for k, v in stored.items()
           if not check.same_value(v, _plain(got.get((k[0].upper(), k[1]))))]
    assert len(stored) > 1000 and bad == []


def _plain(v):
    """The `formulas` package's empty value is its own object."""
    return "" if type(v).__name__ in ("XlEmpty", "_Empty", "EmptyValue") or v is None else v


def test_a_percentage_typed_as_a_whole_number_is_refused_in_both(budgets, recalc, tmp_path):
    """MFU 45 instead of 45 %: the app refuses the file; the budget shows #N/A, never a wrong cost."""
    _, budget, _, _ = budgets
    book = openpyxl.load_workbook(budget)
    sc = book["Scenarios"]
    sc.cell(2, _columns(sc).index("train_mfu") + 1).value = 45
    bad = tmp_path / "mfu45.xlsx"
    book.save(bad)
    with pytest.raises(ImportProblems, match="train_mfu"):
        read_workbook(bad)
    (out,) = recalc([bad])
    res = openpyxl.load_workbook(out, data_only=True)["Results"]
    costs = [row for row in res.iter_rows(values_only=True) if row[0] == "Pre-training cost"]
    assert str(costs[0][2]).startswith("#") and isinstance(costs[0][3], float)


def test_the_default_budget_prints_on_few_pages(budgets, recalc):
    """LibreOffice prints it: Summary on one page, Results next, at most 16 pages in all."""
    _, budget, _, _ = budgets
    (pdf,) = recalc([budget], to="pdf")
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert 7 <= pages <= 16
    pdftotext = shutil.which("pdftotext")
    if pdftotext:  # poppler-utils: the Summary fills page 1 alone, Results starts page 2
        text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        first, second = text.split("\f")[:2]
        assert "LLM budget summary" in first and "Page 1 of" in first and "Llama 3 70B serving" in first
        assert second.lstrip().startswith("Results") and "Page 2 of" in second
