"""Unit-aware input and display formatting."""

import pytest

from llmcost_gui.core.units import UnitError, format_money, format_value, parse_quantity, si


@pytest.mark.parametrize("text,unit,value", [
    ("175B", "B params", 175.0),
    ("1.8T", "B params", 1800.0),
    ("13T", "B tokens", 13000.0),
    ("300e9", "B tokens", 300.0),
    ("300", "B tokens", 300.0),
    ("175 B params", "B params", 175.0),
    ("80 GB", "GB", 80.0),
    ("80GiB", "GB", 85.89934592),
    ("1.5 TB", "GB", 1500.0),
    ("3.35 TB/s", "TB/s", 3.35),
    ("3350 GB/s", "TB/s", 3.35),
    ("45%", "fraction", 0.45),
    ("０．４", "fraction", 0.4),
    ("0.45", "fraction", 0.45),
    ("13M", "users", 13e6),
    ("1300万", "users", 13e6),
    ("1,000", "users", 1000.0),
    ("312 TFLOPS", "TFLOPS", 312.0),
    ("0.312 PFLOPS", "TFLOPS", 312.0),
    ("312e12", "TFLOPS", 312.0),
    ("700 W", "W", 700.0),
    ("0.7 kW", "W", 700.0),
    ("$1,599", "money", 1599.0),
    ("¥100,000", "money", 100000.0),
    ("2.27 USD/h", "money/GPU-h", 2.27),
    ("$2.27/GPU-hour", "money/GPU-h", 2.27),
    ("90 days", "days", 90.0),
    ("3 months", "days", 90.0),
    ("48 months", "years", 4.0),
    ("128K", "tokens", 128000.0),
])
def test_parse(text, unit, value):
    assert parse_quantity(text, unit) == pytest.approx(value)


@pytest.mark.parametrize("text,unit", [("abc", "B params"), ("80 parsecs", "GB"), ("12%%", "fraction"),
                                       ("5 apples", "users"), ("", "GB"), ("3M", "fraction")])
def test_parse_rejects(text, unit):
    with pytest.raises(UnitError):
        parse_quantity(text, unit)


@pytest.mark.parametrize("value,text", [(3.15e23, "3.15e23"), (1_059_118, "1.06M"), (0.4, "0.4"),
                                        (467_415, "467K"), (12.5, "12.5"), (0, "0"), (999.9, "1,000")])
def test_si(value, text):
    assert si(value) == text


def test_format():
    assert format_money(1_059_118, "USD") == "$1.06M"
    assert format_money(3_760_000, "CNY") == "¥3.76M"
    assert format_value(0.4, "fraction") == "40%"
    assert format_value(175, "B params") == "175B"
    assert format_value(3.35, "TB/s") == "3.35 TB/s"
    assert format_value(2500.0, "money/day", "CNY") == "¥2.5K/day"
    assert format_value(6160.27, "PF-days") == "6,160 PF-days"
