"""Finding the plan: every card, offer, precision and layout the workbook allows for one scenario,
evaluated at once, checked against the scenario's targets and ranked by cost (SPEC §7).

A *plan* is a copy of the scenario with some inputs replaced: the card and its rental offer (or
the card alone when the scenario buys), the precision, the parallel layout, the batch cap and
whether prefill runs apart.  The values each input may take are declared as data
(:data:`SERVE_DIMENSIONS`, :data:`TRAIN_DIMENSIONS`, :data:`FT_DIMENSIONS`); their product, less the combinations a
card cannot run (fp8 without an fp8 peak, expert parallelism for a dense model), is one variant
table evaluated by :func:`variants.evaluate_variants` in one vectorized pass, so every plan's
figures are exactly what the scenario's cells would show with those inputs typed in.

Serving plans are ranked by ``serve_cost_per_day``, training plans by ``train_cost``,
fine-tuning plans by ``ft_cost``, in the scenario's currency; feasible plans first.  A plan is
feasible when its cost has a value (it fits in memory, a batch meets the targets at full load,
the offer is for its card) and its ``ttft_s`` and ``tpot_s`` at the peak meet ``ttft_target_s`` and ``tpot_target_s`` (training:
``train_days`` within ``train_deadline_days``; fine-tuning: its cost has a value, i.e. some
number of cards holds the run).  The Pareto flag marks the feasible plans that no other feasible
plan beats on both cost and latency (``tpot_s``; training: ``train_days``; fine-tuning, which
has no card count and no deadline, ``ft_gpu_hours``).

Fine-tuning varies the card and offer, ``ft_precision`` and, only where ``ft_method`` is blank,
the method (full, lora, qlora): a typed method is the user's choice and stays as typed;
``top_layers`` is tried only when typed (it trains the share ``ft_trainable_fraction`` says).
A fine-tuning plan runs on its fewest cards (``ft_min_gpus``); its cost does not depend on the
count.

Mixed serving fleets: with prefill apart (``serve_disagg`` yes) the prefill replicas may run on
another card (``prefill_hardware``, ``prefill_price``).  After the single-card plans, each
disaggregated plan whose replica holds its batch is tried again with its prefill on the
:data:`MIXED_PREFILL_CARDS` cheapest other card-and-offer pairs per prompt at its precision
(prefill GPU-seconds × the hourly rate, from the single-card plans), in a second vectorized pass;
a mixed plan is kept (``mixed``) only when it meets the targets and costs less than every
feasible single-card plan, and :attr:`Plans.mixed_gain` names the best one's cards and saving.
Single-card plans leave both columns blank.

The scenario as typed is one of the plans (``current``), added when the search's values do not
include it, so the cheapest plan can be compared with it.

Not varied: the model, the traffic, the efficiencies (``serve_mfu``, ``bandwidth_eff``,
``train_mfu``, ``ft_mfu``), ``prefix_cache_hit``, ``autoscale``, ``procurement``, the currency,
training and fine-tuning sharding, micro-batch and context, ``ft_lora_rank``, and the
assumptions; a card without an offer is left out when renting, and a card without a purchase
price when buying.  A mixed fleet's prefill replica has as many cards as its decode replica;
its card count is not searched apart, and only the cheapest prefill cards per prompt are tried.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np

from .reasons import Reason
from .variants import AnalysisError, evaluate_variants, scenario_row

# ------------------------------------------------------------------ the search space, as data

# Scenario column -> the values a plan tries (None = blank: the formulas choose).  The card and
# offer come from the workbook (:func:`_cards`); the rules below drop combinations that cannot run.
SERVE_DIMENSIONS: dict[str, tuple] = {
    "serve_precision": ("bf16", "fp8", "int8", "int4"),
    "kv_precision": (None, "fp8"),
    "serve_tp": (None, 1, 2, 4, 8),
    "serve_ep": (None, 8, 16, 32, 64),  # a mixture of experts only
    "batch_size": (None, 32, 64, 128),
    "serve_disagg": ("no", "yes"),
}
TRAIN_DIMENSIONS: dict[str, tuple] = {
    "train_precision": ("bf16", "fp8"),
}
# Fine-tuning: the method is varied only where the user leaves ft_method blank (a typed method is
# the user's choice, kept as typed); then the three methods that adapt the whole model are tried.
# top_layers trains what ft_trainable_fraction says, a choice of its own: tried only when typed.
FT_DIMENSIONS: dict[str, tuple] = {
    "ft_precision": ("bf16", "fp8"),
    "ft_method": ("full", "lora", "qlora"),
}
# a precision is tried only on a card with a peak for it (int4: weights only, 16-bit arithmetic)
PRECISION_PEAK = {"bf16": "bf16_tflops", "fp8": "fp8_tflops", "int8": "int8_tops", "int4": "bf16_tflops"}


@dataclass(frozen=True)
class StageSpec:
    """What a stage's search varies, and how its plans are judged."""

    stage: str
    hardware: str  # the card column
    price: str  # the offer column
    precision: str
    dimensions: dict[str, tuple]
    cost: str  # ranking key
    latency: str  # the other axis of the Pareto front
    shown: tuple[str, ...]  # results each plan reports
    extra: tuple[str, ...] = ()  # inputs a plan also sets (blank in most plans)
    also: tuple[str, ...] = ()  # results a plan also reports (the training layout chosen, its MFU)


