"""The input tables of a workbook: columns with type, unit, domain, default and help."""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of column.  "number" and "int" hold floats, "choice" one of `choices`,
# "ref" the name of a row in `ref` (another table), "text" free text.
NUMBER, INT, CHOICE, REF, TEXT = "number", "int", "choice", "ref", "text"

# Stages of a scenario.  A stage is part of a scenario when its trigger column is filled.
STAGES = ("identity", "train", "ft", "serve", "money")
STAGE_TRIGGER = {"train": "train_tokens_b", "ft": "ft_tokens_b", "serve": "daily_users"}
STAGE_TITLE = {
    "identity": "Scenario",
    "train": "Pre-training",
    "ft": "Fine-tuning",
    "serve": "Serving",
    "money": "Money",
}
PRECISIONS = ("fp32", "bf16", "fp8", "int8")
SERVE_PRECISIONS = (*PRECISIONS, "int4")  # int4: weight-only quantization (AWQ, GPTQ), 16-bit arithmetic
CURRENCIES = ("USD", "CNY")


@dataclass(frozen=True)
class Column:
    """One column of an input table."""

    name: str
    kind: str
    unit: str = ""
    help: str = ""
    lo: float | None = None  # lower bound
    hi: float | None = None  # upper bound
    lo_open: bool = False  # True: value must be > lo, else >= lo
    choices: tuple[str, ...] = ()
    ref: str = ""  # referenced table for kind REF
    default: object = None  # used for a blank cell inside an active stage
    required: bool = False  # blank is an error (inside an active stage)
    stage: str = "identity"
    default_source: str = ""  # why the default is what it is

    @property
    def numeric(self) -> bool:
        return self.kind in (NUMBER, INT)



@dataclass(frozen=True)
class Table:
    """An input table: a sheet with a header row and one row per record."""

    name: str
    columns: tuple[Column, ...]
    key: str = "name"  # the unique column
    title: str = ""
    by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "by_name", {c.name: c for c in self.columns})

    def column(self, name: str) -> Column:
        return self.by_name[name]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _c(name, kind, unit="", help="", **kw) -> Column:  # noqa: A002 - short builder
    return Column(name, kind, unit, help, **kw)


POS = {"lo": 0.0, "lo_open": True}
NONNEG = {"lo": 0.0}
FRACTION = {"lo": 0.0, "hi": 1.0}
UTILIZATION = {"lo": 0.0, "hi": 1.0, "lo_open": True}

MODELS = Table(
    "Models",
    (
        _c("name", TEXT, help="Unique model name", required=True),
        _c("params_b", NUMBER, "B params", "Total parameters, in billions", required=True, **POS),
        _c("active_params_b", NUMBER, "B params",
           "Parameters used per token (MoE), in billions; blank = params_b", **POS),
        _c("layers", INT, "", "Transformer layers (blank drops the attention term)", lo=1),
        _c("d_model", INT, "", "Model width (hidden size)", lo=1),
        _c("n_heads", INT, "", "Attention heads", lo=1),
        _c("n_kv_heads", INT, "", "Key/value heads (grouped-query attention); blank = n_heads", lo=1),
        _c("context_len", INT, "tokens", "Training context length", lo=1),
        # architecture (serving; names shared with the Hugging Face import)
        _c("ffn_dim", INT, "", "MLP intermediate size (per expert for MoE models)", lo=1),
        _c("vocab_size", INT, "tokens", "Vocabulary size", lo=1),
        _c("n_experts", INT, "", "Routed experts per MoE layer; blank = a dense model", lo=1),
        _c("experts_per_token", INT, "", "Routed experts each token uses (MoE)", lo=1),
        _c("n_shared_experts", INT, "", "Experts every token uses besides the routed ones (DeepSeek); blank = 0",
           lo=0),
        _c("kv_dim", INT, "values",
           "Values cached per token per layer, keys and values together; blank = 2 × n_kv_heads × "
           "d_model ÷ n_heads (multi-head latent attention caches its latent: 576 for DeepSeek-V3)", lo=1),
        _c("source", TEXT, help="Where these figures come from"),
    ),
    title="Models",
)

