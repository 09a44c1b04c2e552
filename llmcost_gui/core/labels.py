"""Looking up the catalogue's words (core/catalogue/) in English or Simplified Chinese (Qt-free).

The window, the CLI, the budget export, the importer's header aliases and the generated docs read
their words through these functions.  Unknown names fall back to the name itself, so an extra
column keeps its own header.
"""

from __future__ import annotations

from .catalogue import LANGS, lang_index
from .catalogue.budget import BUDGET_WORDS
from .catalogue.interface import FORMULA_WORDS, HF_IMPORT, UI_ZH
from .catalogue.memory_chart import MEMORY_CHART
from .catalogue.reasons import DOMAIN_WORDS, REASONS
from .catalogue.results import RESULT_DOC_ZH, RESULTS
from .catalogue.tables import ASSUMPTIONS, COLUMN_HELP_ZH, COLUMNS, STAGES, TABLES
from .reasons import Reason
from .units import PLAIN_UNITS, localize_value, unit_label, with_unit

__all__ = [
    "BUDGET_WORDS", "COLUMN_HELP_ZH", "HF_IMPORT", "LANGS", "PLAIN_UNITS", "RESULT_DOC_ZH", "UI_ZH",
    "aliases", "budget_word", "column_label", "description", "domain_words", "formula_word", "header",
    "hf_text", "label", "lang_index", "localize_value", "memory_chart_text", "message", "name_label",
    "reason", "reason_value", "refused", "result_label", "stage_title", "table_label", "text",
    "unit_label", "where_text",
]

# A name's label for label(): a result's first, then a table's, a stage's, a column's, an assumption's.
_ANY_LABEL: dict[str, tuple[str, str]] = {**ASSUMPTIONS, **COLUMNS, **STAGES, **TABLES, **RESULTS}


def label(name: str, lang: str = "en") -> str:
    """Label of a table, column, result key, assumption key or stage; the name if unknown."""
    pair = _ANY_LABEL.get(name)
    return pair[lang_index(lang)] if pair else name


def column_label(name: str, lang: str = "en") -> str:
    """Label of a column (where a name is both a column and a result, the column's)."""
    pair = COLUMNS.get(name) or ASSUMPTIONS.get(name)
    return pair[lang_index(lang)] if pair else name


def result_label(key: str, lang: str = "en") -> str:
    """Label of a result (a column's label for a result that is also a column)."""
    pair = RESULTS.get(key) or COLUMNS.get(key)
    return pair[lang_index(lang)] if pair else key


def table_label(name: str, lang: str = "en") -> str:
    pair = TABLES.get(name)
    return pair[lang_index(lang)] if pair else name


def stage_title(stage: str, lang: str = "en") -> str:
    pair = STAGES.get(stage)
    return pair[lang_index(lang)] if pair else stage


def header(name: str, unit: str = "", lang: str = "en", currency: str = "") -> str:
    """A column header: the column's label and its unit in parentheses when it adds something."""
    return with_unit(column_label(name, lang), unit, lang, currency)


def aliases() -> dict[str, str]:
    """English and Chinese column labels -> column name, for io.records.match_header(aliases=...)."""
    return {text: name for name, pair in COLUMNS.items() for text in pair}


def description(key: str, lang: str = "en", table: str = "") -> str:
    """Description of a column of `table` (or of Scenarios, or an assumption) or of a result.

    The English ones live beside what they describe (a column's `help` in core/schema.py, a
    formula's `doc` in core/formulas.py); the Chinese ones in the catalogue.
    """
    from .formulas import REGISTRY
    from .schema import ASSUMPTION_KEYS
    from .schema import TABLES as SCHEMA

    zh = lang_index(lang) == 1
    tables = [table] if table else ["Scenarios", *SCHEMA]
    if not table and key in REGISTRY:
        return RESULT_DOC_ZH.get(key, REGISTRY[key].doc) if zh else REGISTRY[key].doc
    for name in tables:
        schema = SCHEMA.get(name)
        if schema is not None and key in schema.by_name:
            help_text = schema.by_name[key].help
            return COLUMN_HELP_ZH.get(f"{name}.{key}", help_text) if zh else help_text
    if key in ASSUMPTION_KEYS:
        help_text = ASSUMPTION_KEYS[key].help
        return COLUMN_HELP_ZH.get(f"Assumptions.{key}", help_text) if zh else help_text
    if key in REGISTRY:
        return RESULT_DOC_ZH.get(key, REGISTRY[key].doc) if zh else REGISTRY[key].doc
    return ""


def text(english: str, lang: str = "en") -> str:
    """An interface text in `lang` (the English text when no translation exists)."""
    return UI_ZH.get(english, english) if lang_index(lang) == 1 else english


def message(english: str, lang: str = "en", **kw) -> str:
    """An interface message in `lang` with its {named} places filled ('{n} rows' -> '3 行')."""
    return text(english, lang).format(**kw) if kw else text(english, lang)


def hf_text(key: str, lang: str = "en") -> str:
    """A word of the Hugging Face import, in `lang`."""
    return HF_IMPORT[key][lang_index(lang)]


