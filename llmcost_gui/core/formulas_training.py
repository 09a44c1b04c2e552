"""Training at scale: the parallel layout of a training run, its memory per card and its MFU.

A run on G cards is laid out as tensor parallel TP (each layer's matrices split inside a server),
pipeline parallel PP (the layers cut into stages), context parallel CP (each sequence split) and
data parallel DP = ⌊G ÷ (TP · PP · CP)⌋ replicas; a mixture of experts spreads its routed experts
over EP of the data-parallel cards.  Per card the run holds

    weights, gradients, Adam states × ((1 − x) ÷ (TP · PP) + x ÷ (EP · PP))   (x: expert share)
        ÷ DP · CP as the ZeRO stage says,
    activations ÷ (TP · CP)   (sequence parallel; with 1F1B the first stage keeps PP micro-batches
                               of its L ÷ PP layers in flight: the whole model's worth of one)

and its predicted MFU is the card's kernel efficiency at the training precision (Hardware
train_eff_bf16 / train_eff_fp8) × (1 − pipeline bubble) ÷ (1 + exposed communication):

    bubble = (PP − 1) ÷ (v · m + PP − 1)   m micro-batches per step, v interleaved stages per card
    exposed communication = what does not overlap of the tensor-parallel all-reduces (over the
        card's link), the data-parallel gradient reduce-scatter and all-gather and the expert
        all-to-all (over the scale-out network once they leave a server), ÷ the step's compute.

When train_tp/pp are blank the layout is chosen: a fixed set of candidates (TP 1–8 up to the
server, PP 1–16) is evaluated as formulas and the one that fits memory with the highest predicted
MFU is kept, so it stays vectorized and renders to the budget's formulas.  CP and EP follow rules.
The module builds plain :class:`Formula` data; ``formulas.py`` takes it in.
"""

from __future__ import annotations

MEGATRON_LAYOUT = ("Narayanan et al. 2021, Efficient Large-Scale Language Model Training on GPU Clusters "
                   "Using Megatron-LM, §2–3: tensor parallel inside a server, pipeline across, data "
                   "parallel over the rest; 1F1B bubble (p − 1) ÷ (v·m + p − 1) with v interleaved stages")
SEQ_PARALLEL = ("Korthikanti et al. 2022, Reducing Activation Recomputation in Large Transformer Models, "
                "§4.2: with sequence parallelism activations divide by the tensor-parallel degree; "
                "§4.2.3: the first pipeline stage keeps p micro-batches of L ÷ p layers in flight")
LLAMA3_LAYOUT = ("Dubey et al. 2024, The Llama 3 Herd of Models, §3.3.2 and Table 4: TP8 · CP1–16 · PP16 · "
                 "DP8–128 on 8,192–16,384 H100; context parallel for 131K tokens (CP16: 8K per card)")
DEEPSEEK_EP = ("DeepSeek-AI 2024, DeepSeek-V3 Technical Report §3.2: 256 routed experts on EP64 "
               "(4 per card), PP16, ZeRO-1 data parallel, all-to-all dispatch and combine")
ZERO = ("Rajbhandari et al. 2020, ZeRO, §5 and §7: stages 1–2 move as much as one all-reduce of the "
        "gradients (reduce-scatter, then all-gather), stage 3 one and a half")
COMM = ("ring collectives move 2(n − 1)/n of the data per card (Patarasuk & Yuan 2009); Megatron-LM: four "
        "all-reduces of s·b·h per layer and micro-batch (two forward, two backward), two more with full "
        "recomputation (Shoeybi et al. 2019, §3; Korthikanti et al. 2022, §5)")
OVERLAP = ("stated shares of each collective hidden behind compute: tensor parallel 0 (on the critical "
           "path of every layer, Shoeybi et al. 2019), data parallel 0.8 (gradient buckets overlap the "
           "backward pass, Li et al. 2020, PyTorch Distributed §3.2.3; ZeRO/FSDP prefetch), expert "
           "all-to-all 0.6 (DeepSeek-V3 §3.2.1 hides a 1:1 all-to-all fully with DualPipe; Megatron's "
           "overlap of dispatch and combine hides part)")
BATCH = ("Brown et al. 2020, GPT-3, Table 2.1: 0.5M tokens per step below 1B parameters, 1M to 2.7B, 2M "
         "at 6.7B; Touvron et al. 2023, Llama 2 §2.2: 4M for 7B–70B; Dubey et al. 2024, Llama 3 §3.4.1: "
         "16M for 405B")
