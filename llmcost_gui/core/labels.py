"""Looking up the catalogue's words (core/catalogue/) in English or Simplified Chinese (Qt-free).

The window, the CLI, the budget export, the importer's header aliases and the generated docs read
their words through these functions.  Unknown names fall back to the name itself, so an extra
column keeps its own header.
"""

from __future__ import annotations

import re

from .catalogue import LANGS, lang_index
from .catalogue.budget import BUDGET_WORDS
from .catalogue.interface import FORMULA_WORDS_ZH, HF_IMPORT, UI_ZH
from .catalogue.memory_chart import MEMORY_CHART
from .catalogue.reasons import REASONS
from .catalogue.results import RESULT_DOC_ZH, RESULTS
from .catalogue.tables import ASSUMPTIONS, COLUMN_HELP_ZH, COLUMNS, STAGES, TABLES
from .units import PLAIN_UNITS, localize_value, unit_label, with_unit

__all__ = [
    "BUDGET_WORDS", "COLUMN_HELP_ZH", "EN_LABELS", "HF_IMPORT", "LANGS", "PLAIN_UNITS", "RESULT_DOC_ZH",
    "UI_ZH", "ZH_LABELS", "aliases", "aliases_zh", "budget_word", "column_label", "description",
    "formula_words", "header", "hf_text", "label", "localize_value", "memory_chart_text", "message",
    "reason", "refused", "result_label", "split_where", "stage_title", "table_label", "text",
    "unit_label", "where_text",
]

_index = lang_index

# A name's label for label(): a result's first, then a table's, a stage's, a column's, an assumption's.
_ALL: dict[str, tuple[str, str]] = {**ASSUMPTIONS, **COLUMNS, **STAGES, **TABLES, **RESULTS}

ZH_LABELS: dict[str, str] = {name: zh for name, (_, zh) in COLUMNS.items()}
"""Column name -> Chinese label, for every column of every table."""

EN_LABELS: dict[str, str] = {name: en for name, (en, _) in COLUMNS.items()}


def label(name: str, lang: str = "en") -> str:
    """Label of a table, column, result key, assumption key or stage; the name if unknown."""
    pair = _ALL.get(name)
    return pair[_index(lang)] if pair else name


def column_label(name: str, lang: str = "en") -> str:
    """Label of a column (where a name is both a column and a result, the column's)."""
    pair = COLUMNS.get(name) or ASSUMPTIONS.get(name)
    return pair[_index(lang)] if pair else name


def result_label(key: str, lang: str = "en") -> str:
    """Label of a result (a column's label for a result that is also a column)."""
    pair = RESULTS.get(key) or COLUMNS.get(key)
    return pair[_index(lang)] if pair else key


def table_label(name: str, lang: str = "en") -> str:
    pair = TABLES.get(name)
    return pair[_index(lang)] if pair else name


def stage_title(stage: str, lang: str = "en") -> str:
    pair = STAGES.get(stage)
    return pair[_index(lang)] if pair else stage


def header(name: str, unit: str = "", lang: str = "en", currency: str = "") -> str:
    """A column header: the column's label and its unit in parentheses when it adds something."""
    return with_unit(column_label(name, lang), unit, lang, currency)


def aliases_zh() -> dict[str, str]:
    """Chinese label -> column name, for io.records.match_header(aliases=...)."""
    return {zh: name for name, zh in ZH_LABELS.items()}


def aliases() -> dict[str, str]:
    """English and Chinese labels -> column name."""
    out = {en: name for name, en in EN_LABELS.items()}
    out.update(aliases_zh())
    return out


def description(key: str, lang: str = "en", table: str = "") -> str:
    """Description of a column of `table` (or of Scenarios, or an assumption) or of a result.

    The English ones live beside what they describe (a column's `help` in core/schema.py, a
    formula's `doc` in core/formulas.py); the Chinese ones in the catalogue.
    """
    from .formulas import REGISTRY
    from .schema import ASSUMPTION_KEYS
    from .schema import TABLES as SCHEMA

    zh = _index(lang) == 1
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
    return UI_ZH.get(english, english) if _index(lang) == 1 else english


def message(english: str, lang: str = "en", **kw) -> str:
    """An interface message in `lang` with its {named} places filled ('{n} rows' -> '3 行')."""
    return text(english, lang).format(**kw) if kw else text(english, lang)


def hf_text(key: str, lang: str = "en") -> str:
    """A word of the Hugging Face import, in `lang`."""
    return HF_IMPORT[key][_index(lang)]


def budget_word(key: str, lang: str = "en") -> str:
    """A word of the budget workbook in the language."""
    return BUDGET_WORDS[key][_index(lang)]


def memory_chart_text(key: str, lang: str = "en") -> str:
    """Words of the memory breakdown chart (parts, axis, summary line)."""
    return MEMORY_CHART[key][_index(lang)]


def formula_words(formula_text: str, lang: str = "en") -> str:
    """The keywords of a readable formula in `lang` ('if … then … else' -> '如果 … 则 … 否则')."""
    if _index(lang) == 0:
        return formula_text
    for pattern, zh in FORMULA_WORDS_ZH:
        formula_text = re.sub(pattern, zh, formula_text)
    return formula_text


# "Models row 1, params_b: …" / "Models row 1, params_b must …": where a refused edit happened.
_WHERE = re.compile(r"^(?P<table>[A-Z]\w*) row (?P<row>\d+), (?P<col>[a-z][a-z0-9_]*)"
                    r"(?: \(value [^)]*\))?(?::\s*|\s+(?=must))")


def split_where(reason_text: str) -> tuple[str, int, str, str]:
    """('Models', 1, 'params_b', rest) for 'Models row 1, params_b: rest'; ('', 0, '', text)."""
    m = _WHERE.match(reason_text)
    if not m:
        return "", 0, "", reason_text
    return m["table"], int(m["row"]), m["col"], reason_text[m.end():]


