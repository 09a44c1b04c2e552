"""A small expression language with three renderings: numpy evaluation, Excel text, readable text.

Expressions are Python-syntax strings over names ("3 * flops_per_token * train_tokens"), parsed
once with :mod:`ast`.  Only arithmetic, comparisons and the functions in :data:`FUNCTIONS` are
allowed.  Evaluation is vectorized: every value is a :class:`Val` holding one entry per scenario
and a status code per entry (0 ok, 1 blank = stage not used, >= 2 an error whose reason is kept
by the evaluation context), so that errors travel as values instead of exceptions.
``blank("why")`` is a blank that keeps its reason (a result with no value that is not an error).
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

OK, BLANK = 0, 1


class ExprError(ValueError):
    """An expression uses syntax or a function the language does not have."""


@dataclass
class Val:
    """Vectorized value: `values` (float, bool or object array) and per-entry status `codes`."""

    values: np.ndarray
    codes: np.ndarray


# ------------------------------------------------------------------ operator table
# node type -> (numpy function, Excel token, text token, precedence)
BINOPS = {
    ast.Add: (np.add, "+", " + ", 1),
    ast.Sub: (np.subtract, "-", " − ", 1),
    ast.Mult: (np.multiply, "*", " · ", 2),
    ast.Div: (np.divide, "/", " / ", 2),
    ast.Pow: (np.power, "^", "^", 4),
}
COMPARES = {
    ast.Eq: (np.equal, "=", " = ", 0),
    ast.NotEq: (np.not_equal, "<>", " ≠ ", 0),
    ast.Lt: (np.less, "<", " < ", 0),
    ast.LtE: (np.less_equal, "<=", " ≤ ", 0),
    ast.Gt: (np.greater, ">", " > ", 0),
    ast.GtE: (np.greater_equal, ">=", " ≥ ", 0),
}
UNARY_PREC = 3
ATOM_PREC = 5
FUNCTIONS = {"min", "max", "ceil", "pow2ceil", "where", "switch", "isblank", "n0", "fail",
             "lookup", "lookup_or", "blank"}
POW2_EPS = 1e-9  # pow2ceil(n) = 2^ceil(log2(n) - eps): exact for whole n below 2^20, in numpy and Excel


def parse(source: str) -> ast.expr:
    """Parse and check an expression; raise ExprError for anything outside the language."""
    try:
        tree = ast.parse(source, mode="eval").body
    except SyntaxError as exc:
        raise ExprError(f"syntax error in {source!r}: {exc.msg}") from None
    for node in ast.walk(tree):
        _check_node(node, source)
    return tree


def _check_node(node: ast.AST, source: str) -> None:
    allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Compare, ast.Call, ast.Name, ast.Constant,
               ast.Attribute, ast.Load, ast.USub, ast.UAdd, *BINOPS, *COMPARES)
    if not isinstance(node, allowed):
        raise ExprError(f"{type(node).__name__} is not allowed in {source!r}")
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS or node.keywords:
            raise ExprError(f"unknown function in {source!r}: {ast.unparse(node.func)}")
    if isinstance(node, ast.Compare) and len(node.ops) != 1:
        raise ExprError(f"chained comparison in {source!r}")
    if isinstance(node, ast.Attribute) and not (
        isinstance(node.value, ast.Name) and node.value.id == "scenario"
    ):
        raise ExprError(f"only scenario.<column> attributes are allowed in {source!r}")
    if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float, str)):
        raise ExprError(f"constant {node.value!r} is not allowed in {source!r}")


def names(tree: ast.expr) -> set[str]:
    """Every name the expression reads ('scenario.x' for attributes; lookup table names excluded)."""
    out: set[str] = set()

    def visit(node):
        if isinstance(node, ast.Attribute):
            out.add(f"scenario.{node.attr}")
        elif isinstance(node, ast.Name):
            out.add(node.id)
        elif isinstance(node, ast.Call):
            args = node.args[2:] if node.func.id in ("lookup", "lookup_or") else node.args
            for a in args:
                visit(a)
        else:
            for child in ast.iter_child_nodes(node):
                visit(child)

    visit(tree)
    return out


def lookups(tree: ast.expr) -> list[tuple[str, str, ast.expr]]:
    """(table, column, key expression) of every lookup in the expression."""
    return [
        (n.args[0].id, n.args[1].value, n.args[2])
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and n.func.id in ("lookup", "lookup_or")
    ]


# ------------------------------------------------------------------ numpy evaluation


class EvalContext(Protocol):
    """What evaluation needs from the document."""

    size: int

    def name(self, name: str) -> Val: ...
    def is_blank(self, name: str) -> np.ndarray: ...
    def lookup(self, table: str, column: str, key: Val, key_text: str, fallback: Val | None) -> Val: ...
    def reason(self, message: str) -> int: ...
    def quiet(self, message: str) -> int: ...  # code of a blank that keeps its reason


def _merge(*codes: np.ndarray) -> np.ndarray:
    """Combine status codes: an error beats blank beats ok; of two errors the earlier-registered
    (closer to the root cause) wins."""
    out = codes[0]
    for c in codes[1:]:
        lo, hi = np.minimum(out, c), np.maximum(out, c)
        out = np.where(lo > BLANK, lo, hi)
    return out


def evaluate(node: ast.expr, ctx: EvalContext) -> Val:
    """Evaluate a parsed expression for every scenario at once."""
    n = ctx.size
    if isinstance(node, ast.Constant):
        values = np.empty(n, object if isinstance(node.value, str) else float)
        values.fill(node.value)  # np.full would build a new str object per entry
        return Val(values, np.zeros(n, np.int32))
    if isinstance(node, ast.Name):
        return ctx.name(node.id)
    if isinstance(node, ast.Attribute):
        return ctx.name(f"scenario.{node.attr}")
    if isinstance(node, ast.UnaryOp):
        v = evaluate(node.operand, ctx)
        return Val(-v.values if isinstance(node.op, ast.USub) else v.values, v.codes)
    if isinstance(node, ast.BinOp):
        a, b = evaluate(node.left, ctx), evaluate(node.right, ctx)
        with np.errstate(all="ignore"):
            return Val(BINOPS[type(node.op)][0](a.values, b.values), _merge(a.codes, b.codes))
    if isinstance(node, ast.Compare):
        a, b = evaluate(node.left, ctx), evaluate(node.comparators[0], ctx)
        fn = COMPARES[type(node.ops[0])][0]
        return Val(np.asarray(fn(a.values, b.values), dtype=bool), _merge(a.codes, b.codes))
    return _call(node, ctx)


def _call(node: ast.Call, ctx: EvalContext) -> Val:
    f, args = node.func.id, node.args
    n = ctx.size
    if f == "isblank":
        return Val(ctx.is_blank(_name_of(args[0])), np.zeros(n, np.int32))
    if f == "fail":
        return Val(np.full(n, np.nan), np.full(n, ctx.reason(args[0].value), np.int32))
    if f == "blank":
        return Val(np.full(n, np.nan), np.full(n, ctx.quiet(args[0].value), np.int32))
    if f in ("lookup", "lookup_or"):
        key = evaluate(args[2], ctx)
        fallback = evaluate(args[3], ctx) if f == "lookup_or" else None
        return ctx.lookup(args[0].id, args[1].value, key, ast.unparse(args[2]), fallback)
    if f == "where":
        c, a, b = (evaluate(x, ctx) for x in args)
        cond = c.values.astype(bool)
        return Val(np.where(cond, a.values, b.values), _merge(c.codes, np.where(cond, a.codes, b.codes)))
    if f == "switch":
        return _switch(args, ctx)
    if f == "n0":
        v = evaluate(args[0], ctx)
        blank = v.codes == BLANK
        return Val(np.where(blank, 0.0, v.values), np.where(blank, OK, v.codes).astype(np.int32))
    vals = [evaluate(x, ctx) for x in args]
    codes = _merge(*(v.codes for v in vals))
    with np.errstate(all="ignore"):
        if f == "min":
            return Val(np.minimum.reduce([v.values for v in vals]), codes)
        if f == "max":
            return Val(np.maximum.reduce([v.values for v in vals]), codes)
        if f == "ceil":
            return Val(np.ceil(vals[0].values), codes)
        if f == "pow2ceil":
            return Val(np.power(2.0, np.ceil(np.log2(vals[0].values) - POW2_EPS)), codes)
    raise ExprError(f"unknown function {f}")  # pragma: no cover - rejected by parse()


def _switch(args: list[ast.expr], ctx: EvalContext) -> Val:
    key = evaluate(args[0], ctx)
    n = ctx.size
    values = np.full(n, np.nan)
    codes = np.full(n, ctx.reason(f"{to_text(args[0])} has no allowed value"), np.int32)
    for label, branch in zip(args[1::2], args[2::2]):
        hit = key.values == label.value
        if hit.any():
            v = evaluate(branch, ctx)
            values = np.where(hit, v.values, values)
            codes = np.where(hit, v.codes, codes)
    return Val(values, _merge(key.codes, codes).astype(np.int32))


def _name_of(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return f"scenario.{node.attr}"
    if isinstance(node, ast.Name):
        return node.id
    raise ExprError("isblank() takes a name")


# ------------------------------------------------------------------ Excel rendering


class ExcelContext(Protocol):
    """What the Excel renderer needs from the sheet layout (for one scenario row)."""

    def name(self, name: str) -> str: ...
    def is_blank(self, name: str) -> str: ...
    def lookup(self, table: str, column: str, key: str) -> str: ...


def excel_number(x: float) -> str:
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(float(x)).upper().replace("E+", "E")


def _excel_str(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def to_excel(node: ast.expr, ctx: ExcelContext) -> str:
    """Excel formula text (without the leading '='), within Excel 2016 / LibreOffice 7.4."""
    return _render(node, _ExcelStyle(ctx))[0]


def to_text(node: ast.expr, name_text: Callable[[str], str] | None = None,
            lookup_text: Callable[[str, str, str], str] | None = None) -> str:
    """Readable formula; `name_text` may substitute numbers for names."""
    text = _render(node, _TextStyle(name_text, lookup_text))[0]
    if text.startswith("(if ") and _closes_at_end(text):
        text = text[1:-1]
    return text


def _closes_at_end(text: str) -> bool:
    """True when the parenthesis opening `text` is the one closing it."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return i == len(text) - 1
    return False


