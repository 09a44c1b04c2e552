"""Documents on disk: new, open, save, save as, recent files, the unsaved-changes prompt and the
autosave copy that survives a crash."""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from . import i18n
from .background import run_with_progress

MAX_RECENT = 8
AUTOSAVE_MS = 30_000


def autosave_dir() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


class FileController(QObject):
    """Owns the document's path and clean state; asks the window to swap workbooks."""

    workbookLoaded = Signal(object, str)  # (Workbook, path or "")
    pathChanged = Signal(str)

    def __init__(self, window: QWidget, stack, workbook_getter):
        super().__init__(window)
        self.window = window
        self.stack = stack
        self._workbook = workbook_getter
        self.path = ""
        self._autosaved_revision = -1
        self.busy = False  # a save or open is running (its progress loop lets timers fire)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()

    # -- recent files
    def recent(self) -> list[str]:
        value = QSettings().value("recent_files", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [p for p in items if p]

    def _remember(self, path: str) -> None:
        items = [p for p in self.recent() if p != path]
        QSettings().setValue("recent_files", [path, *items][:MAX_RECENT])

    # -- state
    def is_modified(self) -> bool:
        return not self.stack.isClean()

    def _set_path(self, path: str) -> None:
        self.path = path
        self.pathChanged.emit(path)

    def display_name(self) -> str:
        return Path(self.path).name if self.path else self.tr("Untitled")

    # -- actions
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to discard the document now."""
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("Save the changes to %1 before closing it?").replace("%1", self.display_name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new(self) -> bool:
        if not self.maybe_save():
            return False
        from ..io.defaults import default_workbook

        self.workbookLoaded.emit(default_workbook(), "")
        self._after_load("")
        return True

    def open(self, path: str | None = None) -> bool:
        """Open a workbook; on error show it and keep the current document."""
        if not self.maybe_save():
            return False
        if not path:
            start = str(Path(self.path).parent) if self.path else ""
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open workbook"), start,
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return False
        return self.load(path)

    def load(self, path: str, remember: bool = True) -> bool:
        from ..io.records import ImportProblems
        from ..io.xlsx_read import read_workbook

        try:
            wb = self.file_work(self.tr("Opening %1…").replace("%1", Path(path).name),
                                 lambda: read_workbook(path))
        except ImportProblems as exc:
            self._error(self.tr("Cannot open %1").replace("%1", Path(path).name), exc.text(i18n.current()))
            return False
        except Exception as exc:  # a damaged or unreadable file must not end the program
            self._error(self.tr("Cannot open %1").replace("%1", Path(path).name), str(exc))
            return False
        self.workbookLoaded.emit(wb, path)
        self._after_load(path)
        if remember:
            self._remember(path)
        return True

    def _after_load(self, path: str) -> None:
        self.stack.clear()
        self.stack.setClean()
        self._set_path(path)
        self.discard_autosave()

    def save(self) -> bool:
        if not self.path:
            return self.save_as()
        return self.write(self.path)

    def save_as(self) -> bool:
        start = self.path or str(Path.home() / "budget.xlsx")
        # we ask ourselves: the dialog cannot know about the ".xlsx" added below
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save workbook"), start,
                                              self.tr("Excel workbook (*.xlsx)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return False
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        if not self.confirm_replace(path):
            return False
        return self.write(path)

    def confirm_replace(self, path: str) -> bool:
        """True when `path` is free, is the document's own file, or the user agrees to replace it."""
        target = Path(path)
        if not target.exists() or (self.path and target.resolve() == Path(self.path).resolve()):
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Replace file?"),
            self.tr("%1 already exists. Replace it?").replace("%1", target.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def write(self, path: str) -> bool:
        """Save to `path` (atomically); the document becomes clean and takes that name."""
        from ..io.xlsx_write import write_document

        wb = self._workbook()
        try:
            self.file_work(self.tr("Saving %1…").replace("%1", Path(path).name),
                            lambda: write_document(wb, path))
        except Exception as exc:
            self._error(self.tr("Cannot save %1").replace("%1", Path(path).name), str(exc))
            return False
        self.stack.setClean()
        self._set_path(path)
        self._remember(path)
        self.discard_autosave()
        return True

    def file_work(self, label: str, func):
        """Run a read or write (open, save, budget export) with the busy dialog; autosave waits
        until it is over."""
        self.busy = True
        try:
            return run_with_progress(self.window, label, func)
        finally:
            self.busy = False

    def _error(self, title: str, detail: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, title, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setInformativeText(detail[:2000])
        box.exec()

    # -- autosave
    @staticmethod
    def autosave_path() -> Path:
        return autosave_dir() / "autosave.xlsx"

    def autosave(self) -> bool:
        """Write the autosave copy when there are unsaved edits since the last one."""
        wb = self._workbook()
        if self.busy or not self.is_modified() or wb.revision == self._autosaved_revision:
            return False
        from ..io.xlsx_write import write_document

        target = self.autosave_path()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_document(wb, target)
            meta = {"path": self.path, "time": time.time()}
            target.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
        except OSError:
            return False
        self._autosaved_revision = wb.revision
        return True

    def discard_autosave(self) -> None:
        target = self.autosave_path()
        for p in (target, target.with_suffix(".json")):
            p.unlink(missing_ok=True)
        self._autosaved_revision = -1

    def offer_restore(self) -> bool:
        """After a crash: offer the autosave copy.  True when it was restored."""
        target = self.autosave_path()
        if not target.is_file():
            return False
        try:
            meta = json.loads(target.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(meta.get("time", target.stat().st_mtime)))
        answer = QMessageBox.question(
            self.window, self.tr("Restore unsaved work?"),
            self.tr("LLM Cost Workbench did not close normally. Restore the unsaved changes "
                    "autosaved at %1?").replace("%1", when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            self.discard_autosave()
            return False
        from ..io.xlsx_read import read_workbook

        try:
            wb = read_workbook(target)
        except Exception as exc:
            self._error(self.tr("Cannot restore the autosaved copy"), str(exc))
            return False
        self.workbookLoaded.emit(wb, meta.get("path") or "")
        self.stack.clear()
        self.stack.resetClean()  # restored work is unsaved work
        self._set_path(meta.get("path") or "")
        return True
