"""Fixtures of the core tests; the data lives in core_data.py."""

import pytest
from core_data import make_wb


@pytest.fixture
def mini():
    return make_wb
