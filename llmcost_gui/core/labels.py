"""The one catalogue of words people read, in English and Simplified Chinese (Qt-free).

Labels of tables, columns, results, stages and units; descriptions of every column and formula;
the interface's texts (menus, charts, dialogs, status lines); error reasons and messages.  The
window, the CLI, the budget export, the importer's header aliases and the generated docs read
them from here, and scripts/translations.py generates Qt's .ts/.qm from :data:`UI_ZH`.  Unknown
names fall back to the name itself, so an extra column keeps its own header.

Blocks, each delimited by a banner: labels · descriptions · interface texts · messages.
"""

from __future__ import annotations

import re

LANGS = ("en", "zh_CN")

# name -> (English, Simplified Chinese)
_TABLES = {
    "Models": ("Models", "模型"),
    "Hardware": ("Hardware", "硬件"),
    "Prices": ("Prices", "租用价格"),
    "ApiOffers": ("API offers", "API 报价"),  # issue #16
    "Assumptions": ("Assumptions", "全局假设"),
    "Scenarios": ("Scenarios", "场景"),
    "Results": ("Results", "计算结果"),
}

_STAGES = {
    "identity": ("Scenario", "场景"),
    "train": ("Pre-training", "预训练"),
    "ft": ("Fine-tuning", "微调"),
    "serve": ("Serving", "推理服务"),
    "money": ("Money", "财务"),
    "extra": ("Other columns", "其他列"),
}

_COLUMNS = {
    # shared
    "name": ("Name", "名称"),
    "source": ("Source", "数据来源"),
    "note": ("Note", "备注"),
    # Models
    "params_b": ("Parameters", "参数量"),
    "active_params_b": ("Active parameters", "激活参数量"),
    "layers": ("Layers", "层数"),
    "d_model": ("Model width", "隐藏层维度"),
    "n_heads": ("Attention heads", "注意力头数"),
    "n_kv_heads": ("KV heads", "KV 头数"),
    "context_len": ("Context length", "上下文长度"),
    # Hardware
    "vendor": ("Vendor", "厂商"),
    "fp32_tflops": ("FP32 peak", "FP32 峰值算力"),
    "bf16_tflops": ("BF16 peak", "BF16 峰值算力"),
    "fp8_tflops": ("FP8 peak", "FP8 峰值算力"),
    "int8_tops": ("INT8 peak", "INT8 峰值算力"),
    "memory_gb": ("Memory", "显存容量"),
    "bandwidth_tbs": ("Memory bandwidth", "显存带宽"),
    "tdp_w": ("Board power", "功耗 (TDP)"),
    "price": ("Card price", "单卡购价"),
    "price_currency": ("Price currency", "购价币种"),
    # Prices
    "hardware": ("Hardware", "硬件型号"),
    "provider": ("Provider", "服务商"),
    "per_gpu_hour": ("Price per GPU-hour", "每 GPU 小时价格"),
    "currency": ("Currency", "币种"),
    "as_of": ("As of", "价格日期"),
    # Assumptions
    "key": ("Key", "假设项"),
    "value": ("Value", "数值"),
    "unit": ("Unit", "单位"),
    # Scenarios: identity
    "model": ("Model", "模型"),
    # pre-training
    "train_tokens_b": ("Training tokens", "预训练 Token 数"),
    "train_hardware": ("Training hardware", "预训练硬件"),
    "train_price": ("Training rental offer", "预训练租用报价"),
    "train_precision": ("Training precision", "预训练精度"),
    "train_mfu": ("Training MFU", "训练算力利用率 (MFU)"),
    "train_gpus": ("Training GPUs", "训练 GPU 数"),
    "train_deadline_days": ("Training deadline", "训练期限"),
    "train_context": ("Training context", "训练序列长度"),
    "train_discount": ("Rental discount", "租用折扣"),
    # fine-tuning
    "ft_tokens_b": ("Fine-tuning tokens", "微调 Token 数"),
    "ft_epochs": ("Fine-tuning epochs", "微调轮数"),
    "ft_method": ("Fine-tuning method", "微调方法"),
    "ft_trainable_fraction": ("Trainable fraction", "可训练层比例"),
    "ft_hardware": ("Fine-tuning hardware", "微调硬件"),
    "ft_price": ("Fine-tuning rental offer", "微调租用报价"),
    "ft_precision": ("Fine-tuning precision", "微调精度"),
    "ft_mfu": ("Fine-tuning MFU", "微调算力利用率 (MFU)"),
    # serving
    "daily_users": ("Daily users", "日活用户数"),
    "requests_per_user": ("Requests per user", "每用户每日请求数"),
    "input_tokens": ("Input tokens", "输入 Token 数"),
    "output_tokens": ("Output tokens", "输出 Token 数"),
    "peak_factor": ("Peak factor", "峰均比"),
    "serve_hardware": ("Serving hardware", "推理硬件"),
    "serve_price": ("Serving rental offer", "推理租用报价"),
    "serve_precision": ("Serving precision", "推理精度"),
    "serve_mfu": ("Serving MFU", "推理算力利用率 (MFU)"),
    "bandwidth_eff": ("Bandwidth efficiency", "带宽利用率"),
    "batch_size": ("Batch size", "批大小"),
    "capacity_overhead": ("Capacity overhead", "容量冗余"),
    # money
    "procurement": ("Procurement", "采购方式"),
    "amortization_days": ("Amortization", "摊销天数"),
    # --- API offers (issue #16)
    "input_per_million": ("Input price per 1M tokens", "每百万输入 Token 价格"),
    "output_per_million": ("Output price per 1M tokens", "每百万输出 Token 价格"),
    "cached_input_per_million": ("Cached input price per 1M tokens", "每百万缓存输入 Token 价格"),
    "api_offer": ("API offer", "API 报价"),
    # --- end API offers
    # --- training and fine-tuning memory (issue 17)
    "train_sharding": ("Training sharding", "预训练显存切分 (ZeRO)"),
    "train_micro_batch": ("Training micro-batch", "预训练单卡微批大小"),
    "train_checkpointing": ("Training activation checkpointing", "预训练激活重计算"),
    "ft_sharding": ("Fine-tuning sharding", "微调显存切分 (ZeRO)"),
    "ft_micro_batch": ("Fine-tuning micro-batch", "微调单卡微批大小"),
    "ft_checkpointing": ("Fine-tuning activation checkpointing", "微调激活重计算"),
    "ft_context": ("Fine-tuning sequence length", "微调序列长度"),
    "ft_lora_rank": ("LoRA rank", "LoRA 秩"),
    # --- end of issue 17 block
}

# Global assumptions (rows of the Assumptions table).
_ASSUMPTIONS = {
    "usd_cny": ("USD/CNY rate", "美元兑人民币汇率"),
    "electricity_per_kwh": ("Electricity price", "电价"),
    "pue": ("PUE", "数据中心 PUE"),
    "depreciation_years": ("Depreciation period", "折旧年限"),
    "server_overhead": ("Server overhead", "服务器附加成本"),
    "ops_overhead": ("Operations overhead", "运维附加成本"),
    "memory_reserve": ("Memory reserve", "显存预留比例"),
}

