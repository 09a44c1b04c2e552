"""Render resources/icons/llmcost-gui.svg to the PNG sizes desktops ask for, plus a Windows .ico.

Run from the repository root with the project's venv (needs PySide6's QtSvg, part of
PySide6-Essentials):  ``.venv/bin/python packaging/render_icons.py``.  The PNGs are committed,
so a build never needs this step; rerun it after editing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SIZES = (16, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "llmcost-gui.svg"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """One square, transparent, antialiased rendering of the icon."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    for size in SIZES:
        out = ICONS / f"llmcost-gui-{size}.png"
        if not render(renderer, size).save(str(out), "PNG"):
            print(f"cannot write {out}", file=sys.stderr)
            return 1
        print(f"wrote {out.relative_to(ICONS.parent.parent)}")
    # Windows wants one .ico; Qt's ico writer stores the single image it is given (256 px).
    if b"ico" in [bytes(f) for f in QImageWriter.supportedImageFormats()]:
        ico = ICONS / "llmcost-gui.ico"
        render(renderer, 256).save(str(ico), "ICO")
        print(f"wrote {ico.relative_to(ICONS.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
