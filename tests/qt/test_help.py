"""Help menu: the About box (version, as-of date of the default prices) and the user guide."""

import csv

import pytest
from PySide6.QtWidgets import QTextBrowser

import llmcost_gui
from llmcost_gui.paths import resource
from llmcost_gui.qt import help as helpmod
from llmcost_gui.qt import i18n


def newest_as_of() -> str:
    with open(resource("data", "prices.csv"), encoding="utf-8", newline="") as fh:
        return max(row["as_of"] for row in csv.DictReader(fh) if row["as_of"])


def test_latest_price_date_skips_blank_and_malformed_dates(tmp_path):
    path = tmp_path / "prices.csv"
    path.write_text("name,as_of\na,2025-03-14\nb,\nc,2026-11-09\nd,March 2027\ne,2024-01-01\n",
                    encoding="utf-8")
    assert helpmod.latest_price_date(path) == "2026-11-09"
    assert helpmod.latest_price_date(tmp_path / "missing.csv") is None


def test_about_shows_version_and_as_of_date(qtbot):
    box = helpmod.show_about(None)
    qtbot.addWidget(box)
    text = box.text()
    assert llmcost_gui.__version__ in text
    assert newest_as_of() in text
    assert "as of their sources" in text
    assert not box.iconPixmap().isNull()


def guide_text(dialog) -> str:
    return dialog.findChild(QTextBrowser).toPlainText()


def test_user_guide_in_english(qtbot):
    dialog = helpmod.show_user_guide(None, "en")
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    text = guide_text(dialog)
    assert "Getting started" in text
    assert "Widely quoted but wrong formulas" in text
    assert "train_mfu" in text  # the generated column tables are there, rendered
    assert "<!--" not in text and "| --- |" not in text


def test_user_guide_in_chinese(qtbot):
    dialog = helpmod.show_user_guide(None, "zh_CN")
    qtbot.addWidget(dialog)
    text = guide_text(dialog)
    assert "快速上手" in text
    assert "流传甚广的错误公式" in text


def test_user_guide_follows_the_interface_language(qtbot):
    try:
        i18n.set_language("zh_CN", remember=False)
        dialog = helpmod.show_user_guide(None)
        qtbot.addWidget(dialog)
        assert "快速上手" in guide_text(dialog)
    finally:
        i18n.set_language("en", remember=False)
    dialog = helpmod.show_user_guide(None)
    qtbot.addWidget(dialog)
    assert "Getting started" in guide_text(dialog)


def test_an_open_user_guide_switches_language_live(qtbot, qapp):
    dialog = helpmod.show_user_guide(None)
    qtbot.addWidget(dialog)
    assert "Getting started" in guide_text(dialog)
    try:
        i18n.set_language("zh_CN", remember=False)
        qapp.processEvents()
        assert "快速上手" in guide_text(dialog) and dialog.home.text() == "返回用户指南"
    finally:
        i18n.set_language("en", remember=False)
    qapp.processEvents()
    assert "Getting started" in guide_text(dialog)


def test_bundle_copy_of_the_guide_comes_first(tmp_path, monkeypatch):
    docs = tmp_path / "resources" / "docs"
    docs.mkdir(parents=True)
    (docs / "user-guide.md").write_text("# Bundled guide\n", encoding="utf-8")
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert helpmod.guide_path("en") == docs / "user-guide.md"
    # the Chinese guide is not in this fake bundle: the checkout's docs/ is the fallback
    assert helpmod.guide_path("zh_CN").parent.name == "docs"
    assert helpmod.guide_path("zh_CN").is_file()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_missing_guide_is_a_message_not_a_crash(qtbot, monkeypatch, lang):
    monkeypatch.setattr(helpmod, "guide_path", lambda language=None: None)
    dialog = helpmod.show_user_guide(None, lang)
    qtbot.addWidget(dialog)
    assert "not found" in guide_text(dialog)


def test_relative_link_opens_inside_and_back_returns(qtbot, tmp_path):
    from PySide6.QtCore import QUrl

    (tmp_path / "user-guide.md").write_text("# Guide\n\nSee [formulas](formulas.md).\n",
                                            encoding="utf-8")
    (tmp_path / "formulas.md").write_text("# Formulas\n\ntrain_flops = 3 x ...\n", encoding="utf-8")
    dialog = helpmod.GuideDialog(tmp_path / "user-guide.md")
    qtbot.addWidget(dialog)
    assert not dialog.home.isEnabled()
    dialog.browser.setSource(QUrl("formulas.md"))  # what a click on the link does
    assert "train_flops" in dialog.browser.toPlainText()
    assert dialog.home.isEnabled()
    dialog.home.click()
    assert dialog.browser.toPlainText().startswith("Guide")
    assert not dialog.home.isEnabled()
