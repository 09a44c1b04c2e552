"""A small expression language with three renderings: numpy evaluation, Excel text, readable text.

Expressions are Python-syntax strings over names ("3 * flops_per_token * train_tokens"), parsed
once with :mod:`ast`.  Only arithmetic, comparisons and the functions in :data:`FUNCTIONS` are
allowed.  Evaluation is vectorized: every value is a :class:`Val` holding one entry per scenario
and a status code per entry (0 ok, 1 blank = stage not used, >= 2 an error whose reason is kept
by the evaluation context), so that errors travel as values instead of exceptions.
``blank("why")`` is a blank that keeps its reason (a result with no value that is not an error).
Each parsed tree is compiled once into Python closures (:func:`compiled`); a function's numpy
entry in :data:`FUNCTIONS` builds its closure, so evaluation walks no tree.
"""

from __future__ import annotations

import ast
import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .reasons import Reason
from .vals import (
    BLANK,
    MAX_FACTORS,
    OK,
    Val,
    equal_mask,
    is_ok,
    merge,
    merge_all,
    ok_codes,
    shared_if_ok,
    text_factors,
)


class ExprError(ValueError):
    """An expression uses syntax or a function the language does not have."""


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
               ast.Attribute, ast.Load, ast.USub, ast.UAdd, ast.keyword, *BINOPS, *COMPARES)
    if not isinstance(node, allowed):
        raise ExprError(f"{type(node).__name__} is not allowed in {source!r}")
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS \
                or (node.keywords and node.func.id != "fail") or any(k.arg is None for k in node.keywords) \
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
            for k in node.keywords:
                visit(k.value)
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


def with_defaults(tree: ast.expr, default: Callable[[str, str], object]) -> ast.expr:
    """The tree with every ``lookup(T, "c", k)`` of a column that has a default (``default(T, c)``
    not None) read as ``lookup_or(T, "c", k, <default>)``: a blank cell takes its column's default,
    in the app, in the budget's formulas and in the formula bar alike."""

    class Defaults(ast.NodeTransformer):
        def visit_Call(self, node):
            self.generic_visit(node)
            if node.func.id != "lookup":
                return node
            value = default(node.args[0].id, node.args[1].value)
            if value is None:
                return node
            call = ast.Call(ast.Name("lookup_or", ast.Load()), [*node.args, ast.Constant(value)], [])
            return ast.copy_location(call, node)

    return ast.fix_missing_locations(Defaults().visit(tree))


# ------------------------------------------------------------------ numpy evaluation


class EvalContext(Protocol):
    """What evaluation needs from the document."""

    size: int

    def name(self, name: str) -> Val: ...
    def is_blank(self, name: str) -> np.ndarray: ...
    def lookup(self, table: str, column: str, key: Val, key_text: str, fallback: Val | None) -> Val: ...
    def reason(self, why: Reason) -> int: ...
    def quiet(self, why: Reason) -> int: ...  # code of a blank that keeps its reason


Run = Callable[[EvalContext], Val]
_COMPILED: dict[int, tuple[ast.expr, Run]] = {}


def evaluate(node: ast.expr, ctx: EvalContext) -> Val:
    """Evaluate a parsed expression for every scenario at once."""
    with np.errstate(all="ignore"):  # once per formula: entering it costs more than a small ufunc
        return compiled(node)(ctx)


def compiled(node: ast.expr) -> Run:
    """The closure that evaluates `node`, built the first time and kept with the tree."""
    hit = _COMPILED.get(id(node))
    if hit is not None and hit[0] is node:
        return hit[1]
    if len(_COMPILED) >= 10_000:  # trees made on the fly (tests, tools): do not grow forever
        _COMPILED.clear()
    run = _compile(node)
    _COMPILED[id(node)] = (node, run)  # keeping the node keeps its id from being reused
    return run


