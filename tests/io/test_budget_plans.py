"""The budget's Plans compared sheet (export --plans): only when asked, the plan search's figures as
stored values, the chosen and the typed plan marked, why the typed one ranks where it does, both
languages, one page wide and each scenario's block on one page."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

import llmcost_gui as lc
from llmcost_gui.cli import main
from llmcost_gui.core import plan as planning
from llmcost_gui.core.report import scenario_records
from llmcost_gui.io.budget import write_budget
from llmcost_gui.io.budget_plans import collect_plans, explanation, money_text, scenarios_to_plan
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.xlsx_read import read_workbook
from llmcost_gui.io.xlsx_write import write_document

LLAMA = "Llama 3 70B serving on rented H100"
GPT3_CNY = "GPT-3 175B on 500B tokens, 50% off, in CNY (blog example)"
SHEET = "Plans compared"


@pytest.fixture(scope="module")
def wb():
    return default_workbook()


@pytest.fixture(scope="module")
def two(wb, tmp_path_factory):
    """A budget comparing the plans of one serving and one training scenario."""
    path = tmp_path_factory.mktemp("plans") / "budget.xlsx"
    write_budget(wb, path, plans=True, plan_scenarios=[LLAMA, GPT3_CNY])
    return path, openpyxl.load_workbook(path)


def _rows(ws) -> list[tuple]:
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def _is_title(value) -> bool:
    return isinstance(value, str) and " plans evaluated, " in value


def _block(rows: list[tuple], scenario: str) -> list[tuple]:
    """The rows of one scenario's block: its title, header, plans and explanation."""
    start = next(i for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith(scenario + " —"))
    end = next((i for i in range(start + 1, len(rows)) if rows[i][0] is None), len(rows))
    return rows[start:end]


def test_the_sheet_is_there_only_with_plans(wb, two, tmp_path):
    plain = tmp_path / "plain.xlsx"
    write_budget(wb, plain)
    assert SHEET not in openpyxl.load_workbook(plain).sheetnames
    _, book = two
    assert book.sheetnames[:3] == ["Summary", SHEET, "Results"]


def test_first_row_is_the_cheapest_plan_of_the_search(wb, two):
    _, book = two
    block = _block(_rows(book[SHEET]), LLAMA)
    assert block[1][:4] == ("Rank", "Plan", "Card", "Rental offer")
    assert block[1][7] == "Serving cost per day (USD/day)"
    plans = planning.plan(wb, LLAMA, "serve")
    first = block[2]
    assert first[0] == 1 and first[1] == "✓ chosen"
    exact = pytest.approx  # XlsxWriter stores 16 significant digits
    assert first[7] == exact(plans.results["serve_cost_per_day"][0], rel=1e-15)  # the number, not rounded
    assert first[2] == plans.inputs["serve_hardware"][0] and first[3] == plans.inputs["serve_price"][0]
    assert first[6] == plans.results["serve_gpus"][0]
    assert first[9] == exact(plans.results["ttft_s"][0], rel=1e-15)
    assert first[10] == exact(plans.results["tpot_s"][0], rel=1e-15)
    assert first[11] == ("●" if plans.pareto[0] else "")
    ws = book[SHEET]
    assert ws.cell(block_row(ws, LLAMA) + 2, 8).number_format.startswith('"$"#,##0.00')


def block_row(ws, scenario: str) -> int:
    """1-based row of a block's title."""
    for row in ws.iter_rows(max_col=1):
        if isinstance(row[0].value, str) and row[0].value.startswith(scenario + " —"):
            return row[0].row
    raise AssertionError(scenario)


def test_the_typed_plan_is_marked_with_its_rank_and_why(wb, two):
    _, book = two
    block = _block(_rows(book[SHEET]), LLAMA)
    plans = planning.plan(wb, LLAMA, "serve")
    typed = [r for r in block if r[1] == "★ as typed"]
    assert len(typed) == 1 and typed[0][0] == plans.typed["rank"] > 3  # below the best three, apart
    assert typed[0][7] == pytest.approx(plans.typed["serve_cost_per_day"], rel=1e-15)
    assert typed[0][2] == "H100 SXM5 80GB"  # as typed in the preset
    # the explanation under the plans: what the chosen plan saves against the typed one
    t, b = plans.typed["serve_cost_per_day"], plans.results["serve_cost_per_day"][0]
    why = block[-1][0]
    assert f"ranks #{plans.typed['rank']:,} at ${t:,.2f}/day" in why
    assert f"saving ${t - b:,.2f}/day ({(t - b) / t:.0%}), ${(t - b) * 365:,.2f} a year" in why
    assert "Serving hardware: H100 SXM5 80GB → H800 SXM5 80GB" in why


