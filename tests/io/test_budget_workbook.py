"""The budget workbook's shape: stored values equal to the app's results, registry formulas,
portable lookups, room to grow, validation, words in both languages, print setup."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from llmcost_gui.core import labels
from llmcost_gui.core.formulas import REGISTRY, RESULT_KEYS
from llmcost_gui.core.report import scenario_records
from llmcost_gui.io.budget import write_budget
from llmcost_gui.io.budget_formulas import COL, ROW, Layout, formula_templates, slot_subs
from llmcost_gui.io.budget_summary import SUMMARY_KEYS, SummaryGeometry
from llmcost_gui.io.budget_values import positions, stored_values
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.xlsx_read import read_workbook


@pytest.fixture(scope="module")
def budget(default_budget):
    wb = default_workbook()
    path = default_budget("en")
    return wb, path, openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)


def _result_rows(ws) -> dict[str, int]:
    """Result label -> row of the (transposed) Results sheet."""
    return {row[0].value: row[0].row for row in ws.iter_rows(min_row=3, max_col=1) if row[0].value}


def test_stored_values_are_the_apps_results(budget, agrees):
    """What a reader that never calculates sees (pandas, previews, data_only) is the app's numbers."""
    wb, _, _, values = budget
    res = values["Results"]
    rows = _result_rows(res)
    records = scenario_records(wb)
    assert [c.value for c in res[1][2:2 + len(records)]] == [r["name"] for r in records]
    assert [c.value for c in res[2][2:2 + len(records)]] == [r["currency"] for r in records]
    for key in RESULT_KEYS:
        row = rows[labels.result_label(key)]
        for j, rec in enumerate(records):
            diff = agrees(rec[key], rec["errors"].get(key), res.cell(row, 3 + j).value)
            assert diff is None, (key, rec["name"], diff)
    assert res.cell(rows[labels.result_label("train_cost")], 3).value == pytest.approx(records[0]["train_cost"])


def test_every_formula_cell_stores_a_value(budget):
    """No formula of a real scenario is stored empty unless the app's result is blank."""
    wb, path, _, _ = budget
    with zipfile.ZipFile(path) as z:
        xml = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
    assert b"<f>" in xml and b"<v/>" not in xml
    assert b"fullCalcOnLoad" in zipfile.ZipFile(path).read("xl/workbook.xml")  # Excel recomputes too


def test_summary_separates_one_off_recurring_and_unit_costs(budget):
    wb, _, formulas, values = budget
    layout = Layout(wb)
    stored, _ = stored_values(layout)
    g = SummaryGeometry(layout, stored, "en")
    ws, vs = formulas["Summary"], values["Summary"]
    assert ws["A1"].value == labels.budget_word("title")
    groups = [c.value for c in ws[g.group_row + 1] if c.value]
    assert groups == ["One-off", "Recurring (serving)", "Unit costs (serving)"]
    heads = [c.value for c in ws[g.head_row + 1]][:2 + len(SUMMARY_KEYS)]
    assert heads == ["Scenario", "Currency", "Pre-training", "Fine-tuning", "Purchase", "Per day",
                     "Per month", "Per year", "Per 1M tokens", "Per user-month"]
    records = scenario_records(wb, (*RESULT_KEYS, "serve_cost_per_year", "serve_cost_per_month"))
    for i, rec in enumerate(records):
        row = [c.value for c in vs[g.first + 1 + i]]
        assert row[:2] == [rec["name"], rec["currency"]]
        if rec["serve_cost_per_day"] is not None:  # month = year / 12, year = 365 days
            assert row[5:8] == pytest.approx([rec["serve_cost_per_day"], rec["serve_cost_per_day"] * 365 / 12,
                                              rec["serve_cost_per_day"] * 365])
        else:
            assert row[5:8] == [None, None, None]
    assert book_has_chart(budget[1])
    assert formulas.sheetnames[0] == "Summary" and formulas.active.title == "Summary"


def book_has_chart(path) -> bool:
    names = zipfile.ZipFile(path).namelist()
    return any(n.startswith("xl/charts/chart") for n in names) and any(n.startswith("xl/drawings/") for n in names)


