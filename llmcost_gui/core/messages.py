"""Every message about a refused input, in English and Simplified Chinese, made in one place.

A message names where (table › row name › column label), why, and a valid entry to type instead:
``Models › GPT-3 175B › Parameters: must be a number in (0, inf), got abc — e.g. 1``.
The reasons are keys of :data:`REASONS`; their arguments are filled in by :func:`reason_text`.
"""

from __future__ import annotations

from . import labels

# reason key -> (English, Simplified Chinese) template
REASONS: dict[str, tuple[str, str]] = {
    "blank_name": ("must not be blank", "不能为空"),
    "domain": ("must be {domain}, got {got}", "必须是{domain}，而不是 {got}"),
    "choice": ("must be {domain}, got '{got}'", "必须是{domain}，而不是“{got}”"),
    "not_quantity": ("{detail}; expected {domain}", "{detail}；应为{domain}"),
    "long_number": ("expected {domain}, got {n:,} characters of text",
                    "应为{domain}，而不是 {n:,} 个字符的文本"),
    "long_text": ("text of {n:,} characters is longer than Excel's limit of {limit:,}",
                  "文本有 {n:,} 个字符，超过 Excel 单元格上限 {limit:,}"),
    "no_ref": ("no {ref} row named '{got}'", "{ref}中没有名为“{got}”的行"),
    "name_used": ("'{got}' is already used in row {other} (letter case does not count)",
                  "“{got}”已被第 {other} 行使用（不区分大小写）"),
    "value_misfit": ("its value {value} does not fit: {why}", "其值 {value} 不符合：{why}"),
    "no_column": ("there is no such column", "没有这一列"),
    "no_row": ("there is no such row", "没有这一行"),
    # a sheet being imported
    "sheet_missing": ("sheet is missing", "缺少这张工作表"),
    "column_missing": ("required column is missing from the header row", "标题行缺少这一必需列"),
    "column_twice": ("column appears twice (also column {other})", "这一列出现了两次（另见第 {other} 列）"),
    "header_missing": ("the header row is missing", "缺少标题行"),
    "too_many_rows": ("more than {limit:,} rows", "超过 {limit:,} 行"),
}

# domain pieces, for Column.domain_text in Chinese
_DOMAIN_ZH = {"a whole number in": "整数，范围", "a number in": "数，范围", "one of": "以下之一：",
              "a name from": "以下表中的名称：", "text": "文本"}

# a name to suggest for a row of each table when its name is missing
EXAMPLE_NAMES = {
    "Models": "Llama 3 8B",
    "Hardware": "H100 SXM5 80GB",
    "Prices": "H100 on-demand",
    "Assumptions": "usd_cny",
    "Scenarios": "Pilot assistant",
}


def _zh(lang: str) -> bool:
    return str(lang).lower().replace("-", "_").startswith("zh")


def domain_text(col, lang: str = "en") -> str:
    """What a column accepts, in words."""
    text = col.domain_text()
    if _zh(lang):
        for en, zh in _DOMAIN_ZH.items():
            if text.startswith(en):
                return zh + text[len(en):].lstrip() if en != "text" else zh
    return text


def reason_text(reason: str, args: dict, lang: str = "en") -> str:
    """The reason alone, e.g. ``must be a number in (0, 1], got 2``."""
    template = REASONS[reason][1 if _zh(lang) else 0]
    return template.format(**args)


def row_title(name: object, row: int, lang: str = "en") -> str:
    """A row as people know it: its name, or its number when it has none."""
    if isinstance(name, str) and name.strip():
        return name
    return f"第 {row + 1} 行" if _zh(lang) else f"row {row + 1}"


def where(table: str, row_name: str, column: str, lang: str = "en") -> str:
    """``Models › GPT-3 175B › Parameters``."""
    parts = [labels.table_label(table, lang), row_name]
    if column:
        parts.append(labels.column_label(column, lang))
    return " › ".join(parts)


def problem_text(table: str, row_name: str, column: str, reason: str, args: dict,
                 example: str = "", lang: str = "en", located: bool = True) -> str:
    """The full message: where, why, and a valid entry (``located=False`` leaves out where)."""
    text = reason_text(reason, args, lang)
    if example:
        text += f"，例如 {example}" if _zh(lang) else f" — e.g. {example}"
    return f"{where(table, row_name, column, lang)}: {text}" if located else text
