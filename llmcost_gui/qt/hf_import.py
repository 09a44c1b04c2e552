"""Models → Import Hugging Face config…, and dropping a config.json or a model folder (also one
from the local Hugging Face cache) on the window.  The counting is io.hf_config's; this module
only asks for the file, runs the import as one undoable edit and shows the new row."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..core.cells import InputError
from ..core.labels import hf_text
from ..io.hf_config import HFConfigError, find_config, insert_command, model_from_file
from . import i18n
from .commands import push_edit


def _t(key: str) -> str:
    return hf_text(key, i18n.current())


def importable(path: str) -> bool:
    """A dropped path this import can read: a .json file, or a folder holding a config.json."""
    p = Path(path)
    if p.is_file():
        return p.suffix.lower() == ".json"
    try:
        find_config(p)
    except HFConfigError:
        return False
    return True


def import_config(win, path: str | None = None) -> bool:
    """Add the model of a config.json (asked for when `path` is None) to Models, as one undo step."""
    if not path:
        path, _ = QFileDialog.getOpenFileName(win, _t("dialog_title"), "", _t("file_filter"))
        if not path:
            return False
    wb = win.workbook
    try:
        row = model_from_file(path)
        row["name"] = wb.unique_name("Models", row["name"])
        at = wb.tables["Models"].nrows
        push_edit(win.stack, wb, insert_command(wb, row, at), _t("undo_text").replace("%1", row["name"]))
    except (HFConfigError, InputError) as exc:
        QMessageBox.warning(win, _t("dialog_title"),
                            _t("cannot_import").replace("%1", Path(path).name) + "\n\n" + exc.text(i18n.current()))
        return False
    win._select_table_cell("Models", at, "name")
    win.show_message(_t("imported").replace("%1", row["name"]).replace("%2", f"{row['params_b']:.4g}"))
    return True


class _DropFilter(QObject):
    """Accepts drags of importable paths onto the window and imports them on drop."""

    def __init__(self, win):
        super().__init__(win)
        self.win = win

    @staticmethod
    def _paths(event) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and importable(u.toLocalFile())]

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and self._paths(event):
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop:
            paths = self._paths(event)
            if paths:
                event.acceptProposedAction()
                for p in paths:
                    import_config(self.win, p)
                return True
        return False


def install(win) -> None:
    """Add Models → Import Hugging Face config… before the View menu and accept drops."""
    acts = win.acts
    acts.import_hf = QAction(win)
    acts.import_hf.triggered.connect(lambda _checked=False: import_config(win))
    acts.menus.models = win.menuBar().addMenu("")
    win.menuBar().insertMenu(acts.menus.view.menuAction(), acts.menus.models)
    acts.menus.models.addAction(acts.import_hf)
    win.setAcceptDrops(True)
    win._hf_drop_filter = _DropFilter(win)
    win.installEventFilter(win._hf_drop_filter)
    retranslate(win)


def retranslate(win) -> None:
    acts = getattr(win, "acts", None)
    if acts is not None and acts.import_hf is not None:
        acts.menus.models.setTitle(_t("menu_models"))
        acts.import_hf.setText(_t("act_import_hf"))