def test_formulas_read_like_the_registry(budget):
    """Golden formulas, written by hand from SPEC §2 and the layout: Results column C is the first
    scenario (Workings row 2); daily_users is optional (blank: no serving), requests_per_user has
    the default 10."""
    wb, _, book, _ = budget
    res, work = book["Results"], book["Workings"]
    rows = _result_rows(res)
    wh = {c.value: c.column_letter for c in work[1]}
    users, per_user = wh["in.daily_users"], wh["in.requests_per_user"]
    sc = wb.tables["Scenarios"].columns
    t, u = (openpyxl.utils.get_column_letter(sc.index(c) + 1) for c in ("daily_users", "requests_per_user"))
    assert work[f"{users}2"].value == (
        f'=IF($A2="","",IF(TRIM(CLEAN(Scenarios!${t}2))="","",IF(IF(ISNUMBER(Scenarios!${t}2),'
        f'AND(Scenarios!${t}2>0),FALSE),Scenarios!${t}2,NA())))')
    assert work[f"{per_user}2"].value.startswith(f'=IF($A2="","",IF(TRIM(CLEAN(Scenarios!${u}2))="",10,')
    assert res.cell(rows["Requests per day"], 3).value == (
        f'=IF(C$1="","",IF(Workings!${users}2="","",Workings!${users}2*Workings!${per_user}2))')
    annual = rows["Annual total"]
    assert res.cell(rows["Monthly total"], 4).value == f'=IF(D$1="","",D${annual}/12)'
    assert "*pue" in res.cell(rows["Training energy"], 3).value  # the assumption's defined name
    # a lookup: MATCH finds the name, EXACT confirms its case; INDEX reads the column
    match = work[f"{wh['row_of.model']}3"].value
    assert match == ('=IF($A3="","",IF($B3="",NA(),IF(EXACT(INDEX(Models!$A$2:$A$228,'
                     'MATCH($B3,Models!$A$2:$A$228,0)),$B3),MATCH($B3,Models!$A$2:$A$228,0),NA())))')
    assert work[f"{wh['params']}3"].value == (
        f'=IF($A3="","",IF(INDEX(Models!$B$2:$B$228,${wh["row_of.model"]}3)="",NA(),'
        f'INDEX(Models!$B$2:$B$228,${wh["row_of.model"]}3))*1000000000)')
    # no array tricks: nothing Gnumeric or the formulas package evaluates differently
    text = "".join(str(c.value) for ws in (res, work) for row in ws.iter_rows() for c in row)
    assert "EXACT(Models" not in text and "INDEX(EXACT" not in text and "{" not in text


def test_every_slot_reads_its_own_formula(budget):
    """The cells of a formula down the Workings sheet (or along a Results row) are written as one
    shared formula; a reader that shifts it (openpyxl here, as Excel does) must find in every slot
    exactly the formula written for that slot's row and column."""
    wb, _, book, _ = budget
    layout = Layout(wb)
    templates = formula_templates(layout)
    subs = slot_subs(layout.slots)
    work, res = book["Workings"], book["Results"]
    header = {c.value: c.column for c in work[1]}
    checked = 0
    for key, column in header.items():
        template = templates.get(("Workings", key))
        if template is None:
            continue
        for i in (0, 1, 2, 7, layout.slots - 2, layout.slots - 1):
            number, letter = subs[i]
            assert work.cell(i + 2, column).value == template.replace(ROW, number).replace(COL, letter), (key, i)
            checked += 1
    rows = {key: r for kind, key, r in layout.result_lines if kind == "key"}
    for key, r in rows.items():
        for i in (1, 2, layout.slots - 2):
            number, letter = subs[i]
            expected = templates[("Results", key)].replace(ROW, number).replace(COL, letter)
            assert res.cell(r, 3 + i).value == expected, (key, i)
    assert checked > 6 * 300


def test_positions_are_the_apps_rows():
    from llmcost_gui.core.schema import HARDWARE
    from llmcost_gui.core.workbook import TableData

    t = TableData(HARDWARE)
    t.data[HARDWARE.key] = ["A100", "a100 x", "H100", None]
    # exact like EXACT: another letter case, a blank, an unknown name find no row
    assert positions(t, ["H100", "h100", "A100 X", "", None, "B200", "A100"]) == \
        [3, "#N/A", "#N/A", "#N/A", "#N/A", "#N/A", 1]


def test_room_for_200_scenarios(budget):
    wb, _, book, values = budget
    layout = Layout(wb)
    assert layout.slots >= 200
    res, work, summary = book["Results"], book["Workings"], book["Summary"]
    last_col = openpyxl.utils.get_column_letter(2 + layout.slots)
    assert res[f"{last_col}1"].value == f"=Workings!$A{layout.slots + 1}"
    assert work.cell(layout.slots + 1, 2).data_type == "f"
    assert summary.max_row >= 200
    assert values["Results"][f"{last_col}1"].value in (None, "")  # an empty slot shows nothing
    assert Layout(default_workbook(), slots=3).slots == wb.tables["Scenarios"].nrows + 1


def test_assumptions_are_resolved_names_on_a_hidden_protected_sheet(budget):
    wb, _, book, values = budget
    work = book["Workings"]
    assert work.sheet_state == "hidden" and work.protection.sheet and not work.protection.password
    for key in ("usd_cny", "pue", "memory_reserve"):
        sheet, cell = book.defined_names[key].attr_text.split("!")
        assert sheet == "Workings"
        assert work[cell.replace("$", "")].value.startswith("=IF(TRIM(CLEAN(Assumptions!")
        assert values["Workings"][cell.replace("$", "")].value == wb.tables["Assumptions"].assumptions()[key]


