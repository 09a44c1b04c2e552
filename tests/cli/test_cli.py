"""The `llmcost` CLI reproduces the reference cases of SPEC §3 and rejects bad input cleanly."""

import contextlib
import io
import json

import openpyxl
import pytest

from llmcost_gui.cli import main


@pytest.fixture(scope="module")
def default_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "default.xlsx"
    assert main(["new", "-o", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def computed(default_file):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["compute", str(default_file), "--json"]) == 0
    return {s["name"]: s for s in json.loads(out.getvalue())["scenarios"]}


def near(value, target, rel=0.02):
    return abs(value - target) <= rel * abs(target)


def test_gpt3_pretraining_pf_days(computed):
    s = computed["GPT-3 175B pre-training (paper)"]
    # 6·N·D = 3.15e23 FLOPs = 3,646 PF-days; the attention term adds 1.4 %
    assert near(s["train_flops"], 3.15e23)
    assert near(s["train_pf_days"], 3640)


def test_gpt3_500b_tokens_on_rented_a100(computed):
    full = computed["GPT-3 175B on 500B tokens, A100 at 2.2659 USD/h (blog example)"]
    half = computed["GPT-3 175B on 500B tokens, 50% off, in CNY (blog example)"]
    assert near(full["train_cost"], 1.06e6)
    assert half["currency"] == "CNY"
    assert near(half["train_cost"] / 7.1, 0.53e6)


def test_gpt4_dense_reading_is_267_times(computed):
    gpt4 = computed["GPT-4 scale, dense 1.8T reading (blog example)"]["train_cost"]
    gpt3 = computed["GPT-3 175B on 500B tokens, A100 at 2.2659 USD/h (blog example)"]["train_cost"]
    assert near(gpt4 / gpt3, 267)


def test_gpt4_moe_matches_reported_compute(computed):
    s = computed["GPT-4 scale, MoE 280B active on 25,000 A100"]
    assert near(s["train_flops"], 2.15e25, rel=0.05)
    assert 90 <= s["train_days"] <= 100


def test_chatgpt_scale_serving(computed):
    s = computed["ChatGPT scale: 13 M daily users on A100 (buy)"]
    assert 10_000 <= s["serve_gpus"] < 100_000  # tens of thousands of A100
    assert 100_000 <= s["serve_cost_per_day"] < 1_000_000  # hundreds of thousands of USD per day
    electricity = s["serve_energy_kwh_per_day"] * 0.1
    assert 10_000 <= electricity <= 100_000  # of the order of 50 k USD per day


def test_enterprise_scenarios_in_cny(computed):
    names = [n for n in computed if n.startswith("Enterprise 6B")]
    assert len(names) == 9
    for n in names:
        s = computed[n]
        assert s["currency"] == "CNY" and not s["errors"], s["errors"]
        assert s["ft_cost"] > 0 and s["ft_min_gpus"] >= 1
        assert "memory" in n or s["serve_gpus"] >= 1


def test_enterprise_presets_show_which_methods_fit_each_card(computed):
    """6.2B parameters: LoRA and QLoRA fit one card of each kind; full fine-tuning (16 bytes per
    parameter, about 99 GB before activations) needs ZeRO-3 over ⌈99.2 / usable⌉ cards."""
    fewest = {n: computed[n]["ft_min_gpus"] for n in computed if n.startswith("Enterprise 6B")}
    assert fewest["Enterprise 6B: QLoRA fine-tune on RTX 4090 (memory)"] == 1
    assert fewest["Enterprise 6B: fine-tune + 1,000 staff on RTX 4090"] == 1  # LoRA
    assert fewest["Enterprise 6B: full fine-tune on A100 (memory)"] == 2  # 72 GB usable
    assert fewest["Enterprise 6B: full fine-tune on MLU370-X8 (memory)"] == 3  # 43.2 GB usable
    assert fewest["Enterprise 6B: full fine-tune on RTX 4090 (memory)"] == 5  # 21.6 GB usable


def test_every_preset_computes_without_errors(computed):
    for name, s in computed.items():
        assert not s["errors"], (name, s["errors"])


def test_readable_table(default_file, capsys):
    assert main(["compute", str(default_file)]) == 0
    out = capsys.readouterr().out
    assert "== GPT-3 175B pre-training (paper)  (USD)" in out
    assert "train_pf_days" in out and "PF-days" in out


def test_bad_cell_names_sheet_row_and_column(default_file, tmp_path, capsys):
    book = openpyxl.load_workbook(default_file)
    ws = book["Scenarios"]
    header = [c.value for c in ws[1]]
    ws.cell(row=3, column=header.index("train_mfu") + 1, value="very high")
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    assert main(["compute", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "sheet Scenarios, row 3, column train_mfu" in err
    assert "Traceback" not in err


def test_not_a_workbook(tmp_path, capsys):
    junk = tmp_path / "junk.xlsx"
    junk.write_text("hello")
    assert main(["compute", str(junk)]) == 2
    err = capsys.readouterr().err
    assert "not an .xlsx workbook" in err and "Traceback" not in err


def test_usage_error_exit_2():
    with pytest.raises(SystemExit) as exc:
        main(["compute"])
    assert exc.value.code == 2
