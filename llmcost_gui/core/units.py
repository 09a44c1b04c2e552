"""The unit registry: one frozen entry per unit, keyed by ``Column.unit`` / ``Formula.unit``.

Each :class:`Unit` says how a value in that unit is typed and parsed ("175B", "3.35 TB/s",
"45%"), formatted in English and Chinese, shown in a header or an axis title, written as an Excel
number format, and whether it is money.  Every unit table of the app (the typed units of the
validator and the charts, the editors' examples, the budget's number formats, the header rules)
is derived from :data:`UNITS`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

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
               "epochs", "layers", "heads", "req", "x", "values"}
# Words a value in a physical unit may carry: {unit word: factor to the unit}.
_FLOPS = {"tflops": 1, "tflop/s": 1, "tops": 1, "pflops": 1e3, "pflop/s": 1e3, "pops": 1e3,
          "gflops": 1e-3, "gflop/s": 1e-3, "flops": 1e-12, "flop/s": 1e-12}
_GB = {"gb": 1, "tb": 1e3, "mb": 1e-3, "gib": 1.073741824, "tib": 1099.511627776, "b": 1e-9}
_TB_S = {"tb/s": 1, "gb/s": 1e-3, "tbps": 1, "gbps": 1e-3, "mb/s": 1e-6}
_WATTS = {"w": 1, "kw": 1e3}
_DAYS = {"d": 1, "day": 1, "days": 1, "w": 7, "week": 7, "weeks": 7, "mo": 30, "month": 30,
         "months": 30, "y": 365, "yr": 365, "year": 365, "years": 365, "h": 1 / 24, "hours": 1 / 24}
_YEARS = {"y": 1, "yr": 1, "year": 1, "years": 1, "mo": 1 / 12, "month": 1 / 12, "months": 1 / 12}

# How a value shows in a cell (format_value).
MONEY = "money"      # currency symbol, SI suffix, then what it is per: "$3.9K/day"
PERCENT = "percent"  # a fraction as a percentage: "45%"
BILLIONS = "billions"  # a count in billions written whole: "175B"
MEASURE = "measure"  # four significant digits and the unit: "80 GB"
COUNT = "count"      # a bare number (SI above 10,000): "13M"
SUFFIXED = "suffixed"  # a number (SI above 10,000) and the unit: "30 days"
TEXT = "text"  # a text result shown as it is ("TP8 · PP16 · …"): no unit to name


@dataclass(frozen=True)
class Unit:
    """One unit: its words, how it is typed, shown and exported."""

    key: str
    zh: str = ""  # Chinese word; blank: the key itself
    style: str = SUFFIXED  # how a cell shows a value (MONEY, PERCENT, …)
    per: str = ""  # money: what the amount is per ("/day"), its Chinese word below
    per_zh: str = ""
    typed: bool = False  # values are written as typed, with the unit ("45%", "175B")
    in_header: bool = True  # a header names it; False: the label says it or the cell shows it
    words: dict | None = None  # physical: unit words accepted after a number -> factor
    raw_threshold: float | None = None  # a bare number at least this large is a raw count…
    raw_scale: float = 1.0  # …converted by this factor ("300e9" in a billions column: 300)
    currency_text: bool = False  # the parser drops currency symbols and "/h" ("$2.27/h")
    example: str = ""  # a value as typed, shown in an empty editor
    excel: str | None = None  # number format in the budget; None: OTHER_FORMAT (money: by key)

    @property
    def money(self) -> bool:
        """An amount in the scenario's currency (shown with "$" or "¥")."""
        return self.style == MONEY

    def word(self, lang: str = "en") -> str:
        """The unit in words: 'days', '天'."""
        return (self.zh or self.key) if _zh(lang) else self.key


