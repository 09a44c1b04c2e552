"""Generated documentation is up to date with the registry and the data (run `make docs`)."""

import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("script", ["make_formulas_doc", "make_validation"])
def test_generated_doc_is_current(script, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    module = importlib.import_module(script)  # in-process: no interpreter start-up
    assert module.main(["--check"]) == 0, f"docs are stale: run `make docs` ({script}.py)"


def test_formulas_doc_lists_every_formula_with_a_source():
    from llmcost_gui.core.formulas import REGISTRY

    text = (ROOT / "docs" / "formulas.md").read_text(encoding="utf-8")
    for key, f in REGISTRY.items():
        assert f"`{key}`" in text
        assert f.source


def test_default_data_rows_have_sources():
    import csv

    from llmcost_gui.paths import resource

    for name, col in [("models.csv", "source"), ("hardware.csv", "source"), ("prices.csv", "source"),
                      ("assumptions.csv", "note"), ("training_runs.csv", "source"),
                      ("memory_runs.csv", "source")]:
        with open(resource("data", name), newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert rows and all(r[col].strip() for r in rows), name
    with open(resource("data", "prices.csv"), newline="", encoding="utf-8") as fh:
        dated = [r for r in csv.DictReader(fh) if r["as_of"]]
    assert len(dated) >= 20
