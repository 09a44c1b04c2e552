"""Entry script of the PyInstaller bundle: the same start-up as the ``llmcost-gui`` command."""

import sys

from llmcost_gui.app import main

if __name__ == "__main__":
    sys.exit(main())
