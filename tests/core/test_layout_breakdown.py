"""The layout tab's reading of the results: the MFU waterfall and the layout in words (by hand)."""

import pytest

from llmcost_gui.core.layout_breakdown import StageLayout, describe


def stage(**kw) -> StageLayout:
    base = dict(stage="train", layout="TP8 · PP16 · CP1 · EP1 · DP128 · ZeRO-1",
                degrees=dict(tp=8, pp=16, cp=1, ep=1, dp=128), micro_batches=64, cards=16384, node_gpus=8,
                context=8192, global_batch=16_777_216, kernel_eff=0.55, bubble=0.2, comm_exposed=0.1,
                mfu_used=0.4, mfu_typed=False, goodput=0.9)
    return StageLayout(**{**base, **kw})


def test_waterfall_takes_the_bubble_then_the_communication_off_the_kernel_efficiency():
    s = stage()
    # 0.55 × (1 − 0.2) = 0.44 after the bubble; 0.44 ÷ 1.1 = 0.4 after communication
    assert s.predicted == pytest.approx(0.4)
    bars = {name: (bottom, height) for name, bottom, height in s.bars()}
    assert bars["kernel"] == pytest.approx((0.0, 0.55))
    assert bars["bubble"] == pytest.approx((0.44, 0.11))
    assert bars["comm"] == pytest.approx((0.4, 0.04))
    assert bars["mfu"] == pytest.approx((0.0, 0.4))


def test_missing_parts_are_not_drawn():
    s = stage(bubble=None, comm_exposed=None, kernel_eff=None)
    assert s.predicted is None and [b[0] for b in s.bars()] == ["mfu"]


def test_words_name_each_degree_and_the_arithmetic():
    text = describe(stage())
    assert "8 cards per server share each layer (tensor parallel, TP8)." in text
    assert "16 pipeline stages" in text and "64 micro-batches per step" in text and "takes 20% of the time" in text
    assert "128 copies" in text and "16.78M tokens" in text and "(data parallel, DP128)" in text
    assert "kernel efficiency 55% × (1 − bubble 20%) ÷ (1 + exposed communication 10%) = 40%" in text
    assert "Goodput 90%" in text
    assert "context parallel" not in text and "expert parallel" not in text  # degree 1: not worth a sentence


def test_words_for_long_context_experts_tp_beyond_a_server_and_a_typed_mfu():
    text = describe(stage(degrees=dict(tp=16, pp=1, cp=16, ep=64, dp=4), context=131072, mfu_used=0.3,
                          mfu_typed=True))
    assert "more than the 8 of one server" in text and "TP16" in text
    assert "No pipeline" in text
    assert "131,072 tokens is split over 16 cards, 8,192 tokens each (context parallel, CP16)" in text
    assert "64 cards (expert parallel, EP64)" in text
    assert "The scenario types its MFU, 30%: it replaces the predicted 40%." in text


def test_words_in_chinese():
    text = describe(stage(), "zh_CN")
    assert "每台服务器内 8 张卡共同计算每一层（张量并行，TP8）。" in text
    assert "数据并行，DP128" in text and "算子效率 55%" in text
