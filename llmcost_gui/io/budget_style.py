"""Looks of the budget workbook (XlsxWriter): cell styles, number formats, widths, headers, print.

Modelling convention: inputs in blue on a light fill, formulas in black, values brought from
another sheet in green.  Money cells carry a
neutral number format and two conditional formats that add "$" or "¥" from the row's currency
cell, so a scenario switched to CNY in the spreadsheet never shows a dollar sign.
"""

from __future__ import annotations

import math

from ..core import labels
from ..core.formulas import REGISTRY
from ..core.schema import CURRENCIES, SCENARIOS, TABLES
from ..core.units import UNIT_FORMAT, is_money, with_unit
from .xlsx_write import safe_text

INPUT_FONT, INPUT_FILL = "#0000FF", "#FFF2CC"
LINK_FONT = "#00703C"  # green: a value brought from another sheet
HEADER_FILL, GROUP_FILL = "#D9E1F2", "#B4C6E7"
SYMBOL = {"USD": '"$"', "CNY": '"¥"'}
MIN_WIDTH, MAX_WIDTH = 8.0, 44.0
OTHER_FORMAT = "#,##0.00##"  # a unit without its own format: 2 to 4 decimals


def money_format(decimals: int = 2, currency: str = "") -> str:
    """#,##0.00 with the currency's symbol (none: the neutral format)."""
    symbol = SYMBOL.get(currency, "")
    body = "#,##0" + ("." + "0" * decimals if decimals else "")
    return f"{symbol}{body};-{symbol}{body}"


def money_decimals(key: str) -> int:
    return 4 if key in ("cost_per_request", "per_gpu_hour") else 2


def result_format(key: str) -> str | None:
    """Number format of a computed value by its unit (money: neutral, see currency_rules)."""
    formula = REGISTRY.get(key)
    if formula is None:
        return None
    if is_money(formula.unit):
        return money_format(money_decimals(key))
    return UNIT_FORMAT.get(formula.unit, OTHER_FORMAT)


def input_format(table: str, column: str) -> str | None:
    col = TABLES[table].by_name.get(column)
    if col is None:
        return None
    if is_money(col.unit):
        return money_format(money_decimals(column))
    return UNIT_FORMAT["fraction"] if col.unit == "fraction" else None


def input_number_format(col) -> str | None:
    """Display of a scenario input as used: % for fractions, whole numbers with separators."""
    if col.unit == "fraction":
        return UNIT_FORMAT["fraction"]
    if col.kind == "int":
        return "#,##0"
    return "#,##0.##########" if col.numeric else None


def text_width(text: str) -> float:
    """Display width of text in character units (East Asian characters count double)."""
    if text.isascii():
        return float(len(text))
    return float(sum(2 if ord(ch) > 0x2E80 else 1 for ch in text))


def value_text(value, fmt: str | None) -> str:
    """Roughly how a value shows under a number format (for fitting widths)."""
    if isinstance(value, str):
        return value
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        return ""
    fmt = fmt or ""
    if "E+" in fmt:
        return f"{value:.2E}"
    if fmt.endswith("%"):
        return f"{value * 100:.1f}%"
    decimals = len(fmt.split(";")[0].split(".")[1]) if "." in fmt else (0 if fmt else 4)
    text = f"{value:,.{decimals}f}" if fmt else f"{value:.10g}"
    return ("$" if '"' in fmt or is_money_fmt(fmt) else "") + text


def is_money_fmt(fmt: str) -> bool:
    return fmt.startswith("#,##0.00;")


FIT_SAMPLE = 300  # values looked at to fit a column (a long table: the first ones)


def fit_width(header: str, values, fmt: str | None, header_lines: int = 2) -> float:
    """A width that shows the values and the header wrapped on at most `header_lines` lines."""
    longest_word = max((text_width(w) for w in header.split()), default=0.0)
    head = max(longest_word, math.ceil(text_width(header) / header_lines))
    data = max((text_width(value_text(v, fmt)) for v in list(values)[:FIT_SAMPLE]), default=0.0)
    return max(MIN_WIDTH, min(MAX_WIDTH, max(head, data) + 2.0))


def column_header(table: str, name: str, lang: str) -> str:
    """Header of an input column: its label and unit (money: the row's currency cell says it)."""
    col = TABLES[table].by_name.get(name)
    if col is None:
        return name  # an extra column keeps its own header
    return labels.header(name, col.unit, lang)


