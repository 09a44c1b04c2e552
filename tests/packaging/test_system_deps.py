"""`make system-deps` installs what Qt's xcb plugin loads, and the README lists the same packages."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# libraries PySide6's libqxcb.so loads that a bare Debian/Ubuntu lacks (the first two
# made Qt print the misleading "xcb-cursor0 is needed")
NEEDED = ["libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxcb-image0", "libxcb-render-util0",
          "libxcb-shape0", "libxcb-xinerama0", "libxcb-randr0", "libxkbcommon-x11-0", "libegl1"]


def _qt_deps() -> list[str]:
    text = (ROOT / "Makefile").read_text()
    block = re.search(r"^QT_DEPS := (.*?)(?:\n\n|\Z)", text, re.S | re.M).group(1)
    return block.replace("\\", " ").split()


def test_system_deps_installs_the_xcb_libraries():
    deps = _qt_deps()
    assert all(p in deps for p in NEEDED), set(NEEDED) - set(deps)
    assert "$(QT_DEPS)" in (ROOT / "Makefile").read_text().split("system-deps:")[1]


def test_readme_lists_every_package():
    readme = (ROOT / "README.md").read_text()
    assert "make system-deps" in readme
    missing = [p for p in _qt_deps() if p not in readme]
    assert not missing, missing


def test_license_is_an_spdx_string():
    text = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'^license = "MIT"$', text, re.M), "license must be an SPDX string, not a table"