def _unit_of(name: str) -> str:
    """The unit of a column or assumption called `name` ('' when unknown)."""
    from .schema import ASSUMPTION_KEYS
    from .schema import TABLES as SCHEMA

    for table in ("Scenarios", *SCHEMA):
        if name in SCHEMA[table].by_name:
            return SCHEMA[table].by_name[name].unit
    known = ASSUMPTION_KEYS.get(name)
    return known.unit if known is not None else ""


def _bound(text: str, unit: str) -> str:
    """A bound of a domain in the column's unit (fractions as percentages)."""
    if unit == "fraction":
        try:
            return f"{float(text) * 100:g}%"
        except ValueError:
            return text
    return text


def _domain_words(domain: str, lang: str, unit: str = "") -> str:
    """'a number in (0, inf)' -> 'a number > 0' / '大于 0 的数' (fractions: '0%'…'100%')."""
    zh = _index(lang) == 1
    m = re.fullmatch(r"(a whole number|a number) in ([\[(])(\S+), (\S+?)([\])])", domain)
    if m:
        whole, lo_open = m[1] == "a whole number", m[2] == "("
        lo, hi = m[3], m[4]
        noun = ("整数" if whole else "数") if zh else ("a whole number" if whole else "a number")
        lo_t = None if lo == "-inf" else _bound(lo, unit)
        hi_t = None if hi == "inf" else _bound(hi, unit)
        if zh:
            parts = []
            if lo_t is not None:
                parts.append(f"大于 {lo_t}" if lo_open else f"不小于 {lo_t}")
            if hi_t is not None:
                parts.append(f"不大于 {hi_t}")
            return (" 且".join(parts) + " 的" if parts else "") + noun
        parts = []
        if lo_t is not None:
            parts.append(f"> {lo_t}" if lo_open else f"≥ {lo_t}")
        if hi_t is not None:
            parts.append(f"≤ {hi_t}")
        return noun + (" " + " and ".join(parts) if parts else "")
    m = re.fullmatch(r"one of (.+)", domain)
    if m:
        return ("以下之一：" + "、".join(m[1].split(", "))) if zh else f"one of {m[1]}"
    m = re.fullmatch(r"a name from (\w+)", domain)
    if m:
        return f"{table_label(m[1], lang)}表中的名称" if zh else f"a name from {table_label(m[1], lang)}"
    if domain == "text":
        return "文本" if zh else "text"
    return domain


def _reason_words(kw: dict, lang: str, unit: str = "") -> dict:
    """Labels for the names a reason pattern captured."""
    zh = _index(lang) == 1
    unit = _unit_of(kw["col"]) if kw.get("col") else unit
    if kw.get("col"):
        kw["col"] = column_label(kw["col"], lang) if kw["col"] not in RESULTS \
            else result_label(kw["col"], lang)
    if kw.get("name") in _ALL:
        kw["name"] = column_label(kw["name"], lang)
    if kw.get("table"):
        kw["table"] = table_label(kw["table"], lang)
    if kw.get("stage"):
        stage = {en.lower(): s for s, (en, _) in STAGES.items()}.get(kw["stage"].lower())
        if stage:
            title = stage_title(stage, lang)
            kw["stage"] = title if zh else title.lower()
    kw["domain"] = _domain_words(kw["domain"], lang, unit) if kw.get("domain") else ""
    value = kw.get("value") or ""
    kw["got"] = (f"，实际为 {value}" if zh else f", got {value}") if value else ""
    kw["procurement"] = column_label("procurement", lang)
    for name in ("serve_tp", "tpot_target_s", "ttft_target_s"):  # names some reasons advise
        kw[name] = column_label(name, lang)
    return kw


def reason(reason_text: str, lang: str = "en") -> str:
    """A core reason in words: labels instead of names, in `lang` (unknown forms unchanged)."""
    if not reason_text:
        return reason_text
    table, _row, col, rest = split_where(reason_text)
    prefix = ""
    if table:
        if rest.startswith("must"):
            rest = f"{col} {rest}"
        else:
            prefix = column_label(col, lang) + ("：" if _index(lang) == 1 else ": ")
    for pattern, en, zh in REASONS:
        m = re.match(pattern, rest)
        if m:
            kw = _reason_words({k: v or "" for k, v in m.groupdict().items()}, lang,
                               _unit_of(col) if table else "")
            out = (zh if _index(lang) == 1 else en).format(**kw)
            if not kw["domain"]:
                out = re.sub(r"(；应为|; expected )$", "", out)
            return prefix + out
    return prefix + rest if table else reason_text


def where_text(table: str, row_name: str, column: str, lang: str = "en") -> str:
    """'Models › Llama 3 70B › Parameters': where a cell is, in words."""
    parts = [table_label(table, lang), row_name, column_label(column, lang)]
    return " › ".join(p for p in parts if p)


def refused(table: str, row_name: str, column: str, reason_text: str, example: str = "",
            lang: str = "en") -> str:
    """A refused edit in words: 'Models › Llama 3 70B › Parameters: “abc” is not a number…'."""
    _t, _r, col, rest = split_where(reason_text)
    why = reason(f"{col} {rest}" if _t and rest.startswith("must") else rest, lang)
    own = column_label(column, lang)
    if why.startswith(own + " must") or why.startswith(own + "必须") or why.startswith(own + "不能"):
        why = why[len(own):].lstrip()
    zh = _index(lang) == 1
    text = f"{where_text(table, row_name, column, lang)}{'：' if zh else ': '}{why}"
    if example:
        text += f"{'。例如：' if zh else '. For example: '}{example}"
    return text