def _compile(node: ast.expr) -> Run:
    """A closure ctx -> Val for one node; names, operators and functions are resolved here once."""
    if isinstance(node, ast.Constant):
        return _compile_constant(node.value)
    if isinstance(node, (ast.Name, ast.Attribute)):
        name = _name_of(node)
        return lambda ctx: ctx.name(name)
    if _fusable(node):
        return _compile_fused(node)
    if isinstance(node, ast.Compare):
        return _compile_text_equality(node)
    if node.func.id == "fail":
        return _np_fail(node)
    return FUNCTIONS[node.func.id].numpy(node.args, [_compile(a) for a in node.args])


def _compile_constant(value) -> Run:
    """A constant's Val, built once per size and shared (read-only, as every Val's arrays)."""
    dtype = object if isinstance(value, str) else float
    kept: dict[int, Val] = {}

    def constant(ctx):
        v = kept.get(ctx.size)
        if v is None:
            values = np.empty(ctx.size, dtype)
            values.fill(value)  # np.full would build a new str object per entry
            values.flags.writeable = False
            v = Val(values, ok_codes(ctx.size))
            if dtype is object:
                v.memo["factors"] = (np.array([value], object), np.zeros(ctx.size, np.intp))
            if len(kept) >= 4:  # sweeps and chunks use a few sizes
                kept.clear()
            kept[ctx.size] = v
        return v
    return constant


_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**",
              ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}


def _numeric_function(node: ast.expr) -> Callable | None:
    """The numpy function of a call to a numeric elementwise function (min, ceil, …), else None."""
    if not isinstance(node, ast.Call):
        return None
    return getattr(FUNCTIONS[node.func.id].numpy, "numeric", None)


def _is_text_equality(node: ast.Compare) -> bool:
    """A comparison (= or ≠) with a string constant: a column of names, compared once per name."""
    right = node.comparators[0]
    return isinstance(node.ops[0], (ast.Eq, ast.NotEq)) and isinstance(right, ast.Constant) \
        and isinstance(right.value, str)


def _fusable(node: ast.expr) -> bool:
    """Part of one fused closure: arithmetic, comparisons (but text equality), numeric elementwise
    functions and isblank."""
    if isinstance(node, (ast.UnaryOp, ast.BinOp)):
        return True
    if isinstance(node, ast.Compare):
        return not _is_text_equality(node)
    return _numeric_function(node) is not None or isinstance(node, ast.Call) and node.func.id == "isblank"


def _compile_fused(node: ast.expr) -> Run:
    """One closure for a tree of arithmetic, numeric comparisons and elementwise functions: the
    values in one Python expression over its operands' arrays (numeric constants folded in as
    numbers), the status codes merged once per operand (merging is associative)."""
    leaves: list[Run] = []
    blanks: list[str] = []  # isblank() names: no status of their own
    scope: dict = {"Val": Val, "merge_all": merge_all, "ok_codes": ok_codes}

    def source(n) -> tuple[str, np.float64 | None]:  # (code, value when constant)
        if isinstance(n, ast.Constant) and not isinstance(n.value, str):
            return "", np.float64(n.value)
        if isinstance(n, ast.UnaryOp):
            code, value = source(n.operand)
            if isinstance(n.op, ast.UAdd):
                return code, value
            return ("", -value) if value is not None else (f"(-{code})", None)
        if isinstance(n, (ast.BinOp, ast.Compare)) and _fusable(n):
            op, left, right = (type(n.op), n.left, n.right) if isinstance(n, ast.BinOp) \
                else (type(n.ops[0]), n.left, n.comparators[0])
            (lc, lv), (rc, rv) = source(left), source(right)
            if lv is not None and rv is not None:
                return "", np.float64((BINOPS.get(op) or COMPARES[op])[0](lv, rv))
            return f"({name(lc, lv)} {_OPERATORS[op]} {name(rc, rv)})", None
        if isinstance(n, ast.Call) and n.func.id == "isblank":
            blanks.append(_name_of(n.args[0]))
            return f"b{len(blanks) - 1}", None
        fn = _numeric_function(n)
        if fn is not None:
            args = [source(a) for a in n.args]
            if all(v is not None for _c, v in args):
                return "", np.float64(fn(*(v for _c, v in args)))
            scope[n.func.id] = fn
            return f"{n.func.id}({', '.join(name(*a) for a in args)})", None
        leaves.append(f"ctx.name({_name_of(n)!r})" if isinstance(n, (ast.Name, ast.Attribute)) else _compile(n))
        return f"x{len(leaves) - 1}.values", None

    def name(code, value):
        if value is None:
            return code
        scope[f"k{len(scope)}"] = value
        return f"k{len(scope) - 1}"

    with np.errstate(all="ignore"):
        code, value = source(node)
    if value is not None:
        return _compile_constant(float(value))
    if code == "x0.values" and not blanks and not isinstance(leaves[0], str):
        return leaves[0]
    codes = ("ok_codes(ctx.size)" if not leaves else "x0.codes" if len(leaves) == 1
             else "merge_all(" + ", ".join(f"x{i}.codes" for i in range(len(leaves))) + ")")
    text = "def fused(ctx):\n" + "".join(f"    x{i} = {r if isinstance(r, str) else f'r{i}(ctx)'}\n"
                                          for i, r in enumerate(leaves)) \
        + "".join(f"    b{i} = ctx.is_blank({n!r})\n" for i, n in enumerate(blanks)) \
        + f"    return Val({code}, {codes})\n"
    scope.update({f"r{i}": r for i, r in enumerate(leaves)})
    exec(compile(text, "<fused>", "exec"), scope)  # noqa: S102 - source built from the parsed tree
    return scope["fused"]