STAGES: dict[str, StageSpec] = {
    "serve": StageSpec("serve", "serve_hardware", "serve_price", "serve_precision", SERVE_DIMENSIONS,
                       "serve_cost_per_day", "tpot_s",
                       ("serve_gpus", "replica_gpus", "serve_batch", "serve_cost_per_day",
                        "cost_per_million_tokens", "ttft_s", "tpot_s"),
                       ("prefill_hardware", "prefill_price")),
    "train": StageSpec("train", "train_hardware", "train_price", "train_precision", TRAIN_DIMENSIONS,
                       "train_cost", "train_days", ("train_gpus", "train_days", "train_cost"),
                       also=("train_layout", "train_mfu_used")),
    # fine-tuning has no card count or deadline: a plan runs on its fewest cards (ft_min_gpus), its
    # cost does not depend on the count, and its other axis is the GPU-hours it needs
    "ft": StageSpec("ft", "ft_hardware", "ft_price", "ft_precision", FT_DIMENSIONS,
                    "ft_cost", "ft_gpu_hours", ("ft_min_gpus", "ft_gpu_hours", "ft_cost"),
                    also=("ft_layout", "ft_mfu_used")),
}
MIXED_PREFILL_CARDS = 2  # prefill offers tried with each decode plan: the cheapest per prefill token
NUMERIC = ("serve_tp", "serve_ep", "batch_size", "train_gpus")  # varied through numeric overrides
TOLERANCE = 1e-9  # relative slack when a latency is compared with its target


# ------------------------------------------------------------------ the answer


@dataclass
class Plans:
    """Plans of one scenario and stage, ranked: feasible first, cheapest first."""

    scenario: str
    stage: str
    currency: str
    inputs: dict[str, np.ndarray]  # scenario column -> value per plan (None = blank)
    results: dict[str, np.ndarray]  # result key -> value per plan (NaN = none)
    feasible: np.ndarray
    pareto: np.ndarray
    reasons: list  # Reason per plan (None when feasible)
    evaluated: int  # plans evaluated (before `top`)
    families: list = field(default_factory=list)  # (card, offer, reason, plans) of infeasible ones
    closest: Reason | None = None  # when no plan is feasible: the target closest to being met
    feasible_count: int = 0  # feasible plans among all evaluated (before `top`)
    current: np.ndarray | None = None  # True for the plan the scenario holds as typed
    typed: dict | None = None  # that plan's record with its "rank" (1 = the best), kept past `top`
    mixed: np.ndarray | None = None  # True for a mixed fleet: prefill on another card than decode
    mixed_tried: int = 0  # mixed plans evaluated (kept only where they beat every single-card plan)
    mixed_gain: tuple | None = None  # (prefill card, decode card, saving as a fraction) of the best plan

    def __len__(self) -> int:
        return len(self.feasible)

    @property
    def cost_key(self) -> str:
        return STAGES[self.stage].cost

    def records(self, lang: str = "en") -> list[dict]:
        """One dict per plan, in rank order: its inputs by column key, its results by result key,
        ``feasible``, ``pareto`` and, when infeasible, ``reason`` in words of `lang`."""
        return [self.record(i, lang) for i in range(len(self))]

    def record(self, i: int, lang: str = "en") -> dict:
        """The plan at rank `i` (0 = the best) as :meth:`records` gives it."""
        from . import labels

        rec = {"stage": self.stage}
        for k, v in self.inputs.items():
            rec[k] = _plain(v[i])
        for k, v in self.results.items():
            if v.dtype == object:  # a text result
                rec[k] = v[i]
                continue
            x = float(v[i])
            rec[k] = None if np.isnan(x) else x
        rec["feasible"] = bool(self.feasible[i])
        rec["pareto"] = bool(self.pareto[i])
        rec["current"] = bool(self.current[i]) if self.current is not None else False
        if self.stage == "serve":
            rec["mixed"] = bool(self.mixed[i]) if self.mixed is not None else False
        if not self.feasible[i]:
            rec["reason"] = labels.reason(self.reasons[i], lang)
        return rec


