"""Human labels, in English and Simplified Chinese, for tables, columns, results, stages and units.

One place for the words people read: the window's headers, the budget export's headers and the
Excel importer's translated-header aliases all come from here.  Unknown names fall back to the
name itself, so an extra column keeps its own header.
"""

from __future__ import annotations

LANGS = ("en", "zh_CN")

# name -> (English, Simplified Chinese)
_TABLES = {
    "Models": ("Models", "模型"),
    "Hardware": ("Hardware", "硬件"),
    "Prices": ("Prices", "租用价格"),
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
    "USD/GPU-h": "美元/GPU 小时",
    "USD/kWh": "美元/千瓦时",
    "CNY/USD": "人民币/美元",
    "USD": "美元",
    "CNY": "人民币",
    "params": "参数",
    "B": "字节",
}

# ---- serving latency and parallelism (#12) -------------------------------------------------
_COLUMNS.update({
    "ffn_dim": ("MLP width", "前馈层维度"),
    "vocab_size": ("Vocabulary size", "词表大小"),
    "n_experts": ("Routed experts", "路由专家数"),
    "experts_per_token": ("Experts per token", "每 Token 激活专家数"),
    "n_shared_experts": ("Shared experts", "共享专家数"),
    "interconnect_gbs": ("Interconnect bandwidth", "卡间互联带宽"),
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
# Reasons a serving cell has no value (formulas_serving.ERR_*), English -> Chinese.
_SERVING_REASONS = {
    "the weights and one request's KV cache do not fit on the replica: raise serve_tp (or leave it blank), "
    "choose a card with more memory or a lower precision":
        "副本放不下权重和一个请求的 KV 缓存：提高 serve_tp（或留空），换显存更大的卡或更低的精度",
    "no batch meets tpot_target_s: use more cards per replica (serve_tp), a faster card, a lower precision "
    "or a smaller model":
        "没有任何批大小能满足 tpot_target_s：增加每副本卡数（serve_tp）、换更快的卡、降低精度或换更小的模型",
    "prefill alone takes longer than ttft_target_s: use more cards per replica (serve_tp), a faster card, "
    "a shorter prompt or a smaller model":
        "仅预填充就超过 ttft_target_s：增加每副本卡数（serve_tp）、换更快的卡、缩短提示或换更小的模型",
}
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


_MONEY_REST_ZH = {"": "", "/day": "/天", "/GPU-h": "/GPU 小时"}


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
                         "FLOP", "params"})


def header(name: str, unit: str = "", lang: str = "en", currency: str = "") -> str:
    """A column header: label plus unit in parentheses when it adds something."""
    text = column_label(name, lang)
    u = unit_label(unit, lang, currency) if unit not in PLAIN_UNITS else ""
    return f"{text} ({u})" if u else text


def reason_label(reason: str, lang: str = "en") -> str:
    """A cell's error reason in the language (known serving reasons; others stay as they are)."""
    return _SERVING_REASONS.get(reason, reason) if _index(lang) == 1 else reason


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
