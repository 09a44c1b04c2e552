"""Safety: text never becomes a formula; macros, entity bombs and zip bombs never get in."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from llmcost_gui.core.workbook import InsertRows
from llmcost_gui.io import xlsx_read
from llmcost_gui.io.budget import write_budget
from llmcost_gui.io.defaults import default_workbook
from llmcost_gui.io.records import ImportProblems, match_header
from llmcost_gui.io.xlsx_read import default_aliases, read_workbook
from llmcost_gui.io.xlsx_write import write_document

DANGEROUS = ["=1+1", "+SUM(A1:A9)", "-2+3", "@cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")"]


@pytest.fixture
def risky_wb():
    wb = default_workbook()
    model = wb.tables["Models"].row(0)
    sc = wb.tables["Scenarios"].row(0)
    with wb.batch():
        wb.apply(InsertRows("Models", 0, (dict(model, name=DANGEROUS[3], source=DANGEROUS[4]),)))
        rows = tuple(dict(sc, name=text, model=DANGEROUS[3], note=text) for text in DANGEROUS)
        wb.apply(InsertRows("Scenarios", 0, rows))
    return wb


@pytest.mark.parametrize("writer", [write_document, write_budget])
def test_user_text_is_written_as_text_never_as_a_formula(tmp_path, risky_wb, writer):
    path = tmp_path / "out.xlsx"
    writer(risky_wb, path)
    book = openpyxl.load_workbook(path)
    sc = book["Scenarios"]
    head = match_header([c.value for c in sc[1]], "Scenarios", default_aliases())  # words or keys
    for i, text in enumerate(DANGEROUS):
        for column in ("name", "model", "note"):
            cell = sc.cell(i + 2, head.index(column) + 1)
            expected = DANGEROUS[3] if column == "model" else text
            assert cell.value == expected and cell.data_type == "s", (column, text)
    models = book["Models"]
    assert models["A2"].data_type == "s" and models["A2"].value == DANGEROUS[3]
    again = read_workbook(path)
    assert again.scenario_names()[: len(DANGEROUS)] == DANGEROUS
    # the scenario still computes: its model (named like a formula) is found
    assert again.results.error(0, "train_flops") is None


def test_control_characters_do_not_break_a_save(tmp_path):
    wb = default_workbook()
    wb.set_cell("Scenarios", 0, "note", "line\x01one\x1ftwo")
    write_document(wb, tmp_path / "doc.xlsx")
    assert read_workbook(tmp_path / "doc.xlsx").tables["Scenarios"].get(0, "note") == "lineonetwo"


def _rewrite(src, dst, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
             compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, (replace or {}).get(info.filename, zin.read(info.filename)))
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "doc.xlsx"
    write_document(default_workbook(), path)
    return path


def test_xml_entity_bomb_is_refused(tmp_path, document):
    part = "xl/worksheets/sheet1.xml"  # the Models sheet
    with zipfile.ZipFile(document) as z:
        xml = z.read(part)
    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                         for i in range(1, 10))
              + b"]>\n")
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    assert b"<t>GPT-3 175B</t>" in body
    bomb = laughs + body.replace(b"<t>GPT-3 175B</t>", b"<t>&lol9;</t>", 1)
    path = _rewrite(document, tmp_path / "bomb.xlsx", replace={part: bomb})
    with pytest.raises(ImportProblems, match="declares XML entities"):
        read_workbook(path)


def test_zip_bomb_is_refused_before_parsing(tmp_path, document):
    path = _rewrite(document, tmp_path / "zipbomb.xlsx", add={"xl/media/padding.bin": b"\0" * (8 << 20)})
    with pytest.raises(ImportProblems, match="compressed .* to 1"):
        read_workbook(path)


def test_oversized_archive_is_refused(document, monkeypatch):
    monkeypatch.setattr(xlsx_read, "MAX_UNCOMPRESSED", 10_000)
    with pytest.raises(ImportProblems, match="would unpack to"):
        read_workbook(document)


def test_macros_are_never_loaded(tmp_path, document, monkeypatch):
    path = _rewrite(document, tmp_path / "macro.xlsm", add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"})
    wb = read_workbook(path)  # the data is read; the macro part is not
    out = tmp_path / "resaved.xlsx"
    write_document(wb, out)
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if "vba" in n.lower()]
    calls = []
    real = openpyxl.load_workbook
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: calls.append(k) or real(*a, **k))
    read_workbook(path)
    assert calls and all(k.get("keep_vba") is False for k in calls)
