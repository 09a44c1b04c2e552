"""Golden table of the expression language: source -> Excel text -> readable text -> value."""

import ast
import re

import numpy as np
import pytest

from llmcost_gui.core import expr
from llmcost_gui.core.expr import Val


class Ctx:
    """Names a=2, b=3, c=blank, s='CNY'; one scenario."""

    size = 1
    reasons = ["", "blank"]

    def name(self, n):
        vals = {"a": 2.0, "b": 3.0, "c": np.nan, "s": "CNY"}
        code = 1 if n == "c" else 0
        dtype = object if n == "s" else float
        return Val(np.array([vals[n]], dtype=dtype), np.array([code], np.int32))

    def is_blank(self, n):
        return np.array([n == "c"])

    def lookup(self, table, column, key, key_text, fallback):
        return Val(np.array([10.0]), np.zeros(1, np.int32))

    def reason(self, message):
        self.reasons.append(message)
        return len(self.reasons) - 1

    quiet = reason


class XCtx:
    def name(self, n):
        return {"a": "$A$2", "b": "$B$2", "c": "$C$2", "s": "cur"}[n]

    def is_blank(self, n):
        return f"ISBLANK({self.name(n)})"

    def lookup(self, table, column, key):
        return f"INDEX({table}!{column},MATCH({key},{table}!name,0))"


GOLDEN = [
    # source, Excel, text, value
    ("a + b * 2", "$A$2+$B$2*2", "a + b · 2", 8.0),
    ("(a + b) * 2", "($A$2+$B$2)*2", "(a + b) · 2", 10.0),
    ("a - (b - 1)", "$A$2-($B$2-1)", "a − (b − 1)", 0.0),
    ("a / (b * 2)", "$A$2/($B$2*2)", "a / (b · 2)", 1 / 3),
    ("a ** 2 / 2", "$A$2^2/2", "a^2 / 2", 2.0),
    ("-a + b", "(-$A$2)+$B$2", "(-a) + b", 1.0),
    ("1e9 * a", "1000000000*$A$2", "1e9 · a", 2e9),
    ("0.25 * a", "0.25*$A$2", "0.25 · a", 0.5),
    ("max(a, b)", "MAX($A$2,$B$2)", "max(a, b)", 3.0),
    ("min(a, b, 1)", "MIN($A$2,$B$2,1)", "min(a, b, 1)", 1.0),
    ("ceil(a / b)", "-INT(-($A$2/$B$2))", "⌈a / b⌉", 1.0),
    ("pow2ceil(a + b)", "2^(-INT(-(LOG($A$2+$B$2,2)-1E-09)))", "pow2ceil(a + b)", 8.0),
    ("pow2ceil(8)", "2^(-INT(-(LOG(8,2)-1E-09)))", "pow2ceil(8)", 8.0),
    ("log2(a * 4)", "LOG($A$2*4,2)", "log₂(a · 4)", 3.0),
    ('where(s == "CNY", a, b)', 'IF(cur="CNY",$A$2,$B$2)', 'if s = "CNY" then a else b', 2.0),
    ('switch(s, "USD", 1, "CNY", 7)', 'IF(cur="USD",1,IF(cur="CNY",7,NA()))', "by s: (USD → 1, CNY → 7)", 7.0),
    ("where(isblank(c), a, c)", "IF(ISBLANK($C$2),$A$2,$C$2)", "if c is blank then a else c", 2.0),
    ("zero_if_blank(c) + a", "N($C$2)+$A$2", "(c or 0) + a", 2.0),
    ('fail("no offer") + a', "NA()+$A$2", "error: no offer + a", "no offer"),
    ('fail("needs {0} cards", a + 1)', "NA()", "error: needs a + 1 cards", "needs 3 cards"),
    ('blank("no offer")', '""', "blank (no offer)", "no offer"),
    ('concat("TP", a * 4, " · ", intext(b))', '"TP"&TEXT($A$2*4,"0")&" · "&TEXT($B$2,"0")',
     '"TP" & a · 4 & " · " & text(b)', ("text", "TP8 · 3")),
    ('intext(a + 0.4)', 'TEXT($A$2+0.4,"0")', "text(a + 0.4)", ("text", "2")),
    ('lookup_or(Models, "layers", s, 4)', 'IF(INDEX(Models!layers,MATCH(cur,Models!name,0))="",4,'
     'INDEX(Models!layers,MATCH(cur,Models!name,0)))', "(Models[s].layers or 4)", 10.0),
    ('lookup(Models, "params_b", s) * 1e9', 'IF(INDEX(Models!params_b,MATCH(cur,Models!name,0))="",NA(),'
     'INDEX(Models!params_b,MATCH(cur,Models!name,0)))*1000000000', "Models[s].params_b · 1e9", 1e10),
]


@pytest.mark.parametrize("source,excel,text,value", GOLDEN)
def test_golden(source, excel, text, value):
    tree = expr.parse(source)
    assert expr.to_excel(tree, XCtx()) == excel
    assert expr.to_text(tree) == text
    ctx = Ctx()
    v = expr.evaluate(tree, ctx)
    if isinstance(value, tuple):  # text
        assert v.codes[0] == 0 and v.values[0] == value[1]
    elif isinstance(value, str):  # an error or blank that keeps its reason
        assert str(ctx.reasons[v.codes[0]]) == value
    else:
        assert v.codes[0] == 0
        assert float(v.values[0]) == pytest.approx(value)


def test_every_function_has_a_golden_row():
    called = {n.func.id for source, *_ in GOLDEN for n in ast.walk(expr.parse(source))
              if isinstance(n, ast.Call)}
    assert called == set(expr.FUNCTIONS)


