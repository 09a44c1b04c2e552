"""Reproducible dependencies: every requirement is pinned in constraints.txt, which `make package`
uses; only the broken PySide6 release is excluded; the linters are pinned in the dev extra."""

import re
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not pinned: {line}"
            pins[_name(name)] = version
    return pins


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_requirement_is_pinned():
    project = _project()
    wanted = project["dependencies"] + [r for extra in ("test", "dev", "package")
                                        for r in project["optional-dependencies"][extra]]
    pins = _pins()
    assert [r for r in wanted if _name(r) not in pins] == []


def test_only_the_broken_pyside_release_is_excluded():
    pyside = [r for r in _project()["dependencies"] if _name(r) == "pyside6-essentials"]
    assert pyside == ["PySide6-Essentials>=6.6,!=6.12.0"]
    assert _pins()["pyside6-essentials"] != "6.12.0"


def test_linters_are_pinned_and_make_uses_the_constraints():
    dev = _project()["optional-dependencies"]["dev"]
    assert all("==" in r for r in dev) and {_name(r) for r in dev} == {"ruff", "import-linter"}
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-c constraints.txt" in makefile and "lint-imports" in makefile
