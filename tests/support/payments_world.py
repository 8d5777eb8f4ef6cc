"""The payment service's world against the sandbox, shared by tests/services/test_payments.py and
tests/services/test_poller.py: a store with one cashier, a fake clock, the event bus, the service wired
to a gateway client the test builds (it belongs to the test's event loop), the customer's payment.

Each test module subclasses :class:`PaymentsWorld` with its own ``run`` (what it wires around the
service) and opens it with :func:`payments_world`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any
from typing import TypeVar

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import User
from epay_desktop.gateway import EpayClient
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.services.events import EventBus
from epay_desktop.services.payments.payment_service import PaymentService
from epay_desktop.store.db import Store
from tests.support.builders import cashier_row
from tests.support.clock import Clock
from tests.support.database import open_store
from tests.support.merchant import TERMINAL_ID
from tests.support.sandbox import APPROVED_CARD
from tests.support.sandbox import SandboxControl

__all__ = ["START", "PaymentsWorld", "payments_world"]

#: The fake clock's start; the cashier's account is an hour older.
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
W = TypeVar("W", bound="PaymentsWorld")


@dataclass
class PaymentsWorld:
    sandbox: RunningSandbox
    store: Store
    actor: User
    clock: Clock = field(default_factory=lambda: Clock(START))
    bus: EventBus = field(default_factory=EventBus)

    def payment_service(self, client: EpayClient) -> PaymentService:
        """The service of register ``till-1`` on the test terminal, talking through ``client``."""
        return PaymentService(
            self.store, client, self.bus, self.clock, register_id="till-1", terminal_id=TERMINAL_ID
        )

    def pay(self, invoice: InvoiceId, pan: str = APPROVED_CARD) -> dict[str, Any]:
        """The customer pays ``invoice`` with ``pan`` on the sandbox's page."""
        with SandboxControl(self.sandbox.base_url) as control:
            return control.customer_pays(invoice, pan)


@contextmanager
def payments_world(kind: type[W], sandbox: RunningSandbox, db_url: str, cashier: str) -> Iterator[W]:
    """A ``kind`` on a fresh store at ``db_url`` whose actor is the cashier ``cashier``; closed after."""
    store = open_store(db_url)
    try:
        yield kind(sandbox, store, cashier_row(store, cashier, START - timedelta(hours=1)))
    finally:
        store.close()
