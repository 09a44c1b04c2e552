"""Find a row by what a person types: exact name, 1-based number, or a forgiving unique prefix."""

from __future__ import annotations

import re


class NoMatchError(LookupError):
    """No row, or more than one, matches; the message lists every name."""


def _squash(text: str) -> str:
    """Lower case without spaces and punctuation: 'GPT-3 175B' -> 'gpt3175b'."""
    return re.sub(r"[\W_]+", "", text.casefold())


def listing(names: list[str]) -> str:
    """Every name, numbered from 1, one per line."""
    return "\n".join(f"  {i:>3}. {n}" for i, n in enumerate(names, start=1))


def choose(names: list[str], text: object, what: str = "scenario") -> int:
    """Index of the row `text` names: exact name, a number 1..n, then case-insensitive exact,
    unique prefix, and the same ignoring spaces and punctuation ('gpt3', 'GPT-3 175b')."""
    if isinstance(text, int) and not isinstance(text, bool):
        if 0 <= text < len(names):  # an int is a 0-based row, as in the core
            return int(text)
        raise NoMatchError(f"no {what} row {text}: there are {len(names)} {what}s\n{listing(names)}")
    text = str(text).strip()
    if text in names:
        return names.index(text)
    if text.isdigit():
        number = int(text)
        if 1 <= number <= len(names):
            return number - 1
        raise NoMatchError(f"no {what} number {number}: there are {len(names)} {what}s\n{listing(names)}")
    for key in (str.casefold, _squash):
        wanted = key(text)
        if not wanted:
            break
        exact = [i for i, n in enumerate(names) if key(n) == wanted]
        if len(exact) == 1:
            return exact[0]
        found = [i for i, n in enumerate(names) if key(n).startswith(wanted)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            some = "\n".join(f"  {i + 1:>3}. {names[i]}" for i in found)
            raise NoMatchError(f"'{text}' matches {len(found)} {what}s; give more of the name or "
                             f"its number:\n{some}")
    raise NoMatchError(f"no {what} named '{text}'; the {what}s are:\n{listing(names)}")
