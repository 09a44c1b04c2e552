"""Training and fine-tuning memory: what a run holds, how sharding splits it, the fewest cards.

A run holds its weights, the gradients and Adam states of what it trains, one micro-batch's
activations, and the card keeps a runtime reserve free.  Sharding (ZeRO stage 1/2/3, i.e. FSDP
for stage 3) splits optimizer states, then gradients, then weights over the data-parallel cards;
the layout's tensor, pipeline and context parallelism split the rest per card
(core/formulas_training.py: what one card holds under the layout).  The fewest cards
is found for each sharding in closed form and the smallest is kept, so it stays vectorized and
renders to one Excel formula.  Sizes are in GB (10⁹ bytes), as cards are sold.
"""

from __future__ import annotations

from .formulas_shared import WEIGHT_BYTES, switch_on
from .schema import SHARDINGS

ZERO = ("Rajbhandari et al. 2020, ZeRO: Memory Optimizations Toward Training Trillion Parameter Models, "
        "§3 and Fig. 1: mixed-precision Adam holds 2 + 2 + 12 bytes per parameter; stages 1/2/3 "
        "partition optimizer states, gradients, parameters")
ACTIVATIONS = ("Korthikanti et al. 2022, Reducing Activation Recomputation in Large Transformer Models, "
               "§4: s·b·h·(34 + 5·a·s/h) bytes per layer; selective recomputation keeps 34·s·b·h, "
               "full recomputation each layer's input 2·s·b·h")
QLORA = ("Dettmers et al. 2023, QLoRA: Efficient Finetuning of Quantized LLMs, §3: 4-bit NF4 weights "
         "with double-quantized constants (0.127 bit per parameter)")
PAGED = ("Dettmers et al. 2023, QLoRA, §3 (paged optimizers): the Adam states live in NVIDIA unified "
         "memory and are evicted to CPU RAM when the card runs short, so a 65B model trains on one 48 GB card")
LORA_SIZE = ("Hu et al. 2021, LoRA: a rank-r adapter on a d_in × d_out matrix has r·(d_in + d_out) "
             "parameters; here on every linear layer, as QLoRA does")
NO_CARD_COUNT = "1e30"  # card count of a sharding that cannot hold the run on any number of cards


def _gb(x: str) -> str:
    return f"({x}) / 1e9"


def _parts(formula, p: str, label: str) -> list:
    """Card capacity, the closed-form fewest cards per sharding, the choice and the per-card split."""
    s = p
    hw = f"{p}_hardware"
    states = f"{p}_weight_gb + {p}_grad_gb + {p}_optimizer_gb"
    out = [
        formula(f"{p}_card_memory_gb", "GB", f'lookup(Hardware, "memory_gb", {hw})',
          f"Memory of one {label} card", s, public=False),
        formula(f"{p}_usable_gb", "GB", f"{p}_card_memory_gb * (1 - memory_reserve)",
          f"Memory of a {label} card less the runtime reserve", s, public=False),
        formula(f"{p}_memory_gb", "GB", f"{states} + {p}_activation_gb",
          f"Memory the {label} run needs on one card, unsharded: weights, gradients, "
          "optimizer states, one micro-batch's activations", s, source=ZERO),
        formula(f"{p}_gpus_none", "GPUs", f"where({p}_memory_gb <= {p}_usable_gb, 1, {NO_CARD_COUNT})",
          "Cards needed without sharding: one, if it fits", s, public=False, source=ZERO),
    ]
    # stage k keeps `kept` whole on every card and splits `split` over the cards
    for name, kept, split in (
        ("zero1", f"{p}_weight_gb + {p}_grad_gb", f"{p}_optimizer_gb"),
        ("zero2", f"{p}_weight_gb", f"{p}_grad_gb + {p}_optimizer_gb"),
        ("zero3", "0", states),
    ):
        room = f"{p}_usable_gb - {p}_activation_gb - ({kept})"
        out.append(formula(f"{p}_gpus_{name}", "GPUs",
                     f"where({room} > 0, max(1, ceil(({split}) / ({room}))), {NO_CARD_COUNT})",
                     f"Fewest cards with {name.upper()}: split states ÷ room left on a card",
                     s, public=False, source=ZERO))
    n = [f"{p}_gpus_{k}" for k in SHARDINGS]
    chosen = ", ".join(f'"{k}", {g}' for k, g in zip(SHARDINGS, n))
    levels = ", ".join(f'"{k}", {i}' for i, k in enumerate(SHARDINGS))
    out += [
        formula(f"{p}_gpus_fit", "GPUs",
          f"where(isblank({p}_sharding), min({', '.join(n)}), switch({p}_sharding, {chosen}))",
          f"Fewest {label} cards with the chosen sharding (blank: the sharding needing fewest)",
          s, public=False, source=ZERO),
        formula(f"{p}_shard_level", "", f"where(isblank({p}_sharding), where({n[0]} <= {p}_gpus_fit, 0, "
          f"where({n[1]} <= {p}_gpus_fit, 1, where({n[2]} <= {p}_gpus_fit, 2, 3))), "
          f"switch({p}_sharding, {levels}))",
          "ZeRO stage in use (0 none … 3); blank sharding: the lightest needing fewest cards",
          s, public=False, source=ZERO),
        formula(f"{p}_min_gpus", "GPUs",
          f"where({p}_gpus_fit >= {NO_CARD_COUNT}, fail(\"{'never_fits_ft' if p == 'ft' else 'never_fits'}\", "
          f"usable={p}_usable_gb, activations={p}_activation_gb, col_sharding=\"{p}_sharding\", "
          f"col_checkpointing=\"{p}_checkpointing\"), {p}_gpus_fit)",
          f"Fewest {label} cards that hold the run with its sharding", s, source=ZERO),
    ]
    return out


