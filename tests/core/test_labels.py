"""The one catalogue of words: labels, descriptions, interface texts and reasons in words."""

import pytest

from llmcost_gui.core import labels
from llmcost_gui.core.formulas import REGISTRY
from llmcost_gui.core.reasons import Reason, domain_of
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


@pytest.mark.parametrize("why, en, zh", [
    (Reason.of("blank_needed", col="serve_hardware", stage="serve"),
     "Serving hardware is blank; serving needs it", "推理硬件为空；推理服务需要它"),
    (Reason.of("not_quantity", why=Reason.of("not_number", value="abc"),
               domain=domain_of(TABLES["Models"].by_name["params_b"])),
     "“abc” is not a number; expected a number > 0", "“abc”不是数字；应为大于 0 的数"),
    (Reason.of("outside_domain", col="train_mfu", domain=domain_of(TABLES["Scenarios"].by_name["train_mfu"])),
     "Training MFU must be a number > 0% and ≤ 100%", "训练算力利用率 (MFU)必须是大于 0% 且不大于 100% 的数"),
    (Reason.of("row_lacks", table="Hardware", name="H100", col="price"),
     "Hardware “H100” has no Card price", "硬件“H100”没有填写单卡购价"),
    (Reason("something new"), "something new", "something new"),  # no template yet: as written
])
def test_reasons_in_words(why, en, zh):
    assert labels.reason(why, "en") == en == str(why)
    assert labels.reason(why, "zh_CN") == zh


def test_a_real_refusal_reads_as_words():
    from llmcost_gui.core.cells import InputError
    from llmcost_gui.io.defaults import default_workbook

    wb = default_workbook()
    name = wb.tables["Models"].get(0, "name")
    with pytest.raises(InputError) as info:
        wb.set_cell("Models", 0, "params_b", "abc")
    (problem,) = info.value.problems
    en = labels.refused("Models", name, "params_b", problem.why(), "70B", "en")
    assert en == f"Models › {name} › Parameters: “abc” is not a number; expected a number > 0. " \
                 "For example: 70B"
    zh = labels.refused("Models", name, "params_b", problem.why(), "70B", "zh_CN")
    assert zh.startswith(f"模型 › {name} › 参数量：“abc”不是数字")
    with pytest.raises(InputError) as info:
        wb.set_cell("Models", 0, "params_b", "-5")
    assert labels.refused("Models", name, "params_b", info.value.problems[0].why(), "", "en") == \
        f"Models › {name} › Parameters: must be a number > 0, got -5"


def test_formula_keywords_in_both_languages():
    from llmcost_gui.core import expr

    tree = expr.parse("where(isblank(a), b, zero_if_blank(c))")
    assert expr.to_text(tree) == "if a is blank then b else (c or 0)"
    assert expr.to_text(tree, lang="zh_CN") == "如果 a 为空 则 b 否则 (c 或 0)"


def test_serving_and_memory_reasons_in_both_languages():
    from llmcost_gui.core.formulas_serving import ERR_TPOT

    assert labels.reason(ERR_TPOT, "zh_CN").startswith("没有批大小能满足每 Token 时延目标")
    assert "serve_tp" not in labels.reason(ERR_TPOT, "en")  # the column's label instead
    held = Reason.of("cards_too_few", cards=512.0, need=1024.0, card_gb=80.0)
    assert labels.reason(held, "zh_CN").startswith("512 张训练卡放不下这次训练：按当前分片至少需要 1,024 张")