_RESULTS = {
    "fx": ("Exchange factor", "汇率系数"),
    "params": ("Total parameters", "总参数量"),
    "active_params": ("Active parameters per token", "每 Token 激活参数量"),
    "n_layers": ("Layers", "层数"),
    "width": ("Model width", "模型宽度"),
    "context": ("Training context", "训练上下文长度"),
    "kv_share": ("KV head share", "KV 头占比"),
    "flops_per_token": ("FLOPs per token", "每 Token 前向 FLOPs"),
    "train_flops": ("Pre-training FLOPs", "预训练计算量 (FLOPs)"),
    "train_pf_days": ("Pre-training PF-days", "预训练 PF-days"),
    "train_peak": ("Training card peak", "训练卡峰值算力"),
    "train_gpu_hours": ("Training GPU-hours", "训练 GPU 小时数"),
    # train_gpus is both a column and a result: the column label is used
    "train_days": ("Training days", "训练天数"),
    "train_card_usd": ("Training card price (USD)", "训练卡单价 (美元)"),
    "train_card_kw": ("Training card power", "训练卡功耗"),
    "train_rent_usd_per_gpu_hour": ("Training rental rate", "训练租用单价"),
    "train_own_usd_per_gpu_hour": ("Owned training GPU-hour", "自有训练卡每小时成本"),
    "train_usd_per_gpu_hour": ("Training GPU-hour price", "训练 GPU 小时单价"),
    "train_cost": ("Pre-training cost", "预训练成本"),
    "train_capex": ("Training cluster purchase", "训练集群购置成本"),
    "train_energy_kwh": ("Training energy", "训练耗电量"),
    "train_energy_cost": ("Training electricity cost", "训练电费"),
    "ft_flops": ("Fine-tuning FLOPs", "微调计算量 (FLOPs)"),
    "ft_peak": ("Fine-tuning card peak", "微调卡峰值算力"),
    "ft_gpu_hours": ("Fine-tuning GPU-hours", "微调 GPU 小时数"),
    "ft_card_usd": ("Fine-tuning card price (USD)", "微调卡单价 (美元)"),
    "ft_card_kw": ("Fine-tuning card power", "微调卡功耗"),
    "ft_rent_usd_per_gpu_hour": ("Fine-tuning rental rate", "微调租用单价"),
    "ft_own_usd_per_gpu_hour": ("Owned fine-tuning GPU-hour", "自有微调卡每小时成本"),
    "ft_cost": ("Fine-tuning cost", "微调成本"),
    "requests_per_day": ("Requests per day", "每日请求数"),
    "tokens_per_day": ("Tokens per day", "每日 Token 数"),
    "peak_requests_per_s": ("Peak requests per second", "峰值每秒请求数"),
    "flops_per_request": ("FLOPs per request", "每请求计算量 (FLOPs)"),
    "prefill_gpu_seconds": ("Prefill GPU-seconds", "预填充 GPU 秒数"),
    "kv_bytes_per_token": ("KV cache per token", "每 Token KV 缓存"),
    "weight_bytes": ("Weight bytes", "权重字节数"),
    "replica_gpus": ("GPUs per replica", "单副本 GPU 数"),
    "gpu_seconds_per_request": ("GPU-seconds per request", "每请求 GPU 秒数"),
    "serve_gpus": ("Serving GPUs", "推理 GPU 数"),
    "serve_card_usd": ("Serving card price (USD)", "推理卡单价 (美元)"),
    "serve_card_kw": ("Serving card power", "推理卡功耗"),
    "serve_rent_usd_per_gpu_hour": ("Serving rental rate", "推理租用单价"),
    "serve_own_usd_per_gpu_hour": ("Owned serving GPU-hour", "自有推理卡每小时成本"),
    "serve_capex": ("Serving fleet purchase", "推理集群购置成本"),
    "serve_energy_kwh_per_day": ("Serving energy per day", "推理每日耗电量"),
    "serve_cost_per_day": ("Serving cost per day", "推理每日成本"),
    "cost_per_million_tokens": ("Cost per 1M tokens", "每百万 Token 成本"),
    "cost_per_request": ("Cost per request", "每请求成本"),
    "cost_per_user_month": ("Cost per user-month", "每用户每月成本"),
    "daily_total": ("Daily total", "每日总成本"),
    "monthly_total": ("Monthly total", "每月总成本"),
    "annual_total": ("Annual total", "年度总成本"),
    "capex_total": ("Capital expenditure", "一次性购置成本"),
    # --- API offers (issue #16)
    "api_usd_per_request": ("API price per request (USD)", "API 每请求价格 (美元)"),
    "api_cost_per_day": ("API cost per day", "API 每日成本"),
    "api_vs_self_host": ("API ÷ self-hosting", "API 与自建成本比"),
    "replica_cost_per_day": ("Cost of one replica per day", "单副本每日成本"),
    "replica_daily_users": ("Daily users per replica", "单副本可服务日活用户"),
    "api_cost_per_replica": ("API cost of one replica's users", "单副本用户量的 API 成本"),
    "breakeven_replicas": ("Replicas at break-even", "盈亏平衡时的副本数"),
    "breakeven_daily_users": ("Break-even daily users", "盈亏平衡日活用户数"),
    # --- end API offers
    # --- training and fine-tuning memory (issue 17)
    "train_memory_gb": ("Training memory (unsharded)", "预训练所需显存（未切分）"),
    "train_min_gpus": ("Training: fewest cards that fit", "预训练最少卡数（显存）"),
    "train_memory_per_gpu_gb": ("Training memory per card", "预训练单卡显存占用"),
    "train_card_memory_gb": ("Training card memory", "预训练卡显存容量"),
    "train_usable_gb": ("Training usable memory per card", "预训练单卡可用显存"),
    "train_bytes_per_param": ("Training bytes per weight", "预训练每参数字节数"),
    "train_weight_gb": ("Training weights", "预训练权重显存"),
    "train_grad_gb": ("Training gradients", "预训练梯度显存"),
    "train_optimizer_gb": ("Training optimizer states", "预训练优化器状态显存"),
    "train_activation_gb": ("Training activations", "预训练激活显存"),
    "train_gpus_none": ("Training cards, no sharding", "预训练卡数（不切分）"),
    "train_gpus_zero1": ("Training cards, ZeRO-1", "预训练卡数（ZeRO-1）"),
    "train_gpus_zero2": ("Training cards, ZeRO-2", "预训练卡数（ZeRO-2）"),
    "train_gpus_zero3": ("Training cards, ZeRO-3", "预训练卡数（ZeRO-3）"),
    "train_gpus_fit": ("Training cards with its sharding", "预训练所选切分方式的卡数"),
    "train_shard_level": ("Training ZeRO stage in use", "预训练实际 ZeRO 阶段"),
    "train_weight_gb_per_gpu": ("Training weights per card", "预训练单卡权重显存"),
    "train_grad_gb_per_gpu": ("Training gradients per card", "预训练单卡梯度显存"),
    "train_optimizer_gb_per_gpu": ("Training optimizer states per card", "预训练单卡优化器状态显存"),
    "train_reserve_gb": ("Training runtime reserve per card", "预训练单卡运行时预留显存"),
    "ft_memory_gb": ("Fine-tuning memory (unsharded)", "微调所需显存（未切分）"),
    "ft_min_gpus": ("Fine-tuning: fewest cards that fit", "微调最少卡数（显存）"),
    "ft_memory_per_gpu_gb": ("Fine-tuning memory per card", "微调单卡显存占用"),
    "ft_card_memory_gb": ("Fine-tuning card memory", "微调卡显存容量"),
    "ft_usable_gb": ("Fine-tuning usable memory per card", "微调单卡可用显存"),
    "ft_bytes_per_param": ("Fine-tuning bytes per weight", "微调每参数字节数"),
    "ft_weight_gb": ("Fine-tuning weights", "微调权重显存"),
    "ft_grad_gb": ("Fine-tuning gradients", "微调梯度显存"),
    "ft_optimizer_gb": ("Fine-tuning optimizer states", "微调优化器状态显存"),
    "ft_activation_gb": ("Fine-tuning activations", "微调激活显存"),
    "ft_gpus_none": ("Fine-tuning cards, no sharding", "微调卡数（不切分）"),
    "ft_gpus_zero1": ("Fine-tuning cards, ZeRO-1", "微调卡数（ZeRO-1）"),
    "ft_gpus_zero2": ("Fine-tuning cards, ZeRO-2", "微调卡数（ZeRO-2）"),
    "ft_gpus_zero3": ("Fine-tuning cards, ZeRO-3", "微调卡数（ZeRO-3）"),
    "ft_gpus_fit": ("Fine-tuning cards with its sharding", "微调所选切分方式的卡数"),
    "ft_shard_level": ("Fine-tuning ZeRO stage in use", "微调实际 ZeRO 阶段"),
    "ft_weight_gb_per_gpu": ("Fine-tuning weights per card", "微调单卡权重显存"),
    "ft_grad_gb_per_gpu": ("Fine-tuning gradients per card", "微调单卡梯度显存"),
    "ft_optimizer_gb_per_gpu": ("Fine-tuning optimizer states per card", "微调单卡优化器状态显存"),
    "ft_reserve_gb": ("Fine-tuning runtime reserve per card", "微调单卡运行时预留显存"),
    "train_fits": ("Training cards hold the run", "训练卡数足以容纳"),
    "train_gpus_checked": ("Training cards checked", "核对显存的训练卡数"),
    "attn_heads": ("Attention heads", "注意力头数"),
    "ft_lora_params": ("LoRA adapter parameters", "LoRA 适配器参数量"),
    "ft_trainable_params": ("Trained parameters", "可训练参数量"),
    "ft_gpus_used": ("Fine-tuning cards (memory)", "微调所用卡数（显存）"),
    # --- end of issue 17 block
}

# Units as written in the schema and the registry -> Chinese display.
_UNITS = {
    "B params": "十亿参数",
    "B tokens": "十亿 Token",
    "tokens": "Token",
    "users": "用户",
    "requests": "请求",
    "requests/s": "请求/秒",
    "GPUs": "GPU",
    "days": "天",
    "years": "年",
    "epochs": "轮",
    "fraction": "比例",
    "ratio": "比值",
    "GPU-h": "GPU 小时",
    "GPU-s": "GPU 秒",
    "s": "秒",
    "kWh/day": "千瓦时/天",
    "kWh": "千瓦时",
    "kW": "千瓦",
    "W": "瓦",
    "money": "金额",
    "money/day": "金额/天",
    "money/GPU-h": "金额/GPU 小时",
    "money/M tokens": "金额/百万 Token",  # issue #16
    "USD/GPU-h": "美元/GPU 小时",
    "USD/kWh": "美元/千瓦时",
    "CNY/USD": "人民币/美元",
    "USD": "美元",
    "CNY": "人民币",
    "params": "参数",
    "B": "字节",
    "GB": "GB",  # issue 17
    "sequences": "序列",  # issue 17
}

# --- memory breakdown chart (issue 17)
_MEMORY_CHART = {
    "weights": ("Weights", "权重"),
    "gradients": ("Gradients", "梯度"),
    "optimizer": ("Optimizer states", "优化器状态"),
    "activations": ("Activations", "激活"),
    "reserve": ("Runtime reserve", "运行时预留"),
    "card": ("Card memory", "卡显存容量"),
    "axis": ("Memory per card (GB)", "单卡显存 (GB)"),
    "stage_line": ("{stage}: {used} of {card} GB per card on {cards} cards; fewest cards that hold it: "
                   "{fewest}.", "{stage}：每卡占用 {used} / {card} GB，共 {cards} 张卡；最少需要 {fewest} 张卡。"),
    "never": ("none", "无"),
    "nothing": ("This scenario has no pre-training or fine-tuning.", "此场景没有预训练或微调。"),
}