def test_a_training_block_in_the_scenarios_currency(wb, two):
    _, book = two
    block = _block(_rows(book[SHEET]), GPT3_CNY)
    assert "Pre-training — CNY" in block[0][0] and "68 plans evaluated" in block[0][0]
    assert block[1][7] == "Pre-training cost (CNY)" and block[1][8] == "Training days (days)"
    plans = planning.plan(wb, GPT3_CNY, "train")
    assert block[2][7] == pytest.approx(plans.results["train_cost"][0], rel=1e-15)
    assert block[2][8] == pytest.approx(plans.results["train_days"][0], rel=1e-15)
    ws = book[SHEET]
    assert ws.cell(block_row(ws, GPT3_CNY) + 2, 8).number_format.startswith('"¥"')


def test_stored_values_are_said_so(two):
    _, book = two
    ws = book[SHEET]
    assert ws["A1"].value.startswith("Plans compared")
    assert "Stored values, not formulas" in ws["A2"].value
    assert not any(isinstance(c.value, str) and c.value.startswith("=") for row in ws.iter_rows() for c in row)


def test_page_setup_fits_one_page(two):
    _, book = two
    ws = book[SHEET]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight in (None, 1)
    assert "Plans compared" in ws.oddHeader.left.text and "&P" in ws.oddFooter.left.text
    assert str(ws.print_area).endswith(f"$M${ws.max_row}")


def test_a_long_sheet_breaks_between_blocks(wb, tmp_path):
    """Every scenario with a serving or training stage: one page wide, pages break only where a
    block starts."""
    path = tmp_path / "all.xlsx"
    write_budget(wb, path, plans=True)
    ws = openpyxl.load_workbook(path)[SHEET]
    titles = [r[0].row for r in ws.iter_rows(max_col=1) if _is_title(r[0].value)]
    names = wb.scenario_names()
    assert len(titles) == len(scenarios_to_plan(wb)) == sum(
        1 for i in range(len(names)) if wb.results.active["serve"][i] or wb.results.active["train"][i])
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks and all(b + 1 in titles for b in breaks)  # a break sits just above a title


def test_plans_with_the_same_figures_are_counted_once(wb):
    (block,) = collect_plans(wb, [LLAMA], top=3)
    best = [r for r in block.rows if not r.apart]
    assert len(best) == 3 and best[0].chosen and not any(r.chosen for r in best[1:])
    for a, b in zip(best, best[1:]):  # each row stands for itself and the `same` plans after it
        assert b.rank == a.rank + a.same + 1
    plans = block.plans
    cost = plans.results["serve_cost_per_day"]
    assert all(cost[best[0].rank - 1 + k] == cost[0] for k in range(best[0].same + 1))


def test_the_typed_plan_that_is_cheapest(wb):
    """When the scenario holds the cheapest plan, it is chosen and typed on the first row."""
    book = lc.new()
    plans = book.plan(LLAMA, "serve", top=1)
    book.apply_plan(LLAMA, plans.iloc[0])
    (block,) = collect_plans(book.workbook, [LLAMA])
    first = block.rows[0]
    assert first.rank == 1 and first.chosen and first.typed and not any(r.apart for r in block.rows)
    assert explanation(block) == "The scenario as typed is the cheapest plan that meets its targets."


def test_money_text():
    assert money_text(408.4151, "USD", "money/day") == "$408.42/day"
    assert money_text(3281337.649, "CNY") == "¥3,281,337.65"
    assert money_text(-2.5, "CNY", "money/day", "zh_CN") == "-¥2.50/天"


def test_chinese_sheet_name_and_headers(wb, tmp_path):
    path = tmp_path / "zh.xlsx"
    write_budget(wb, path, lang="zh_CN", plans=True, plan_scenarios=[LLAMA])
    book = openpyxl.load_workbook(path)
    assert "方案比较" in book.sheetnames
    ws = book["方案比较"]
    rows = _rows(ws)
    assert rows[0][0].startswith("方案比较") and "不是公式" in rows[1][0]
    block = _block(rows, LLAMA)
    assert "推理服务" in block[0][0] and "个方案" in block[0][0]
    assert block[1][:4] == ("排名", "方案", "加速卡", "租用报价")
    assert block[1][7] == "推理每日成本 (美元/天)"
    assert block[2][1] == "✓ 选定" and any(r[1] == "★ 当前" for r in block)
    assert "场景当前的方案排第" in block[-1][0] and "节省" in block[-1][0]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToHeight in (None, 1)
    assert ws.oddHeader.left.text.startswith("方案比较")


