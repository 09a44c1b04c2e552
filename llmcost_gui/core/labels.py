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
    "serve_flops_rate": ("Useful FLOP/s per card", "单卡有效算力"),
    "prefill_gpu_seconds": ("Prefill GPU-seconds", "预填充 GPU 秒数"),
    "decode_compute_gpu_seconds": ("Decode GPU-s (compute)", "解码 GPU 秒 (算力受限)"),
    "bytes_per_value": ("Bytes per value", "每数值字节数"),
    "kv_bytes_per_token": ("KV cache per token", "每 Token KV 缓存"),
    "weight_bytes": ("Weight bytes", "权重字节数"),
    "replica_gpus": ("GPUs per replica", "单副本 GPU 数"),
    "decode_step_seconds": ("Decode step time", "单步解码时间"),
    "decode_memory_gpu_seconds": ("Decode GPU-s (memory)", "解码 GPU 秒 (带宽受限)"),
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