def memory_chart_text(key: str, lang: str = "en") -> str:
    """Words of the memory breakdown chart (parts, axis, summary line)."""
    return _MEMORY_CHART[key][_index(lang)]


# --- end of issue 17 block

# ---- serving latency and parallelism (#12) -------------------------------------------------
_COLUMNS.update({
    "ffn_dim": ("MLP width", "前馈层维度"),
    "vocab_size": ("Vocabulary size", "词表大小"),
    "n_experts": ("Routed experts", "路由专家数"),
    "experts_per_token": ("Experts per token", "每 Token 激活专家数"),
    "n_shared_experts": ("Shared experts", "共享专家数"),
    "interconnect_gbs": ("Interconnect bandwidth", "卡间互联带宽"),
    "network_gbs": ("Scale-out bandwidth", "跨节点网络带宽"),
    "serve_tp": ("Tensor-parallel cards", "张量并行卡数"),
    "ttft_target_s": ("First-token target", "首 Token 时延目标"),
    "tpot_target_s": ("Per-token target", "每 Token 时延目标"),
    "kv_precision": ("KV cache precision", "KV 缓存精度"),
    "prefill_mfu": ("Prefill MFU", "预填充算力利用率 (MFU)"),
})
_ASSUMPTIONS.update({
    "tp_sync_us": ("All-reduce latency", "All-reduce 固定时延"),
    "prefill_overhead_ms": ("Prefill fixed time", "预填充固定开销"),
})
_RESULTS.update({
    "serve_peak": ("Serving card peak", "推理卡峰值算力"),
    "weight_bytes_per_param": ("Bytes per weight", "每权重字节数"),
    "kv_bytes_per_value": ("Bytes per KV value", "每 KV 数值字节数"),
    "prefill_eff": ("Prefill efficiency", "预填充算力利用率"),
    "routed_params": ("Routed expert parameters", "路由专家参数量"),
    "expert_share": ("Share of experts per token", "每 Token 激活专家占比"),
    "card_memory_bytes": ("Usable card memory", "单卡可用显存"),
    "replica_bandwidth": ("Replica memory bandwidth", "副本有效显存带宽"),
    "link_bytes_per_s": ("Interconnect, one direction", "单向互联带宽"),
    "step_weights_s": ("Step: always-active weights", "单步: 常驻权重读取"),
    "step_all_weights_s": ("Step: all weights", "单步: 全部权重读取"),
    "step_experts_s_per_request": ("Step: experts per request", "单步: 每请求专家权重"),
    "step_kv_s_per_request": ("Step: KV per request", "单步: 每请求 KV 读取"),
    "step_compute_s_per_request": ("Step: compute per request", "单步: 每请求计算"),
    "step_sync_s": ("Step: all-reduce latency", "单步: All-reduce 时延"),
    "step_allreduce_s_per_request": ("Step: all-reduce per request", "单步: 每请求 All-reduce"),
    "prefill_compute_s": ("Prefill compute time", "预填充计算时间"),
    "prefill_s": ("Prefill time", "预填充时间"),
    "serve_batch_memory": ("Batch that fits memory", "显存可容纳批大小"),
    "serve_batch_tpot": ("Batch meeting per-token target", "满足每 Token 目标的批大小"),
    "serve_batch_ttft": ("Batch meeting first-token target", "满足首 Token 目标的批大小"),
    "serve_batch": ("Batch per replica", "单副本批大小"),
    "tpot_s": ("Time per output token", "每输出 Token 时延 (TPOT)"),
    "ttft_s": ("Time to first token", "首 Token 时延 (TTFT)"),
    "kv_cache_gb_per_replica": ("KV cache per replica", "单副本 KV 缓存"),
    "output_tokens_per_s_per_gpu": ("Output tokens/s per GPU", "单卡每秒输出 Token 数"),
})
_UNITS.update({
    "ms": "毫秒",
    "µs": "微秒",
    "GB": "GB",
    "GB/s": "GB/秒",
    "B/s": "字节/秒",
    "FLOP/s": "FLOP/秒",
    "tokens/s": "Token/秒",
})
# ---- end serving ----------------------------------------------------------------------------

_ALL: dict[str, tuple[str, str]] = {**_RESULTS, **_ASSUMPTIONS, **_COLUMNS, **_STAGES, **_TABLES}

ZH_LABELS: dict[str, str] = {name: zh for name, (_, zh) in _COLUMNS.items()}
"""Column name -> Chinese label, for every column of every table."""

EN_LABELS: dict[str, str] = {name: en for name, (en, _) in _COLUMNS.items()}


def _index(lang: str) -> int:
    return 1 if str(lang).lower().replace("-", "_").startswith("zh") else 0


def label(name: str, lang: str = "en") -> str:
    """Label of a table, column, result key, assumption key or stage; the name if unknown."""
    pair = _ALL.get(name)
    return pair[_index(lang)] if pair else name


def column_label(name: str, lang: str = "en") -> str:
    """Label of a column (where a name is both a column and a result, the column's)."""
    pair = _COLUMNS.get(name) or _ASSUMPTIONS.get(name)
    return pair[_index(lang)] if pair else name


def result_label(key: str, lang: str = "en") -> str:
    pair = _RESULTS.get(key) or _COLUMNS.get(key)
    return pair[_index(lang)] if pair else key


def table_label(name: str, lang: str = "en") -> str:
    pair = _TABLES.get(name)
    return pair[_index(lang)] if pair else name


def stage_title(stage: str, lang: str = "en") -> str:
    pair = _STAGES.get(stage)
    return pair[_index(lang)] if pair else stage


_MONEY_REST_ZH = {"": "", "/day": "/天", "/GPU-h": "/GPU 小时", "/M tokens": "/百万 Token"}


def unit_label(unit: str, lang: str = "en", currency: str = "") -> str:
    """Display unit; 'money…' becomes the currency ('USD/day', '人民币/天') when one is given."""
    zh = _index(lang) == 1
    if unit.startswith("money") and currency:
        rest = unit[5:]
        if not zh:
            return currency + rest
        return _UNITS.get(currency, currency) + _MONEY_REST_ZH.get(rest, rest)
    return _UNITS.get(unit, unit) if zh else unit


# Units a header leaves out: the label already says it, or the cell shows it ("45%").
PLAIN_UNITS = frozenset({"", "tokens", "users", "requests", "GPUs", "epochs", "fraction", "ratio",
                         "FLOP", "params", "sequences"})


def header(name: str, unit: str = "", lang: str = "en", currency: str = "") -> str:
    """A column header: label plus unit in parentheses when it adds something."""
    text = column_label(name, lang)
    u = unit_label(unit, lang, currency) if unit not in PLAIN_UNITS else ""
    return f"{text} ({u})" if u else text


def localize_value(text: str, unit: str, lang: str) -> str:
    """Translate the unit at the end of a formatted value ("30 days" -> "30 天")."""
    if _index(lang) == 0 or not text:
        return text
    if unit.startswith("money") and "/" in unit:
        rest = unit[5:]
        return text[: -len(rest)] + _MONEY_REST_ZH.get(rest, rest) if text.endswith(rest) else text
    if unit in _UNITS and unit not in PLAIN_UNITS and text.endswith(" " + unit):
        return text[: -len(unit)] + _UNITS[unit]
    return text


def aliases_zh() -> dict[str, str]:
    """Chinese label -> column name, for io.records.match_header(aliases=...)."""
    return {zh: name for name, zh in ZH_LABELS.items()}


def aliases() -> dict[str, str]:
    """English and Chinese labels -> column name."""
    out = {en: name for name, en in EN_LABELS.items()}
    out.update(aliases_zh())
    return out


# ====================================================================== descriptions
# Chinese descriptions; the English ones live beside what they describe (a column's `help` in
# core/schema.py, a formula's `doc` in core/formulas.py) and description() reads them there.
# Keys: "Table.column" for columns, the result key for formulas.

