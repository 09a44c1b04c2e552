"""A Models row from a Hugging Face `config.json`, offline: parameters counted from the architecture.

Counted weights: token embeddings (and the output head unless tied), attention (grouped KV
heads, biases where the family has them, DeepSeek's multi-head latent attention), the MLP
(gated or plain, with biases where present), experts (all of them for the total, the routed
top-k plus shared experts for the active count, and the router), and norms.  Multi-token
prediction modules (DeepSeek V3) are not part of the model as served and are left out.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from ..core.reasons import RefusalError
from ..core.workbook import Batch, InsertRows, SetCells, Workbook

SUPPORTED = ("llama", "mistral", "mixtral", "qwen2", "gemma", "gemma2", "gpt_neox", "falcon",
             "deepseek_v2", "deepseek_v3")
_FALCON_TYPES = ("falcon", "RefinedWeb", "RefinedWebModel")


class HFConfigError(RefusalError):
    """The file is not a config.json this importer can read; its reason says why."""


@dataclass(frozen=True)
class Counts:
    """Weights of one decoder layer, split so that a MoE layer's active share can be taken."""

    attention: float  # attention weights, biases and norms of the layer
    shared: float  # MLP weights every token uses (dense MLP, shared experts, router)
    expert: float  # one routed expert
    experts: int  # routed experts in the layer (0: dense)


# ------------------------------------------------------------------ reading


def find_config(path: str | Path) -> Path:
    """config.json itself, a model folder holding it, or a Hugging Face cache folder
    (models--org--name/snapshots/<revision>/config.json, the newest revision)."""
    p = Path(path)
    if p.is_file():
        return p
    if (p / "config.json").is_file():
        return p / "config.json"
    snaps = sorted((p / "snapshots").glob("*/config.json"), key=lambda f: f.stat().st_mtime)
    if snaps:
        return snaps[-1]
    if not p.exists():
        raise HFConfigError("hf_no_file", file=str(p))
    raise HFConfigError("hf_no_config", file=str(p))


def read_config(path: str | Path) -> tuple[dict, Path]:
    """The config as a dict and the file it came from; HFConfigError when unreadable."""
    file = find_config(path)
    try:
        cfg = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise HFConfigError("hf_not_json", file=str(file), detail=str(exc)) from None
    if not isinstance(cfg, dict):
        raise HFConfigError("hf_not_object", file=str(file))
    return cfg, file


def default_name(cfg: dict, file: Path) -> str:
    """The model's name: `_name_or_path`, else the cache or model folder's name."""
    given = cfg.get("_name_or_path")
    if isinstance(given, str) and given.strip() and not given.startswith(("/", ".")):
        return given.strip().split("/")[-1]
    for folder in (file.parent, *file.parents):
        if folder.name.startswith("models--"):
            return folder.name.split("--")[-1]
    if file.stem != "config":
        return file.stem
    return file.parent.name or "Imported model"


def _get(cfg: dict, *keys, default=None, required: bool = True):
    for k in keys:
        v = cfg.get(k)
        if v is not None:
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v <= 0:
                raise HFConfigError("hf_not_positive", name=k, got=repr(v))
            return v
    if default is None and required:
        raise HFConfigError("hf_missing", name=keys[0])
    return default


def _family(cfg: dict) -> str:
    mt = cfg.get("model_type")
    if mt in _FALCON_TYPES:
        return "falcon"
    if mt in SUPPORTED:
        return mt
    raise HFConfigError("hf_unsupported", name=repr(mt), names=tuple(SUPPORTED))


# ------------------------------------------------------------------ counting


def _gated_mlp(d: float, ffn: float) -> float:
    return 3 * d * ffn  # gate, up and down projections


def _layer_llama_like(cfg: dict, family: str) -> tuple[Counts, dict]:
    d = _get(cfg, "hidden_size")
    h = _get(cfg, "num_attention_heads")
    kv = _get(cfg, "num_key_value_heads", default=h)
    hd = _get(cfg, "head_dim", default=d / h)
    ffn = _get(cfg, "intermediate_size")
    attn = d * h * hd * 2 + 2 * d * kv * hd  # q and o; k and v
    if family == "qwen2" or cfg.get("attention_bias"):
        attn += h * hd + 2 * kv * hd
    norms = 4 if family == "gemma2" else 2  # Gemma 2 norms before and after attention and MLP
    attn += norms * d
    experts = int(_get(cfg, "num_local_experts", default=0, required=False) or 0)
    if experts:
        shared, expert = experts * d, _gated_mlp(d, ffn)  # router; one expert
    else:
        shared, expert = _gated_mlp(d, ffn), 0.0
    arch = {"d_model": d, "n_heads": h, "n_kv_heads": kv, "ffn_dim": ffn, "kv_dim": int(2 * kv * hd)}
    if experts:
        arch |= {"n_experts": experts, "experts_per_token": _get(cfg, "num_experts_per_tok")}
    return Counts(attn, shared, expert, experts), arch


def _layer_neox(cfg: dict) -> tuple[Counts, dict]:
    d = _get(cfg, "hidden_size")
    h = _get(cfg, "num_attention_heads")
    ffn = _get(cfg, "intermediate_size", default=4 * d)
    attn = 4 * d * d + 4 * d + 4 * d  # fused qkv and output with biases; two LayerNorms
    mlp = 2 * d * ffn + ffn + d
    return Counts(attn, mlp, 0.0, 0), {"d_model": d, "n_heads": h, "n_kv_heads": h, "ffn_dim": ffn}


