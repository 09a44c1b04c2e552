"""Serving formulas: work per request, replica, batch, latency (TTFT, TPOT) and fleet size.

One decode step of a replica of g cards at batch B costs

    max(weights + KV streamed ÷ (g · bandwidth · bandwidth_eff),  B · FLOPs per token ÷ (g · peak · serve_mfu))
    + tensor-parallel all-reduces: 2 per layer, each a fixed latency plus B · d · 2 bytes · 2(g−1)/g
      over one direction of the interconnect (ring all-reduce)

Every term is linear in B (mixture-of-experts weights streamed grow with B until every expert is
touched), so the largest batch meeting a latency target is solved in closed form: each piece
a + b·B ≤ T gives B ≤ (T − a) ÷ b.  The module builds plain :class:`Formula` data; the registry in
``formulas.py`` takes it into its one tuple.
"""

from __future__ import annotations

from .formulas_shared import GQA, KAPLAN, KV_BYTES, POPE, WEIGHT_BYTES, peak_flops, switch_on
from .reasons import Reason

MEGATRON = ("Shoeybi et al. 2019, Megatron-LM, §3 (two all-reduces per layer in tensor parallelism); "
            "Pope et al. 2022, Efficiently Scaling Transformer Inference, §3.1 (ring all-reduce moves "
            "2(g−1)/g of the data per card)")
MOE = ("Fedus et al. 2022, Switch Transformers; Jiang et al. 2024, Mixtral: every expert is resident, "
       "the routed ones do the work")
FITTED = "docs/validation.md, serving section (published TensorRT-LLM measurements)"
SPEC21 = "LLM Cost Workbench specification §2.1"

PREFILL_EFF_16, PREFILL_EFF_8 = 0.7, 0.38  # blank prefill_mfu: 16-bit arithmetic, 8-bit arithmetic

# Why a replica runs no batch (templates in core/catalogue/reasons.py).
ERR_MEMORY = Reason("replica_too_small")
ERR_TPOT = Reason("batch_misses_tpot")
ERR_TTFT = Reason("prefill_misses_ttft")


def _largest_batch(limit: str) -> str:
    """Largest (real) batch whose decode step stays within `limit` seconds: min over the pieces."""
    t = f"({limit} - step_sync_s)"
    slope_x = "step_allreduce_s_per_request"
    part = (f"({t} - step_weights_s) / max(step_kv_s_per_request + step_experts_s_per_request + {slope_x}, 1e-30)")
    full = f"({t} - step_all_weights_s) / max(step_kv_s_per_request + {slope_x}, 1e-30)"
    compute = f"{t} / (step_compute_s_per_request + {slope_x})"
    return f"min(max({part}, {full}), {compute})"


def _step(batch: str) -> str:
    """Decode step time of the replica at `batch`."""
    b = batch
    return (f"max(min(step_weights_s + (step_kv_s_per_request + step_experts_s_per_request) * {b}, "
            f"step_all_weights_s + step_kv_s_per_request * {b}), step_compute_s_per_request * {b})"
            f" + step_sync_s + step_allreduce_s_per_request * {b}")


