"""The CLI tests' default workbook, written by `llmcost new` once per module."""

import pytest

from llmcost_gui.cli import main


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> str:
    """The default workbook with every preset, written once per test module."""
    path = tmp_path_factory.mktemp("cli") / "default.xlsx"
    assert main(["new", "-o", str(path)]) == 0
    return str(path)
