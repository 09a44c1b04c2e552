"""Words of the exported budget workbook (io/budget_*.py): (English, Simplified Chinese)."""

from __future__ import annotations

BUDGET_WORDS: dict[str, tuple[str, str]] = {
    "Summary": ("Summary", "汇总"),
    "title": ("LLM budget summary", "大模型预算汇总"),
    "subtitle": ("Amounts in each scenario's own currency (column B). Every figure is a live formula "
                 "over the input sheets; #N/A means an input is missing or invalid.",
                 "金额以各场景自身的币种计（B 列）。所有数字都是基于输入工作表的实时公式；"
                 "#N/A 表示某项输入缺失或无效。"),
    "scenario": ("Scenario", "场景"),
    "currency": ("Currency", "币种"),
    "one_off": ("One-off", "一次性"),
    "recurring": ("Recurring (serving)", "经常性（推理）"),
    "unit_costs": ("Unit costs (serving)", "单位成本（推理）"),
    "s_train": ("Pre-training", "预训练"),
    "s_ft": ("Fine-tuning", "微调"),
    "s_capex": ("Purchase", "购置"),
    "s_day": ("Per day", "每日"),
    "s_month": ("Per month", "每月"),
    "s_year": ("Per year", "每年"),
    "s_mtok": ("Per 1M tokens", "每百万 Token"),
    "s_user_month": ("Per user-month", "每用户每月"),
    "chart_title": ("One-off and yearly cost per scenario (USD, converted at the USD/CNY rate)",
                    "各场景一次性与年度成本（美元，按美元兑人民币汇率折算）"),
    "notes": ("Notes", "说明"),
    "note_what": ("What this is: the budget of the LLM Cost Workbench scenarios — the input sheets "
                  "and live formulas from the app's formula registry.",
                  "这是什么：LLM Cost Workbench 场景的预算——输入工作表，以及来自应用公式库的实时公式。"),
    "note_made": ("Made by LLM Cost Workbench {version} on {date}.",
                  "由 LLM Cost Workbench {version} 于 {date} 生成。"),
    "note_edit": ("How to edit: change the blue cells on Scenarios, Models, Hardware, Prices and "
                  "Assumptions; type a new scenario in the next empty row of Scenarios. Results and "
                  "this Summary follow. A blank input takes its default.",
                  "如何修改：编辑 Scenarios（场景）、Models（模型）、Hardware（硬件）、Prices（租用价格）、"
                  "Assumptions（全局假设）工作表中的蓝色单元格；在 Scenarios 表的下一空行输入新场景，"
                  "Results（计算结果）与本汇总随之更新。留空的输入取默认值。"),
    "note_month": ("A month is a twelfth of a 365-day year. One-off costs are not included in the "
                   "recurring columns; a bought card's write-off is part of its GPU-hour price.",
                   "每月按 365 天一年的十二分之一计。一次性成本不计入经常性各列；"
                   "自购硬件的折旧计入其 GPU 小时单价。"),
    "note_prices": ("Rental prices: {count} offers, as of {first} to {last}; sources on the Prices sheet.",
                    "租用价格：共 {count} 个报价，日期 {first} 至 {last}；来源见 Prices（租用价格）工作表。"),
    "note_reopen": ("The file can be opened again in the app (File ▸ Open): it reads the input sheets.",
                    "可在应用中重新打开本文件（文件 ▸ 打开）：应用读取各输入工作表。"),
    "legend": ("Legend", "图例"),
    "legend_input": ("Input: type here", "输入：可在此填写"),
    "legend_formula": ("Formula: computed, do not type", "公式：自动计算，请勿填写"),
    "legend_link": ("Link: the input as used (given or default)", "引用：实际采用的输入（填写值或默认值）"),
    "given": (" (given)", "（填写值）"),
    "header": ("&L&A&RLLM Cost Workbench", "&L&A&RLLM Cost Workbench"),
    "footer": ("&LPage &P of &N&R&F", "&L第 &P 页，共 &N 页&R&F"),
    "allowed": ("Allowed: {domain}", "允许：{domain}"),
    "blank_default": ("Blank: {default}.", "留空：{default}。"),
    "blank_none": ("Blank: not used.", "留空：不使用。"),
    "choose": ("Choose one of: {choices}", "请选择：{choices}"),
    "choose_ref": ("Choose a name from the {table} sheet.", "请从 {table} 工作表中选择一个名称。"),
    "bad_value": ("This value is outside the allowed range.", "该数值超出允许范围。"),
    "number": ("a number", "数值"),
    "whole": ("a whole number", "整数"),
    "percent": ("a percentage", "百分比"),
    "gt": ("> {x}", "> {x}"),
    "ge": ("≥ {x}", "≥ {x}"),
    "le": ("≤ {x}", "≤ {x}"),
    "lt": ("< {x}", "< {x}"),
    # the Assumptions sheet's column of each assumption in words, beside the key the formulas use
    "assumption_words": ("Assumption (in words)", "假设项（说明）"),
}
