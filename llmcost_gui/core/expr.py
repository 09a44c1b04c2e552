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
POW2_EPS = 1e-9  # pow2ceil(n) = 2^ceil(log2(n) - eps): exact for whole n below 2^20, in numpy and Excel


def parse(source: str) -> ast.expr:
    """Parse and check an expression; raise ExprError for anything outside the language."""
    try:
        tree = ast.parse(source, mode="eval").body
    except SyntaxError as exc:
        raise ExprError(f"syntax error in {source!r}: {exc.msg}") from None
    for node in ast.walk(tree):
        _check_node(node, source)
        if isinstance(node, ast.Call):
            _check_call(node, source)
    return tree


def _check_node(node: ast.AST, source: str) -> None:
    allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Compare, ast.Call, ast.Name, ast.Constant,
               ast.Attribute, ast.Load, ast.USub, ast.UAdd, *BINOPS, *COMPARES)
    if not isinstance(node, allowed):
        raise ExprError(f"{type(node).__name__} is not allowed in {source!r}")
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS or node.keywords \
                or any(isinstance(a, ast.Starred) for a in node.args):
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
            for a, kind in zip(node.args, FUNCTIONS[node.func.id].kinds_of(len(node.args))):
                if kind in (VALUE, NAME):
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
        if isinstance(n, ast.Call) and FUNCTIONS[n.func.id].kinds[:2] == (TABLE, COLUMN)
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
    with np.errstate(all="ignore"):  # once per formula: entering it costs more than a small ufunc
        return _evaluate(node, ctx)


def _evaluate(node: ast.expr, ctx: EvalContext) -> Val:
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
        v = _evaluate(node.operand, ctx)
        return Val(-v.values if isinstance(node.op, ast.USub) else v.values, v.codes)
    if isinstance(node, ast.BinOp):
        a, b = _evaluate(node.left, ctx), _evaluate(node.right, ctx)
        return Val(BINOPS[type(node.op)][0](a.values, b.values), _merge(a.codes, b.codes))
    if isinstance(node, ast.Compare):
        a, b = _evaluate(node.left, ctx), _evaluate(node.comparators[0], ctx)
        fn = COMPARES[type(node.ops[0])][0]
        return Val(np.asarray(fn(a.values, b.values), dtype=bool), _merge(a.codes, b.codes))
    return _call(node, ctx)


def _call(node: ast.Call, ctx: EvalContext) -> Val:
    return FUNCTIONS[node.func.id].numpy(node.args, ctx)


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
        return FUNCTIONS[f].excel(node.args, r, self.ctx)


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
        return FUNCTIONS[f].text(node.args, r, self)


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



# ------------------------------------------------------------------ functions: one table
# Kinds of argument: any expression; a scenario column or assumption (isblank); an input table
# (lookups); a column of that table, as a string; a string constant (messages, switch labels).
VALUE, NAME, TABLE, COLUMN, STRING = "value", "name", "table", "column", "string"


