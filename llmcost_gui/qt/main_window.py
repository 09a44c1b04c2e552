"""The main window: composition of the grids, formula bar, summary, charts and actions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core import labels
from ..core.workbook import Change, Workbook
from . import actions, editing, hf_import, i18n, rows
from .charts.panel import ChartsPanel
from .files import FileController
from .formula_bar import FormulaBar
from .help import show_about, show_shortcuts, show_user_guide
from .results_model import ResultsModel
from .scenario_model import ScenarioModel
from .selection import Selection
from .summary import SummaryStrip, headline_key
from .table_model import TableModel
from .views import SheetView

INPUT_TABLES = ("Models", "Hardware", "Prices", "ApiOffers", "Assumptions")


class MainWindow(QMainWindow):
    """Scenario editor and input tables (tabs) beside the live results grid."""

    def __init__(self, workbook: Workbook, path: str = "", parent=None):
        super().__init__(parent)
        self.workbook = workbook
        self.stack = QUndoStack(self)
        self.files = FileController(self, self.stack, lambda: self.workbook)
        self.plans_export = None  # the export with plans under way (plans_export.PlansExport)
        self.files.workbookLoaded.connect(self.set_workbook)
        # bound methods, not lambdas: Qt drops the connection when the window is destroyed
        self.files.pathChanged.connect(self._update_title)
        self.stack.cleanChanged.connect(self._update_title)
        self._unsubscribe = workbook.subscribe(self._on_change)
        self.selection = Selection(self)
        self.selection.changed.connect(self._follow_selection)
        self._build_models()
        self._build_widgets()
        self.acts = actions.build(self)
        hf_import.install(self)  # Models → Import Hugging Face config…, drops
        self._build_charts()
        self._connect()
        self._wire_context_menus()
        self.files.path = path
        self.retranslate()
        self.fit_to_screen()
        self._restore_layout()
        self.select_result(0)

    # ------------------------------------------------------------------ construction
    def _build_models(self) -> None:
        wb = self.workbook
        self.scenario_model = ScenarioModel(wb, self.stack, self)
        self.results_model = ResultsModel(wb, self.stack, self)
        self.table_models = {t: TableModel(wb, t, self.stack, self) for t in INPUT_TABLES}

    def _build_widgets(self) -> None:
        self.formula_bar = FormulaBar(self)
        self.summary = SummaryStrip(self)
        self.scenario_view = SheetView(self)
        self.scenario_view.setModel(self.scenario_model)
        self.scenario_view.verticalHeader().setMinimumWidth(230)
        self.table_views = {}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.scenario_view, "")
        for table, model in self.table_models.items():
            view = SheetView(self)
            view.setModel(model)
            view.fit_columns()
            self.table_views[table] = view
            self.tabs.addTab(view, "")
        self.results_view = SheetView(self, editable=False)
        self.results_view.setModel(self.results_model)
        self.results_view.verticalHeader().setMinimumWidth(230)
        self.results_title = QLabel(self)
        right = QWidget(self)
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.results_title)
        box.addWidget(self.results_view)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(right)
        self.splitter.setSizes([640, 760])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.formula_bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.recalc_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.recalc_label)
        for view in (self.scenario_view, self.results_view):
            for c in range(view.model().columnCount()):
                view.setColumnWidth(c, 165)

    def _build_charts(self) -> None:
        self.charts = ChartsPanel(self.workbook, self)
        self.charts_dock = QDockWidget(self)
        self.charts_dock.setObjectName("charts")
        self.charts_dock.setWidget(self.charts)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.charts_dock)
        self.acts.charts.setCheckable(True)
        self.acts.charts.setChecked(True)
        self.acts.charts.toggled.connect(self.charts_dock.setVisible)
        # the strip's bands use the Uncertainty chart's samples, seed and ranges
        self.summary.bands.settings = self.charts.uncertainty_settings
        self.charts.uncertaintySettingsChanged.connect(self.summary.refresh)
        self.charts_dock.visibilityChanged.connect(self.acts.charts.setChecked)

    def _connect(self) -> None:
        for model in (self.scenario_model, *self.table_models.values()):
            model.message.connect(self.show_message)
            model.refusedAt.connect(self._show_refusal)
        self.results_view.selectionModel().currentChanged.connect(self._result_selected)
        self.scenario_view.selectionModel().currentChanged.connect(self._input_selected)
        self.formula_bar.linkActivated.connect(self.follow_link)
        self.charts.currentChanged.connect(self.selection.set)
        self.charts.planChosen.connect(self.apply_plan)

    def _wire_context_menus(self) -> None:
        a = self.acts
        for view in self.table_views.values():
            view.addActions([a.copy, a.paste, a.clear, a.row_add, a.row_dup, a.row_del])
        self.scenario_view.addActions([a.copy, a.paste, a.clear, a.sc_add, a.sc_dup, a.sc_del])
        self.results_view.addActions([a.copy, a.sc_add, a.sc_dup, a.sc_del])

    # ------------------------------------------------------------------ document
    def set_workbook(self, workbook: Workbook, path: str = "") -> None:
        """Show another document (after New or Open)."""
        self._unsubscribe()
        self.workbook = workbook
        self._unsubscribe = workbook.subscribe(self._on_change)
        for model in (self.scenario_model, self.results_model, *self.table_models.values()):
            model.set_workbook(workbook)
        self.charts.set_workbook(workbook)
        self.select_result(0)

    def _on_change(self, change: Change) -> None:
        self._recalc_ms = change.recalc_ms
        self._show_recalc()
        edited = {row for table, row, _col in change.inputs if table == "Scenarios"}
        n = self.workbook.tables["Scenarios"].nrows
        if len(edited) == 1 and "Scenarios" not in change.structure:
            self.selection.set(edited.pop())  # editing scenario j makes j current
        elif not 0 <= self.selection.row < n and n:
            self.selection.set(n - 1)
        self.formula_bar.refresh()
        self.summary.workbook_changed()

    def _show_recalc(self) -> None:
        ms = getattr(self, "_recalc_ms", None)
        self.recalc_label.setText("" if ms is None else self.tr("Recalculated in %1 ms").replace(
            "%1", f"{ms:.1f}"))

    def _update_title(self, *_args) -> None:
        self.setWindowTitle(f"{self.files.display_name()}[*] — LLM Cost Workbench")
        self.setWindowModified(self.files.is_modified())

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    def report_open_failure(self, path: str, reason: str) -> QMessageBox:
        """A file named on the command line could not be opened: a dialog with the reason
        (not blocking; the window shows a new Untitled document)."""
        from pathlib import Path

        name = Path(path).name or path
        title = self.tr("Cannot open %1").replace("%1", name)
        if reason == "missing":
            detail = self.tr("There is no file at %1. A new, untitled workbook is open instead.")
        else:
            detail = self.tr("%1 could not be read as a workbook: %2. A new, untitled workbook is "
                             "open instead.").replace("%2", reason)
        detail = detail.replace("%1", str(Path(path).resolve()) if reason == "missing" else name)
        box = QMessageBox(QMessageBox.Icon.Warning, title, title, QMessageBox.StandardButton.Ok, self)
        box.setInformativeText(detail[:2000])
        box.open()
        self.show_message(f"{title}: {detail}")
        return box

    def _show_refusal(self, index, text: str) -> None:
        """A refused edit's reason in a tooltip at the cell (it stays as the cell's tooltip)."""
        model = index.model()
        self._last_refusal = (model, index)
        views = (self.scenario_view, *self.table_views.values())
        view = next((v for v in views if v.model() is model), None)
        if view is None or not view.isVisible():
            return
        rect = view.visualRect(index)
        QToolTip.showText(view.viewport().mapToGlobal(rect.bottomLeft()), text, view.viewport(),
                          rect, 15_000)

    # ------------------------------------------------------------------ selection
    def current_scenario(self) -> int:
        """The current scenario row (the one the strip, formula bar and charts show)."""
        return self.selection.row

    def _result_selected(self, current, _previous=None) -> None:
        key = self.results_model.key_at(current)
        if key is not None:
            self.selection.set(current.column(), key)
        elif current.isValid():
            self.selection.set(current.column())

    def _input_selected(self, current, _previous=None) -> None:
        if current.isValid():
            self.selection.set(current.column())

    def _follow_selection(self, row: int, key: str) -> None:
        """Every view shows the current scenario and result."""
        wb = self.workbook
        if not 0 <= row < wb.tables["Scenarios"].nrows:
            self.formula_bar.clear()
            self.summary.show_scenario(wb, -1)
            return
        self.formula_bar.show_result(wb, row, key)
        self.summary.show_scenario(wb, row)
        self.charts.set_current(row, key)
        grid_row = self.results_model.result_row(key)
        index = self.results_model.index(grid_row, row) if grid_row is not None else QModelIndex()
        if index.isValid() and self.results_view.currentIndex() != index:
            self.results_view.selectionModel().blockSignals(True)
            self.results_view.setCurrentIndex(index)
            self.results_view.selectionModel().blockSignals(False)
            self.results_view.viewport().update()

    def apply_plan(self, scenario: int, record: dict) -> bool:
        """Write a plan of the Find plan tab into the scenario: one undoable edit."""
        from ..core.cells import InputError
        from ..core.plan import plan_edit
        from .commands import push_edit

        name = self.workbook.tables["Scenarios"].get(scenario, "name") or ""
        try:
            changed = push_edit(self.stack, self.workbook, plan_edit(self.workbook, scenario, record),
                                self.tr("Apply plan to %1").replace("%1", name))
        except InputError as exc:
            self.show_message(exc.text(i18n.current()))
            return False
        if changed:
            self.show_message(self.tr("Plan applied to %1 (Undo restores it)").replace("%1", name))
        return changed

    def select_result(self, scenario: int, key: str | None = None) -> None:
        """Make a result of a scenario current (default: the scenario's headline figure)."""
        if key is None:
            n = self.workbook.tables["Scenarios"].nrows
            key = headline_key(self.workbook, min(max(scenario, 0), n - 1)) if n else "daily_total"
        if self.results_model.columnCount() == 0:
            self.selection.set(-1, key, force=True)
            return
        scenario = max(0, min(scenario, self.results_model.columnCount() - 1))
        editing.select(self.results_view, self.results_model.index(
            self.results_model.result_row(key), scenario))
        self.selection.set(scenario, key, force=True)

    def follow_link(self, target: tuple) -> None:
        """Select the input cell a formula-bar link names."""
        row = self.current_scenario()
        kind = target[0]
        if kind == "input":
            self.tabs.setCurrentWidget(self.scenario_view)
            index = self.scenario_model.index(self.scenario_model.param_row(target[1]), row)
            editing.select(self.scenario_view, index)
            self.scenario_view.setFocus()
        elif kind == "assumption":
            t = self.workbook.tables["Assumptions"]
            where = [i for i in range(t.nrows) if t.get(i, "key") == target[1]]
            if where:
                self._select_table_cell("Assumptions", where[0], "value")
        elif kind == "lookup":
            table, column, key_col = target[1], target[2], target[3]
            name = self.workbook.tables["Scenarios"].get(row, key_col)
            found = self.workbook.tables[table].key_index().get(name)
            if found is not None:
                self._select_table_cell(table, found, column)
            else:
                self.follow_link(("input", key_col))
        elif kind == "result":
            key = target[1]
            if self.results_model.result_row(key) is not None:
                self.select_result(row, key)
            else:  # a working value: show its own formula
                self.formula_bar.show_result(self.workbook, row, key)

    def _select_table_cell(self, table: str, row: int, column: str) -> None:
        view, model = self.table_views[table], self.table_models[table]
        self.tabs.setCurrentWidget(view)
        editing.select(view, model.index(row, model.column_index(column)))
        view.setFocus()

    # ------------------------------------------------------------------ editing actions
    def active_view(self) -> SheetView:
        focused = self.focusWidget()
        for view in (self.results_view, self.scenario_view, *self.table_views.values()):
            if focused is view:
                return view
        return self.tabs.currentWidget()

    def edit_copy(self) -> None:
        editing.copy(self.active_view())

    def edit_paste(self) -> None:
        editing.paste(self.active_view())

    def edit_clear(self) -> None:
        editing.clear(self.active_view())

    def _current_table(self) -> str | None:
        widget = self.tabs.currentWidget()
        for table, view in self.table_views.items():
            if view is widget:
                return table
        return None

    def _selected_rows(self, view, by_column: bool = False) -> list[int]:
        indexes = view.selectionModel().selectedIndexes() or [view.currentIndex()]
        return sorted({(i.column() if by_column else i.row()) for i in indexes if i.isValid()})

    def row_add(self) -> None:
        table = self._current_table()
        if table is None:
            return self.scenario_add()
        view = self.table_views[table]
        current = view.currentIndex()
        at = current.row() + 1 if current.isValid() else self.table_models[table].rowCount()
        at = rows.insert_row(self.stack, self.workbook, table, at)
        editing.select(view, self.table_models[table].index(at, 0))

    def row_duplicate(self) -> None:
        table = self._current_table()
        if table is None:
            return self.scenario_duplicate()
        new = rows.duplicate_rows(self.stack, self.workbook, table,
                                  self._selected_rows(self.table_views[table]))
        if new:
            editing.select(self.table_views[table], self.table_models[table].index(new[0], 0))

    def row_delete(self) -> None:
        table = self._current_table()
        if table is None:
            return self.scenario_delete()
        rows.delete_rows(self.stack, self.workbook, table, self._selected_rows(self.table_views[table]))

    def _scenario_columns(self) -> list[int]:
        view = self.results_view if self.focusWidget() is self.results_view else self.scenario_view
        cols = self._selected_rows(view, by_column=True)
        return cols or [self.current_scenario()]

    def scenario_add(self) -> None:
        at = rows.insert_row(self.stack, self.workbook, "Scenarios",
                             self.workbook.tables["Scenarios"].nrows)
        self._show_scenario(at)

    def scenario_duplicate(self) -> None:
        new = rows.duplicate_rows(self.stack, self.workbook, "Scenarios", self._scenario_columns())
        if new:
            self._show_scenario(new[0])

    def scenario_delete(self) -> None:
        rows.delete_rows(self.stack, self.workbook, "Scenarios", self._scenario_columns())
        self.select_result(0)

    def _show_scenario(self, scenario: int) -> None:
        self.tabs.setCurrentWidget(self.scenario_view)
        for view in (self.scenario_view, self.results_view):
            view.setColumnWidth(scenario, 165)
        editing.select(self.scenario_view, self.scenario_model.index(1, scenario))
        self.select_result(scenario)

    # ------------------------------------------------------------------ files
    def file_new(self) -> None:
        self.files.new()

    def file_open(self, path: str | None = None) -> None:
        self.files.open(path if isinstance(path, str) else None)

    def file_save(self) -> None:
        self.files.save()

    def file_save_as(self) -> None:
        self.files.save_as()

    def clear_recent(self) -> None:
        QSettings().setValue("recent_files", [])

    def export_budget(self) -> None:
        self._export_budget(plans=False)

    def export_budget_with_plans(self) -> None:
        """The budget with its Plans compared sheet: every scenario's cheapest plans (stored
        values), searched in the computing process (see plans_export)."""
        self._export_budget(plans=True)

    def _export_budget(self, plans: bool) -> None:
        if self.plans_export is not None:  # one at a time (its dialog is modal: not reached by hand)
            return
        title = self.tr("Export budget with plans") if plans else self.tr("Export budget")
        path, _ = QFileDialog.getSaveFileName(self, title, "budget.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        lang = i18n.current()
        if plans:
            from .plans_export import PlansExport

            self.plans_export = job = PlansExport(self, path, lang)
            job.finished.connect(lambda _written: self._plans_export_over(job))
            job.start()
            return
        self.write_budget_file(path, lang, title)

    def write_budget_file(self, path: str, lang: str, title: str, **options) -> bool:
        """Write the budget of the workbook under the busy dialog (io.budget.write_budget with
        `options`): True and a status message, or False and an error box titled `title` (a
        failed write leaves an existing file as it was)."""
        wb = self.workbook
        try:
            from ..io.budget import (
                write_budget,  # deferred: the budget writer is not needed to start
            )

            self.files.file_work(self.tr("Exporting the budget…"), lambda: write_budget(wb, path, lang, **options))
        except Exception as exc:  # noqa: BLE001 - any failure is shown; the old file is intact
            self.files._error(title, str(exc))
            return False
        self.show_message(self.tr("Budget written to %1").replace("%1", path))
        return True

    def _plans_export_over(self, job) -> None:
        if self.plans_export is job:
            self.plans_export = None
        job.deleteLater()

    def fit_to_screen(self) -> None:
        """Size the window to the available screen (at most 1400×900) and centre it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return self.resize(1400, 900)
        avail = screen.availableGeometry()
        self.resize(min(1400, int(avail.width() * 0.96)), min(900, int(avail.height() * 0.94)))
        frame = self.frameGeometry()
        frame.moveCenter(avail.center())
        self.move(frame.topLeft())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_docks_sized", False):
            self._docks_sized = True  # the grids get most of the height at first
            self.resizeDocks([self.charts_dock], [max(220, int(self.height() * 0.40))],
                             Qt.Orientation.Vertical)

    def closeEvent(self, event) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.files.discard_autosave()
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        event.accept()

    def _restore_layout(self) -> None:
        """Geometry, splitter and docks as last time, kept inside the screen available now."""
        settings = QSettings()
        state = settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        geometry = settings.value("window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            self._keep_on_screen()
        state = settings.value("window/state")
        if state is not None and self.restoreState(state):
            self._docks_sized = True  # the user's dock sizes win
            if self.charts_dock is not None and self.charts_dock.height() > self.height() * 0.6:
                self._docks_sized = False  # from a bigger screen: leave the grids room

    def _keep_on_screen(self) -> None:
        """A window saved on a bigger or other screen is fitted to this one."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        frame = self.frameGeometry()
        if (frame.width() > avail.width() or frame.height() > avail.height()
                or not avail.contains(frame.center())):
            self.fit_to_screen()

    # ------------------------------------------------------------------ help and language
    def help_guide(self) -> None:
        show_user_guide(self)

    def help_shortcuts(self) -> None:
        show_shortcuts(self)

    def help_about(self) -> None:
        show_about(self)

    def set_language(self, lang: str) -> None:
        i18n.set_language(lang)  # Qt sends LanguageChange to every widget
        self.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if getattr(self, "acts", None) is None:
            return  # Qt sends LanguageChange while the window is being built
        lang = i18n.current()
        actions.retranslate(self.acts)
        hf_import.retranslate(self)
        self.tabs.setTabText(0, labels.table_label("Scenarios", lang))
        for i, table in enumerate(INPUT_TABLES, start=1):
            self.tabs.setTabText(i, labels.table_label(table, lang))
        self.results_title.setText(f"<b>{labels.table_label('Results', lang)}</b>")
        if getattr(self, "charts_dock", None) is not None:
            self.charts_dock.setWindowTitle(self.tr("Charts"))
        for model in (self.scenario_model, self.results_model, *self.table_models.values()):
            model.relabel()
        self.formula_bar.retranslate()
        self.summary.retranslate()
        self._show_recalc()
        refusal = getattr(self, "_last_refusal", None)
        if refusal is not None and self.statusBar().currentMessage():
            text = refusal[0].refused_text(refusal[1])  # the message, in the new language
            if text:
                self.show_message(text)
        self._update_title()
