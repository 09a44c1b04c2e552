"""Switched live to Chinese, the window's tables, summary and formula bar show no English prose.

Allowed: what people typed (names, sources, notes: the data itself), keys and formula names,
units, choices such as "bf16", numbers, and the citations of the formulas' sources."""

import re

from PySide6.QtCore import Qt
from qt_helpers import CHATGPT, GPT3_500, scenario

from llmcost_gui.core.formulas import REGISTRY, RESULT_KEYS
from llmcost_gui.core.schema import TABLES

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
# English words that only prose has (a key, unit or model name never is one of these)
PROSE = re.compile(r"(?<![\w.#])(?:the|a|an|of|to|is|are|in|or|and|for|with|not|no|must|be|on|at|"
                   r"than|when|from|this|that|its|has|give|choose|needs|cannot|use|got|expected|"
                   r"blank|part|scenario|default|used|number|error)(?![\w.])", re.I)


# choice values that are also English words: data in a cell, code in a help text
CHOICE_WORDS = re.compile(r"(?<![\w])(?:" + "|".join(sorted(
    {v for t in TABLES.values() for c in t.columns for v in c.choices if PROSE.fullmatch(v)})) + r")(?![\w])")


def _allowed(wb) -> list[str]:
    """The data's own text and the sources, longest first (removed before looking)."""
    texts = {f.source for f in REGISTRY.values()}
    for t in wb.tables.values():
        for column in t.columns:
            texts.update(v for v in t.data[column] if isinstance(v, str))
    return sorted({" ".join(s.split()) for s in texts if s.strip()}, key=len, reverse=True)


def _prose(text: str, allowed: list[str]) -> str | None:
    text = " ".join(re.sub(r"<[^>]+>", " ", str(text or "")).split())  # rich text tags, wrapping
    text = text.replace("- ", "-")  # a header wrapped after a hyphen
    for s in allowed:
        text = text.replace(s, " ")
    text = re.sub(r"\b\w*_\w*\b", " ", text)  # keys (train_gpu_hours, scenario.train_gpus)
    text = CHOICE_WORDS.sub(" ", text)  # choices are data ("no" of autoscale), like "bf16"
    m = PROSE.search(text)
    return None if m is None else text


def _model_texts(model):
    for r in range(model.rowCount()):
        for role in ROLES:
            yield "row header", model.headerData(r, Qt.Orientation.Vertical, role)
        for c in range(model.columnCount()):
            for role in ROLES:
                yield f"cell {r},{c}", model.index(r, c).data(role)
    for c in range(model.columnCount()):
        for role in ROLES:
            yield "column header", model.headerData(c, Qt.Orientation.Horizontal, role)


def test_live_switch_to_chinese_leaves_no_english_prose(window, wb, qapp):
    row = scenario(wb, CHATGPT)
    wb.set_cell("Scenarios", row, "serve_hardware", None)  # errors with reasons
    window.set_language("zh_CN")
    qapp.processEvents()
    allowed = _allowed(wb)
    found = []
    models = [window.scenario_model, window.results_model, *window.table_models.values()]
    data_columns = {"name", "source", "note", "provider", "vendor", "as_of"}  # the data, not words
    for model in models:
        for where, text in _model_texts(model):
            if text is not None and not isinstance(text, (int, float)) and _prose(text, allowed):
                if where.startswith("cell") and getattr(model, "table", "") and \
                        model.data_table.columns[int(where.split(",")[1])] in data_columns:
                    continue
                found.append((type(model).__name__, where, str(text)))
    for scenario_row in range(wb.tables["Scenarios"].nrows):
        for key in RESULT_KEYS:
            window.select_result(scenario_row, key)
            bar = window.formula_bar
            for label in (bar.title, bar.names, bar.numbers, bar.unit):
                if _prose(label.text(), allowed):
                    found.append(("formula bar", f"{scenario_row} {key}", label.text()))
            for tile_key, tile in window.summary.tiles.items():
                for text in (tile.caption.text(), tile.value.text(), tile.band.text(), tile.toolTip()):
                    if _prose(text, allowed):
                        found.append(("summary", tile_key, text))
        if _prose(window.summary.scenario.text(), allowed):
            found.append(("summary", "scenario", window.summary.scenario.text()))
    assert not found, "\n".join(" | ".join(f) for f in found[:20])
    window.select_result(row, "serve_gpus")  # what was looked at: the reason, in Chinese
    assert "推理硬件为空；推理服务需要它" in window.formula_bar.title.text()
    window.select_result(scenario(wb, GPT3_500), "train_gpus")  # a formula with fail() in it
    assert "否则" in window.formula_bar.names.text()
    assert "错误：请填写训练 GPU 数或训练期限" in window.formula_bar.names.text()
