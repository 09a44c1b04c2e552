"""The parallel layout of each training stage of a scenario and where its MFU goes, read from the
registry's results (the layout/efficiency tab of the window, qt/charts/layout.py).

Names are the workbook contract's (#23, SPEC §6.1): ``train_layout`` and ``train_mfu_used`` are
results; ``train_tp_used`` … ``train_dp``, ``train_micro_batches``, ``train_kernel_eff``,
``train_bubble`` and ``train_comm_exposed`` are working values; the ``ft_`` twins for
fine-tuning.  Predicted MFU = kernel efficiency × (1 − bubble) ÷ (1 + exposed communication); a
typed ``train_mfu`` is used instead (``train_mfu_used``) and the breakdown still shows the
prediction it replaces.  Nothing here computes a formula: it only reads the results.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .catalogue import lang_index
from .catalogue.interface import LAYOUT_CHART
from .expr import BLANK, OK
from .reasons import Reason
from .units import format_value

STAGE_CARDS = {"train": "train_gpus_checked", "ft": "ft_gpus_used"}
DEGREES = ("tp", "pp", "cp", "ep", "dp")
# the bars, left to right: what the kernels reach, what the bubble and the exposed
# communication take away, and the MFU the stage's GPU-hours use
BARS = ("kernel", "bubble", "comm", "mfu")


def words(key: str, lang: str = "en") -> str:
    """A word of the layout tab in `lang`."""
    return LAYOUT_CHART[key][lang_index(lang)]


@dataclass(frozen=True)
class StageLayout:
    """One training stage's layout and efficiency breakdown (None: the results do not give it)."""

    stage: str  # "train" or "ft"
    layout: str | None  # train_layout, e.g. "TP8 · PP16 · CP1 · EP1 · DP128 · ZeRO-1"
    degrees: dict[str, float | None]  # DEGREES -> degree used
    micro_batches: float | None  # per step per pipeline
    cards: float | None
    node_gpus: float | None  # cards per server on the fast link
    context: float | None  # tokens per sequence
    global_batch: float | None  # tokens per optimizer step (pre-training only)
    kernel_eff: float | None
    bubble: float | None  # share of step time the pipeline stages wait
    comm_exposed: float | None  # exposed communication time ÷ compute time
    mfu_used: float | None
    mfu_typed: bool  # the scenario types the stage's MFU: it replaces the prediction
    goodput: float | None

    @property
    def predicted(self) -> float | None:
        """kernel × (1 − bubble) ÷ (1 + communication), when all three are known."""
        k, b, c = self.kernel_eff, self.bubble, self.comm_exposed
        if k is None or b is None or c is None:
            return None
        return k * (1 - b) / (1 + c)

    def bars(self) -> list[tuple[str, float, float]]:
        """(bar, bottom, height) of each bar that can be drawn: the kernel efficiency from 0; the
        bubble's loss hangs from it, the communication's from what the bubble leaves; the MFU
        used from 0."""
        out = []
        k, b, c = self.kernel_eff, self.bubble, self.comm_exposed
        if k is not None:
            out.append(("kernel", 0.0, k))
            if b is not None:
                after_bubble = k * (1 - b)
                out.append(("bubble", after_bubble, k - after_bubble))
                if c is not None:
                    after_comm = after_bubble / (1 + c)
                    out.append(("comm", after_comm, after_bubble - after_comm))
        if self.mfu_used is not None:
            out.append(("mfu", 0.0, self.mfu_used))
        return out


def _number(results, row: int, key: str) -> float | None:
    if key not in results.values or int(results.codes[key][row]) != OK:
        return None
    value = results.values[key][row]
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _text(results, row: int, key: str) -> str | None:
    if key not in results.values or int(results.codes[key][row]) != OK:
        return None
    value = results.values[key][row]
    return value if isinstance(value, str) and value.strip() else None


def _input(results, row: int, name: str) -> float | None:
    try:
        value = results.input(row, name).value
    except (KeyError, AttributeError):  # a column this version does not have
        return None
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _typed(results, row: int, name: str) -> bool:
    given = results.given.get(name)
    return bool(given[row]) if given is not None else False


