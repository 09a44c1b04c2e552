"""Serving formulas: a replica under continuous batching, its batch, latency and the fleet.

A replica is `replica_gpus` cards: attention runs tensor parallel over `serve_tp_used` of them
(data parallel across the groups); a mixture of experts spreads its routed experts over
`serve_ep_used` cards and holds them once per replica.  Under continuous batching one step of
the replica at B requests in flight carries B decode tokens plus the prefill of the requests
that arrive meanwhile (B ÷ output_tokens of them per step, each with its uncached prompt):

    max(weights + experts touched + KV streamed ÷ (cards · bandwidth · bandwidth_eff),
        B · decode FLOPs ÷ (cards · peak · serve_mfu))
    + B · prefill FLOPs per step ÷ (cards · peak · prefill efficiency)
    + fixed all-reduce and all-to-all latency + B · their bytes over the links

Each piece is linear in B (the experts a step touches are bounded by B · k ÷ E of them until all
are), so the largest batch meeting a latency target is solved in closed form: a + b·B ≤ T gives
B ≤ (T − a) ÷ b.

When prefill runs apart (serve_disagg = yes) its replicas may use another card,
`prefill_hardware` (a mixed fleet).  A prefill replica has as many cards as a decode replica,
laid out alike; its arithmetic runs at the prefill card's peak, its weight streaming at that
card's bandwidth, its link traffic over that card's links, and the KV cache moves over the
slower of the two cards' networks.  The fixed all-reduce latency stays the decode card's.  The module builds plain :class:`Formula` data; ``formulas.py`` takes it in.
"""

from __future__ import annotations

from .formulas_shared import GQA, KAPLAN, KV_BYTES, POPE, WEIGHT_BYTES, peak_flops, switch_on
from .reasons import Reason

MEGATRON = ("Shoeybi et al. 2019, Megatron-LM, §3 (two all-reduces per layer in tensor parallelism); "
            "Pope et al. 2022, Efficiently Scaling Transformer Inference, §3.1 (ring all-reduce moves "
            "2(g−1)/g of the data per card)")
MOE = ("Fedus et al. 2022, Switch Transformers; Jiang et al. 2024, Mixtral: every expert is resident, "
       "the routed ones do the work")
EP = ("DeepSeek-AI 2024, DeepSeek-V3 Technical Report §3.4 (expert parallelism, all-to-all dispatch "
      "and combine, data-parallel attention); a token's k experts: k·d values out (dispatch, 8-bit) "
      "and back (combine, 16-bit)")
TOUCHED = ("with B tokens each picking k of E experts, an expert is untouched with probability "
           "(1 − k/E)^B, so a step streams 1 − (1 − k/E)^B of the routed weights")
ORCA = ("Yu et al. 2022, Orca (iteration-level scheduling); Agrawal et al. 2024, Sarathi-Serve "
        "(chunked prefills share decode steps)")
LITTLE = ("Little's law (concurrency = arrival rate × time in system); queueing wait of a deterministic "
          "server, Pollaczek–Khinchine: ρ ÷ (2(1 − ρ)) service times")
PAGED = "Kwon et al. 2023, PagedAttention (vLLM): the cache holds only the tokens in flight"
SYNC = ("one-shot all-reduce of a small message on H100 NVLink: 4–10 µs at TP2–TP8 (sgl-project/sglang "
        "PR #2904, 2025-01, vLLM and TensorRT-LLM kernels); NCCL over PCIe about 20 µs at 4 KB on 4 cards; "
        "with the wait for the slowest card, fitted to batch-1 latencies at TP2 (NVIDIA NIM "
        "1.8, 2025) and TP4 (TensorRT-LLM 2023): 20 µs per doubling of the cards, docs/validation.md")
PROFILE = ("a day whose hourly traffic has mean 1 and peak peak_factor, each hour served by whole "
           "replicas (on average half a replica above demand); Azure LLM inference trace 2023 "
           "(Patel et al. 2024, Splitwise) and DeepSeek 2025: capacity released at night")
