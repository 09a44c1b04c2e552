"""`llmcost sweep | tornado | montecarlo`: JSON shapes, agreement with compute, exit 2 on bad input."""

import json
import subprocess
import sys

import pytest
from cli_helpers import run

from llmcost_gui.cli import main

LLAMA = "Llama 3 70B serving on rented H100"


def test_sweep_json(book, capsys):
    code, out, _ = run(capsys, "sweep", book, "--scenario", LLAMA, "--input", "daily_users", "--from", "100k",
                       "--to", "1M", "--points", "4", "--output", "serve_gpus", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"input", "output", "x", "y", "currency", "errors"} <= set(data)
    assert data["input"] == "daily_users" and data["output"] == "serve_gpus"
    assert data["x"] == [100_000, 400_000, 700_000, 1_000_000]
    assert data["y"] == sorted(data["y"]) and len(data["y"]) == 4


def test_sweep_at_the_current_value_equals_compute(book, capsys):
    _, out, _ = run(capsys, "compute", book, "--json")
    llama = next(s for s in json.loads(out)["scenarios"] if s["name"] == LLAMA)
    _, out, _ = run(capsys, "sweep", book, "--scenario", LLAMA, "--input", "daily_users", "--from", "100000",
                    "--to", "200000", "--points", "2", "--output", "daily_total", "--json")
    assert json.loads(out)["y"][0] == pytest.approx(llama["daily_total"], rel=1e-12)


def test_sweep_errors_are_null_in_json(book, capsys):
    _, out, _ = run(capsys, "sweep", book, "--scenario", LLAMA, "--input", "serve_mfu", "--from", "0.5",
                    "--to", "2", "--points", "4", "--output", "daily_total", "--json")
    y = json.loads(out)["y"]
    assert y[0] is not None and y[-1] is None


def test_tornado_json_sorted(book, capsys):
    code, out, _ = run(capsys, "tornado", book, "--scenario", LLAMA, "--output", "daily_total",
                       "--swing", "0.1", "--json")
    assert code == 0
    bars = json.loads(out)["bars"]
    assert bars and all({"input", "low", "high", "input_low", "input_high"} <= set(b) for b in bars)
    impacts = [abs(b["high"] - b["low"]) for b in bars]
    assert impacts == sorted(impacts, reverse=True)


def test_montecarlo_json_reproducible(book, capsys):
    argv = ("montecarlo", book, "--scenario", LLAMA, "--output", "daily_total", "--samples", "3000",
            "--seed", "5", "--json")
    _, first, _ = run(capsys, *argv)
    _, second, _ = run(capsys, *argv)
    data = json.loads(first)
    assert first == second and {"p10", "p50", "p90", "mean", "base", "currency"} <= set(data)
    assert data["p10"] <= data["p50"] <= data["p90"]


@pytest.mark.parametrize("argv, message", [
    (("sweep", "--scenario", "nope", "--input", "pue", "--from", "1", "--to", "2", "--output", "daily_total"),
     "no scenario named 'nope'"),
    (("sweep", "--scenario", LLAMA, "--input", "nope", "--from", "1", "--to", "2", "--output", "daily_total"),
     "unknown input 'nope'"),
    (("sweep", "--scenario", LLAMA, "--input", "pue", "--from", "1", "--to", "2", "--output", "nope"),
     "unknown output 'nope'"),
    (("sweep", "--scenario", LLAMA, "--input", "pue", "--from", "2", "--to", "1", "--output", "daily_total"),
     "from a lower to a higher"),
    (("sweep", "--scenario", LLAMA, "--input", "daily_users", "--from", "0", "--to", "1M", "--log",
      "--output", "daily_total"), "above zero"),
    (("sweep", "--scenario", LLAMA, "--input", "daily_users", "--from", "ten", "--to", "1M",
      "--output", "daily_total"), "--from"),
    (("tornado", "--scenario", LLAMA, "--output", "daily_total", "--swing", "2"), "swing"),
    (("tornado", "--scenario", LLAMA, "--output", "train_cost"), "not part of scenario"),
    (("montecarlo", "--scenario", LLAMA, "--output", "daily_total", "--samples", "0"), "samples"),
])
def test_bad_arguments_exit_2_with_a_message(book, capsys, argv, message):
    argv = (argv[0], book, *argv[1:])
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err


def test_argparse_errors_exit_2(book, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["montecarlo", book, "--scenario", LLAMA, "--output", "daily_total", "--samples", "many"])
    assert exc.value.code == 2
    assert "whole number" in capsys.readouterr().err


def test_module_entry_point_exits_2(book):
    out = subprocess.run([sys.executable, "-m", "llmcost_gui.cli", "tornado", book, "--scenario", "nope",
                          "--output", "daily_total"], capture_output=True, text=True)
    assert out.returncode == 2 and "no scenario named" in out.stderr and "Traceback" not in out.stderr
