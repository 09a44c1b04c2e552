"""The default workbook: sourced data and preset scenarios from resources/data/*.csv."""

from __future__ import annotations

import csv

from ..core.schema import TABLE_ORDER
from ..core.workbook import Workbook
from ..paths import resource
from .records import build_workbook

FILES = {t: t.lower() + ".csv" for t in TABLE_ORDER}
FILES["ApiOffers"] = "api_offers.csv"


def read_csv_sheets() -> dict[str, tuple[list, list[list]]]:
    """Each default table as (header, rows) of text cells."""
    sheets = {}
    for table, filename in FILES.items():
        with open(resource("data", filename), newline="", encoding="utf-8") as fh:
            rows = [[c if c != "" else None for c in r] for r in csv.reader(fh)]
        sheets[table] = (rows[0], rows[1:])
    return sheets


def default_workbook() -> Workbook:
    """A new document holding the default models, hardware, prices, assumptions and presets."""
    return build_workbook(read_csv_sheets())
