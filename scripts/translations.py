"""Regenerate resources/translations/llmcost_zh_CN.ts and .qm.

1. pyside6-lupdate extracts the interface strings (self.tr / QCoreApplication.translate) from
   the window's modules;
2. the Chinese texts below fill them in (strings without one stay English and are listed);
3. pyside6-lrelease compiles the .qm that the application loads.

Run: ``.venv/bin/python scripts/translations.py``.  Every Chinese text comes from the catalogue,
llmcost_gui/core/catalogue/ (interface.UI_ZH here; labels, descriptions and reasons are read from
there at run time).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from llmcost_gui.core.catalogue.interface import UI_ZH  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations" / "llmcost_zh_CN.ts"
SOURCES = [*sorted((ROOT / "llmcost_gui" / "qt").glob("*.py")),
           *sorted((ROOT / "llmcost_gui" / "qt" / "charts").glob("*.py")), ROOT / "llmcost_gui" / "app.py"]

ZH = UI_ZH


def extract(files: list[Path]) -> Path:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or "pyside6-lupdate"
    tmp = Path(tempfile.mkdtemp()) / "extract.ts"
    subprocess.run([lupdate, *map(str, files), "-ts", str(tmp), "-no-obsolete", "-locations", "none"],
                   check=True, capture_output=True)
    return tmp


def fill(ts: Path, out: Path) -> list[str]:
    tree = ET.parse(ts)
    root = tree.getroot()
    root.set("language", "zh_CN")
    missing = []
    for context in root.iter("context"):
        name = context.find("name")
        if name is not None and not (name.text or "").strip() and any(
                (m.findtext("source") or "") in ZH for m in context.iter("message")):
            name.text = "help"  # help.py translates through a helper with this context
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = ZH.get(source)
            if text is None:
                missing.append(source)
                continue
            translation.text = text
            translation.attrib.pop("type", None)
    out.parent.mkdir(parents=True, exist_ok=True)
    ET.indent(tree)
    with open(out, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
    return missing


def release(ts: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or "pyside6-lrelease"
    subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True,
                   capture_output=True)


def main() -> int:
    missing = fill(extract(SOURCES), OUT)
    release(OUT)
    for source in missing:
        print(f"untranslated: {source!r}")
    print(f"wrote {OUT.relative_to(ROOT)} and {OUT.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