HARDWARE = Table(
    "Hardware",
    (
        _c("name", TEXT, help="Unique accelerator name", required=True),
        _c("vendor", TEXT, help="Maker"),
        _c("fp32_tflops", NUMBER, "TFLOPS", "Dense FP32 peak", **POS),
        _c("bf16_tflops", NUMBER, "TFLOPS", "Dense FP16/BF16 tensor peak (no sparsity)", **POS),
        _c("fp8_tflops", NUMBER, "TFLOPS", "Dense FP8 peak", **POS),
        _c("int8_tops", NUMBER, "TOPS", "Dense INT8 peak", **POS),
        _c("memory_gb", NUMBER, "GB", "Device memory", **POS),
        _c("bandwidth_tbs", NUMBER, "TB/s", "Memory bandwidth", **POS),
        _c("tdp_w", NUMBER, "W", "Board power (TDP)", **POS),
        _c("interconnect_gbs", NUMBER, "GB/s",
           "Card-to-card bandwidth (NVLink, PCIe, HCCS…), both directions together, as datasheets give it; "
           "blank = 64 (PCIe 4.0 x16)", default=64.0,
           default_source="PCIe 4.0 x16: 32 GB/s each way (PCI-SIG PCIe 4.0 base specification), the "
                          "floor of a multi-card server without a card-to-card link", **POS),
        _c("network_gbs", NUMBER, "GB/s",
           "Scale-out bandwidth per card between servers, one direction: its share of the InfiniBand/RoCE "
           "NICs (400 Gb/s NDR = 50 GB/s); blank = 12.5 (one 100 Gb/s Ethernet port)", default=12.5,
           default_source="one 100 Gb/s Ethernet port per card, the floor of a data-centre server "
                          "without a dedicated GPU fabric (a planning assumption)", **POS),
        _c("price", NUMBER, "money", "Purchase price per card", **NONNEG),
        _c("price_currency", CHOICE, "", "Currency of price", choices=CURRENCIES, default="USD"),
        _c("source", TEXT, help="Where these figures come from"),
        # training efficiency; last, so that file columns keep their places
        _c("train_eff_bf16", NUMBER, "fraction",
           "Share of the 16-bit peak a training step's kernels reach on this card before pipeline "
           "bubbles and exposed communication (predicts train_mfu when it is blank); blank = 0.5",
           default=0.5, **UTILIZATION,
           default_source="H100-class cards: Llama 3 405B reached 38–43 % MFU on 16K H100 with a "
                          "pipeline bubble and exposed communication on top (Dubey et al. 2024, Table 4); "
                          "see docs/validation.md, training at scale"),
        _c("train_eff_fp8", NUMBER, "fraction",
           "Share of the 8-bit peak a training step's kernels reach in FP8 (only the matrix products "
           "run in 8 bits); blank = 0.3", default=0.3, **UTILIZATION,
           default_source="DeepSeek-V3 trained in FP8 on H800 at about a fifth of the FP8 peak end to "
                          "end, with expert all-to-all (DeepSeek-AI 2024, Table 1 and §3.3); see "
                          "docs/validation.md, training at scale"),
    ),
    title="Hardware",
)

PRICES = Table(
    "Prices",
    (
        _c("name", TEXT, help="Unique name of the rental offer", required=True),
        _c("hardware", REF, "", "The accelerator rented", ref="Hardware", required=True),
        _c("provider", TEXT, help="Cloud or reseller"),
        _c("per_gpu_hour", NUMBER, "money/GPU-h", "Rental price per GPU-hour", required=True, **NONNEG),
        _c("currency", CHOICE, "", "Currency of the price", choices=CURRENCIES, default="USD",
           default_source="USD"),
        _c("as_of", TEXT, help="Date the price was read (YYYY-MM-DD)"),
        _c("source", TEXT, help="Where the price comes from"),
    ),
    title="Prices",
)

# API offers: hosted models priced per token, to compare with self-hosting
API_OFFERS = Table(
    "ApiOffers",
    (
        _c("name", TEXT, help="Unique name of the API offer", required=True),
        _c("provider", TEXT, help="Who sells the API"),
        _c("model", REF, "", "The model served (a Models name; blank for a closed model)", ref="Models"),
        _c("input_per_million", NUMBER, "money/M tokens", "Price of one million prompt tokens",
           required=True, **NONNEG),
        _c("output_per_million", NUMBER, "money/M tokens", "Price of one million generated tokens",
           required=True, **NONNEG),
        _c("cached_input_per_million", NUMBER, "money/M tokens",
           "Price of one million prompt tokens read from the provider's cache (not used in the comparison)",
           **NONNEG),
        _c("currency", CHOICE, "", "Currency of the prices", choices=CURRENCIES, default="USD",
           default_source="USD"),
        _c("as_of", TEXT, help="Date the price was read (YYYY-MM-DD)"),
        _c("source", TEXT, help="Where the price comes from"),
    ),
    title="API offers",
)

