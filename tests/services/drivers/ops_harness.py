"""Shared by the money-operation tests and their child-process drivers.

Test modules load it with ``sys.path`` pointing at this folder (importlib mode forbids importing
sibling test modules); driver scripts run from this folder, so Python finds it by itself.
Everything here is test scaffolding: a sandbox control client, a fake clock, a store opener and a
builder that wires the real services against the sandbox.
"""

from __future__ import annotations

import asyncio
import json
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

import httpx

from epay_desktop.domain import InvoiceId, Money, Payment, Role, User
from epay_desktop.gateway import Credentials, EpayClient, RetryPolicy, Secret
from epay_desktop.gateway.config import sandbox_endpoints
from epay_desktop.services.events import EventBus
from epay_desktop.services.money_ops.crash_points import FaultPoints
from epay_desktop.services.money_ops.operations import MoneyOperations
from epay_desktop.services.payments.payment_service import PaymentService
from epay_desktop.services.payments.reconcile import Reconciler
from epay_desktop.store.db import Store, make_engine
from epay_desktop.store.models import Base

TERMINAL = "67e34d63-102f-4bd1-898e-370781d0074d"
CREDENTIALS = Credentials("test", Secret("yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG"), TERMINAL)
APPROVED_CARD = "4405639704015096"
#: The audit chain's key in tests; parent and child processes must share it.
AUDIT_KEY = b"\x07" * 32
#: One default (verifying) TLS context for every test client: building one per client costs ~40 ms.
TLS = ssl.create_default_context()

T = TypeVar("T")


async def no_sleep(_seconds: float) -> None:
    """Injected where production code waits between quick retries: yield, do not wait."""
    await asyncio.sleep(0)


class Clock:
    """A settable UTC clock starting at the real time (refund windows count from real dates)."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


# -- database ---------------------------------------------------------------------------------------


def open_store(url: str, *, create: bool = True) -> Store:
    """A Store on ``url`` (schema created from models.py when ``create``), with the tests' audit key."""
    engine = make_engine(url)
    if create:
        Base.metadata.create_all(engine)
    return Store(engine, audit_key=AUDIT_KEY)


def add_user(store: Store, name: str, role: Role) -> User:
    """An account with its audited creation: services check a role against the log (decision 0075)."""
    with store.write() as tx:
        user = tx.users.add(name, role, "not-a-real-hash", datetime.now(UTC))
        tx.audit.append(None, "user.added", f"user:{user.id}", {"name": name, "role": role.value})
        return user


def get_user(store: Store, user_id: int) -> User:
    with store.read() as tx:
        return tx.users.get(user_id)


# -- the sandbox's control API ---------------------------------------------------------------------


@dataclass
class Control:
    """Synchronous calls to the sandbox's control API (no token; loopback only)."""

    base_url: str

    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        with httpx.Client(base_url=self.base_url, timeout=10, verify=TLS) as http:
            return http.request(method, path, **kwargs)

    def reset(self) -> None:
        assert self.call("POST", "/sandbox/reset").status_code == 200
        assert self.call("DELETE", "/sandbox/faults").status_code == 200

    def fault(self, operation: str, kind: str, value: float | int = 0, times: int = 1) -> None:
        body = {"operation": operation, "kind": kind, "value": value, "times": times}
        response = self.call("POST", "/sandbox/faults", json=body)
        assert response.status_code == 201, response.text

    def clear_faults(self) -> None:
        assert self.call("DELETE", "/sandbox/faults").status_code == 200

    def ledger(self) -> list[dict[str, Any]]:
        answer: list[dict[str, Any]] = json.loads(
            self.call("GET", "/sandbox/transactions").text, parse_float=Decimal
        )
        return answer

    def operations(self, invoice: InvoiceId, kind: str = "refund") -> list[dict[str, Any]]:
        [entry] = [t for t in self.ledger() if t["invoiceId"] == invoice.value]
        return [op for op in entry["operations"] if op["kind"] == kind]

    def refunded_minor(self, invoice: InvoiceId) -> int:
        return sum(int(Decimal(str(op["amount"])) * 100) for op in self.operations(invoice))

    def pay(self, invoice: InvoiceId, pan: str = APPROVED_CARD) -> dict[str, Any]:
        today = date.today()
        body = {
            "invoiceId": invoice.value,
            "pan": pan,
            "expiry": f"{today.month:02d}/{(today.year + 1) % 100:02d}",
            "cvc": "123",
            "name": "TEST BUYER",
        }
        response = self.call("POST", "/sandbox/pay", json=body)
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer


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
) -> AsyncIterator[Services]:
    """The real services wired against the sandbox; build inside the loop that uses them."""
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
    payments = PaymentService(store, client, bus, clock, register_id="till-1", terminal_id=TERMINAL)
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
    )
    reconciler = Reconciler(store, payments, ops, clock)
    try:
        yield Services(client, payments, ops, reconciler, bus, requests)
    finally:
        await client.aclose()
        await http.aclose()


async def paid_payment(svc: Services, control: Control, actor: User, amount: str) -> Payment:
    """A payment taken through PaymentService and paid by the customer at the sandbox, refreshed."""
    session = await svc.payments.create_payment(actor, Money.parse(amount))
    invoice = session.payment.invoice_id
    await asyncio.to_thread(control.pay, invoice)
    return await svc.payments.refresh_status(invoice)


@dataclass
class World:
    """A console's store with a manager and a cashier, the sandbox's control client and the clock: what
    the service tests drive. ``run`` wires fresh services (``services``) for one scenario."""

    store: Store
    control: Control
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
def world_parts(sandbox_url: str, db_url: str) -> Iterator[tuple[Store, Control, User, User]]:
    """A reset sandbox and a fresh store with "Manager" and "Cashier"; closed and reset afterwards."""
    control = Control(sandbox_url)
    control.reset()
    store = open_store(db_url)
    manager = add_user(store, "Manager", Role.MANAGER)
    cashier = add_user(store, "Cashier", Role.CASHIER)
    try:
        yield store, control, manager, cashier
    finally:
        store.close()
        control.reset()