@pytest.mark.parametrize("bad,why", [
    ("where(a, b)", "where() takes 3 arguments, got 2"),
    ("min()", "min() takes 1 or more arguments, got 0"),
    ('switch(s, "USD")', "switch() takes 3 or more arguments, got 2"),
    ('switch(s, "USD", 1, "CNY")', "switch() takes 3 or more arguments, got 4"),
    ("switch(s, USD, 1)", "argument 2 of switch() must be a string"),
    ("isblank(a + b)", "argument 1 of isblank() must be a name"),
    ('lookup("Models", "params_b", s)', "argument 1 of lookup() must be a table"),
    ("lookup(Models, params_b, s)", "argument 2 of lookup() must be a column"),
    ("fail(a)", "argument 1 of fail() must be a string"),
    ("ceil(*a)", "unknown function"),
])
def test_arity_and_argument_kinds_are_checked(bad, why):
    with pytest.raises(expr.ExprError, match=re.escape(why)):
        expr.parse(bad)


def test_build_checks_lookup_tables_and_columns():
    from llmcost_gui.core.formulas import REGISTRY, Formula, RegistryError, build

    rest = tuple(REGISTRY.values())
    with pytest.raises(RegistryError, match="unknown table 'Hardwre'"):
        build((Formula("x", "", 'lookup(Hardwre, "bf16_tflops", train_hardware)', ""),) + rest)
    with pytest.raises(RegistryError, match="Hardware has no column 'bf16_tflop'"):
        build((Formula("x", "", 'lookup(Hardware, "bf16_tflop", train_hardware)', ""),) + rest)


def test_blank_propagates_and_fail_is_an_error():
    ctx = Ctx()
    assert expr.evaluate(expr.parse("a + c"), ctx).codes[0] == 1
    v = expr.evaluate(expr.parse('where(a > 1, fail("too big"), a)'), ctx)
    assert str(ctx.reasons[v.codes[0]]) == "too big"


@pytest.mark.parametrize("bad", ["__import__('os')", "a.b", "a if b else c", "[a]", "lambda: 1",
                                 "open('x')", "a < b < c", "a and b", "min(a, key=b)"])
def test_rejects_everything_else(bad):
    with pytest.raises(expr.ExprError):
        expr.parse(bad)


def test_pow2ceil_exact_on_whole_numbers():
    ctx = Ctx()
    for n, want in [(1, 1), (2, 2), (3, 4), (4, 4), (5, 8), (1024, 1024), (1025, 2048), (2**19 + 1, 2**20)]:
        assert expr.evaluate(expr.parse(f"pow2ceil({n})"), ctx).values[0] == want


def test_registry_is_ordered_and_closed():
    from llmcost_gui.core.formulas import REGISTRY, RESULT_KEYS, Formula, RegistryError, build

    keys = list(REGISTRY)
    for i, f in enumerate(REGISTRY.values()):
        for dep in expr.names(f.tree):
            if dep in REGISTRY:
                assert keys.index(dep) < i, (f.key, dep)
    assert set(RESULT_KEYS) <= set(REGISTRY)
    with pytest.raises(RegistryError, match="cycle"):
        build((Formula("x", "", "y + 1", ""), Formula("y", "", "x", "")) + tuple(REGISTRY.values()))
    with pytest.raises(RegistryError, match="unknown name"):
        build((Formula("x", "", "nonsense + 1", ""),) + tuple(REGISTRY.values()))


def test_inputs_of_follows_formulas_and_lookups():
    from llmcost_gui.core.formulas import inputs_of

    deps = inputs_of("train_cost")
    assert {"train_tokens_b", "train_mfu", "train_discount", "usd_cny", "model.params_b",
            "train_hardware.bf16_tflops", "train_price.per_gpu_hour"} <= deps
    assert "daily_users" not in deps and "serve_hardware.price" not in deps
    assert "daily_users" in inputs_of("daily_total")


def test_fail_names_numbers_per_scenario():
    """fail("...{0}...", x) formats x per scenario (whole above 100, else 3 digits); Excel NA()."""

    class Many(Ctx):
        size = 3

        def name(self, n):
            return Val(np.array([4.0, 1234.0, 2.5]), np.array([0, 0, 1], np.int32))

    ctx = Many()
    ctx.reasons = ["", "blank"]
    tree = expr.parse('fail("needs {0} cards", a)')
    v = expr.evaluate(tree, ctx)
    assert [str(ctx.reasons[c]) for c in v.codes] == ["needs 4 cards", "needs 1,234 cards", "blank"]
    assert expr.to_excel(tree, XCtx()) == "NA()"
    assert expr.to_text(tree) == "error: needs a cards"


def test_fail_keeps_a_key_with_names_and_numbers():
    """fail("key", col="name", n=expression): the reason is data; words come at display time."""
    from llmcost_gui.core.reasons import Reason

    ctx = Ctx()
    tree = expr.parse('fail("cards_too_few", cards=a, need=b + 1, card_gb=80)')
    assert expr.names(tree) == {"a", "b"}
    v = expr.evaluate(tree, ctx)
    assert ctx.reasons[v.codes[0]] == Reason("cards_too_few", (("cards", 2.0), ("need", 4.0), ("card_gb", 80.0)))
    assert expr.to_text(tree).startswith("error: a training cards cannot hold this run: it needs at least b + 1 ")
    assert expr.to_text(tree, lang="zh_CN").startswith("错误：a 张训练卡放不下这次训练")
    tree = expr.parse('fail("no_rental_offer", col="train_price")')
    expr.evaluate(tree, ctx)
    assert ctx.reasons[-1] == Reason.of("no_rental_offer", col="train_price")
    assert expr.to_text(tree, lang="zh_CN") == "错误：请在预训练租用报价中选择租用报价，或把采购方式设为购买"
    with pytest.raises(expr.ExprError):
        expr.parse('max(a, n=1)')