def _plain(v):
    if v is None:
        return None
    if isinstance(v, (float, np.floating)):
        return None if np.isnan(v) else (int(v) if float(v).is_integer() else float(v))
    return v


# ------------------------------------------------------------------ building the variant table


def _cards(wb, spec: StageSpec, row: int) -> list[tuple[str, str | None]]:
    """(card, offer) pairs: each rental offer for a card of Hardware, or, when the scenario buys,
    each card with a purchase price (offer None)."""
    hw = wb.tables["Hardware"]
    known = hw.key_index()
    if wb.resolved(row, "procurement").value == "buy":
        return [(name, None) for name, r in known.items() if hw.get(r, "price") is not None]
    prices = wb.tables["Prices"]
    pairs = []
    for r in range(prices.nrows):
        name, card = prices.get(r, "name"), prices.get(r, "hardware")
        if isinstance(name, str) and card in known and prices.get(r, "per_gpu_hour") is not None:
            pairs.append((card, name))
    return pairs


def _is_moe(wb, row: int) -> bool:
    model = wb.tables["Scenarios"].get(row, "model")
    models = wb.tables["Models"]
    r = models.key_index().get(model)
    return r is not None and (models.get(r, "n_experts") or 0) > 0


def _space(wb, spec: StageSpec, row: int) -> dict[str, list]:
    """Every plan's varied inputs, column -> list of values, as the product of the dimensions
    less what cannot run."""
    hw = wb.tables["Hardware"]
    known = hw.key_index()
    dims = dict(spec.dimensions)
    if spec.stage == "serve" and not _is_moe(wb, row):
        dims["serve_ep"] = (None,)
    if spec.stage == "ft":
        typed = wb.tables["Scenarios"].get(row, "ft_method")
        if typed is not None:  # the user's choice
            dims["ft_method"] = (typed,)
    names = list(dims)
    columns: dict[str, list] = {spec.hardware: [], spec.price: [], **{n: [] for n in names}}
    combos = list(itertools.product(*dims.values()))
    at = names.index(spec.precision)
    for card, offer in _cards(wb, spec, row):
        r = known[card]
        has = {p: hw.get(r, c) is not None for p, c in PRECISION_PEAK.items()}
        kept = [c for c in combos if has.get(c[at], True)]
        columns[spec.hardware] += [card] * len(kept)
        columns[spec.price] += [offer] * len(kept)
        for j, n in enumerate(names):
            columns[n] += [c[j] for c in kept]
    return columns


def _typed(wb, row: int, key: str):
    """A scenario input as typed, its default in place of a blank (None: blank, no default)."""
    from .schema import SCENARIOS

    v = wb.tables["Scenarios"].get(row, key)
    v = SCENARIOS.by_name[key].default if v is None else v
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


def _with_current(wb, row: int, columns: dict[str, list]) -> int:
    """The index of the plan the scenario holds as typed; appended when the search's values do
    not include it (a batch cap of 10, an expert-parallel degree of 144), so it can be compared."""
    keys = list(columns)
    mine = tuple(_typed(wb, row, k) for k in keys)
    cards = columns[keys[0]]
    for i in (i for i, c in enumerate(cards) if c == mine[0]):
        if all(_same(columns[k][i], v) for k, v in zip(keys, mine)):
            return i
    for k, v in zip(keys, mine):
        columns[k].append(v)
    return len(cards) - 1


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return float(a) == float(b)


