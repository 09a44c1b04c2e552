"""The budget's *Plans compared* sheet (``llmcost export --plans``): for each scenario and stage,
the cheapest plans of the plan search (:func:`core.plan.plan`), the one chosen (✓, the cheapest
that meets the targets), the scenario's own plan (★ as typed) and why it ranks where it does.

The plans are **stored values**, not formulas: the search evaluates thousands of plans at once in
the app and is not a spreadsheet formula, so the sheet says when it was made and that editing the
input sheets does not change it.  Plans with the very same figures as the one above them (another
layout that the formulas resolve alike) are counted in its note, not repeated, as ``llmcost plan``
does.  Each scenario's block (title, header, plans, explanation) stays on one page: the sheet
prints one page wide, on one page when it is short enough to read there, otherwise with page
breaks between the blocks.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

from .. import __version__
from ..core import labels
from ..core import plan as planning
from ..core.formulas import REGISTRY
from ..core.reasons import Reason
from ..core.units import unit as unit_entry
from ..core.units import with_unit
from ..core.variants import AnalysisError, scenario_row
from . import progress
from .budget_style import GROUP_FILL, HEADER_FILL, money_format, print_setup
from .budget_summary import wrap

TOP = 3  # distinct plans shown per scenario and stage (the scenario's own plan is added when not among them)
SYMBOL = {"USD": "$", "CNY": "¥"}
ROW_PT = 15.0  # a row of one line, in points
# A4 landscape inside the margins of print_setup (0.4 in left and right, 0.7 in top and bottom)
PAGE_PX = (11.69 - 0.8) * 96  # printable width in pixels at 100 %
PAGE_PT = (8.27 - 1.4) * 72  # printable height in points
SAFETY = 0.92  # share of a page the breaks fill (renderers differ a little)
GAP_PT = 8.0  # the blank line between blocks
MIN_SCALE = 0.6  # below this, a long sheet goes on several pages rather than shrink to one
CHOSEN_FILL = "#E2EFDA"  # light green: the chosen plan
DIM_FONT = "#7F7F7F"  # a plan that misses the targets

# (column role, width in characters); the roles of the stage's results are filled by COLUMNS
WIDTHS = (("rank", 6), ("mark", 11), ("card", 17), ("offer", 24), ("precision", 10), ("layout", 12),
          ("gpus", 9), ("cost", 15), ("r1", 12), ("r2", 10), ("r3", 10), ("pareto", 8), ("note", 22))
# result key shown in the columns gpus, cost, r1, r2, r3 per stage (None: empty)
COLUMNS = {
    "serve": ("serve_gpus", "serve_cost_per_day", "cost_per_million_tokens", "ttft_s", "tpot_s"),
    "train": ("train_gpus", "train_cost", "train_days", None, None),
    "ft": ("ft_min_gpus", "ft_cost", "ft_gpu_hours", None, None),
}
NUMBER_FORMATS = {"GPUs": "#,##0", "s": "0.000", "days": "#,##0.0", "GPU-h": "#,##0"}
LAST_COL = len(WIDTHS) - 1
ALIGN = {"rank": "center", "pareto": "center", **{k: "right" for k in ("gpus", "cost", "r1", "r2", "r3")}}


@dataclass
class PlanRow:
    rank: int  # 1 = the best
    record: dict  # a record of Plans.records()
    chosen: bool = False
    typed: bool = False
    same: int = 0  # further plans with the very same figures, counted, not shown
    apart: bool = False  # the scenario's own plan shown below the best ones


@dataclass
class PlanBlock:
    """One scenario and stage: its plans, or why there are none."""

    scenario: str
    stage: str
    currency: str = ""
    plans: planning.Plans | None = None
    rows: list[PlanRow] = field(default_factory=list)
    error: Reason | None = None


# ------------------------------------------------------------------ the plans


def scenarios_to_plan(wb) -> list[int]:
    """The scenarios the sheet compares by default: every one with a stage the search plans
    (serving, pre-training, fine-tuning)."""
    rows = []
    for row in range(wb.tables["Scenarios"].nrows):
        if any(wb.results.active[s][row] for s in planning.STAGES):
            rows.append(row)
    return rows


def collect_plans(wb, scenarios=None, top: int = TOP, lang: str = "en") -> list[PlanBlock]:
    """A block per scenario (names or rows; None: :func:`scenarios_to_plan`) and plannable stage.
    A scenario named that has no stage to plan raises AnalysisError; a search that cannot run
    (no offer for any card) gives a block with its reason."""
    rows = scenarios_to_plan(wb) if scenarios is None else [scenario_row(wb, s) for s in scenarios]
    blocks = []
    for row in rows:
        name = wb.tables["Scenarios"].get(row, "name")
        for stage in planning.stages_to_plan(wb, row, "all"):
            progress.tick()
            block = PlanBlock(name, stage, wb.resolved(row, "currency").value)
            try:
                block.plans = planning.plan(wb, row, stage)
            except AnalysisError as exc:
                block.error = exc.reason
            else:
                block.rows = _rows(block.plans, top, lang)
            blocks.append(block)
    return blocks


def _rows(plans: planning.Plans, top: int, lang: str) -> list[PlanRow]:
    """The best `top` distinct plans, then the scenario's own plan when it is not among them."""
    shown = planning.STAGES[plans.stage].shown
    rows: list[PlanRow] = []
    last = None
    for i in range(len(plans)):
        rec = plans.record(i, lang)
        outcome = (rec["feasible"], rec.get("reason"), *(rec[k] for k in shown))
        if rows and outcome == last and not rec["current"]:
            rows[-1].same += 1
            continue
        if len(rows) >= top:
            break
        rows.append(PlanRow(i + 1, rec, chosen=i == 0 and rec["feasible"], typed=rec["current"]))
        last = outcome
    if not any(r.typed for r in rows) and plans.current is not None and plans.current.any():
        i = int(plans.current.nonzero()[0][0])
        rows.append(PlanRow(i + 1, plans.record(i, lang), typed=True, apart=True))
    return rows


