"""Simplified Chinese descriptions of the columns and results, for the Chinese user guide.

They live in the catalogue, llmcost_gui/core/catalogue/ (tables.py and results.py); this module
re-exports them for the guide's table generator.  Keys are ``Table.column`` (columns) and result keys.  A column or
result missing there appears in the Chinese guide with its English description.
"""

from llmcost_gui.core.catalogue.results import RESULT_DOC_ZH
from llmcost_gui.core.catalogue.tables import COLUMN_HELP_ZH

__all__ = ["COLUMN_HELP_ZH", "RESULT_DOC_ZH"]
