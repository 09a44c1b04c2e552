"""Files in the window: bad workbooks are refused with a reason, long reads keep the window alive."""

import zipfile

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog


def _empty(p):
    p.write_bytes(b"")


def _zip_without_workbook(p):
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "hi")


def _missing_sheet(p):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Models"
    book.active.append(["name", "params_b"])
    book.save(p)


@pytest.mark.parametrize("make, reason", [
    (_empty, "not an .xlsx workbook"),
    (_zip_without_workbook, "cannot read the workbook"),
    (_missing_sheet, "sheet Hardware: sheet is missing"),
])
def test_bad_workbooks_are_refused_and_the_document_kept(window, wb, tmp_path, monkeypatch, make, reason):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.informativeText()))
    path = tmp_path / "bad.xlsx"
    make(path)
    before = wb.revision
    assert not window.files.load(str(path))
    assert window.workbook is wb and wb.revision == before
    assert shown and reason in shown[0]


def test_long_open_shows_progress_and_keeps_painting(window, tmp_path, monkeypatch):
    import time

    from llmcost_gui.io import progress, xlsx_read
    from llmcost_gui.io.xlsx_write import write_document

    path = tmp_path / "big.xlsx"
    write_document(window.workbook, path)
    real_read = xlsx_read.read_workbook

    def slow_read(p, *args):  # a second of row-by-row work, as a large workbook costs
        end = time.perf_counter() + 1.0
        while time.perf_counter() < end:
            sum(range(1000))
            progress.tick()
        return real_read(p, *args)

    monkeypatch.setattr(xlsx_read, "read_workbook", slow_read)
    ticks, dialogs = [], []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    original = QProgressDialog.show
    monkeypatch.setattr(QProgressDialog, "show", lambda self: (dialogs.append(self.labelText()), original(self)))
    assert window.files.load(str(path))
    timer.stop()
    assert dialogs and "big.xlsx" in dialogs[0]
    # the event loop kept running while the file was read (a frozen window gets at most one tick)
    assert len(ticks) >= 5


def test_a_missing_file_on_the_command_line_says_why_and_stays_untitled(qtbot, tmp_path):
    from llmcost_gui.app import create_window

    missing = tmp_path / "missing.xlsx"
    window = create_window(str(missing), lang="en")
    qtbot.addWidget(window)
    box = window.startup_error
    assert box.text() == "Cannot open missing.xlsx"
    assert str(missing) in box.informativeText() and "no file" in box.informativeText()
    assert window.windowTitle().startswith("Untitled")
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook")
    other = create_window(str(broken), lang="en")
    qtbot.addWidget(other)
    assert other.startup_error.text() == "Cannot open broken.xlsx"
    assert "could not be read as a workbook" in other.startup_error.informativeText()
    assert other.windowTitle().startswith("Untitled")
    for w in (window, other):
        w.startup_error.close()
        w.stack.setClean()
        w.files.timer.stop()


def test_window_fits_the_screen_and_restores_sanely(qtbot, default_wb):
    from PySide6.QtCore import QSettings

    from llmcost_gui.qt.main_window import MainWindow

    window = MainWindow(default_wb)
    qtbot.addWidget(window)
    avail = window.screen().availableGeometry()
    assert window.width() <= avail.width() and window.height() <= avail.height()
    # a layout saved on a much bigger screen comes back fitted to this one
    window.resize(avail.width() * 2, avail.height() * 2)
    QSettings().setValue("window/geometry", window.saveGeometry())
    QSettings().setValue("window/state", window.saveState())
    again = MainWindow(default_wb)
    qtbot.addWidget(again)
    assert again.width() <= avail.width() and again.height() <= avail.height()
    for w in (window, again):
        w.stack.setClean()
        w.files.timer.stop()