# ------------------------------------------------------------------ words


def money_text(value: float, currency: str, unit_key: str = "money", lang: str = "en") -> str:
    """'$719.91/day', '¥530,424.89' (two decimals, the currency's symbol)."""
    entry = unit_entry(unit_key)
    per = entry.per_zh if labels.lang_index(lang) == 1 else entry.per
    symbol = SYMBOL.get(currency)
    body = f"{abs(value):,.2f}"
    text = f"{symbol}{body}" if symbol else f"{body} {currency}"
    return ("-" if value < 0 else "") + text + per


def _value_text(key: str, value, lang: str) -> str:
    w = labels.budget_word
    if value is None:
        return w("plans_bought" if key.endswith("_price") else "plans_auto", lang)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        return f"{int(value):,}"
    return str(value)


def changes(best: dict, typed: dict, stage: str, lang: str = "en") -> list[str]:
    """'Serving hardware: H100 SXM5 80GB → H800 SXM5 80GB', one per input the chosen plan
    changes."""
    mine, theirs = planning.plan_inputs(typed, stage), planning.plan_inputs(best, stage)
    out = []
    for key, new in theirs.items():
        old = mine.get(key)
        if _value_text(key, old, lang) != _value_text(key, new, lang):
            out.append(labels.budget_word("plans_change", lang).format(
                what=labels.column_label(key, lang), old=_value_text(key, old, lang), new=_value_text(key, new, lang)))
    return out


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def explanation(block: PlanBlock, lang: str = "en") -> str:
    """Why the scenario's own plan ranks where it does: what the chosen plan saves against it,
    and what it changes."""
    w = labels.budget_word
    if block.error is not None:
        return w("plans_error", lang).format(why=labels.reason(block.error, lang))
    plans = block.plans
    best = plans.record(0, lang)
    if not best["feasible"]:
        return _capital(labels.reason(plans.closest, lang)) + ("。" if labels.lang_index(lang) else ".")
    typed_row = next((r for r in block.rows if r.typed), None)
    if typed_row is None:
        return ""
    typed, rank = typed_row.record, typed_row.rank
    if rank == 1:
        return w("plans_best_typed", lang)
    key = plans.cost_key
    unit_key = REGISTRY[key].unit
    currency = block.currency

    def money(v):
        return money_text(v, currency, unit_key, lang)

    b, t = best[key], typed[key]
    if not typed["feasible"]:
        why = typed.get("reason", "")
        if t is not None and t < b:
            text = w("plans_typed_cheaper", lang).format(rank=f"{rank:,}", why=why, best=money(b),
                                                         extra=money(b - t), typed=money(t))
        else:
            text = w("plans_typed_fails", lang).format(rank=f"{rank:,}", why=why, best=money(b))
    elif t - b <= 1e-9 * abs(b):
        text = w("plans_equal", lang).format(best=money(b), rank=f"{rank:,}")
    else:
        year = ""
        if block.stage == "serve":  # a 365-day year, as serve_cost_per_year
            year = w("plans_per_year", lang).format(amount=money_text((t - b) * 365, currency, "money", lang))
        text = w("plans_saving", lang).format(rank=f"{rank:,}", typed=money(t), best=money(b),
                                              saving=money(t - b), share=f"{(t - b) / t:.0%}", year=year)
    changed = changes(best, typed, block.stage, lang)
    if changed:
        text += w("plans_changes", lang).format(changes=w("plans_list_sep", lang).join(changed))
    return text