def result_header(key: str, lang: str) -> str:
    """Header of a computed column: label and unit (money: the Currency column says it)."""
    if key == "name":
        return labels.budget_word("scenario", lang)
    if key == "currency":
        return labels.budget_word("currency", lang)
    return with_unit(labels.result_label(key, lang), REGISTRY[key].unit, lang)


class Styles:
    """XlsxWriter formats, made once per (kind, number format)."""

    def __init__(self, book, lang: str):
        self.book = book
        self.lang = lang
        self._made: dict[tuple[str, str | None], object] = {}

    def get(self, kind: str, num: str | None = None):
        key = (kind, num)
        if key not in self._made:
            props = dict(_KINDS[kind])
            if num:
                props["num_format"] = num
            self._made[key] = self.book.add_format(props)
        return self._made[key]

    def currency_rules(self, ws, ranges: list[tuple[int, int, int, int]], cell: str,
                       decimals: int = 2) -> None:
        """Conditional formats: "$" or "¥" in front of money, following the currency cell
        (`cell`: its reference relative to the first range's top-left cell; blank means the
        currency columns' default)."""
        if not ranges:
            return
        multi = " ".join(_range(*r) for r in ranges)
        for currency in CURRENCIES:
            test = f'{cell}="{currency}"'
            if currency == SCENARIOS.by_name["currency"].default:
                test = f'OR({test},TRIM({cell})="")'
            fmt = self.book.add_format({"num_format": money_format(decimals, currency)})
            ws.conditional_format(*ranges[0], {"type": "formula", "criteria": "=" + test, "format": fmt,
                                               "multi_range": multi})


def _range(r0: int, c0: int, r1: int, c1: int) -> str:
    from xlsxwriter.utility import xl_range

    return xl_range(r0, c0, r1, c1)


_KINDS: dict[str, dict] = {
    "input": {"font_color": INPUT_FONT, "bg_color": INPUT_FILL, "border": 1, "border_color": "#D9D9D9"},
    "formula": {},
    "formula_text": {"align": "right", "shrink": True},  # a text result (a layout) shrinks to fit
    "text": {},
    "header": {"bold": True, "bg_color": HEADER_FILL, "text_wrap": True, "valign": "top",
               "bottom": 1},
    "group": {"bold": True, "bg_color": GROUP_FILL, "align": "center", "border": 1},
    "title": {"bold": True, "font_size": 16},
    "subtitle": {"italic": True, "font_color": "#595959"},
    "header_right": {"bold": True, "bg_color": HEADER_FILL, "text_wrap": True, "valign": "top",
                     "align": "right", "bottom": 1},
    "note": {"font_size": 9},
    "note_head": {"bold": True, "font_size": 10},
    "name": {"bold": True},
    "name_head": {"bold": True, "bg_color": HEADER_FILL, "text_wrap": True, "valign": "top",
                  "align": "right", "bottom": 1},
    "section": {"bold": True, "bg_color": GROUP_FILL},
    "center": {"align": "center"},
    "link": {"font_color": LINK_FONT, "align": "right"},
    "link_text": {"font_color": LINK_FONT, "align": "right", "shrink": True},
    "link_label": {"font_color": LINK_FONT, "italic": True},
    "unit": {"font_color": "#595959", "font_size": 9},
}


def print_setup(ws, lang: str, last_row: int, last_col: int, header_rows: int = 1,
                one_page: bool = False, title: str = "") -> None:
    """Landscape A4, one page wide (and tall for one_page), header rows repeated, the sheet's
    title in the language in the header (its tab keeps the English name formulas use), page n of
    m in the footer."""
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 1 if one_page else 0)
    if header_rows:
        ws.repeat_rows(0, header_rows - 1)
    ws.print_area(0, 0, max(last_row, header_rows - 1), last_col)
    ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.7)
    header = labels.budget_word("header", lang)
    if title:
        header = header.replace("&A", title.replace("&", "&&"), 1)
    ws.set_header(header)
    ws.set_footer(labels.budget_word("footer", lang))
    ws.center_horizontally()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _value_xml(value) -> tuple[str, str]:
    """(type attribute, <v> text) of a stored value, as XlsxWriter writes them."""
    if isinstance(value, str):
        hit = _TEXT_XML.get(value)
        if hit is None:
            if len(_TEXT_XML) > 10_000:
                _TEXT_XML.clear()
            hit = _TEXT_XML[value] = _text_xml(value)
        return hit
    return "", f"{value}"


