"""Errors are values: a missing, invalid or dangling input gives a reason, never an exception."""

from core_data import SERVE, TRAIN

from llmcost_gui.core.evaluate import NOT_USED


def err(wb, key, row=0):
    return wb.results.error(row, key)


def test_dangling_model_reference(mini):
    wb = mini({**TRAIN, "model": "nope"})
    assert err(wb, "train_flops") == "model 'nope' not found in Models"
    assert err(wb, "daily_total") == "model 'nope' not found in Models"


def test_missing_required_hardware(mini):
    wb = mini({**TRAIN, "train_hardware": None})
    assert "train_hardware is blank" in err(wb, "train_gpu_hours")
    assert err(wb, "train_flops") is None  # FLOPs do not need the card


def test_missing_peak_at_precision(mini):
    wb = mini({**TRAIN, "train_hardware": "C", "train_price": "PC", "train_precision": "fp8"})
    assert err(wb, "train_gpu_hours") == "Hardware 'C' has no fp8_tflops"


def test_neither_gpus_nor_deadline(mini):
    wb = mini({**TRAIN, "train_gpus": None})
    assert err(wb, "train_gpus") == "give train_gpus or train_deadline_days"
    assert err(wb, "train_days") == "give train_gpus or train_deadline_days"
    assert err(wb, "train_cost") is None  # the cost does not depend on the card count


def test_rent_without_offer(mini):
    wb = mini({**TRAIN, "train_price": None})
    assert "choose a rental offer in train_price" in err(wb, "train_cost")


def test_offer_for_another_card(mini):
    wb = mini({**TRAIN, "train_price": "PC"})
    assert "train_price is an offer for another card" in err(wb, "train_cost")


def test_out_of_domain_value_in_tables_is_an_error_value(mini):
    wb = mini(TRAIN)
    wb.tables["Scenarios"].data["train_mfu"][0] = 1.5  # bypassing validation, as a bad file could
    wb.tables["Scenarios"]._touch("train_mfu")
    wb.recalculate()
    assert err(wb, "train_gpu_hours") == "train_mfu must be a number in (0, 1]"


def test_bad_assumption(mini):
    wb = mini(SERVE)
    t = wb.tables["Assumptions"]
    t.data["value"][t.data["key"].index("pue")] = 0.5  # bypassing validation
    t._touch("value")
    wb.recalculate()
    assert err(wb, "serve_energy_kwh_per_day") == "assumption pue must be a number in [1, inf)"


def test_unused_stage_is_blank_not_error(mini):
    wb = mini(TRAIN)
    assert wb.results.is_blank(0, "serve_gpus")
    assert err(wb, "serve_gpus") == NOT_USED
    assert err(wb, "daily_total") is None


def test_serving_error_reaches_totals(mini):
    wb = mini({**SERVE, "serve_hardware": "gone"})
    assert err(wb, "daily_total") == "serve_hardware 'gone' not found in Hardware"


def test_defaults_are_reported(mini):
    wb = mini({**TRAIN, "train_mfu": None})
    assert bool(wb.results.defaults["train_mfu"][0])
    assert not bool(wb.results.defaults["peak_factor"][0])  # serving not used: no default taken
