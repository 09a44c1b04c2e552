"""Errors are values: a missing, invalid or dangling input gives a reason, never an exception."""

from core_data import SERVE, TRAIN

from llmcost_gui.core.reasons import NOT_USED, Reason, domain_of
from llmcost_gui.core.schema import ASSUMPTION_KEYS, SCENARIOS


def err(wb, key, row=0):
    return wb.results.error(row, key)


def test_dangling_model_reference(mini):
    wb = mini({**TRAIN, "model": "nope"})
    assert err(wb, "train_flops") == Reason.of("not_found", col="model", name="nope", table="Models")
    assert err(wb, "daily_total") == err(wb, "train_flops")
    assert str(err(wb, "train_flops")) == "Model “nope” is not in Models"


def test_missing_required_hardware(mini):
    wb = mini({**TRAIN, "train_hardware": None})
    assert err(wb, "train_gpu_hours") == Reason.of("blank_needed", col="train_hardware", stage="train")
    assert str(err(wb, "train_gpu_hours")) == "Training hardware is blank; pre-training needs it"
    assert err(wb, "train_flops") is None  # FLOPs do not need the card


def test_missing_peak_at_precision(mini):
    wb = mini({**TRAIN, "train_hardware": "C", "train_price": "PC", "train_precision": "fp8"})
    assert err(wb, "train_gpu_hours") == Reason.of("row_lacks", table="Hardware", name="C", col="fp8_tflops")


def test_neither_gpus_nor_deadline(mini):
    wb = mini({**TRAIN, "train_gpus": None})
    assert err(wb, "train_gpus") == Reason("cards_or_deadline")
    assert err(wb, "train_days") == Reason("cards_or_deadline")
    assert str(err(wb, "train_gpus")) == "give Training GPUs or Training deadline"
    assert err(wb, "train_cost") is None  # the cost does not depend on the card count


def test_rent_without_offer(mini):
    wb = mini({**TRAIN, "train_price": None})
    assert err(wb, "train_cost") == Reason.of("no_rental_offer", col="train_price")


def test_offer_for_another_card(mini):
    wb = mini({**TRAIN, "train_price": "PC"})
    assert err(wb, "train_cost") == Reason.of("offer_other_card", col="train_price", col_hardware="train_hardware")


def test_out_of_domain_value_in_tables_is_an_error_value(mini):
    wb = mini(TRAIN)
    wb.tables["Scenarios"].data["train_mfu"][0] = 1.5  # bypassing validation, as a bad file could
    wb.tables["Scenarios"]._touch("train_mfu")
    wb.recalculate()
    assert err(wb, "train_gpu_hours") == Reason.of(
        "outside_domain", col="train_mfu", domain=domain_of(SCENARIOS.by_name["train_mfu"]))
    assert str(err(wb, "train_gpu_hours")) == "Training MFU must be a number > 0% and ≤ 100%"


def test_bad_assumption(mini):
    wb = mini(SERVE)
    t = wb.tables["Assumptions"]
    t.data["value"][t.data["key"].index("pue")] = 0.5  # bypassing validation
    t._touch("value")
    wb.recalculate()
    assert err(wb, "serve_energy_kwh_per_day") == Reason.of(
        "outside_domain", col="pue", domain=domain_of(ASSUMPTION_KEYS["pue"]))
    assert str(err(wb, "serve_energy_kwh_per_day")) == "PUE must be a number ≥ 1"


def test_unused_stage_is_blank_not_error(mini):
    wb = mini(TRAIN)
    assert wb.results.is_blank(0, "serve_gpus")
    assert err(wb, "serve_gpus") == NOT_USED
    assert err(wb, "daily_total") is None


def test_serving_error_reaches_totals(mini):
    wb = mini({**SERVE, "serve_hardware": "gone"})
    assert err(wb, "daily_total") == Reason.of("not_found", col="serve_hardware", name="gone", table="Hardware")


def test_defaults_are_reported(mini):
    wb = mini({**TRAIN, "train_discount": None})
    assert bool(wb.results.defaults["train_discount"][0])
    assert not bool(wb.results.defaults["peak_factor"][0])  # serving not used: no default taken