COLUMN_HELP_ZH: dict[str, str] = {
    # Models
    "Models.name": "模型名称（唯一）",
    "Models.params_b": "总参数量，单位十亿（B）",
    "Models.active_params_b": "每个 Token 实际参与计算的参数量（混合专家 MoE 模型），单位十亿；留空则等于 params_b",
    "Models.layers": "Transformer 层数（留空则不计注意力项）",
    "Models.d_model": "模型宽度（隐藏维度）",
    "Models.n_heads": "注意力头数",
    "Models.n_kv_heads": "键/值头数（分组查询注意力 GQA）；留空则等于 n_heads",
    "Models.context_len": "训练上下文长度",
    "Models.source": "数据出处",
    # Hardware
    "Hardware.name": "加速卡名称（唯一）",
    "Hardware.vendor": "厂商",
    "Hardware.fp32_tflops": "FP32 稠密峰值算力",
    "Hardware.bf16_tflops": "FP16/BF16 张量核稠密峰值（不含稀疏加速）",
    "Hardware.fp8_tflops": "FP8 稠密峰值",
    "Hardware.int8_tops": "INT8 稠密峰值",
    "Hardware.memory_gb": "显存容量",
    "Hardware.bandwidth_tbs": "显存带宽",
    "Hardware.tdp_w": "整卡功耗（TDP）",
    "Hardware.price": "单卡采购价",
    "Hardware.price_currency": "采购价的币种",
    "Hardware.source": "数据出处",
    # Prices
    "Prices.name": "租用报价名称（唯一）",
    "Prices.hardware": "所租的加速卡（Hardware 表中的名称）",
    "Prices.provider": "云厂商或转租商",
    "Prices.per_gpu_hour": "每卡每小时租金",
    "Prices.currency": "租金的币种",
    "Prices.as_of": "读取价格的日期（YYYY-MM-DD）",
    "Prices.source": "价格出处",
    # Assumptions
    "Assumptions.key": "假设项的名称",
    "Assumptions.value": "取值（单位见 unit 列）",
    "Assumptions.unit": "取值的单位",
    "Assumptions.note": "出处或理由",
    "Assumptions.usd_cny": "美元兑人民币汇率（每美元合多少元）",
    "Assumptions.electricity_per_kwh": "电价（美元/千瓦时）",
    "Assumptions.pue": "数据中心电能使用效率（PUE）",
    "Assumptions.depreciation_years": "自购硬件的折旧年限",
    "Assumptions.server_overhead": "在卡价之上另加的比例：主机、网络、存储",
    "Assumptions.ops_overhead": "在每日运行成本之上另加的比例：运维",
    "Assumptions.memory_reserve": "显存中留给激活值和运行时的比例",
    # Scenarios: identity
    "Scenarios.name": "场景名称（唯一）",
    "Scenarios.model": "使用的模型（Models 表中的名称）",
    # Scenarios: pre-training
    "Scenarios.train_tokens_b": "预训练 Token 数，单位十亿（留空：不含预训练）",
    "Scenarios.train_hardware": "预训练所用加速卡",
    "Scenarios.train_price": "预训练的租用报价（租用时必填）",
    "Scenarios.train_precision": "训练计算所用的数值格式",
    "Scenarios.train_mfu": "训练时的模型算力利用率（MFU）",
    "Scenarios.train_gpus": "训练集群的卡数（或给出期限）",
    "Scenarios.train_deadline_days": "训练期限；卡数由期限推算",
    "Scenarios.train_context": "预训练序列长度；留空则用模型的 context_len",
    "Scenarios.train_discount": "租金折扣比例",
    # Scenarios: fine-tuning
    "Scenarios.ft_tokens_b": "每轮微调的 Token 数，单位十亿（留空：不含微调）",
    "Scenarios.ft_epochs": "微调数据的遍数（轮数）",
    "Scenarios.ft_method": "full：全部权重；lora：低秩适配器；top_layers：只训练最后几层",
    "Scenarios.ft_trainable_fraction": "top_layers 方式下参与训练的层所占比例",
    "Scenarios.ft_hardware": "微调所用加速卡",
    "Scenarios.ft_price": "微调的租用报价（租用时必填）",
    "Scenarios.ft_precision": "微调计算所用的数值格式",
    "Scenarios.ft_mfu": "微调时的模型算力利用率",
    # Scenarios: serving
    "Scenarios.daily_users": "日活用户数（留空：不含部署）",
    "Scenarios.requests_per_user": "每个用户每天的请求数",
    "Scenarios.input_tokens": "每个请求的提示 Token 数",
    "Scenarios.output_tokens": "每个请求生成的 Token 数",
    "Scenarios.peak_factor": "峰值流量 ÷ 平均流量",
    "Scenarios.serve_hardware": "推理所用加速卡",
    "Scenarios.serve_price": "推理的租用报价（租用时必填）",
    "Scenarios.serve_precision": "权重、KV 缓存和计算的数值格式",
    "Scenarios.serve_mfu": "预填充和解码的计算效率",
    "Scenarios.bandwidth_eff": "实际达到的显存带宽占峰值的比例",
    "Scenarios.batch_size": "一个副本上同时解码的请求数",
    "Scenarios.capacity_overhead": "调度、冗余和协同损失的容量比例",
    # Scenarios: money
    "Scenarios.procurement": "租用（rent）还是购买（buy）加速卡",
    "Scenarios.amortization_days": "训练成本在每日总成本中分摊的天数",
    "Scenarios.currency": "本场景预算的显示币种",
}

RESULT_DOC_ZH: dict[str, str] = {
    "train_flops": "预训练浮点运算量：前向 + 反向（≈ 6·N·D）",
    "train_pf_days": "预训练算力，单位 PF-天",
    "train_gpu_hours": "按给定利用率折算的卡时",
    "train_gpus": "训练卡数：给定值，或满足期限的最少卡数",
    "train_days": "训练所需的日历天数",
    "train_cost": "预训练费用（租用的卡时已包含电费）",
    "train_capex": "购买训练集群的费用（含服务器）",
    "train_energy_kwh": "训练耗电量（含 PUE）",
    "train_energy_cost": "训练电费",
    "ft_flops": "微调浮点运算量：全量 6·Nₐ、LoRA 4·Nₐ、只训最后几层 (2 + 4f)·Nₐ（每 Token）",
    "ft_gpu_hours": "微调卡时",
    "ft_cost": "微调费用",
    "flops_per_token": "训练上下文长度下每个 Token 的前向浮点运算量",
    "flops_per_request": "一个请求的浮点运算量：权重部分加上随上下文增长的注意力部分",
    "requests_per_day": "每天的请求数",
    "tokens_per_day": "每天的 Token 数（提示 + 输出）",
    "peak_requests_per_s": "峰值每秒请求数",
    "gpu_seconds_per_request": "一个请求占用的卡秒：预填充，加上每个输出 Token 在计算和显存带宽两者中较慢的一个",
    "replica_gpus": "放下一份权重和整批 KV 缓存所需的卡数（取 2 的幂）",
    "serve_gpus": "满足峰值所需的推理卡数（整副本）",
    "serve_capex": "购买推理集群的费用（含服务器）",
    "serve_energy_kwh_per_day": "推理每天耗电量（含 PUE）",
    "serve_cost_per_day": "推理每天费用：租金，或折旧加电费；再加运维",
    "cost_per_million_tokens": "每百万 Token 的推理费用",
    "cost_per_request": "每个请求的推理费用",
    "cost_per_user_month": "每个用户每月（30 天）的推理费用",
    "daily_total": "每日推理费用，加上在 amortization_days 天内分摊的训练和微调费用",
    "monthly_total": "年度总额的十二分之一",
    "annual_total": "每日总额 × 365 天",
    "capex_total": "购买时的一次性投入（租用时为 0）",
}

# ---- serving planner (issue 12): descriptions of its columns and results
COLUMN_HELP_ZH.update({
    'Assumptions.tp_sync_us': '一次张量并行 All-reduce 的固定时延',
    'Assumptions.prefill_overhead_ms': '一次预填充除计算外的固定时间：内核启动、调度',
    'Scenarios.serve_precision': '权重和计算的数值格式（int4：4 位权重，16 位计算）',
    'Scenarios.serve_mfu': '解码步的计算效率',
    'Scenarios.batch_size': '一个副本最多同时解码的请求数（显存和时延目标可能使它更小）',
    'Scenarios.serve_tp': '每个副本的卡数（张量并行）；留空则取放得下的最少卡数（2 的幂）',
    'Scenarios.ttft_target_s': '首 Token 时延目标；留空则不设',
    'Scenarios.tpot_target_s': '每输出 Token 时延目标（1 ÷ 每用户每秒 Token 数）；留空则不设',
    'Scenarios.kv_precision': 'KV 缓存的数值格式；留空则同 serve_precision（int4 时为 bf16）',
    'Scenarios.prefill_mfu': '预填充的计算效率；留空则 16 位计算取 0.7，8 位计算取 0.38（依据公开实测，见 docs/validation.md）',
    'Models.ffn_dim': '前馈层（MLP）中间维度（MoE 模型为每个专家的维度）',
    'Models.vocab_size': '词表大小',
    'Models.n_experts': '每个 MoE 层的路由专家数；留空表示稠密模型',
    'Models.experts_per_token': '每个 Token 使用的路由专家数（MoE）',
    'Models.n_shared_experts': '除路由专家外每个 Token 都使用的共享专家数（DeepSeek）；留空为 0',
    'Hardware.interconnect_gbs': '卡间互联带宽（NVLink、PCIe、HCCS 等），按数据手册给出的双向合计',
    'Hardware.network_gbs': '每卡跨服务器（横向扩展）带宽，单向：分摊到每卡的 InfiniBand/RoCE 网卡带宽（400 Gb/s NDR = 50 GB/s）；留空为 12.5（一个 100 Gb/s 以太网口）',
})
RESULT_DOC_ZH.update({
    'gpu_seconds_per_request': '一个请求占用的卡秒：批量预填充，加上它分摊的解码步时间',
    'replica_gpus': '每个副本的卡数（张量并行）：serve_tp，或放下权重和 batch_size 个请求 KV 缓存的最少卡数（2 的幂）',
    'ttft_s': '首 Token 时延：预填充，加上平均半个正在运行的解码步',
    'tpot_s': '每输出 Token 时延：副本在其批大小下的一个解码步（读权重和 KV、计算、张量并行 All-reduce）',
    'output_tokens_per_s_per_gpu': '副本批大小下每张卡每秒输出的 Token 数（含预填充）',
    'serve_batch': '副本实际运行的批大小：不超过 batch_size、放得进显存并满足时延目标的最大值',
    'kv_cache_gb_per_replica': '整批请求在完整长度下的 KV 缓存',
})

