"""The packaging files: desktop entry, AppStream metadata, icons, PyInstaller data lists, make/CI."""

import configparser
import importlib.util
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import llmcost_gui

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def load_bundle_data():
    """packaging/bundle_data.py by path (the folder name clashes with the `packaging` library)."""
    spec = importlib.util.spec_from_file_location("bundle_data", PKG / "bundle_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PKG / "linux" / "llmcost-gui.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def gui_script_name() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = text.split("[project.gui-scripts]", 1)[1].strip().splitlines()[0]
    return section.split("=")[0].strip()


def test_desktop_entry_starts_the_gui_script_with_our_icon():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "LLM Cost Workbench"
    assert entry["Name[zh_CN]"]
    assert entry["Exec"].split()[0] == gui_script_name() == "llmcost-gui"
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == "llmcost-gui"
    assert (ICONS / f"{entry['Icon']}.svg").is_file()
    assert entry["Categories"].endswith(";")


def test_metainfo_is_well_formed_and_names_the_desktop_file_and_version():
    root = ET.parse(PKG / "linux" / "io.github.llmcost.Workbench.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "io.github.llmcost.Workbench"
    assert root.find("launchable").text == "llmcost-gui.desktop"
    assert root.findtext("metadata_license") and root.findtext("project_license") == "MIT"
    versions = [r.get("version") for r in root.iter("release")]
    assert llmcost_gui.__version__ in versions
    assert "llmcost-gui" in [b.text for b in root.iter("binary")]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_exists_at_each_size(size):
    assert png_size(ICONS / f"llmcost-gui-{size}.png") == (size, size)


def test_icon_svg_is_a_square_svg():
    root = ET.parse(ICONS / "llmcost-gui.svg").getroot()
    assert root.tag.endswith("svg")
    _x, _y, w, h = (float(v) for v in root.get("viewBox").split())
    assert w == h


def test_bundle_data_list_holds_resources_and_guides():
    bd = load_bundle_data()
    assert {"data", "translations", "icons"} <= set(bd.RESOURCE_DIRS)
    pairs = bd.resource_datas(ROOT)
    dests = {dest for _src, dest in pairs}
    assert {"resources/data", "resources/translations", "resources/icons", "resources/docs"} <= dests
    sources = {Path(src).name for src, _dest in pairs}
    assert {"user-guide.md", "user-guide.zh_CN.md"} <= sources


def test_bundle_data_refuses_a_tree_without_its_resources(tmp_path):
    (tmp_path / "resources" / "data").mkdir(parents=True)
    with pytest.raises(FileNotFoundError, match="translations"):
        load_bundle_data().resource_datas(tmp_path)


def test_unused_qt_modules_are_left_out():
    bd = load_bundle_data()
    for module in ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia", "QtCharts",
                   "QtDataVisualization", "QtPdf", "QtSql", "QtTest"):
        assert module in bd.EXCLUDED_QT_MODULES
    for needed in ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtOpenGLWidgets"):
        assert needed not in bd.EXCLUDED_QT_MODULES
    assert not bd.keep_binary("PySide6/Qt/lib/libQt6Quick.so.6")
    assert not bd.keep_binary("PySide6/Qt/lib/libQt6WebEngineCore.so.6")
    assert bd.keep_binary("PySide6/Qt/lib/libQt6Widgets.so.6")
    assert bd.keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not bd.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert bd.keep_data("resources/translations/llmcost_zh_CN.qm")


def test_spec_uses_the_shared_lists_and_the_launcher():
    text = (PKG / "llmcost-gui.spec").read_text(encoding="utf-8")
    compile(text, "llmcost-gui.spec", "exec")
    assert "bundle_data.resource_datas(ROOT)" in text
    assert "EXCLUDED_QT_MODULES" in text and "keep_binary" in text
    assert "llmcost_gui_launcher.py" in text
    launcher = (PKG / "llmcost_gui_launcher.py").read_text(encoding="utf-8")
    assert "from llmcost_gui.app import main" in launcher
    assert load_bundle_data().version() == llmcost_gui.__version__


def test_make_package_and_ci_build_and_start_the_bundle():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\npackage:" in makefile and "packaging/llmcost-gui.spec" in makefile
    assert ".[package]" in makefile
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.index("make test") < ci.index("make package") < ci.index("--smoke")
    assert "pyinstaller" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_other_platforms_say_they_are_untested():
    for path in (PKG / "windows" / "build.ps1", PKG / "macos" / "build.sh", PKG / "README.md"):
        assert "untested" in path.read_text(encoding="utf-8").lower(), path


@pytest.mark.parametrize("tool, args, path", [
    ("desktop-file-validate", [], PKG / "linux" / "llmcost-gui.desktop"),
    ("appstreamcli", ["validate", "--no-net"], PKG / "linux" / "io.github.llmcost.Workbench.metainfo.xml"),
])
def test_freedesktop_validators_accept_the_files(tool, args, path):
    exe = shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} is not installed")
    result = subprocess.run([exe, *args, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
