"""Read a workbook file (.xlsx) that follows the table layout into a Workbook.

Any workbook following SPEC §1 is accepted: ours, an exported budget or one typed by hand.
Sheets are found by name (case ignored; the interface's translated table names too); computed
sheets (Summary, Results, Workings) and any other sheet are ignored; formula cells give their
cached values; macros are never loaded.  Before openpyxl parses anything, the archive is checked:
a zip bomb (huge or absurdly compressed parts) or XML with a DTD (entity expansion) is refused.
"""

from __future__ import annotations

import datetime
import zipfile
import zlib
from pathlib import Path

from ..core import labels
from ..core.reasons import Reason
from ..core.schema import TABLE_ORDER
from ..core.workbook import Workbook
from . import progress
from .records import CellProblem, ImportProblems, build_workbook

MAX_ROWS = 100_000
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # bytes, all parts together
MAX_RATIO = 200  # uncompressed / compressed size of one part...
RATIO_FLOOR = 1024 * 1024  # ...checked for parts above this size
_CHUNK = 1 << 20
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


def _refuse(name: str, key: str, **args) -> ImportProblems:
    """A file that cannot be read at all: its name and why (a reason of the catalogue)."""
    return ImportProblems([CellProblem("", 0, "", Reason.of("file_refused", file=name, why=Reason.of(key, **args)))])


def check_archive(path: Path) -> None:
    """Refuse zip bombs and XML with a document type declaration (billion laughs and friends)."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED:
                raise _refuse(name, "unpacks_too_big", mb=total / 2**20, limit=MAX_UNCOMPRESSED // 2**20)
            for info in infos:
                if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise _refuse(name, "zip_bomb", part=info.filename,
                                  ratio=info.file_size // max(info.compress_size, 1))
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    _check_xml(z, info, name)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise _refuse(name, "damaged_archive", detail=str(exc)) from None


def _check_xml(z: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Workbook XML never needs a DTD; one is only there to expand entities."""
    tail = b""
    with z.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            block = tail + chunk
            if any(m in block for m in _DTD_MARKERS):
                raise _refuse(name, "xml_entities", part=info.filename)
            tail = block[-16:]


def _sheet_lookup(sheetnames: list[str]) -> dict[str, str]:
    """Table name -> the workbook's sheet, by name or translated label, case ignored."""
    by_lower = {s.strip().lower(): s for s in sheetnames}
    out = {}
    for table in TABLE_ORDER:
        candidates = [table] + [labels.table_label(table, lang) for lang in labels.LANGS]
        for c in candidates:
            if c.strip().lower() in by_lower:
                out[table] = by_lower[c.strip().lower()]
                break
    return out


def read_sheets(path: str | Path) -> dict[str, tuple[list, list[list]]]:
    """Input sheets as (header, rows); formula cells give their cached values. Raises ImportProblems."""
    import openpyxl  # deferred: heavy import

    path = Path(path)
    name = path.name
    if not path.is_file():
        raise _refuse(name, "file_not_found")
    if not zipfile.is_zipfile(path):
        raise _refuse(name, "not_xlsx")
    check_archive(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_vba=False)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise _refuse(name, "unreadable_workbook", detail=str(exc)) from None
    try:
        sheets = {}
        for table, real in _sheet_lookup(book.sheetnames).items():
            header, rows = _rows(book[real], table)
            sheets[table] = _without_words(header, rows) if table == "Assumptions" else (header, rows)
        return sheets
    except ImportProblems:
        raise
    except Exception as exc:  # damaged sheet XML
        raise _refuse(name, "unreadable_workbook", detail=str(exc)) from None
    finally:
        book.close()


def _rows(ws, table: str) -> tuple[list, list[list]]:
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # a wrong <dimension> record must not cut columns off
    rows = []
    for i, row in enumerate(ws.iter_rows(values_only=True)):
        if i > MAX_ROWS:
            raise ImportProblems([CellProblem(table, i + 1, "", Reason.of("too_many_rows", limit=MAX_ROWS))])
        rows.append([_plain(v) for v in row])
        if i % progress.EVERY_ROWS == 0:
            progress.tick()
    while rows and all(c is None for c in rows[-1]):
        rows.pop()
    if not rows:
        raise ImportProblems([CellProblem(table, 1, "", Reason("header_missing"))])
    return rows[0], rows[1:]


def _without_words(header: list, rows: list[list]) -> tuple[list, list[list]]:
    """A budget's Assumptions sheet without its column of the keys in words (the export writes
    it from the catalogue; the key is what counts)."""
    words = {labels.budget_word("assumption_words", lang) for lang in labels.LANGS}
    drop = [j for j, h in enumerate(header) if isinstance(h, str) and h.strip() in words]
    if not drop:
        return header, rows
    keep = [j for j in range(len(header)) if j not in drop]
    return [header[j] for j in keep], [[r[j] if j < len(r) else None for j in keep] for r in rows]


def _plain(value):
    """A date typed into a text cell (e.g. as_of) reads as YYYY-MM-DD, not a timestamp."""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def default_aliases() -> dict[str, str]:
    """Translated column labels the importer accepts as headers."""
    return labels.aliases()


def read_workbook(path: str | Path, aliases: dict[str, str] | None = None) -> Workbook:
    """Import a workbook file. Raises ImportProblems naming sheet, row and column."""
    return build_workbook(read_sheets(path), default_aliases() if aliases is None else aliases)
