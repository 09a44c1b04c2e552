"""The formula registry: every computed quantity declared once, as data.

Each :class:`Formula` has a key, a unit, an expression over named inputs and other formulas, the
stage it belongs to, a one-line description and a source.  The registry drives the vectorized
evaluation, the live formulas of the Excel budget, the formula bar and docs/formulas.md.

Names an expression may use: other formulas; scenario columns (``train_mfu``; a blank cell
inside an active stage takes the column default); ``scenario.<column>`` where a formula shadows
the column; global assumptions (``pue``); and lookups into the input tables,
``lookup(Hardware, "bf16_tflops", train_hardware)``.  Internally money is in USD and converted to
the scenario's currency (factor ``fx``) in the public results.
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass, field

from . import expr
from .formulas_memory import memory_formulas
from .formulas_serving import serving_formulas
from .formulas_shared import KAPLAN, peak_flops
from .formulas_training import GOODPUT, training_formulas
from .schema import ASSUMPTION_KEYS, SCENARIOS, TABLES

SPEC = "LLM Cost Workbench specification §2"
PF_DAY = "Amodei & Hernandez 2018, AI and Compute (OpenAI): 1 PF-day = 10¹⁵ FLOP/s for 86,400 s"
MFU = "Chowdhery et al. 2022, PaLM, Appendix B (model FLOPs utilization)"
LORA = "Hu et al. 2021, LoRA: frozen weights need no weight gradients (forward 2·N + input gradients 2·N)"
API_SOURCE = "the chosen ApiOffers row: the provider's published price per million tokens"
BREAKEVEN = ("self-hosting costs c·max(1, ⌈u/U⌉) per day for u daily users (c: one replica per day, "
             "U: its users), the API a·u; with x = c/(a·U) < 1, self-hosting never costs more from "
             "u = (⌈1/(1 − x)⌉ − 1)·c/a on (derivation in core/formulas.py)")
EPOCH = "Cottier et al. 2024 (Epoch AI), The rising costs of training frontier AI models: amortized hardware plus energy × PUE"


def _column_default(table: str, column: str):
    """The default of a looked-up column (None: a blank cell is an error, or the formula says)."""
    col = TABLES[table].by_name.get(column) if table in TABLES else None
    return None if col is None else col.default


@dataclass(frozen=True)
class Formula:
    """One computed quantity."""

    key: str
    unit: str
    expr: str
    doc: str
    stage: str = "identity"
    public: bool = True  # one of the result keys (results sheet, CLI); else a working value
    source: str = SPEC
    guard: str = ""  # a scenario column: blank makes this formula blank, as an unused stage does
    tree: ast.expr = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        tree = expr.parse(self.expr)
        if "lookup(" in self.expr:
            tree = expr.with_defaults(tree, _column_default)
        object.__setattr__(self, "tree", tree)

    @functools.cached_property
    def reads(self) -> frozenset[str]:
        """The names the formula reads (scenario columns without their 'scenario.' prefix) and the
        tables it looks up (found when first asked: incremental evaluation asks)."""
        return frozenset({n.removeprefix("scenario.") for n in expr.names(self.tree)}
                         | {table for table, _col, _key in expr.lookups(self.tree)})


def _card_usd(hw: str) -> str:
    """The listed price of card `hw`, in USD."""
    return (f'lookup(Hardware, "price", {hw}) / '
            f'where(lookup(Hardware, "price_currency", {hw}) == "CNY", usd_cny, 1)')


def _offer_usd(price: str, hw: str) -> str:
    """The hourly rate of offer `price` in USD, an error when the offer is for another card than `hw`."""
    return (f'where(lookup(Prices, "hardware", {price}) == {hw}, '
            f'lookup(Prices, "per_gpu_hour", {price}) / '
            f'where(lookup(Prices, "currency", {price}) == "CNY", usd_cny, 1), '
            f'fail("offer_other_card", col="{price}", col_hardware="{hw}"))')


def _stage_money(p: str, hw: str, price: str, label: str) -> list[Formula]:
    """Card price, power, rental and owned GPU-hour rates of one stage (p = prefix)."""
    stage = p
    return [
        F(f"{p}_card_usd", "USD", _card_usd(hw),
          f"Purchase price of one {label} card, in USD", stage, public=False),
        F(f"{p}_card_kw", "kW", f'lookup(Hardware, "tdp_w", {hw}) / 1000',
          f"Board power of one {label} card", stage, public=False),
        F(f"{p}_rent_usd_per_gpu_hour", "USD/GPU-h",
          f'where(isblank({price}), fail("no_rental_offer", col="{price}"), {_offer_usd(price, hw)})',
          f"Rental price of a {label} GPU-hour, in USD", stage, public=False),
        F(f"{p}_own_usd_per_gpu_hour", "USD/GPU-h",
          f"{p}_card_usd * (1 + server_overhead) / (24 * 365 * depreciation_years)"
          f" + {p}_card_kw * pue * electricity_per_kwh",
          f"Cost of an owned {label} GPU-hour: write-off plus power", stage, public=False, source=EPOCH),
    ]


F = Formula

# The prefill cards of a mixed fleet (serve_disagg yes, prefill_hardware another card, or
# prefill_price another offer): their purchase price, power and hourly rent, in USD.  Where
# prefill runs on the serving card at its offer, each is the serving card's, so the fleet's money
# is exactly serve_gpus × one card's rate.
_PREFILL_CARD = "prefill_own_card > 0"
# the fleet's cards at purchase, in USD: every card at the serving card's price, the prefill
# cards of a mixed fleet at the difference of theirs
_FLEET_CARDS_USD = "(serve_gpus * serve_card_usd + prefill_gpus * (prefill_card_usd - serve_card_usd))"

PREFILL_MONEY: tuple[Formula, ...] = (
    F("prefill_card_usd", "USD",
      f'where({_PREFILL_CARD}, {_card_usd("prefill_hardware")}, serve_card_usd)',
      "Purchase price of one prefill card, in USD", "serve", public=False),
    F("prefill_card_listed_price", "",
      f'where({_PREFILL_CARD}, lookup_or(Hardware, "price", prefill_hardware, -1), 0)',
      "The prefill card's price as listed (-1: none; 0 when prefill runs on the serving card)",
      "serve", public=False),
    F("prefill_card_kw", "kW",
      f'where({_PREFILL_CARD}, lookup(Hardware, "tdp_w", prefill_hardware) / 1000, serve_card_kw)',
      "Board power of one prefill card", "serve", public=False),
    F("prefill_rent_usd_per_gpu_hour", "USD/GPU-h",
      'where(serve_disagg == "yes", where(isblank(prefill_price), '
      f'where({_PREFILL_CARD}, fail("no_rental_offer", col="prefill_price"), serve_rent_usd_per_gpu_hour), '
      f"where({_PREFILL_CARD}, {_offer_usd('prefill_price', 'prefill_hardware')}, "
      f"{_offer_usd('prefill_price', 'serve_hardware')})), "
      "serve_rent_usd_per_gpu_hour)",
      "Rental price of a prefill GPU-hour, in USD: prefill_price, else the serving offer",
      "serve", public=False),
)

# API offers: what the chosen API would charge for the same traffic.
# Self-hosting costs S(u) = c · max(1, ⌈u / U⌉) per day for u daily users: c is the cost of one
# replica per day, U the daily users one replica serves at peak (serve_gpus rounds the GPUs up to
# whole replicas, and ⌈⌈y⌉ / r⌉ = ⌈y / r⌉ for whole r).  The API costs A(u) = a · u.  On the k-th
# step, (k-1)·U < u ≤ k·U, self-hosting costs no more than the API from u = k·c / a on; that point
# lies inside the step while k < 1 / (1 - x), x = c / (a·U).  So when x < 1 the last step where the
# API is still cheaper somewhere is k* = ⌈1 / (1 - x)⌉ - 1, and from u* = k*·c / a on self-hosting
# never costs more.  When x ≥ 1 (a replica costs more than the API charges for the users it
# serves) that point never comes.
_OFFER = "api_offer"
_API_ALWAYS_CHEAPER_IF = "replica_cost_per_day >= api_cost_per_replica"
_API_ALWAYS_CHEAPER = 'blank("self_host_never_cheaper")'
API_FORMULAS: tuple[Formula, ...] = (
    F("api_usd_per_request", "USD",
      f'(input_tokens * (cache_miss * lookup(ApiOffers, "input_per_million", {_OFFER}) + prefix_cache_hit * '
      f'lookup_or(ApiOffers, "cached_input_per_million", {_OFFER}, lookup(ApiOffers, "input_per_million", {_OFFER})))'
      f' + output_tokens * lookup(ApiOffers, "output_per_million", {_OFFER})) / 1e6 / '
      f'where(lookup(ApiOffers, "currency", {_OFFER}) == "CNY", usd_cny, 1)',
      "API price of one request: prompt tokens (cache hits at the offer's cached price, where it has "
      "one) and output tokens at the offer's prices, in USD", "serve",
      guard=_OFFER, public=False, source=API_SOURCE),
    F("api_cost_per_day", "money/day", "requests_per_day * api_usd_per_request * fx",
      "What the chosen API offer charges for the scenario's traffic per day", "serve", guard=_OFFER, source=API_SOURCE),
    F("api_vs_self_host", "ratio", "api_cost_per_day / serve_cost_per_day",
      "API cost ÷ self-hosted serving cost per day (above 1: self-hosting is cheaper)", "serve", guard=_OFFER),
    F("replica_cost_per_day", "money/day", "serve_cost_per_day / serve_gpus * replica_gpus",
      "Self-hosting cost of one replica per day: the height of one step", "serve", guard=_OFFER, public=False),
    F("replica_daily_users", "users",
      "replica_gpus * (1 - capacity_overhead) / gpu_seconds_per_request * daily_users / peak_requests_per_s",
      "Daily users one replica serves at peak: the width of one step", "serve", guard=_OFFER, public=False),
    F("api_cost_per_replica", "money/day", "api_cost_per_day / daily_users * replica_daily_users",
      "What the API charges per day for the users one replica serves", "serve", guard=_OFFER, public=False),
    F("breakeven_replicas", "",
      f"where({_API_ALWAYS_CHEAPER_IF}, {_API_ALWAYS_CHEAPER}, ceil(1 / (1 - replica_cost_per_day / api_cost_per_replica) - 1e-9) - 1)",
      "Replicas at the break-even: the last step on which the API is still cheaper somewhere", "serve",
      guard=_OFFER, public=False, source=BREAKEVEN),
    F("breakeven_daily_users", "users",
      f"where({_API_ALWAYS_CHEAPER_IF}, {_API_ALWAYS_CHEAPER}, breakeven_replicas * replica_cost_per_day * daily_users / api_cost_per_day)",
      "Daily users from which self-hosting (whole replicas) costs no more than the API", "serve",
      guard=_OFFER, source=BREAKEVEN),
)
API_KEYS = ("api_cost_per_day", "api_vs_self_host", "breakeven_daily_users")

FORMULAS: tuple[Formula, ...] = (
    # --- the model and the display currency
    F("fx", "ratio", 'where(currency == "CNY", usd_cny, 1)',
      "Display-currency units per USD", public=False),
    F("params", "params", 'lookup(Models, "params_b", model) * 1e9', "Total parameters N", public=False),
    F("active_params", "params", 'lookup_or(Models, "active_params_b", model, lookup(Models, "params_b", model)) * 1e9',
      "Parameters used per token Nₐ (MoE: active experts)", public=False),
    F("n_layers", "", 'lookup_or(Models, "layers", model, 0)', "Layers L (0 when unknown)", public=False),
    F("width", "", 'lookup_or(Models, "d_model", model, 0)', "Model width d (0 when unknown)", public=False),
    F("context", "tokens",
      'where(isblank(train_context), lookup_or(Models, "context_len", model, 0), train_context)',
      "Training context c: train_context, else the model's context_len", public=False),
    F("kv_share", "ratio",
      'lookup_or(Models, "n_kv_heads", model, lookup_or(Models, "n_heads", model, 1)) / '
      'lookup_or(Models, "n_heads", model, 1)',
      "Key/value heads ÷ attention heads (grouped-query attention)", public=False),
    F("flops_per_token", "FLOP", "2 * active_params + 2 * n_layers * context * width",
      "Forward FLOPs per token at the training context", source=KAPLAN),
    # --- pre-training
    F("train_flops", "FLOP", "3 * flops_per_token * train_tokens_b * 1e9",
      "Pre-training FLOPs: forward + backward (≈ 6·N·D)", "train", source=KAPLAN),
    F("train_pf_days", "PF-days", "train_flops / (1e15 * 86400)", "Pre-training compute in PF-days", "train", source=PF_DAY),
    F("train_peak", "FLOP/s", peak_flops("train_hardware", "train_precision"),
      "Dense peak of a training card at the training precision", "train", public=False),
    F("train_goodput_used", "fraction", "where(isblank(scenario.train_mfu), train_goodput, 1)",
      "Share of the run's wall-clock spent on steps that count: train_goodput when the MFU is predicted; "
      "1 when train_mfu is typed (a typed MFU is the utilization over the whole run)", "train",
      source=GOODPUT),
    F("train_gpu_hours", "GPU-h", "train_flops / (train_peak * train_mfu_used) / 3600 / train_goodput_used",
      "GPU-hours at the utilization used, over the share of wall-clock that counts",
      "train", source=f"{MFU}; {GOODPUT}"),
    F("train_gpus", "GPUs",
      "where(isblank(scenario.train_gpus), where(isblank(train_deadline_days), "
      'fail("cards_or_deadline"), '
      "ceil(train_gpu_hours / (24 * train_deadline_days))), scenario.train_gpus)",
      "Training cards: as given, or the fewest that meet the deadline", "train"),
    F("train_days", "days", "train_gpu_hours / train_gpus / 24 * train_fits",
      "Wall-clock training days (an error when the cards cannot hold the run)", "train"),
    *_stage_money("train", "train_hardware", "train_price", "training"),
    F("train_usd_per_gpu_hour", "USD/GPU-h",
      'where(procurement == "buy", train_own_usd_per_gpu_hour, '
      "train_rent_usd_per_gpu_hour * (1 - train_discount))",
      "Price of a training GPU-hour: owned rate, or rent less discount", "train", public=False),
    F("train_cost", "money", "train_gpu_hours * train_usd_per_gpu_hour * fx * train_fits",
      "Pre-training cost (rented GPU-hours already include power)", "train"),
    F("train_capex", "money", "train_gpus * train_card_usd * (1 + server_overhead) * fx * train_fits",
      "Purchase cost of the training cluster, servers included", "train"),
    F("train_energy_kwh", "kWh", "train_gpu_hours * train_card_kw * pue", "Training energy incl. PUE", "train", source=EPOCH),
    F("train_energy_cost", "money", "train_energy_kwh * electricity_per_kwh * fx",
      "Training electricity cost", "train"),
    # --- fine-tuning
    F("ft_flops", "FLOP",
      'switch(ft_method, "full", 6, "lora", 4, "qlora", 4, "top_layers", 2 + 4 * ft_trainable_fraction)'
      " * active_params * ft_tokens_b * 1e9 * ft_epochs",
      "Fine-tuning FLOPs: full 6·Nₐ, LoRA and QLoRA 4·Nₐ, top layers (2 + 4f)·Nₐ per token", "ft",
      source=LORA),
    F("ft_peak", "FLOP/s", peak_flops("ft_hardware", "ft_precision"),
      "Dense peak of a fine-tuning card", "ft", public=False),
    F("ft_gpu_hours", "GPU-h", "ft_flops / (ft_peak * ft_mfu_used) / 3600", "Fine-tuning GPU-hours at the "
      "utilization used", "ft", source=MFU),
    *_stage_money("ft", "ft_hardware", "ft_price", "fine-tuning"),
    F("ft_cost", "money",
      'ft_gpu_hours * where(procurement == "buy", ft_own_usd_per_gpu_hour, ft_rent_usd_per_gpu_hour) * fx'
      " * where(ft_min_gpus >= 1, 1, 0)",
      "Fine-tuning cost (an error when no number of cards holds the run)", "ft"),
    # --- serving: traffic
    F("requests_per_day", "requests", "daily_users * requests_per_user", "Requests per day", "serve"),
    F("tokens_per_day", "tokens", "requests_per_day * (input_tokens + output_tokens)",
      "Tokens per day, prompt and output", "serve"),
    F("peak_requests_per_s", "requests/s", "requests_per_day / 86400 * peak_factor",
      "Requests per second at peak", "serve"),
    # --- serving: work per request, batch, latency (core/formulas_serving.py)
    *serving_formulas(Formula),
    *_stage_money("serve", "serve_hardware", "serve_price", "serving"),
    # a mixed fleet (core/formulas_serving.py): the prefill cards at their own card's price and
    # offer; every card is first priced at the serving card's rate, and the prefill cards add the
    # difference of their rate (0 when prefill runs on the serving card at its offer)
    *PREFILL_MONEY,
    F("serve_capex", "money",
      'where(procurement == "rent", where(min(lookup_or(Hardware, "price", serve_hardware, -1), '
      "prefill_card_listed_price) < 0, "
      f'blank("rented_card_without_price"), {_FLEET_CARDS_USD} * (1 + server_overhead) * fx), '
      f"{_FLEET_CARDS_USD} * (1 + server_overhead) * fx)",
      "Purchase cost of the serving fleet, servers included, prefill cards at their own price "
      "(blank for rented cards without a price)", "serve"),
    F("serve_gpus_paid", "GPUs",
      'where(procurement == "buy", serve_gpus, where(autoscale == "yes", serve_gpus_avg, serve_gpus))',
      "Cards paid for by the day: the average fleet when rented cards follow the traffic "
      "(autoscale), else the peak fleet", "serve", public=False),
    F("prefill_gpus_paid", "GPUs",
      'where(procurement == "buy", prefill_gpus, where(autoscale == "yes", prefill_gpus_avg, prefill_gpus))',
      "Prefill cards among those paid for by the day (0 unless prefill runs apart)", "serve", public=False),
    F("serve_energy_kwh_per_day", "kWh/day",
      "(serve_gpus_paid * serve_card_kw + prefill_gpus_paid * (prefill_card_kw - serve_card_kw)) * 24 * pue",
      "Serving energy per day incl. PUE, prefill cards at their own power", "serve", source=EPOCH),
    F("serve_cost_per_day", "money/day",
      f'where(procurement == "buy", {_FLEET_CARDS_USD} * (1 + server_overhead) / '
      "(365 * depreciation_years) + serve_energy_kwh_per_day * electricity_per_kwh, "
      "serve_gpus_paid * 24 * serve_rent_usd_per_gpu_hour + prefill_gpus_paid * 24 * "
      "(prefill_rent_usd_per_gpu_hour - serve_rent_usd_per_gpu_hour)) * (1 + ops_overhead) * fx",
      "Serving cost per day: rent (the average fleet with autoscale), or write-off plus power, "
      "prefill cards of a mixed fleet at their own card's rate; plus operations", "serve"),
    F("cost_per_million_tokens", "money", "serve_cost_per_day / tokens_per_day * 1e6",
      "Serving cost per million tokens", "serve"),
    F("cost_per_request", "money", "serve_cost_per_day / requests_per_day", "Serving cost per request", "serve"),
    F("cost_per_user_month", "money", "serve_cost_per_day / daily_users * 30",
      "Serving cost per user per 30-day month", "serve"),
    # --- totals
    F("daily_total", "money/day", "zero_if_blank(serve_cost_per_day) + (zero_if_blank(train_cost) + zero_if_blank(ft_cost)) / amortization_days",
      "Serving per day plus training and fine-tuning spread over amortization_days", "money"),
    F("monthly_total", "money", "annual_total / 12", "A twelfth of the annual total", "money"),
    F("annual_total", "money", "daily_total * 365", "Daily total × 365 days", "money"),
    F("capex_total", "money", 'where(procurement == "buy", zero_if_blank(train_capex) + zero_if_blank(serve_capex), 0)',
      "Up-front purchase when buying (0 when renting)", "money"),
    # budget summary: recurring serving money per year and month, and the one-off
    # and recurring amounts in USD for the Summary chart (scenarios may differ in currency)
    F("serve_cost_per_year", "money", "serve_cost_per_day * 365", "Serving cost per 365-day year",
      "serve", public=False),
    F("serve_cost_per_month", "money", "serve_cost_per_year / 12",
      "Serving cost per month: a twelfth of the year", "serve", public=False),
    F("training_usd", "USD", "(zero_if_blank(train_cost) + zero_if_blank(ft_cost)) / fx",
      "Pre-training plus fine-tuning, in USD", "money", public=False),
    F("capex_usd", "USD", "capex_total / fx", "Up-front purchase, in USD", "money", public=False),
    F("serve_usd_per_year", "USD", "zero_if_blank(serve_cost_per_year) / fx", "Serving cost per year, in USD",
      "money", public=False),
    *API_FORMULAS,
    # --- training and fine-tuning memory (core/formulas_memory.py)
    *memory_formulas(F),
    # --- training at scale: layout, memory per card, predicted MFU (core/formulas_training.py)
    *training_formulas(F),
)

# the public results (results grid, CLI, budget), in the order they are declared
RESULT_KEYS: tuple[str, ...] = tuple(f.key for f in FORMULAS if f.public)


class RegistryError(ValueError):
    """The registry refers to an unknown name or has a cycle."""


def _check_lookups(f: Formula) -> None:
    """Every lookup names an input table and one of its columns (arity and argument kinds are
    checked when the expression is parsed)."""
    for table, column, _key in expr.lookups(f.tree):
        if table not in TABLES or table == "Scenarios":
            raise RegistryError(f"{f.key}: unknown table {table!r} in a lookup")
        if column not in TABLES[table].by_name:
            raise RegistryError(f"{f.key}: {table} has no column {column!r}")


def build(formulas: tuple[Formula, ...] = FORMULAS) -> dict[str, Formula]:
    """Check names and order the formulas so that each comes after what it reads."""
    by_key = {f.key: f for f in formulas}
    if len(by_key) != len(formulas):
        raise RegistryError("duplicate formula key")
    inputs = set(SCENARIOS.column_names) | set(ASSUMPTION_KEYS)
    deps: dict[str, set[str]] = {}
    for f in formulas:
        used = expr.names(f.tree)
        for name in used:
            base = name.removeprefix("scenario.")
            if name not in by_key and base not in inputs:
                raise RegistryError(f"{f.key}: unknown name {name!r}")
        _check_lookups(f)
        deps[f.key] = {n for n in used if n in by_key}
    ordered: list[str] = []
    state: dict[str, int] = {}

    def visit(k, path):
        if state.get(k) == 2:
            return
        if state.get(k) == 1:
            raise RegistryError("cycle: " + " -> ".join([*path, k]))
        state[k] = 1
        for d in sorted(deps[k]):
            visit(d, [*path, k])
        state[k] = 2
        ordered.append(k)

    for f in formulas:
        visit(f.key, [])
    return {k: by_key[k] for k in ordered}


REGISTRY: dict[str, Formula] = build()


@functools.lru_cache(maxsize=1024)
def inputs_of(key: str) -> frozenset[str]:
    """Every input a result depends on, directly or through other formulas: scenario columns,
    assumption keys, and looked-up properties as ``<reference column>.<column>`` (found once per
    result: the registry does not change, and walking its trees takes a tenth of a second)."""
    seen: set[str] = set()
    out: set[str] = set()
    todo = [key]
    while todo:
        f = REGISTRY[todo.pop()]
        if f.key in seen:
            continue
        seen.add(f.key)
        for name in expr.names(f.tree):
            if name in REGISTRY:
                todo.append(name)
            else:
                out.add(name.removeprefix("scenario."))
        for _table, column, key_node in expr.lookups(f.tree):
            out.add(f"{ast.unparse(key_node)}.{column}")
    return frozenset(out)
