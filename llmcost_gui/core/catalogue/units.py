"""Unit words, and the headers and formatted values that carry a unit (English and Chinese)."""

from __future__ import annotations

from . import lang_index
from .tables import ASSUMPTIONS, COLUMNS

# Units as written in the schema and the registry -> Chinese display.
UNITS_ZH: dict[str, str] = {
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
    "money/M tokens": "金额/百万 Token",
    "USD/GPU-h": "美元/GPU 小时",
    "USD/kWh": "美元/千瓦时",
    "CNY/USD": "人民币/美元",
    "USD": "美元",
    "CNY": "人民币",
    "params": "参数",
    "B": "字节",
    "sequences": "序列",
    "ms": "毫秒",
    "µs": "微秒",
    "GB": "GB",
    "GB/s": "GB/秒",
    "B/s": "字节/秒",
    "FLOP/s": "FLOP/秒",
    "tokens/s": "Token/秒",
}

# The part of a money unit after "money" -> Chinese ("money/day" in CNY: "人民币/天").
MONEY_REST_ZH = {"": "", "/day": "/天", "/GPU-h": "/GPU 小时", "/M tokens": "/百万 Token"}

# Units a header leaves out: the label already says it, or the cell shows it ("45%").
PLAIN_UNITS = frozenset({"", "tokens", "users", "requests", "GPUs", "epochs", "fraction", "ratio",
                         "FLOP", "params", "sequences"})


def unit_label(unit: str, lang: str = "en", currency: str = "") -> str:
    """Display unit; 'money…' becomes the currency ('USD/day', '人民币/天') when one is given."""
    zh = lang_index(lang) == 1
    if unit.startswith("money") and currency:
        rest = unit[5:]
        if not zh:
            return currency + rest
        return UNITS_ZH.get(currency, currency) + MONEY_REST_ZH.get(rest, rest)
    return UNITS_ZH.get(unit, unit) if zh else unit


def header(name: str, unit: str = "", lang: str = "en", currency: str = "") -> str:
    """A column header: label plus unit in parentheses when it adds something."""
    pair = COLUMNS.get(name) or ASSUMPTIONS.get(name)
    text = pair[lang_index(lang)] if pair else name
    u = unit_label(unit, lang, currency) if unit not in PLAIN_UNITS else ""
    return f"{text} ({u})" if u else text


def localize_value(text: str, unit: str, lang: str) -> str:
    """Translate the unit at the end of a formatted value ("30 days" -> "30 天")."""
    if lang_index(lang) == 0 or not text:
        return text
    if unit.startswith("money") and "/" in unit:
        rest = unit[5:]
        return text[: -len(rest)] + MONEY_REST_ZH.get(rest, rest) if text.endswith(rest) else text
    if unit in UNITS_ZH and unit not in PLAIN_UNITS and text.endswith(" " + unit):
        return text[: -len(unit)] + UNITS_ZH[unit]
    return text
