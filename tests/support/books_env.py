"""The books tests' world (tests/services/test_books.py, test_check_payment.py): a loopback sandbox and
the console's services sharing one fake clock (the sandbox's ``status_lag`` moves with ``clock.advance``),
refunds made "in the bank's merchant cabinet" through the control route, and what the store holds.

Import the fixtures into a test module:
``from tests.support.books_env import Env, books_env, books_sandbox, minor`` (they are registered as
``env`` and ``sandbox``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from typing import TypeVar

import pytest

from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain import PaymentEventKind
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox.config import KZ_TZ
from tests.support import ops_harness as h
from tests.support.sandbox import SharedSandbox

__all__ = ["CLOCK", "Env", "books_env", "books_sandbox", "minor"]

T = TypeVar("T")

#: One clock for the module's sandbox and every test's console.
CLOCK = h.Clock()


@dataclass
class Env(h.World):
    def paid(self, amount: str = "1000") -> Payment:
        return super().paid(amount)

    def refund(self, payment: Payment, amount: str, **options: Any) -> Any:
        return self.run(
            lambda svc: svc.ops.refund(self.manager, payment.invoice_id, Money.parse(amount), reason="t"),
            **options,
        )

    def reconcile(self, **options: Any) -> Any:
        return self.run(lambda svc: svc.reconciler.reconcile_all(), **options)

    def review(self, op_id: str, decision: str, **options: Any) -> Any:
        return self.run(lambda svc: svc.ops.review(self.manager, op_id, decision), **options)  # type: ignore[arg-type]

    def cabinet_refund(self, payment: Payment, amount: str) -> None:
        """A refund made in the bank's merchant cabinet: no externalID, nothing the console sent."""
        path = f"/sandbox/invoices/{payment.invoice_id.value}/refund"
        response = self.control.call("POST", path, params={"amount": amount})
        assert response.status_code == 200, response.text

    def lag(self, seconds: int) -> None:
        """The sandbox shows money operations ``seconds`` late; the shop allows for as much."""
        response = self.control.call("PATCH", "/sandbox/options", json={"statusLag": seconds})
        assert response.status_code == 200, response.text
        self.set_lag_setting(seconds)

    def set_lag_setting(self, seconds: int) -> None:
        with self.store.write() as tx:
            tx.settings.set("gateway.status_lag_max_seconds", str(seconds))

    def bank_refunds(self, payment: Payment) -> list[dict[str, Any]]:
        return self.control.operations(payment.invoice_id)

    def ops(self, payment: Payment) -> list[Any]:
        with self.store.read() as tx:
            return tx.operations.list_for_payment(payment.id)

    def externals(self, payment: Payment) -> list[int]:
        with self.store.read() as tx:
            events = tx.payment_events.for_payment(payment.id, PaymentEventKind.EXTERNAL_REFUND)
        return [e.amount.minor for e in events if e.amount is not None]

    def discrepancies(self, payment: Payment) -> list[tuple[str, int | None, int | None]]:
        with self.store.read() as tx:
            return [
                (
                    d.kind,
                    d.console.minor if d.console is not None else None,
                    d.bank.minor if d.bank is not None else None,
                )
                for d in tx.discrepancies.open(payment.id)
            ]


@pytest.fixture(name="sandbox")
def books_sandbox(shared_sandbox: SharedSandbox, request: pytest.FixtureRequest) -> RunningSandbox:
    """The session's sandbox, fresh, on the module's clock."""
    config = SandboxConfig(clock=lambda: CLOCK.now.astimezone(KZ_TZ))
    return shared_sandbox.fresh(config, holder=request.node.nodeid)


@pytest.fixture(name="env")
def books_env(sandbox: RunningSandbox, db_url: str) -> Iterator[Env]:
    with h.world_parts(sandbox.base_url, db_url) as (store, control, manager, cashier):
        yield Env(store, control, CLOCK, manager, cashier)


def minor(amount: str) -> int:
    return Money.parse(amount).minor
