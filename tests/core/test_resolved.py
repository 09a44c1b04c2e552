"""One resolved-input path: evaluation reports each input as it used it (value, given or
default, unit, currency), and every display reads that."""

from core_data import SERVE, TRAIN, make_wb

from llmcost_gui.core.evaluate import Resolved
from llmcost_gui.core.variants import current_values, input_currency


def test_a_typed_scenario_value_is_given():
    wb = make_wb(TRAIN)
    assert wb.resolved(0, "train_mfu") == Resolved(0.5, True, "fraction")
    assert wb.resolved(0, "train_mfu").text() == "50%"


def test_a_blank_cell_resolves_to_its_default_or_to_blank():
    wb = make_wb({**SERVE, "tpot_target_s": None, "requests_per_user": None})
    assert wb.resolved(0, "tpot_target_s") == Resolved(0.05, False, "s")  # schema default 50 ms
    assert wb.resolved(0, "tpot_target_s").default_used
    assert wb.resolved(0, "requests_per_user").value == 10.0
    blank = wb.resolved(0, "train_gpus")  # no default
    assert blank == Resolved(None, False, "GPUs") and not blank.default_used
    assert blank.text() == "blank"


def test_assumptions_given_or_default():
    wb = make_wb(TRAIN, assumptions=(["key", "value"], [["pue", 1.5], ["usd_cny", None]]))
    assert wb.resolved(0, "pue") == Resolved(1.5, True, "ratio")
    assert wb.resolved(0, "usd_cny") == Resolved(7.1, False, "CNY/USD")  # blank: its default 7.1
    assert current_values(wb, "usd_cny")[0] == 7.1


def test_a_looked_up_price_carries_its_rows_currency():
    # card C costs 71,000 CNY; card H 10,000 USD (tests/core/conftest.py)
    wb = make_wb({**SERVE, "serve_hardware": "C", "serve_price": "PC"}, {**TRAIN, "train_hardware": "H"})
    price = wb.resolved(0, "serve_hardware.price")
    assert price == Resolved(71000.0, True, "money", "CNY")
    assert price.text() == "¥71K"
    assert wb.resolved(1, "train_hardware.price").text() == "$10K"
    assert wb.resolved(0, "serve_price.per_gpu_hour").text() == "¥7.1/GPU-h"
    assert input_currency(wb, 0, "serve_hardware.price") == "CNY"
    assert wb.resolved(0, "serve_hardware.memory_gb") == Resolved(20.0, True, "GB", "")


def test_current_values_read_the_resolved_defaults():
    wb = make_wb({**SERVE, "tpot_target_s": None}, {**TRAIN})
    values = current_values(wb, "tpot_target_s")
    assert values[0] == 0.05  # the default, as evaluation used it
    assert str(values[1]) == "nan"  # serving is not part of the training scenario