def _evaluate(wb, row: int, columns: dict[str, list], fixed: dict[str, float] | None = None):
    n = len(next(iter(columns.values())))
    overrides = {k: np.full(n, v) for k, v in (fixed or {}).items()}
    texts = {}
    for k, v in columns.items():
        if k in NUMERIC:
            overrides[k] = np.array([np.nan if x is None else float(x) for x in v])
        else:
            arr = np.empty(n, dtype=object)
            arr[:] = v
            texts[k] = arr
    return evaluate_variants(wb, np.full(n, row), overrides, texts)


# ------------------------------------------------------------------ judging


def _error(res, keys: tuple[str, ...], n: int) -> list:
    """The first error among `keys` per plan (None where all have a value)."""
    out: list = [None] * n
    for key in keys:
        codes = res.codes[key]
        bad = np.flatnonzero((codes > 1) & np.fromiter((o is None for o in out), bool, n))
        for i in bad.tolist():
            out[i] = res.reasons[int(codes[i])]
    return out


def _missed(value: np.ndarray, target: np.ndarray) -> np.ndarray:
    return value > target * (1 + TOLERANCE)


def _judge_serve(res, n: int):
    errors = _error(res, ("serve_batch", "serve_gpus", "serve_cost_per_day", "ttft_s", "tpot_s"), n)
    ttft, tpot = res.values["ttft_s"], res.values["tpot_s"]
    ttft_t, tpot_t = res.inputs["ttft_target_s"].astype(float), res.inputs["tpot_target_s"].astype(float)
    for key, value, target in (("ttft_target_s", ttft, ttft_t), ("tpot_target_s", tpot, tpot_t)):
        for i in np.flatnonzero(_missed(value, target)).tolist():
            if errors[i] is None:
                errors[i] = Reason.of("plan_misses_target", col=key, by=_ms(value[i] - target[i]))
    return errors


def _judge_train(res, n: int):
    errors = _error(res, ("train_gpus", "train_days", "train_cost"), n)
    days = res.values["train_days"]
    deadline = res.inputs["train_deadline_days"].astype(float)
    late = _missed(days, deadline) & ~np.isnan(deadline)
    for i in np.flatnonzero(late).tolist():
        if errors[i] is None:
            errors[i] = Reason.of("plan_misses_target", col="train_deadline_days",
                                  by=f"{days[i] - deadline[i]:.3g} d")
    return errors


def _ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:,.0f} ms" if ms >= 10 else f"{ms:.2g} ms"


