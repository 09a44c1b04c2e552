"""Interface texts: the window's and charts' words, the Hugging Face import, a readable formula's words.

Widgets write the English text (``self.tr("…")`` in the window, ``labels.text()`` elsewhere);
scripts/translations.py fills Qt's .ts/.qm from :data:`UI_ZH`.
"""

from __future__ import annotations

# English interface text -> Chinese.
UI_ZH: dict[str, str] = {
    # menus and actions
    "&File": "文件(&F)", "&Edit": "编辑(&E)", "&Scenario": "场景(&S)", "&View": "视图(&V)",
    "&Help": "帮助(&H)", "&Language": "语言(&L)", "Open &Recent": "最近打开(&R)",
    "&New": "新建(&N)", "&Open…": "打开(&O)…", "&Save": "保存(&S)", "Save &As…": "另存为(&A)…",
    "&Export budget…": "导出预算(&E)…", "Export budget with &plans…": "导出含方案比较的预算(&P)…",
    "Export budget with plans": "导出含方案比较的预算", "&Quit": "退出(&Q)", "&Undo": "撤销(&U)",
    "&Redo": "重做(&R)", "&Copy": "复制(&C)", "&Paste": "粘贴(&P)", "C&lear cells": "清除单元格(&L)",
    "&Insert row": "插入行(&I)", "D&uplicate row": "复制行(&U)", "De&lete row": "删除行(&L)",
    "&Add scenario": "添加场景(&A)", "&Duplicate scenario": "复制场景(&D)",
    "D&elete scenario": "删除场景(&E)", "&Charts": "图表(&C)", "&User guide": "用户指南(&U)",
    "&About LLM Cost Workbench": "关于 LLM 成本工作台(&A)", "Clear list": "清空列表",
    "(no recent files)": "(没有最近文件)",
    # window
    "Recalculated in %1 ms": "重新计算用时 %1 毫秒", "Export budget": "导出预算",
    "Excel workbook (*.xlsx)": "Excel 工作簿 (*.xlsx)", "Budget written to %1": "预算已写入 %1",
    "About LLM Cost Workbench": "关于 LLM 成本工作台", "LLM Cost Workbench %1": "LLM 成本工作台 %1",
    "Charts": "图表",
    # files
    "Untitled": "未命名", "Unsaved changes": "未保存的更改",
    "Save the changes to %1 before closing it?": "关闭前是否保存对 %1 的更改？",
    "Open workbook": "打开工作簿", "Save workbook": "保存工作簿", "Cannot open %1": "无法打开 %1",
    "Cannot save %1": "无法保存 %1", "Restore unsaved work?": "恢复未保存的工作？",
    "LLM Cost Workbench did not close normally. Restore the unsaved changes autosaved at %1?":
        "LLM 成本工作台上次未正常关闭。是否恢复 %1 自动保存的未保存更改？",
    "Cannot restore the autosaved copy": "无法恢复自动保存的副本",
    # formula bar, summary, grids
    "Formula:": "公式：", "Values:": "代入数值：", "Unit:": "单位：",
    "Select a result cell to see how it is calculated.": "选择一个结果单元格以查看其计算方法。",
    "(not part of this scenario)": "（不属于此场景）", "Not part of this scenario": "不属于此场景",
    "Extra column (kept, not used)": "额外的列（保留，不参与计算）", "Default used: %1": "使用默认值：%1", "Capex (purchase)": "一次性购置", "Per day": "每日",
    "Per month": "每月", "Per year": "每年", "Per 1M tokens": "每百万 Token", "No scenario": "没有场景",
    "Edit %1": "编辑 %1", "e.g. %1": "例如 %1", "Paste": "粘贴", "Clear": "清除",
    "Add row": "添加行", "Add scenario": "添加场景", "Duplicate scenario": "复制场景",
    "Duplicate rows": "复制行", "Delete scenario": "删除场景", "Delete rows": "删除行",
    # charts panel
    " ({0:,} without a value left out)": "（{0:,} 个无值样本未计入）", " months": " 个月",
    "(row {0})": "（第 {0} 行）", "Add a scenario to see its charts.": "添加一个场景即可查看其图表。",
    "All scenarios": "全部场景", "Bars": "条数", "Buy vs rent": "购买与租用", "Memory": "显存",
    "Buying never pays off.": "购买始终不如租用划算。",
    "Buying pays off after {0:.0f} months, beyond this horizon.": "购买在 {0:.0f} 个月后回本，超出此时间范围。",
    "Buying pays off after {0:.1f} months.": "购买在 {0:.1f} 个月后回本。",
    "Could not export: {0}": "无法导出：{0}", "Default ranges": "默认范围", "Export PNG…": "导出 PNG…",
    "Export SVG…": "导出 SVG…", "Export chart": "导出图表", "Exported {0}": "已导出 {0}", "From": "从",
    "High": "高", "Horizon": "时间范围", "Input": "输入", "Log x": "对数 X", "Log y": "对数 Y", "Low": "低",
    "No input moves {0} in this scenario.": "此场景中没有输入会影响 {0}。",
    "No scenario has a value of {0} over this range.": "在此范围内没有场景有 {0} 的数值。",
    "P10 {0} · P50 {1} · P90 {2} · mean {3} · {4:,} samples": "P10 {0} · P50 {1} · P90 {2} · 均值 {3} · {4:,} 个样本",
    "PNG image (*.png)": "PNG 图像 (*.png)", "Points": "点数",
    "Rent {0} up front + {1}/day; buy {2} up front + {3}/day.": "租用：一次性 {0} + 每日 {1}；购买：一次性 {2} + 每日 {3}。",
    "Result": "结果", "SVG drawing (*.svg)": "SVG 图形 (*.svg)", "Samples": "样本数", "Sampling…": "抽样中…",
    "Scenario": "场景", "Seed": "随机种子", "Sensitivity": "敏感性", "Swing ±": "变动幅度 ±",
    "Tornado": "龙卷风图", "Uncertain input": "不确定输入", "Uncertainty": "不确定性",
    "break-even: month {0}": "回本：第 {0} 个月", "buy": "购买", "cumulative cost ({0})": "累计成本（{0}）",
    "estimate": "估计值", "input lowered": "输入下调", "input raised": "输入上调", "months": "月",
    "not a number: the default is used": "不是数字：使用默认值", "default": "默认值", "rent": "租用", "samples": "样本",
    "to": "至", "{0} = {1}; {2} inputs move it (showing {3}).": "{0} = {1}；共有 {2} 个输入影响它（显示 {3} 个）。",
    "× own value": "× 当前值",
    "Opening %1…": "正在打开 %1…", "Saving %1…": "正在保存 %1…", "Exporting the budget…": "正在导出预算…",
    # the export with plans (qt/plans_export.py)
    "Cancel": "取消", "Searching the plans of %1 (%2 of %3)…": "正在搜索 %1 的方案（第 %2 个，共 %3 个）…",
    "Export cancelled; nothing was written.": "已取消导出，未写入任何文件。",
    "Cannot export the budget": "无法导出预算",
    "The document changed during the plan search; nothing was written. Export again.":
        "方案搜索期间文档已更改，未写入任何文件。请重新导出。",
    "Monte Carlo over the uncertain inputs (Charts → Uncertainty)": "对不确定输入做蒙特卡洛抽样（图表 → 不确定性）",
    # help (qt/help.py)
    "LLM Cost Workbench": "LLM 成本工作台",
    "GPUs, days and money for training, fine-tuning and serving large language models.":
        "估算训练、微调和部署大语言模型所需的 GPU、时间和费用。",
    "Version {version}": "版本 {version}",
    "Default rental prices: as of {date} (the newest as_of date in the Prices table; each offer "
    "carries its own date).": "默认租用价格：截至 {date}（租用价格表中最新的 as_of 日期；每条报价各有日期）。",
    "Default rental prices: no as-of date found.": "默认租用价格：未找到日期。",
    "Hardware and model figures: as of their sources (see the source column of each row).":
        "硬件与模型数据：以各自来源为准（见每行的来源列）。",
    "Prices change often: check the provider before relying on one.": "价格经常变动：使用前请向服务商核实。",
    "Licence: MIT.": "许可证：MIT。",
    "About LLM Cost Workbench ": "关于 LLM 成本工作台",
    "LLM Cost Workbench — User guide": "LLM 成本工作台 — 用户指南",
    "Back to the user guide": "返回用户指南",
    "The user guide was not found in this installation. It is docs/user-guide.md in the source code.":
        "此安装中未找到用户指南。源代码中的位置是 docs/user-guide.md。",
    # files, dialogs and charts
    "Replace file?": "替换文件？", "%1 already exists. Replace it?": "%1 已存在。要替换它吗？",
    "&Keyboard shortcuts": "键盘快捷键(&K)", "Keyboard shortcuts": "键盘快捷键",
    "There is no file at %1. A new, untitled workbook is open instead.":
        "%1 处没有文件。已改为打开一个新的未命名工作簿。",
    "%1 could not be read as a workbook: %2. A new, untitled workbook is open instead.":
        "无法将 %1 读取为工作簿：%2。已改为打开一个新的未命名工作簿。",
    "blank": "空", "Relative to own value": "相对当前值", "From must be below to.": "起点必须小于终点。",
    "Not drawn: {0} other scenario(s) whose own value lies outside this range.":
        "{0} 个场景的当前值不在此范围内，未绘制。",
    "{0} more scenarios are not drawn: at most {1} curves at once.":
        "另有 {0} 个场景未绘制：一次最多绘制 {1} 条曲线。",
    "One-off cost": "一次性成本", "Days": "天数", "GPUs": "GPU 数", "GPU-hours": "GPU 小时",
    "GPUs at peak": "峰值 GPU 数", "GPUs on average": "日均 GPU 数",
    "Copy": "复制", "Clear cells": "清除单元格", "Edit the cell": "编辑单元格", "Confirm the edit": "确认编辑", "Cancel the edit": "取消编辑",
    # throughput chart
    "Throughput vs latency": "吞吐与时延",
    "Find plan": "寻找方案", "Stage": "阶段", "Apply plan": "应用方案", "Layout": "布局",
    "Write the selected plan into the scenario (one undoable edit)": "把所选方案写入场景（一步可撤销的编辑）",
    "No plan meets the targets. {0}": "没有方案满足目标。{0}",
    "{0:,} plans evaluated, {1:,} meet the targets; the cheapest: {2} at {3}.":
        "共评估 {0:,} 个方案，其中 {1:,} 个满足目标；最便宜的：{2}，{3}。",
    "The scenario as typed ranks {0} (★).": "场景当前的方案排第 {0} 位（★）。",
    "Dropped: {0}": "已排除：{0}",
    "A mixed fleet — prefill on {0}, decode on {1} — beats every single-card plan by {2} %.":
        "混合集群——预填充用 {0}、解码用 {1}——比任何单一卡型的方案便宜 {2}%。",
    "A mixed fleet — prefill on {0}, decode on {1} — meets the targets where no single-card plan does.":
        "混合集群——预填充用 {0}、解码用 {1}——能满足目标，而单一卡型的方案都不能。",
    "Apply plan to %1": "将方案应用到 %1", "Plan applied to %1 (Undo restores it)": "已将方案应用到 %1（撤销可恢复）",
    "output tokens/s per user (1 ÷ time per output token)": "每用户每秒输出 Token 数（1 ÷ 每输出 Token 时延）",
    "output tokens/s per GPU": "每卡每秒输出 Token 数",
    "target {0:.0f} tok/s per user": "目标：每用户每秒 {0:.0f} 个 Token",
    "This scenario does not serve: give it daily users to see its throughput against latency.":
        "此场景不含推理服务：填写日活用户数即可查看吞吐与时延。",
    "{0}: no operating point ({1}).": "{0}：没有工作点（{1}）。",
    "{0}: batch {1:.0f} gives {2:.1f} tokens/s per user and {3:,.0f} tokens/s per GPU.":
        "{0}：批大小 {1:.0f} 时每用户每秒 {2:.1f} 个 Token，每卡每秒 {3:,.0f} 个 Token。",
    "Crossed points miss the first-token target ({0:g} s).": "叉号处达不到首 Token 时延目标（{0:g} 秒）。",
    "The curve ends where the KV cache fills memory (batch {0:.0f}).": "曲线在 KV 缓存占满显存处结束（批大小 {0:.0f}）。",
    # self-host or API chart
    "(blank)": "（空）", "Self-host or API": "自建还是 API", "self-hosting": "自建",
    "daily users": "日活用户", "cost per day ({0})": "每日成本（{0}）", "this scenario: {0}": "本场景：{0}",
    "break-even: {0}": "盈亏平衡：{0}",
    "Choose an API offer (api_offer) in the scenario to see the break-even.":
        "在场景中选择一个 API 报价（api_offer）即可查看盈亏平衡点。",
    "One replica costs {0}/day and serves up to {1} daily users at peak.":
        "一个副本每日成本 {0}，高峰时最多服务 {1} 日活用户。",
    "From {0} daily users on, self-hosting costs no more than {1}.": "日活用户达到 {0} 起，自建成本不高于 {1}。",
    "{0}× self-hosting": "为自建的 {0} 倍", "self-hosting never cheaper": "自建始终不更便宜",
    "break-even {0} users": "盈亏平衡 {0} 用户", "API {0}: {1}": "API {0}：{1}",
    "Default API prices: as of {date} (the newest as_of date in the API offers table).":
        "默认 API 价格：截至 {date}（API 报价表中最新的 as_of 日期）。",    # layout and efficiency chart (tab title; its other words are LAYOUT_CHART below)
    "Layout & efficiency": "并行布局与效率",
}

