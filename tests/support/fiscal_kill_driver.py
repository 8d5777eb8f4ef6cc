"""Children of the fiscal kill tests (tests/services/test_fiscal_kill.py), forked from the preloaded
forkserver (tests/support/forkserver.py), as the kill storm's workloads are.

:func:`fiscalise` registers one fiscal receipt the way a counter does after the bank's step, with a
named crash point armed (``EPAY_FAULT_AT``, services/money_ops/crash_points.py): the child SIGKILLs itself
there. :func:`reconcile_together` is one counter's start-up fiscal reconcile, begun at the same instant as
the other counter's (a barrier), sending back what it touched. Both open the existing database and use the
FiscalService the console builds (its crash points read the environment, as in the shipped app).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from typing import Any

from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.services.money_ops.crash_points import FAULT_ENV
from tests.support.database import open_store
from tests.support.fiscal_sandbox import webkassa_connect

__all__ = ["fiscalise", "reconcile_together"]

#: How long a counter waits for the other at the barrier before it gives up (a child that never came).
BARRIER_WAIT = 60.0


def fiscalise(db_url: str, fiscal_url: str, kind: str, key: int | str, fault: str) -> None:
    """Register the fiscal receipt of ``kind`` "sale" (``key``: the payment's id) or "return" (``key``:
    the refund's id), the crash point ``fault`` armed ("" for none)."""
    os.environ[FAULT_ENV] = fault

    async def register(service: FiscalService) -> object:
        if kind == "sale":
            return await service.fiscalise_sale(int(key))
        return await service.fiscalise_refund(str(key))

    asyncio.run(_with_service(db_url, fiscal_url, register))


def reconcile_together(db_url: str, fiscal_url: str, barrier: Any, answers: Any) -> None:
    """Connect (the token, the connection), wait for the other counter at ``barrier``, reconcile, and put
    on ``answers`` what the reconcile touched: (external number, state, fiscal sign) per record."""

    async def reconcile(service: FiscalService) -> object:
        await service.shift_state()  # a read: the token and the connection, before the start line
        await asyncio.to_thread(barrier.wait, BARRIER_WAIT)
        touched = await service.reconcile()
        answers.put(
            [
                (r.external_number, r.state.value, r.receipt.check_number if r.receipt else None)
                for r in touched
            ]
        )
        return touched

    asyncio.run(_with_service(db_url, fiscal_url, reconcile))


async def _with_service(
    db_url: str, fiscal_url: str, work: Callable[[FiscalService], Awaitable[object]]
) -> None:
    store = open_store(db_url, create=False)
    try:
        service = FiscalService(store, webkassa_connect(fiscal_url), lambda: datetime.now(UTC))
        try:
            await work(service)
        finally:
            await service.aclose()
    finally:
        store.close()
