"""Vectorized values of the expression language and their status codes.

A :class:`Val` holds one value per scenario and a status code per entry: 0 ok, 1 blank (stage not
used), >= 2 an error whose reason the evaluation context keeps (lower codes were registered
earlier, closer to the root cause).  Codes that are all ok or all blank are shared, read-only
arrays recognized by identity, so merging them costs nothing; text values remember their distinct
values (:func:`factorize`), so comparing a column of names costs one comparison per name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

OK, BLANK = 0, 1


@dataclass
class Val:
    """Vectorized value: `values` (float, bool or object array) and per-entry status `codes`.

    Neither array is changed once the Val exists (it may be shared); `memo` keeps what was
    derived from the values (see equal_mask)."""

    values: np.ndarray
    codes: np.ndarray
    memo: dict = field(default_factory=dict, repr=False, compare=False)


_SHARED: dict[tuple[int, int], np.ndarray] = {}


def uniform_codes(n: int, code: int = OK) -> np.ndarray:
    """Shared, read-only status codes of `n` entries that are all ok (or all blank).  Merging
    recognizes them by identity, so values without errors cost no work for their codes."""
    codes = _SHARED.get((n, code))
    if codes is None:
        if len(_SHARED) >= 64:  # sweeps and chunks use a few sizes; forget old ones
            _SHARED.clear()
        codes = _SHARED[(n, code)] = np.full(n, code, np.int32)
        codes.flags.writeable = False
    return codes


def ok_codes(n: int) -> np.ndarray:
    return uniform_codes(n, OK)


def is_ok(codes: np.ndarray) -> bool:
    """True when `codes` are the shared all-ok codes (an all-zero array of its own is not)."""
    return codes is _SHARED.get((len(codes), OK))


def _is_all_blank(codes: np.ndarray) -> bool:
    return codes is _SHARED.get((len(codes), BLANK))


def shared_if_ok(codes: np.ndarray) -> np.ndarray:
    """`codes`, or the shared codes when every entry is ok, or every entry blank, or the codes
    of the same pattern seen before (:func:`interned`)."""
    if not np.count_nonzero(codes):
        return uniform_codes(len(codes), OK)
    if codes[0] == BLANK and (codes == BLANK).all():
        return uniform_codes(len(codes), BLANK)
    return interned(codes)


_INTERNED: dict[tuple[int, bytes], np.ndarray] = {}
KEEP_MAX_N = 20_000  # longer arrays (a Monte Carlo in one piece) are not kept: hashing costs more than it saves
_interned_size = 0


def interned(codes: np.ndarray) -> np.ndarray:
    """One read-only array per status pattern: the formulas of a stage share its blanks, an
    input's errors spread to what reads it, so equal patterns recur within an evaluation and from
    one evaluation to the next, and merge() recognizes them by identity."""
    global _interned_size
    if len(codes) > KEEP_MAX_N:
        return codes
    if codes.dtype != np.int32:
        codes = codes.astype(np.int32)
    key = (len(codes), codes.tobytes())
    hit = _INTERNED.get(key)
    if hit is None:
        _interned_size += len(codes)
        if _interned_size > _MERGED_MAX:
            _INTERNED.clear()
            _interned_size = len(codes)
        hit = _INTERNED[key] = codes
        codes.flags.writeable = False
    return hit


def merge(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Combine two status arrays: an error beats blank beats ok; of two errors the
    earlier-registered (closer to the root cause) wins."""
    if a is b or is_ok(b):
        return a
    if is_ok(a) or _is_all_blank(b) and _is_all_blank(a):
        return b
    key = (id(a), id(b))
    hit = _MERGED.get(key)
    if hit is not None and hit[0] is a and hit[1] is b:
        return hit[2]
    if _is_all_blank(a) or _is_all_blank(b):
        out = np.maximum(b if _is_all_blank(a) else a, BLANK)
    else:
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        out = np.where(lo > BLANK, lo, hi)
    # the same status pattern again (a stage's blanks, one input's errors) keeps one identity, so
    # the next merge with it is free
    if len(out) <= KEEP_MAX_N:
        out = interned(out)
    elif np.array_equal(out, a):
        out = a
    elif np.array_equal(out, b):
        out = b
    else:
        out.flags.writeable = False
    global _merged_size
    _merged_size += len(out)
    if _merged_size > _MERGED_MAX:  # sweeps and Monte Carlo draw long arrays: keep little
        _MERGED.clear()
        _merged_size = len(out)
    _MERGED[key] = (a, b, out)
    return out


# merge() results by the identities of their inputs (kept alive with them, so ids stay unique)
_MERGED: dict[tuple[int, int], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
_MERGED_MAX = 4_000_000  # entries of the arrays the cache keeps alive (about 48 MB with its inputs)
_merged_size = 0


def merge_all(*codes: np.ndarray) -> np.ndarray:
    """merge() of any number of status arrays."""
    out = codes[0]
    for c in codes[1:]:
        out = merge(out, c)
    return out


def equal_mask(v: Val, label: str) -> np.ndarray:
    """Where the text values of `v` equal `label`, remembered on `v` (an input is compared by
    many formulas, and comparing Python strings one by one is the slow part).  Read-only."""
    hit = v.memo.get(("eq", label))
    if hit is None:
        factors = text_factors(v)
        if factors is None:
            hit = np.asarray(v.values == label, dtype=bool)
        else:
            hit = np.asarray(factors[0] == label, dtype=bool)[factors[1]]
        hit.flags.writeable = False
        v.memo[("eq", label)] = hit
    return hit


MAX_FACTORS = 16  # text columns hold a few names (cards, precisions, currencies) many times


def text_factors(v: Val) -> tuple[np.ndarray, np.ndarray] | None:
    """(distinct values, index into them per entry) of a text value, remembered on `v`."""
    if "factors" not in v.memo:
        v.memo["factors"] = factorize(v.values)
    return v.memo["factors"]


def factorize(values: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(distinct values, index into them per entry) of an object array, found with one comparison
    per distinct value; None when it has more than MAX_FACTORS of them."""
    n = len(values)
    inverse, todo, distinct = np.zeros(n, np.intp), np.ones(n, bool), []
    while todo.any():
        if len(distinct) == MAX_FACTORS:
            return None
        first = int(np.argmax(todo))
        value = values[first]
        hit = np.asarray(values == value, dtype=bool) & todo
        hit[first] = True  # even a value unequal to itself (NaN)
        inverse[hit] = len(distinct)
        distinct.append(value)
        todo &= ~hit
    uniques = np.empty(len(distinct), object)
    for i, value in enumerate(distinct):
        uniques[i] = value
    return uniques, inverse