# The Hugging Face config import (qt/hf_import.py): key -> (English, Simplified Chinese);
# "%1" is replaced by a name, "%2" by a number.
HF_IMPORT: dict[str, tuple[str, str]] = {
    "menu_models": ("&Models", "模型(&M)"),
    "act_import_hf": ("Import &Hugging Face config…", "导入 &Hugging Face 配置…"),
    "dialog_title": ("Import Hugging Face config", "导入 Hugging Face 配置"),
    "file_filter": ("Hugging Face config (config.json *.json)", "Hugging Face 配置 (config.json *.json)"),
    "cannot_import": ("Cannot import %1", "无法导入 %1"),
    "undo_text": ("Import model %1", "导入模型 %1"),
    "imported": ("Imported model %1 (%2 B parameters) from its Hugging Face config",
                 "已从 Hugging Face 配置导入模型 %1（%2 B 参数）"),
}

# Keywords of the readable formula (core.expr.to_text): (English, Simplified Chinese).
FORMULA_WORDS: dict[str, tuple[str, str]] = {
    "if": ("if", "如果"), "then": ("then", "则"), "else": ("else", "否则"), "is blank": ("is blank", "为空"),
    "or": ("or", "或"), "by": ("by", "按"), "error": ("error: ", "错误："), "blank": ("blank", "空"),
}