# ---- API offers (issue #16): descriptions of its table, column and results
COLUMN_HELP_ZH.update({
    "ApiOffers.name": "API 报价名称（唯一）",
    "ApiOffers.provider": "API 服务商",
    "ApiOffers.model": "所提供的模型（Models 表中的名称；闭源模型留空）",
    "ApiOffers.input_per_million": "每百万提示（输入）Token 的价格",
    "ApiOffers.output_per_million": "每百万生成（输出）Token 的价格",
    "ApiOffers.cached_input_per_million": "命中服务商缓存的每百万输入 Token 价格（对比中不使用）",
    "ApiOffers.currency": "价格的币种",
    "ApiOffers.as_of": "读取价格的日期（YYYY-MM-DD）",
    "ApiOffers.source": "价格出处",
    "Scenarios.api_offer": "与自建对比的 API 报价（留空：不对比）",
})
RESULT_DOC_ZH.update({
    "api_usd_per_request": "一个请求的 API 价格：提示和输出 Token 按报价计，单位美元",
    "api_cost_per_day": "所选 API 报价对本场景每日流量的收费",
    "api_vs_self_host": "API 每日成本 ÷ 自建推理每日成本（大于 1：自建更便宜）",
    "replica_cost_per_day": "自建时一个副本每天的成本：阶梯的一级高度",
    "replica_daily_users": "一个副本在高峰时可服务的日活用户数：阶梯的一级宽度",
    "api_cost_per_replica": "API 对一个副本所能服务的用户每天的收费",
    "breakeven_replicas": "盈亏平衡时的副本数：API 仍在某处更便宜的最后一级",
    "breakeven_daily_users": "从该日活用户数起，自建（整副本）成本不高于 API",
})
# ---- end API offers
# ---- training and fine-tuning memory (issue 17): descriptions of its columns and results
COLUMN_HELP_ZH.update({
    "Scenarios.ft_method": "full：全部权重；lora：低秩适配器；qlora：4 位量化模型上的低秩适配器；top_layers：只训练最后几层",
    "Scenarios.train_sharding": "预训练显存切分方式：none（普通数据并行）、zero1（切分优化器状态）、zero2（再切分梯度）、zero3（再切分权重，即 FSDP）；留空则取所需卡数最少的一种",
    "Scenarios.train_micro_batch": "预训练时每张卡一次处理的序列数",
    "Scenarios.train_checkpointing": "激活重计算：none 保留全部激活，selective 不保存注意力分数，full 只保存每层输入",
    "Scenarios.ft_sharding": "微调显存切分方式：none（普通数据并行）、zero1（切分优化器状态）、zero2（再切分梯度）、zero3（再切分权重，即 FSDP）；留空则取所需卡数最少的一种",
    "Scenarios.ft_micro_batch": "微调时每张卡一次处理的序列数",
    "Scenarios.ft_checkpointing": "微调的激活重计算：none、selective 或 full",
    "Scenarios.ft_context": "一条微调样本的序列长度",
    "Scenarios.ft_lora_rank": "LoRA/QLoRA 适配器的秩 r",
})
RESULT_DOC_ZH.update({
    "ft_flops": "微调浮点运算量：全量 6·Nₐ、LoRA 与 QLoRA 4·Nₐ、只训最后几层 (2 + 4f)·Nₐ（每 Token）",
    "train_memory_gb": "预训练在一张卡上（不切分）所需显存：权重、梯度、优化器状态和一个微批的激活",
    "train_min_gpus": "按所选切分方式放得下预训练的最少卡数",
    "train_memory_per_gpu_gb": "预训练时每张卡实际占用的显存（另加运行时预留）",
    "ft_memory_gb": "微调在一张卡上（不切分）所需显存",
    "ft_min_gpus": "按所选切分方式放得下微调的最少卡数",
    "ft_memory_per_gpu_gb": "微调时每张卡实际占用的显存（另加运行时预留）",
})
# ---- end of issue 17 block


def description(key: str, lang: str = "en", table: str = "") -> str:
    """Description of a column of `table` (or of Scenarios, or an assumption) or of a result."""
    from .formulas import REGISTRY
    from .schema import ASSUMPTION_KEYS, TABLES

    zh = _index(lang) == 1
    tables = [table] if table else ["Scenarios", *TABLES]
    if not table and key in REGISTRY:
        return RESULT_DOC_ZH.get(key, REGISTRY[key].doc) if zh else REGISTRY[key].doc
    for name in tables:
        schema = TABLES.get(name)
        if schema is not None and key in schema.by_name:
            help_text = schema.by_name[key].help
            return COLUMN_HELP_ZH.get(f"{name}.{key}", help_text) if zh else help_text
    if key in ASSUMPTION_KEYS:
        help_text = ASSUMPTION_KEYS[key].help
        return COLUMN_HELP_ZH.get(f"Assumptions.{key}", help_text) if zh else help_text
    if key in REGISTRY:
        return RESULT_DOC_ZH.get(key, REGISTRY[key].doc) if zh else REGISTRY[key].doc
    return ""


# ====================================================================== interface texts
# English interface text -> Chinese.  Widgets write the English text (self.tr("…") for the
# window, text() elsewhere); scripts/translations.py fills Qt's .ts/.qm from this dict.

