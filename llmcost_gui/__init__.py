"""LLM Cost Workbench: GPU count, days and money for training, fine-tuning and serving LLMs.

``import llmcost_gui as lc`` is light: ``lc.new()``, ``lc.load(path)`` and ``lc.Book`` come from
:mod:`llmcost_gui.api` on first use, and pandas only when a table is asked for.
"""

__version__ = "0.1.0"

_API = ("Book", "new", "load")
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'llmcost_gui' has no attribute '{name}'")


def __dir__():
    return sorted([*globals(), *_API])