# The layout and efficiency tab (qt/charts/layout.py, words composed by core/layout_breakdown.py):
# key -> (English, Simplified Chinese); {names} are filled in.
LAYOUT_CHART: dict[str, tuple[str, str]] = {
    "kernel": ("Kernel efficiency", "算子效率"),
    "bubble": ("Pipeline bubble", "流水线气泡"),
    "comm": ("Exposed communication", "未被掩盖的通信"),
    "mfu": ("MFU used", "采用的 MFU"),
    "axis": ("Share of the card's peak (%)", "占单卡峰值的比例 (%)"),
    "layout_line": ("{stage}: {layout} on {cards} cards.", "{stage}：{layout}，共 {cards} 张卡。"),
    "no_layout": ("{stage}: {cards} cards.", "{stage}：共 {cards} 张卡。"),
    "tp_one": ("Each layer stays whole on one card (TP1).", "每一层都完整地放在一张卡上（TP1）。"),
    "tp_server": ("{tp} cards per server share each layer (tensor parallel, TP{tp}).",
                  "每台服务器内 {tp} 张卡共同计算每一层（张量并行，TP{tp}）。"),
    "tp_across": ("{tp} cards share each layer (tensor parallel, TP{tp}), more than the {node} of one server: "
                  "every layer waits for the slower network between servers.",
                  "{tp} 张卡共同计算每一层（张量并行，TP{tp}），多于一台服务器的 {node} 张卡："
                  "每一层都要等服务器之间较慢的网络。"),
    "pp_one": ("No pipeline: every card runs all the layers (PP1).", "不分流水线：每张卡都运行全部层（PP1）。"),
    "pp": ("{pp} pipeline stages each hold a slice of the layers (PP{pp}).",
           "{pp} 个流水线阶段各放一段层（PP{pp}）。"),
    "pp_bubble": ("{pp} pipeline stages each hold a slice of the layers (PP{pp}); {m} micro-batches per step "
                  "keep them busy, and the bubble, while stages wait for work at the start and end of a step, "
                  "takes {bubble} of the time.",
                  "{pp} 个流水线阶段各放一段层（PP{pp}）；每步 {m} 个微批次让它们保持忙碌，"
                  "每步开头和结尾各阶段等活的“气泡”占去 {bubble} 的时间。"),
    "cp": ("Each sequence is split over {cp} cards (context parallel, CP{cp}).",
           "每条序列分到 {cp} 张卡上（上下文并行，CP{cp}）。"),
    "cp_context": ("Each sequence of {ctx} tokens is split over {cp} cards, {each} tokens each "
                   "(context parallel, CP{cp}).",
                   "每条 {ctx} 个 Token 的序列分到 {cp} 张卡上，每张卡 {each} 个 Token（上下文并行，CP{cp}）。"),
    "ep": ("The experts are spread over {ep} cards (expert parallel, EP{ep}): every token travels to its "
           "experts and back.", "专家分布在 {ep} 张卡上（专家并行，EP{ep}）：每个 Token 都要发往它的专家再传回。"),
    "dp_one": ("One copy of the model trains on the whole batch (DP1).", "只有一份模型副本，处理整个批次（DP1）。"),
    "dp": ("{dp} copies of this arrangement each train on their share of every step's batch and average "
           "their gradients (data parallel, DP{dp}).",
           "这样的布局共有 {dp} 份副本，各自处理每步批次中的一份，再平均梯度（数据并行，DP{dp}）。"),
    "dp_batch": ("{dp} copies of this arrangement each take their share of the {batch} tokens of every step "
                 "and average their gradients (data parallel, DP{dp}).",
                 "这样的布局共有 {dp} 份副本，各自处理每步 {batch} 个 Token 中的一份，再平均梯度（数据并行，DP{dp}）。"),
    "mfu_line": ("Predicted MFU: kernel efficiency {k} × (1 − bubble {b}) ÷ (1 + exposed communication {c}) "
                 "= {mfu}.", "预测的 MFU：算子效率 {k} ×（1 − 气泡 {b}）÷（1 + 未被掩盖的通信 {c}）= {mfu}。"),
    "typed": ("The scenario types its MFU, {mfu}: that is the one used.", "场景填写了 MFU（{mfu}）：采用该值。"),
    "typed_over": ("The scenario types its MFU, {mfu}: it replaces the predicted {pred}.",
                   "场景填写了 MFU（{mfu}）：它取代预测值 {pred}。"),
    "goodput": ("Goodput {g}: GPU-hours, days and cost are divided by it for failures, restarts and "
                "checkpoint saves.", "有效训练时间占比（goodput）{g}：GPU 小时、天数和成本都要除以它，"
                "计入故障、重启和保存检查点所耗的时间。"),
    "join": (" ", ""),
    "nothing": ("This scenario has no pre-training or fine-tuning.", "此场景没有预训练或微调。"),
    "missing": ("This version of the formulas does not choose a parallel layout.", "此版本的公式不选择并行布局。"),
}
