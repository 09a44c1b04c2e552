"""The catalogue of words people read, in English and Simplified Chinese (Qt-free), by kind.

* :mod:`.tables` — table, stage, column and assumption labels; Chinese column help.
* :mod:`.results` — result labels; Chinese result descriptions.
* :mod:`.interface` — the interface's texts (menus, charts, dialogs), the Hugging Face import,
  the words of a readable formula.
* :mod:`.reasons` — why a value is refused or a result has none.
* :mod:`.budget` — words of the exported budget workbook.
* :mod:`.memory_chart` — words of the memory breakdown chart.

Each module is plain data; :mod:`llmcost_gui.core.labels` is the one place that looks words up.
"""

from __future__ import annotations

LANGS = ("en", "zh_CN")


def lang_index(lang: str) -> int:
    """0 for English, 1 for Chinese (any "zh…" tag): the position of a word in a pair."""
    return 1 if str(lang).lower().replace("-", "_").startswith("zh") else 0
