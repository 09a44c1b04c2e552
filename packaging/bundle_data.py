"""What goes into the PyInstaller bundle: data folders, documents, and the Qt parts left out.

Kept apart from ``llmcost-gui.spec`` so that tests can read the same lists the build uses.
Paths are relative to the repository root; destinations are relative to the bundle's
``sys._MEIPASS``, where ``llmcost_gui.paths.resources_dir()`` looks for ``resources/``.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "llmcost-gui"

# resources/<name> -> <bundle>/resources/<name>; every one of them must exist at build time.
RESOURCE_DIRS = ("data", "translations", "icons")
# docs/<file> -> <bundle>/resources/docs/<file>: the user guides are required, the generated
# formula reference is added when it has been built.
REQUIRED_DOCS = ("user-guide.md", "user-guide.zh_CN.md")
OPTIONAL_DOCS = ("formulas.md",)

# Qt for Python modules the app does not use.  Leaving them out keeps the bundle small;
# pyqtgraph imports QtTest and QtOpenGLWidgets inside try/except, so it tolerates their absence.
EXCLUDED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtDataVisualization", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtPdf", "QtPdfWidgets", "QtPositioning",
    "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest",
    "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
    "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest", "QtTextToSpeech", "QtUiTools",
    "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets",
    "QtWebView", "QtXml", "QtAxContainer",
)
# Python packages that sit in the development venv but are never imported by the app.
EXCLUDED_PACKAGES = (
    "tkinter", "matplotlib", "IPython", "scipy", "PyQt5", "PyQt6", "PySide2", "pytest", "_pytest",
    "pytestqt", "hypothesis", "pygments", "ruff", "setuptools", "pkg_resources", "pip",
)
# Shared libraries and plug-in folders of those modules, matched against the file's name
# (the PySide6 hooks may still pull some in through Qt's own dependencies).
EXCLUDED_BINARY_MARKERS = (
    "Qt6Quick", "Qt6Qml", "Qt6WebEngine", "Qt63D", "Qt6Multimedia", "Qt6Charts",
    "Qt6DataVisualization", "Qt6Pdf", "Qt6Sql", "Qt6Test", "Qt6Designer", "Qt6Help",
    "Qt6Lottie", "Qt6Labs", "Qt6VirtualKeyboard", "Qt6ShaderTools", "Qt6WaylandCompositor",
    "qmltooling", "sqldrivers", "/designer/", "libqpdf",
)
# Qt's own translation catalogues: keep the interface languages only.
QT_TRANSLATIONS_KEPT = ("_en", "_zh_CN")


def version(root: Path = ROOT) -> str:
    """The app's version, read from llmcost_gui/__init__.py without importing it."""
    text = (root / "llmcost_gui" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", text, re.M)
    return match.group(1) if match else "0"


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, destination) pairs for PyInstaller's ``datas``; raises when a required one is missing."""
    pairs: list[tuple[str, str]] = []
    missing: list[str] = []
    for name in RESOURCE_DIRS:
        src = root / "resources" / name
        (pairs.append((str(src), f"resources/{name}")) if src.is_dir() else missing.append(str(src)))
    for name in REQUIRED_DOCS + OPTIONAL_DOCS:
        src = root / "docs" / name
        if src.is_file():
            pairs.append((str(src), "resources/docs"))
        elif name in REQUIRED_DOCS:
            missing.append(str(src))
    generated = root / "resources" / "docs"
    if generated.is_dir():  # guides copied next to the data by another build step
        pairs.append((str(generated), "resources/docs"))
    if missing:
        raise FileNotFoundError("the bundle needs: " + ", ".join(missing))
    return pairs


def keep_binary(dest_name: str) -> bool:
    """False for a shared library or plug-in of a Qt module the app does not use."""
    name = dest_name.replace("\\", "/")
    return not any(marker in name for marker in EXCLUDED_BINARY_MARKERS)


def keep_data(dest_name: str) -> bool:
    """False for Qt translation catalogues of languages the app does not offer, QML files and
    translation sources (.ts; the app loads the compiled .qm)."""
    name = dest_name.replace("\\", "/")
    if "/qml/" in name or name.endswith((".qml", ".ts")):
        return False
    if "/translations/" in name and name.endswith(".qm") and "PySide6" in name:
        return any(name.endswith(tag + ".qm") for tag in QT_TRANSLATIONS_KEPT)
    return True
