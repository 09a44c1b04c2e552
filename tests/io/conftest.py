"""Shared helpers of the io tests: recalculation by other spreadsheet engines, cell comparison."""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import pytest

# LibreOffice keeps the values stored in an .xlsx unless told to recalculate on load.
_LO_ALWAYS_RECALC = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


def _tool(*names: str, package: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(f"{names[0]} is not installed: `make system-deps` installs {package}")


@pytest.fixture
def recalc(tmp_path):
    """recalc(paths) -> copies recalculated by LibreOffice headless (every formula computed on
    load, whatever value the file stores), with a private profile so parallel runs do not clash."""
    soffice = _tool("soffice", "libreoffice", package="libreoffice-calc-nogui")
    profile = tmp_path / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_LO_ALWAYS_RECALC)

    def run(paths: list[Path], to: str = "xlsx") -> list[Path]:
        out = tmp_path / f"recalculated-{to}"
        out.mkdir(exist_ok=True)
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", to, "--outdir", str(out), *map(str, paths)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        results = [out / (Path(p).stem + "." + to) for p in paths]
        missing = [r for r in results if not r.exists()]
        assert not missing, f"LibreOffice did not convert {missing}: {done.stdout} {done.stderr}"
        return results

    return run


@pytest.fixture
def gnumeric(tmp_path):
    """gnumeric(path) -> a copy recalculated by Gnumeric (`ssconvert --recalc`)."""
    ssconvert = _tool("ssconvert", package="gnumeric")

    def run(path: Path) -> Path:
        out = tmp_path / f"gnumeric-{Path(path).name}"
        done = subprocess.run([ssconvert, "--recalc", str(path), str(out)], capture_output=True,
                              text=True, timeout=300)
        assert out.exists(), f"ssconvert failed: {done.stdout} {done.stderr}"
        return out

    return run


@pytest.fixture
def agrees():
    """agrees(app_value, app_error, sheet_value) -> None, or what differs."""
    return same_cell


def same_cell(app_value, app_error: str | None, sheet_value) -> str | None:
    """None when a spreadsheet cell agrees with the app's result, else what differs."""
    if isinstance(app_value, str):  # a text result (train_layout)
        return None if sheet_value == app_value else f"app {app_value!r}, sheet {sheet_value!r}"
    if app_value is not None:
        if isinstance(sheet_value, bool) or not isinstance(sheet_value, (int, float)):
            return f"app {app_value!r}, sheet {sheet_value!r}"
        if not math.isclose(sheet_value, app_value, rel_tol=1e-9, abs_tol=0.0):
            return f"app {app_value!r}, sheet {sheet_value!r}"
        return None
    if app_error is not None:  # the app shows an error: the sheet must too
        if isinstance(sheet_value, str) and sheet_value.startswith("#"):
            return None
        return f"app error ({app_error}), sheet {sheet_value!r}"
    if sheet_value in (None, ""):  # blank: stage not part of the scenario
        return None
    return f"app blank, sheet {sheet_value!r}"


def same_value(stored, computed) -> bool:
    """A stored value and a recomputed one agree: numbers to 1e-9, blanks, any error, equal text."""
    if stored in (None, "") or computed in (None, ""):
        return stored in (None, "") and computed in (None, "")
    if isinstance(stored, str) and stored.startswith("#"):
        return isinstance(computed, str) and computed.startswith("#")
    if isinstance(stored, (int, float)) and not isinstance(stored, bool):
        return (isinstance(computed, (int, float)) and not isinstance(computed, bool)
                and math.isclose(stored, computed, rel_tol=1e-9, abs_tol=1e-300))
    return stored == computed


def formula_cells(path: Path) -> dict[tuple[str, str], object]:
    """(sheet, cell) -> the value stored with each formula of an .xlsx file."""
    import openpyxl

    formulas = openpyxl.load_workbook(path, read_only=True)
    values = openpyxl.load_workbook(path, read_only=True, data_only=True)
    out = {}
    for ws in formulas.worksheets:
        stored = values[ws.title]
        for frow, vrow in zip(ws.iter_rows(), stored.iter_rows()):
            for f, v in zip(frow, vrow):
                if f.data_type == "f":
                    out[(ws.title, f.coordinate)] = v.value
    return out


def differences(expected: dict[tuple[str, str], object], path: Path) -> list[str]:
    """Formula cells of `expected` whose value in the file at `path` differs."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    got: dict[tuple[str, str], object] = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if getattr(c, "coordinate", None):
                    got[(ws.title, c.coordinate)] = c.value
    return [f"{sheet}!{cell}: stored {value!r}, recomputed {got.get((sheet, cell))!r}"
            for (sheet, cell), value in expected.items() if not same_value(value, got.get((sheet, cell)))]


@pytest.fixture
def check():
    """The comparison helpers, for test modules (a conftest cannot be imported)."""
    import types

    return types.SimpleNamespace(formula_cells=formula_cells, differences=differences, same_value=same_value)


@pytest.fixture(scope="session")
def default_budget(tmp_path_factory):
    """default_budget(lang) -> the default workbook's budget in that language, written once per
    test process (each budget takes seconds to build): read it or copy it, never change it."""
    from llmcost_gui.io.budget import write_budget
    from llmcost_gui.io.defaults import default_workbook

    made: dict[str, Path] = {}

    def get(lang: str = "en") -> Path:
        if lang not in made:
            path = tmp_path_factory.mktemp(f"budget-{lang}") / "budget.xlsx"
            write_budget(default_workbook(), path, lang)
            made[lang] = path
        return made[lang]

    return get
