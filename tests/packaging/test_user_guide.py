"""The user guides: generated tables up to date, every column and result documented, both languages."""

import importlib.util
from pathlib import Path

import pytest

from llmcost_gui.core import schema
from llmcost_gui.core.formulas import RESULT_KEYS

ROOT = Path(__file__).resolve().parents[2]
GUIDES = {"en": ROOT / "docs" / "user-guide.md", "zh_CN": ROOT / "docs" / "user-guide.zh_CN.md"}
FIX = "run: python scripts/make_user_guide_tables.py --write"


def tables_script():
    spec = importlib.util.spec_from_file_location(
        "make_user_guide_tables", ROOT / "scripts" / "make_user_guide_tables.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script():
    return tables_script()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_generated_schema_tables_are_current(script, lang):
    text = GUIDES[lang].read_text(encoding="utf-8")
    for part in ("columns", "results"):
        block = script.block(part).search(text)
        assert block, f"{GUIDES[lang].name} lost its {part} markers"
        assert block.group(2) == script.MAKERS[part](lang), f"{part} table is stale; {FIX}"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_column_result_and_preset_is_in_the_guide(default_wb, lang):
    text = GUIDES[lang].read_text(encoding="utf-8")
    for table in schema.TABLES.values():
        for col in table.columns:
            assert f"`{col.name}`" in text, f"{table.name}.{col.name} missing; {FIX}"
    for key in (*RESULT_KEYS, *schema.ASSUMPTION_KEYS):
        assert f"`{key}`" in text
    sc = default_wb.tables["Scenarios"]
    for row in range(sc.nrows):
        assert sc.get(row, "name") in text, f"preset {sc.get(row, 'name')!r} missing; {FIX}"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_wrong_formulas_section_names_each_claim_and_right_figure(lang):
    text = GUIDES[lang].read_text(encoding="utf-8")
    for claim in ("L · D · N", "0.387", "0.6", "280", "267", "8 × 222", "1.78", "G = L × C × n",
                  "6,067", "3.7e14", "formulas.md"):
        assert claim in text, claim


def test_chinese_descriptions_cover_every_column_and_result(script):
    zh = script.COLUMN_HELP_ZH
    for table in schema.TABLES.values():
        for col in table.columns:
            assert f"{table.name}.{col.name}" in zh, f"add a Chinese description for {col.name}"
    for key in schema.ASSUMPTION_KEYS:
        assert f"Assumptions.{key}" in zh
    assert set(RESULT_KEYS) <= set(script.RESULT_DOC_ZH)


def test_domains_are_written_from_the_schema(script):
    sc = schema.SCENARIOS
    assert script.domain(sc.column("train_mfu"), "en") == "0 < x ≤ 1"
    assert script.domain(sc.column("train_gpus"), "en") == "whole number ≥ 1"
    assert script.domain(sc.column("procurement"), "en") == "`rent` / `buy`"
    assert script.domain(sc.column("model"), "zh_CN") == "Models 表中的名称"
    assert script.default_text(sc.column("requests_per_user"), "en") == "10"
    assert script.default_text(sc.column("batch_size"), "en") == ""  # blank: what fits
    assert script.default_text(sc.column("model"), "zh_CN") == "必填"


def test_presets_table_quotes_the_apps_numbers(script, default_wb):
    from llmcost_gui.core.report import format_result

    table = script.presets_part("en")
    row = default_wb.scenario_row("ChatGPT scale: 13 M daily users on A100 (buy)")
    assert format_result(default_wb, row, "serve_gpus") in table
    assert table.count("\n") == default_wb.tables["Scenarios"].nrows + 2