def _validations(ws) -> dict[str, object]:
    head = {c.column_letter: c.value for c in ws[1]}
    out = {}
    for dv in ws.data_validations.dataValidation:
        letter = str(dv.sqref).split(":")[0].rstrip("0123456789")
        out[head.get(letter, letter)] = dv
    return out


def test_inputs_are_validated_with_the_apps_domain(budget):
    _, _, book, _ = budget
    dvs = _validations(book["Scenarios"])
    mfu = dvs["Training MFU"]
    assert mfu.type == "custom" and mfu.errorStyle in (None, "stop") and mfu.showErrorMessage  # stop: the default
    assert mfu.formula1 == 'OR(TRIM(CLEAN(G2))="",AND(ISNUMBER(G2),G2>0,G2<=1))'
    assert "percentage > 0 % and ≤ 100 %" in mfu.prompt and "predicted" in mfu.prompt
    assert dvs["Rental discount"].formula1 == 'OR(TRIM(CLEAN(K2))="",AND(ISNUMBER(K2),K2>=0,K2<=1))'
    batch = str(dvs["Batch size"].sqref).split(":")[0]
    assert f"INT({batch})={batch}" in dvs["Batch size"].formula1
    assert dvs["Model"].type == "list" and dvs["Model"].formula1 == "Models!$A$2:$A$228"
    assert dvs["Model"].errorStyle in (None, "stop") and dvs["Model"].showErrorMessage
    assert dvs["Training precision"].formula1 == '"fp32,bf16,fp8,int8"'
    assert dvs["Procurement"].formula1 == '"rent,buy"'
    assert all(max(r.max_row for r in dv.sqref.ranges) >= 201 for dv in dvs.values())  # empty rows too
    hw = _validations(book["Hardware"])
    assert hw["Memory (GB)"].formula1 == "AND(ISNUMBER(G2),G2>0)"  # tables: no whitespace
    assert hw["Price currency"].formula1 == '"USD,CNY"'
    assert _validations(book["Prices"])["Hardware"].formula1.startswith("Hardware!$A$2:$A$")


def test_inputs_look_like_inputs_and_fractions_are_percent(budget):
    _, _, book, _ = budget
    sc = book["Scenarios"]
    head = {c.value: c.column_letter for c in sc[1]}
    mfu = sc[f"{head['Training MFU']}2"]
    assert mfu.font.color.rgb.endswith("0000FF") and mfu.number_format == "0.0%"
    empty = sc[f"{head['Training MFU']}150"]  # a row left for a new scenario is an input too
    assert empty.value is None and empty.font.color.rgb.endswith("0000FF")
    res = book["Results"]
    assert res["C4"].font.color is None or not str(res["C4"].font.color.rgb).endswith("0000FF")
    assert sc.freeze_panes == "B2" and res.freeze_panes == "C3"


def test_money_formats_follow_the_currency_cell(budget):
    _, _, book, _ = budget
    res = book["Results"]
    row = _result_rows(res)["Pre-training cost"]
    assert "$" not in res.cell(row, 3).number_format and "¥" not in res.cell(row, 3).number_format
    rules = {str(r.formula[0]): r for rng in res.conditional_formatting for r in rng.rules}
    assert {'C$2="CNY"', 'OR(C$2="USD",TRIM(C$2)="")'} <= set(rules)
    assert "¥" in rules['C$2="CNY"'].dxf.numFmt.formatCode
    ranges = [str(rng.sqref) for rng in res.conditional_formatting]
    assert any(f"C{row}:" in r for r in ranges)
    # input sheets: a price follows its row's currency column; a percentage never gets a symbol
    for sheet, column in (("Hardware", "price"), ("Prices", "per_gpu_hour"), ("ApiOffers", "input_per_million")):
        ws = book[sheet]
        letter = openpyxl.utils.get_column_letter(wb_columns(ws).index(column) + 1)
        assert any(str(rng.sqref).startswith(f"{letter}2:") for rng in ws.conditional_formatting), sheet
    assert not list(book["Scenarios"].conditional_formatting)


def wb_columns(ws) -> list:
    from llmcost_gui.io.records import match_header
    from llmcost_gui.io.xlsx_read import default_aliases

    return match_header([c.value for c in ws[1]], ws.title, default_aliases())