def _trains(results, row: int, p: str) -> bool:
    active = results.active.get(p)
    if active is not None:
        return bool(active[row])
    key = f"{p}_memory_gb"
    return key in results.codes and int(results.codes[key][row]) != BLANK


def layout_breakdown(results, row: int) -> tuple[list[StageLayout], list[Reason]]:
    """The training stages of scenario `row`, and why a stage's layout cannot be shown."""
    stages, problems = [], []
    for p, cards_key in STAGE_CARDS.items():
        if not _trains(results, row, p):
            continue
        key = f"{p}_mfu_used"
        if key not in results.codes:  # this version of the formulas has no layout
            continue
        reason = results.error(row, key)
        if reason is not None:
            problems.append(reason)
            continue
        stages.append(StageLayout(
            stage=p,
            layout=_text(results, row, f"{p}_layout"),
            degrees={d: _number(results, row, f"{p}_dp" if d == "dp" else f"{p}_{d}_used") for d in DEGREES},
            micro_batches=_number(results, row, f"{p}_micro_batches"),
            cards=_number(results, row, cards_key),
            node_gpus=_input(results, row, "node_gpus"),
            context=_number(results, row, "context") if p == "train" else _input(results, row, "ft_context"),
            global_batch=_input(results, row, "train_global_batch") if p == "train" else None,
            kernel_eff=_number(results, row, f"{p}_kernel_eff"),
            bubble=_number(results, row, f"{p}_bubble"),
            comm_exposed=_number(results, row, f"{p}_comm_exposed"),
            mfu_used=_number(results, row, key),
            mfu_typed=_typed(results, row, f"{p}_mfu"),
            goodput=_input(results, row, "train_goodput"),
        ))
    return stages, problems


def _n(v: float) -> str:
    return f"{v:,.0f}"


def describe(s: StageLayout, lang: str = "en") -> str:
    """The layout in plain words: who holds what, and where the time goes."""
    w = lambda key, **kw: words(key, lang).format(**kw)  # noqa: E731
    _pct = lambda v: format_value(v, "fraction", "", lang)  # noqa: E731
    parts = []
    tp, pp, cp, ep, dp = (s.degrees.get(d) for d in DEGREES)
    if tp is not None:
        if tp <= 1:
            parts.append(w("tp_one"))
        elif s.node_gpus is not None and tp > s.node_gpus:
            parts.append(w("tp_across", tp=_n(tp), node=_n(s.node_gpus)))
        else:
            parts.append(w("tp_server", tp=_n(tp)))
    if pp is not None:
        if pp <= 1:
            parts.append(w("pp_one"))
        elif s.micro_batches is not None and s.bubble is not None:
            parts.append(w("pp_bubble", pp=_n(pp), m=_n(s.micro_batches), bubble=_pct(s.bubble)))
        else:
            parts.append(w("pp", pp=_n(pp)))
    if cp is not None and cp > 1:
        if s.context is not None:
            parts.append(w("cp_context", cp=_n(cp), ctx=_n(s.context), each=_n(s.context / cp)))
        else:
            parts.append(w("cp", cp=_n(cp)))
    if ep is not None and ep > 1:
        parts.append(w("ep", ep=_n(ep)))
    if dp is not None:
        if dp <= 1:
            parts.append(w("dp_one"))
        elif s.global_batch is not None:
            parts.append(w("dp_batch", dp=_n(dp), batch=format_value(s.global_batch, "tokens", "", lang)))
        else:
            parts.append(w("dp", dp=_n(dp)))
    pred = s.predicted
    if pred is not None:
        parts.append(w("mfu_line", k=_pct(s.kernel_eff), b=_pct(s.bubble), c=_pct(s.comm_exposed),
                       mfu=_pct(pred)))
    if s.mfu_typed and s.mfu_used is not None:
        parts.append(w("typed", mfu=_pct(s.mfu_used)) if pred is None
                     else w("typed_over", mfu=_pct(s.mfu_used), pred=_pct(pred)))
    if s.goodput is not None:
        parts.append(w("goodput", g=_pct(s.goodput)))
    return w("join").join(parts)
