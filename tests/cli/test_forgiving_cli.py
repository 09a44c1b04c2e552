"""The CLI forgives: files are never replaced silently, scenarios found by prefix or number, the
valid names listed, tables with units, CSV, buy vs rent, and quiet on a closed pipe."""

import csv
import io
import json
import subprocess
import sys

import pytest
from cli_helpers import run

from llmcost_gui.cli import main
from llmcost_gui.core.choose import NoMatchError, choose

LLAMA = "Llama 3 70B serving on rented H100"


# ------------------------------------------------------------------ never overwrite silently


def test_new_refuses_an_existing_file(tmp_path, capsys):
    target = tmp_path / "budget.xlsx"
    target.write_bytes(b"my edits")
    code, out, err = run(capsys, "new", "-o", str(target))
    assert code == 2 and out == ""
    assert "exists" in err and "--force" in err
    assert target.read_bytes() == b"my edits"


def test_new_with_force_replaces(tmp_path, capsys):
    target = tmp_path / "budget.xlsx"
    target.write_bytes(b"my edits")
    assert run(capsys, "new", "-o", str(target), "--force")[0] == 0
    assert target.read_bytes()[:2] == b"PK"


def test_export_refuses_an_existing_file(book, tmp_path, capsys):
    target = tmp_path / "budget.xlsx"
    target.write_bytes(b"last quarter")
    code, _, err = run(capsys, "export", book, "-o", str(target))
    assert code == 2 and "--force" in err and target.read_bytes() == b"last quarter"
    assert run(capsys, "export", book, "-o", str(target), "-f")[0] == 0
    assert target.read_bytes()[:2] == b"PK"


# ------------------------------------------------------------------ finding a scenario


NAMES = ["GPT-3 175B pre-training (paper)", "GPT-3 175B on 500B tokens", LLAMA, "Llama 3 8B"]


@pytest.mark.parametrize("text, index", [
    (LLAMA, 2), ("3", 2), ("1", 0), ("gpt-3 175b pre", 0), ("GPT3 175B pre", 0),
    ("llama 3 70", 2), ("LLAMA 3 8B", 3), (1, 1),
])
def test_choose(text, index):
    assert choose(NAMES, text) == index


@pytest.mark.parametrize("text, message", [
    ("gpt-3", "matches 2 scenarios"), ("GPT3", "matches 2 scenarios"), ("nope", "no scenario named"),
    ("9", "no scenario number 9"), ("llama", "matches 2"),
])
def test_choose_refuses_with_every_candidate(text, message):
    with pytest.raises(NoMatchError) as exc:
        choose(NAMES, text)
    assert message in str(exc.value)
    if "named" in message or "number" in message:  # unknown: every name, not just eight
        assert all(n in str(exc.value) for n in NAMES)


def test_unknown_scenario_lists_all_names(book, capsys):
    code, _, err = run(capsys, "tornado", book, "--scenario", "nope", "--output", "daily_total")
    assert code == 2
    _, out, _ = run(capsys, "compute", book, "--json")
    names = [s["name"] for s in json.loads(out)["scenarios"]]
    assert len(names) > 8 and all(n in err for n in names) and "…" not in err


def test_scenario_by_number_equals_by_name(book, capsys):
    _, out, _ = run(capsys, "compute", book, "--json")
    number = [s["name"] for s in json.loads(out)["scenarios"]].index(LLAMA) + 1
    argv = ("--output", "daily_total", "--swing", "0.1", "--json")
    by_name = run(capsys, "tornado", book, "--scenario", LLAMA, *argv)[1]
    assert run(capsys, "tornado", book, "--scenario", str(number), *argv)[1] == by_name
    assert run(capsys, "tornado", book, "--scenario", "llama 3 70b", *argv)[1] == by_name


