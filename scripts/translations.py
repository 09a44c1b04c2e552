"""Regenerate resources/translations/llmcost_zh_CN.ts and .qm.

1. pyside6-lupdate extracts the interface strings (self.tr / QCoreApplication.translate) from
   the window's modules;
2. the Chinese texts below fill them in (strings without one stay English and are listed);
3. pyside6-lrelease compiles the .qm that the application loads.

Run: ``.venv/bin/python scripts/translations.py``.  Table headers, units and result names are
not here: they come from llmcost_gui/core/labels.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations" / "llmcost_zh_CN.ts"
SOURCES = [*sorted((ROOT / "llmcost_gui" / "qt").glob("*.py")),
           *sorted((ROOT / "llmcost_gui" / "qt" / "charts").glob("*.py")), ROOT / "llmcost_gui" / "app.py"]

ZH = {
    # menus and actions
    "&File": "文件(&F)", "&Edit": "编辑(&E)", "&Scenario": "场景(&S)", "&View": "视图(&V)",
    "&Help": "帮助(&H)", "&Language": "语言(&L)", "Open &Recent": "最近打开(&R)",
    "&New": "新建(&N)", "&Open…": "打开(&O)…", "&Save": "保存(&S)", "Save &As…": "另存为(&A)…",
    "&Export budget…": "导出预算(&E)…", "&Quit": "退出(&Q)", "&Undo": "撤销(&U)",
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
    "Default used: %1": "使用默认值：%1", "Capex (purchase)": "一次性购置", "Per day": "每日",
    "Per month": "每月", "Per year": "每年", "Per 1M tokens": "每百万 Token", "No scenario": "没有场景",
    "Edit %1": "编辑 %1", "e.g. %1": "例如 %1", "Paste": "粘贴", "Clear": "清除",
    "Add row": "添加行", "Add scenario": "添加场景", "Duplicate scenario": "复制场景",
    "Duplicate rows": "复制行", "Delete scenario": "删除场景", "Delete rows": "删除行",
    # charts panel
    " ({0:,} without a value left out)": "（{0:,} 个无值样本未计入）", " months": " 个月",
    "(row {0})": "（第 {0} 行）", "Add a scenario to see its charts.": "添加一个场景即可查看其图表。",
    "All scenarios": "全部场景", "Bars": "条数", "Buy vs rent": "购买与租用",
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
    "not a number: the default is used": "不是数字：使用默认值", "rent": "租用", "samples": "样本",
    "to": "至", "{0} = {1}; {2} inputs move it (showing {3}).": "{0} = {1}；共有 {2} 个输入影响它（显示 {3} 个）。",
    "× own value": "× 当前值",
    "Opening %1…": "正在打开 %1…", "Saving %1…": "正在保存 %1…", "Exporting the budget…": "正在导出预算…",
    "Monte Carlo over the uncertain inputs (Charts → Uncertainty)": "对不确定输入做蒙特卡洛抽样（图表 → 不确定性）",
    # throughput chart (serving, #12)
    "Throughput vs latency": "吞吐与时延",
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
    # help.py (context "help")
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
}


def extract(files: list[Path]) -> Path:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or "pyside6-lupdate"
    tmp = Path(tempfile.mkdtemp()) / "extract.ts"
    subprocess.run([lupdate, *map(str, files), "-ts", str(tmp), "-no-obsolete", "-locations", "none"],
                   check=True, capture_output=True)
    return tmp


def fill(ts: Path, out: Path) -> list[str]:
    tree = ET.parse(ts)
    root = tree.getroot()
    root.set("language", "zh_CN")
    missing = []
    for context in root.iter("context"):
        name = context.find("name")
        if name is not None and not (name.text or "").strip() and any(
                (m.findtext("source") or "") in ZH for m in context.iter("message")):
            name.text = "help"  # help.py translates through a helper with this context
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = ZH.get(source)
            if text is None:
                missing.append(source)
                continue
            translation.text = text
            translation.attrib.pop("type", None)
    out.parent.mkdir(parents=True, exist_ok=True)
    ET.indent(tree)
    with open(out, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
    return missing


def release(ts: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or "pyside6-lrelease"
    subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True,
                   capture_output=True)


def main() -> int:
    missing = fill(extract(SOURCES), OUT)
    release(OUT)
    for source in missing:
        print(f"untranslated: {source!r}")
    print(f"wrote {OUT.relative_to(ROOT)} and {OUT.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