FITTED = "docs/validation.md, serving section (published TensorRT-LLM measurements)"
SPEC21 = "LLM Cost Workbench specification §2.1"

PREFILL_EFF_16, PREFILL_EFF_8 = 0.7, 0.5  # blank prefill_mfu: 16-bit arithmetic, 8-bit arithmetic
NVLINK_CLASS_GBS = 300  # a card-to-card link at least this fast is NVLink-class (one-shot all-reduce)
SYNC_NVLINK_US, SYNC_PCIE_US = 20.0, 30.0  # per doubling of the cards; see serving_sync_us and SYNC

# Why a replica runs no batch (templates in core/catalogue/reasons.py).
ERR_MEMORY = Reason("replica_too_small")
ERR_TPOT = Reason("batch_misses_tpot")
ERR_TTFT = Reason("prefill_misses_ttft")

_MOE = 'lookup_or(Models, "n_experts", model, 0) > 0'
_K = 'lookup_or(Models, "experts_per_token", model, 1)'
_E = 'lookup_or(Models, "n_experts", model, 1)'


def _largest_batch(limit: str) -> str:
    """Largest (real) batch whose step stays within `limit` seconds: min over the pieces."""
    t = f"({limit} - step_sync_s)"
    part = f"({t} - step_weights_s) / max(step_slope_s + step_experts_s_per_request, 1e-30)"
    full = f"({t} - step_all_weights_s) / max(step_slope_s, 1e-30)"
    compute = f"{t} / (step_compute_s_per_request + step_slope_s)"
    return f"min(max({part}, {full}), {compute})"


def _step(batch: str, experts: str) -> str:
    """Step time of the replica at `batch` requests in flight, `experts` the routed-weight time."""
    b = batch
    return f"max(step_weights_s + {experts}, step_compute_s_per_request * {b}) + step_sync_s + step_slope_s * {b}"


def _at_load() -> str:
    """Requests in flight on a replica at the peak (Little's law): the least B with
    B = λ · (prefill + output_tokens · step(B)), step(B) = max(min(line 1, line 2), line 3); each
    line a + b·B gives B = λ(P + o·a) ÷ (1 − λ·o·b), saturated (no fixed point) when λ·o·b ≥ 1."""
    lines = (("step_weights_s", "step_slope_s + step_experts_s_per_request"),
             ("step_all_weights_s", "step_slope_s"),
             ("0", "step_compute_s_per_request + step_slope_s"))

    def solve(a: str, b: str) -> str:
        return (f"where(replica_work_per_s * ({b}) < 1, (replica_arrivals_per_s * prefill_s + replica_work_per_s * "
                f"(step_sync_s + {a})) / (1 - replica_work_per_s * ({b})), 1e30)")

    (a1, b1), (a2, b2), (a3, b3) = lines
    return f"min(serve_batch, max(min({solve(a1, b1)}, {solve(a2, b2)}), {solve(a3, b3)}))"


def _touched(batch: str) -> str:
    """Routed-weight streaming time of a step whose requests in flight are `batch`."""
    return (f"routed_weight_bytes * (1 - (1 - expert_share) ** ({batch} * (1 + prefill_tokens_per_step))) "
            "/ (replica_gpus * card_bandwidth)")


_OTHER = "prefill_own_card > 0"  # prefill runs on replicas of another card


def _prefill_card(column: str, scale: str = "") -> str:
    """A Hardware property of the card prefill runs on: the prefill card's in a mixed fleet, else
    the serving card's (`scale` multiplies both)."""
    return (f'where({_OTHER}, lookup(Hardware, "{column}", prefill_hardware){scale}, '
            f'lookup(Hardware, "{column}", serve_hardware){scale})')


