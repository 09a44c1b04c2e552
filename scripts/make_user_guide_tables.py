"""Print (or write into the user guides) Markdown tables generated from the app itself.

* ``columns`` — every input table and column, from :mod:`llmcost_gui.core.schema`;
* ``results`` — every public result, from :mod:`llmcost_gui.core.formulas`;
* ``presets`` — the preset scenarios' main results, computed from the default workbook.

Usage::

    python scripts/make_user_guide_tables.py [--lang en|zh_CN] [columns|results|presets ...]
    python scripts/make_user_guide_tables.py --write      # refresh docs/user-guide*.md
    python scripts/make_user_guide_tables.py --check      # exit 1 when a guide is stale

``--write`` replaces the text between ``<!-- BEGIN GENERATED: <part> -->`` and
``<!-- END GENERATED: <part> -->`` in docs/user-guide.md and docs/user-guide.zh_CN.md.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from user_guide_zh import COLUMN_HELP_ZH, RESULT_DOC_ZH  # noqa: E402

from llmcost_gui.core import schema  # noqa: E402
from llmcost_gui.core.formulas import REGISTRY, RESULT_KEYS  # noqa: E402
from llmcost_gui.core.units import is_money  # noqa: E402

GUIDES = {"en": ROOT / "docs" / "user-guide.md", "zh_CN": ROOT / "docs" / "user-guide.zh_CN.md"}
PARTS = ("columns", "results", "presets")
# The results shown for each preset in the worked-examples table.
PRESET_KEYS = ("train_pf_days", "train_gpu_hours", "train_gpus", "train_days", "train_cost",
               "ft_cost", "serve_gpus", "serve_cost_per_day", "cost_per_million_tokens",
               "daily_total")

WORDS = {
    "en": {
        "column": "Column", "unit": "Unit", "allowed": "Allowed values", "default": "Default",
        "meaning": "Meaning", "required": "required", "text": "text", "whole": "whole number", "number": "number",
        "ref": "a name from {ref}", "key": "Key", "result": "Result", "stage": "Stage",
        "scenario": "Scenario", "assumption_keys": "Known assumption keys (rows of the "
        "Assumptions table; other keys may be added):", "stage_heading": "Scenario columns, {stage}",
        "blank_default": "blank",
    },
    "zh_CN": {
        "column": "列", "unit": "单位", "allowed": "取值范围", "default": "默认值",
        "meaning": "含义", "required": "必填", "text": "文本", "whole": "整数", "number": "数字",
        "ref": "{ref} 表中的名称", "key": "键", "result": "结果", "stage": "阶段",
        "scenario": "场景", "assumption_keys": "已知的假设键（Assumptions 表的行；可以另加其他键）：",
        "stage_heading": "场景列：{stage}", "blank_default": "空",
    },
}
STAGE_ZH = {"identity": "场景", "train": "预训练", "ft": "微调", "serve": "推理服务",
            "money": "财务"}


def _num(x: float) -> str:
    return f"{x:g}"


def domain(col: schema.Column, lang: str) -> str:
    """The allowed values of a column, in a compact, mostly language-neutral notation."""
    w = WORDS[lang]
    if col.kind == schema.CHOICE:
        return " / ".join(f"`{c}`" for c in col.choices)
    if col.kind == schema.REF:
        return w["ref"].format(ref=col.ref)
    if not col.numeric:
        return w["text"]
    lo = None if col.lo is None else _num(col.lo)
    hi = None if col.hi is None else _num(col.hi)
    lo_op = "<" if col.lo_open else "≤"
    if lo is not None and hi is not None:
        text = f"{lo} {lo_op} x ≤ {hi}"
    elif lo is not None:
        text = f"{'>' if col.lo_open else '≥'} {lo}"
    elif hi is not None:
        text = f"≤ {hi}"
    else:
        text = w["number"]
    return f"{w['whole']} {text}" if col.kind == schema.INT else text


def default_text(col: schema.Column, lang: str) -> str:
    if col.required:
        return WORDS[lang]["required"]
    if col.default is None:
        return ""
    if isinstance(col.default, (int, float)) and not isinstance(col.default, bool):
        return _num(col.default)
    return f"`{col.default}`"


def help_text(table: str, col: schema.Column, lang: str) -> str:
    text = COLUMN_HELP_ZH.get(f"{table}.{col.name}", col.help) if lang == "zh_CN" else col.help
    return text.replace("|", "\\|")


def column_rows(table: str, cols, lang: str) -> list[str]:
    w = WORDS[lang]
    lines = [f"| {w['column']} | {w['unit']} | {w['allowed']} | {w['default']} | {w['meaning']} |",
             "|---|---|---|---|---|"]
    for c in cols:
        lines.append(f"| `{c.name}` | {c.unit} | {domain(c, lang)} | {default_text(c, lang)} "
                     f"| {help_text(table, c, lang)} |")
    return lines


def columns_part(lang: str) -> str:
    """One table per input table; the Scenarios table split by stage."""
    w = WORDS[lang]
    out: list[str] = []
    for name in schema.TABLE_ORDER:
        table = schema.TABLES[name]
        if name == "Scenarios":
            for stage, cols in schema.scenario_columns_by_stage().items():
                title = schema.STAGE_TITLE[stage] if lang == "en" else STAGE_ZH[stage]
                out += [f"#### {w['stage_heading'].format(stage=title)}", ""]
                out += column_rows(name, cols, lang) + [""]
            continue
        out += [f"#### {name}", ""] + column_rows(name, table.columns, lang) + [""]
        if name == "Assumptions":
            out += [w["assumption_keys"], ""]
            out += column_rows("Assumptions", schema.ASSUMPTION_KEYS.values(), lang) + [""]
    return "\n".join(out).rstrip() + "\n"


def results_part(lang: str) -> str:
    w = WORDS[lang]
    lines = [f"| {w['result']} | {w['unit']} | {w['stage']} | {w['meaning']} |", "|---|---|---|---|"]
    for key in RESULT_KEYS:
        f = REGISTRY[key]
        stage = schema.STAGE_TITLE.get(f.stage, f.stage) if lang == "en" else STAGE_ZH.get(f.stage, f.stage)
        doc = RESULT_DOC_ZH.get(key, f.doc) if lang == "zh_CN" else f.doc
        unit = f.unit.replace("money", "¤") if is_money(f.unit) else f.unit
        lines.append(f"| `{key}` | {unit} | {stage} | {doc} |")
    return "\n".join(lines) + "\n"


def presets_part(lang: str) -> str:
    """The preset scenarios' main results, as the app computes them from the default data."""
    from llmcost_gui.core.report import format_result
    from llmcost_gui.io.defaults import default_workbook

    wb = default_workbook()
    sc = wb.tables["Scenarios"]
    head = WORDS[lang]["scenario"]
    lines = [f"| {head} | " + " | ".join(f"`{k}`" for k in PRESET_KEYS) + " |",
             "|---" * (len(PRESET_KEYS) + 1) + "|"]
    for row in range(sc.nrows):
        cells = [format_result(wb, row, k) or "–" for k in PRESET_KEYS]
        lines.append(f"| {sc.get(row, 'name')} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


MAKERS = {"columns": columns_part, "results": results_part, "presets": presets_part}


def block(part: str) -> re.Pattern:
    return re.compile(rf"(<!-- BEGIN GENERATED: {part} -->\n)(.*?)(<!-- END GENERATED: {part} -->)",
                      re.S)


def refresh(text: str, lang: str) -> str:
    """The guide text with every generated block replaced by fresh output."""
    for part in PARTS:
        fresh = MAKERS[part](lang)
        text = block(part).sub(lambda m, fresh=fresh: m.group(1) + fresh + m.group(3), text)
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parts", nargs="*", help="columns, results and/or presets (default: all)")
    ap.add_argument("--lang", choices=tuple(WORDS), default="en")
    ap.add_argument("--write", action="store_true", help="refresh the generated blocks of the guides")
    ap.add_argument("--check", action="store_true", help="exit 1 when a guide's blocks are stale")
    args = ap.parse_args(argv)
    unknown = [p for p in args.parts if p not in PARTS]
    if unknown:
        ap.error(f"unknown part {unknown[0]!r}: choose from {', '.join(PARTS)}")
    if args.write or args.check:
        stale = []
        for lang, path in GUIDES.items():
            old = path.read_text(encoding="utf-8")
            new = refresh(old, lang)
            if new != old:
                stale.append(str(path.relative_to(ROOT)))
                if args.write:
                    path.write_text(new, encoding="utf-8")
        verb = "updated" if args.write else "stale"
        print(f"{verb}: {', '.join(stale)}" if stale else "user guides are up to date")
        return 1 if stale and args.check else 0
    for part in args.parts or PARTS:
        print(MAKERS[part](args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
