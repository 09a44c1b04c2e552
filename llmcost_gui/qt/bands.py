"""P10/P50/P90 bands of the scenario on screen, computed off the GUI thread and cached.

The summary strip (or any widget) asks :meth:`BandsProvider.bands_for` for a scenario row: the
answer is the cached bands when that scenario's inputs are unchanged, otherwise None, and a
computation is scheduled; :attr:`BandsProvider.ready` announces the row when its bands arrive.
Only what is asked for is computed: one scenario at a time, never the whole workbook.

The work runs in the computing process (:mod:`llmcost_gui.worker`), so the window's interpreter
is never shared with it.  The cache is keyed by :func:`core.uncertainty.dependency_key` (the scenario's cells, the records
it names, the assumptions) and by the Monte Carlo settings, so it is invalidated exactly when an
input the scenario depends on changes, and a scenario that moves (rows inserted above) keeps its
bands.  The settings are the Uncertainty chart's (samples, seed, ranges): the strip and the chart
draw the same samples and show the same P10/P50/P90.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..core import uncertainty
from ..core.formulas import RESULT_KEYS
from .background import ProcessComputer

BAND_DELAY_MS = 150  # requests within this time share one computation
CACHE_SIZE = 64  # scenarios whose bands are kept

Settings = tuple[int, int, dict]  # (samples, seed, ranges)


def default_settings() -> Settings:
    return uncertainty.DEFAULT_SAMPLES, uncertainty.DEFAULT_SEED, uncertainty.DEFAULT_RANGES


class BandsProvider(QObject):
    """Bands of one scenario at a time: cached per scenario, computed on request."""

    ready = Signal(int)  # the scenario row whose bands just became available

    def __init__(self, parent=None, keys: tuple[str, ...] = RESULT_KEYS,
                 settings: Callable[[], Settings | None] | None = None):
        super().__init__(parent)
        self.keys = tuple(keys)
        self.settings = settings  # the Uncertainty chart's settings, or None for the defaults
        self.workbook = None
        self._cache: OrderedDict[tuple, dict] = OrderedDict()
        self._wanted: int | None = None
        self._scheduled: tuple | None = None  # (cache key, row) the timer will compute
        self._pending: tuple | None = None  # (cache key, row) of the computation under way
        self._computer = ProcessComputer(self)  # in the computing process: no GIL shared
        self._computer.finished.connect(self._arrived)
        self._computer.error.connect(lambda _msg: self._arrived({}))  # no bands for these inputs
        self._computer.lost.connect(self._lost)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BAND_DELAY_MS)
        self._timer.timeout.connect(self._start)

    def set_workbook(self, workbook) -> None:
        """Another document: nothing cached belongs to it."""
        if workbook is not self.workbook:
            self.workbook = workbook
            self._cache.clear()

    @property
    def busy(self) -> bool:
        return self._timer.isActive() or self._computer.busy

    def cancel(self) -> None:
        """Nothing is on screen any more: drop the scheduled or queued computation."""
        self._timer.stop()
        self._computer.cancel()
        self._pending = self._scheduled = None

    def _settings(self) -> Settings:
        chosen = self.settings() if self.settings is not None else None
        return chosen or default_settings()

    def _key(self, row: int, settings: Settings) -> tuple:
        samples, seed, ranges = settings
        return (uncertainty.dependency_key(self.workbook, row), samples, seed, tuple(ranges.items()))

    def bands_for(self, row: int) -> dict | None:
        """{result key: Band or None} of scenario `row`, or None while they are being computed."""
        wb = self.workbook
        if wb is None or not 0 <= row < wb.tables["Scenarios"].nrows:
            return None
        key = self._key(row, self._settings())
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        if self._pending != (key, row) and self._scheduled != (key, row):
            self._scheduled, self._wanted = (key, row), row  # repeated asks do not delay it
            self._timer.start()
        return None

    def _start(self) -> None:
        self._scheduled = None
        row, wb = self._wanted, self.workbook
        if wb is None or row is None or not 0 <= row < wb.tables["Scenarios"].nrows:
            return
        from ..core.variants import Snapshot

        samples, seed, ranges = settings = self._settings()
        self._pending = (self._key(row, settings), row)
        self._computer.submit(uncertainty.scenario_bands, Snapshot(wb), row, self.keys, samples, seed,
                              ranges)

    def _lost(self, _reason: str) -> None:
        """The computing process ended: nothing is cached; the next request tries again."""
        self._pending = None

    def _arrived(self, bands: dict) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        key, row = pending
        self._cache[key] = bands
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        self.ready.emit(row)
