"""Small helpers shared by the window tests."""

from PySide6.QtCore import QModelIndex

CHATGPT = "ChatGPT scale"
GPT3_500 = "GPT-3 175B on 500B tokens, A100"


def scenario(wb, name_start: str) -> int:
    """Row of the first scenario whose name starts with `name_start`."""
    t = wb.tables["Scenarios"]
    return next(i for i in range(t.nrows) if t.get(i, "name").startswith(name_start))


def param_index(window, column: str, row: int) -> QModelIndex:
    """Grid index of scenario parameter `column` in scenario `row`."""
    m = window.scenario_model
    return m.index(m.param_row(column), row)


def result_index(window, key: str, row: int) -> QModelIndex:
    m = window.results_model
    return m.index(m.result_row(key), row)


def table_index(window, table: str, row: int, column: str) -> QModelIndex:
    m = window.table_models[table]
    return m.index(row, m.column_index(column))