def _optimizer_bytes(b: str) -> str:
    """Adam: two fp32 moments, plus an fp32 master copy unless the weights already are fp32."""
    return f"where({b} >= 4, 8, 12)"


def _activation_bytes(p: str, seq: str) -> str:
    """One micro-batch of `seq` tokens through every layer, 16-bit (fp32 doubles it)."""
    sbh = f"{seq} * {p}_micro_batch * width"
    scores = f"5 * attn_heads * {seq} ** 2 * {p}_micro_batch"
    return (f"max({p}_bytes_per_param, 2) / 2 * switch({p}_checkpointing, "
            f'"none", n_layers * (34 * {sbh} + {scores}), '
            f'"selective", n_layers * 34 * {sbh}, '
            f'"full", (2 * n_layers + 34) * {sbh})')


def _train(formula) -> list:
    s = "train"
    return [
        formula("train_bytes_per_param", "B", switch_on("train_precision", WEIGHT_BYTES), "Bytes per weight in training", s,
          public=False),
        formula("train_weight_gb", "GB", _gb("params * train_bytes_per_param"), "Weights at the training precision",
          s, public=False, source=ZERO),
        formula("train_grad_gb", "GB", _gb("params * train_bytes_per_param"), "Gradients of every weight", s,
          public=False, source=ZERO),
        formula("train_optimizer_gb", "GB", _gb("params * " + _optimizer_bytes("train_bytes_per_param")),
          "Adam states: two moments and an fp32 master copy (12 bytes per parameter)", s,
          public=False, source=ZERO),
        formula("train_activation_gb", "GB", _gb(_activation_bytes("train", "context")),
          "Activations of one micro-batch kept for the backward pass", s, public=False,
          source=ACTIVATIONS),
        *_parts(formula, "train", "training"),
        formula("train_gpus_checked", "GPUs",
           "where(isblank(scenario.train_gpus), where(isblank(train_deadline_days), train_min_gpus, "
           "train_gpus), train_gpus)",
           "Training cards to check: as given or from the deadline (the minimum when neither is known)",
           s, public=False),
        formula("train_fits", "",
           'where(train_gpus_checked >= train_min_gpus, train_layout_ok, fail("cards_too_few", '
           "cards=train_gpus_checked, need=train_min_gpus, card_gb=train_card_memory_gb))",
           "1 when the training cards hold the run under a layout that splits its batch, else the reason",
           s, public=False, source=ZERO),
    ]


def _ft(formula) -> list:
    s = "ft"
    b = "ft_bytes_per_param"
    return [
        formula("attn_heads", "", 'lookup_or(Models, "n_heads", model, 0)', "Attention heads a (0 when unknown)",
          public=False),
        formula("ft_bytes_per_param", "B", switch_on("ft_precision", WEIGHT_BYTES), "Bytes per weight in fine-tuning", s,
          public=False),
        formula("ft_lora_params", "params", "where(width > 0, ft_lora_rank * (4 * n_layers * width + params / width), 0)",
          "LoRA adapter parameters: r·(4·L·d + N/d) (0 when the width is unknown)", s, public=False,
          source=LORA_SIZE),
        formula("ft_trainable_params", "params",
          'switch(ft_method, "full", params, "lora", ft_lora_params, "qlora", ft_lora_params, '
          '"top_layers", ft_trainable_fraction * params)',
          "Parameters fine-tuning updates", s, public=False, source=LORA_SIZE),
        formula("ft_weight_gb", "GB",
          _gb(f'switch(ft_method, "qlora", params * (4 + 0.127) / 8 + ft_lora_params * {b}, '
              f'"lora", (params + ft_lora_params) * {b}, "full", params * {b}, "top_layers", params * {b})'),
          "Weights: the model at the fine-tuning precision (4-bit for QLoRA) plus adapters", s,
          public=False, source=QLORA),
        formula("ft_grad_gb", "GB", _gb(f"ft_trainable_params * {b}"), "Gradients of the trained parameters", s,
          public=False, source=ZERO),
        formula("ft_optimizer_gb", "GB",
          _gb('where(ft_method == "qlora", 0, ft_trainable_params * ' + _optimizer_bytes(b) + ")"),
          "Adam states of the trained parameters on the card (QLoRA pages them to CPU memory: none)", s,
          public=False, source=f"{ZERO}; {PAGED}"),
        formula("ft_paged_gb", "GB",
          _gb('where(ft_method == "qlora", ft_trainable_params * ' + _optimizer_bytes(b) + ", 0)"),
          "Adam states QLoRA's paged optimizer keeps in CPU memory, paged in for the optimizer step", s,
          public=False, source=PAGED),
        formula("ft_activation_gb", "GB", _gb(_activation_bytes("ft", "ft_context")),
          "Activations of one fine-tuning micro-batch", s, public=False, source=ACTIVATIONS),
        *_parts(formula, "ft", "fine-tuning"),
        formula("ft_gpus_used", "GPUs", f"where(ft_gpus_fit >= {NO_CARD_COUNT}, 1, ft_gpus_fit)",
          "Cards the fine-tuning memory is spread over (its minimum)", s, public=False),
    ]


def memory_formulas(formula) -> tuple:
    """The memory formulas, built with the registry's Formula class (passed in: no import cycle)."""
    return (*_train(formula), *_ft(formula))
