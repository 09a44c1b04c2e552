"""The memory breakdown the chart draws comes straight from the registry's per-card results."""

import pytest
from core_data import FT, SERVE, TRAIN

from llmcost_gui.core.memory_breakdown import memory_breakdown


def test_parts_per_card_for_each_stage(mini):
    wb = mini({**TRAIN, **FT, "name": "both", "train_tp": 1, "train_pp": 1})
    stages, problems = memory_breakdown(wb.results, 0)
    assert problems == [] and [s.stage for s in stages] == ["train", "ft"]
    train, ft = stages
    # pre-training on 100 cards, plain data parallel: the lightest stage that fits is ZeRO-2, whole
    # weights (20 GB), gradients and Adam states / 100, 0.054 GB of activations
    assert train.parts["weights"] == pytest.approx(20) and train.parts["optimizer"] == pytest.approx(1.2)
    assert train.used_gb == pytest.approx(20 + 1.4 + 0.054) and train.card_gb == 40 and train.cards == 100
    assert train.parts["reserve"] == pytest.approx(4.0) and train.fits and train.min_gpus == 5
    # full fine-tuning spread over its minimum of 5 cards
    assert ft.cards == 5 and ft.used_gb == pytest.approx(160 / 5 + 54 * 2048 * 1000 / 1e9)


def test_a_run_that_does_not_fit_keeps_its_bar_and_reason(mini):
    wb = mini({**TRAIN, "train_gpus": 2})
    (train,) = memory_breakdown(wb.results, 0)[0]
    assert not train.fits and train.used_gb == pytest.approx(80 + 0.054)
    assert str(train.reason).startswith("2 training cards cannot hold this run")


def test_nothing_to_show_for_serving_only(mini):
    assert memory_breakdown(mini(SERVE).results, 0) == ([], [])
