"""The Summary sheet: one-off, recurring and unit costs per scenario, a chart, notes and a legend.

Columns: scenario, currency, then one-off money (pre-training, fine-tuning, purchase), recurring
serving money (per day, per month = per year ÷ 12, per year) and unit costs (per 1M tokens, per
user-month), each a reference to its registry cell on Results or Workings, in the row's currency.
Right of the table: a bar chart of the one-off and yearly amounts in USD (scenarios may differ in
currency), what the file is, when and by what it was made, how to edit it, and the colour legend.
"""

from __future__ import annotations

import datetime
import re

from .. import __version__
from ..core import labels
from ..core.workbook import Workbook
from .budget_formulas import COL, RESULTS, RESULTS_CURRENCY_ROW, RESULTS_NAME_ROW, SUMMARY, Layout
from .budget_style import (
    Styles,
    budget_sheet_class,
    fit_width,
    money_format,
    print_setup,
    scenario_formulas,
    text_width,
)

GROUPS = (  # (group word, ((column word, registry key), ...))
    ("one_off", (("s_train", "train_cost"), ("s_ft", "ft_cost"), ("s_capex", "capex_total"))),
    ("recurring", (("s_day", "serve_cost_per_day"), ("s_month", "serve_cost_per_month"),
                   ("s_year", "serve_cost_per_year"))),
    ("unit_costs", (("s_mtok", "cost_per_million_tokens"), ("s_user_month", "cost_per_user_month"))),
)
SUMMARY_KEYS = tuple(key for _, cols in GROUPS for _, key in cols)
CHART_KEYS = ("training_usd", "capex_usd", "serve_usd_per_year")
CHART_MAX = 25  # scenarios shown in the chart
TOP = 3  # 0-based row where the chart and the notes start
CHART_COLS = 4  # the chart spans the first columns; the notes sit right of it
ROW_PX = 20  # default row height in pixels
CHART_HEIGHT = 440  # pixels; fixed, so the table starts at the same row whatever the scenarios


def _px(width: float) -> int:
    """Pixels of a column `width` characters wide (Excel's default font)."""
    return int(width * 7 + 5)


