"""Shared helpers of the io tests: LibreOffice recalculation and cell comparison."""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import pytest


@pytest.fixture
def recalc(tmp_path):
    """recalc(paths) -> recalculated copies: LibreOffice headless opens each .xlsx, computes every
    formula and saves it again, with a private profile so parallel runs do not clash."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: `make system-deps` installs "
                    "libreoffice-calc-nogui, which the Excel recalculation proof needs")

    def run(paths: list[Path]) -> list[Path]:
        out = tmp_path / "recalculated"
        out.mkdir(exist_ok=True)
        profile = (tmp_path / "lo-profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "xlsx", "--outdir", str(out), *map(str, paths)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        results = [out / Path(p).name for p in paths]
        missing = [r for r in results if not r.exists()]
        assert not missing, f"LibreOffice did not convert {missing}: {done.stdout} {done.stderr}"
        return results

    return run


@pytest.fixture
def agrees():
    """agrees(app_value, app_error, sheet_value) -> None, or what differs."""
    return _same_cell


def _same_cell(app_value, app_error: str | None, sheet_value) -> str | None:
    """None when a spreadsheet cell agrees with the app's result, else what differs."""
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
