"""Shared by the money-operation tests and their child-process drivers (``tests.support.refund_driver``,
``tests.support.race_driver``, run with ``python -m`` from the project root).

Everything here is test scaffolding: a fake clock, accounts with their audited creation, and a builder
that wires the real services against the sandbox (the store comes from ``tests.support.database``, the
control client from ``tests.support.sandbox``, the merchant from ``tests.support.merchant``).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import asynccontextmanager
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any
from typing import TypeVar

import httpx

from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import RetryPolicy
from epay_desktop.gateway.config import sandbox_endpoints
from epay_desktop.services.events import EventBus
from epay_desktop.services.money_ops.crash_points import FaultPoints
from epay_desktop.services.money_ops.operations import MoneyOperations
from epay_desktop.services.payments.payment_service import PaymentService
from epay_desktop.services.payments.reconcile import Reconciler
from epay_desktop.store.db import Store
from tests.support.clock import Clock
from tests.support.database import open_store
from tests.support.merchant import CREDENTIALS
from tests.support.merchant import TERMINAL_ID
from tests.support.sandbox import TLS
from tests.support.sandbox import SandboxControl

__all__ = [
    "Clock",
    "Control",
    "Requests",
    "Services",
    "World",
    "add_user",
    "get_user",
    "open_store",
    "services",
]

TERMINAL = TERMINAL_ID

T = TypeVar("T")


async def no_sleep(_seconds: float) -> None:
    """Injected where production code waits between quick retries: yield, do not wait."""
    await asyncio.sleep(0)


# -- database ---------------------------------------------------------------------------------------


def add_user(store: Store, name: str, role: Role) -> User:
    """An account with its audited creation: services check a role against the log (decision 0075)."""
    with store.write() as tx:
        user = tx.users.add(name, role, "not-a-real-hash", datetime.now(UTC))
        tx.audit.append(None, "user.added", f"user:{user.id}", {"name": name, "role": role.value})
        return user


def get_user(store: Store, user_id: int) -> User:
    with store.read() as tx:
        return tx.users.get(user_id)


class Control(SandboxControl):
    """The control client for a sandbox a test started itself (tests/stress): ``reset`` empties it
    through the control API. The session's shared sandbox is made fresh by its fixtures instead."""

    def reset(self) -> None:
        assert self.call("POST", "/sandbox/reset").status_code == 200


# -- the services under test -----------------------------------------------------------------------


@dataclass
class Requests:
    """Every request the console's HTTP client sent: (method, path, query params)."""

    seen: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    async def on_request(self, request: httpx.Request) -> None:
        self.seen.append((request.method, request.url.path, dict(request.url.params)))

    def count(self, path_part: str, method: str = "POST") -> int:
        return sum(1 for m, p, _ in self.seen if m == method and path_part in p)


@dataclass
class Services:
    client: EpayClient
    payments: PaymentService
    ops: MoneyOperations
    reconciler: Reconciler
    bus: EventBus
    requests: Requests


@asynccontextmanager
async def services(
    store: Store,
    base_url: str,
    clock: Callable[[], datetime],
    *,
    faults: FaultPoints | None = None,
    timeout: float = 5.0,
    quiet_period: timedelta = timedelta(seconds=60),
    request_hooks: list[Callable[[httpx.Request], Awaitable[None]]] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    retry_attempts: int = 2,
    register_id: str = "till-1",
) -> AsyncIterator[Services]:
    """The real services wired against the sandbox, at the counter ``register_id`` (its payments and
    money operations are that register's); build inside the loop that uses them."""
    requests = Requests()
    hooks = [requests.on_request, *(request_hooks or [])]
    http = httpx.AsyncClient(timeout=timeout, event_hooks={"request": hooks}, transport=transport, verify=TLS)
    client = EpayClient(
        sandbox_endpoints(base_url),
        CREDENTIALS,
        http=http,
        retry=RetryPolicy(attempts=retry_attempts, base=0.01, cap=0.02),
        sleep=no_sleep,
    )
    bus = EventBus()
    payments = PaymentService(store, client, bus, clock, register_id=register_id, terminal_id=TERMINAL)
    ops = MoneyOperations(
        store,
        client,
        payments,
        bus,
        clock,
        faults or FaultPoints({}),
        quiet_period=quiet_period,
        resolve_delay=0,
        sleep=no_sleep,
        register_id=register_id,
    )
    reconciler = Reconciler(store, payments, ops, clock)
    try:
        yield Services(client, payments, ops, reconciler, bus, requests)
    finally:
        await client.aclose()
        await http.aclose()


async def paid_payment(svc: Services, control: SandboxControl, actor: User, amount: str) -> Payment:
    """A payment taken through PaymentService and paid by the customer at the sandbox, refreshed."""
    session = await svc.payments.create_payment(actor, CheckoutRequest(Money.parse(amount)))
    invoice = session.payment.invoice_id
    await asyncio.to_thread(control.customer_pays, invoice)
    return await svc.payments.refresh_status(invoice)


@dataclass
class World:
    """A console's store with a manager and a cashier, the sandbox's control client and the clock: what
    the service tests drive. ``run`` wires fresh services (``services``) for one scenario."""

    store: Store
    control: SandboxControl
    clock: Clock
    manager: User
    cashier: User

    def run(self, scenario: Callable[[Services], Awaitable[T]], **options: Any) -> T:
        async def main() -> T:
            async with services(self.store, self.control.base_url, self.clock, **options) as svc:
                return await scenario(svc)

        return asyncio.run(main())

    def paid(self, amount: str = "100") -> Payment:
        return self.run(lambda svc: paid_payment(svc, self.control, self.cashier, amount))


@contextmanager
def world_parts(sandbox_url: str, db_url: str) -> Iterator[tuple[Store, SandboxControl, User, User]]:
    """A fresh store with "Manager" and "Cashier" and a control client for the (fresh) sandbox at
    ``sandbox_url``; both closed afterwards."""
    store = open_store(db_url)
    manager = add_user(store, "Manager", Role.MANAGER)
    cashier = add_user(store, "Cashier", Role.CASHIER)
    try:
        with SandboxControl(sandbox_url) as control:
            yield store, control, manager, cashier
    finally:
        store.close()