def _compile_text_equality(node: ast.Compare) -> Run:
    """A column of names against one string: the comparison is kept per value (equal_mask)."""
    op, right_node = type(node.ops[0]), node.comparators[0]
    left, right = _compile(node.left), _compile(right_node)
    fn = COMPARES[op][0]
    label, negate = right_node.value, op is ast.NotEq

    def text_compare(ctx):
        a, b = left(ctx), right(ctx)
        if a.values.dtype != object:
            return Val(np.asarray(fn(a.values, b.values), dtype=bool), merge(a.codes, b.codes))
        hit = equal_mask(a, label)
        return Val(~hit if negate else hit, merge(a.codes, b.codes))
    return text_compare


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
    """A number as Excel writes it (1E+30: the `formulas` package does not read 1E30)."""
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(float(x)).upper()


def _excel_str(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def to_excel(node: ast.expr, ctx: ExcelContext) -> str:
    """Excel formula text (without the leading '='), within Excel 2016 / LibreOffice 7.4."""
    return _render(node, _ExcelStyle(ctx))[0]


def to_text(node: ast.expr, name_text: Callable[[str], str] | None = None,
            lookup_text: Callable[[str, str, str], str] | None = None, lang: str = "en") -> str:
    """Readable formula in `lang` (its keywords and the reasons of fail/blank); `name_text` may
    substitute numbers for names."""
    text = _render(node, _TextStyle(name_text, lookup_text, lang))[0]
    if isinstance(node, ast.Call) and node.func.id == "where" and _closes_at_end(text):
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

    def fail(self, _node, _r):
        return "NA()"  # an error, as in the app; the budget notes the reason on the cell


class _TextStyle:
    def __init__(self, name_text, lookup_text, lang: str = "en"):
        self.name_text = name_text or (lambda n: n)
        self.lookup_text = lookup_text
        self.lang = lang

    def word(self, english: str) -> str:
        from . import labels

        return labels.formula_word(english, self.lang)

    def reason(self, why: Reason) -> str:
        from . import labels

        return labels.reason(why, self.lang)

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

    def fail(self, node, r):
        args = tuple((k.arg, _fail_name(k.value) or r(k.value)) for k in node.keywords)
        args += tuple((str(i), r(a)) for i, a in enumerate(node.args[1:]))
        return self.word('error') + self.reason(Reason(node.args[0].value, args))


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
    if node.func.id == "fail":
        return style.fail(node, r), ATOM_PREC
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
    more times.  numpy(args, run) compiles a call once: it returns a closure ctx -> Val, where
    run[i](ctx) evaluates argument i; excel(args, r, ctx) and text(args, r, style) -> str, where
    r(node) renders an argument in the same style."""

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


def _run_all(run: list, ctx) -> tuple[list[Val], np.ndarray]:
    vals = [r(ctx) for r in run]
    return vals, merge_all(*(v.codes for v in vals))


def _elementwise(fn):
    """numpy of a function applied to its evaluated arguments' values."""
    def build(_args, run):
        def call(ctx):
            vals, codes = _run_all(run, ctx)
            return Val(fn(*(v.values for v in vals)), codes)
        return call
    return build


def _numeric(fn):
    """_elementwise() of a function of numbers, marked so that calls fuse with the arithmetic
    around them (_compile_fused: its codes are its arguments' merged, as here)."""
    build = _elementwise(fn)
    build.numeric = fn
    return build


def _fail_name(node: ast.expr) -> str | None:
    """The name a keyword of fail() gives as a string constant (None: a number per scenario)."""
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _np_fail(node: ast.Call):
    """An error with a reason: fail("key", name="column", n=expression) keeps the names as given
    and the numbers of each scenario (one reason per distinct combination of numbers)."""
    key = node.args[0].value
    names = tuple((k.arg, _fail_name(k.value)) for k in node.keywords if _fail_name(k.value) is not None)
    numbers = [(k.arg, _compile(k.value)) for k in node.keywords if _fail_name(k.value) is None]
    numbers += [(str(i), _compile(a)) for i, a in enumerate(node.args[1:])]  # the old style, {0}

    def fail(ctx):
        n = ctx.size
        if not numbers:
            return Val(np.full(n, np.nan), np.full(n, ctx.reason(Reason(key, names)), np.int32))
        vals, codes = _run_all([run for _name, run in numbers], ctx)
        return Val(np.full(n, np.nan), _fail_codes(ctx, key, names, [a for a, _r in numbers], vals, codes))
    return fail


def _fail_codes(ctx, key: str, names: tuple, arg_names: list[str], vals: list[Val],
                codes: np.ndarray) -> np.ndarray:
    codes = codes.astype(np.int32)
    ok = codes == OK
    if ok.any():
        # one reason per distinct combination of numbers (1-D uniques: quick for many scenarios)
        columns = [np.unique(np.asarray(v.values[ok], dtype=float), return_inverse=True) for v in vals]
        combo = np.zeros(int(ok.sum()), np.int64)
        for uniq, inverse in columns:
            combo = combo * len(uniq) + np.ravel(inverse)
        _combos, first, inverse = np.unique(combo, return_index=True, return_inverse=True)
        reasons = np.array([ctx.reason(Reason(key, names + tuple(
            (a, float(u[np.ravel(i)[f]])) for a, (u, i) in zip(arg_names, columns)))) for f in first], np.int32)
        codes[ok] = reasons[np.ravel(inverse)]
    return codes


def _np_where(_args, run):
    cond_run, then_run, else_run = run

    def where(ctx):
        c = cond_run(ctx)
        cond = np.asarray(c.values, dtype=bool)
        hits = np.count_nonzero(cond)
        if hits == 0 or hits == len(cond):  # one branch everywhere: the other is not evaluated
            v = (then_run if hits else else_run)(ctx)
            values = v.values.astype(float) if v.values.dtype == bool else v.values  # as where() gives
            return Val(values, merge(c.codes, v.codes), v.memo if values is v.values else {})
        a, b = then_run(ctx), else_run(ctx)
        codes = a.codes if a.codes is b.codes else shared_if_ok(np.where(cond, a.codes, b.codes))
        return Val(np.where(cond, a.values, b.values), merge(c.codes, codes))
    return where


def _np_switch(args, run):
    labels = [label.value for label in args[1::2]]
    branches = run[2::2]
    no_value = Reason.of("no_allowed_value", col=to_text(args[0]))
    key_run = run[0]

    def switch(ctx):
        key = key_run(ctx)
        values = np.full(ctx.size, np.nan)
        codes = np.full(ctx.size, ctx.reason(no_value), np.int32)
        for label, branch in zip(labels, branches):
            hit = equal_mask(key, label) if key.values.dtype == object else key.values == label
            if hit.any():
                v = branch(ctx)
                values = np.where(hit, v.values, values)
                codes = np.where(hit, v.codes, codes)
        return Val(values, shared_if_ok(merge(key.codes, codes).astype(np.int32)))
    return switch


def _np_zero_if_blank(_args, run):
    def zero_if_blank(ctx):
        v = run[0](ctx)
        if is_ok(v.codes):
            return v
        blank = v.codes == BLANK
        return Val(np.where(blank, 0.0, v.values), np.where(blank, OK, v.codes).astype(np.int32))
    return zero_if_blank


def _np_lookup(args, run):
    table, column, key_text = args[0].id, args[1].value, ast.unparse(args[2])
    key_run, fallback_run = run[2], (run[3] if len(run) == 4 else None)

    def lookup(ctx):
        fallback = fallback_run(ctx) if fallback_run else None
        return ctx.lookup(table, column, key_run(ctx), key_text, fallback)
    return lookup


def _np_isblank(args, _run):
    name = _name_of(args[0])
    return lambda ctx: Val(ctx.is_blank(name), ok_codes(ctx.size))


def _np_blank(args, _run):
    why = Reason(args[0].value)
    return lambda ctx: Val(np.full(ctx.size, np.nan), np.full(ctx.size, ctx.quiet(why), np.int32))


def _minimum(*v):
    return functools.reduce(np.minimum, v)


def _maximum(*v):
    return functools.reduce(np.maximum, v)


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
    return text if len(a) == 3 else f"({text} {style.word('or')} {r(a[3])})"


def _is_text(node: ast.expr) -> bool:
    """A string constant, or a call that gives text (concat of text needs no TEXT())."""
    return (isinstance(node, ast.Constant) and isinstance(node.value, str)) or (
        isinstance(node, ast.Call) and node.func.id in ("concat", "intext"))


def _tx_call(a, r, style, name):
    return f"{name}({', '.join(r(x) for x in a)})"


def _np_concat(_args, run):
    """Text pieces joined per entry.  Each piece is reduced to its distinct values first (text
    remembers them, numbers are few: a layout's degrees), and each distinct combination is
    joined once."""
    def concat(ctx):
        vals, codes = _run_all(run, ctx)
        n = ctx.size
        combo, radix, pieces = np.zeros(n, np.int64), 1, []
        for v in vals:
            factors = text_factors(v) if v.values.dtype == object else None
            if factors is None:
                uniques, inverse = np.unique(v.values if v.values.dtype != object else v.values.astype(str),
                                             return_inverse=True)
                texts = uniques.astype(object) if v.values.dtype == object else _as_text(uniques)
            else:
                texts, inverse = factors
            inverse = np.ravel(inverse)
            pieces.append((texts, inverse))
            if len(texts) > 1:
                if radix * len(texts) > 2 ** 40:  # keep the mixed-radix number small
                    combo = np.ravel(np.unique(combo, return_inverse=True)[1])
                    radix = int(combo.max()) + 1
                combo, radix = combo * len(texts) + inverse, radix * len(texts)
        _combos, firsts, combo = np.unique(combo, return_index=True, return_inverse=True)
        combo = np.ravel(combo)
        out = np.empty(len(firsts), object)
        for j, row in enumerate(firsts):
            out[j] = "".join(str(texts[inverse[row]]) for texts, inverse in pieces)
        values = out[combo]
        v = Val(values, codes)
        v.memo["factors"] = (out, combo) if len(out) <= MAX_FACTORS else None
        return v
    return concat


def _as_text(x):
    """Whole numbers as text without a decimal point (Excel TEXT(x, "0"))."""
    vals = np.asarray(x, dtype=float)
    ok = np.isfinite(vals)
    out = np.where(ok, np.round(vals), 0).astype(np.int64).astype(str).astype(object)
    if not ok.all():
        out[~ok] = ""
    return out


def _pow2ceil(x):
    return np.power(2.0, np.ceil(np.log2(x) - POW2_EPS))


_F = Function
FUNCTIONS: dict[str, Function] = {f.name: f for f in (
    _F("min", (), _numeric(_minimum),
       lambda a, r, _c: f"MIN({','.join(r(x) for x in a)})", lambda a, r, s: _tx_call(a, r, s, "min"),
       "the smallest argument", repeat=(VALUE,), min_repeat=1),
    _F("max", (), _numeric(_maximum),
       lambda a, r, _c: f"MAX({','.join(r(x) for x in a)})", lambda a, r, s: _tx_call(a, r, s, "max"),
       "the largest argument", repeat=(VALUE,), min_repeat=1),
    _F("ceil", (VALUE,), _numeric(np.ceil),
       lambda a, r, _c: f"-INT(-({r(a[0])}))", lambda a, r, _s: f"⌈{r(a[0])}⌉",
       "rounded up to a whole number"),
    _F("pow2ceil", (VALUE,), _numeric(_pow2ceil),
       lambda a, r, _c: f"2^(-INT(-(LOG({r(a[0])},2)-{excel_number(POW2_EPS)})))",
       lambda a, r, s: _tx_call(a, r, s, "pow2ceil"), "the next power of two"),
    _F("log2", (VALUE,), _numeric(np.log2),
       lambda a, r, _c: f"LOG({r(a[0])},2)", lambda a, r, s: _tx_call(a, r, s, "log₂"),
       "the base-2 logarithm (how many doublings)"),
    _F("concat", (), _np_concat,
       lambda a, r, _c: "&".join(f'TEXT({r(x)},"0")' if not _is_text(x) else r(x) for x in a),
       lambda a, r, _s: " & ".join(r(x) for x in a),
       "the arguments joined as text (numbers rounded to whole numbers)", repeat=(VALUE,), min_repeat=2),
    _F("intext", (VALUE,), _elementwise(_as_text),
       lambda a, r, _c: f'TEXT({r(a[0])},"0")', lambda a, r, s: _tx_call(a, r, s, "text"),
       "a number as text, rounded to a whole number"),
    _F("where", (VALUE, VALUE, VALUE), _np_where,
       lambda a, r, _c: f"IF({r(a[0])},{r(a[1])},{r(a[2])})",
       lambda a, r, s: f"({s.word('if')} {r(a[0])} {s.word('then')} {r(a[1])} {s.word('else')} {r(a[2])})",
       "where(condition, then, else)"),
    _F("switch", (VALUE,), _np_switch, _xl_switch,
       lambda a, r, s: "{} {}: ({})".format(
           s.word("by"), r(a[0]), ", ".join(f"{lab.value} → {r(b)}" for lab, b in zip(a[1::2], a[2::2]))),
       'switch(key, "label", value, …): the value of the label equal to key',
       repeat=(STRING, VALUE), min_repeat=1),
    _F("isblank", (NAME,), _np_isblank,
       lambda a, _r, ctx: ctx.is_blank(_name_of(a[0])), lambda a, r, s: f"{r(a[0])} {s.word('is blank')}",
       "true when the input cell is blank"),
    _F("zero_if_blank", (VALUE,), _np_zero_if_blank, lambda a, r, _c: f"N({r(a[0])})", lambda a, r, s: f"({r(a[0])} {s.word('or')} 0)",
       "0 where the value is blank (its stage is not part of the scenario)"),
    # fail() takes keywords: its call node is compiled and rendered whole (_np_fail, style.fail)
    _F("fail", (STRING,), None, None, None,
       'an error with a reason of the catalogue: fail("cards_too_few", cards=n, col="train_gpus"); '
       "a keyword given an expression is a number per scenario, one given a string a name",
       repeat=(VALUE,)),
    _F("blank", (STRING,),
       _np_blank,
       lambda _a, _r, _c: '""', lambda a, _r, s: f"{s.word('blank')} ({s.reason(Reason(a[0].value))})",
       'a blank that keeps its reason, a key of the catalogue (shown, not counted as an error)'),
    _F("lookup", (TABLE, COLUMN, VALUE), _np_lookup, _xl_lookup, _tx_lookup,
       "lookup(Table, \"column\", name): the column of the table's row of that name (a blank cell: the column's default)"),
    _F("lookup_or", (TABLE, COLUMN, VALUE, VALUE), _np_lookup, _xl_lookup, _tx_lookup,
       "lookup_or(Table, \"column\", name, fallback): the fallback where the cell is blank"),
)}
