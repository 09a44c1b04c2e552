"""The API comparison through the CLI: compute --json and a sweep over daily users."""

import json

import pytest

from llmcost_gui.cli import main

ENTERPRISE = "Enterprise 6B: fine-tune + 1,000 staff on A100"


def test_compute_json_has_the_comparison(book, capsys):
    assert main(["compute", book, "--json"]) == 0
    rows = {s["name"]: s for s in json.loads(capsys.readouterr().out)["scenarios"]}
    ent = rows[ENTERPRISE]
    # 1,000 users · 20 requests · (1,000 · 0.30 + 300 · 0.30) USD / 1e6 · 7.1 CNY/USD = 55.38 CNY a day
    assert ent["api_cost_per_day"] == pytest.approx(1000 * 20 * 1300 * 0.30 / 1e6 * 7.1, rel=1e-12)
    assert ent["api_vs_self_host"] == pytest.approx(ent["api_cost_per_day"] / ent["serve_cost_per_day"])
    assert ent["breakeven_daily_users"] > 1000
    llama = rows["Llama 3 70B serving on rented H100"]
    # the autoscaled FP8 fleet is cheaper than Groq at its 100,000 users, so the break-even lies below
    assert llama["api_vs_self_host"] > 1 and 0 < llama["breakeven_daily_users"] < 100_000
    assert "breakeven_daily_users" not in llama["errors"]


def test_sweep_daily_users_for_the_api_cost_is_a_line(book, capsys):
    code = main(["sweep", book, "--scenario", ENTERPRISE, "--input", "daily_users", "--from", "1000",
                 "--to", "5000", "--points", "3", "--output", "api_cost_per_day", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["y"] == pytest.approx([55.38, 3 * 55.38, 5 * 55.38], rel=1e-12)