_ENTRIES = (
    # money in the scenario's currency
    Unit("money", "金额", MONEY, currency_text=True, example="$25,000"),
    Unit("money/day", "金额/天", MONEY, "/day", "/天", currency_text=True),
    Unit("money/GPU-h", "金额/GPU 小时", MONEY, "/GPU-h", "/GPU 小时", currency_text=True,
         example="$2.27/h"),
    Unit("money/M tokens", "金额/百万 Token", MONEY, "/M tokens", "/百万 Token", currency_text=True),
    # amounts in a fixed currency
    Unit("USD", "美元", excel='"$"#,##0.00'),
    Unit("CNY", "人民币"),
    Unit("USD/GPU-h", "美元/GPU 小时", excel='"$"#,##0.0000'),
    Unit("USD/kWh", "美元/千瓦时", COUNT, currency_text=True),
    Unit("CNY/USD", "人民币/美元", COUNT, currency_text=True),
    # counts
    Unit("", "", COUNT, in_header=False),
    Unit("ratio", "比值", COUNT, in_header=False, excel="0.0000"),
    Unit("text", "文本", TEXT, in_header=False, excel="@"),  # a text result (train_layout)
    Unit("fraction", "比例", PERCENT, typed=True, in_header=False, example="45%", excel="0.0%"),
    Unit("B params", "十亿参数", BILLIONS, typed=True, raw_threshold=1e6, raw_scale=1e-9,
         example="175B"),
    Unit("B tokens", "十亿 Token", BILLIONS, typed=True, raw_threshold=1e6, raw_scale=1e-9,
         example="300B"),
    Unit("params", "参数", in_header=False, excel="0.00E+00"),
    Unit("tokens", "Token", COUNT, in_header=False, excel="#,##0"),
    Unit("users", "用户", COUNT, in_header=False, example="13M", excel="#,##0"),
    Unit("requests", "请求", COUNT, in_header=False, excel="#,##0"),
    Unit("GPUs", "GPU", COUNT, in_header=False, excel="#,##0"),
    Unit("epochs", "轮", COUNT, in_header=False),
    Unit("values", "个值", COUNT, in_header=False),
    Unit("sequences", "序列", in_header=False),
    Unit("FLOP", "FLOP", in_header=False, excel="0.00E+00"),
    Unit("PF-days", "PF-days", excel="#,##0.0"),
    # rates
    Unit("requests/s", "请求/秒", excel="#,##0.00"),
    Unit("tokens/s", "Token/秒", excel="#,##0.0"),
    Unit("FLOP/s", "FLOP/秒", excel="0.00E+00"),
    Unit("TFLOPS", "TFLOPS", MEASURE, typed=True, words=_FLOPS, raw_threshold=1e6,
         raw_scale=1e-12, example="312 TFLOPS"),
    Unit("TOPS", "TOPS", MEASURE, typed=True, words=_FLOPS, raw_threshold=1e6, raw_scale=1e-12),
    # memory and bandwidth
    Unit("B", "字节", excel="0.00E+00"),
    Unit("GB", "GB", MEASURE, typed=True, words=_GB, raw_threshold=1e6, raw_scale=1e-9,
         example="80 GB", excel="#,##0.0"),
    Unit("B/s", "字节/秒", excel="0.00E+00"),
    Unit("GB/s", "GB/秒"),
    Unit("TB/s", "TB/s", MEASURE, typed=True, words=_TB_S, raw_threshold=1e6, raw_scale=1e-12,
         example="3.35 TB/s"),
    # power and energy
    Unit("W", "瓦", MEASURE, typed=True, words=_WATTS, example="700 W"),
    Unit("kW", "千瓦", excel="0.000"),
    Unit("kWh", "千瓦时", excel="#,##0"),
    Unit("kWh/day", "千瓦时/天", excel="#,##0"),
    # time
    Unit("µs", "微秒"),
    Unit("ms", "毫秒"),
    Unit("s", "秒", excel="0.000000"),
    Unit("GPU-s", "GPU 秒", excel="0.000000"),
    Unit("GPU-h", "GPU 小时", excel="#,##0"),
    Unit("days", "天", words=_DAYS, example="30 days", excel="#,##0.0"),
    Unit("years", "年", words=_YEARS),
)
UNITS: dict[str, Unit] = {u.key: u for u in _ENTRIES}
"""Every unit a column or a formula may carry."""


def unit(key: str) -> Unit:
    """The entry of a unit; an unknown unit shows as a number followed by its key."""
    return UNITS.get(key) or Unit(key)


def _zh(lang: str) -> bool:
    return str(lang).lower().replace("-", "_").startswith("zh")


# Tables derived from the registry, for readers that want one property of every unit.
TYPED_UNITS = frozenset(k for k, u in UNITS.items() if u.typed)
"""Units whose values are written as typed ("45%", "175B"); others as plain numbers."""
PLAIN_UNITS = frozenset(k for k, u in UNITS.items() if not u.in_header)
"""Units a header leaves out: the label already says it, or the cell shows it ("45%")."""
RAW_THRESHOLD = {k: u.raw_threshold for k, u in UNITS.items() if u.raw_threshold is not None}
"""A bare number at least this large is read as a raw count: "300e9" in a billions column."""
UNIT_HINT = {k: u.example for k, u in UNITS.items() if u.example}
"""An example value per unit, as typed."""
UNIT_FORMAT = {k: u.excel for k, u in UNITS.items() if u.excel}
"""The budget's number format per unit (money units take theirs by key, see io.budget_style)."""


def is_money(key: str) -> bool:
    """True for an amount in the scenario's currency ('money', 'money/day', …)."""
    return unit(key).money


class UnitError(RefusalError):
    """The text is not a number in the expected unit (its reason: not_number, not_fraction or
    unknown_unit)."""


def normalize(text: str) -> str:
    """Full-width characters to ASCII, thousands separators removed, trimmed."""
    t = unicodedata.normalize("NFKC", str(text)).strip()
    return _THOUSANDS.sub("", t)