def _layer_falcon(cfg: dict) -> tuple[Counts, dict]:
    d = _get(cfg, "hidden_size")
    h = _get(cfg, "num_attention_heads", "n_head")
    hd = d / h
    if cfg.get("new_decoder_architecture"):
        kv = _get(cfg, "num_kv_heads", "n_head_kv", default=h)
        norms = 2
    else:
        kv = 1 if cfg.get("multi_query", True) else h
        norms = 1 if cfg.get("parallel_attn", True) else 2
    ffn = _get(cfg, "ffn_hidden_size", default=4 * d, required=False)
    bias = bool(cfg.get("bias", False))
    attn = 2 * d * d + 2 * d * kv * hd + norms * 2 * d
    mlp = 2 * d * ffn
    if bias:
        attn += d + 2 * kv * hd + d
        mlp += ffn + d
    return Counts(attn, mlp, 0.0, 0), {"d_model": d, "n_heads": h, "n_kv_heads": kv, "ffn_dim": ffn}


def _layer_deepseek(cfg: dict, layer: int) -> tuple[Counts, dict]:
    d = _get(cfg, "hidden_size")
    h = _get(cfg, "num_attention_heads")
    nope, rope = _get(cfg, "qk_nope_head_dim"), _get(cfg, "qk_rope_head_dim")
    v, kv_rank = _get(cfg, "v_head_dim"), _get(cfg, "kv_lora_rank")
    q_rank = _get(cfg, "q_lora_rank", required=False)
    q = (d * q_rank + q_rank + q_rank * h * (nope + rope)) if q_rank else d * h * (nope + rope)
    attn = q + d * (kv_rank + rope) + kv_rank + kv_rank * h * (nope + v) + h * v * d + 2 * d
    dense_ffn = _get(cfg, "intermediate_size")
    moe_ffn = _get(cfg, "moe_intermediate_size")
    routed = int(_get(cfg, "n_routed_experts"))
    shared_n = int(_get(cfg, "n_shared_experts", default=0, required=False) or 0)
    first_dense = int(cfg.get("first_k_dense_replace") or 0)
    freq = int(cfg.get("moe_layer_freq") or 1)
    # MLA caches kv_lora_rank + rope values per token and layer (kv_dim, exact); n_kv_heads keeps
    # the equivalent heads of the 2·d·(n_kv ÷ n_heads) rule, rounded up, for tables without kv_dim
    kv_equiv = math.ceil((kv_rank + rope) * h / (2 * d))
    arch = {"d_model": d, "n_heads": h, "n_kv_heads": kv_equiv, "kv_dim": int(kv_rank + rope), "ffn_dim": moe_ffn,
            "n_experts": routed, "experts_per_token": _get(cfg, "num_experts_per_tok"),
            "n_shared_experts": shared_n}
    if layer < first_dense or layer % freq:
        return Counts(attn, _gated_mlp(d, dense_ffn), 0.0, 0), arch
    router = routed * d + (routed if cfg.get("model_type") == "deepseek_v3" else 0)
    shared = shared_n * _gated_mlp(d, moe_ffn) + router
    return Counts(attn, shared, _gated_mlp(d, moe_ffn), routed), arch


def _tied_default(family: str) -> bool:
    return family in ("gemma", "gemma2", "falcon")


def model_row(cfg: dict, name: str, source: str) -> dict:
    """Column -> value for a Models row: parameters in billions and every architecture column."""
    family = _family(cfg)
    d = _get(cfg, "hidden_size")
    layers = int(_get(cfg, "num_hidden_layers", "n_layer"))
    vocab = _get(cfg, "vocab_size")
    per_layer = []
    for i in range(layers):
        if family == "gpt_neox":
            counts, arch = _layer_neox(cfg)
        elif family == "falcon":
            counts, arch = _layer_falcon(cfg)
        elif family.startswith("deepseek"):
            counts, arch = _layer_deepseek(cfg, i)
        else:
            counts, arch = _layer_llama_like(cfg, family)
        per_layer.append(counts)
    top_k = arch.get("experts_per_token", 0)
    tied = bool(cfg.get("tie_word_embeddings", _tied_default(family)))
    final_norm = 2 * d if family in ("gpt_neox", "falcon") else d
    embed = vocab * d * (1 if tied else 2) + final_norm
    total = embed + sum(c.attention + c.shared + c.experts * c.expert for c in per_layer)
    active = embed + sum(c.attention + c.shared + min(top_k, c.experts) * c.expert for c in per_layer)
    row = {"name": name, "params_b": total / 1e9, "layers": layers, "vocab_size": vocab,
           "context_len": _get(cfg, "max_position_embeddings", "n_positions", "seq_length",
                               required=False), "source": source, **arch}
    if active < total:
        row["active_params_b"] = active / 1e9
    return {k: v for k, v in row.items() if v is not None}


def model_from_file(path: str | Path, name: str | None = None) -> dict:
    """Read a config.json (or a model folder) into a Models row."""
    cfg, file = read_config(path)
    try:
        return model_row(cfg, name or default_name(cfg, file),
                         f"Hugging Face config.json: {file} ({cfg.get('model_type')})")
    except HFConfigError as exc:
        raise HFConfigError("hf_in_file", file=str(file), why=exc.reason) from None


# ------------------------------------------------------------------ into a workbook


def insert_command(wb: Workbook, row: dict, at: int | None = None) -> Batch:
    """The edit adding `row` to Models: a named row, then its cells set through the cell checks.
    Columns the Models table does not have are left out."""
    models = wb.tables["Models"]
    index = models.nrows if at is None else at
    cells = tuple((index, c, v) for c, v in row.items() if c in models.schema.by_name and c != "name")
    return Batch((InsertRows("Models", index, ({"name": row["name"]},)), SetCells("Models", cells)))
