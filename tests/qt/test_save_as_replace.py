"""Save As never replaces another file without asking (also when ".xlsx" is added to the name)."""

from PySide6.QtWidgets import QFileDialog, QMessageBox


def _save_as(window, monkeypatch, typed: str, answer):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (typed, "")))

    def question(*args, **kwargs):
        asked.append(args[2])
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return window.files.save_as(), asked


def test_save_as_asks_and_no_keeps_the_file(window, tmp_path, monkeypatch):
    target = tmp_path / "budget.xlsx"
    target.write_bytes(b"a colleague's budget")
    saved, asked = _save_as(window, monkeypatch, str(tmp_path / "budget"), QMessageBox.StandardButton.No)
    assert not saved and asked and "budget.xlsx already exists" in asked[0]
    assert target.read_bytes() == b"a colleague's budget"


def test_save_as_yes_replaces(window, tmp_path, monkeypatch):
    target = tmp_path / "budget.xlsx"
    target.write_bytes(b"old")
    saved, asked = _save_as(window, monkeypatch, str(target), QMessageBox.StandardButton.Yes)
    assert saved and len(asked) == 1 and target.read_bytes()[:2] == b"PK"


def test_save_as_a_new_name_does_not_ask(window, tmp_path, monkeypatch):
    saved, asked = _save_as(window, monkeypatch, str(tmp_path / "fresh.xlsx"), QMessageBox.StandardButton.No)
    assert saved and not asked and (tmp_path / "fresh.xlsx").exists()