KERNEL = ("Hardware train_eff_bf16 / train_eff_fp8: the share of the peak a training step's kernels reach "
          "on that card, from published runs per card generation (resources/data/hardware.csv sources)")
GOODPUT = ("Dubey et al. 2024, The Llama 3 Herd of Models, §3.3.4: more than 90 % effective training time, "
           "466 interruptions in 54 days")

TP_TRY = (1, 2, 4, 8)  # tensor-parallel candidates (capped at node_gpus)
PP_TRY = (1, 2, 4, 8, 16)  # pipeline-parallel candidates of pre-training
FT_PP_TRY = (1,)  # fine-tuning spreads over its fewest cards: no pipeline unless ft_pp is given
CP_TOKENS = 8192  # blank CP: one card per this many tokens of context (Llama 3: CP16 at 131,072)
EXPERTS_PER_CARD = 4  # blank EP: routed experts per card (DeepSeek-V3: 256 on EP64)
INTERLEAVE = 4  # interleaved virtual stages per card, at most (one layer each at least)
OVERLAP_TP, OVERLAP_DP, OVERLAP_EP = 0.0, 0.8, 0.6
NOT_FIT = 4  # ZeRO level of a layout that does not fit

_MOE = 'lookup_or(Models, "n_experts", model, 0) > 0'
_K = 'lookup_or(Models, "experts_per_token", model, 1)'
_E = 'lookup_or(Models, "n_experts", model, 1)'


def _floor(x: str) -> str:
    return f"(-ceil(-({x}) - 1e-9))"


class _Stage:
    """Names of one training stage (train_, ft_) the layout formulas read."""

    def __init__(self, p: str):
        self.p = p
        train = p == "train"
        self.cards = "train_gpus_layout" if train else "ft_gpus_used"
        self.seq = "max(context, 1)" if train else "max(ft_context, 1)"  # 0: no attention term
        self.trainable = "params" if train else "ft_trainable_params"
        self.batch_col = "train_global_batch" if train else "ft_micro_batch"

    def __getattr__(self, name):  # x.usable_gb -> "train_usable_gb"
        return f"{self.p}_{name}"


def _dp(s: _Stage, tp: str, pp: str) -> str:
    return _floor(f"{s.cards} / ({tp} * {pp} * {s.cp_used})")


def _ep(s: _Stage, dp: str) -> str:
    return f"where({s.ep_free} > 0, max(1, min({s.ep_cap}, {dp} * {s.cp_used})), {s.ep_cap})"


def _split(s: _Stage, tp: str, pp: str, ep: str) -> str:
    """Share of the model's states one card of the layout holds before ZeRO."""
    return f"((1 - {s.expert_fraction}) / {tp} + {s.expert_fraction} / {ep}) / {pp}"


def _short(s: _Stage, tp: str, dp: str, split: str) -> str:
    """What sharding must remove from one card, as a share of the shardable states: with
    r = 1 − 1 ÷ (DP·CP), (S − (usable − activations ÷ (TP·CP)) ÷ split) ÷ r."""
    return (f"({s.states_gb} - ({s.usable_gb} - {s.activation_gb} / ({tp} * {s.cp_used})) / {split}) "
            f"/ max(1 - 1 / (max({dp}, 1) * {s.cp_used}), 1e-9)")  # no replica (DP 0): _fit says so


def _fit(s: _Stage, dp: str, short: str) -> str:
    """The lightest ZeRO level at which the layout fits (NOT_FIT: none, or no data-parallel
    replica).  At level k a card holds split · (S − r·P_k) GB of states, P_k what level k shards
    (nothing, optimizer, + gradients, everything); the memory falls with k, so the lightest level
    that fits is the number of levels that do not."""
    parts = (s.optimizer_gb, s.grad_opt_gb, s.states_gb)
    return (f"where({dp} >= 1, 1 * ({short} > 0) + " + " + ".join(f"1 * ({short} > {x})" for x in parts)
            + f", {NOT_FIT})")


def _zero(s: _Stage, fit: str) -> str:
    """The ZeRO level used: the sharding given if the layout fits with it, else the lightest."""
    return f"where({s.zero_given} < 0, {fit}, where({fit} <= {s.zero_given}, {s.zero_given}, {NOT_FIT}))"


def _micro(s: _Stage, dp: str) -> str:
    return _floor(f"{s.seqs} / {dp}")


