"""Locate bundled resources in a source checkout, an installed wheel or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding data/, translations/ and icons/."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    from importlib.resources import files

    return Path(str(files("llmcost_gui.resources")))


def resource(*parts: str) -> Path:
    """Path of one resource file, e.g. ``resource("data", "models.csv")``."""
    return resources_dir().joinpath(*parts)
