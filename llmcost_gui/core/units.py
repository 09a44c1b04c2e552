"""Unit-aware input ("175B", "3.35 TB/s", "45%") and display formatting with SI suffixes."""

from __future__ import annotations

import math
import re
import unicodedata

from .reasons import RefusalError

# Count suffixes: "13M users", "175B", "1.8T", Chinese 万 (1e4) and 亿 (1e8).
COUNT_SUFFIX = {
    "": 1.0, "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9, "G": 1e9,
    "t": 1e12, "T": 1e12, "P": 1e15, "万": 1e4, "亿": 1e8,
}
_NUMBER = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_CURRENCY = re.compile(r"^(?:US\$|\$|¥|￥|USD|CNY|RMB|元)\s*|\s*(?:USD|CNY|RMB|元|\$|¥)$", re.I)
_PER_HOUR = re.compile(r"\s*(?:/\s*(?:gpu[- ]?)?(?:h|hr|hour)|per\s+(?:gpu[- ]?)?hour)$", re.I)

# Plain count units: a trailing word from this set is accepted and ignored.
COUNT_WORDS = {"", "params", "parameters", "tokens", "users", "requests", "gpus", "gpu", "cards",
               "epochs", "layers", "heads", "req", "x"}
# Physical units: family -> {unit word: factor to the column's unit}.
PHYSICAL = {
    "TFLOPS": {"tflops": 1, "tflop/s": 1, "tops": 1, "pflops": 1e3, "pflop/s": 1e3, "pops": 1e3,
               "gflops": 1e-3, "gflop/s": 1e-3, "flops": 1e-12, "flop/s": 1e-12},
    "GB": {"gb": 1, "tb": 1e3, "mb": 1e-3, "gib": 1.073741824, "tib": 1099.511627776, "b": 1e-9},
    "TB/s": {"tb/s": 1, "gb/s": 1e-3, "tbps": 1, "gbps": 1e-3, "mb/s": 1e-6},
    "W": {"w": 1, "kw": 1e3},
    "days": {"d": 1, "day": 1, "days": 1, "w": 7, "week": 7, "weeks": 7, "mo": 30, "month": 30,
             "months": 30, "y": 365, "yr": 365, "year": 365, "years": 365, "h": 1 / 24, "hours": 1 / 24},
    "years": {"y": 1, "yr": 1, "year": 1, "years": 1, "mo": 1 / 12, "month": 1 / 12, "months": 1 / 12},
}
PHYSICAL["TOPS"] = PHYSICAL["TFLOPS"]
# A bare number at least this large is read as a raw count, not in the column's unit:
# "300e9" in a billions column means 300 billion.
RAW_THRESHOLD = {"B params": 1e6, "B tokens": 1e6, "TFLOPS": 1e6, "TOPS": 1e6, "GB": 1e6, "TB/s": 1e6}
RAW_SCALE = {"B params": 1e-9, "B tokens": 1e-9, "TFLOPS": 1e-12, "TOPS": 1e-12, "GB": 1e-9,
             "TB/s": 1e-12}


class UnitError(RefusalError):
    """The text is not a number in the expected unit (its reason: not_number, not_fraction or
    unknown_unit)."""


def normalize(text: str) -> str:
    """Full-width characters to ASCII, thousands separators removed, trimmed."""
    t = unicodedata.normalize("NFKC", str(text)).strip()
    return _THOUSANDS.sub("", t)


def parse_quantity(text: str, unit: str) -> float:
    """Parse user text into a float in `unit` (the column's unit)."""
    t = normalize(text)
    if unit.startswith("money") or unit in ("USD/kWh", "CNY/USD"):
        t = _PER_HOUR.sub("", t)
        t = _CURRENCY.sub("", t).strip()
    if unit == "fraction" and t.endswith("%"):
        return _bare(t[:-1].strip(), text) / 100.0
    m = _NUMBER.match(t)
    if not m:
        raise UnitError("not_number", value=text)
    value, rest = float(m.group(1)), m.group(2).strip()
    if unit in PHYSICAL:
        return _physical(value, rest, unit, text)
    return _count(value, rest, unit, text)


