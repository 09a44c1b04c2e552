"""Models → Import Hugging Face config…, and dropping a config.json or an HF cache folder."""

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from llmcost_gui.qt import hf_import

HF = Path(__file__).parent.parent / "fixtures" / "hf"


def _models(wb):
    return wb.tables["Models"]


def test_menu_action_imports_one_undoable_row(window, wb, monkeypatch):
    assert window.acts.menus.models.title() == "&Models"
    assert window.acts.import_hf.text() == "Import &Hugging Face config…"
    path = str(HF / "mixtral-8x7b.json")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (path, "")))
    before = _models(wb).nrows
    window.acts.import_hf.trigger()
    models = _models(wb)
    assert models.nrows == before + 1
    row = models.row(before)
    assert row["name"] == "Mixtral-8x7B-v0.1" and abs(row["params_b"] - 46.70) < 0.01
    assert abs(row["active_params_b"] - 12.88) < 0.01
    assert window.tabs.currentWidget() is window.table_views["Models"]
    window.stack.undo()
    assert _models(wb).nrows == before


def test_a_second_import_gets_a_unique_name(window, wb):
    assert hf_import.import_config(window, str(HF / "gemma-7b.json"))
    assert hf_import.import_config(window, str(HF / "gemma-7b.json"))
    names = _models(wb).names()
    assert "gemma-7b" in names and "gemma-7b (2)" in names


def test_bad_config_warns_and_changes_nothing(window, wb, tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warned.append(a[2])))
    bad = tmp_path / "config.json"
    bad.write_text('{"model_type": "bert"}')
    before, revision = _models(wb).nrows, wb.revision
    assert not hf_import.import_config(window, str(bad))
    assert warned and "not supported" in warned[0]
    assert _models(wb).nrows == before and wb.revision == revision


def _drop(window, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos, move = QPointF(10, 10), Qt.DropAction.CopyAction
    enter = QDragEnterEvent(pos.toPoint(), move, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(pos, move, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_drop_a_hugging_face_cache_folder(window, wb, tmp_path):
    snap = tmp_path / "models--Qwen--Qwen2.5-7B" / "snapshots" / "abc123"
    snap.mkdir(parents=True)
    shutil.copy(HF / "qwen2.5-7b.json", snap / "config.json")
    before = _models(wb).nrows
    assert _drop(window, tmp_path / "models--Qwen--Qwen2.5-7B") == (True, True)
    assert _models(wb).nrows == before + 1 and _models(wb).get(before, "name") == "Qwen2.5-7B"


def test_other_drops_are_ignored(window, wb, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    before = _models(wb).nrows
    assert _drop(window, other)[0] is False
    assert _models(wb).nrows == before


def test_menu_speaks_chinese(window):
    window.set_language("zh_CN")
    assert window.acts.menus.models.title() == "模型(&M)"
    assert "Hugging Face" in window.acts.import_hf.text() and "导入" in window.acts.import_hf.text()
