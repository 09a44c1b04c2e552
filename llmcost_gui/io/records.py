"""Build a Workbook from sheets of records (header + rows), with addressed errors.

Shared by the CSV default data, the .xlsx reader and anything else that imports tables.
Headers are matched case-insensitively (and through `aliases`, e.g. translated labels); columns
may come in any order; extra columns are kept; optional columns may be missing.  Every invalid
cell is reported with its sheet, spreadsheet row and column; an import with errors builds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core import labels
from ..core.cells import InputError
from ..core.messages import problem_text
from ..core.reasons import Reason
from ..core.schema import ASSUMPTION_KEYS, TABLE_ORDER, TABLES
from ..core.workbook import InsertRows, Workbook
from . import progress

MAX_ERRORS = 50
# Prices (a buy-only workbook) and Assumptions (their defaults apply) may be left out.
REQUIRED_SHEETS = ("Models", "Hardware", "Scenarios")


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    row: int  # spreadsheet row number (header is row 1)
    column: str
    message: Reason | str  # a reason of the catalogue (text: a file that cannot be read at all)
    example: str = ""

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The problem in words of `lang`, with its sheet, row and column."""
        why = problem_text(self.sheet, 0, "", self.column, self.message, self.example, lang, False) \
            if isinstance(self.message, Reason) else self.message
        if not self.sheet:
            return why
        where = labels.reason(Reason.of("at_sheet", sheet=self.sheet), lang)
        if self.row:
            where += labels.reason(Reason.of("at_row", n=self.row), lang)
        if self.column:
            where += labels.reason(Reason.of("at_column", name=self.column), lang)
        return f"{where}{'：' if labels.lang_index(lang) else ': '}{why}"


class ImportProblems(ValueError):  # noqa: N818 - public name, kept
    """The sheets could not be imported; `problems` lists each addressed error."""

    def __init__(self, problems: list[CellProblem]):
        self.problems = problems
        more = f"\n… and {len(problems) - MAX_ERRORS} more" if len(problems) > MAX_ERRORS else ""
        super().__init__("\n".join(str(p) for p in problems[:MAX_ERRORS]) + more)

    def text(self, lang: str = "en") -> str:
        """The problems in words of `lang` (the first MAX_ERRORS)."""
        more = f"\n… {len(self.problems) - MAX_ERRORS}" if len(self.problems) > MAX_ERRORS else ""
        return "\n".join(p.text(lang) for p in self.problems[:MAX_ERRORS]) + more


_UNIT_SUFFIX = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


def match_header(header: list, table: str, aliases: dict[str, str] | None = None) -> list[str | None]:
    """Map each header cell to a schema column name (or keep an extra column's own name).

    Case is ignored; an alias (e.g. a translated label) counts when it names a column of this
    table; a label followed by its unit in parentheses ("参数量 (十亿参数)") is matched too."""
    schema = TABLES[table]
    lower = {c.lower(): c for c in schema.column_names}
    for alias, name in (aliases or {}).items():
        if name in schema.by_name:
            lower.setdefault(str(alias).strip().lower(), name)
    out: list[str | None] = []
    for h in header:
        text = "" if h is None else str(h).strip()
        if not text:
            out.append(None)
            continue
        base = _UNIT_SUFFIX.sub("", text)
        out.append(lower.get(text.lower()) or lower.get(base.lower()) or text)
    return out


def build_workbook(sheets: dict[str, tuple[list, list[list]]], aliases: dict[str, str] | None = None,
                   require: tuple[str, ...] = REQUIRED_SHEETS) -> Workbook:
    """`sheets`: table name -> (header cells, rows of cells).  Raises ImportProblems.

    The rows enter through the workbook's own command (InsertRows), so an import obeys the
    same rules as an edit; one recalculation at the end."""
    problems: list[CellProblem] = []
    wb = Workbook()
    with wb.batch():
        for table in TABLE_ORDER:
            if table not in sheets:
                if table in require:
                    problems.append(CellProblem(table, 0, "", Reason("sheet_missing")))
                continue
            header, rows = sheets[table]
            records, lines = _records(table, header, rows, aliases, problems)
            if len(problems) <= MAX_ERRORS:
                _insert(wb, table, records, lines, problems)
        if problems:
            raise ImportProblems(problems)
        _add_missing_assumptions(wb)
    return wb


def _records(table, header, rows, aliases, problems) -> tuple[list[dict], list[int]]:
    """The non-blank rows as column -> cell dicts, and the spreadsheet line of each."""
    schema = TABLES[table]
    names = match_header(list(header), table, aliases)
    missing = [c.name for c in schema.columns if c.required and c.stage == "identity" and c.name not in names]
    for m in missing:
        problems.append(CellProblem(table, 1, m, Reason("column_missing")))
    seen: dict[str, int] = {}
    for i, n in enumerate(names):
        if n is None:
            continue
        if n in seen:
            problems.append(CellProblem(table, 1, str(header[i]),
                                        Reason.of("column_twice", other=seen[n] + 1)))
        seen.setdefault(n, i)
    columns = [(n, i) for n, i in seen.items()]
    records, lines = [], []
    for r, cells in enumerate(rows):
        if r % progress.EVERY_ROWS == 0:
            progress.tick()
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        records.append({n: (cells[i] if i < len(cells) else None) for n, i in columns})
        lines.append(r + 2)
    return records, lines


def _insert(wb: Workbook, table: str, records: list[dict], lines: list[int], problems) -> None:
    """Insert the rows with the workbook's command; its refusals become addressed problems."""
    try:
        wb.apply(InsertRows(table, 0, tuple(records)))
    except InputError as exc:
        def line(index: int) -> int:
            return lines[index] if 0 <= index < len(lines) else index + 2

        for p in exc.problems:
            problems.append(CellProblem(table, line(p.row), p.column, p.why(line), p.example))


def _add_missing_assumptions(wb: Workbook) -> None:
    t = wb.tables["Assumptions"]
    have = set(t.data["key"])
    rows = tuple({"key": key, "value": col.default, "unit": col.unit, "note": f"default ({col.help})"}
                 for key, col in ASSUMPTION_KEYS.items() if key not in have)
    if rows:
        wb.apply(InsertRows("Assumptions", t.nrows, rows))
