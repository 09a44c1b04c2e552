"""Hugging Face config.json import: parameter counts against the published figures, every
architecture column, model folders and the HF cache, and clear refusals that write nothing."""

import json
import os
from pathlib import Path

import pytest

from llmcost_gui.cli import main
from llmcost_gui.io.hf_config import HFConfigError, find_config, model_from_file
from llmcost_gui.io.xlsx_read import read_workbook

HF = Path(__file__).parent.parent / "fixtures" / "hf"

# fixture, total B, active B (None: dense), where the published figure comes from
PUBLISHED = [
    ("llama-2-7b", 6.74, None, "Hugging Face hub, meta-llama/Llama-2-7b-hf: 6.74B params (card: 7B)"),
    ("llama-2-70b", 69.0, None, "Hugging Face hub, meta-llama/Llama-2-70b-hf: 69B params (card: 70B)"),
    ("llama-3-8b", 8.03, None, "Hugging Face hub, meta-llama/Meta-Llama-3-8B: 8.03B params"),
    ("llama-3-70b", 70.6, None, "Hugging Face hub, meta-llama/Meta-Llama-3-70B: 70.6B params"),
    ("mistral-7b", 7.3, None, "Mistral AI, 'Announcing Mistral 7B' (2023): a 7.3B parameter model"),
    ("mixtral-8x7b", 46.7, 12.9, "Mistral AI, 'Mixtral of experts' (2023): 46.7B total, 12.9B per token"),
    ("qwen2.5-0.5b", 0.49, None, "Qwen/Qwen2.5-0.5B model card: Number of Parameters 0.49B"),
    ("qwen2.5-7b", 7.61, None, "Qwen/Qwen2.5-7B model card: Number of Parameters 7.61B"),
    ("qwen2.5-72b", 72.7, None, "Qwen/Qwen2.5-72B model card: Number of Parameters 72.7B"),
    ("gemma-2b", 2.506, None, "Gemma report (2024), Table 2: 524,550,144 embedding + 1,981,884,416"),
    ("gemma-7b", 8.538, None, "Gemma report (2024), Table 2: 786,825,216 embedding + 7,751,248,896"),
    ("gemma-2-9b", 9.2417, None, "Gemma 2 report (2024), Table 1: 917,504,000 embedding + 8,324,201,984"),
    ("pythia-6.9b", 6.857302016, None, "Pythia (Biderman et al. 2023), Table 1: 6,857,302,016 total"),
    ("pythia-12b", 11.846072320, None, "Pythia (Biderman et al. 2023), Table 1: 11,846,072,320 total"),
    ("gpt-neox-20b", 20.55456768, None, "GPT-NeoX-20B (Black et al. 2022): 20,554,567,680 parameters"),
    ("falcon-7b", 7.0, None, "tiiuae/falcon-7b model card: a 7B parameters causal decoder-only model"),
    ("deepseek-v2", 236.0, 21.0, "DeepSeek-V2 model card: 236B total parameters, 21B activated per token"),
    ("deepseek-v3", 671.0, 37.0, "DeepSeek-V3 model card: 671B total (main model), 37B activated"),
]


@pytest.mark.parametrize("fixture, total, active, source", PUBLISHED, ids=[p[0] for p in PUBLISHED])
def test_parameters_within_2_percent_of_the_published_figure(fixture, total, active, source):
    row = model_from_file(HF / f"{fixture}.json")
    assert row["params_b"] == pytest.approx(total, rel=0.02), source
    if active is None:
        assert "active_params_b" not in row  # blank = params_b
    else:
        assert row["active_params_b"] == pytest.approx(active, rel=0.02), source


def test_llama_2_7b_by_hand():
    # embeddings 32000·4096, untied output head the same; per layer: q, k, v, o 4·4096²,
    # gated MLP 3·4096·11008, two RMSNorms 2·4096; final norm 4096
    layer = 4 * 4096**2 + 3 * 4096 * 11008 + 2 * 4096
    expected = 2 * 32000 * 4096 + 32 * layer + 4096
    assert model_from_file(HF / "llama-2-7b.json")["params_b"] * 1e9 == pytest.approx(expected, rel=1e-12)


def test_mixtral_active_by_hand():
    # 2 of 8 experts (3·4096·14336 each) per layer; attention with 8 KV heads of 128: q, o 4096²,
    # k, v 4096·1024; router 8·4096; norms 2·4096; embeddings 2·32000·4096 plus the final norm
    expert = 3 * 4096 * 14336
    shared = 2 * 4096**2 + 2 * 4096 * 1024 + 8 * 4096 + 2 * 4096
    embed = 2 * 32000 * 4096 + 4096
    row = model_from_file(HF / "mixtral-8x7b.json")
    assert row["params_b"] * 1e9 == pytest.approx(embed + 32 * (shared + 8 * expert), rel=1e-12)
    assert row["active_params_b"] * 1e9 == pytest.approx(embed + 32 * (shared + 2 * expert), rel=1e-12)