def _bare(t: str, original: str) -> float:
    m = _NUMBER.match(t)
    if not m or m.group(2):
        raise UnitError("not_number", value=original)
    return float(m.group(1))


def _split_suffix(rest: str) -> tuple[float, str]:
    """Split a leading count suffix ("B params" -> 1e9, "params")."""
    if rest and rest[0] in COUNT_SUFFIX and (len(rest) == 1 or not rest[1].isalpha()):
        return COUNT_SUFFIX[rest[0]], rest[1:].strip()
    return 1.0, rest


def _count(value: float, rest: str, unit: str, original: str) -> float:
    factor, word = _split_suffix(rest)
    if word.lower() not in COUNT_WORDS and not (unit and word.lower() == unit.lower()):
        raise UnitError("unknown_unit", value=original, word=word)
    if unit in ("B params", "B tokens"):
        if factor != 1.0:
            return value * factor / 1e9
        return value * RAW_SCALE[unit] if abs(value) >= RAW_THRESHOLD[unit] else value
    if unit == "fraction" and factor != 1.0:
        raise UnitError("not_fraction", value=original)
    return value * factor


def _physical(value: float, rest: str, unit: str, original: str) -> float:
    if not rest:
        if unit in RAW_THRESHOLD and abs(value) >= RAW_THRESHOLD[unit]:
            return value * RAW_SCALE[unit]
        return value
    factors = PHYSICAL[unit]
    key = rest.lower().replace(" ", "")
    if key in factors:
        return value * factors[key]
    raise UnitError("unknown_unit", value=original, word=rest)


# ---------------------------------------------------------------- formatting

CURRENCY_SYMBOL = {"USD": "$", "CNY": "¥"}
_SUFFIXES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def si(value: float, digits: int = 3) -> str:
    """3.15e23 -> '3.15e23'; 1_059_118 -> '1.06M'; 0.4 -> '0.4'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    a = abs(value)
    if a >= 1e15:
        mant, exp = f"{value:.{digits - 1}e}".split("e")
        return f"{float(mant):g}e{int(exp)}"
    for scale, suffix in _SUFFIXES:
        if a >= scale:
            return f"{_sig(value / scale, digits)}{suffix}"
    return _sig(value, digits)


def _sig(x: float, digits: int) -> str:
    if x == 0:
        return "0"
    if abs(x) >= 10 ** digits:
        return f"{x:,.0f}"
    decimals = max(0, digits - 1 - int(math.floor(math.log10(abs(x)))))
    return f"{x:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{round(x):,}"


def format_money(value: float, currency: str = "USD", digits: int = 3) -> str:
    """'$1.06M', '¥3.76M', '$2.27'."""
    if value is None or math.isnan(value):
        return ""
    sym = CURRENCY_SYMBOL.get(currency, currency + " ")
    sign = "-" if value < 0 else ""
    return f"{sign}{sym}{si(abs(value), digits)}"


def format_value(value: float, unit: str, currency: str = "USD") -> str:
    """A value for display in a cell, with its unit."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if unit.startswith("money"):
        text = format_money(value, currency)
        return text + unit[5:] if len(unit) > 5 else text
    if unit == "fraction":
        return f"{_sig(value * 100, 3)}%"
    if unit in ("B params", "B tokens"):
        return si(value * 1e9)
    if unit in ("TFLOPS", "TOPS", "GB", "TB/s", "W"):
        return f"{_sig(value, 4)} {unit}"
    if unit in ("", "ratio", "epochs", "GPUs", "requests", "users", "tokens", "CNY/USD", "USD/kWh"):
        return si(value, 4) if abs(value) >= 1e4 else _sig(value, 4)
    return f"{si(value, 4) if abs(value) >= 1e4 else _sig(value, 4)} {unit}"


def edit_text(value: object) -> str:
    """The text a cell shows when edited: exact enough to round-trip."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:.12g}"
    return str(value)