def serving_formulas(F) -> list:  # noqa: N803 - the Formula class, named as in the registry
    """The serving work formulas, built with the registry's Formula class `F`."""
    s = "serve"
    ctx = "(input_tokens + output_tokens / 2)"  # a request's average KV length while it decodes
    return [
        F("flops_per_request", "FLOP",
          "2 * active_params * (input_tokens + output_tokens) + 2 * n_layers * width * "
          "(input_tokens ** 2 / 2 + input_tokens * output_tokens + output_tokens ** 2 / 2)",
          "FLOPs of one request: weights plus attention over the growing context", s, source=KAPLAN),
        # --- precision, model shape
        F("serve_peak", "FLOP/s", peak_flops("serve_hardware", "serve_precision"),
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
          'where(lookup_or(Models, "n_experts", model, 0) > 0, (params - active_params) * '
          'lookup(Models, "n_experts", model) / '
          '(lookup(Models, "n_experts", model) - lookup(Models, "experts_per_token", model)), 0)',
          "Parameters of the routed experts (MoE; 0 for a dense model): (N − Nₐ) · E ÷ (E − k)",
          s, public=False, source=MOE),
        F("expert_share", "fraction",
          'lookup_or(Models, "experts_per_token", model, 1) / lookup_or(Models, "n_experts", model, 1)',
          "Share of the routed experts one token uses (k ÷ E; 1 for a dense model)", s, public=False, source=MOE),
        F("weight_bytes", "B", "params * weight_bytes_per_param",
          "Weights of the whole model, every expert resident", s, public=False, source=MOE),
        F("kv_bytes_per_token", "B", "2 * n_layers * width * kv_share * kv_bytes_per_value",
          "KV cache per token: keys and values of every layer", s, public=False, source=GQA),
        F("card_memory_bytes", "B",
          'lookup(Hardware, "memory_gb", serve_hardware) * 1e9 * (1 - memory_reserve)',
          "Usable memory of one serving card", s, public=False),
        F("replica_gpus", "GPUs",
          "where(isblank(serve_tp), pow2ceil(ceil((weight_bytes + batch_size * kv_bytes_per_token * "
          "(input_tokens + output_tokens)) / card_memory_bytes)), serve_tp)",
          "Cards per replica (tensor parallel): serve_tp, else the fewest (a power of two) holding the "
          "weights and batch_size requests' KV cache", s, source=POPE),
        # --- one decode step, as pieces linear in the batch
        F("replica_bandwidth", "B/s",
          'replica_gpus * lookup(Hardware, "bandwidth_tbs", serve_hardware) * 1e12 * bandwidth_eff',
          "Memory bandwidth the replica reaches", s, public=False, source=POPE),
        F("link_bytes_per_s", "B/s",
          'where(replica_gpus > 1, lookup(Hardware, "interconnect_gbs", serve_hardware) * 1e9 / 2, 1)',
          "Interconnect bandwidth of one card in one direction (half the datasheet total)", s, public=False),
        F("step_weights_s", "s", "(weight_bytes - routed_params * weight_bytes_per_param) / replica_bandwidth",
          "Streaming the always-active weights once", s, public=False, source=POPE),
        F("step_all_weights_s", "s", "weight_bytes / replica_bandwidth",
          "Streaming every weight once", s, public=False, source=POPE),
        F("step_experts_s_per_request", "s",
          "routed_params * weight_bytes_per_param * expert_share / replica_bandwidth",
          "Routed expert weights one more request in the batch streams (until all are touched)", s,
          public=False, source=MOE),
        F("step_kv_s_per_request", "s", f"kv_bytes_per_token * {ctx} / replica_bandwidth",
          "Streaming one request's KV cache at its average length", s, public=False, source=POPE),
        F("step_compute_s_per_request", "s",
          f"(2 * active_params + 2 * n_layers * width * {ctx}) / (replica_gpus * serve_peak * serve_mfu)",
          "Arithmetic for one request's token in a decode step", s, public=False, source=KAPLAN),
        F("step_sync_s", "s", "where(replica_gpus > 1, 2 * n_layers * tp_sync_us * 1e-6, 0)",
          "Fixed latency of the step's all-reduces (two per layer)", s, public=False, source=MEGATRON),
        F("step_allreduce_s_per_request", "s",
          "where(replica_gpus > 1, 2 * n_layers * 2 * (replica_gpus - 1) / replica_gpus * width * 2 "
          "/ link_bytes_per_s, 0)",
          "All-reduce traffic of one request's token: 2 per layer, d values of 2 bytes, ring 2(g−1)/g",
          s, public=False, source=MEGATRON),
        # --- prefill of one prompt
        F("prefill_compute_s", "s",
          "(2 * active_params * input_tokens + n_layers * width * input_tokens ** 2) / "
          "(replica_gpus * serve_peak * prefill_eff)",
          "Prefill arithmetic of one prompt on the replica (causal attention: half of t²)", s,
          public=False, source=KAPLAN),
        F("prefill_s", "s",
          "max(prefill_compute_s, min(step_all_weights_s, step_weights_s + step_experts_s_per_request * "
          "input_tokens)) + step_sync_s + step_allreduce_s_per_request * input_tokens + "
          "prefill_overhead_ms / 1000",
          "Prefill of one prompt: arithmetic (or weight streaming), all-reduces, fixed launch time", s,
          public=False, source=MEGATRON),
        F("prefill_gpu_seconds", "GPU-s",
          "replica_gpus * (prefill_compute_s + step_allreduce_s_per_request * input_tokens)",
          "GPU time of one prompt when prompts are batched", s, public=False),
        # --- the batch: memory, then the targets
        F("serve_batch_memory", "requests",
          "(replica_gpus * card_memory_bytes - weight_bytes) / "
          "max(kv_bytes_per_token * (input_tokens + output_tokens), 1e-30)",
          "Requests whose full-length KV cache fits beside the weights", s, public=False, source=POPE),
        F("serve_batch_tpot", "requests",
          f"where(isblank(tpot_target_s), batch_size, {_largest_batch('tpot_target_s')})",
          "Largest batch whose decode step meets tpot_target_s", s, public=False, source=SPEC21),
        F("serve_batch_ttft", "requests",
          "where(isblank(ttft_target_s), batch_size, where(prefill_s > ttft_target_s, 0, "
          f"max(1, {_largest_batch('2 * (ttft_target_s - prefill_s)')})))",
          "Largest batch meeting ttft_target_s (prefill plus half a running step)", s, public=False,
          source=SPEC21),
        F("serve_batch", "requests",
          f'where(serve_batch_memory < 1, fail("{ERR_MEMORY.key}"), '
          f'where(serve_batch_tpot < 1, fail("{ERR_TPOT.key}"), '
          f'where(serve_batch_ttft < 1, fail("{ERR_TTFT.key}"), '
          "-ceil(-min(batch_size, serve_batch_memory, serve_batch_tpot, serve_batch_ttft)))))",
          "Batch a replica runs: the largest ≤ batch_size that fits memory and meets the targets", s,
          source=SPEC21),
        # --- latency and work at that batch
        F("tpot_s", "s", _step("serve_batch"),
          "Time per output token: one decode step of the replica at its batch", s, source=MEGATRON),
        F("ttft_s", "s", "prefill_s + where(serve_batch > 1, tpot_s / 2, 0)",
          "Time to first token: prefill, plus on average half of the running batch's step", s, source=SPEC21),
        F("kv_cache_gb_per_replica", "GB",
          "serve_batch * kv_bytes_per_token * (input_tokens + output_tokens) / 1e9",
          "KV cache of the batch at full length", s, source=GQA),
        F("gpu_seconds_per_request", "GPU-s",
          "prefill_gpu_seconds + output_tokens * replica_gpus * tpot_s / serve_batch",
          "GPU time of one request: batched prefill plus its share of the decode steps", s),
        F("output_tokens_per_s_per_gpu", "tokens/s", "output_tokens / gpu_seconds_per_request",
          "Output tokens per second per card at the replica's batch, prefill included", s),
        F("serve_gpus", "GPUs",
          "replica_gpus * max(1, ceil(ceil(peak_requests_per_s * gpu_seconds_per_request / "
          "(1 - capacity_overhead)) / replica_gpus))",
          "Serving cards for the peak, in whole replicas", s),
    ]
