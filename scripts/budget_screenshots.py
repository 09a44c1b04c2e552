"""Render the budget's Summary and Results pages as the user guides show them:
docs/screenshots/budget-summary-{en,zh_CN}.png and budget-results-{en,zh_CN}.png.

The default workbook's budget is exported in each language, printed to PDF by LibreOffice
headless (the budget's own print setup: landscape, one page wide) and the first two pages turned
into images by poppler's pdftoppm.  Needs `make system-deps`.  Run:
``.venv/bin/python scripts/budget_screenshots.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
DPI = 100
PAGES = ("summary", "results")  # the budget's first two printed pages


def render(lang: str, tmp: Path) -> None:
    from llmcost_gui.io.budget import write_budget
    from llmcost_gui.io.defaults import default_workbook

    budget = tmp / f"budget-{lang}.xlsx"
    write_budget(default_workbook(), budget, lang=lang)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp / 'lo').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp), str(budget)], check=True, capture_output=True)
    pdf = budget.with_suffix(".pdf")
    for page, name in enumerate(PAGES, start=1):
        stem = tmp / f"{name}-{lang}"
        subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile",
                        str(pdf), str(stem)], check=True)
        target = OUT / f"budget-{name}-{lang}.png"
        shutil.move(str(stem) + ".png", target)
        print(f"wrote {target.relative_to(ROOT)}")


def main() -> int:
    if not (shutil.which("soffice") or shutil.which("libreoffice")) or not shutil.which("pdftoppm"):
        print("needs LibreOffice and poppler-utils: make system-deps", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="llmcost-shots-") as tmp:
        for lang in ("en", "zh_CN"):
            render(lang, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
