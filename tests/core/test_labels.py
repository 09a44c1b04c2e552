"""The one catalogue of words: labels, descriptions, interface texts and reasons in words."""

import pytest

from llmcost_gui.core import labels
from llmcost_gui.core.formulas import REGISTRY
from llmcost_gui.core.schema import TABLES


def test_every_column_and_result_has_both_labels_and_descriptions():
    for table in TABLES.values():
        for col in table.columns:
            assert labels.column_label(col.name, "zh_CN") != col.name, (table.name, col.name)
            assert labels.description(col.name, "en", table.name) == col.help
            assert labels.description(col.name, "zh_CN", table.name)
    for key, formula in REGISTRY.items():
        assert labels.description(key, "en") == formula.doc


def test_interface_text_falls_back_to_english():
    assert labels.text("Per day", "zh_CN") == "每日"
    assert labels.text("Per day", "en") == "Per day"
    assert labels.text("no such text", "zh_CN") == "no such text"
    assert labels.message("Version {version}", "zh_CN", version="1.2") == "版本 1.2"


@pytest.mark.parametrize("core, en, zh", [
    ("serve_hardware is blank; serving needs it",
     "Serving hardware is blank; serving needs it", "推理硬件为空；推理服务需要它"),
    ("Models row 1, params_b: 'abc' is not a number; expected a number in (0, inf)",
     "Parameters: “abc” is not a number; expected a number > 0",
     "参数量：“abc”不是数字；应为大于 0 的数"),
    ("Scenarios row 2, train_mfu must be a number in (0, 1], got 150%",
     "Training MFU must be a number > 0% and ≤ 100%, got 150%",
     "训练算力利用率 (MFU)必须是大于 0% 且不大于 100% 的数，实际为 150%"),
    ("Hardware 'H100' has no price", "Hardware “H100” has no Card price", "硬件“H100”没有填写单卡购价"),
    ("something new", "something new", "something new"),
])
def test_reasons_in_words(core, en, zh):
    assert labels.reason(core, "en") == en
    assert labels.reason(core, "zh_CN") == zh


def test_a_real_refusal_reads_as_words():
    from llmcost_gui.io.defaults import default_workbook

    wb = default_workbook()
    name = wb.tables["Models"].get(0, "name")
    with pytest.raises(ValueError) as info:
        wb.set_cell("Models", 0, "params_b", "abc")
    en = labels.refused("Models", name, "params_b", info.value.args[0], "70B", "en")
    assert en == f"Models › {name} › Parameters: “abc” is not a number; expected a number > 0. " \
                 "For example: 70B"
    zh = labels.refused("Models", name, "params_b", info.value.args[0], "70B", "zh_CN")
    assert zh.startswith(f"模型 › {name} › 参数量：“abc”不是数字")
    with pytest.raises(ValueError) as info:
        wb.set_cell("Models", 0, "params_b", "-5")
    assert labels.refused("Models", name, "params_b", info.value.args[0], "", "en") == \
        f"Models › {name} › Parameters: must be a number > 0, got -5"


def test_formula_words():
    assert labels.formula_words("if a then b else (c or 0)", "zh_CN") == "如果 a 则 b 否则 (c 或 0)"
    assert labels.formula_words("if a then b", "en") == "if a then b"


def test_serving_and_memory_reasons_in_both_languages():
    from llmcost_gui.core.formulas_serving import ERR_TPOT

    assert labels.reason(ERR_TPOT, "zh_CN").startswith("没有批大小能满足每 Token 时延目标")
    assert "serve_tp" not in labels.reason(ERR_TPOT, "en")  # the column's label instead
    held = ("512 training cards cannot hold this run: it needs at least 1,024 of these 80 GB cards "
            "with its sharding; use more cards, a card with more memory, ZeRO sharding or "
            "train_checkpointing full")
    assert labels.reason(held, "zh_CN").startswith("512 张训练卡放不下这次训练：按当前分片至少需要 1,024 张")