def test_every_architecture_column_is_filled():
    row = model_from_file(HF / "deepseek-v3.json")
    assert row["name"] == "DeepSeek-V3"
    assert (row["layers"], row["d_model"], row["n_heads"], row["vocab_size"]) == (61, 7168, 128, 129280)
    assert (row["n_experts"], row["experts_per_token"], row["n_shared_experts"]) == (256, 8, 1)
    assert row["ffn_dim"] == 2048 and row["context_len"] == 163840
    # MLA caches 512 + 64 values per token and layer = 2·7168·(n_kv ÷ 128) at n_kv = 5.14 -> 6
    assert row["n_kv_heads"] == 6
    assert row["kv_dim"] == 576  # the latent itself: the cache is exact
    assert "deepseek-v3.json" in row["source"]
    gqa = model_from_file(HF / "llama-3-70b.json")
    assert (gqa["n_heads"], gqa["n_kv_heads"], gqa["context_len"], gqa["ffn_dim"]) == (64, 8, 8192, 28672)
    assert gqa["kv_dim"] == 2 * 8 * 128  # keys and values of 8 heads of 128


def test_model_folder_and_hugging_face_cache(tmp_path):
    cache = tmp_path / "models--mistralai--Mistral-7B-v0.1"
    snap = cache / "snapshots" / "26bca36bde8333b5d7f72e9ed20ccda6a618af24"
    snap.mkdir(parents=True)
    cfg = json.loads((HF / "mistral-7b.json").read_text())
    del cfg["_name_or_path"]
    (snap / "config.json").write_text(json.dumps(cfg))
    assert find_config(cache) == snap / "config.json"
    assert find_config(snap) == snap / "config.json"
    row = model_from_file(cache)
    assert row["name"] == "Mistral-7B-v0.1" and row["params_b"] == pytest.approx(7.2417, rel=1e-4)


@pytest.mark.parametrize("content, message", [
    ("not json", "not a readable JSON file"),
    ("[1, 2]", "expected a JSON object"),
    ('{"model_type": "bert", "hidden_size": 768}', "model_type 'bert' is not supported"),
    ('{"model_type": "llama", "num_hidden_layers": 2}', "no “hidden_size”"),
    ('{"model_type": "llama", "hidden_size": -1}', "“hidden_size” must be a positive number"),
])
def test_unreadable_configs_are_refused(tmp_path, content, message):
    path = tmp_path / "config.json"
    path.write_text(content)
    with pytest.raises(HFConfigError, match=message):
        model_from_file(path)


# ------------------------------------------------------------------ llmcost import-model


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "book.xlsx"
    assert main(["new", "-o", str(path)]) == 0
    return path


def test_cli_import_model(book, capsys):
    before = len(read_workbook(book).tables["Models"].names())
    os.chmod(book, 0o664)
    assert main(["import-model", str(HF / "qwen2.5-7b.json"), "--workbook", str(book)]) == 0
    assert "added model 'Qwen2.5-7B'" in capsys.readouterr().out
    models = read_workbook(book).tables["Models"]
    assert len(models.names()) == before + 1
    row = models.row(models.key_index()["Qwen2.5-7B"])
    assert row["params_b"] == pytest.approx(7.6156, rel=1e-4) and row["n_kv_heads"] == 4
    assert (row["ffn_dim"], row["vocab_size"], row["context_len"]) == (18944, 152064, 131072)
    assert row["n_experts"] is None and "qwen2.5-7b.json" in row["source"]
    assert os.stat(book).st_mode & 0o777 == 0o664  # saved in place, mode kept


def test_cli_import_refuses_and_writes_nothing(book, tmp_path, capsys):
    before = book.read_bytes()
    bad = tmp_path / "config.json"
    bad.write_text('{"model_type": "t5"}')
    assert main(["import-model", str(bad), "--workbook", str(book)]) == 2
    assert "not supported" in capsys.readouterr().err
    # the presets already hold DeepSeek-V3: a second row of that name is refused
    assert main(["import-model", str(HF / "deepseek-v3.json"), "--workbook", str(book)]) == 2
    assert "--name" in capsys.readouterr().err
    assert book.read_bytes() == before
    assert main(["import-model", str(HF / "deepseek-v3.json"), "--workbook", str(book),
                 "--name", "DeepSeek-V3 (config)"]) == 0
