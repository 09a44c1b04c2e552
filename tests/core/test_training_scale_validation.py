"""The "training at scale" section of docs/validation.md stays true: published runs with their
layouts, the app's MFU predicted with train_mfu blank (scripts/validation_scale.py)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import make_validation as mv  # noqa: E402
import validation_scale as vs  # noqa: E402

RESULTS = vs.estimate_scale(vs.load_scale_runs())
COUNTED = [r for r in RESULTS if not r["excluded"]]


def test_every_run_within_25_percent_median_within_12():
    worst, median = vs.scale_summary(RESULTS)
    assert len(COUNTED) >= 12
    assert worst <= vs.SCALE_GOAL[0], max(COUNTED, key=lambda r: abs(r["error"]))["name"]
    assert median <= vs.SCALE_GOAL[1]


def test_the_runs_cover_cards_precisions_moe_and_scale():
    h100_bf16 = [r for r in COUNTED if r["hardware"].startswith(("H100", "H800")) and r["precision"] == "bf16"]
    assert len(h100_bf16) >= 2
    assert any(r["precision"] == "fp8" for r in COUNTED)
    assert any("EP" in r["layout"] and "EP1 " not in r["layout"] for r in COUNTED)  # a mixture of experts
    assert any(float(r["gpus"]) >= 10_000 for r in COUNTED)
    assert any(not r["hardware"].startswith(("H100", "H800", "A100")) for r in COUNTED)  # TPU v4


def test_every_run_cites_its_source_and_every_exclusion_its_reason():
    assert all(r["source"].strip() for r in RESULTS)
    assert set(vs.EXCLUDED) <= {r["name"] for r in RESULTS}


def test_published_layout_degrees_are_the_ones_used():
    llama = next(r for r in RESULTS if r["name"].startswith("Llama 3.1 405B, 128K"))
    assert llama["layout"].startswith("TP8 · PP16 · CP16") and "DP8" in llama["layout"]


def test_runs_with_a_typed_mfu_keep_the_published_arithmetic():
    """The 14 older runs: FLOPs within 5 %; a typed MFU gives FLOPs ÷ (peak × MFU), goodput not applied."""
    runs = mv.estimate(mv.load_runs())
    assert len(runs) == 14
    for r in runs:
        if r["reported_flops"]:
            assert r["flops"] == pytest.approx(float(r["reported_flops"]), rel=0.05), r["name"]
        if r["hours_at_reported"]:
            assert r["hours_at_reported"] == pytest.approx(
                r["flops"] / (r["peak"] * float(r["reported_mfu"])) / 3600, rel=1e-9), r["name"]