def test_headers_are_words_in_english_and_chinese(budget, default_budget):
    _, _, book, _ = budget
    assert [c.value for c in book["Scenarios"][1]][:3] == ["Name", "Model", "Training tokens (B tokens)"]
    assert "Pre-training cost" in _result_rows(book["Results"])
    path = default_budget("zh_CN")
    wb = default_workbook()
    zh = openpyxl.load_workbook(path)
    assert zh["Summary"]["A1"].value == "大模型预算汇总"
    assert [c.value for c in zh["Scenarios"][1]][:3] == ["名称", "模型", "预训练 Token 数 (十亿 Token)"]
    assert "预训练成本" in _result_rows(zh["Results"]) and zh["Results"]["A2"].value == "币种"
    assert zh["Models"]["B1"].value == "参数量 (十亿参数)"
    again = read_workbook(path)  # the words read back as the columns they name
    assert scenario_records(again) == scenario_records(wb)


def test_print_setup(budget):
    wb, _, book, _ = budget
    for name in ("Summary", "Results", "Models", "Hardware", "Prices", "Assumptions", "Scenarios"):
        ws = book[name]
        assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth in (None, 1) and ws.oddHeader.left.text
        assert "&P" in ws.oddFooter.left.text and "&N" in ws.oddFooter.left.text
    assert book["Summary"].page_setup.fitToHeight in (None, 1)  # one page (1 is the default)
    assert book["Results"].page_setup.fitToHeight == 0  # as many pages tall as needed
    assert book["Results"].print_title_rows == "$1:$2" and book["Scenarios"].print_title_rows == "$1:$1"
    # the print area stops at the last scenario, not at the empty slots
    assert str(book["Scenarios"].print_area).endswith(f"${wb.tables['Scenarios'].nrows + 1}")


def test_budget_reimports_to_the_same_results(budget):
    wb, path, _, _ = budget
    again = read_workbook(path)
    assert scenario_records(again) == scenario_records(wb)
    for table, t in wb.tables.items():
        assert again.tables[table].data == t.data


def test_every_registry_formula_is_on_the_sheet(budget):
    """New registry formulas appear without a hand list: public on Results, the rest on Workings."""
    wb, _, book, _ = budget
    work = {c.value for c in book["Workings"][1]}
    assert {k for k, f in REGISTRY.items() if k not in RESULT_KEYS} <= work
    assert {labels.result_label(k) for k in RESULT_KEYS} <= set(_result_rows(book["Results"]))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_cells_without_a_value_carry_their_reason_in_the_budgets_language(tmp_path, lang):
    wb = default_workbook()
    row = next(i for i in range(wb.tables["Scenarios"].nrows)
               if wb.tables["Scenarios"].get(i, "name").startswith("ChatGPT scale"))
    wb.set_cell("Scenarios", row, "serve_hardware", None)
    path = tmp_path / f"budget-{lang}.xlsx"
    write_budget(wb, path, lang)
    ws = openpyxl.load_workbook(path)["Results"]
    rows = _result_rows(ws)
    res = wb.results
    col = 3 + row  # Results: label, unit, then one column per scenario
    note = ws.cell(rows[labels.result_label("serve_gpus", lang)], col).comment
    assert note is not None and note.text == labels.reason(res.error(row, "serve_gpus"), lang)
    assert ("推理硬件为空" in note.text) == (lang == "zh_CN")
    assert ws.cell(rows[labels.result_label("requests_per_day", lang)], col).comment is None  # a value
    noted = {(c.row, c.column) for line in ws.iter_rows() for c in line if c.comment is not None}
    failed = {(rows[labels.result_label(k, lang)], 3 + i) for k in REGISTRY if labels.result_label(k, lang) in rows
              for i in range(wb.tables["Scenarios"].nrows)
              if res.error(i, k) is not None and not (res.is_blank(i, k) and res.note(i, k) is None)}
    assert noted == failed and len(noted) > 10


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_assumptions_in_words_beside_the_key(default_budget, lang):
    from llmcost_gui.core import labels

    wb = default_workbook()
    path = default_budget(lang)
    asm = openpyxl.load_workbook(path)["Assumptions"]
    assert asm["B1"].value == labels.budget_word("assumption_words", lang)
    words = {r[0]: r[1] for r in asm.iter_rows(min_row=2, max_col=2, values_only=True)}
    assert words["usd_cny"] == ("USD/CNY rate" if lang == "en" else "美元兑人民币汇率")
    assert words["pue"] == labels.column_label("pue", lang)
    again = read_workbook(path)  # the words are not read back as a column
    assert again.tables["Assumptions"].columns == wb.tables["Assumptions"].columns
    assert again.tables["Assumptions"].assumptions() == wb.tables["Assumptions"].assumptions()


def test_a_blank_currency_means_one_currency_everywhere():
    """The budget's currency formats read a blank currency cell as the Scenarios column's default."""
    from llmcost_gui.core.schema import CURRENCIES, TABLES

    defaults = {c.default for t in TABLES.values() for c in t.columns if c.choices == CURRENCIES}
    assert defaults == {TABLES["Scenarios"].by_name["currency"].default}
