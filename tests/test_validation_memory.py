"""The app's training memory stays within ±25 % of published figures (docs/validation.md)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import validation_memory as vm  # noqa: E402

RESULTS = vm.estimate_memory(vm.load_memory_runs())


def test_enough_published_figures_of_each_kind():
    assert len(RESULTS) >= 8
    assert {r["stage"] for r in RESULTS} == {"train", "ft"}
    assert {r["method"] for r in RESULTS if r["stage"] == "ft"} >= {"full", "lora", "qlora"}
    assert all(r["source"].strip() for r in RESULTS)


@pytest.mark.parametrize("r", RESULTS, ids=[r["name"] for r in RESULTS])
def test_published_memory_figure_agrees(r):
    assert vm.holds(r), f"{r['name']}: app {r['app_gb']:.4g} GB vs {r['relation']} {r['reported_gb']} GB"


def test_a_point_figure_outside_the_tolerance_fails():
    r = {**RESULTS[0], "relation": "≈", "app_gb": 1.3 * float(RESULTS[0]["reported_gb"]), "error": 0.3}
    assert not vm.holds(r)
    assert not vm.holds({**r, "relation": ">", "app_gb": 1.0, "reported_gb": "80"})
