"""The demo's console without Qt (``open_app`` on a demo folder with the demo's sandbox running), and a
shift's figures as the sandbox's ledger has them (decision 0115).

Used by tests/e2e/test_demo_seed.py, tests/e2e/test_demo_shift.py and tests/e2e/test_demo_shift_gui.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from epay_desktop.app import AppContext
from epay_desktop.app import open_app
from epay_desktop.demo import demo_environ
from epay_desktop.demo import start_demo_sandbox
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxState

__all__ = ["LedgerFigures", "demo_app", "ledger_figures"]


@asynccontextmanager
async def demo_app(
    home: Path, sandbox: RunningSandbox | None = None, *, clock: Callable[[], datetime] | None = None
) -> AsyncIterator[tuple[AppContext, RunningSandbox]]:
    """The console's services on ``home`` (not yet seeded: call ``prepare_demo``) against ``sandbox``,
    or the demo's own sandbox started on loopback for the while (then stopped on the way out); ``clock``:
    the console's time (None: the real one)."""
    with contextlib.ExitStack() as stack:
        running = sandbox if sandbox is not None else stack.enter_context(start_demo_sandbox())
        app = await open_app(demo_environ(home, running.base_url), clock=clock)
        try:
            yield app, running
        finally:
            await app.aclose()


@dataclass(frozen=True)
class LedgerFigures:
    """A shift's figures as the sandbox's ledger has them: (count, tiyn) per kind."""

    sales: tuple[int, int]  # one-step payments paid (their first operation a charge)
    holds: tuple[int, int]  # two-step payments (an auth), at the authorised amount
    charges: tuple[int, int]  # charges of holds
    cancels: tuple[int, int]
    refunds: tuple[int, int]  # refunds sent by the console (an externalID)
    cabinet: tuple[int, int]  # refunds made in the merchant cabinet (no externalID)

    @property
    def net(self) -> int:
        """What the shop took by the bank's operations, the cabinet's refunds left out."""
        return self.sales[1] + self.charges[1] - self.refunds[1]


def ledger_figures(state: SandboxState, start: datetime, end: datetime) -> LedgerFigures:
    """The ledger's figures for payments begun in ``[start, end)`` and operations made then."""
    txns = state.ledger.all()
    begun = [t for t in txns if start <= t.created < end and t.operations]
    one_step = [t for t in begun if t.operations[0].kind == "charge"]
    two_step = [t for t in begun if t.operations[0].kind == "auth"]
    held = {t.id for t in txns if any(o.kind == "auth" for o in t.operations)}
    ops = [(t, o) for t in txns for o in t.operations if start <= o.time < end]

    def total(found: list[int]) -> tuple[int, int]:
        return len(found), sum(found)

    return LedgerFigures(
        sales=total([t.org_amount for t in one_step]),
        holds=total([t.org_amount for t in two_step]),
        charges=total([o.amount for t, o in ops if o.kind == "charge" and t.id in held]),
        cancels=total([o.amount for _, o in ops if o.kind == "cancel"]),
        refunds=total([o.amount for _, o in ops if o.kind == "refund" and o.external_id]),
        cabinet=total([o.amount for _, o in ops if o.kind == "refund" and not o.external_id]),
    )
