"""Start the desktop application: ``llmcost-gui [FILE] [--lang zh_CN] [--screenshot PNG] [--smoke]``."""

from __future__ import annotations

import argparse
import sys
import time

APP_NAME = "LLM Cost Workbench"
ORGANIZATION = "LLMCostWorkbench"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="llmcost-gui", description=APP_NAME)
    parser.add_argument("file", nargs="?", help="workbook (.xlsx) to open")
    parser.add_argument("--lang", choices=("en", "zh_CN"), help="interface language")
    parser.add_argument("--screenshot", metavar="PNG",
                        help="render the window to PNG and exit (its first-start size, or --size)")
    parser.add_argument("--size", metavar="WxH", help="window size for --screenshot, e.g. 1366x768")
    parser.add_argument("--smoke", action="store_true", help="start, show, process events, exit 0")
    return parser.parse_args(argv)


def make_app(argv: list[str] | None = None):
    """The QApplication (created once), named for QSettings and QStandardPaths."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    from . import __version__

    app.setApplicationVersion(__version__)
    return app


def load_workbook(path: str | None):
    """(workbook, path, error); the default workbook when no file is given or it fails (error:
    "missing" when there is no such file, else the reason)."""
    from .io.defaults import default_workbook

    if not path:
        return default_workbook(), "", ""
    from pathlib import Path

    from .io.xlsx_read import read_workbook

    if not Path(path).is_file():
        return default_workbook(), "", "missing"
    try:
        return read_workbook(path), path, ""
    except Exception as exc:  # reported in the window, never a crash at start-up
        return default_workbook(), "", str(exc) or type(exc).__name__


def create_window(path: str | None = None, lang: str | None = None, offer_restore: bool = False):
    """Build the main window (QApplication must exist)."""
    from .qt import i18n
    from .qt.main_window import MainWindow

    i18n.set_language(lang or i18n.saved_language(), remember=lang is None)
    workbook, opened, error = load_workbook(path)
    window = MainWindow(workbook, opened)
    if opened:
        window.files._remember(opened)
    if error:  # the document is Untitled; say why the file was not opened
        window.startup_error = window.report_open_failure(path, error)
    if offer_restore:
        window.files.offer_restore()
    return window


def screenshot(window, target: str, size: str | None = None) -> None:
    """Select an interesting result so the formula bar is filled, then render to PNG."""
    from PySide6.QtWidgets import QApplication

    if size:
        width, _, height = size.lower().partition("x")
        window.resize(int(width), int(height))
    window.show()
    wb = window.workbook
    try:
        row = wb.scenario_row("ChatGPT scale: 13 M daily users on A100 (buy)")
        key = "serve_cost_per_day"
    except KeyError:
        row, key = 0, "daily_total"
    window.select_result(row, key)
    window.results_view.scrollToTop()
    window.results_view.scrollTo(window.results_view.currentIndex())
    window.scenario_view.setCurrentIndex(window.scenario_model.index(1, row))
    window.results_view.setFocus()
    deadline = time.monotonic() + 10  # let the debounced charts compute and draw
    settle = time.monotonic() + 0.3
    while time.monotonic() < settle or (time.monotonic() < deadline and (
            window.summary.busy or (window.charts is not None and window.charts.busy()))):
        QApplication.processEvents()
        time.sleep(0.02)
    for _ in range(5):  # nested layouts settle one level per pass (tiles grow with their bands)
        QApplication.processEvents()
    if not window.grab().save(target):
        raise SystemExit(f"cannot write {target}")


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # the bundle starts its computing process through main
    args = parse_args(argv)
    # the Qt-free modules before Qt: PySide6's import hook reads the source of every module
    # imported after it, which costs start-up time and finds nothing in these
    from .core import analysis, labels, report, rules, serving_curves, uncertainty  # noqa: F401
    from .io import defaults, records  # noqa: F401

    app = make_app([sys.argv[0]])
    window = create_window(args.file, args.lang, offer_restore=not (args.smoke or args.screenshot))
    if args.screenshot:
        screenshot(window, args.screenshot, args.size)
        window.files.timer.stop()
        return 0
    window.show()
    if args.smoke:
        app.processEvents()
        window.files.timer.stop()
        return 0
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