class SummaryGeometry:
    """Widths and rows of the Summary: title, chart and notes side by side, then the table."""

    def __init__(self, layout: Layout, stored: dict, lang: str):
        w = labels.budget_word
        self.heads = [w("scenario", lang), w("currency", lang),
                      *(w(word, lang) for _, cols in GROUPS for word, _ in cols)]
        n = layout.nrows
        self.names = stored[(RESULTS, "name")]
        self.values = [stored[(layout.cell[key][0], key)] for key in SUMMARY_KEYS]
        name_width = fit_width(self.heads[0], self.names, None, header_lines=1) * 1.25  # bold
        self.widths = [min(name_width, 56.0), fit_width(self.heads[1], ["CNY"], None, header_lines=1)]
        self.widths += [max(13.0, fit_width(h, v[:n], money_format(2)) + 1)
                        for h, v in zip(self.heads[2:], self.values)]
        self.chart_px = sum(_px(x) for x in self.widths[:CHART_COLS]) - 8
        self.chart_n = min(n, CHART_MAX)
        self.chart_height = CHART_HEIGHT
        note_chars = int(sum(self.widths[CHART_COLS:]) * 1.15)  # the notes' font is smaller
        self.notes = _note_lines(layout.wb, lang, note_chars)
        top_rows = max(-(-self.chart_height // ROW_PX), len(self.notes) + 1)
        self.group_row = TOP + top_rows + 1
        self.head_row = self.group_row + 1
        self.first = self.head_row + 1


def write_summary(book, styles: Styles, layout: Layout, stored: dict, lang: str) -> SummaryGeometry:
    """The Summary sheet, first in the book and active; returns its geometry."""
    w = labels.budget_word
    g = SummaryGeometry(layout, stored, lang)
    ws = book.add_worksheet(SUMMARY, budget_sheet_class())
    ws.write_string(0, 0, w("title", lang), styles.get("title"))
    ws.write_string(1, 0, w("subtitle", lang), styles.get("subtitle"))
    for j, width in enumerate(g.widths):
        ws.set_column(j, j, width)
    _chart(book, ws, layout, g, lang)
    _write_notes(ws, styles, g.notes)
    col = 2
    for group, cols in GROUPS:
        ws.merge_range(g.group_row, col, g.group_row, col + len(cols) - 1, w(group, lang), styles.get("group"))
        col += len(cols)
    ws.set_row(g.head_row, 30)
    for j, text in enumerate(g.heads):
        ws.write_string(g.head_row, j, text, styles.get("header" if j < 2 else "header_right"))
    money = styles.get("formula", money_format(2))
    n = layout.nrows
    rows = range(g.first, g.first + layout.slots)
    scenario_formulas(ws, f"={RESULTS}!{COL}${RESULTS_NAME_ROW}", [(r, 0) for r in rows], styles.get("name"),
                      g.names[:n])
    scenario_formulas(ws, f"={RESULTS}!{COL}${RESULTS_CURRENCY_ROW}", [(r, 1) for r in rows],
                      styles.get("center"), stored[(RESULTS, "currency")][:n])
    for j, (key, vals) in enumerate(zip(SUMMARY_KEYS, g.values)):
        scenario_formulas(ws, "=" + layout.ref(key, SUMMARY), [(r, 2 + j) for r in rows], money, vals[:n])
    last = g.first + layout.slots - 1
    styles.currency_rules(ws, [(g.first, 2, last, 1 + len(SUMMARY_KEYS))], f"$B{g.first + 1}")
    print_setup(ws, lang, g.first + n - 1, len(g.widths) - 1, header_rows=0, one_page=n <= 40,
                title=w("Summary", lang))
    if n > 40:
        ws.repeat_rows(g.group_row, g.head_row)
    ws.activate()
    return g


def _chart(book, ws, layout: Layout, g: SummaryGeometry, lang: str) -> None:
    """Clustered bars: one-off and yearly amounts in USD per scenario (the first CHART_MAX)."""
    n = g.chart_n
    if n == 0:
        return
    chart = book.add_chart({"type": "bar"})
    cats = [SUMMARY, g.first, 0, g.first + n - 1, 0]
    colours = ("#4472C4", "#A5A5A5", "#ED7D31")
    for key, colour in zip(CHART_KEYS, colours):
        sheet, letter = layout.cell[key]
        chart.add_series({"name": labels.result_label(key, lang), "categories": cats,
                          "values": f"={sheet}!${letter}$2:${letter}${n + 1}",
                          "fill": {"color": colour}, "gap": 60})
    chart.set_title({"name": labels.budget_word("chart_title", lang), "name_font": {"size": 10}})
    chart.set_x_axis({"num_format": '"$"#,##0,,"M"', "num_font": {"size": 8}, "major_gridlines": {"visible": True}})
    chart.set_y_axis({"reverse": True, "num_font": {"size": 8}})
    chart.set_legend({"position": "bottom", "font": {"size": 8}})
    chart.show_hidden_data()
    chart.set_size({"width": g.chart_px, "height": g.chart_height})
    ws.insert_chart(TOP, 0, chart, {"x_offset": 0, "y_offset": 0})


def _price_dates(wb: Workbook) -> tuple[int, str, str]:
    t = wb.tables["Prices"]
    dates = sorted(str(d) for d in t.data.get("as_of", []) if d)
    return t.nrows, (dates[0] if dates else "?"), (dates[-1] if dates else "?")


_TOKENS = re.compile(r"[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+")


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns (East Asian characters count double; breaks at spaces
    where there are some)."""
    lines, line, used = [], "", 0
    for word in _TOKENS.findall(text):
        size = int(text_width(word))
        if used + size > width and line:
            lines.append(line.rstrip())
            line, used = "", 0
        line += word
        used += size
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _note_lines(wb: Workbook, lang: str, width: int) -> list[tuple[str, str]]:
    """(style, text) lines of the notes block and the legend."""
    w = labels.budget_word
    count, first, last = _price_dates(wb)
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    notes = [w("note_what", lang), w("note_made", lang).format(version=__version__, date=today),
             w("note_edit", lang), w("note_month", lang),
             w("note_prices", lang).format(count=count, first=first, last=last), w("note_reopen", lang)]
    lines = [("note_head", w("notes", lang))]
    for text in notes:
        lines += [("note", ("• " if k == 0 else "   ") + line) for k, line in enumerate(wrap(text, width - 3))]
    lines += [("note", ""), ("note_head", w("legend", lang)), ("input", w("legend_input", lang)),
              ("formula", w("legend_formula", lang)), ("link_label", w("legend_link", lang))]
    return lines


def _write_notes(ws, styles: Styles, lines: list[tuple[str, str]]) -> None:
    """One line per row right of the chart (cells overflow to the right; no row heights change)."""
    for i, (style, text) in enumerate(lines):
        if text:
            ws.write_string(TOP + i, CHART_COLS, text, styles.get(style))