def test_unknown_input_and_output_list_the_valid_ones_with_labels(book, capsys):
    code, _, err = run(capsys, "sweep", book, "--scenario", LLAMA, "--input", "mfu", "--from", "0.1",
                       "--to", "1", "--output", "daily_total")
    assert code == 2 and "serve_mfu" in err and "Serving MFU" in err and "serve_hardware.price" in err
    code, _, err = run(capsys, "tornado", book, "--scenario", LLAMA, "--output", "total")
    assert code == 2 and "daily_total" in err and "annual_total" in err and "Daily total" in err


# ------------------------------------------------------------------ tables, CSV, buy vs rent


def test_sweep_table_has_units_and_reasons(book, capsys):
    code, out, _ = run(capsys, "sweep", book, "--scenario", LLAMA, "--input", "serve_mfu", "--from", "0.5",
                       "--to", "2", "--points", "4", "--output", "daily_total")
    assert code == 0
    assert "daily_total (USD/day)" in out and "50%" in out and "$" in out
    assert "Serving MFU must be a number > 0% and ≤ 100%" in out  # not a bare "(error)"


def test_sweep_csv_is_raw_numbers(book, capsys):
    _, out, _ = run(capsys, "sweep", book, "--scenario", LLAMA, "--input", "daily_users", "--from", "100k",
                    "--to", "200k", "--points", "3", "--output", "serve_gpus", "--csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["daily_users", "serve_gpus", "note"]
    assert [float(r[0]) for r in rows[1:]] == [100_000, 150_000, 200_000]
    assert all(float(r[1]) >= 1 for r in rows[1:])


def test_tornado_and_montecarlo_tables_have_headers_and_money(book, capsys):
    _, out, _ = run(capsys, "tornado", book, "--scenario", LLAMA, "--output", "daily_total")
    assert "input" in out.splitlines()[2] and "daily_total at low" in out and "$" in out
    _, out, _ = run(capsys, "montecarlo", book, "--scenario", LLAMA, "--output", "daily_total",
                    "--samples", "500", "--seed", "1")
    assert "P50" in out and "daily_total (USD/day)" in out and "/day" in out


def test_compute_csv_matches_json(book, capsys):
    _, js, _ = run(capsys, "compute", book, "--json")
    _, cs, _ = run(capsys, "compute", book, "--csv")
    rows = list(csv.DictReader(io.StringIO(cs)))
    first = json.loads(js)["scenarios"][0]
    assert rows[0]["name"] == first["name"]
    assert float(rows[0]["train_flops"]) == pytest.approx(first["train_flops"], rel=1e-12)


def test_buy_vs_rent(book, capsys):
    code, out, _ = run(capsys, "buy-vs-rent", book, "--scenario", LLAMA, "--months", "24", "--json")
    assert code == 0
    d = json.loads(out)
    assert len(d["rent"]) == 25 and d["months"][-1] == 24
    # hand check: cumulative cost = up front + 30 days a month × cost per day
    assert d["rent"][12] == pytest.approx(d["rent_upfront"] + 360 * d["rent_per_day"])
    assert d["buy"][12] == pytest.approx(d["buy_upfront"] + 360 * d["buy_per_day"])
    if d["break_even_months"]:
        m = d["break_even_months"]
        assert d["rent_upfront"] + 30 * m * d["rent_per_day"] == pytest.approx(
            d["buy_upfront"] + 30 * m * d["buy_per_day"])
    _, text, _ = run(capsys, "buy-vs-rent", book, "--scenario", LLAMA)
    assert "rent, cumulative (USD)" in text and "up front" in text


# ------------------------------------------------------------------ closed pipe


class _ClosedPipe(io.StringIO):
    def write(self, s):
        raise BrokenPipeError(32, "Broken pipe")


def test_closed_pipe_is_quiet_in_process(book, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["compute", book, "--json"]) == 1
    assert capsys.readouterr().err == ""


def test_closed_pipe_is_quiet_from_the_shell(book):
    # `true` reads nothing and exits at once: the write always meets a closed pipe
    cmd = f"{sys.executable} -m llmcost_gui.cli compute '{book}' --json | true"
    out = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True, timeout=120)
    assert out.stderr == ""
