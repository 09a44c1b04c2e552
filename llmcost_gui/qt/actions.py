"""The window's actions and menus (texts are set again whenever the language changes)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from . import i18n

K = QKeySequence.StandardKey

# attribute, shortcut, slot name on the window
SPECS = (
    ("act_new", K.New, "file_new"),
    ("act_open", K.Open, "file_open"),
    ("act_save", K.Save, "file_save"),
    ("act_save_as", K.SaveAs, "file_save_as"),
    ("act_export", "Ctrl+E", "export_budget"),
    ("act_quit", K.Quit, "close"),
    ("act_copy", K.Copy, "edit_copy"),
    ("act_paste", K.Paste, "edit_paste"),
    ("act_clear", None, "edit_clear"),
    ("act_row_add", "Ctrl+I", "row_add"),
    ("act_row_dup", "Ctrl+D", "row_duplicate"),
    ("act_row_del", "Ctrl+-", "row_delete"),
    ("act_sc_add", "Ctrl+Shift+N", "scenario_add"),
    ("act_sc_dup", "Ctrl+Shift+D", "scenario_duplicate"),
    ("act_sc_del", "Ctrl+Shift+Del", "scenario_delete"),
    ("act_charts", None, None),
    ("act_guide", K.HelpContents, "help_guide"),
    ("act_keys", None, "help_shortcuts"),
    ("act_about", None, "help_about"),
)


class _Texts(QObject):
    """Translatable texts of the actions (a QObject so that lupdate finds one context)."""

    def texts(self) -> dict[str, str]:
        return {
            "act_new": self.tr("&New"),
            "act_open": self.tr("&Open…"),
            "act_save": self.tr("&Save"),
            "act_save_as": self.tr("Save &As…"),
            "act_export": self.tr("&Export budget…"),
            "act_quit": self.tr("&Quit"),
            "act_undo": self.tr("&Undo"),
            "act_redo": self.tr("&Redo"),
            "act_copy": self.tr("&Copy"),
            "act_paste": self.tr("&Paste"),
            "act_clear": self.tr("C&lear cells"),
            "act_row_add": self.tr("&Insert row"),
            "act_row_dup": self.tr("D&uplicate row"),
            "act_row_del": self.tr("De&lete row"),
            "act_sc_add": self.tr("&Add scenario"),
            "act_sc_dup": self.tr("&Duplicate scenario"),
            "act_sc_del": self.tr("D&elete scenario"),
            "act_charts": self.tr("&Charts"),
            "act_guide": self.tr("&User guide"),
            "act_keys": self.tr("&Keyboard shortcuts"),
            "act_about": self.tr("&About LLM Cost Workbench"),
            "menu_file": self.tr("&File"),
            "menu_recent": self.tr("Open &Recent"),
            "menu_edit": self.tr("&Edit"),
            "menu_scenario": self.tr("&Scenario"),
            "menu_view": self.tr("&View"),
            "menu_language": self.tr("&Language"),
            "menu_help": self.tr("&Help"),
            "recent_clear": self.tr("Clear list"),
            "recent_none": self.tr("(no recent files)"),
        }


def redo_shortcuts() -> list[QKeySequence]:
    """The platform's redo keys plus Ctrl+Y and Ctrl+Shift+Z, each once."""
    keys = [*QKeySequence.keyBindings(K.Redo), QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
    out: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and all(key != k for k in out):
            out.append(key)
    return out


def build(win) -> None:
    """Create the actions (as attributes of `win`) and the menu bar."""
    for attr, shortcut, slot in SPECS:
        act = QAction(win)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if slot and slot != "close":
            act.triggered.connect(getattr(win, slot))
        elif slot == "close":
            act.triggered.connect(win.close)
        setattr(win, attr, act)
    win.act_undo = win.stack.createUndoAction(win)
    win.act_undo.setShortcut(QKeySequence(K.Undo))
    win.act_redo = win.stack.createRedoAction(win)
    # Ctrl+Y (Excel, Calc, Windows) and Ctrl+Shift+Z (macOS, GNOME) redo on every platform
    win.act_redo.setShortcuts(redo_shortcuts())
    # The grids handle copy/paste/delete keys themselves; the menu entries are for the mouse.
    for act in (win.act_copy, win.act_paste):
        act.setShortcut(QKeySequence())
    win.act_clear.setShortcut(QKeySequence())

    bar = win.menuBar()
    win.menu_file = bar.addMenu("")
    for act in (win.act_new, win.act_open):
        win.menu_file.addAction(act)
    win.menu_recent = win.menu_file.addMenu("")
    win.menu_recent.aboutToShow.connect(lambda: fill_recent(win))
    win.menu_file.addSeparator()
    for act in (win.act_save, win.act_save_as):
        win.menu_file.addAction(act)
    win.menu_file.addSeparator()
    win.menu_file.addAction(win.act_export)
    win.menu_file.addSeparator()
    win.menu_file.addAction(win.act_quit)

    win.menu_edit = bar.addMenu("")
    for act in (win.act_undo, win.act_redo, None, win.act_copy, win.act_paste, win.act_clear, None,
                win.act_row_add, win.act_row_dup, win.act_row_del):
        win.menu_edit.addSeparator() if act is None else win.menu_edit.addAction(act)

    win.menu_scenario = bar.addMenu("")
    for act in (win.act_sc_add, win.act_sc_dup, win.act_sc_del):
        win.menu_scenario.addAction(act)

    win.menu_view = bar.addMenu("")
    win.menu_language = win.menu_view.addMenu("")
    group = QActionGroup(win)
    win.language_actions = {}
    for lang, name in i18n.LANGUAGES.items():
        act = QAction(name, win, checkable=True)
        act.setChecked(lang == i18n.current())
        act.triggered.connect(lambda _checked=False, lang=lang: win.set_language(lang))
        group.addAction(act)
        win.menu_language.addAction(act)
        win.language_actions[lang] = act
    win.menu_view.addAction(win.act_charts)

    win.menu_help = bar.addMenu("")
    win.menu_help.addAction(win.act_guide)
    win.menu_help.addAction(win.act_keys)
    win.menu_help.addAction(win.act_about)
    retranslate(win)


def retranslate(win) -> None:
    texts = _Texts().texts()
    for attr, text in texts.items():
        target = getattr(win, attr, None)
        if target is None:
            continue
        if hasattr(target, "setTitle"):
            target.setTitle(text)
        else:
            target.setText(text)
    for lang, act in win.language_actions.items():
        act.setChecked(lang == i18n.current())


def fill_recent(win) -> None:
    """Rebuild File → Open Recent from the saved list."""
    texts = _Texts().texts()
    menu = win.menu_recent
    menu.clear()
    recent = win.files.recent()
    for path in recent:
        act = menu.addAction(path)
        act.triggered.connect(lambda _checked=False, p=path: win.file_open(p))
    if recent:
        menu.addSeparator()
        menu.addAction(texts["recent_clear"]).triggered.connect(win.clear_recent)
    else:
        menu.addAction(texts["recent_none"]).setEnabled(False)