def _layout(rec: dict) -> str:
    """'TP2 · EP8 · ≤64 · P/D' from a serving plan's inputs (blank parts: chosen by the formulas)."""
    parts = []
    for key, word in (("serve_tp", "TP"), ("serve_ep", "EP"), ("batch_size", "≤")):
        if rec.get(key) is not None:
            parts.append(f"{word}{rec[key]:.0f}")
    if rec.get("serve_disagg") == "yes":
        parts.append("P/D")
    return " · ".join(parts) or "—"


# ------------------------------------------------------------------ the sheet


class _Formats:
    """XlsxWriter formats of this sheet, made once per set of properties."""

    def __init__(self, book):
        self.book = book
        self._made: dict = {}

    def get(self, **props):
        key = tuple(sorted(props.items()))
        if key not in self._made:
            self._made[key] = self.book.add_format(props)
        return self._made[key]


PROPORTIONAL = 0.85  # Latin text is narrower than the digits a column width counts
PROPORTIONAL_BOLD = 0.92


def _lines(text: str, width: float, bold: bool = False) -> int:
    """Lines `text` takes wrapped in a column `width` characters wide (bold is wider)."""
    if not text:
        return 1
    room = (width - 1) / ((PROPORTIONAL_BOLD if bold else PROPORTIONAL) if text.isascii() else 1.0)
    return max(1, len(wrap(text, max(int(room), 1))))


class _Sheet:
    """Writes rows top down and keeps each row's height for the page breaks."""

    def __init__(self, ws, formats: _Formats):
        self.ws, self.f = ws, formats
        self.row = 0
        self.heights: list[float] = []
        self.width = sum(w for _, w in WIDTHS)

    def next(self, height: float = ROW_PT) -> int:
        r = self.row
        if height != ROW_PT:
            self.ws.set_row(r, height)
        self.heights.append(height)
        self.row += 1
        return r

    def merged(self, text: str, fmt_props: dict) -> int:
        """A line of text across the whole table, wrapped, as tall as its lines."""
        size = fmt_props.get("font_size", 11)
        lines = _lines(text, self.width * 11 / size)
        r = self.next(ROW_PT if lines == 1 else lines * (size + 4) + 3)
        self.ws.merge_range(r, 0, r, LAST_COL, text, self.f.get(text_wrap=True, valign="top", **fmt_props))
        return r


def _headers(stage: str, currency: str, lang: str) -> list[str]:
    w = labels.budget_word
    keys = dict(zip(("gpus", "cost", "r1", "r2", "r3"), COLUMNS[stage]))
    out = []
    for role, _ in WIDTHS:
        if role in keys:
            k = keys[role]
            out.append("" if k is None else with_unit(labels.result_label(k, lang), REGISTRY[k].unit, lang, currency))
        else:
            out.append(w("plans_" + role, lang))
    return out


def _write_block(sheet: _Sheet, block: PlanBlock, lang: str) -> None:
    ws, f = sheet.ws, sheet.f
    w = labels.budget_word
    plans = block.plans
    evaluated = f"{plans.evaluated:,}" if plans else "0"
    feasible = f"{plans.feasible_count:,}" if plans else "0"
    title = w("plans_block", lang).format(scenario=block.scenario, stage=labels.stage_title(block.stage, lang),
                                          currency=block.currency, evaluated=evaluated, feasible=feasible)
    sheet.merged(title, {"bold": True, "bg_color": GROUP_FILL})
    if plans is not None:
        heads = _headers(block.stage, block.currency, lang)
        lines = max(_lines(h, width, bold=True) for h, (_, width) in zip(heads, WIDTHS))
        r = sheet.next(max(2, lines) * ROW_PT)
        for c, (text, (role, _)) in enumerate(zip(heads, WIDTHS)):
            align = ALIGN.get(role, "left")
            ws.write_string(r, c, text, f.get(bold=True, bg_color=HEADER_FILL, text_wrap=True, valign="top",
                                              bottom=1, align=align))
        for row in block.rows:
            _write_plan(sheet, block, row, lang)
    sheet.merged(explanation(block, lang), {"italic": True})