UI_ZH: dict[str, str] = {
    # menus and actions
    "&File": "文件(&F)", "&Edit": "编辑(&E)", "&Scenario": "场景(&S)", "&View": "视图(&V)",
    "&Help": "帮助(&H)", "&Language": "语言(&L)", "Open &Recent": "最近打开(&R)",
    "&New": "新建(&N)", "&Open…": "打开(&O)…", "&Save": "保存(&S)", "Save &As…": "另存为(&A)…",
    "&Export budget…": "导出预算(&E)…", "&Quit": "退出(&Q)", "&Undo": "撤销(&U)",
    "&Redo": "重做(&R)", "&Copy": "复制(&C)", "&Paste": "粘贴(&P)", "C&lear cells": "清除单元格(&L)",
    "&Insert row": "插入行(&I)", "D&uplicate row": "复制行(&U)", "De&lete row": "删除行(&L)",
    "&Add scenario": "添加场景(&A)", "&Duplicate scenario": "复制场景(&D)",
    "D&elete scenario": "删除场景(&E)", "&Charts": "图表(&C)", "&User guide": "用户指南(&U)",
    "&About LLM Cost Workbench": "关于 LLM 成本工作台(&A)", "Clear list": "清空列表",
    "(no recent files)": "(没有最近文件)",
    # window
    "Recalculated in %1 ms": "重新计算用时 %1 毫秒", "Export budget": "导出预算",
    "Excel workbook (*.xlsx)": "Excel 工作簿 (*.xlsx)", "Budget written to %1": "预算已写入 %1",
    "About LLM Cost Workbench": "关于 LLM 成本工作台", "LLM Cost Workbench %1": "LLM 成本工作台 %1",
    "Charts": "图表",
    # files
    "Untitled": "未命名", "Unsaved changes": "未保存的更改",
    "Save the changes to %1 before closing it?": "关闭前是否保存对 %1 的更改？",
    "Open workbook": "打开工作簿", "Save workbook": "保存工作簿", "Cannot open %1": "无法打开 %1",
    "Cannot save %1": "无法保存 %1", "Restore unsaved work?": "恢复未保存的工作？",
    "LLM Cost Workbench did not close normally. Restore the unsaved changes autosaved at %1?":
        "LLM 成本工作台上次未正常关闭。是否恢复 %1 自动保存的未保存更改？",
    "Cannot restore the autosaved copy": "无法恢复自动保存的副本",
    # formula bar, summary, grids
    "Formula:": "公式：", "Values:": "代入数值：", "Unit:": "单位：",
    "Select a result cell to see how it is calculated.": "选择一个结果单元格以查看其计算方法。",
    "(not part of this scenario)": "（不属于此场景）", "Not part of this scenario": "不属于此场景",
    "Default used: %1": "使用默认值：%1", "Capex (purchase)": "一次性购置", "Per day": "每日",
    "Per month": "每月", "Per year": "每年", "Per 1M tokens": "每百万 Token", "No scenario": "没有场景",
    "Edit %1": "编辑 %1", "e.g. %1": "例如 %1", "Paste": "粘贴", "Clear": "清除",
    "Add row": "添加行", "Add scenario": "添加场景", "Duplicate scenario": "复制场景",
    "Duplicate rows": "复制行", "Delete scenario": "删除场景", "Delete rows": "删除行",
    # charts panel
    " ({0:,} without a value left out)": "（{0:,} 个无值样本未计入）", " months": " 个月",
    "(row {0})": "（第 {0} 行）", "Add a scenario to see its charts.": "添加一个场景即可查看其图表。",
    "All scenarios": "全部场景", "Bars": "条数", "Buy vs rent": "购买与租用", "Memory": "显存",
    "Buying never pays off.": "购买始终不如租用划算。",
    "Buying pays off after {0:.0f} months, beyond this horizon.": "购买在 {0:.0f} 个月后回本，超出此时间范围。",
    "Buying pays off after {0:.1f} months.": "购买在 {0:.1f} 个月后回本。",
    "Could not export: {0}": "无法导出：{0}", "Default ranges": "默认范围", "Export PNG…": "导出 PNG…",
    "Export SVG…": "导出 SVG…", "Export chart": "导出图表", "Exported {0}": "已导出 {0}", "From": "从",
    "High": "高", "Horizon": "时间范围", "Input": "输入", "Log x": "对数 X", "Log y": "对数 Y", "Low": "低",
    "No input moves {0} in this scenario.": "此场景中没有输入会影响 {0}。",
    "No scenario has a value of {0} over this range.": "在此范围内没有场景有 {0} 的数值。",
    "P10 {0} · P50 {1} · P90 {2} · mean {3} · {4:,} samples": "P10 {0} · P50 {1} · P90 {2} · 均值 {3} · {4:,} 个样本",
    "PNG image (*.png)": "PNG 图像 (*.png)", "Points": "点数",
    "Rent {0} up front + {1}/day; buy {2} up front + {3}/day.": "租用：一次性 {0} + 每日 {1}；购买：一次性 {2} + 每日 {3}。",
    "Result": "结果", "SVG drawing (*.svg)": "SVG 图形 (*.svg)", "Samples": "样本数", "Sampling…": "抽样中…",
    "Scenario": "场景", "Seed": "随机种子", "Sensitivity": "敏感性", "Swing ±": "变动幅度 ±",
    "Tornado": "龙卷风图", "Uncertain input": "不确定输入", "Uncertainty": "不确定性",
    "break-even: month {0}": "回本：第 {0} 个月", "buy": "购买", "cumulative cost ({0})": "累计成本（{0}）",
    "estimate": "估计值", "input lowered": "输入下调", "input raised": "输入上调", "months": "月",
    "not a number: the default is used": "不是数字：使用默认值", "rent": "租用", "samples": "样本",
    "to": "至", "{0} = {1}; {2} inputs move it (showing {3}).": "{0} = {1}；共有 {2} 个输入影响它（显示 {3} 个）。",
    "× own value": "× 当前值",
    "Opening %1…": "正在打开 %1…", "Saving %1…": "正在保存 %1…", "Exporting the budget…": "正在导出预算…",
    "Monte Carlo over the uncertain inputs (Charts → Uncertainty)": "对不确定输入做蒙特卡洛抽样（图表 → 不确定性）",
    # help.py (context "help")
    "LLM Cost Workbench": "LLM 成本工作台",
    "GPUs, days and money for training, fine-tuning and serving large language models.":
        "估算训练、微调和部署大语言模型所需的 GPU、时间和费用。",
    "Version {version}": "版本 {version}",
    "Default rental prices: as of {date} (the newest as_of date in the Prices table; each offer "
    "carries its own date).": "默认租用价格：截至 {date}（租用价格表中最新的 as_of 日期；每条报价各有日期）。",
    "Default rental prices: no as-of date found.": "默认租用价格：未找到日期。",
    "Hardware and model figures: as of their sources (see the source column of each row).":
        "硬件与模型数据：以各自来源为准（见每行的来源列）。",
    "Prices change often: check the provider before relying on one.": "价格经常变动：使用前请向服务商核实。",
    "Licence: MIT.": "许可证：MIT。",
    "About LLM Cost Workbench ": "关于 LLM 成本工作台",
    "LLM Cost Workbench — User guide": "LLM 成本工作台 — 用户指南",
    "Back to the user guide": "返回用户指南",
    "The user guide was not found in this installation. It is docs/user-guide.md in the source code.":
        "此安装中未找到用户指南。源代码中的位置是 docs/user-guide.md。",
    # ---- ui branch (#13): new interface texts
    "Replace file?": "替换文件？", "%1 already exists. Replace it?": "%1 已存在。要替换它吗？",
    "&Keyboard shortcuts": "键盘快捷键(&K)", "Keyboard shortcuts": "键盘快捷键",
    "There is no file at %1. A new, untitled workbook is open instead.":
        "%1 处没有文件。已改为打开一个新的未命名工作簿。",
    "%1 could not be read as a workbook: %2. A new, untitled workbook is open instead.":
        "无法将 %1 读取为工作簿：%2。已改为打开一个新的未命名工作簿。",
    "blank": "空", "Relative to own value": "相对当前值", "From must be below to.": "起点必须小于终点。",
    "Not drawn: {0} other scenario(s) whose own value lies outside this range.":
        "{0} 个场景的当前值不在此范围内，未绘制。",
    # ---- perf branch (#15): the sensitivity chart draws at most 8 curves
    "{0} more scenarios are not drawn: at most {1} curves at once.":
        "另有 {0} 个场景未绘制：一次最多绘制 {1} 条曲线。",
    # ---- end perf branch (#15)
    "One-off cost": "一次性成本", "Days": "天数", "GPUs": "GPU 数", "GPU-hours": "GPU 小时",
    "Copy": "复制", "Clear cells": "清除单元格", "Edit the cell": "编辑单元格", "Confirm the edit": "确认编辑", "Cancel the edit": "取消编辑",
    # ---- serving planner (issue #12): the throughput chart
    "Throughput vs latency": "吞吐与时延",
    "output tokens/s per user (1 ÷ time per output token)": "每用户每秒输出 Token 数（1 ÷ 每输出 Token 时延）",
    "output tokens/s per GPU": "每卡每秒输出 Token 数",
    "target {0:.0f} tok/s per user": "目标：每用户每秒 {0:.0f} 个 Token",
    "This scenario does not serve: give it daily users to see its throughput against latency.":
        "此场景不含推理服务：填写日活用户数即可查看吞吐与时延。",
    "{0}: no operating point ({1}).": "{0}：没有工作点（{1}）。",
    "{0}: batch {1:.0f} gives {2:.1f} tokens/s per user and {3:,.0f} tokens/s per GPU.":
        "{0}：批大小 {1:.0f} 时每用户每秒 {2:.1f} 个 Token，每卡每秒 {3:,.0f} 个 Token。",
    "Crossed points miss the first-token target ({0:g} s).": "叉号处达不到首 Token 时延目标（{0:g} 秒）。",
    "The curve ends where the KV cache fills memory (batch {0:.0f}).": "曲线在 KV 缓存占满显存处结束（批大小 {0:.0f}）。",
    # ---- end serving planner
    # ---- self-host or API (issue #16)
    "(blank)": "（空）", "Self-host or API": "自建还是 API", "self-hosting": "自建",
    "daily users": "日活用户", "cost per day ({0})": "每日成本（{0}）", "this scenario: {0}": "本场景：{0}",
    "break-even: {0}": "盈亏平衡：{0}",
    "Choose an API offer (api_offer) in the scenario to see the break-even.":
        "在场景中选择一个 API 报价（api_offer）即可查看盈亏平衡点。",
    "One replica costs {0}/day and serves up to {1} daily users at peak.":
        "一个副本每日成本 {0}，高峰时最多服务 {1} 日活用户。",
    "From {0} daily users on, self-hosting costs no more than {1}.": "日活用户达到 {0} 起，自建成本不高于 {1}。",
    "{0}× self-hosting": "为自建的 {0} 倍", "self-hosting never cheaper": "自建始终不更便宜",
    "break-even {0} users": "盈亏平衡 {0} 用户", "API {0}: {1}": "API {0}：{1}",
    "Default API prices: as of {date} (the newest as_of date in the API offers table).":
        "默认 API 价格：截至 {date}（API 报价表中最新的 as_of 日期）。",
    # ---- end self-host or API
}


def text(english: str, lang: str = "en") -> str:
    """An interface text in `lang` (the English text when no translation exists)."""
    return UI_ZH.get(english, english) if _index(lang) == 1 else english


def message(english: str, lang: str = "en", **kw) -> str:
    """An interface message in `lang` with its {named} places filled ('{n} rows' -> '3 行')."""
    return text(english, lang).format(**kw) if kw else text(english, lang)


# ====================================================================== messages
# Error reasons are values made by the core in English ("serve_hardware is blank; serving needs
# it").  reason() rewrites each known form with labels, in English or Chinese; a form not listed
# stays as written.  Names in the patterns: col (a column), table, stage, domain, value, n, name.

