"""Starting the console runs without the cyclic collector and gives it back (decision 0062)."""

from __future__ import annotations

import gc
from typing import Any

import pytest


@pytest.fixture
def gui(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """``run_gui`` replaced by a recorder of the collector's state while the console would run."""
    import epay_desktop.display_check as display_check
    import epay_desktop.ui.app.main as gui_main

    seen: dict[str, Any] = {}

    def run_gui(**_options: object) -> int:
        seen["enabled"] = gc.isenabled()
        seen["frozen"] = gc.get_freeze_count()
        if seen.get("fail"):
            raise RuntimeError("the console failed")
        return 0

    monkeypatch.setattr(display_check, "display_problem", lambda: None)
    monkeypatch.setattr(gui_main, "run_gui", run_gui)
    return seen


def test_the_console_starts_without_the_collector_and_gives_it_back(gui: dict[str, Any]) -> None:
    from epay_desktop.cli import main

    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert main([]) == 0
    assert gui["enabled"] is False  # the imports and the start-up ran without it ...
    assert gui["frozen"] > 0  # ... and what they made is out of its sight
    assert gc.isenabled() and gc.get_freeze_count() == 0  # the caller's collector, as it was


def test_a_console_that_fails_gives_the_collector_back_too(gui: dict[str, Any]) -> None:
    from epay_desktop.cli import main

    gui["fail"] = True
    with pytest.raises(RuntimeError):
        main([])
    assert gui["enabled"] is False
    assert gc.isenabled() and gc.get_freeze_count() == 0