def test_the_budget_with_plans_reads_back_the_same(wb, two):
    path, _ = two
    assert scenario_records(read_workbook(path)) == scenario_records(wb)


# ------------------------------------------------------------------ the command and the API


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "in.xlsx"
    write_document(default_workbook(), path)
    return path


def test_cli_export_with_plans(tmp_path, workbook, capsys):
    out = tmp_path / "budget.xlsx"
    assert main(["export", str(workbook), "-o", str(out), "--plans", "--scenario", "Llama 3 70B",
                 "--scenario", GPT3_CNY, "--top", "2"]) == 0
    assert "plans compared" in capsys.readouterr().out
    rows = _rows(openpyxl.load_workbook(out)[SHEET])
    llama = _block(rows, LLAMA)
    assert [r[0] for r in llama[2:-1]][:2] == [1, llama[3][0]] and len(llama) == 2 + 3 + 1  # 2 best, typed, why
    assert _block(rows, GPT3_CNY)
    plain = tmp_path / "plain.xlsx"
    assert main(["export", str(workbook), "-o", str(plain)]) == 0
    assert SHEET not in openpyxl.load_workbook(plain).sheetnames


@pytest.mark.parametrize("args, message", [
    (["--scenario", "Llama"], "add --plans"),
    (["--top", "2"], "add --plans"),
    (["--plans", "--scenario", "no such scenario"], "no such scenario"),
    (["--plans", "--scenario", "Enterprise 6B: QLoRA fine-tune on A100"], "no serving or pre-training stage"),
])
def test_cli_plans_options_refused(tmp_path, workbook, capsys, args, message):
    out = tmp_path / "budget.xlsx"
    assert main(["export", str(workbook), "-o", str(out), *args]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_api_export_with_plans(tmp_path):
    book = lc.new()
    path = book.export_budget(tmp_path / "b.xlsx", plans=True, plan_scenarios=LLAMA)
    sheet = openpyxl.load_workbook(path)[SHEET]
    assert sum(1 for r in _rows(sheet) if _is_title(r[0])) == 1
    assert SHEET not in openpyxl.load_workbook(book.export_budget(tmp_path / "c.xlsx")).sheetnames
    with pytest.raises(ValueError, match="no serving or pre-training stage"):
        book.export_budget(tmp_path / "d.xlsx", plans=True, plan_scenarios=[_ft_only(book)])


def _ft_only(book) -> str:
    wb = book.workbook
    return next(n for i, n in enumerate(book.scenarios)
                if not wb.results.active["serve"][i] and not wb.results.active["train"][i])


# ------------------------------------------------------------------ printed


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_libreoffice_prints_the_plans_on_one_page(two, wb, recalc, tmp_path, lang):
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed: `make system-deps` installs poppler-utils")
    path = tmp_path / f"plans-{lang}.xlsx"
    write_budget(wb, path, lang=lang, plans=True, plan_scenarios=[LLAMA, GPT3_CNY])
    (pdf,) = recalc([path], to="pdf")
    pages = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    title = "Plans compared" if lang == "en" else "方案比较"
    found = [p for p in pages if p.lstrip().startswith(title)]
    assert len(found) == 1  # both blocks on one page
    assert LLAMA in found[0] and GPT3_CNY in found[0]
    best = planning.plan(wb, LLAMA, "serve").results["serve_cost_per_day"][0]
    assert f"${best:,.2f}" in found[0]  # the cheapest Llama plan's cost per day, as stored


def test_no_plan_meets_the_targets(tmp_path):
    """A per-token target of 1 ms no card meets: nothing is chosen, the plans say why not, and
    the line under them names the closest plan."""
    book = lc.new()
    book.set("Scenarios", LLAMA, "tpot_target_s", "0.001")
    (block,) = collect_plans(book.workbook, [LLAMA])
    assert not any(r.chosen for r in block.rows) and any(r.typed for r in block.rows)
    assert all(r.record["reason"] for r in block.rows)
    assert explanation(block).startswith("No plan meets the targets; the closest is ")
    path = book.export_budget(tmp_path / "none.xlsx", plans=True, plan_scenarios=[LLAMA])
    rows = _block(_rows(openpyxl.load_workbook(path)[SHEET]), LLAMA)
    assert ", 0 meet the targets" in rows[0][0]
    assert rows[2][1] in (None, "") and rows[2][7] is None and "Per-token target" in rows[2][12]