ASSUMPTIONS = Table(
    "Assumptions",
    (
        _c("key", TEXT, help="Name of the assumption", required=True),
        _c("value", NUMBER, help="Its value, in the unit given"),
        _c("unit", TEXT, help="Unit of the value"),
        _c("note", TEXT, help="Source or reasoning"),
    ),
    key="key",
    title="Assumptions",
)

# The known global assumptions: their domain and default.  Other keys may be added freely.
ASSUMPTION_KEYS = {
    c.name: c
    for c in (
        _c("usd_cny", NUMBER, "CNY/USD", "Yuan per US dollar", default=7.1, **POS),
        _c("electricity_per_kwh", NUMBER, "USD/kWh", "Electricity price", default=0.1, **NONNEG),
        _c("pue", NUMBER, "ratio", "Power usage effectiveness of the data centre", default=1.2, lo=1.0),
        _c("depreciation_years", NUMBER, "years", "Years over which bought hardware is written off",
           default=4.0, **POS),
        _c("server_overhead", NUMBER, "fraction",
           "Added to the card price for host, network and storage", default=0.64, **NONNEG),
        _c("ops_overhead", NUMBER, "fraction", "Added to the daily running cost", default=0.1, **NONNEG),
        _c("memory_reserve", NUMBER, "fraction",
           "Share of card memory kept free for activations and the runtime", default=0.1,
           lo=0.0, hi=0.99),
        # serving latency
        _c("tp_sync_us", NUMBER, "µs",
           "Fixed latency of one tensor-parallel all-reduce; blank = by the card's link and the number "
           "of cards (serving_sync_us in docs/formulas.md)", **NONNEG),
        _c("ep_sync_us", NUMBER, "µs",
           "Fixed latency of one expert-parallel all-to-all (dispatch or combine)", default=40.0,
           default_source="DeepEP low-latency kernels (deepseek-ai/DeepEP README, 2025): dispatch of "
                          "128 tokens in 77 µs at EP8 to 194 µs at EP256 over 50 GB/s RDMA; the part "
                          "no byte count explains is about 40 µs", **NONNEG),
        _c("max_batch", INT, "requests",
           "Most requests a serving engine runs at once (its scheduler limit)", default=256,
           default_source="vLLM's default max_num_seqs = 256 (vllm EngineArgs) and TensorRT-LLM's "
                          "default max_batch_size = 256 (trtllm-serve / BuildConfig)", lo=1),
        _c("node_gpus", INT, "GPUs", "Cards in one server, joined by the card-to-card link", default=8,
           default_source="HGX/DGX servers hold 8 cards on NVLink (NVIDIA DGX H100 user guide)", lo=1),
        _c("train_goodput", NUMBER, "fraction",
           "Share of a training run's wall-clock spent on steps that count (the rest: failures, "
           "restarts, checkpoint saves); divides training GPU-hours, days and cost", default=0.9,
           default_source="Llama 3 405B: more than 90 % effective training time over 54 days with 466 "
                          "job interruptions (Dubey et al. 2024, The Llama 3 Herd of Models, §3.3.4)",
           **UTILIZATION),
        _c("prefill_overhead_ms", NUMBER, "ms", "Fixed time of one prefill pass (kernel launches, scheduling)",
           default=6.0, **NONNEG),
    )
}

SHARDINGS = ("none", "zero1", "zero2", "zero3")
CHECKPOINTING = ("none", "selective", "full")


def _memory_columns(stage: str, label: str) -> tuple[Column, ...]:
    """Sharding, micro-batch and activation checkpointing of a training stage (train_, ft_)."""
    p = stage
    return (
        _c(f"{p}_sharding", CHOICE, "", f"How {label} spreads its memory: none (plain data parallel), "
           "zero1 (optimizer states), zero2 (+ gradients), zero3 (+ weights, FSDP); blank = the one "
           "needing the fewest cards", choices=SHARDINGS, stage=stage),
        _c(f"{p}_micro_batch", INT, "sequences", f"Sequences one card processes at once in {label}",
           default=1, stage=stage, lo=1,
           default_source="micro-batch 1, the memory floor, as in Korthikanti et al. 2022 (GPT-3 175B "
                          "to 1T) and QLoRA's Guanaco 65B recipe; gradient accumulation makes the "
                          "global batch"),
        _c(f"{p}_checkpointing", CHOICE, "", "Activation recomputation: none keeps every activation, "
           "selective drops the attention scores, full keeps only each layer's input",
           choices=CHECKPOINTING, default="full", stage=stage,
           default_source="full recomputation (Korthikanti et al. 2022), as Hugging Face "
                          "gradient_checkpointing and QLoRA use: the fewest cards, at about a third "
                          "more compute than MFU counts"),
    )

