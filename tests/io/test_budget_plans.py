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
from llmcost_gui.io.budget_plans import (
    collect_plans,
    explanation,
    money_text,
    scenarios_to_plan,
    write_plans_sheet,
)
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.xlsx_read import read_workbook
from llmcost_gui.io.xlsx_write import write_document

LLAMA = "Llama 3 70B serving on rented H100"
GPT3_CNY = "GPT-3 175B on 500B tokens, 50% off, in CNY (blog example)"
QLORA = "Enterprise 6B: QLoRA fine-tune on A100 (memory)"
SHEET = "Plans compared"


@pytest.fixture(scope="module")
def wb():
    return default_workbook()


def sheet_only(wb, path, lang="en", blocks=None, scenarios=None):
    """The Plans compared sheet alone, written by the budget's own writer (write_plans_sheet)
    into a workbook of its own: a full budget takes a second to write and read, this sheet a
    few milliseconds."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    write_plans_sheet(book, wb, lang, scenarios, blocks=blocks)
    book.close()
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def blocks(wb):
    """The plans of one serving, one training and one fine-tuning scenario, searched once."""
    return collect_plans(wb, [LLAMA, GPT3_CNY, QLORA])


@pytest.fixture(scope="module")
def two(wb, blocks, tmp_path_factory):
    """The sheet comparing the plans of one serving and one training scenario."""
    path = tmp_path_factory.mktemp("plans") / "plans.xlsx"
    return path, sheet_only(wb, path, blocks=blocks[:2])


def _rows(ws) -> list[tuple]:
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def _is_title(value) -> bool:
    return isinstance(value, str) and " plans evaluated, " in value


def _block(rows: list[tuple], scenario: str) -> list[tuple]:
    """The rows of one scenario's block: its title, header, plans and explanation."""
    start = next(i for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith(scenario + " —"))
    end = next((i for i in range(start + 1, len(rows)) if rows[i][0] is None), len(rows))
    return rows[start:end]


def test_the_sheet_is_there_only_with_plans(default_budget):
    plain = openpyxl.load_workbook(default_budget("en"), read_only=True)
    assert SHEET not in plain.sheetnames  # the budget with it: test_cli_export_with_plans


def test_first_row_is_the_cheapest_plan_of_the_search(wb, two, blocks):
    _, book = two
    block = _block(_rows(book[SHEET]), LLAMA)
    assert block[1][:4] == ("Rank", "Plan", "Card", "Rental offer")
    assert block[1][7] == "Serving cost per day (USD/day)"
    plans = blocks[0].plans  # the search of LLAMA, as the sheet shows it
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


def test_the_typed_plan_is_marked_with_its_rank_and_why(wb, two, blocks):
    _, book = two
    block = _block(_rows(book[SHEET]), LLAMA)
    plans = blocks[0].plans  # the search of LLAMA, as the sheet shows it
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


def test_a_fine_tuning_block(wb, blocks, tmp_path):
    """Fine-tuning plans: the fewest cards that fit, the cost and the GPU-hours."""
    ft = blocks[2]
    assert (ft.scenario, ft.stage) == (QLORA, "ft")
    rows = _rows(sheet_only(wb, tmp_path / "ft.xlsx", blocks=[ft])[SHEET])
    block = _block(rows, QLORA)
    assert "Fine-tuning — CNY" in block[0][0] and "14 plans evaluated" in block[0][0]
    assert block[1][6:9] == ("Fine-tuning: fewest cards that fit", "Fine-tuning cost (CNY)",
                             "Fine-tuning GPU-hours (GPU-h)")
    plans = ft.plans
    assert block[2][6] == plans.results["ft_min_gpus"][0]
    assert block[2][7] == pytest.approx(plans.results["ft_cost"][0], rel=1e-15)
    assert block[2][8] == pytest.approx(plans.results["ft_gpu_hours"][0], rel=1e-15)


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


def test_a_long_sheet_breaks_between_blocks(wb, blocks, tmp_path):
    """Ten scenarios' worth of blocks: one page wide, pages break only where a block starts."""
    ws = sheet_only(wb, tmp_path / "long.xlsx", blocks=blocks * 4)[SHEET]
    titles = [r[0].row for r in ws.iter_rows(max_col=1) if _is_title(r[0].value)]
    assert len(titles) == 12
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks and all(b + 1 in titles for b in breaks)  # a break sits just above a title


def test_every_scenario_with_a_stage_is_compared(wb):
    names = wb.scenario_names()
    assert scenarios_to_plan(wb) == [i for i in range(len(names))
                                     if any(wb.results.active[s][i] for s in ("serve", "train", "ft"))]