def _write_plan(sheet: _Sheet, block: PlanBlock, row: PlanRow, lang: str) -> None:
    w = labels.budget_word
    rec, stage = row.record, block.stage
    spec = planning.STAGES[stage]
    base = {"valign": "top"}
    if row.chosen:
        base["bg_color"] = CHOSEN_FILL
    if row.typed:
        base["bold"] = True
    if not rec["feasible"]:
        base["font_color"] = DIM_FONT
    if row.apart:
        base["top"] = 3  # dashed: ranks between are left out
    marks = [w("plans_chosen", lang)] * row.chosen + [w("plans_typed", lang)] * row.typed
    precision = str(rec.get(spec.precision) or "")
    if rec.get("kv_precision"):
        precision += f" · KV {rec['kv_precision']}"
    notes = [rec.get("reason", "")] if not rec["feasible"] else []
    if row.same:
        notes.append(w("plans_same", lang).format(n=f"{row.same:,}"))
    offer = rec.get(spec.price)
    texts = {"mark": " ".join(marks), "card": str(rec.get(spec.hardware) or ""),
             "offer": str(offer) if offer else w("plans_bought", lang), "precision": precision,
             "layout": _layout(rec) if stage == "serve" else "—", "pareto": "●" if rec["pareto"] else "",
             "note": w("plans_list_sep", lang).join(n for n in notes if n)}
    values = dict(zip(("gpus", "cost", "r1", "r2", "r3"), COLUMNS[stage]))
    lines = max(_lines(texts.get(role, ""), width, row.typed) for role, width in WIDTHS)
    r = sheet.next(lines * ROW_PT)
    ws, f = sheet.ws, sheet.f
    for c, (role, _) in enumerate(WIDTHS):
        if role == "rank":
            ws.write_number(r, c, row.rank, f.get(num_format="#,##0", align="center", **base))
        elif role in values:
            key = values[role]
            x = rec.get(key) if key else None
            fmt = f.get(num_format=_number_format(key, block.currency), **base)
            if x is None or (isinstance(x, float) and not math.isfinite(x)):
                ws.write_blank(r, c, None, fmt)
            else:
                ws.write_number(r, c, x, fmt)
        else:
            props = dict(base, text_wrap=True)
            if role == "pareto":
                props["align"] = "center"
            ws.write_string(r, c, texts[role], f.get(**props))


def _number_format(key: str | None, currency: str) -> str:
    if key is None:
        return "General"
    unit = REGISTRY[key].unit
    if unit.startswith("money"):
        return money_format(2, currency)
    return NUMBER_FORMATS.get(unit, "#,##0.00")


def _page_breaks(heights: list[float], starts: list[int], scale: float) -> list[int]:
    """Rows before which a page starts: at a block's first row, when the block would not fit on
    what is left of the page."""
    room = PAGE_PT * SAFETY / scale
    breaks, used = [], 0.0
    ends = [*starts[1:], len(heights)]
    for start, end in zip(starts, ends):
        size = sum(heights[start:end])
        if used and used + size > room:
            breaks.append(start)
            used = 0.0
        used += size
    return breaks


def write_plans_sheet(book, wb, lang: str = "en", scenarios=None, top: int = TOP,
                      blocks: list[PlanBlock] | None = None):
    """Add the Plans compared sheet to the XlsxWriter `book`; returns the worksheet."""
    w = labels.budget_word
    if blocks is None:
        blocks = collect_plans(wb, scenarios, top, lang)
    ws = book.add_worksheet(w("plans_sheet", lang))
    sheet = _Sheet(ws, _Formats(book))
    for c, (_, width) in enumerate(WIDTHS):
        ws.set_column(c, c, width)
    r = sheet.next(24)
    ws.write_string(r, 0, w("plans_title", lang), sheet.f.get(bold=True, font_size=16))
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    sheet.merged(w("plans_stored", lang).format(version=__version__, date=today),
                 {"italic": True, "font_color": "#C00000"})
    sheet.merged(w("plans_legend", lang), {"font_size": 9, "font_color": "#595959"})
    starts = []
    for block in blocks:
        sheet.next(GAP_PT)  # a blank line between blocks
        starts.append(sheet.row)
        _write_block(sheet, block, lang)
    px = sum(width * 7 + 5 for _, width in WIDTHS)
    scale = min(1.0, PAGE_PX / px)
    total = sum(sheet.heights)
    one_page = total * scale <= PAGE_PT or total * MIN_SCALE <= PAGE_PT
    print_setup(ws, lang, sheet.row - 1, LAST_COL, header_rows=0, one_page=one_page, title=w("plans_sheet", lang))
    if not one_page:
        ws.set_h_pagebreaks(_page_breaks(sheet.heights, starts, scale))
    return ws
