"""Test setup: Qt runs headless; shared fixtures."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture
def default_wb():
    """A fresh default workbook (sourced data and presets)."""
    from llmcost_gui.io.defaults import default_workbook

    return default_workbook()
