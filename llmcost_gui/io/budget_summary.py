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
from .budget_formulas import COL, RESULTS_CURRENCY_ROW, RESULTS_NAME_ROW, SUMMARY, Layout
from .budget_style import (
    Styles,
    fit_width,
    money_format,
    print_setup,
    scenario_formulas,
    text_width,
)

HEAD_ROW = 4  # 0-based row of the column headers; the group headers sit above it
FIRST = HEAD_ROW + 1  # first scenario row (0-based)
GROUPS = (  # (group word, ((column word, registry key), ...))
    ("one_off", (("s_train", "train_cost"), ("s_ft", "ft_cost"), ("s_capex", "capex_total"))),
    ("recurring", (("s_day", "serve_cost_per_day"), ("s_month", "serve_cost_per_month"),
                   ("s_year", "serve_cost_per_year"))),
    ("unit_costs", (("s_mtok", "cost_per_million_tokens"), ("s_user_month", "cost_per_user_month"))),
)
SUMMARY_KEYS = tuple(key for _, cols in GROUPS for _, key in cols)
CHART_KEYS = ("training_usd", "capex_usd", "serve_usd_per_year")
CHART_MAX = 25  # scenarios shown in the chart
NOTES_COL = len(SUMMARY_KEYS) + 3  # a blank column after the table
NOTE_CHARS = 110  # line length of the notes (8 columns of width 12, small font)


def write_summary(book, styles: Styles, layout: Layout, stored: dict, lang: str) -> None:
    w = labels.budget_word
    ws = book.add_worksheet(labels.budget_word("Summary", "en"))
    ws.write_string(0, 0, w("title", lang), styles.get("title"))
    ws.merge_range(1, 0, 2, len(SUMMARY_KEYS) + 1, w("subtitle", lang), styles.get("subtitle"))
    col = 2
    for group, cols in GROUPS:
        ws.merge_range(HEAD_ROW - 1, col, HEAD_ROW - 1, col + len(cols) - 1, w(group, lang), styles.get("group"))
        col += len(cols)
    heads = [w("scenario", lang), w("currency", lang), *(w(word, lang) for _, cols in GROUPS for word, _ in cols)]
    ws.set_row(HEAD_ROW, 30)
    for j, text in enumerate(heads):
        ws.write_string(HEAD_ROW, j, text, styles.get("header"))
    names = stored[("Results", "name")]
    money = styles.get("formula", money_format(2))
    name_ref = f"=Results!{COL}${RESULTS_NAME_ROW}"
    currency_ref = f"=Results!{COL}${RESULTS_CURRENCY_ROW}"
    refs = [layout.ref(key, SUMMARY) for key in SUMMARY_KEYS]
    values = [stored[(layout.cell[key][0], key)] for key in SUMMARY_KEYS]
    n = layout.nrows
    rows = range(FIRST, FIRST + layout.slots)
    scenario_formulas(ws, name_ref, [(r, 0) for r in rows], styles.get("name"), names[:n])
    scenario_formulas(ws, currency_ref, [(r, 1) for r in rows], styles.get("center"),
                      stored[("Results", "currency")][:n])
    for j, (ref, vals) in enumerate(zip(refs, values)):
        scenario_formulas(ws, "=" + ref, [(r, 2 + j) for r in rows], money, vals[:n])
    last = FIRST + layout.slots - 1
    styles.currency_rules(ws, [(FIRST, 2, last, 1 + len(SUMMARY_KEYS))], f"$B{FIRST + 1}")
    ws.set_column(0, 0, fit_width(heads[0], names, None, header_lines=1))
    ws.set_column(1, 1, fit_width(heads[1], ["CNY"], None, header_lines=1))
    for j, vals in enumerate(values):
        ws.set_column(2 + j, 2 + j, max(13.0, fit_width(heads[2 + j], vals[: layout.nrows], money_format(2)) + 1))
    ws.freeze_panes(FIRST, 1)
    chart_rows = _chart(book, ws, layout, lang)
    notes_end = _notes(ws, styles, layout.wb, lang, HEAD_ROW + chart_rows)
    ws.set_column(NOTES_COL - 1, NOTES_COL - 1, 2)
    ws.set_column(NOTES_COL, NOTES_COL + 7, 12)
    last_printed = max(FIRST + layout.nrows - 1, notes_end)
    print_setup(ws, lang, last_printed, NOTES_COL + 7, header_rows=0, one_page=layout.nrows <= 40)
    ws.repeat_rows(HEAD_ROW - 1, HEAD_ROW)
    ws.activate()


def _chart(book, ws, layout: Layout, lang: str) -> int:
    """Clustered bars: one-off and yearly amounts in USD per scenario (the first CHART_MAX);
    returns the rows it covers."""
    n = min(layout.nrows, CHART_MAX)
    if n == 0:
        return 0
    chart = book.add_chart({"type": "bar"})
    cats = [SUMMARY, FIRST, 0, FIRST + n - 1, 0]
    colours = ("#4472C4", "#A5A5A5", "#ED7D31")
    for key, colour in zip(CHART_KEYS, colours):
        sheet, letter = layout.cell[key]
        chart.add_series({"name": labels.result_label(key, lang),
                          "categories": cats,
                          "values": f"={sheet}!${letter}$2:${letter}${n + 1}",
                          "fill": {"color": colour}, "gap": 60})
    chart.set_title({"name": labels.budget_word("chart_title", lang), "name_font": {"size": 10}})
    chart.set_x_axis({"num_format": '"$"#,##0', "num_font": {"size": 8}, "major_gridlines": {"visible": True}})
    chart.set_y_axis({"reverse": True, "num_font": {"size": 8}})
    chart.set_legend({"position": "bottom", "font": {"size": 8}})
    chart.show_hidden_data()
    height = 240 + 16 * n
    chart.set_size({"width": 8 * 89, "height": height})
    ws.insert_chart(HEAD_ROW - 1, NOTES_COL, chart, {"x_offset": 0, "y_offset": 0})
    return -(-height // 20) + 1


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


def _notes(ws, styles: Styles, wb: Workbook, lang: str, first_row: int) -> int:
    """Notes and legend under the chart, right of the table, one line per row (no row heights
    change: the rows are shared with the table); returns the last row used."""
    w = labels.budget_word
    count, first, last = _price_dates(wb)
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    notes = [w("note_what", lang), w("note_made", lang).format(version=__version__, date=today),
             w("note_edit", lang), w("note_month", lang),
             w("note_prices", lang).format(count=count, first=first, last=last), w("note_reopen", lang)]
    r = first_row
    ws.write_string(r, NOTES_COL, w("notes", lang), styles.get("note_head"))
    for text in notes:
        for k, line in enumerate(wrap(text, NOTE_CHARS)):
            r += 1
            ws.write_string(r, NOTES_COL, ("• " if k == 0 else "   ") + line, styles.get("note"))
    r += 2
    ws.write_string(r, NOTES_COL, w("legend", lang), styles.get("note_head"))
    ws.write_string(r + 1, NOTES_COL, w("legend_input", lang), styles.get("input"))
    ws.write_string(r + 2, NOTES_COL, w("legend_formula", lang), styles.get("formula"))
    return r + 2