@dataclass(frozen=True)
class Function:
    """One function of the language: its arguments and its three renderings.

    `kinds` are the leading arguments; `repeat` (if any) is a group that follows `min_repeat` or
    more times.  numpy(args, ctx) -> Val; excel(args, r, ctx) and text(args, r, style) -> str,
    where r(node) renders an argument in the same style."""

    name: str
    kinds: tuple[str, ...]
    numpy: Callable
    excel: Callable
    text: Callable
    doc: str
    repeat: tuple[str, ...] = ()
    min_repeat: int = 0

    def arity_text(self) -> str:
        n = len(self.kinds) + self.min_repeat * len(self.repeat)
        return f"{n} or more" if self.repeat else str(n)

    def kinds_of(self, count: int) -> tuple[str, ...]:
        """The kind of each of `count` arguments (None when the count is wrong)."""
        extra = count - len(self.kinds)
        if extra == 0 and self.min_repeat == 0:
            return self.kinds
        if not self.repeat or extra < self.min_repeat * len(self.repeat) or extra % len(self.repeat):
            return None
        return self.kinds + self.repeat * (extra // len(self.repeat))


def _check_call(node: ast.Call, source: str) -> None:
    """Arity and argument kinds of a call (parse() has checked that the function exists)."""
    fn = FUNCTIONS[node.func.id]
    kinds = fn.kinds_of(len(node.args))
    if kinds is None:
        raise ExprError(f"{fn.name}() takes {fn.arity_text()} arguments, got {len(node.args)} "
                        f"in {source!r}")
    for i, (arg, kind) in enumerate(zip(node.args, kinds), start=1):
        ok = {
            VALUE: True,
            NAME: isinstance(arg, (ast.Name, ast.Attribute)),
            TABLE: isinstance(arg, ast.Name),
            COLUMN: isinstance(arg, ast.Constant) and isinstance(arg.value, str),
            STRING: isinstance(arg, ast.Constant) and isinstance(arg.value, str),
        }[kind]
        if not ok:
            raise ExprError(f"argument {i} of {fn.name}() must be a {kind} in {source!r}")


def _values(args, ctx) -> tuple[list[Val], np.ndarray]:
    vals = [_evaluate(x, ctx) for x in args]
    return vals, _merge(*(v.codes for v in vals))


def _elementwise(fn):
    """numpy of a function applied to its evaluated arguments' values."""
    def run(args, ctx):
        vals, codes = _values(args, ctx)
        return Val(fn(*(v.values for v in vals)), codes)
    return run


def _np_fail(args, ctx):
    """An error whose reason may name numbers: fail("needs {0} cards", n) formats n per scenario."""
    n = ctx.size
    template = args[0].value
    if len(args) == 1:
        return Val(np.full(n, np.nan), np.full(n, ctx.reason(template), np.int32))
    vals, codes = _values(args[1:], ctx)
    codes = codes.astype(np.int32)
    ok = codes == OK
    if ok.any():
        # one message per distinct combination of numbers (1-D uniques: quick for many scenarios)
        columns = [np.unique(np.asarray(v.values[ok], dtype=float), return_inverse=True) for v in vals]
        key = np.zeros(int(ok.sum()), np.int64)
        for uniq, inverse in columns:
            key = key * len(uniq) + np.ravel(inverse)
        _combos, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        reasons = np.array([ctx.reason(template.format(*(_reason_number(u[np.ravel(i)[f]])
                                                        for u, i in columns))) for f in first], np.int32)
        codes[ok] = reasons[np.ravel(inverse)]
    return Val(np.full(n, np.nan), codes)


def _reason_number(v: float) -> str:
    """A number inside an error message: whole above 100 (1,024), else three digits (72.5)."""
    return f"{v:,.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:.3g}"


def _np_where(args, ctx):
    c, a, b = (_evaluate(x, ctx) for x in args)
    cond = c.values.astype(bool)
    return Val(np.where(cond, a.values, b.values), _merge(c.codes, np.where(cond, a.codes, b.codes)))


def _np_switch(args, ctx):
    key = _evaluate(args[0], ctx)
    values = np.full(ctx.size, np.nan)
    codes = np.full(ctx.size, ctx.reason(f"{to_text(args[0])} has no allowed value"), np.int32)
    for label, branch in zip(args[1::2], args[2::2]):
        hit = key.values == label.value
        if hit.any():
            v = _evaluate(branch, ctx)
            values = np.where(hit, v.values, values)
            codes = np.where(hit, v.codes, codes)
    return Val(values, _merge(key.codes, codes).astype(np.int32))


def _np_n0(args, ctx):
    v = _evaluate(args[0], ctx)
    blank = v.codes == BLANK
    return Val(np.where(blank, 0.0, v.values), np.where(blank, OK, v.codes).astype(np.int32))


def _np_lookup(args, ctx):
    fallback = _evaluate(args[3], ctx) if len(args) == 4 else None
    return ctx.lookup(args[0].id, args[1].value, _evaluate(args[2], ctx), ast.unparse(args[2]), fallback)


def _xl_switch(a, r, _ctx):
    key, out = r(a[0]), "NA()"
    for label, branch in reversed(list(zip(a[1::2], a[2::2]))):
        out = f"IF({key}={_excel_str(label.value)},{r(branch)},{out})"
    return out


def _xl_lookup(a, r, ctx):
    look = ctx.lookup(a[0].id, a[1].value, r(a[2]))
    return f'IF({look}="",{r(a[3]) if len(a) == 4 else "NA()"},{look})'


def _tx_lookup(a, r, style):
    if style.lookup_text:
        text = style.lookup_text(a[0].id, a[1].value, ast.unparse(a[2]))
    else:
        text = f"{a[0].id}[{r(a[2])}].{a[1].value}"
    return text if len(a) == 3 else f"({text} or {r(a[3])})"


def _tx_call(a, r, style, name):
    return f"{name}({', '.join(r(x) for x in a)})"


def _pow2ceil(x):
    return np.power(2.0, np.ceil(np.log2(x) - POW2_EPS))


_F = Function
FUNCTIONS: dict[str, Function] = {f.name: f for f in (
    _F("min", (), _elementwise(lambda *v: np.minimum.reduce(v)),
       lambda a, r, _c: f"MIN({','.join(r(x) for x in a)})", lambda a, r, s: _tx_call(a, r, s, "min"),
       "the smallest argument", repeat=(VALUE,), min_repeat=1),
    _F("max", (), _elementwise(lambda *v: np.maximum.reduce(v)),
       lambda a, r, _c: f"MAX({','.join(r(x) for x in a)})", lambda a, r, s: _tx_call(a, r, s, "max"),
       "the largest argument", repeat=(VALUE,), min_repeat=1),
    _F("ceil", (VALUE,), _elementwise(np.ceil),
       lambda a, r, _c: f"-INT(-({r(a[0])}))", lambda a, r, _s: f"⌈{r(a[0])}⌉",
       "rounded up to a whole number"),
    _F("pow2ceil", (VALUE,), _elementwise(_pow2ceil),
       lambda a, r, _c: f"2^(-INT(-(LOG({r(a[0])},2)-{excel_number(POW2_EPS)})))",
       lambda a, r, s: _tx_call(a, r, s, "pow2ceil"), "the next power of two"),
    _F("where", (VALUE, VALUE, VALUE), _np_where,
       lambda a, r, _c: f"IF({r(a[0])},{r(a[1])},{r(a[2])})",
       lambda a, r, _s: f"(if {r(a[0])} then {r(a[1])} else {r(a[2])})",
       "where(condition, then, else)"),
    _F("switch", (VALUE,), _np_switch, _xl_switch,
       lambda a, r, _s: "by {}: ({})".format(
           r(a[0]), ", ".join(f"{lab.value} → {r(b)}" for lab, b in zip(a[1::2], a[2::2]))),
       'switch(key, "label", value, …): the value of the label equal to key',
       repeat=(STRING, VALUE), min_repeat=1),
    _F("isblank", (NAME,), lambda a, ctx: Val(ctx.is_blank(_name_of(a[0])), np.zeros(ctx.size, np.int32)),
       lambda a, _r, ctx: ctx.is_blank(_name_of(a[0])), lambda a, r, _s: f"{r(a[0])} is blank",
       "true when the input cell is blank"),
    _F("n0", (VALUE,), _np_n0, lambda a, r, _c: f"N({r(a[0])})", lambda a, r, _s: f"({r(a[0])} or 0)",
       "0 where the value is blank (its stage is not part of the scenario)"),
    _F("fail", (STRING,), _np_fail, lambda _a, _r, _c: "NA()",
       lambda a, r, _s: "error: " + a[0].value.format(*(r(x) for x in a[1:])),
       'an error with this reason; fail("needs {0} cards", n) puts the numbers in it',
       repeat=(VALUE,)),
    _F("blank", (STRING,),
       lambda a, ctx: Val(np.full(ctx.size, np.nan), np.full(ctx.size, ctx.quiet(a[0].value), np.int32)),
       lambda _a, _r, _c: '""', lambda a, _r, _s: f"blank ({a[0].value})",
       "a blank that keeps its reason (shown, not counted as an error)"),
    _F("lookup", (TABLE, COLUMN, VALUE), _np_lookup, _xl_lookup, _tx_lookup,
       "lookup(Table, \"column\", name): the column of the table's row of that name"),
    _F("lookup_or", (TABLE, COLUMN, VALUE, VALUE), _np_lookup, _xl_lookup, _tx_lookup,
       "lookup_or(Table, \"column\", name, fallback): the fallback where the cell is blank"),
)}
