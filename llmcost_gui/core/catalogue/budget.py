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
    # the Plans compared sheet (export --plans, io/budget_plans.py)
    "plans_sheet": ("Plans compared", "方案比较"),
    "plans_title": ("Plans compared: the cheapest plans that meet each scenario's targets",
                    "方案比较：满足各场景目标的最便宜方案"),
    "plans_stored": ("Stored values, not formulas: the plan search (llmcost plan) ran in LLM Cost "
                     "Workbench {version} on {date}; editing the input sheets does not change this "
                     "sheet — export the budget again with plans to update it.",
                     "本表为存储的数值，不是公式：方案搜索（llmcost plan）由 LLM Cost Workbench {version} "
                     "于 {date} 完成；修改输入工作表不会更新本表——请重新导出带方案的预算。"),
    "plans_legend": ("✓ chosen: the cheapest plan that meets the scenario's targets. ★ as typed: the "
                     "scenario's own inputs. ● Pareto: no other plan meeting the targets is both "
                     "cheaper and faster (serving: time per output token; training: days). Layout: TP "
                     "tensor-parallel cards, EP expert-parallel cards, ≤ batch cap, P/D prefill on "
                     "separate replicas; what is not shown is chosen by the formulas. Money in each "
                     "scenario's currency; plans with the very same figures are counted, not repeated.",
                     "✓ 选定：满足场景目标的最便宜方案。★ 当前：场景自身填写的输入。● 帕累托：没有其他满足目标的"
                     "方案既更便宜又更快（推理：每输出 Token 时延；训练：天数）。布局：TP 张量并行卡数，EP 专家"
                     "并行卡数，≤ 批大小上限，P/D 预填充在单独副本上；未列出的由公式选择。金额以各场景自身的币种计；"
                     "数字完全相同的方案只计数，不重复列出。"),
    "plans_block": ("{scenario} — {stage} — {currency} · {evaluated} plans evaluated, {feasible} meet "
                    "the targets", "{scenario} — {stage} — {currency} · 共评估 {evaluated} 个方案，"
                    "其中 {feasible} 个满足目标"),
    "plans_rank": ("Rank", "排名"),
    "plans_mark": ("Plan", "方案"),
    "plans_card": ("Card", "加速卡"),
    "plans_offer": ("Rental offer", "租用报价"),
    "plans_precision": ("Precision", "精度"),
    "plans_layout": ("Layout", "布局"),
    "plans_gpus": ("GPUs", "GPU 数"),
    "plans_pareto": ("Pareto", "帕累托"),
    "plans_note": ("Why not / note", "未入选原因 / 备注"),
    "plans_chosen": ("✓ chosen", "✓ 选定"),
    "plans_typed": ("★ as typed", "★ 当前"),
    "plans_bought": ("bought", "自购"),
    "plans_auto": ("auto", "自动"),
    "plans_same": ("+{n} with the same figures", "另有 {n} 个数字相同"),
    "plans_change": ("{what}: {old} → {new}", "{what}：{old} → {new}"),
    "plans_list_sep": ("; ", "；"),
    "plans_per_year": (", {amount} a year", "，每年 {amount}"),
    "plans_best_typed": ("The scenario as typed is the cheapest plan that meets its targets.",
                         "场景当前的方案就是满足目标的最便宜方案。"),
    "plans_saving": ("The scenario as typed ranks #{rank} at {typed}; the chosen plan costs {best}, "
                     "saving {saving} ({share}){year}.",
                     "场景当前的方案排第 {rank} 位，成本 {typed}；选定方案成本 {best}，节省 {saving}（{share}）{year}。"),
    "plans_equal": ("The scenario as typed costs the same as the chosen plan ({best}); it ranks #{rank} "
                    "among plans of equal cost.",
                    "场景当前的方案与选定方案成本相同（{best}）；在成本相同的方案中排第 {rank} 位。"),
    "plans_typed_fails": ("The scenario as typed ranks #{rank}: {why}. The chosen plan meets the "
                          "targets at {best}.",
                          "场景当前的方案排第 {rank} 位：{why}。选定方案以 {best} 满足目标。"),
    "plans_typed_cheaper": ("The scenario as typed ranks #{rank}: {why}. Meeting the targets with the "
                            "chosen plan costs {best}, {extra} more than as typed ({typed}).",
                            "场景当前的方案排第 {rank} 位：{why}。用选定方案满足目标的成本为 {best}，"
                            "比当前（{typed}）多 {extra}。"),
    "plans_changes": (" The chosen plan changes: {changes}.", "选定方案的改动：{changes}。"),
    "plans_error": ("No plans to compare: {why}.", "没有可比较的方案：{why}。"),
    # the Assumptions sheet's column of each assumption in words, beside the key the formulas use
    "assumption_words": ("Assumption (in words)", "假设项（说明）"),
}