def _interleave(pp: str) -> str:
    return f"max(1, min({INTERLEAVE}, {_floor(f'n_layers / {pp}')}))"


def _bubble(pp: str, v: str, m: str) -> str:
    return f"({pp} - 1) / ({v} * {m} + {pp} - 1)"


def _comm(s: _Stage, tp: str, pp: str, dp: str, ep: str, m: str, level: str) -> str:
    """Exposed communication time ÷ compute time of one step on one card (the coefficients
    k_tp, k_dp, k_ep hold what does not depend on the layout)."""
    held = f"(1 - {s.expert_fraction} + {s.expert_fraction} * {tp} / {ep})"  # split · TP · PP
    return (f"{s.k_tp} * ({tp} - 1) + {s.k_dp} * where({level} >= 3, 1.5, 1) * (1 - 1 / ({dp} * {s.cp_used})) "
            f"* {held} / {m} + {s.k_ep} * ({ep} - 1) / {ep} / where({ep} * {tp} > node_gpus, "
            f"{s.net_bps}, {s.link_bps})")


def _mfu(s: _Stage, tp: str, pp: str, v: str, dp: str, ep: str, m: str, level: str) -> str:
    return (f"where({level} <= 3, where({m} >= 1, {s.kernel_eff} * (1 - {_bubble(pp, v, m)}) / "
            f"(1 + {_comm(s, tp, pp, dp, ep, m, level)}), 0), 0)")


