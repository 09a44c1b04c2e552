"""The window's actions and menus (texts are set again whenever the language changes)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from . import i18n

K = QKeySequence.StandardKey

# field name, shortcut, slot name on the window ("" = no slot, connected by its owner)
SPECS = (
    ("new", K.New, "file_new"),
    ("open", K.Open, "file_open"),
    ("save", K.Save, "file_save"),
    ("save_as", K.SaveAs, "file_save_as"),
    ("export", "Ctrl+E", "export_budget"),
    ("export_plans", None, "export_budget_with_plans"),
    ("quit", K.Quit, "close"),
    ("copy", None, "edit_copy"),
    ("paste", None, "edit_paste"),
    ("clear", None, "edit_clear"),
    ("row_add", "Ctrl+I", "row_add"),
    ("row_dup", "Ctrl+D", "row_duplicate"),
    ("row_del", "Ctrl+-", "row_delete"),
    ("sc_add", "Ctrl+Shift+N", "scenario_add"),
    ("sc_dup", "Ctrl+Shift+D", "scenario_duplicate"),
    ("sc_del", "Ctrl+Shift+Del", "scenario_delete"),
    ("charts", None, ""),
    ("guide", K.HelpContents, "help_guide"),
    ("keys", None, "help_shortcuts"),
    ("about", None, "help_about"),
)


@dataclass
class Menus:
    """The menu bar's menus."""

    file: QMenu
    recent: QMenu
    edit: QMenu
    scenario: QMenu
    view: QMenu
    language: QMenu
    help: QMenu
    models: QMenu | None = None  # added by qt.hf_import


@dataclass
class Actions:
    """Every action of the window, one field each (the grids copy/paste with their own keys:
    the copy/paste/clear entries carry no shortcut and are for the mouse)."""

    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    export: QAction
    export_plans: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    copy: QAction
    paste: QAction
    clear: QAction
    row_add: QAction
    row_dup: QAction
    row_del: QAction
    sc_add: QAction
    sc_dup: QAction
    sc_del: QAction
    charts: QAction
    guide: QAction
    keys: QAction
    about: QAction
    import_hf: QAction | None = None  # added by qt.hf_import
    menus: Menus | None = None
    languages: dict[str, QAction] = field(default_factory=dict)

    def all(self) -> list[QAction]:
        """Every action of the window (language choices aside)."""
        return [a for f in fields(self) if isinstance(a := getattr(self, f.name), QAction)]


class _Texts(QObject):
    """Translatable texts of the actions (a QObject so that lupdate finds one context)."""

    def texts(self) -> dict[str, str]:
        return {
            "new": self.tr("&New"),
            "open": self.tr("&Open…"),
            "save": self.tr("&Save"),
            "save_as": self.tr("Save &As…"),
            "export": self.tr("&Export budget…"),
            "export_plans": self.tr("Export budget with &plans…"),
            "quit": self.tr("&Quit"),
            "undo": self.tr("&Undo"),
            "redo": self.tr("&Redo"),
            "copy": self.tr("&Copy"),
            "paste": self.tr("&Paste"),
            "clear": self.tr("C&lear cells"),
            "row_add": self.tr("&Insert row"),
            "row_dup": self.tr("D&uplicate row"),
            "row_del": self.tr("De&lete row"),
            "sc_add": self.tr("&Add scenario"),
            "sc_dup": self.tr("&Duplicate scenario"),
            "sc_del": self.tr("D&elete scenario"),
            "charts": self.tr("&Charts"),
            "guide": self.tr("&User guide"),
            "keys": self.tr("&Keyboard shortcuts"),
            "about": self.tr("&About LLM Cost Workbench"),
        }

    def menu_texts(self) -> dict[str, str]:
        return {
            "file": self.tr("&File"),
            "recent": self.tr("Open &Recent"),
            "edit": self.tr("&Edit"),
            "scenario": self.tr("&Scenario"),
            "view": self.tr("&View"),
            "language": self.tr("&Language"),
            "help": self.tr("&Help"),
        }

    def recent_texts(self) -> dict[str, str]:
        return {"clear": self.tr("Clear list"), "none": self.tr("(no recent files)")}


def redo_shortcuts() -> list[QKeySequence]:
    """The platform's redo keys plus Ctrl+Y and Ctrl+Shift+Z, each once."""
    keys = [*QKeySequence.keyBindings(K.Redo), QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
    out: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and all(key != k for k in out):
            out.append(key)
    return out


def _action(win, shortcut, slot: str) -> QAction:
    act = QAction(win)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    if slot:
        act.triggered.connect(getattr(win, slot))
    return act


def build(win) -> Actions:
    """Create the window's actions and its menu bar; the window keeps the returned object."""
    made = {name: _action(win, shortcut, slot) for name, shortcut, slot in SPECS}
    made["undo"] = win.stack.createUndoAction(win)
    made["undo"].setShortcut(QKeySequence(K.Undo))
    made["redo"] = win.stack.createRedoAction(win)
    # Ctrl+Y (Excel, Calc, Windows) and Ctrl+Shift+Z (macOS, GNOME) redo on every platform
    made["redo"].setShortcuts(redo_shortcuts())
    acts = Actions(**made)
    acts.menus = _build_menus(win, acts)
    retranslate(acts)
    return acts


def _fill(menu: QMenu, items) -> None:
    for act in items:
        menu.addSeparator() if act is None else menu.addAction(act)


def _build_menus(win, a: Actions) -> Menus:
    bar = win.menuBar()
    file = bar.addMenu("")
    _fill(file, (a.new, a.open))
    recent = file.addMenu("")
    recent.aboutToShow.connect(lambda: fill_recent(win, recent))
    _fill(file, (None, a.save, a.save_as, None, a.export, a.export_plans, None, a.quit))
    edit = bar.addMenu("")
    _fill(edit, (a.undo, a.redo, None, a.copy, a.paste, a.clear, None,
                 a.row_add, a.row_dup, a.row_del))
    scenario = bar.addMenu("")
    _fill(scenario, (a.sc_add, a.sc_dup, a.sc_del))
    view = bar.addMenu("")
    language = view.addMenu("")
    group = QActionGroup(win)
    for lang, name in i18n.LANGUAGES.items():
        act = QAction(name, win, checkable=True)
        act.triggered.connect(lambda _checked=False, lang=lang: win.set_language(lang))
        group.addAction(act)
        language.addAction(act)
        a.languages[lang] = act
    view.addAction(a.charts)
    help_menu = bar.addMenu("")
    _fill(help_menu, (a.guide, a.keys, a.about))
    return Menus(file, recent, edit, scenario, view, language, help_menu)


def retranslate(acts: Actions) -> None:
    """Set every action and menu text in the current language."""
    texts = _Texts()
    for name, text in texts.texts().items():
        getattr(acts, name).setText(text)
    if acts.menus is not None:
        for name, text in texts.menu_texts().items():
            getattr(acts.menus, name).setTitle(text)
    for lang, act in acts.languages.items():
        act.setChecked(lang == i18n.current())


def fill_recent(win, menu: QMenu) -> None:
    """Rebuild File → Open Recent from the saved list."""
    texts = _Texts().recent_texts()
    menu.clear()
    recent = win.files.recent()
    for path in recent:
        act = menu.addAction(path)
        act.triggered.connect(lambda _checked=False, p=path: win.file_open(p))
    if recent:
        menu.addSeparator()
        menu.addAction(texts["clear"]).triggered.connect(win.clear_recent)
    else:
        menu.addAction(texts["none"]).setEnabled(False)