class _ExcelStyle:
    def __init__(self, ctx: ExcelContext):
        self.ctx = ctx

    def const(self, v):
        return _excel_str(v) if isinstance(v, str) else excel_number(v)

    def name(self, n):
        return self.ctx.name(n)

    def op(self, entry):
        return entry[1]

    def call(self, f, node, r):
        a = node.args
        if f in ("min", "max"):
            return f"{f.upper()}({','.join(r(x) for x in a)})"
        if f == "ceil":
            return f"-INT(-({r(a[0])}))"
        if f == "pow2ceil":
            return f"2^(-INT(-(LOG({r(a[0])},2)-{excel_number(POW2_EPS)})))"
        if f == "where":
            return f"IF({r(a[0])},{r(a[1])},{r(a[2])})"
        if f == "switch":
            key = r(a[0])
            out = "NA()"
            for label, branch in reversed(list(zip(a[1::2], a[2::2]))):
                out = f"IF({key}={_excel_str(label.value)},{r(branch)},{out})"
            return out
        if f == "isblank":
            return self.ctx.is_blank(_name_of(a[0]))
        if f == "n0":
            return f"N({r(a[0])})"
        if f == "fail":
            return "NA()"
        if f == "blank":
            return '""'
        look = self.ctx.lookup(a[0].id, a[1].value, r(a[2]))
        if f == "lookup":
            return f'IF({look}="",NA(),{look})'
        return f'IF({look}="",{r(a[3])},{look})'