_TEXT_XML: dict[str, tuple[str, str]] = {}  # stored texts repeat: '', #N/A, a card's name


def _text_xml(value: str) -> tuple[str, str]:
    if value == "":
        return "", ""
    return (' t="e"' if value in ERROR_CODES else ' t="str"'), _xml(safe_text(value))


ERROR_CODES = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"})


def budget_sheet_class():
    """An XlsxWriter worksheet that writes prepared formula cells (:class:`Ready`) straight out."""
    from xlsxwriter.worksheet import Worksheet

    class BudgetSheet(Worksheet):
        def _write_cell(self, row, col, cell):
            if type(cell) is Ready:
                self.fh.write(cell[0])
            else:
                super()._write_cell(row, col, cell)

    return BudgetSheet


class Ready(tuple):
    """A formula cell rendered to its whole XML once: ('<c r=… s=…><f>…</f><v>…</v></c>',)."""

    __slots__ = ()


def scenario_formulas(ws, template: str, places: list[tuple[int, int]], fmt, values: list) -> None:
    """Write `template` once per scenario slot i at places[i], with ROW and COL replaced by the
    slot's Workings row and Results column, and the stored value values[i] ('' past the end).

    The first and last cells go through XlsxWriter's write_formula (it records the sheet's
    extent); on a budget sheet (budget_sheet_class) the others are rendered to XML here, once
    escaped per template, when XlsxWriter's rewriting for newer Excel functions leaves the
    template unchanged (the budget uses none of them)."""
    from xlsxwriter.utility import xl_rowcol_to_cell_fast
    from xlsxwriter.worksheet import re_dynamic_function

    from . import progress
    from .budget_formulas import COL, ROW, slot_subs

    progress.tick()
    subs = slot_subs(len(places))
    n = len(values)
    body = template[1:] if template.startswith("=") else template
    plain = (type(ws).__name__ == "BudgetSheet" and not re_dynamic_function.search(body)
             and ws._prepare_formula(body) == body)
    escaped = _xml(body)
    table = ws.table
    last = len(places) - 1
    style = f' s="{fmt._get_xf_index()}"' if fmt and plain else ""
    new, ref = tuple.__new__, xl_rowcol_to_cell_fast
    shared = plain and _shareable(body, places, ROW, COL)
    if shared:  # the cells between the first and last share the second one's formula
        si = getattr(ws, "shared_formulas", 0)
        ws.shared_formulas = si + 1
        span = f"{ref(*places[1])}:{ref(*places[last - 1])}"
        follower = f'<f t="shared" si="{si}"/>'
        # down a column only the row number changes: the column's letters once
        column = ref(0, places[1][1]).rstrip("0123456789") if places[1][1] == places[2][1] else None
    for i, (r, c) in enumerate(places):
        number, letter = subs[i]
        value = values[i] if i < n else ""
        if not (plain and 0 < i < last):
            ws.write_formula(r, c, "=" + body.replace(ROW, number).replace(COL, letter), fmt, value)
            continue
        if type(value) is float:
            t, v = "", repr(value)
        else:
            t, v = ("", "") if value == "" else _value_xml(value)
        if shared and i > 1:
            cell = f"{column}{r + 1}" if column else ref(r, c)
            table[r][c] = new(Ready, (f'<c r="{cell}"{style}{t}>{follower}<v>{v}</v></c>',))
            continue
        text = escaped.replace(ROW, number).replace(COL, letter)
        f = f'<f t="shared" ref="{span}" si="{si}">{text}</f>' if shared else f"<f>{text}</f>"
        table[r][c] = new(Ready, (f'<c r="{ref(r, c)}"{style}{t}>{f}<v>{v}</v></c>',))


def _shareable(body: str, places: list[tuple[int, int]], row_mark: str, col_mark: str) -> bool:
    """True when the cells between the first and last can share one formula (OOXML shared
    formulas, which spreadsheets shift like a filled range): the slots run down one column and
    the formula follows the slot's row only, or along one row and it follows the column only."""
    if len(places) < 4:
        return False
    (r0, c0), (r1, c1) = places[1], places[-2]
    count = len(places) - 3
    down = c0 == c1 and r1 - r0 == count and row_mark in body and col_mark not in body
    across = r0 == r1 and c1 - c0 == count and col_mark in body and row_mark not in body
    return (down or across) and all(p[0] - r0 == (i if down else 0) and p[1] - c0 == (0 if down else i)
                                    for i, p in enumerate(places[1:-1]))
