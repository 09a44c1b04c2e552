"""The Python API sees the ApiOffers table and the comparison like any other table."""

import pytest

pd = pytest.importorskip("pandas")

import llmcost_gui.api as lc  # noqa: E402

LLAMA = "Llama 3 70B serving on rented H100"


def test_offers_table_and_choosing_an_offer():
    book = lc.new()
    offers = book.inputs("ApiOffers")
    assert len(offers) >= 20 and offers.loc["Llama 3 70B on Amazon Bedrock", "input_per_million"] == 2.65
    book.set("Scenarios", LLAMA, "api_offer", "Llama 3 70B on Amazon Bedrock")
    row = book.results().loc[LLAMA]
    # 100,000 users · 10 requests · (1,000 · 2.65 + 400 · 3.50) USD / 1e6 = 4,050 USD a day
    assert row["api_cost_per_day"] == pytest.approx(4050, rel=1e-12)
    assert row["api_vs_self_host"] == pytest.approx(4050 / row["serve_cost_per_day"], rel=1e-12)
