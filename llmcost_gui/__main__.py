"""``python -m llmcost_gui`` starts the desktop application."""

import sys

from .app import main

sys.exit(main())
