"""File ▸ Export budget with plans… writes the budget with its Plans compared sheet; the plain
export does not."""

import openpyxl
from PySide6.QtWidgets import QFileDialog


def _export(window, monkeypatch, path, slot):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    getattr(window, slot)()
    return openpyxl.load_workbook(path).sheetnames


def test_export_with_plans_adds_the_sheet(window, tmp_path, monkeypatch):
    file_menu = window.acts.menus.file.actions()
    assert window.acts.export_plans in file_menu
    assert window.acts.export_plans.text() == "Export budget with &plans…"
    with_plans = _export(window, monkeypatch, tmp_path / "plans.xlsx", "export_budget_with_plans")
    assert with_plans[:2] == ["Summary", "Plans compared"]
    plain = _export(window, monkeypatch, tmp_path / "plain.xlsx", "export_budget")
    assert "Plans compared" not in plain and plain[0] == "Summary"