def parse_quantity(text: str, unit_key: str) -> float:
    """Parse user text into a float in `unit_key` (the column's unit)."""
    entry = unit(unit_key)
    t = normalize(text)
    if entry.currency_text:
        t = _PER_HOUR.sub("", t)
        t = _CURRENCY.sub("", t).strip()
    if entry.style == PERCENT and t.endswith("%"):
        return _bare(t[:-1].strip(), text) / 100.0
    m = _NUMBER.match(t)
    if not m:
        raise UnitError("not_number", value=text)
    value, rest = float(m.group(1)), m.group(2).strip()
    if entry.words is not None:
        return _physical(value, rest, entry, text)
    return _count(value, rest, entry, text)


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


def _raw(value: float, entry: Unit) -> float:
    """A bare number in the unit, or a raw count converted when it is that large."""
    if entry.raw_threshold is not None and abs(value) >= entry.raw_threshold:
        return value * entry.raw_scale
    return value


def _count(value: float, rest: str, entry: Unit, original: str) -> float:
    factor, word = _split_suffix(rest)
    key = entry.key
    if word.lower() not in COUNT_WORDS and not (key and word.lower() == key.lower()):
        raise UnitError("unknown_unit", value=original, word=word)
    if entry.style == BILLIONS:
        return value * factor / 1e9 if factor != 1.0 else _raw(value, entry)
    if entry.style == PERCENT and factor != 1.0:
        raise UnitError("not_fraction", value=original)
    return value * factor


def _physical(value: float, rest: str, entry: Unit, original: str) -> float:
    if not rest:
        return _raw(value, entry)
    factor = entry.words.get(rest.lower().replace(" ", ""))
    if factor is not None:
        return value * factor
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


def _number(value: float) -> str:
    return si(value, 4) if abs(value) >= 1e4 else _sig(value, 4)


def format_value(value: float, unit_key: str, currency: str = "USD", lang: str = "en") -> str:
    """A value for display in a cell, with its unit ('$3.9K/day', '45%', '30 天' in Chinese)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str):  # a text result (train_layout)
        return value
    entry = unit(unit_key)
    zh = _zh(lang)
    if entry.style == MONEY:
        return format_money(value, currency) + (entry.per_zh if zh else entry.per)
    if entry.style == PERCENT:
        return f"{_sig(value * 100, 3)}%"
    if entry.style == BILLIONS:
        return si(value * 1e9)
    if entry.style == MEASURE:
        return f"{_sig(value, 4)} {entry.word(lang)}"
    if entry.style == COUNT:
        return _number(value)
    return f"{_number(value)} {entry.word(lang)}"


def localize_value(text: str, unit_key: str, lang: str) -> str:
    """Translate the unit at the end of an English formatted value ("30 days" -> "30 天")."""
    if not _zh(lang) or not text:
        return text
    entry = unit(unit_key)
    if entry.money:
        if entry.per and text.endswith(entry.per):
            return text[: -len(entry.per)] + entry.per_zh
        return text
    if entry.key and text.endswith(" " + entry.key):
        return text[: -len(entry.key)] + entry.word(lang)
    return text


def edit_text(value: object) -> str:
    """The text a cell shows when edited: exact enough to round-trip."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:.12g}"
    return str(value)


def typed_text(value: float, unit_key: str) -> str:
    """A value as a user would type it in its unit ('45%', '300B', '6.5M', '0.08')."""
    entry = unit(unit_key)
    if entry.typed:
        return format_value(value, unit_key)
    if abs(value) >= 1e4 and not entry.money:
        return si(float(value), 4)
    return edit_text(float(value))


# ---------------------------------------------------------------- units in headers

def unit_label(unit_key: str, lang: str = "en", currency: str = "") -> str:
    """The unit in words; a money unit becomes the currency ('USD/day', '人民币/天') when given."""
    entry = unit(unit_key)
    if entry.money and currency:
        zh = _zh(lang)
        return unit(currency).word(lang) + (entry.per_zh if zh else entry.per)
    return entry.word(lang)


def header_unit(unit_key: str, lang: str = "en", currency: str = "", *, named: bool = True,
                axis: bool = False) -> str:
    """What a header adds in parentheses for a unit ('' for nothing).

    `named`: the text is a label in words, so units it already says (tokens, GPUs) are left out;
    a key (the CLI) names every unit but a fraction, which its cells show as "45%".  Money shows as
    the currency when one is given (otherwise the cells or a Currency column say it).  `axis`: a
    chart axis, whose ticks show fractions as percentages, so a fraction reads "(%)".
    """
    entry = unit(unit_key)
    if entry.money:
        return unit_label(unit_key, lang, currency) if currency else ""
    if axis and entry.style == PERCENT:
        return "%"
    if not entry.key or entry.style in (PERCENT, TEXT) or (named and not entry.in_header):
        return ""
    return unit_label(unit_key, lang)


def with_unit(text: str, unit_key: str, lang: str = "en", currency: str = "", *,
              named: bool = True, axis: bool = False) -> str:
    """'Serving cost per day (USD/day)': a header's text followed by its unit when it adds one."""
    shown = header_unit(unit_key, lang, currency, named=named, axis=axis)
    return f"{text} ({shown})" if shown else text
