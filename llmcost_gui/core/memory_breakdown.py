"""What one card holds in each training stage of a scenario, read from the registry's results."""

from __future__ import annotations

from dataclasses import dataclass

from .expr import BLANK, OK
from .reasons import Reason

PARTS = ("weights", "gradients", "optimizer", "activations", "reserve")
STAGE_CARDS = {"train": "train_gpus_checked", "ft": "ft_gpus_used"}


@dataclass(frozen=True)
class StageMemory:
    """One stage's memory on one card (GB) against the card's memory."""

    stage: str  # "train" or "ft"
    parts: dict[str, float]  # PARTS -> GB on one card
    card_gb: float
    cards: float  # cards the run is spread over
    min_gpus: float | None  # None: no number of cards holds it
    reason: Reason | None  # why the run does not fit, if it does not

    @property
    def used_gb(self) -> float:
        return sum(v for k, v in self.parts.items() if k != "reserve")

    @property
    def fits(self) -> bool:
        return self.reason is None


def _keys(p: str) -> dict[str, str]:
    return {"weights": f"{p}_weight_gb_per_gpu", "gradients": f"{p}_grad_gb_per_gpu",
            "optimizer": f"{p}_optimizer_gb_per_gpu", "activations": f"{p}_activation_gb",
            "reserve": f"{p}_reserve_gb"}


def memory_breakdown(results, row: int) -> tuple[list[StageMemory], list[Reason]]:
    """The stages of scenario `row` that train, and the reasons of stages that cannot be shown."""
    stages, problems = [], []
    for p, cards_key in STAGE_CARDS.items():
        if int(results.codes[f"{p}_memory_gb"][row]) == BLANK:
            continue
        keys = [*_keys(p).values(), f"{p}_card_memory_gb", cards_key]
        bad = next((k for k in keys if int(results.codes[k][row]) != OK), None)
        if bad is not None:
            problems.append(results.error(row, bad))
            continue
        fit_error = results.error(row, "train_fits" if p == "train" else f"{p}_min_gpus")
        stages.append(StageMemory(
            stage=p,
            parts={part: results.value(row, k) for part, k in _keys(p).items()},
            card_gb=results.value(row, f"{p}_card_memory_gb"),
            cards=results.value(row, cards_key),
            min_gpus=None if results.error(row, f"{p}_min_gpus") else results.value(row, f"{p}_min_gpus"),
            reason=fit_error,
        ))
    return stages, problems