def pareto_front(cost: np.ndarray, latency: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """True for the plans in `mask` that no other plan in `mask` beats on both cost and latency
    (no worse on both and better on one)."""
    out = np.zeros(len(cost), bool)
    idx = np.flatnonzero(mask & ~np.isnan(cost) & ~np.isnan(latency))
    if not len(idx):
        return out
    order = idx[np.lexsort((latency[idx], cost[idx]))]  # cheapest first, then fastest
    best = np.inf
    for i in order.tolist():  # a plan is on the front when it is faster than every cheaper one
        if latency[i] < best:
            out[i] = True
            best = latency[i]
    return out


# ------------------------------------------------------------------ the search


def plan(wb, scenario, stage: str = "serve", top: int | None = None) -> Plans:
    """Every plan of `scenario` (name or row) for `stage` ("serve", "train" or "ft"), ranked."""
    if stage not in STAGES:
        raise AnalysisError("unknown_plan_stage", name=stage, names=tuple(STAGES))
    row = scenario_row(wb, scenario)
    spec = STAGES[stage]
    if not wb.results.active[stage][row]:
        raise AnalysisError("plan_stage_not_used", stage=stage)
    columns = _space(wb, spec, row)
    if not columns[spec.hardware]:
        raise AnalysisError("no_card_to_plan", table="Prices")
    searched = len(columns[spec.hardware])  # the search's own plans (the typed one may follow)
    for key in spec.extra:  # single-card plans: prefill on the serving card and offer
        columns[key] = [None] * searched
    current = _with_current(wb, row, columns)
    n = len(columns[spec.hardware])
    res = _evaluate(wb, row, columns)
    if stage == "train":
        res = _train_fewest_that_fit(wb, row, columns, res)
        errors = _judge_train(res, n)
    elif stage == "ft":
        errors = _error(res, ("ft_min_gpus", "ft_gpu_hours", "ft_cost"), n)
    else:
        errors = _judge_serve(res, n)
    feasible = np.fromiter((e is None for e in errors), bool, n)
    values = _shown(res, spec.shown + spec.also)
    families = _families(columns, spec, errors, feasible)
    closest = None if feasible.any() else _closest(wb, row, columns, res, errors, stage)
    is_mixed = np.zeros(n, bool)
    tried, gain = 0, None
    if stage == "serve":
        mixed = _mixed(wb, row, columns, res, errors, searched)
        if mixed is not None:
            m_columns, m_res = mixed
            tried = len(m_columns[spec.hardware])
            m_errors = _judge_serve(m_res, tried)
            m_values = _shown(m_res, spec.shown + spec.also)
            single = values[spec.cost][feasible]
            best_single = float(single.min()) if len(single) else np.inf
            m_cost = m_values[spec.cost]
            keep = [i for i in range(tried) if m_errors[i] is None
                    and m_cost[i] < best_single * (1 - TOLERANCE)]
            if keep:
                for k in columns:
                    columns[k] = list(columns[k]) + [m_columns[k][i] for i in keep]
                values = {k: np.concatenate([v, m_values[k][keep]]) for k, v in values.items()}
                errors = errors + [None] * len(keep)
                feasible = np.concatenate([feasible, np.ones(len(keep), bool)])
                is_mixed = np.concatenate([is_mixed, np.ones(len(keep), bool)])
                n = len(feasible)
                b = keep[int(np.argmin(m_cost[keep]))]
                gain = (m_columns["prefill_hardware"][b], m_columns[spec.hardware][b],
                        (1 - float(m_cost[b]) / best_single) if np.isfinite(best_single) else None)
                closest = None
    cost = values[spec.cost]
    pareto = pareto_front(cost, values[spec.latency], feasible)
    order = np.lexsort((np.arange(n), np.where(np.isnan(cost), np.inf, cost), ~feasible))
    is_current = np.zeros(n, bool)
    is_current[current] = True
    rank = int(np.flatnonzero(order == current)[0])
    name = wb.tables["Scenarios"].get(row, "name")

    def ranked(keep: np.ndarray) -> Plans:
        inputs = {k: np.asarray(v, dtype=object)[keep] for k, v in columns.items()}
        return Plans(name, stage, wb.resolved(row, "currency").value, inputs,
                     {k: v[keep] for k, v in values.items()}, feasible[keep], pareto[keep],
                     [errors[i] for i in keep.tolist()], n, families, closest, int(feasible.sum()),
                     is_current[keep], mixed=is_mixed[keep], mixed_tried=tried, mixed_gain=gain)

    typed = {"rank": rank + 1, **ranked(order[rank:rank + 1]).record(0)}
    out = ranked(order if top is None else order[: max(int(top), 0)])
    out.typed = typed
    return out


def _shown(res, keys) -> dict[str, np.ndarray]:
    """The results `keys` of every evaluated plan as floats (NaN where a plan has no value; text
    results as text, None where none)."""
    out = {}
    for k in keys:
        v = res.values[k]
        out[k] = (np.where(res.codes[k] == 0, v, None) if v.dtype == object
                  else np.where(res.codes[k] == 0, v, np.nan).astype(float))
    return out


def _mixed(wb, row: int, columns: dict, res, errors: list, searched: int):
    """Mixed fleets: each single-card plan with prefill apart (serve_disagg yes) again with its
    prefill replicas on another card, (variant columns, their evaluation), or None.

    Pruned so the search stays fast: only decode plans whose replica holds its batch (the prefill
    card cannot change that), and per precision only the MIXED_PREFILL_CARDS card-and-offer pairs
    whose prefill costs least per prompt in the single-card plans (prefill GPU-seconds × the
    card's hourly rate), each with every decode card but its own."""
    buying = wb.resolved(row, "procurement").value == "buy"
    rate = "serve_own_usd_per_gpu_hour" if buying else "serve_rent_usd_per_gpu_hour"
    per_prompt = res.values["prefill_gpu_seconds"] * res.values[rate]
    ok = (res.codes["prefill_gpu_seconds"] == 0) & (res.codes[rate] == 0)
    hw, price, precision = columns["serve_hardware"], columns["serve_price"], columns["serve_precision"]
    disagg = columns["serve_disagg"]
    best: dict[str, dict[tuple, float]] = {}  # precision -> (card, offer) -> least cost per prompt
    for i in np.flatnonzero(ok[:searched]).tolist():
        if disagg[i] != "yes":
            continue
        pair = (hw[i], price[i])
        seen = best.setdefault(precision[i], {})
        if per_prompt[i] < seen.get(pair, np.inf):
            seen[pair] = float(per_prompt[i])
    cheapest = {p: sorted(pairs, key=pairs.get)[: MIXED_PREFILL_CARDS + 1] for p, pairs in best.items()}
    memory = {"replica_too_small"}
    out: dict[str, list] = {k: [] for k in columns}
    for i in range(searched):
        if disagg[i] != "yes" or (errors[i] is not None and errors[i].key in memory):
            continue
        pairs = [pair for pair in cheapest.get(precision[i], ()) if pair[0] != hw[i]][:MIXED_PREFILL_CARDS]
        for card, offer in pairs:
            for k in columns:
                out[k].append(columns[k][i])
            out["prefill_hardware"][-1] = card
            out["prefill_price"][-1] = offer
    if not out["serve_hardware"]:
        return None
    return out, _evaluate(wb, row, out)


def _train_fewest_that_fit(wb, row: int, columns: dict, res):
    """With a deadline and no card count, a plan whose deadline count cannot hold the run gets the
    fewest cards that can (renting, the cost does not change; the days shorten)."""
    sc = wb.tables["Scenarios"]
    if sc.get(row, "train_gpus") is not None:
        return res
    need = res.values["train_min_gpus"]
    have = res.values["train_gpus"]
    short = (res.codes["train_fits"] > 1) & (need > have)
    if not short.any():
        return res
    gpus = np.where(short, need, np.nan)
    columns["train_gpus"] = [None if np.isnan(g) else float(g) for g in gpus]
    return _evaluate(wb, row, columns)


def _families(columns: dict, spec: StageSpec, errors: list, feasible: np.ndarray) -> list:
    """(card, offer, reason, number of plans) for each card and offer with infeasible plans,
    one entry per distinct reason key, most plans first."""
    groups: dict[tuple, list] = {}
    for i in np.flatnonzero(~feasible).tolist():
        why = errors[i]
        key = (columns[spec.hardware][i], columns[spec.price][i], why.key)
        if key not in groups:
            groups[key] = [why, 0]
        groups[key][1] += 1
    out = [(card, offer, why, count) for (card, offer, _), (why, count) in groups.items()]
    return sorted(out, key=lambda e: -e[3])


def _closest(wb, row: int, columns: dict, res, errors: list, stage: str) -> Reason:
    """The target closest to being met over all plans: the smallest relative miss.  Serving: each
    plan's latencies at its lightest load (one request at a time, the targets lifted), so a plan
    whose batch cannot meet a target still says by how much it misses."""
    best = None  # (relative miss, reason)
    if stage == "serve":
        n = len(errors)
        light = {**columns, "batch_size": [1.0] * n}
        res_light = _evaluate(wb, row, light, {"ttft_target_s": 1e9, "tpot_target_s": 1e9})
        targets = {k: res.inputs[k].astype(float) for k in ("ttft_target_s", "tpot_target_s")}
    if stage == "train":
        days = res.values["train_days"]
        deadline = res.inputs["train_deadline_days"].astype(float)
        rel = days / deadline - 1
        if np.isfinite(rel).any():
            i = int(np.nanargmin(np.where(np.isfinite(rel), rel, np.nan)))
            best = (rel[i], Reason.of("plan_closest", col="train_deadline_days", plan=_describe(columns, i),
                                      value=f"{days[i]:.3g} d", target=f"{deadline[i]:.3g} d",
                                      over=f"{rel[i]:.0%}"))
    elif stage == "serve":
        misses = {}
        for key, target_key in (("tpot_s", "tpot_target_s"), ("ttft_s", "ttft_target_s")):
            real = np.where(res.codes[key] == 0, res.values[key], np.nan)
            light = np.where(res_light.codes[key] == 0, res_light.values[key], np.nan)
            value = np.where(np.isnan(real), light, real)  # at load where it runs, else its best
            target = targets[target_key]
            misses[target_key] = (value, target, np.where(np.isnan(value), np.inf, value / target - 1))
        worst = np.maximum(misses["tpot_target_s"][2], misses["ttft_target_s"][2])  # what a plan misses most
        if np.isfinite(worst).any():
            i = int(np.argmin(worst))
            target_key = max(misses, key=lambda k: misses[k][2][i])
            value, target, rel = misses[target_key]
            best = (rel[i], Reason.of("plan_closest", col=target_key, plan=_describe(columns, i),
                                      value=_ms(value[i]), target=_ms(target[i]), over=f"{rel[i]:.0%}"))
    if best is not None:
        return best[1]
    counts: dict[Reason, int] = {}
    for why in errors:
        if why is not None:
            counts[why] = counts.get(why, 0) + 1
    return Reason.of("plan_none_valid", why=max(counts, key=counts.get))


def _describe(columns: dict, i: int) -> str:
    """A plan in symbols both languages read: 'H100 SXM5 80GB (Lambda …) · fp8 · KV fp8 · TP8 ·
    EP16 · B≤64 · P/D' (P/D: prefill on replicas of its own)."""
    spec = next(s for s in STAGES.values() if s.hardware in columns)
    card, offer = columns[spec.hardware][i], columns[spec.price][i]
    parts = [f"{card} ({offer})" if offer else str(card)]
    parts.append(str(columns[spec.precision][i]))
    for key, word in (("ft_method", ""), ("kv_precision", "KV "), ("serve_tp", "TP"), ("serve_ep", "EP"),
                      ("batch_size", "B≤"), ("train_gpus", "×")):
        v = columns.get(key, [None] * (i + 1))[i]
        if v is not None:
            parts.append(f"{word}{v if isinstance(v, str) else int(v)}")
    if columns.get("serve_disagg", ["no"] * (i + 1))[i] == "yes":
        prefill = columns.get("prefill_hardware", [None] * (i + 1))[i]
        parts.append(f"P/D (prefill: {prefill})" if prefill is not None else "P/D")
    return " · ".join(parts)


def plan_inputs(record: dict, stage: str | None = None) -> dict:
    """The scenario inputs a plan sets (column -> value, None = blank), from a plan record (a
    dict of :meth:`Plans.records` or a row of ``Book.plan``)."""
    stage = stage or record.get("stage") or "serve"
    spec = STAGES[stage]
    keys = [spec.hardware, spec.price, *spec.dimensions, *spec.extra]
    if stage == "train":
        keys.append("train_gpus")
    out = {}
    for k in keys:
        if k not in record:
            continue
        v = _plain(record[k])
        if isinstance(v, float) and float(v).is_integer():
            v = int(v)
        out[k] = v
    return out


def plan_edit(wb, scenario, record: dict):
    """The edit that writes a plan's inputs into the scenario: one Batch (one undo step).  A
    training plan's card count is written only when the scenario gives one (else its deadline
    keeps choosing it)."""
    from .workbook import Batch, SetCells

    row = scenario_row(wb, scenario)
    inputs = plan_inputs(record)
    if "train_gpus" in inputs and wb.tables["Scenarios"].get(row, "train_gpus") is None \
            and wb.tables["Scenarios"].get(row, "train_deadline_days") is not None:
        del inputs["train_gpus"]
    return Batch((SetCells("Scenarios", tuple((row, k, v) for k, v in inputs.items())),))


def stages_to_plan(wb, scenario, stage: str) -> list[str]:
    """The stages `stage` names: itself, or for "all" every plannable stage of the scenario."""
    if stage != "all":
        return [stage]
    row = scenario_row(wb, scenario)
    found = [s for s in STAGES if wb.results.active[s][row]]
    if not found:
        raise AnalysisError("plan_stage_not_used", stage="serve")
    return found