def _stage(F, p: str, label: str, pp_try: tuple[int, ...]) -> list:  # noqa: N803 - the Formula class
    s = _Stage(p)
    hw, prec = f"{p}_hardware", f"{p}_precision"
    eff16, eff8 = (f'lookup(Hardware, "train_eff_bf16", {hw})', f'lookup(Hardware, "train_eff_fp8", {hw})')
    full = f'where({s.checkpointing} == "full", 1.5, 1)'  # recomputation repeats the forward
    out = [
        F(s.kernel_eff, "fraction",
          f'switch({prec}, "fp32", {eff16}, "bf16", {eff16}, "fp8", {eff8}, "int8", {eff8})',
          f"Share of the peak the {label} card's kernels reach at this precision, before pipeline "
          "bubbles and communication", p, public=False, source=KERNEL),
        F(s.expert_fraction, "fraction", f"where({_MOE}, (params - active_params) * {_E} / ({_E} - {_K}) / params, 0)",
          "Share of the parameters in routed experts (0 for a dense model)", p, public=False, source=DEEPSEEK_EP),
        F(s.cp_used, "GPUs", f"where(isblank({p}_cp), max(1, pow2ceil({s.seq} / {CP_TOKENS})), {p}_cp)",
          f"Context-parallel degree of {label}: as given, else one card per {CP_TOKENS:,} tokens", p,
          public=False, source=LLAMA3_LAYOUT),
        F(s.ep_free, "", f"where(isblank({p}_ep), where({_MOE}, 1, 0), 0)",
          "1 when the expert-parallel degree is to be chosen (a mixture of experts, ep blank)", p, public=False),
        F(s.ep_cap, "GPUs", f"where(isblank({p}_ep), where({_MOE}, {_E} / {EXPERTS_PER_CARD}, 1), {p}_ep)",
          f"Expert-parallel degree as given, else {EXPERTS_PER_CARD} routed experts per card", p,
          public=False, source=DEEPSEEK_EP),
        F(s.grad_opt_gb, "GB", f"{s.grad_gb} + {s.optimizer_gb}",
          "Gradients and optimizer states of the whole model", p, public=False),
        F(s.states_gb, "GB", f"{s.weight_gb} + {s.grad_opt_gb}",
          "Weights, gradients and optimizer states of the whole model", p, public=False),
        F(s.zero_given, "", f'where(isblank({s.sharding}), -1, switch({s.sharding}, "none", 0, "zero1", 1, '
          '"zero2", 2, "zero3", 3))', "ZeRO stage given (−1: blank, chosen)", p, public=False),
        F(s.seqs, "sequences", f"{s.batch_tokens} / ({s.seq} * {s.micro_batch})",
          "Micro-batches of one step over all data-parallel replicas", p, public=False, source=BATCH),
        F(s.link_bps, "B/s", f'lookup(Hardware, "interconnect_gbs", {hw}) * 1e9 / 2',
          "Card-to-card bandwidth one way (half the datasheet's both-ways figure)", p, public=False),
        F(s.net_bps, "B/s", f'lookup(Hardware, "network_gbs", {hw}) * 1e9',
          "Scale-out bandwidth per card between servers, one way", p, public=False),
        F(s.token_compute_s, "s", f"{s.step_flops_per_token} / ({p}_peak * {s.kernel_eff})",
          "Compute time of one token's forward and backward pass on one card at the kernel efficiency",
          p, public=False),
        F(s.k_tp, "ratio", f"{1 - OVERLAP_TP:g} * 16 * {full} * n_layers * width / ({s.link_bps} * {s.token_compute_s})",
          "Exposed tensor-parallel time ÷ compute per extra TP card: 4 all-reduces of s·b·d 16-bit values "
          "per layer (6 with full recomputation), 2(t − 1)/t of them per card over the link", p,
          public=False, source=f"{COMM}; {OVERLAP}"),
        F(s.k_dp, "ratio", f"{1 - OVERLAP_DP:g} * 4 * {s.trainable} * {s.cp_used} / (where({s.cards} > node_gpus, "
          f"{s.net_bps}, {s.link_bps}) * {s.token_compute_s} * {s.seq} * {s.micro_batch})",
          "Exposed data-parallel time ÷ compute: reduce-scatter and all-gather of 16-bit gradients, per "
          "micro-batch and share of the model held", p, public=False, source=f"{ZERO}; {OVERLAP}"),
        F(s.k_ep, "B/s", f"where({_MOE}, {1 - OVERLAP_EP:g} * 8 * {full} * {_K} * width * n_layers / "
          f"{s.token_compute_s}, 0)",
          "Exposed expert all-to-all bytes per second of compute: dispatch and combine of k·d 16-bit "
          "values per token and layer, forward and backward", p, public=False, source=f"{DEEPSEEK_EP}; {OVERLAP}"),
    ]
    for t in TP_TRY:
        out.append(F(f"{p}_tp_try{t}", "GPUs", f"where(isblank({p}_tp), min({t}, node_gpus), {p}_tp)",
                     f"Tensor-parallel degree of candidates TP{t}", p, public=False))
    for q in pp_try:
        out += [F(f"{p}_pp_try{q}", "GPUs", f"where(isblank({p}_pp), {q}, {p}_pp)",
                  f"Pipeline-parallel degree of candidates PP{q}", p, public=False),
                F(f"{p}_v_try{q}", "", _interleave(f"{p}_pp_try{q}"),
                  f"Interleaved stages per card of candidates PP{q}", p, public=False, source=MEGATRON_LAYOUT)]
    names = []
    for t in TP_TRY:
        for q in pp_try:
            tp, pp, v = f"{p}_tp_try{t}", f"{p}_pp_try{q}", f"{p}_v_try{q}"
            key = f"{p}_try_tp{t}_pp{q}"
            dp, ep, split, short, fit, zero, m = (f"{key}_{x}" for x in ("dp", "ep", "split", "short", "fit", "zero", "mb"))
            out += [
                F(dp, "GPUs", _dp(s, tp, pp), f"Data-parallel replicas of candidate TP{t} · PP{q}", p,
                  public=False, source=MEGATRON_LAYOUT),
                F(ep, "GPUs", _ep(s, dp), f"Expert-parallel degree of candidate TP{t} · PP{q}", p,
                  public=False, source=DEEPSEEK_EP),
                F(split, "fraction", _split(s, tp, pp, ep), f"Share of the states one card of candidate "
                  f"TP{t} · PP{q} holds before ZeRO", p, public=False, source=SEQ_PARALLEL),
                F(short, "GB", _short(s, tp, dp, split), f"What sharding must remove from one card of candidate "
                  f"TP{t} · PP{q}, over the shardable share", p, public=False, source=ZERO),
                F(fit, "", _fit(s, dp, short),
                  f"Lightest ZeRO stage at which candidate TP{t} · PP{q} fits ({NOT_FIT}: none)", p,
                  public=False, source=ZERO),
                F(zero, "", _zero(s, fit), f"ZeRO stage of candidate TP{t} · PP{q} ({NOT_FIT}: it does not fit)",
                  p, public=False, source=ZERO),
                F(m, "", _micro(s, dp), f"Micro-batches per step of candidate TP{t} · PP{q}", p,
                  public=False, source=BATCH),
                F(f"{key}_mfu", "fraction", _mfu(s, tp, pp, v, dp, ep, m, zero),
                  f"Predicted MFU of candidate TP{t} · PP{q} (0: it does not fit or the batch does not split)",
                  p, public=False, source=MEGATRON_LAYOUT),
            ]
            names.append(f"{key}_mfu")
    n_pp = len(pp_try)
    pick = f"{p}_layout_pick"
    chain = str(len(names) - 1)
    for i in reversed(range(len(names) - 1)):
        chain = f"where({names[i]} >= {p}_layout_best, {i}, {chain})"
    tp_u, pp_u, dp_u, ep_u, zero_u, m_u = (s.tp_used, s.pp_used, s.dp, s.ep_used, s.zero_used, s.micro_batches)
    out += [
        F(f"{p}_layout_best", "fraction", f"max({', '.join(names)})",
          "Highest predicted MFU among the candidate layouts that fit", p, public=False),
        F(pick, "", chain, "Candidate layout chosen: the first with the highest predicted MFU", p, public=False),
        F(tp_u, "GPUs", f"where(isblank({p}_tp), min(2 ** {_floor(f'{pick} / {n_pp}')}, node_gpus), {p}_tp)",
          f"Tensor-parallel degree of {label}: as given, else chosen", p, public=False, source=MEGATRON_LAYOUT),
        F(pp_u, "GPUs", f"where(isblank({p}_pp), 2 ** ({pick} - {n_pp} * {_floor(f'{pick} / {n_pp}')}), {p}_pp)",
          f"Pipeline-parallel degree of {label}: as given, else chosen", p, public=False, source=MEGATRON_LAYOUT),
        F(dp_u, "GPUs", _dp(s, tp_u, pp_u),
          f"Data-parallel replicas of {label}: the cards left over by TP · PP · CP", p, public=False,
          source=MEGATRON_LAYOUT),
        F(ep_u, "GPUs", _ep(s, dp_u), f"Expert-parallel degree of {label}: as given, else {EXPERTS_PER_CARD} "
          "routed experts per card, at most the data-parallel cards (1 for a dense model)", p, public=False,
          source=DEEPSEEK_EP),
        F(s.split, "fraction", _split(s, tp_u, pp_u, ep_u), f"Share of the states one {label} card holds "
          "before ZeRO: (1 − x) ÷ (TP · PP) + x ÷ (EP · PP), x the experts' share", p, public=False,
          source=SEQ_PARALLEL),
        F(s.short, "GB", _short(s, tp_u, dp_u, s.split), f"What sharding must remove from one {label} card, "
          "over the shardable share", p, public=False, source=ZERO),
        F(s.zero_fit, "", _fit(s, dp_u, s.short),
          f"Lightest ZeRO stage at which the {label} layout fits ({NOT_FIT}: none)", p, public=False, source=ZERO),
        F(zero_u, "", _zero(s, s.zero_fit),
          f"ZeRO stage of the {label} layout: the sharding given, else the lightest that fits", p,
          public=False, source=ZERO),
        F(s.zero_held, "", f"where({zero_u} >= {NOT_FIT}, where({s.zero_given} >= 0, {s.zero_given}, 3), {zero_u})",
          f"ZeRO stage the {label} memory per card is shown at: the one used, else (nothing fits) the "
          "sharding given or ZeRO-3", p, public=False, source=ZERO),
        F(m_u, "", _micro(s, dp_u), f"Micro-batches per step on each pipeline of {label}: "
          "global batch ÷ (context × micro-batch × DP)", p, public=False, source=BATCH),
        F(s.interleave, "", _interleave(pp_u), "Interleaved pipeline stages per card", p, public=False,
          source=MEGATRON_LAYOUT),
        F(s.bubble, "fraction", _bubble(pp_u, s.interleave, f"max({m_u}, 1)"),
          "Share of a step the pipeline stands idle: (p − 1) ÷ (v·m + p − 1)", p, public=False,
          source=MEGATRON_LAYOUT),
        F(s.comm_exposed, "ratio", _comm(s, tp_u, pp_u, dp_u, ep_u, f"max({m_u}, 1)", zero_u),
          "Exposed communication time ÷ compute time: tensor-parallel all-reduces, data-parallel "
          "gradient traffic and expert all-to-all, less what overlaps compute", p, public=False,
          source=f"{COMM}; {OVERLAP}"),
        F(s.layout_ok, "", f"where({p}_layout_best > 0, 1, where({m_u} < 1, fail(\"global_batch_too_small\", "
          f"batch={s.batch_tokens}, replicas={dp_u}, tokens={s.seq} * {s.micro_batch}, col=\"{s.batch_col}\"), "
          f"fail(\"layout_too_big\", usable={s.usable_gb}, col_tp=\"{p}_tp\", col_pp=\"{p}_pp\", "
          f"col_sharding=\"{p}_sharding\")))",
          f"1 when some layout of the {label} cards holds the run and splits its batch, else the reason",
          p, public=False),
        F(f"{p}_mfu_used", "fraction",
          f"where(isblank({p}_mfu), {s.kernel_eff} * (1 - {s.bubble}) / (1 + {s.comm_exposed}) * {s.layout_ok}, "
          f"{p}_mfu)",
          f"MFU of {label}: {p}_mfu as given, else predicted: kernel efficiency × (1 − bubble) ÷ "
          "(1 + exposed communication)", p, source=MEGATRON_LAYOUT),
        F(f"{p}_layout", "text", f'concat("TP", {tp_u}, " · PP", {pp_u}, " · CP", {s.cp_used}, " · EP", {ep_u}, '
          f'" · DP", {dp_u}, " · ", where({s.zero_held} == 0, "no ZeRO", concat("ZeRO-", {s.zero_held})))',
          f"Parallel layout of {label}: tensor, pipeline, context, expert and data parallel degrees and "
          "the ZeRO stage", p, source=MEGATRON_LAYOUT),
    ]
    # memory per card under the layout
    split = s.split
    shard = f"({dp_u} * {s.cp_used})"
    for part, level in (("weight", 3), ("grad", 2), ("optimizer", 1)):
        out.append(F(f"{p}_{part}_gb_per_gpu", "GB",
                     f"{p}_{part}_gb * {split} / where({s.zero_held} >= {level}, {shard}, 1)",
                     f"{part.capitalize()} held by one {label} card under its layout", p, public=False,
                     source=ZERO))
    out += [
        F(f"{p}_activation_gb_per_gpu", "GB", f"{p}_activation_gb / ({tp_u} * {s.cp_used})",
          f"Activations on one {label} card: ÷ TP (sequence parallel) ÷ CP", p, public=False,
          source=SEQ_PARALLEL),
        F(f"{p}_reserve_gb", "GB", f"{p}_card_memory_gb * memory_reserve",
          f"Runtime reserve kept free on a {label} card", p, public=False),
        F(f"{p}_memory_per_gpu_gb", "GB",
          f"{p}_weight_gb_per_gpu + {p}_grad_gb_per_gpu + {p}_optimizer_gb_per_gpu + {p}_activation_gb_per_gpu",
          f"Memory used on each {label} card under its layout (the reserve comes on top)", p, source=ZERO),
    ]
    return out