_NAME = r"(?P<col>[a-z][a-z0-9_]*)"
_REASONS: tuple[tuple[str, str, str], ...] = (
    (rf"^{_NAME} is blank; (?P<stage>[\w -]+) needs it$",
     "{col} is blank; {stage} needs it", "{col}为空；{stage}需要它"),
    (rf"^(?:assumption )?{_NAME} must be (?P<domain>.+?)(?:, got (?P<value>.*))?$",
     "{col} must be {domain}{got}", "{col}必须是{domain}{got}"),
    (r"^'(?P<value>.*)' is not a number(?:; expected (?P<domain>.+))?$",
     "“{value}” is not a number; expected {domain}", "“{value}”不是数字；应为{domain}"),
    (r"^'(?P<value>.*)': unknown unit '(?P<name>.*?)'(?: \(expected .*?\))?(?:; expected (?P<domain>.+))?$",
     "“{value}”: unknown unit “{name}”; expected {domain}", "“{value}”：无法识别的单位“{name}”；应为{domain}"),
    (r"^expected (?P<domain>.+?), got (?P<value>.*)$",
     "expected {domain}, got {value}", "应为{domain}，实际为 {value}"),
    (r"^no (?P<table>\w+) row named '(?P<name>.*)'$",
     "{table} has no row named “{name}”", "{table}中没有名为“{name}”的行"),
    (r"^the name '(?P<name>.*)' is already used in row (?P<n>\d+)$",
     "the name “{name}” is already used in row {n}", "名称“{name}”已在第 {n} 行使用"),
    (rf"^(?:scenario\.)?{_NAME} '(?P<name>.*)' not found in (?P<table>\w+)$",
     "{col} “{name}” is not in {table}", "{table}中找不到{col}“{name}”"),
    (r"^(?P<table>[A-Z]\w+) '(?P<name>.*)' has no (?P<col>\w+)$",
     "{table} “{name}” has no {col}", "{table}“{name}”没有填写{col}"),
    (rf"^{_NAME} is not a finite number \(a division by zero\?\)$",
     "{col} is not a finite number (a division by zero?)", "{col}不是有限数（除以零？）"),
    (rf"^{_NAME} must not be blank$", "{col} must not be blank", "{col}不能为空"),
    (r"^not part of this scenario$", "not part of this scenario", "不属于此场景"),
    (rf"^choose a rental offer in {_NAME} or set procurement to buy$",
     "choose a rental offer in {col} or set {procurement} to buy",
     "请在{col}中选择租用报价，或把{procurement}设为购买"),
    (rf"^give {_NAME} or (?P<name>[a-z_]+)$",
     "give {col} or {name}", "请填写{col}或{name}"),
    (rf"^{_NAME} is an offer for another card than (?P<name>[a-z_]+)$",
     "{col} is an offer for another card than {name}", "{col}是另一种卡的报价，与{name}不符"),
    # ---- ui branch (#13): the serving, memory and API reasons in words
    (r"^the weights and one request's KV cache do not fit on the replica: .*$",
     "the weights and one request's KV cache do not fit on the replica: raise {serve_tp} (or leave "
     "it blank), choose a card with more memory or a lower precision",
     "权重和一个请求的 KV 缓存放不进一个副本：请增大{serve_tp}（或留空），换显存更大的卡或更低的精度"),
    (r"^no batch meets tpot_target_s: .*$",
     "no batch meets {tpot_target_s}: use more cards per replica ({serve_tp}), a faster card, a "
     "lower precision or a smaller model",
     "没有批大小能满足{tpot_target_s}：请增加每副本卡数（{serve_tp}）、换更快的卡、更低的精度或更小的模型"),
    (r"^prefill alone takes longer than ttft_target_s: .*$",
     "prefill alone takes longer than {ttft_target_s}: use more cards per replica ({serve_tp}), a "
     "faster card, a shorter prompt or a smaller model",
     "仅预填充就超过{ttft_target_s}：请增加每副本卡数（{serve_tp}）、换更快的卡、缩短提示或换更小的模型"),
    (r"^no number of cards holds this run: a card can use (?P<value>\S+) GB but needs (?P<n>\S+) GB .*$",
     "no number of cards holds this run: a card can use {value} GB but needs {n} GB of activations "
     "plus what its sharding keeps whole; choose ZeRO-3 sharding, full checkpointing, a shorter "
     "context or micro-batch, or a card with more memory",
     "多少张卡都放不下这次训练：每张卡可用 {value} GB，但激活值就需要 {n} GB，另加分片后仍需完整保存的部分；"
     "请选择 ZeRO-3 分片、完整重计算（checkpointing）、更短的上下文或微批，或显存更大的卡"),
    (r"^(?P<value>\S+) training cards cannot hold this run: it needs at least (?P<n>\S+) of these "
     r"(?P<name>\S+) GB cards .*$",
     "{value} training cards cannot hold this run: it needs at least {n} of these {name} GB cards "
     "with its sharding; use more cards, a card with more memory, ZeRO sharding or full "
     "checkpointing",
     "{value} 张训练卡放不下这次训练：按当前分片至少需要 {n} 张这种 {name} GB 的卡；"
     "请增加卡数、换显存更大的卡、使用 ZeRO 分片或完整重计算"),
    (r"^self-hosting never costs less: .*$",
     "self-hosting never costs less: one replica costs more per day than the API charges for the "
     "users it serves at peak",
     "自建始终不更便宜：一个副本每天的成本高于 API 为它在峰值时服务的用户收取的费用"),
    # (the serving planner's #12 and API offers' #16 reasons are in the ui block above)
)

# "Models row 1, params_b: …" / "Models row 1, params_b must …": where a refused edit happened.
_WHERE = re.compile(r"^(?P<table>[A-Z]\w*) row (?P<row>\d+), (?P<col>[a-z][a-z0-9_]*)"
                    r"(?: \(value [^)]*\))?(?::\s*|\s+(?=must))")


def split_where(reason_text: str) -> tuple[str, int, str, str]:
    """('Models', 1, 'params_b', rest) for 'Models row 1, params_b: rest'; ('', 0, '', text)."""
    m = _WHERE.match(reason_text)
    if not m:
        return "", 0, "", reason_text
    return m["table"], int(m["row"]), m["col"], reason_text[m.end():]


def _unit_of(name: str) -> str:
    """The unit of a column or assumption called `name` ('' when unknown)."""
    from .schema import ASSUMPTION_KEYS, TABLES

    for table in ("Scenarios", *TABLES):
        if name in TABLES[table].by_name:
            return TABLES[table].by_name[name].unit
    known = ASSUMPTION_KEYS.get(name)
    return known.unit if known is not None else ""


def _bound(text: str, unit: str) -> str:
    """A bound of a domain in the column's unit (fractions as percentages)."""
    if unit == "fraction":
        try:
            return f"{float(text) * 100:g}%"
        except ValueError:
            return text
    return text


def _domain_words(domain: str, lang: str, unit: str = "") -> str:
    """'a number in (0, inf)' -> 'a number > 0' / '大于 0 的数' (fractions: '0%'…'100%')."""
    zh = _index(lang) == 1
    m = re.fullmatch(r"(a whole number|a number) in ([\[(])(\S+), (\S+?)([\])])", domain)
    if m:
        whole, lo_open = m[1] == "a whole number", m[2] == "("
        lo, hi = m[3], m[4]
        noun = ("整数" if whole else "数") if zh else ("a whole number" if whole else "a number")
        lo_t = None if lo == "-inf" else _bound(lo, unit)
        hi_t = None if hi == "inf" else _bound(hi, unit)
        if zh:
            parts = []
            if lo_t is not None:
                parts.append(f"大于 {lo_t}" if lo_open else f"不小于 {lo_t}")
            if hi_t is not None:
                parts.append(f"不大于 {hi_t}")
            return (" 且".join(parts) + " 的" if parts else "") + noun
        parts = []
        if lo_t is not None:
            parts.append(f"> {lo_t}" if lo_open else f"≥ {lo_t}")
        if hi_t is not None:
            parts.append(f"≤ {hi_t}")
        return noun + (" " + " and ".join(parts) if parts else "")
    m = re.fullmatch(r"one of (.+)", domain)
    if m:
        return ("以下之一：" + "、".join(m[1].split(", "))) if zh else f"one of {m[1]}"
    m = re.fullmatch(r"a name from (\w+)", domain)
    if m:
        return f"{table_label(m[1], lang)}表中的名称" if zh else f"a name from {table_label(m[1], lang)}"
    if domain == "text":
        return "文本" if zh else "text"
    return domain


def _reason_words(kw: dict, lang: str, unit: str = "") -> dict:
    """Labels for the names a reason pattern captured."""
    zh = _index(lang) == 1
    unit = _unit_of(kw["col"]) if kw.get("col") else unit
    if kw.get("col"):
        kw["col"] = column_label(kw["col"], lang) if kw["col"] not in _RESULTS \
            else result_label(kw["col"], lang)
    if kw.get("name") in _ALL:
        kw["name"] = column_label(kw["name"], lang)
    if kw.get("table"):
        kw["table"] = table_label(kw["table"], lang)
    if kw.get("stage"):
        stage = {en.lower(): s for s, (en, _) in _STAGES.items()}.get(kw["stage"].lower())
        if stage:
            title = stage_title(stage, lang)
            kw["stage"] = title if zh else title.lower()
    kw["domain"] = _domain_words(kw["domain"], lang, unit) if kw.get("domain") else ""
    value = kw.get("value") or ""
    kw["got"] = (f"，实际为 {value}" if zh else f", got {value}") if value else ""
    kw["procurement"] = column_label("procurement", lang)
    for name in ("serve_tp", "tpot_target_s", "ttft_target_s"):  # names some reasons advise
        kw[name] = column_label(name, lang)
    return kw


