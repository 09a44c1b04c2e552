"""Simplified Chinese descriptions of the columns and results, for the Chinese user guide.

They live in the one catalogue, llmcost_gui/core/labels.py; this module re-exports them for the
guide's table generator.  Keys are ``Table.column`` (columns) and result keys.  A column or
result missing there appears in the Chinese guide with its English description.
"""

from llmcost_gui.core.labels import COLUMN_HELP_ZH, RESULT_DOC_ZH

__all__ = ["COLUMN_HELP_ZH", "RESULT_DOC_ZH"]
