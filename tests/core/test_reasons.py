"""Reasons are data: every key has an English and a Chinese template with the same places, and
every refusal the code makes names a key the catalogue has."""

import ast
import re
import string
from pathlib import Path

import pytest

from llmcost_gui.core import labels
from llmcost_gui.core.catalogue.reasons import REASONS
from llmcost_gui.core.formulas import REGISTRY
from llmcost_gui.core.reasons import Reason
from llmcost_gui.core.schema import ASSUMPTION_KEYS, TABLES
from llmcost_gui.core.variants import AnalysisError

SOURCE = Path(__file__).resolve().parents[2] / "llmcost_gui"
KNOWN_NAMES = {c.name for t in TABLES.values() for c in t.columns} | set(ASSUMPTION_KEYS) | set(REGISTRY)


def places(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(REASONS))
def test_every_reason_has_both_templates_with_the_same_places(key):
    en, zh = REASONS[key]
    assert en and zh and en != zh, key
    assert places(en) == places(zh), key
    assert re.search(r"[\u4e00-\u9fff]", zh) or not re.sub(r"\{\w+\}", "", zh).strip("：; "), key


def _fails():
    """(formula key, reason key, keyword names) of every fail() and blank() in the registry."""
    for f in REGISTRY.values():
        for node in ast.walk(f.tree):
            if isinstance(node, ast.Call) and node.func.id in ("fail", "blank"):
                assert not node.args[1:], f"{f.key}: fail() takes keywords, not positions"
                yield f.key, node.args[0].value, {k.arg for k in node.keywords}


@pytest.mark.parametrize("formula, key, given", list(_fails()))
def test_every_fail_of_the_registry_has_a_template_for_its_arguments(formula, key, given):
    assert key in REASONS, f"{formula}: fail({key!r}) has no template in core/catalogue/reasons.py"
    for template in REASONS[key]:
        assert given <= places(template), (formula, key)
        for name in places(template) - given:  # the others name columns, shown by their labels
            assert name in KNOWN_NAMES, (formula, key, name)


# every Reason the code makes by hand: Reason("key"), Reason.of("key", …), and the exceptions
# that carry one (CellError, UnitError, AnalysisError, RefusalError)
MADE = re.compile(r'\b(?:Reason(?:\.of)?|CellError|UnitError|AnalysisError|RefusalError)\(\s*"(\w+)"')


def test_every_reason_made_in_the_code_has_a_template():
    made = {}
    for path in SOURCE.rglob("*.py"):
        for key in MADE.findall(path.read_text(encoding="utf-8")):
            made.setdefault(key, path.name)
    assert len(made) > 40
    missing = {k: p for k, p in made.items() if k not in REASONS}
    assert not missing, f"no template for {missing}"


def test_a_key_without_a_template_reads_as_written():
    assert labels.reason(Reason("needs {0} cards", (("0", 4.0),)), "zh_CN") == "needs 4 cards"


# ------------------------------------------------------------------ the cases users met

ENGLISH_PROSE = re.compile(r"\b(?:the|a|an|of|to|is|in|or|and|for|with|not|no|must|be|on|than|"
                           r"give|choose|shorter|context|micro-batch|card|cards|memory|needs)\b")


def test_no_users_to_compare_reads_in_chinese():
    zh = AnalysisError("serves_no_users").text("zh_CN")
    assert zh == "此场景没有用户：填写日活用户数即可与 API 对比"
    assert str(AnalysisError("serves_no_users")) == \
        "the scenario serves no users: give Daily users to compare with an API"


def test_fine_tuning_memory_advice_keeps_lora_in_both_languages(mini):
    from core_data import FT

    wb = mini({**FT, "ft_method": "qlora", "ft_context": 100_000, "ft_checkpointing": "none"})
    why = wb.results.error(0, "ft_min_gpus")
    assert why.key == "never_fits_ft"
    for lang in ("en", "zh_CN"):
        assert "LoRA/QLoRA" in labels.reason(why, lang)


@pytest.mark.parametrize("key", ["never_fits", "never_fits_ft", "cards_too_few", "replica_too_small",
                                 "batch_misses_tpot", "prefill_misses_ttft", "no_rental_offer"])
def test_chinese_advice_has_no_english_words_in_it(key):
    args = {"usable": 36.0, "activations": 5034.0, "cards": 4.0, "need": 5.0, "card_gb": 40.0,
            "col": "train_price", "col_sharding": "ft_sharding", "col_checkpointing": "ft_checkpointing"}
    zh = labels.reason(Reason.of(key, **{k: v for k, v in args.items() if k in places(REASONS[key][0])}),
                       "zh_CN")
    assert not ENGLISH_PROSE.search(zh), zh
    assert "或 micro-batch" not in zh and "a shorter context" not in zh