def _layout_columns(stage: str, label: str) -> tuple[Column, ...]:
    """Tensor, pipeline, context and expert parallel degrees of a training stage; blank = chosen."""
    p = stage
    return (
        _c(f"{p}_tp", INT, "GPUs", f"Tensor-parallel degree of {label}: cards each layer's matrices are "
           "split over, inside one server; blank = chosen (the layout that fits with the highest "
           "predicted MFU)", stage=stage, lo=1),
        _c(f"{p}_pp", INT, "GPUs", f"Pipeline-parallel degree of {label}: stages the layers are cut "
           "into; blank = chosen", stage=stage, lo=1),
        _c(f"{p}_cp", INT, "GPUs", f"Context-parallel degree of {label}: cards each sequence is split "
           "over; blank = one per 8,192 tokens of context (a power of two)", stage=stage, lo=1),
        _c(f"{p}_ep", INT, "GPUs", f"Expert-parallel degree of {label} (mixture of experts): cards the "
           "routed experts are spread over; blank = 4 experts per card, at most the data-parallel "
           "cards (1 for a dense model)", stage=stage, lo=1),
    )


SCENARIOS = Table(
    "Scenarios",
    (
        _c("name", TEXT, help="Unique scenario name", required=True),
        _c("model", REF, "", "The model (a Models name)", ref="Models", required=True),
        # pre-training
        _c("train_tokens_b", NUMBER, "B tokens", "Pre-training tokens, in billions (blank: no pre-training)",
           stage="train", **POS),
        _c("train_hardware", REF, "", "Accelerator for pre-training", ref="Hardware", required=True, stage="train"),
        _c("train_price", REF, "", "Rental offer for pre-training (needed when renting)", ref="Prices", stage="train"),
        _c("train_precision", CHOICE, "", "Number format of the training arithmetic",
           choices=PRECISIONS, default="bf16", stage="train",
           default_source="BF16 mixed precision is the norm for LLM pre-training since 2022 (OPT, PaLM, Llama)"),
        _c("train_mfu", NUMBER, "fraction", "Model FLOPs utilization in training; blank = predicted from "
           "the card, precision and layout (train_mfu_used)", stage="train", **UTILIZATION),
        _c("train_gpus", INT, "GPUs", "Cards in the training cluster (or give a deadline)", stage="train", lo=1),
        _c("train_deadline_days", NUMBER, "days", "Deadline; the card count follows from it", stage="train", **POS),
        _c("train_context", INT, "tokens",
           "Sequence length in pre-training; blank = the model's context_len", stage="train", lo=1),
        _c("train_discount", NUMBER, "fraction", "Discount off the rental price", default=0.0, stage="train",
           **FRACTION,
           default_source="no discount unless negotiated"),
        # fine-tuning
        _c("ft_tokens_b", NUMBER, "B tokens", "Fine-tuning tokens per epoch, in billions (blank: none)",
           stage="ft", **POS),
        _c("ft_epochs", NUMBER, "epochs", "Passes over the fine-tuning data", default=3.0, stage="ft", **POS,
           default_source="common instruction-tuning recipes run 2-3 epochs (e.g. Stanford Alpaca: 3)"),
        _c("ft_method", CHOICE, "", "full: all weights; lora: adapters; qlora: adapters on a 4-bit model; top_layers: last layers only",
           choices=("full", "lora", "qlora", "top_layers"), default="lora", stage="ft",
           default_source="LoRA (Hu et al. 2021) is the usual way to adapt a model on company data"),
        _c("ft_trainable_fraction", NUMBER, "fraction", "Share of layers trained with top_layers",
           default=0.1, stage="ft", **UTILIZATION,
           default_source="a tenth of the layers, a planning assumption"),
        _c("ft_hardware", REF, "", "Accelerator for fine-tuning", ref="Hardware", required=True, stage="ft"),
        _c("ft_price", REF, "", "Rental offer for fine-tuning (needed when renting)", ref="Prices", stage="ft"),
        _c("ft_precision", CHOICE, "", "Number format of the fine-tuning arithmetic",
           choices=PRECISIONS, default="bf16", stage="ft",
           default_source="BF16 mixed precision"),
        _c("ft_mfu", NUMBER, "fraction", "Model FLOPs utilization in fine-tuning; blank = predicted from "
           "the card, precision and layout (ft_mfu_used)", stage="ft", **UTILIZATION),
        # serving
        _c("daily_users", NUMBER, "users", "Users per day (blank: no serving)", stage="serve", **POS),
        _c("requests_per_user", NUMBER, "requests", "Requests per user per day", default=10.0, stage="serve", **POS,
           default_source="a planning assumption for a chat assistant; edit it to your traffic"),
        _c("input_tokens", NUMBER, "tokens", "Prompt tokens per request", default=500.0, stage="serve", **NONNEG,
           default_source="a planning assumption (prompt with some conversation history)"),
        _c("output_tokens", NUMBER, "tokens", "Generated tokens per request", default=300.0, stage="serve", lo=1.0,
           default_source="a planning assumption (a few paragraphs of answer)"),
        _c("peak_factor", NUMBER, "ratio", "Peak traffic / average traffic", default=2.0, stage="serve", lo=1.0,
           default_source="llm-d planner's traffic profiles use a peak ratio of 1.5-2.5"),
        _c("serve_hardware", REF, "", "Accelerator for serving", ref="Hardware", required=True, stage="serve"),
        _c("serve_price", REF, "", "Rental offer for serving (needed when renting)", ref="Prices", stage="serve"),
        _c("serve_precision", CHOICE, "",
           "Number format of weights and arithmetic (int4: 4-bit weights, 16-bit arithmetic)",
           choices=SERVE_PRECISIONS, default="bf16", stage="serve",
           default_source="BF16 weights, as models are released"),
        _c("serve_mfu", NUMBER, "fraction", "Compute efficiency of decode steps", default=0.4, stage="serve",
           **UTILIZATION,
           default_source="inference-sim (BLIS) hardware_config: MFU 0.38 (A100) to 0.45 (H100); "
                          "the serving validation (docs/validation.md) agrees at 0.4"),
        _c("bandwidth_eff", NUMBER, "fraction", "Share of peak memory bandwidth reached", default=0.75,
           stage="serve", **UTILIZATION,
           default_source="fitted to published TensorRT-LLM measurements (docs/validation.md, serving); "
                          "measured 0.69-0.75 at batch 1, aiconfigurator assumes 0.8"),
        # latency and parallelism
        _c("serve_tp", INT, "GPUs",
           "Cards per replica, tensor parallel; blank = the fewest (a power of two) that fit "
           "(a mixture of experts: 1, attention data parallel)", stage="serve", lo=1),
        _c("serve_ep", INT, "GPUs",
           "Cards the experts of a mixture-of-experts model are spread over (expert parallel); "
           "blank = every card of the replica", stage="serve", lo=1),
        _c("serve_disagg", CHOICE, "",
           "yes: prompts are prefilled on replicas of their own and the KV cache moves to decode "
           "replicas over the network; no: every replica does both", choices=("no", "yes"),
           default="no", stage="serve",
           default_source="one kind of replica, as vLLM and TensorRT-LLM serve by default"),
        _c("ttft_target_s", NUMBER, "s", "Time-to-first-token target", default=2.0, stage="serve", **POS,
           default_source="MLPerf Inference v4.0 Llama 2 70B server scenario: TTFT ≤ 2 s (p99)"),
        _c("tpot_target_s", NUMBER, "s", "Time-per-output-token target (1 ÷ tokens/s per user)",
           default=0.05, stage="serve", **POS,
           default_source="20 tokens/s per user: DeepSeek's chat service ran at 20–22 tokens/s "
                          "(DeepSeek-V3/R1 Inference System Overview, 2025); MLPerf's interactive "
                          "Llama 2 70B limit is 40 ms"),
        _c("kv_precision", CHOICE, "", "Number format of the KV cache; blank = serve_precision (bf16 with int4)",
           choices=PRECISIONS, stage="serve"),
        _c("prefill_mfu", NUMBER, "fraction",
           "Compute efficiency of prefill; blank = 0.7 with 16-bit, 0.5 with 8-bit arithmetic "
           "(fitted to published measurements, docs/validation.md)", stage="serve", **UTILIZATION),
        _c("batch_size", INT, "requests",
           "Most requests a replica runs together; blank = as many as fit beside the weights and meet "
           "the targets, up to the engine's max_batch", stage="serve", lo=1),
        _c("capacity_overhead", NUMBER, "fraction",
           "Capacity lost to scheduling, redundancy and coordination", default=0.2, stage="serve",
           lo=0.0, hi=1.0,
           default_source="llm-d planner keeps 20 % capacity headroom"),
        _c("prefix_cache_hit", NUMBER, "fraction",
           "Share of prompt tokens whose KV cache is reused from an earlier request (no prefill)",
           default=0.0, stage="serve", **FRACTION,
           default_source="no reuse unless measured (DeepSeek reported 56 % of input tokens as "
                          "cache hits in its 2025 inference overview)"),
        _c("autoscale", CHOICE, "", "yes: rented cards follow the day's traffic (pay the average "
           "fleet); no: the peak fleet runs all day", choices=("yes", "no"), default="no",
           stage="serve", default_source="a fixed fleet, the safe reading for a budget"),
        # API comparison
        _c("api_offer", REF, "", "An API offer to compare with self-hosting (blank: no comparison)",
           ref="ApiOffers", stage="serve"),
        # money
        _c("procurement", CHOICE, "", "rent the cards or buy them", choices=("rent", "buy"), default="rent",
           stage="money",
           default_source="renting needs no capital"),
        _c("amortization_days", NUMBER, "days", "Training cost is spread over this many days in the daily total",
           default=365.0, stage="money", **POS,
           default_source="one year"),
        _c("currency", CHOICE, "", "Currency of this scenario's budget", choices=CURRENCIES, default="USD",
           stage="money"),
        # training and fine-tuning memory; last, so that file columns keep their places
        *_memory_columns("train", "training"),
        # fine-tuning memory
        *_memory_columns("ft", "fine-tuning"),
        _c("ft_context", INT, "tokens", "Sequence length of a fine-tuning example", default=2048, stage="ft",
           lo=1,
           default_source="a planning assumption: instructions and document chunks up to 2,048 tokens "
                          "(QLoRA's Guanaco runs use at most 528, Llama 2-Chat 4,096)"),
        _c("ft_lora_rank", INT, "", "Rank r of the LoRA/QLoRA adapters", default=64, stage="ft", lo=1,
           default_source="QLoRA (Dettmers et al. 2023) uses r = 64 on every linear layer"),
        # mixed serving fleets: prefill on a card of its own (serve_disagg = yes); last, so that
        # file columns keep their places
        _c("prefill_hardware", REF, "",
           "Accelerator of the prefill replicas when prefill runs apart (serve_disagg = yes); "
           "blank = serve_hardware", ref="Hardware", stage="serve"),
        _c("prefill_price", REF, "",
           "Rental offer for the prefill cards (serve_disagg = yes); blank = serve_price, which "
           "must then be an offer for the prefill card", ref="Prices", stage="serve"),
        # training at scale (#23)
        _c("train_global_batch", INT, "tokens",
           "Tokens per optimizer step (global batch); blank = by model size: 0.5M below 1B parameters, "
           "1M below 3B, 2M below 7B, 4M up to 200B, 16M above", stage="train", lo=1),
        *_layout_columns("train", "pre-training"),
        *_layout_columns("ft", "fine-tuning"),
    ),
    title="Scenarios",
)

TABLES: dict[str, Table] = {t.name: t for t in (MODELS, HARDWARE, PRICES, API_OFFERS, ASSUMPTIONS, SCENARIOS)}
TABLE_ORDER = ("Models", "Hardware", "Prices", "ApiOffers", "Assumptions", "Scenarios")


def scenario_columns_by_stage() -> dict[str, list[Column]]:
    """Scenario columns grouped by stage, in stage order."""
    out: dict[str, list[Column]] = {s: [] for s in STAGES}
    for c in SCENARIOS.columns:
        out[c.stage].append(c)
    return out


def stage_active_by_default(stage: str) -> bool:
    """Stages without a trigger column (identity, money) are always part of a scenario."""
    return stage not in STAGE_TRIGGER
