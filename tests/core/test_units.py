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


# ---------------------------------------------------------------- the unit registry

def _units_in_use():
    from llmcost_gui.core.formulas import REGISTRY
    from llmcost_gui.core.schema import ASSUMPTION_KEYS, TABLES

    used = {c.unit for t in TABLES.values() for c in t.columns}
    used |= {c.unit for c in ASSUMPTION_KEYS.values()}
    return used | {f.unit for f in REGISTRY.values()}


def test_every_unit_in_use_has_an_entry():
    from llmcost_gui.core.units import UNITS

    assert _units_in_use() - set(UNITS) == set()


def test_derived_tables():
    from llmcost_gui.core import units

    assert units.TYPED_UNITS == {"B params", "B tokens", "fraction", "TFLOPS", "TOPS", "GB", "TB/s", "W"}
    assert units.is_money("money/day") and units.is_money("money") and not units.is_money("USD/GPU-h")
    assert units.RAW_THRESHOLD == {k: 1e6 for k in ("B params", "B tokens", "TFLOPS", "TOPS", "GB", "TB/s")}
    assert units.UNIT_FORMAT["fraction"] == "0.0%" and units.UNIT_FORMAT["FLOP"] == "0.00E+00"
    assert "tokens" in units.PLAIN_UNITS and "days" not in units.PLAIN_UNITS


def test_chinese_format_equals_translated_english():
    from llmcost_gui.core.units import UNITS, format_value, localize_value

    for key in UNITS:
        for value in (0.45, 30.0, 12_345.0):
            en = format_value(value, key, "CNY")
            assert format_value(value, key, "CNY", "zh_CN") == localize_value(en, key, "zh_CN"), key
    assert format_value(30.0, "days", lang="zh_CN") == "30 天"
    assert format_value(3900.0, "money/day", "CNY", "zh_CN") == "¥3.9K/天"


def test_with_unit():
    from llmcost_gui.core.units import with_unit

    assert with_unit("Serving cost", "money/day", "en", "USD") == "Serving cost (USD/day)"
    assert with_unit("Serving cost", "money/day", "zh_CN", "CNY") == "Serving cost (人民币/天)"
    assert with_unit("Price", "money") == "Price"  # no currency: the cells say it
    assert with_unit("Serving cards", "GPUs") == "Serving cards"
    assert with_unit("serve_gpus", "GPUs", named=False) == "serve_gpus (GPUs)"
    assert with_unit("serve_mfu", "fraction", named=False) == "serve_mfu"
    assert with_unit("Serving MFU", "fraction", axis=True) == "Serving MFU (%)"
    assert with_unit("Training time", "days", "zh_CN") == "Training time (天)"