def budget_word(key: str, lang: str = "en") -> str:
    """A word of the budget workbook in the language."""
    return BUDGET_WORDS[key][lang_index(lang)]


def memory_chart_text(key: str, lang: str = "en") -> str:
    """Words of the memory breakdown chart (parts, axis, summary line)."""
    return MEMORY_CHART[key][lang_index(lang)]


def formula_word(word: str, lang: str = "en") -> str:
    """A keyword of a readable formula ("if", "then", "error", …) in `lang`."""
    pair = FORMULA_WORDS.get(word)
    return pair[lang_index(lang)] if pair else word


# ------------------------------------------------------------------ reasons in words


def reason(why, lang: str = "en") -> str:
    """A reason (core.reasons.Reason) in words of `lang`; text that is not a Reason stays as it is.

    A key without a template shows as written: a reason in the old style (an English sentence as
    the key) keeps reading, in English, until it gets a key and a template."""
    if not isinstance(why, Reason):
        return "" if why is None else str(why)
    if not why.key:
        return ""
    pair = REASONS.get(why.key)
    template = pair[lang_index(lang)] if pair else why.key
    words = _ReasonWords(lang, why.kw)
    return template.format_map(words) if pair else _legacy(template, why.args, words)


def _legacy(template: str, args, words) -> str:
    """An uncatalogued fail("… {0} …", n) in the old positional style, filled in as written."""
    try:
        return template.format(*(words[name] for name, _ in args))
    except (IndexError, KeyError, ValueError):
        return template


class _ReasonWords(dict):
    """The places of a template: each argument shown by what its name says (core/reasons.py);
    a place that is not an argument is a column, assumption or result shown by its label."""

    def __init__(self, lang: str, args: dict):
        super().__init__()
        self.lang, self.args = lang, args

    def __missing__(self, name: str) -> str:
        if name not in self.args:
            return name_label(name, self.lang)
        value = self.args[name]
        if name == "col" or name.startswith("col_"):
            return name_label(str(value), self.lang)
        if name == "table":
            return table_label(str(value), self.lang)
        if name == "stage":
            title = stage_title(str(value), self.lang)
            return title.lower() if lang_index(self.lang) == 0 else title
        if name == "domain":
            return domain_words(value, self.lang)
        if isinstance(value, Reason):
            return reason(value, self.lang)
        if isinstance(value, (list, tuple)):
            return DOMAIN_WORDS["list"][lang_index(self.lang)].join(str(v) for v in value)
        return reason_value(value)


def name_label(name: str, lang: str = "en") -> str:
    """The label of a column, assumption or result name ("scenario.x": the column x)."""
    base = name.removeprefix("scenario.")
    if base in COLUMNS or base in ASSUMPTIONS:
        return column_label(base, lang)
    return result_label(base, lang)


def reason_value(value) -> str:
    """A number inside a reason: whole above 100 (1,024), else three digits (72.5); text as is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    v = float(value)
    if v != v or v in (float("inf"), float("-inf")):
        return str(v)
    return f"{v:,.0f}" if abs(v) >= 100 or v.is_integer() else f"{v:.3g}"


def _bound(x: float, unit: str) -> str:
    """A bound of a domain in the column's unit (fractions as percentages)."""
    return f"{x * 100:g}%" if unit == "fraction" else f"{x:g}"


def domain_words(domain: tuple, lang: str = "en") -> str:
    """A core.reasons.domain_of tuple in words: 'a number > 0' / '大于 0 的数'."""
    zh = lang_index(lang) == 1

    def w(key: str) -> str:
        return DOMAIN_WORDS[key][lang_index(lang)]

    kind = domain[0]
    if kind == "one_of":
        return w("one_of").format(choices=w("list").join(domain[1]) if zh else ", ".join(domain[1]))
    if kind == "ref":
        return w("ref").format(table=table_label(domain[1], lang))
    if kind == "text":
        return w("text")
    _kind, lo, hi, lo_open, unit = domain
    parts = []
    if lo is not None:
        parts.append(w("gt" if lo_open else "ge").format(x=_bound(lo, unit)))
    if hi is not None:
        parts.append(w("le").format(x=_bound(hi, unit)))
    if zh:
        return (w("and").join(parts) + " 的" if parts else "") + w(kind)
    return w(kind) + (" " + w("and").join(parts) if parts else "")


def where_text(table: str, row_name: str, column: str, lang: str = "en") -> str:
    """'Models › Llama 3 70B › Parameters': where a cell is, in words."""
    parts = [table_label(table, lang), row_name, column_label(column, lang)]
    return " › ".join(p for p in parts if p)


def refused(table: str, row_name: str, column: str, why, example: str = "",
            lang: str = "en") -> str:
    """A refused edit in words: 'Models › Llama 3 70B › Parameters: “abc” is not a number…'."""
    zh = lang_index(lang) == 1
    out = f"{where_text(table, row_name, column, lang)}{'：' if zh else ': '}{reason(why, lang)}"
    if example:
        out += f"{'。例如：' if zh else '. For example: '}{example}"
    return out
