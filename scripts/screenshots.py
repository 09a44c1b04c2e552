"""Render the README screenshots: docs/screenshots/window-en.png and window-zh_CN.png.

Each is made by the application's own ``--screenshot`` path (1400×900, default workbook), in a
separate process so that every language starts fresh.  Run: ``.venv/bin/python scripts/screenshots.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for lang in ("en", "zh_CN"):
        target = OUT / f"window-{lang}.png"
        subprocess.run([sys.executable, "-m", "llmcost_gui", "--lang", lang, "--screenshot", str(target)],
                       check=True, cwd=ROOT, env=env)
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
