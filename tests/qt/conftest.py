"""Fixtures for the window tests: isolated settings and autosave folder, a fresh window."""

import os

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def _isolated(qapp, tmp_path, monkeypatch):
    QStandardPaths.setTestModeEnabled(True)
    # one settings file per test process: the two workers of `make test` must not clear each other's
    qapp.setOrganizationName(f"LLMCostWorkbenchTest{os.getpid()}")
    qapp.setApplicationName("LLM Cost Workbench Test")
    QSettings().clear()
    from llmcost_gui.qt import files, i18n

    monkeypatch.setattr(files, "autosave_dir", lambda: tmp_path / "autosave")
    i18n.set_language("en", remember=False)
    # No test may ever block on a dialog: questions answer "Discard", boxes close at once.
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Ok)
    yield
    i18n.set_language("en", remember=False)
    QSettings().clear()


@pytest.fixture
def window(qtbot, default_wb):
    from llmcost_gui.qt.main_window import MainWindow

    win = MainWindow(default_wb)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.stack.setClean()  # no unsaved-changes prompt while tearing down
    win.files.timer.stop()


@pytest.fixture
def wb(window):
    return window.workbook

