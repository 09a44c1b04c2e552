"""Shared by the scripts that generate documentation: write the page, or check it is current."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_or_check(relative: str, text: str, argv: list[str] | None) -> int:
    """With ``--check``: 0 when the page on disk equals `text`, else 1. Otherwise write it."""
    target = ROOT / relative
    if argv and argv[0] == "--check":
        return 0 if target.exists() and target.read_text(encoding="utf-8") == text else 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0