def _batch_by_size() -> str:
    return ("where(params < 1e9, 524288, where(params < 3e9, 1048576, where(params < 6e9, 2097152, "
            "where(params <= 2e11, 4194304, 16777216))))")


def training_formulas(F) -> list:  # noqa: N803 - the Formula class, named as in the registry
    """The layout and efficiency formulas of pre-training and fine-tuning."""
    mfu_guess = "where(isblank(train_mfu), train_kernel_eff, train_mfu)"
    return [
        F("train_batch_tokens", "tokens", f"where(isblank(train_global_batch), {_batch_by_size()}, train_global_batch)",
          "Tokens per optimizer step: train_global_batch, else by model size", "train", public=False,
          source=BATCH),
        F("ft_batch_tokens", "tokens", _batch_by_size(), "Tokens per fine-tuning step, by model size", "ft",
          public=False, source=BATCH),
        F("train_step_flops_per_token", "FLOP", "3 * flops_per_token",
          "Forward and backward FLOPs per training token", "train", public=False),
        F("ft_step_flops_per_token", "FLOP", "ft_flops / (ft_tokens_b * 1e9 * ft_epochs)",
          "Forward and backward FLOPs per fine-tuning token", "ft", public=False),
        F("train_gpus_layout", "GPUs",
          "where(isblank(scenario.train_gpus), where(isblank(train_deadline_days), train_min_gpus, "
          f"max(train_min_gpus, ceil(train_flops / (train_peak * {mfu_guess} * train_goodput_used) / 3600 / "
          "(24 * train_deadline_days)))), scenario.train_gpus)",
          "Cards the layout is chosen for: as given, or from the deadline at the kernel efficiency "
          "(the fewest that hold the run when neither is known)", "train", public=False),
        *_stage(F, "train", "pre-training", PP_TRY),
        *_stage(F, "ft", "fine-tuning", FT_PP_TRY),
    ]
