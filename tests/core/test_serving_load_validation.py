"""Serving at load stays within the goal against published measurements (docs/validation.md)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import validation_load as vl  # noqa: E402


@pytest.fixture(scope="module")
def results():
    return vl.estimate_load(vl.load_load_runs())


def test_every_point_within_25_percent_median_within_12(results):
    worst, median = vl.load_summary(results)
    off = [(r["name"], round(r["error"], 3)) for r in results if not r["excluded"] and abs(r["error"]) > 0.25]
    assert worst <= vl.LOAD_GOAL[0], off
    assert median <= vl.LOAD_GOAL[1]


def test_the_points_cover_load_moe_and_a_fleet(results):
    used = [r for r in results if not r["excluded"]]
    assert len(used) >= 15
    assert {r["load"] for r in used} >= {"max", "qps", "concurrency", "fleet-disagg"}
    assert {r["metric"] for r in used} >= {"output_tokens_per_s_per_gpu", "ttft_s", "tpot_s",
                                           "serve_gpus", "serve_gpus_avg", "serve_cost_per_day"}
    moe = {r["name"] for r in used if r["model"] in ("Mixtral 8x7B", "DeepSeek-V3")}
    assert len(moe) >= 3


def test_every_point_cites_its_source_and_every_exclusion_its_reason(results):
    for r in results:
        assert r["source"] and r["as_of"], r["name"]
    assert all(len(r["excluded"]) > 40 for r in results if r["excluded"])