class _TextStyle:
    def __init__(self, name_text, lookup_text):
        self.name_text = name_text or (lambda n: n)
        self.lookup_text = lookup_text

    def const(self, v):
        if isinstance(v, str):
            return f'"{v}"'
        return _text_number(v)

    def name(self, n):
        return self.name_text(n)

    def op(self, entry):
        return entry[2]

    def call(self, f, node, r):
        a = node.args
        if f == "ceil":
            return f"⌈{r(a[0])}⌉"
        if f == "where":
            return f"(if {r(a[0])} then {r(a[1])} else {r(a[2])})"
        if f == "switch":
            pairs = ", ".join(f"{lab.value} → {r(b)}" for lab, b in zip(a[1::2], a[2::2]))
            return f"by {r(a[0])}: ({pairs})"
        if f == "isblank":
            return f"{r(a[0])} is blank"
        if f == "n0":
            return f"({r(a[0])} or 0)"
        if f == "fail":
            return f"error: {a[0].value}"
        if f == "blank":
            return f"blank ({a[0].value})"
        if f in ("lookup", "lookup_or"):
            if self.lookup_text:
                text = self.lookup_text(a[0].id, a[1].value, ast.unparse(a[2]))
            else:
                text = f"{a[0].id}[{r(a[2])}].{a[1].value}"
            return text if f == "lookup" else f"({text} or {r(a[3])})"
        return f"{f}({', '.join(r(x) for x in a)})"


def _text_number(v: float) -> str:
    v = float(v)
    if v.is_integer() and abs(v) >= 1e6 and math.log10(abs(v)).is_integer():
        return f"1e{int(math.log10(abs(v)))}" if v > 0 else f"-1e{int(math.log10(-v))}"
    if v.is_integer():
        return f"{int(v)}"
    return f"{v:g}"


def _render(node: ast.expr, style) -> tuple[str, int]:
    """Render a node; returns (text, precedence) and parenthesizes children by precedence."""

    def r(child):
        return _render(child, style)[0]

    if isinstance(node, ast.Constant):
        return style.const(node.value), ATOM_PREC
    if isinstance(node, ast.Name):
        return style.name(node.id), ATOM_PREC
    if isinstance(node, ast.Attribute):
        return style.name(f"scenario.{node.attr}"), ATOM_PREC
    if isinstance(node, ast.UnaryOp):
        inner, prec = _render(node.operand, style)
        if isinstance(node.op, ast.UAdd):
            return inner, prec
        return f"(-{_wrap(inner, prec < ATOM_PREC)})", ATOM_PREC
    if isinstance(node, (ast.BinOp, ast.Compare)):
        if isinstance(node, ast.BinOp):
            entry, left, right = BINOPS[type(node.op)], node.left, node.right
        else:
            entry, left, right = COMPARES[type(node.ops[0])], node.left, node.comparators[0]
        prec = entry[3]
        lt, lp = _render(left, style)
        rt, rp = _render(right, style)
        tight = isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Sub, ast.Div, ast.Pow))
        lt = _wrap(lt, lp < prec or (prec == 4 and lp == 4))
        rt = _wrap(rt, rp < prec or (rp == prec and tight))
        return f"{lt}{style.op(entry)}{rt}", prec
    return style.call(node.func.id, node, r), ATOM_PREC


def _wrap(text: str, yes: bool) -> str:
    return f"({text})" if yes else text
