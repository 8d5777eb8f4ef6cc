"""The demo's console without Qt: ``open_app`` on a demo folder with the demo's sandbox running.

Used by tests/e2e/test_demo_seed.py and tests/e2e/test_demo_shift.py, which drive the demo module,
the services and the sandbox's ledger with plain ``asyncio.run``.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from epay_desktop.app import AppContext, open_app
from epay_desktop.demo import demo_environ, start_demo_sandbox
from epay_desktop.sandbox import RunningSandbox

__all__ = ["demo_app"]


@asynccontextmanager
async def demo_app(
    home: Path, sandbox: RunningSandbox | None = None
) -> AsyncIterator[tuple[AppContext, RunningSandbox]]:
    """The console's services on ``home`` (not yet seeded: call ``prepare_demo``) against ``sandbox``,
    or the demo's own sandbox started on loopback for the while (then stopped on the way out)."""
    with contextlib.ExitStack() as stack:
        running = sandbox if sandbox is not None else stack.enter_context(start_demo_sandbox())
        app = await open_app(demo_environ(home, running.base_url))
        try:
            yield app, running
        finally:
            await app.aclose()
