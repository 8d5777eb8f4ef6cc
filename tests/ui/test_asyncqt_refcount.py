"""PySide6 6.12.0 on CPython 3.11 drops a reference to None/True/False on every void call and every
``signal.emit()``; ``epay_desktop.ui`` makes the three singletons effectively immortal (as 3.12 does).
Without that, this test aborts the whole pytest process with "Fatal Python error: none_dealloc".
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject
from PySide6.QtCore import Signal

import epay_desktop.ui  # noqa: F401  (applies the work-around)


class Emitter(QObject):
    happened = Signal(object)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None/True/False are immortal from Python 3.12")
def test_many_qt_calls_do_not_exhaust_none_and_true(qapp):
    emitter = Emitter()
    seen: list[object] = []
    emitter.happened.connect(seen.append)
    for n in range(20_000):  # far more than None's or True's natural reference count
        emitter.happened.emit(n)
        emitter.setObjectName("x")
        emitter.blockSignals(False)
    assert len(seen) == 20_000
    assert sys.getrefcount(None) > 1 << 39
    assert sys.getrefcount(True) > 1 << 39 and sys.getrefcount(False) > 1 << 39
