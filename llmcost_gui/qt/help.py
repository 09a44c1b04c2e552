"""Help menu: the user guide (Markdown, in the interface language) and the About box.

The guides are found through :func:`llmcost_gui.paths.resource` (``resources/docs/``, where the
PyInstaller bundle and a built wheel keep them) and, in a source checkout, in ``docs/``.
"""

from __future__ import annotations

import csv
import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout

from .. import __version__
from ..core import labels
from ..paths import resource
from . import i18n

GUIDES = {"en": "user-guide.md", "zh_CN": "user-guide.zh_CN.md"}
ICON = ("icons", "llmcost-gui-128.png")


def tr(text: str) -> str:
    return QCoreApplication.translate("help", text)


def guide_path(language: str | None = None) -> Path | None:
    """The user guide file for `language` ('en' or 'zh_CN'; default: the interface language)."""
    name = GUIDES[i18n.normalize(language or i18n.current())]
    checkout_docs = Path(__file__).resolve().parents[2] / "docs"
    for candidate in (resource("docs", name), checkout_docs / name):
        if candidate.is_file():
            return candidate
    return None


def latest_price_date(path: Path | None = None) -> str | None:
    """The newest ``as_of`` date (YYYY-MM-DD) among the default rental prices, or None."""
    path = path or resource("data", "prices.csv")
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            dates = [(row.get("as_of") or "").strip() for row in csv.DictReader(fh)]
    except OSError:
        return None
    dates = [d for d in dates if len(d) == 10 and d[4] == "-" and d[7] == "-"]
    return max(dates) if dates else None


def about_html() -> str:
    """Text of the About box: what the program is, its version and the age of its default data."""
    as_of = latest_price_date()
    prices = (tr("Default rental prices: as of {date} (the newest as_of date in the Prices table; "
                 "each offer carries its own date).").format(date=as_of) if as_of
              else tr("Default rental prices: no as-of date found."))
    api_as_of = latest_price_date(resource("data", "api_offers.csv"))
    if api_as_of:
        prices += "\n" + tr("Default API prices: as of {date} (the newest as_of date in the API "
                             "offers table).").format(date=api_as_of)
    parts = [
        f"<h3>{html.escape(tr('LLM Cost Workbench'))} {html.escape(__version__)}</h3>",
        "<p>" + html.escape(tr("GPUs, days and money for training, fine-tuning and serving "
                               "large language models.")) + "</p>",
        "<p>" + html.escape(tr("Version {version}").format(version=__version__)) + "<br>"
        + html.escape(prices).replace("\n", "<br>") + "<br>"
        + html.escape(tr("Hardware and model figures: as of their sources (see the source "
                         "column of each row).")) + "</p>",
        "<p>" + html.escape(tr("Prices change often: check the provider before relying on one."))
        + "</p>",
        "<p>" + html.escape(tr("Licence: MIT.")) + "</p>",
    ]
    return "\n".join(parts)


def show_about(parent=None) -> QMessageBox:
    """Open the About box (window-modal, not blocking) and return it."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr("About LLM Cost Workbench"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html())
    pixmap = QPixmap(str(resource(*ICON)))
    if not pixmap.isNull():
        box.setIconPixmap(pixmap.scaled(64, 64))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


# Keys the grids handle themselves (not menu actions), with what they do.
GRID_KEYS = (("Ctrl+C", "Copy"), ("Ctrl+V", "Paste"), ("Del", "Clear cells"),
             ("F2", "Edit the cell"), ("Enter", "Confirm the edit"), ("Esc", "Cancel the edit"))


def shortcuts_html(win) -> str:
    """A table of the window's shortcuts: menu actions and the grids' own keys."""
    native = QKeySequence.SequenceFormat.NativeText
    rows = []
    for act in win.findChildren(QAction):
        keys = [k.toString(native) for k in act.shortcuts() if not k.isEmpty()]
        if keys and act.text():
            rows.append((act.text().replace("&", ""), " · ".join(keys)))
    for key, what in GRID_KEYS:
        rows.append((labels.text(what, i18n.current()), QKeySequence(key).toString(native)))
    cells = "".join(f"<tr><td>{html.escape(what)}</td><td>&nbsp;&nbsp;<b>{html.escape(keys)}</b></td></tr>"
                    for what, keys in rows)
    return f"<h3>{html.escape(tr('Keyboard shortcuts'))}</h3><table>{cells}</table>"


def show_shortcuts(win) -> QMessageBox:
    """The shortcuts in a non-blocking box."""
    box = QMessageBox(win)
    box.setWindowTitle(tr("Keyboard shortcuts"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(shortcuts_html(win))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


class GuideDialog(QDialog):
    """A window showing one Markdown guide; relative links (formulas.md) open inside it."""

    def __init__(self, path: Path | None, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("LLM Cost Workbench — User guide"))
        icon = resource(*ICON)
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.guide_text = ""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.close)
        # setMarkdown keeps no history, so after following a link (formulas.md) this returns.
        self.home = buttons.addButton(tr("Back to the user guide"),
                                      QDialogButtonBox.ButtonRole.ActionRole)
        self.home.clicked.connect(self.show_guide)
        self.browser.sourceChanged.connect(lambda _url: self.home.setEnabled(True))
        if path is None:
            self.browser.setPlainText(tr("The user guide was not found in this installation. "
                                         "It is docs/user-guide.md in the source code."))
        else:
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
            self.guide_text = path.read_text(encoding="utf-8")
            self.show_guide()
        self.home.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(900, 700)
        self.follows_language = False  # show_user_guide: True when no language was asked for

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Title, button and (when it follows the interface) the guide in the new language."""
        self.setWindowTitle(tr("LLM Cost Workbench — User guide"))
        self.home.setText(tr("Back to the user guide"))
        path = guide_path() if self.follows_language else None
        if path is not None:
            self.browser.setSearchPaths([str(path.parent)])
            self.guide_text = path.read_text(encoding="utf-8")
            self.show_guide()

    def show_guide(self) -> None:
        """Show the guide itself (again, after a link was followed)."""
        self.browser.setMarkdown(self.guide_text)
        self.browser.verticalScrollBar().setValue(0)
        self.home.setEnabled(False)


def show_user_guide(parent=None, language: str | None = None) -> GuideDialog:
    """Open the user guide in `language` (default: the interface language), not blocking."""
    dialog = GuideDialog(guide_path(language), parent)
    dialog.follows_language = language is None
    dialog.setModal(False)
    dialog.show()
    return dialog