def reason(reason_text: str, lang: str = "en") -> str:
    """A core reason in words: labels instead of names, in `lang` (unknown forms unchanged)."""
    if not reason_text:
        return reason_text
    table, _row, col, rest = split_where(reason_text)
    prefix = ""
    if table:
        if rest.startswith("must"):
            rest = f"{col} {rest}"
        else:
            prefix = column_label(col, lang) + ("：" if _index(lang) == 1 else ": ")
    for pattern, en, zh in _REASONS:
        m = re.match(pattern, rest)
        if m:
            kw = _reason_words({k: v or "" for k, v in m.groupdict().items()}, lang,
                               _unit_of(col) if table else "")
            out = (zh if _index(lang) == 1 else en).format(**kw)
            if not kw["domain"]:
                out = re.sub(r"(；应为|; expected )$", "", out)
            return prefix + out
    return prefix + rest if table else reason_text


def where_text(table: str, row_name: str, column: str, lang: str = "en") -> str:
    """'Models › Llama 3 70B › Parameters': where a cell is, in words."""
    parts = [table_label(table, lang), row_name, column_label(column, lang)]
    return " › ".join(p for p in parts if p)


def refused(table: str, row_name: str, column: str, reason_text: str, example: str = "",
            lang: str = "en") -> str:
    """A refused edit in words: 'Models › Llama 3 70B › Parameters: “abc” is not a number…'."""
    _t, _r, col, rest = split_where(reason_text)
    why = reason(f"{col} {rest}" if _t and rest.startswith("must") else rest, lang)
    own = column_label(column, lang)
    if why.startswith(own + " must") or why.startswith(own + "必须") or why.startswith(own + "不能"):
        why = why[len(own):].lstrip()
    zh = _index(lang) == 1
    text = f"{where_text(table, row_name, column, lang)}{'：' if zh else ': '}{why}"
    if example:
        text += f"{'。例如：' if zh else '. For example: '}{example}"
    return text


# Words of the readable formula (core.expr.to_text) in Chinese.
_FORMULA_WORDS_ZH = ((r"\(if ", "(如果 "), (r"^if ", "如果 "), (" then ", " 则 "), (" else ", " 否则 "),
                     (" is blank", " 为空"), (" or ", " 或 "), (r"\bby ", "按 "), ("error: ", "错误："))


def formula_words(formula_text: str, lang: str = "en") -> str:
    """The keywords of a readable formula in `lang` ('if … then … else' -> '如果 … 则 … 否则')."""
    if _index(lang) == 0:
        return formula_text
    for pattern, zh in _FORMULA_WORDS_ZH:
        formula_text = re.sub(pattern, zh, formula_text)
    return formula_text


# ---- begin: Hugging Face model import (issue #14) -------------------------------------------
# key -> (English, Simplified Chinese); "%1" is replaced by a name, "%2" by a number.
HF_IMPORT: dict[str, tuple[str, str]] = {
    "menu_models": ("&Models", "模型(&M)"),
    "act_import_hf": ("Import &Hugging Face config…", "导入 &Hugging Face 配置…"),
    "dialog_title": ("Import Hugging Face config", "导入 Hugging Face 配置"),
    "file_filter": ("Hugging Face config (config.json *.json)", "Hugging Face 配置 (config.json *.json)"),
    "cannot_import": ("Cannot import %1", "无法导入 %1"),
    "undo_text": ("Import model %1", "导入模型 %1"),
    "imported": ("Imported model %1 (%2 B parameters) from its Hugging Face config",
                 "已从 Hugging Face 配置导入模型 %1（%2 B 参数）"),
}


def hf_text(key: str, lang: str = "en") -> str:
    """A word of the Hugging Face import, in `lang`."""
    return HF_IMPORT[key][_index(lang)]
# ---- end: Hugging Face model import (issue #14) ---------------------------------------------


# ------------------------------------------------------------------ budget workbook (issue 11)
# Words of the exported budget (io/budget_*.py): (English, Simplified Chinese).
_RESULTS.update({
    "serve_cost_per_year": ("Serving cost per year", "推理每年成本"),
    "serve_cost_per_month": ("Serving cost per month", "推理每月成本"),
    "training_usd": ("Pre-training and fine-tuning (USD)", "预训练与微调 (美元)"),
    "capex_usd": ("Purchase (USD)", "购置 (美元)"),
    "serve_usd_per_year": ("Serving per year (USD)", "推理每年 (美元)"),
})
_ALL.update(_RESULTS)
RESULT_DOC_ZH.update({
    "serve_cost_per_year": "推理每年成本（按 365 天）",
    "serve_cost_per_month": "推理每月成本：一年的十二分之一",
    "training_usd": "预训练与微调成本，折合美元",
    "capex_usd": "一次性购置成本，折合美元",
    "serve_usd_per_year": "推理每年成本，折合美元",
})

BUDGET_WORDS: dict[str, tuple[str, str]] = {
    "Summary": ("Summary", "汇总"),
    "title": ("LLM budget summary", "大模型预算汇总"),
    "subtitle": ("Amounts in each scenario's own currency (column B). Every figure is a live formula "
                 "over the input sheets; #N/A means an input is missing or invalid.",
                 "金额以各场景自身的币种计（B 列）。所有数字都是基于输入工作表的实时公式；"
                 "#N/A 表示某项输入缺失或无效。"),
    "scenario": ("Scenario", "场景"),
    "currency": ("Currency", "币种"),
    "one_off": ("One-off", "一次性"),
    "recurring": ("Recurring (serving)", "经常性（推理）"),
    "unit_costs": ("Unit costs (serving)", "单位成本（推理）"),
    "s_train": ("Pre-training", "预训练"),
    "s_ft": ("Fine-tuning", "微调"),
    "s_capex": ("Purchase", "购置"),
    "s_day": ("Per day", "每日"),
    "s_month": ("Per month", "每月"),
    "s_year": ("Per year", "每年"),
    "s_mtok": ("Per 1M tokens", "每百万 Token"),
    "s_user_month": ("Per user-month", "每用户每月"),
    "chart_title": ("One-off and yearly cost per scenario (USD, converted at the USD/CNY rate)",
                    "各场景一次性与年度成本（美元，按美元兑人民币汇率折算）"),
    "notes": ("Notes", "说明"),
    "note_what": ("What this is: the budget of the LLM Cost Workbench scenarios — the input sheets "
                  "and live formulas from the app's formula registry.",
                  "这是什么：LLM Cost Workbench 场景的预算——输入工作表，以及来自应用公式库的实时公式。"),
    "note_made": ("Made by LLM Cost Workbench {version} on {date}.",
                  "由 LLM Cost Workbench {version} 于 {date} 生成。"),
    "note_edit": ("How to edit: change the blue cells on Scenarios, Models, Hardware, Prices and "
                  "Assumptions; type a new scenario in the next empty row of Scenarios. Results and "
                  "this Summary follow. A blank input takes its default.",
                  "如何修改：编辑 Scenarios（场景）、Models（模型）、Hardware（硬件）、Prices（租用价格）、"
                  "Assumptions（全局假设）工作表中的蓝色单元格；在 Scenarios 表的下一空行输入新场景，"
                  "Results（计算结果）与本汇总随之更新。留空的输入取默认值。"),
    "note_month": ("A month is a twelfth of a 365-day year. One-off costs are not included in the "
                   "recurring columns; a bought card's write-off is part of its GPU-hour price.",
                   "每月按 365 天一年的十二分之一计。一次性成本不计入经常性各列；"
                   "自购硬件的折旧计入其 GPU 小时单价。"),
    "note_prices": ("Rental prices: {count} offers, as of {first} to {last}; sources on the Prices sheet.",
                    "租用价格：共 {count} 个报价，日期 {first} 至 {last}；来源见 Prices（租用价格）工作表。"),
    "note_reopen": ("The file can be opened again in the app (File ▸ Open): it reads the input sheets.",
                    "可在应用中重新打开本文件（文件 ▸ 打开）：应用读取各输入工作表。"),
    "legend": ("Legend", "图例"),
    "legend_input": ("Input: type here", "输入：可在此填写"),
    "legend_formula": ("Formula: computed, do not type", "公式：自动计算，请勿填写"),
    "legend_link": ("Link: the input as used (given or default)", "引用：实际采用的输入（填写值或默认值）"),
    "given": (" (given)", "（填写值）"),
    "header": ("&L&A&RLLM Cost Workbench", "&L&A&RLLM Cost Workbench"),
    "footer": ("&LPage &P of &N&R&F", "&L第 &P 页，共 &N 页&R&F"),
    "allowed": ("Allowed: {domain}", "允许：{domain}"),
    "blank_default": ("Blank: {default}.", "留空：{default}。"),
    "blank_none": ("Blank: not used.", "留空：不使用。"),
    "choose": ("Choose one of: {choices}", "请选择：{choices}"),
    "choose_ref": ("Choose a name from the {table} sheet.", "请从 {table} 工作表中选择一个名称。"),
    "bad_value": ("This value is outside the allowed range.", "该数值超出允许范围。"),
    "number": ("a number", "数值"),
    "whole": ("a whole number", "整数"),
    "percent": ("a percentage", "百分比"),
    "gt": ("> {x}", "> {x}"),
    "ge": ("≥ {x}", "≥ {x}"),
    "le": ("≤ {x}", "≤ {x}"),
    "lt": ("< {x}", "< {x}"),
}


def budget_word(key: str, lang: str = "en") -> str:
    """A word of the budget workbook in the language."""
    return BUDGET_WORDS[key][_index(lang)]
# ------------------------------------------------------------------ end of the budget block
