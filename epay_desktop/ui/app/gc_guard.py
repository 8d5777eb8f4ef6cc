"""Garbage collection only on the GUI thread.

CPython runs a collection on whichever thread happens to allocate when a generation's threshold
is passed. When that is the database worker thread or an executor thread and the cycle holds Qt
objects, their C++ halves are destroyed off the GUI thread, and Qt crashes (seen once in the UI
suite: a SIGSEGV while "Garbage-collecting" inside the store's thread). So the console turns the
automatic collector off and collects from a timer on the GUI thread instead, as often as the
collector's own thresholds would have asked for it.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer

__all__ = ["MainThreadCollector"]


class MainThreadCollector(QObject):
    """Disables automatic collection and collects on the GUI thread when generation 0 is full."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()[0]
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self.collections = 0

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def check(self) -> None:
        """Collect if the youngest generation passed its threshold (a full collection now and then)."""
        gen0, gen1, gen2 = gc.get_count()
        if gen0 < self._threshold:
            return
        thresholds = gc.get_threshold()
        generation = 2 if gen2 >= thresholds[2] else 1 if gen1 >= thresholds[1] else 0
        gc.collect(generation)
        self.collections += 1
