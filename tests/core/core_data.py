"""A tiny hand-checkable workbook: round numbers so every result can be computed by hand.

A module of its own (not conftest.py): test modules import it by a name no other folder uses."""

from llmcost_gui.io.records import build_workbook

MODELS = (["name", "params_b", "active_params_b", "layers", "d_model", "n_heads", "n_kv_heads", "context_len",
           "n_experts", "experts_per_token"],
          [["M", 10, None, 10, 1000, 10, 5, 1000, None, None],
           ["MoE", 100, 10, None, None, None, None, None, None, None],
           ["E8", 100, 30, 10, 1000, 10, 5, 1000, 8, 2]])
HARDWARE = (["name", "fp32_tflops", "bf16_tflops", "fp8_tflops", "int8_tops", "memory_gb", "bandwidth_tbs",
             "tdp_w", "price", "price_currency", "interconnect_gbs"],
            [["H", 10, 100, 200, 200, 40, 1, 500, 10000, "USD", 100],
             ["C", 5, 50, None, 100, 20, 0.5, 250, 71000, "CNY", 50]])
PRICES = (["name", "hardware", "per_gpu_hour", "currency"],
          [["P", "H", 2, "USD"], ["PC", "C", 7.1, "CNY"]])
APIS = (["name", "model", "input_per_million", "output_per_million", "currency"],
        [["A", "M", 1, 2, "USD"], ["AC", None, 7.1, 14.2, "CNY"]])
ASSUMPTIONS = (["key", "value"],
               [["usd_cny", 7.1], ["electricity_per_kwh", 0.1], ["pue", 1.5], ["depreciation_years", 2],
                ["server_overhead", 0.5], ["ops_overhead", 0.2], ["memory_reserve", 0.1]])
TRAIN = {"name": "T", "model": "M", "train_tokens_b": 100, "train_hardware": "H", "train_price": "P",
         "train_mfu": 0.5, "train_gpus": 100}
FT = {"name": "F", "model": "M", "ft_tokens_b": 1, "ft_epochs": 2, "ft_method": "full", "ft_hardware": "H",
      "ft_price": "P", "ft_mfu": 0.25}
SERVE = {"name": "S", "model": "M", "daily_users": 86400, "requests_per_user": 1, "input_tokens": 100,
         "output_tokens": 100, "peak_factor": 2, "serve_hardware": "H", "serve_price": "P", "serve_mfu": 0.5,
         "bandwidth_eff": 0.5, "batch_size": 10, "capacity_overhead": 0.5}


def make_wb(*scenarios: dict, assumptions=ASSUMPTIONS, apis=APIS):
    cols = sorted({k for s in scenarios for k in s}, key=lambda c: (c != "name", c))
    rows = [[s.get(c) for c in cols] for s in scenarios]
    return build_workbook({"Models": MODELS, "Hardware": HARDWARE, "Prices": PRICES, "ApiOffers": apis,
                           "Assumptions": assumptions, "Scenarios": (cols, rows)})
