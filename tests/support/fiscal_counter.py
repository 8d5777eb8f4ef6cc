"""A counter of the fiscal service tests: the bank's services (``tests.support.ops_harness``) and a
``FiscalService`` attached to their events, on the world's store or a store of its own (another counter
on the same database, or the next start of a console that was killed)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from collections.abc import Callable
from typing import TypeVar

from epay_desktop.domain import Payment
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.services.fiscal.service import Connect
from epay_desktop.services.fiscal.service import FiscalService
from epay_desktop.store.db import Store
from tests.support import ops_harness as h

__all__ = ["Counter"]

T = TypeVar("T")


class Counter:
    """One counter's services on the world's store (or its own): the bank's and the fiscal ones."""

    def __init__(self, world: h.World, connect: Connect, store: Store | None = None) -> None:
        self.world, self.connect, self.store = world, connect, store or world.store

    def run(self, scenario: Callable[[h.Services, FiscalService], Awaitable[T]]) -> T:
        """``scenario(svc, service)`` in a new event loop: the bank's services and the fiscal one."""

        async def main() -> T:
            async with h.services(self.store, self.world.control.base_url, self.world.clock) as svc:
                service = FiscalService(self.store, self.connect, self.world.clock)
                service.attach(svc.bus)
                try:
                    return await scenario(svc, service)
                finally:
                    await service.aclose()

        return asyncio.run(main())

    async def sell(
        self, svc: h.Services, service: FiscalService, amount: str
    ) -> tuple[Payment, list[FiscalRecord]]:
        """A sale paid at the bank, its fiscal follow-up done: the payment and its fiscal records."""
        payment = await h.paid_payment(svc, self.world.control, self.world.cashier, amount)
        await service.drain()
        return payment, await service.records_of(payment.id)