def serving_formulas(F) -> list:  # noqa: N803 - the Formula class, named as in the registry
    """The serving work formulas, built with the registry's Formula class `F`."""
    s = "serve"
    ctx = "(input_tokens + output_tokens / 2)"  # a request's average KV length while it decodes
    hw = "serve_hardware"
    return [
        F("flops_per_request", "FLOP",
          "2 * active_params * (input_tokens + output_tokens) + 2 * n_layers * width * "
          "(input_tokens ** 2 / 2 + input_tokens * output_tokens + output_tokens ** 2 / 2)",
          "FLOPs of one request: weights plus attention over the growing context", s, source=KAPLAN),
        # --- precision, model shape
        F("serve_peak", "FLOP/s", peak_flops(hw, "serve_precision"),
          "Dense peak of a serving card at the arithmetic precision (int4 is weight-only: 16-bit arithmetic)",
          s, public=False),
        F("weight_bytes_per_param", "B", switch_on("serve_precision", WEIGHT_BYTES),
          "Bytes per weight at serve_precision", s, public=False),
        F("kv_bytes_per_value", "B",
          f"where(isblank(kv_precision), {switch_on('serve_precision', KV_BYTES)}, "
          f"{switch_on('kv_precision', KV_BYTES)})",
          "Bytes per cached key/value: kv_precision, else serve_precision (16 bits with int4 weights)",
          s, public=False),
        F("prefill_eff", "fraction",
          f"where(isblank(prefill_mfu), where(weight_bytes_per_param == 1, {PREFILL_EFF_8}, {PREFILL_EFF_16}), "
          "prefill_mfu)",
          f"Prefill compute efficiency: prefill_mfu, else {PREFILL_EFF_16} (16-bit) or {PREFILL_EFF_8} (8-bit arithmetic)",
          s, public=False, source=FITTED),
        F("routed_params", "params",
          f'where({_MOE}, (params - active_params) * {_E} / ({_E} - {_K}), 0)',
          "Parameters of the routed experts (MoE; 0 for a dense model): (N − Nₐ) · E ÷ (E − k)",
          s, public=False, source=MOE),
        F("expert_share", "fraction", f"{_K} / {_E}",
          "Share of the routed experts one token uses (k ÷ E; 1 for a dense model)", s, public=False, source=MOE),
        F("weight_bytes", "B", "params * weight_bytes_per_param",
          "Weights of the whole model, every expert resident", s, public=False, source=MOE),
        F("dense_weight_bytes", "B", "(params - routed_params) * weight_bytes_per_param",
          "Weights every token uses: attention, embeddings, dense and shared-expert layers", s,
          public=False, source=MOE),
        F("routed_weight_bytes", "B", "routed_params * weight_bytes_per_param",
          "Weights of the routed experts", s, public=False, source=MOE),
        F("kv_values_per_token", "values", 'lookup_or(Models, "kv_dim", model, 2 * width * kv_share)',
          "Values cached per token and layer: the model's kv_dim, else 2 · d · n_kv_heads ÷ n_heads",
          s, public=False, source=GQA),
        F("kv_bytes_per_token", "B", "n_layers * kv_values_per_token * kv_bytes_per_value",
          "KV cache per token: keys and values of every layer", s, public=False, source=GQA),
        F("card_memory_bytes", "B",
          f'lookup(Hardware, "memory_gb", {hw}) * 1e9 * (1 - memory_reserve)',
          "Usable memory of one serving card", s, public=False),
        # --- a mixed fleet: prefill on replicas of another card
        F("prefill_own_card", "",
          'where(serve_disagg == "yes", where(isblank(prefill_hardware), 0, '
          "where(prefill_hardware == serve_hardware, 0, 1)), 0)",
          "1 when prefill runs apart on another card than decode (serve_disagg yes, prefill_hardware "
          "another card), else 0", s, public=False),
        F("prefill_peak", "FLOP/s", f"where({_OTHER}, {peak_flops('prefill_hardware', 'serve_precision')}, serve_peak)",
          "Dense peak of the card prefill runs on, at the arithmetic precision", s, public=False),
        F("prefill_card_bandwidth", "B/s", _prefill_card("bandwidth_tbs", " * 1e12 * bandwidth_eff"),
          "Memory bandwidth one card of the prefill replicas reaches", s, public=False, source=POPE),
        F("prefill_link_bytes_per_s", "B/s", _prefill_card("interconnect_gbs", " * 1e9 / 2"),
          "Card-to-card bandwidth of the prefill card in one direction", s, public=False),
        F("prefill_fits", "",
          f"where({_OTHER}, where(replica_gpus * {_prefill_card('memory_gb')} * 1e9 * (1 - memory_reserve) "
          ">= resident_weight_bytes + kv_bytes_per_token * input_tokens, 1, "
          'fail("prefill_card_too_small", cards=replica_gpus, col="prefill_hardware", '
          f"have=replica_gpus * {_prefill_card('memory_gb')} * (1 - memory_reserve), "
          "need=(resident_weight_bytes + kv_bytes_per_token * input_tokens) / 1e9)), 1)",
          "1 when a prefill replica of another card (as many cards as a decode replica) holds the "
          "weights and a prompt's KV cache, else the reason", s, public=False),
        F("sizing_batch", "requests", "where(isblank(batch_size), max_batch, batch_size)",
          "Requests whose KV cache a replica is sized for: batch_size, else the engine's max_batch",
          s, public=False),
        F("batch_cap", "requests",
          "where(isblank(batch_size), max_batch * replica_gpus / serve_tp_used, batch_size)",
          "Most requests in flight: batch_size, else the engine's max_batch for each attention group "
          "(each schedules its own batch)", s, public=False),
        F("cache_miss", "fraction", "1 - prefix_cache_hit",
          "Share of prompt tokens prefilled (not read from the prefix cache)", s, public=False),
        # --- the replica: cards, tensor and expert parallel degrees
        F("replica_gpus", "GPUs",
          f"where(isblank(serve_tp), where({_MOE}, where(isblank(serve_ep), "
          "pow2ceil(ceil((routed_weight_bytes + sizing_batch * kv_bytes_per_token * " + ctx + ") / "
          "max(card_memory_bytes - dense_weight_bytes, 1))), serve_ep), "
          "pow2ceil(ceil((weight_bytes + sizing_batch * kv_bytes_per_token * " + ctx + ") / card_memory_bytes))), "
          f"where({_MOE}, where(isblank(serve_ep), serve_tp, max(serve_tp, serve_ep)), serve_tp))",
          "Cards per replica: serve_tp (a mixture of experts: the larger of serve_tp and serve_ep), "
          "else the fewest (a power of two) holding the weights and sizing_batch requests' KV cache", s,
          source=POPE),
        F("serve_tp_used", "GPUs",
          f"where(isblank(serve_tp), where({_MOE}, 1, replica_gpus), serve_tp)",
          "Cards attention is split over (tensor parallel); a mixture of experts with serve_tp blank "
          "runs attention data parallel, one card per group", s, public=False, source=EP),
        F("serve_ep_used", "GPUs",
          f"where({_MOE}, where(isblank(serve_ep), replica_gpus, serve_ep), 1)",
          "Cards the routed experts are spread over (1 for a dense model)", s, source=EP),
        F("resident_weight_bytes", "B",
          "dense_weight_bytes * replica_gpus / serve_tp_used + routed_weight_bytes",
          "Weights the replica holds: the dense part once per attention group, the experts once",
          s, public=False, source=EP),
        # --- one step, as pieces linear in the batch
        F("card_bandwidth", "B/s", f'lookup(Hardware, "bandwidth_tbs", {hw}) * 1e12 * bandwidth_eff',
          "Memory bandwidth one serving card reaches", s, public=False, source=POPE),
        F("link_bytes_per_s", "B/s", f'lookup(Hardware, "interconnect_gbs", {hw}) * 1e9 / 2',
          "Card-to-card bandwidth in one direction (half the datasheet total; blank: PCIe 4.0 x16)",
          s, public=False),
        F("prefill_tokens_per_step", "tokens",
          'where(serve_disagg == "yes", 0, cache_miss * input_tokens / output_tokens)',
          "Prompt tokens one request in flight adds to a step: its uncached prompt over its output steps",
          s, public=False, source=ORCA),
        F("step_weights_s", "s", "dense_weight_bytes / (serve_tp_used * card_bandwidth)",
          "Streaming the always-active weights once", s, public=False, source=POPE),
        F("step_all_weights_s", "s",
          "step_weights_s + routed_weight_bytes / (replica_gpus * card_bandwidth)",
          "Streaming every weight once", s, public=False, source=POPE),
        F("step_experts_s_per_request", "s",
          "routed_weight_bytes * expert_share * (1 + prefill_tokens_per_step) / (replica_gpus * card_bandwidth)",
          "Routed expert weights one more request's tokens stream at most (until all are touched)", s,
          public=False, source=MOE),
        F("step_kv_s_per_request", "s", f"kv_bytes_per_token * {ctx} / (replica_gpus * card_bandwidth)",
          "Streaming one request's KV cache at its average length", s, public=False, source=POPE),
        F("step_compute_s_per_request", "s",
          f"(2 * active_params + 2 * n_layers * width * {ctx}) / (replica_gpus * serve_peak * serve_mfu)",
          "Arithmetic for one request's decode token in a step", s, public=False, source=KAPLAN),
        F("step_prefill_s_per_request", "s",
          'where(serve_disagg == "yes", 0, prefill_compute_s / output_tokens)',
          "Prefill arithmetic one request in flight adds to each step: its prompt spread over its "
          "output steps (chunked prefill runs beside the decode, not hidden under it)", s,
          public=False, source=ORCA),
        F("step_slope_s", "s", "step_kv_s_per_request + step_comm_s_per_request + step_prefill_s_per_request",
          "What each request in flight adds to a step besides arithmetic: its KV cache, link traffic "
          "and share of prefill", s, public=False, source=ORCA),
        F("serving_sync_us", "µs",
          f"where(isblank(tp_sync_us), where(lookup(Hardware, \"interconnect_gbs\", {hw}) >= {NVLINK_CLASS_GBS}, "
          f"{SYNC_NVLINK_US}, {SYNC_PCIE_US}) * log2(serve_tp_used), tp_sync_us)",
          f"Fixed latency of one all-reduce: tp_sync_us, else {SYNC_NVLINK_US} µs per doubling of the "
          f"cards on an NVLink-class link, {SYNC_PCIE_US} µs on PCIe",
          s, public=False, source=SYNC),
        F("ep_link_bytes_per_s", "B/s",
          f'where(serve_ep_used > node_gpus, lookup(Hardware, "network_gbs", {hw}) * 1e9, link_bytes_per_s)',
          "Bandwidth of the all-to-all: the card-to-card link within a server, the network across servers",
          s, public=False, source=EP),
        F("step_sync_s", "s",
          "where(serve_tp_used > 1, 2 * n_layers * serving_sync_us * 1e-6, 0) + "
          "where(serve_ep_used > 1, 2 * n_layers * ep_sync_us * 1e-6, 0)",
          "Fixed latency of a step: two all-reduces per layer (tensor parallel), a dispatch and a "
          "combine per layer (expert parallel)", s, public=False, source=MEGATRON),
        F("step_comm_s_per_request", "s",
          "(1 + prefill_tokens_per_step) * ("
          "where(serve_tp_used > 1, 2 * n_layers * 2 * (serve_tp_used - 1) / serve_tp_used * width * 2 "
          "/ (link_bytes_per_s * replica_gpus / serve_tp_used), 0) + "
          f"where(serve_ep_used > 1, n_layers * 3 * {_K} * width * (serve_ep_used - 1) / serve_ep_used "
          "/ (ep_link_bytes_per_s * replica_gpus), 0))",
          "Link traffic of one request's tokens in a step: all-reduces (2 per layer, d values of 2 bytes, "
          "ring 2(g−1)/g) and the all-to-all (k · d values, 3 bytes there and back)",
          s, public=False, source=EP),
        # --- prefill of one prompt
        F("prefill_compute_s", "s",
          "(2 * active_params * input_tokens * cache_miss + n_layers * width * input_tokens ** 2 * "
          "(1 - prefix_cache_hit ** 2)) / (replica_gpus * prefill_peak * prefill_eff)",
          "Prefill arithmetic of one prompt's uncached tokens on the replica (causal attention over "
          "the whole prompt)", s, public=False, source=KAPLAN),
        F("prefill_s", "s",
          "(max(prefill_compute_s, min(step_all_weights_s, step_weights_s + step_experts_s_per_request * "
          "input_tokens * cache_miss / (1 + prefill_tokens_per_step)) * (card_bandwidth / prefill_card_bandwidth)) + "
          "step_sync_s + step_comm_s_per_request * input_tokens * cache_miss / (1 + prefill_tokens_per_step) * "
          "(link_bytes_per_s / prefill_link_bytes_per_s) + prefill_overhead_ms / 1000) * prefill_fits",
          "Prefill of one prompt: arithmetic (or weight streaming, at the prefill card's bandwidth), "
          "link traffic, fixed launch time", s,
          public=False, source=MEGATRON),
        # --- the batch: memory, then the targets
        F("serve_batch_memory", "requests",
          f"(replica_gpus * card_memory_bytes - resident_weight_bytes) / max(kv_bytes_per_token * {ctx}, 1e-30)",
          "Requests whose KV cache (paged: the tokens in flight, on average) fits beside the weights",
          s, public=False, source=PAGED),
        F("serve_batch_tpot", "requests", _largest_batch("tpot_target_s"),
          "Largest batch whose step meets tpot_target_s", s, public=False, source=SPEC21),
        F("serve_batch_ttft", "requests",
          f"where(prefill_s > ttft_target_s, 0, max(1, {_largest_batch('2 * (ttft_target_s - prefill_s)')}))",
          "Largest batch meeting ttft_target_s (prefill plus half a running step)", s, public=False,
          source=SPEC21),
        F("serve_batch", "requests",
          f'where(serve_batch_memory < 1, fail("{ERR_MEMORY.key}"), '
          f'where(serve_batch_tpot < 1, fail("{ERR_TPOT.key}"), '
          f'where(serve_batch_ttft < 1, fail("{ERR_TTFT.key}"), '
          "-ceil(-min(batch_cap, serve_batch_memory, serve_batch_tpot, serve_batch_ttft)))))",
          "Requests a replica runs at once: the most that fit memory and meet the targets, up to "
          "batch_size (blank: the engine's max_batch)", s, source=SPEC21),
        # --- latency and work at that batch
        F("step_experts_s", "s", _touched("serve_batch"),
          "Routed weights a full step streams: the share of experts its tokens touch", s, public=False,
          source=TOUCHED),
        F("step_s", "s", _step("serve_batch", "step_experts_s"),
          "One step of a full replica: every request in flight decodes a token, arriving prompts "
          "are prefilled in chunks beside them", s, public=False, source=ORCA),
        F("kv_cache_gb_per_replica", "GB", f"serve_batch * kv_bytes_per_token * {ctx} / 1e9",
          "KV cache of the batch in flight", s, source=PAGED),
        F("decode_gpu_seconds", "GPU-s", "output_tokens * replica_gpus * step_s / serve_batch",
          "GPU time of one request on a decode (or mixed) replica: its share of the steps", s,
          public=False, source=ORCA),
        F("prefill_gpu_seconds", "GPU-s", "replica_gpus * prefill_compute_s",
          "GPU time of one prompt when prompts are batched", s, public=False, source=KAPLAN),
        F("gpu_seconds_per_request", "GPU-s",
          'decode_gpu_seconds + where(serve_disagg == "yes", prefill_gpu_seconds, 0)',
          "GPU time of one request: its share of the steps, its prefill included", s, source=ORCA),
        F("output_tokens_per_s_per_gpu", "tokens/s", "output_tokens / gpu_seconds_per_request",
          "Output tokens per second per card at the replica's batch, prefill included", s),
        F("replica_requests_per_s", "requests/s", "replica_gpus / decode_gpu_seconds",
          "Requests per second one replica completes at its batch within the targets (goodput)", s,
          source=LITTLE),
        F("decode_gpus", "GPUs",
          "replica_gpus * max(1, ceil(ceil(peak_requests_per_s * decode_gpu_seconds / "
          "(1 - capacity_overhead)) / replica_gpus))",
          "Decode (or mixed) cards for the peak, in whole replicas", s, public=False),
        F("prefill_gpus", "GPUs",
          'where(serve_disagg == "yes", replica_gpus * max(1, ceil(ceil(peak_requests_per_s * '
          "prefill_gpu_seconds / (1 - capacity_overhead)) / replica_gpus)), 0)",
          "Prefill cards for the peak when prefill runs apart (serve_disagg), in whole replicas", s,
          public=False),
        F("serve_gpus", "GPUs", "decode_gpus + prefill_gpus",
          "Serving cards for the peak, in whole replicas", s),
        F("serve_utilization", "fraction", "peak_requests_per_s * decode_gpu_seconds / decode_gpus",
          "Share of the decode fleet's capacity the peak uses", s, public=False, source=LITTLE),
        F("replica_arrivals_per_s", "requests/s", "peak_requests_per_s * replica_gpus / decode_gpus",
          "Requests arriving at one replica per second at the peak", s, public=False, source=LITTLE),
        F("replica_work_per_s", "tokens/s", "replica_arrivals_per_s * output_tokens",
          "Output tokens a replica is asked for per second at the peak", s, public=False, source=LITTLE),
        F("serve_concurrency", "requests", _at_load(),
          "Requests in flight on a replica at the peak (Little's law: arrivals × time in the replica), "
          "at most its batch", s, source=LITTLE),
        F("step_experts_load_s", "s", _touched("serve_concurrency"),
          "Routed weights a step streams at the peak's concurrency", s, public=False, source=TOUCHED),
        F("tpot_s", "s", _step("serve_concurrency", "step_experts_load_s"),
          "Time per output token at the peak: one step of a replica with serve_concurrency requests "
          "in flight, prefill chunks included", s, source=ORCA),
        F("prefill_queue_s", "s", "prefill_busy / (2 * (1 - prefill_busy)) * prefill_s",
          "Wait for the prompts ahead at the peak: a deterministic server busy prefill_busy of the time",
          s, public=False, source=LITTLE),
        F("prefill_busy", "fraction",
          'min(0.95, where(serve_disagg == "yes", peak_requests_per_s * prefill_gpu_seconds / '
          "max(prefill_gpus, 1), replica_arrivals_per_s * prefill_compute_s))",
          "Share of a replica's time spent on prefill at the peak", s, public=False, source=LITTLE),
        F("kv_transfer_s", "s",
          f'where(serve_disagg == "yes", kv_bytes_per_token * input_tokens / (replica_gpus * '
          f'min(lookup(Hardware, "network_gbs", {hw}), {_prefill_card("network_gbs")}) * 1e9), 0)',
          "Moving a prompt's KV cache from its prefill replica to a decode replica over the network "
          "(the slower of the two cards' networks)",
          s, public=False, source=EP),
        F("ttft_s", "s",
          'prefill_s + prefill_queue_s + kv_transfer_s + where(serve_concurrency > 1, tpot_s / 2, 0)',
          "Time to first token: prefill, half of a running step, and the wait for prompts ahead at the peak",
          s, source=LITTLE),
        F("prefill_gpus_avg", "GPUs",
          'where(serve_disagg == "yes", min(prefill_gpus, replica_gpus * max(1, peak_requests_per_s / '
          "peak_factor * prefill_gpu_seconds / (1 - capacity_overhead) / replica_gpus + 0.5)), 0)",
          "Average prefill fleet over a day that follows the traffic (0 unless prefill runs apart)", s,
          public=False, source=PROFILE),
        F("serve_gpus_avg", "GPUs",
          "min(decode_gpus, replica_gpus * max(1, peak_requests_per_s / peak_factor * "
          "decode_gpu_seconds / (1 - capacity_overhead) / replica_gpus + 0.5)) + prefill_gpus_avg",
          "Average fleet over a day that follows the traffic: the average demand in whole replicas, "
          "never below one replica", s, source=PROFILE),
    ]
