"""The GUI-thread garbage collector, and who may start the console as root."""

from __future__ import annotations

import gc

import pytest

from epay_desktop.ui.app import main as gui_main
from epay_desktop.ui.app.gc_guard import MainThreadCollector


def test_collector_turns_automatic_gc_off_and_collects_on_its_timer(qapp):
    collector = MainThreadCollector(interval_ms=10_000)
    collector.start()
    try:
        assert not gc.isenabled()
        junk = []
        for _ in range(gc.get_threshold()[0] + 10):  # fill generation 0 with cycles
            a: list[object] = []
            a.append(a)
            junk.append(a)
        del junk
        collector.check()
        assert collector.collections == 1
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        collector.stop()
    assert gc.isenabled()


def test_real_console_refuses_root_but_the_demo_may_run(monkeypatch):
    monkeypatch.setattr(gui_main.os, "geteuid", lambda: 0)
    monkeypatch.delenv("QTWEBENGINE_DISABLE_SANDBOX", raising=False)
    refusal = gui_main._root_refusal(demo=False)
    assert refusal is not None and "must not run as root" in refusal
    assert "QTWEBENGINE_DISABLE_SANDBOX" not in gui_main.os.environ
    assert gui_main._root_refusal(demo=True) is None
    assert gui_main.os.environ["QTWEBENGINE_DISABLE_SANDBOX"] == "1"


@pytest.mark.parametrize("demo", [False, True])
def test_a_normal_user_is_never_refused(monkeypatch, demo):
    monkeypatch.setattr(gui_main.os, "geteuid", lambda: 1000)
    monkeypatch.delenv("QTWEBENGINE_DISABLE_SANDBOX", raising=False)
    assert gui_main._root_refusal(demo=demo) is None
    assert "QTWEBENGINE_DISABLE_SANDBOX" not in gui_main.os.environ