@pytest.mark.slow
def test_all_scenarios_print_one_page_wide(wb, tmp_path):
    """The whole default workbook (every scenario and stage searched: seconds)."""
    path = tmp_path / "all.xlsx"
    write_budget(wb, path, plans=True)
    ws = openpyxl.load_workbook(path)[SHEET]
    titles = [r[0].row for r in ws.iter_rows(max_col=1) if _is_title(r[0].value)]
    names = wb.scenario_names()
    assert len(titles) == sum(int(wb.results.active[s][i]) for s in ("serve", "train", "ft")
                              for i in range(len(names)))  # a block per scenario and stage
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks and all(b + 1 in titles for b in breaks)


def test_plans_with_the_same_figures_are_counted_once(blocks):
    block = blocks[0]
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
    book.apply_plan(LLAMA, planning.plan(book.workbook, LLAMA, "serve").record(0))
    (block,) = collect_plans(book.workbook, [LLAMA])
    first = block.rows[0]
    assert first.rank == 1 and first.chosen and first.typed and not any(r.apart for r in block.rows)
    assert explanation(block) == "The scenario as typed is the cheapest plan that meets its targets."


def test_money_text():
    assert money_text(408.4151, "USD", "money/day") == "$408.42/day"
    assert money_text(3281337.649, "CNY") == "¥3,281,337.65"
    assert money_text(-2.5, "CNY", "money/day", "zh_CN") == "-¥2.50/天"


def test_chinese_sheet_name_and_headers(wb, tmp_path):
    book = sheet_only(wb, tmp_path / "zh.xlsx", "zh_CN", collect_plans(wb, [LLAMA], lang="zh_CN"))
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


# ------------------------------------------------------------------ the command and the API


QLORA = "Enterprise 6B: QLoRA fine-tune on A100 (memory)"


@pytest.fixture
def workbook(tmp_path):
    """The default workbook with one scenario that has no stage to plan (its fine-tuning tokens
    left blank)."""
    path = tmp_path / "in.xlsx"
    book = lc.new()
    book.set("Scenarios", QLORA, "ft_tokens_b", "")
    write_document(book.workbook, path)
    return path


def test_cli_export_with_plans(tmp_path, workbook, capsys):
    """The one full budget with plans of this module: its sheets, the Plans compared sheet for
    the scenarios named, and the live sheets reading back as the workbook."""
    out = tmp_path / "budget.xlsx"
    assert main(["export", str(workbook), "-o", str(out), "--plans", "--scenario", "Llama 3 70B",
                 "--top", "2"]) == 0
    assert "plans compared" in capsys.readouterr().out
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames[:3] == ["Summary", SHEET, "Results"]
    rows = _rows(book[SHEET])
    llama = _block(rows, LLAMA)
    assert [r[0] for r in llama[2:-1]][:2] == [1, llama[3][0]] and len(llama) == 2 + 3 + 1  # 2 best, typed, why
    assert sum(1 for r in rows if _is_title(r[0])) == 1
    assert scenario_records(read_workbook(out)) == scenario_records(read_workbook(workbook))


@pytest.mark.parametrize("args, message", [
    (["--scenario", "Llama"], "add --plans"),
    (["--top", "2"], "add --plans"),
    (["--plans", "--scenario", "no such scenario"], "no such scenario"),
    (["--plans", "--scenario", QLORA], "no serving, pre-training or fine-tuning stage"),
])
def test_cli_plans_options_refused(tmp_path, workbook, capsys, args, message):
    out = tmp_path / "budget.xlsx"
    assert main(["export", str(workbook), "-o", str(out), *args]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_api_export_with_plans_refuses_a_scenario_without_a_stage(tmp_path):
    book = lc.new()
    book.set("Scenarios", QLORA, "ft_tokens_b", "")  # no stage left to plan
    with pytest.raises(ValueError, match="no serving, pre-training or fine-tuning stage"):
        book.export_budget(tmp_path / "d.xlsx", plans=True, plan_scenarios=[QLORA])
    assert not (tmp_path / "d.xlsx").exists()


# ------------------------------------------------------------------ printed


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_libreoffice_prints_the_plans_on_one_page(wb, recalc, tmp_path, lang):
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
    path = book.export_budget(tmp_path / "none.xlsx", plans=True, plan_scenarios=LLAMA)  # the API, one name
    sheet = openpyxl.load_workbook(path, read_only=True)[SHEET]
    assert sum(1 for r in _rows(sheet) if _is_title(r[0])) == 1
    rows = _block(_rows(sheet), LLAMA)
    assert ", 0 meet the targets" in rows[0][0]
    assert rows[2][1] in (None, "") and rows[2][7] is None and "Per-token target" in rows[2][12]
