"""The one multiprocessing forkserver of a test process, for the kill tests' children.

A child forked from it starts in milliseconds (the console's modules are already imported) and is a
real process: SIGKILL ends it like a power cut ends the console. A process has ONE forkserver and its
preload list counts only when it starts, so every kill test's child module is preloaded here, whichever
test starts it first: the storm's workloads (tests/stress/test_kill_storm.py) and the fiscal kill tests'
children (tests/services/test_fiscal_kill.py).
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any
from typing import Final

__all__ = ["CHILD_MODULES", "forkserver"]

CHILD_MODULES: Final = ("tests.support.stress_harness", "tests.support.fiscal_kill_driver")


def forkserver() -> Any:
    """The forkserver context, its server started now (its imports paid here, not in a child's time)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(CHILD_MODULES))
    warm_up = context.Process(target=os.getpid)
    warm_up.start()
    warm_up.join(120)
    return context
