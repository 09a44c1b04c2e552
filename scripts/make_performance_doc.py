"""Run the benchmark and record it in docs/performance.md (figures vary by machine: not a test).

Run: python scripts/make_performance_doc.py
"""

from __future__ import annotations

import json
import os
import sys

from docgen import ROOT

from llmcost_gui.bench import run_all, write_performance_doc


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = run_all()
    print(json.dumps(results, indent=1))
    write_performance_doc(results, ROOT / "docs" / "performance.md")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown after a QApplication lived in this process
